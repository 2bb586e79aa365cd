"""A short summary of a record that a person can read at a glance."""

from __future__ import annotations

from newsgraph.model import EntityType, Record


def summarize(record: Record, width: int = 100) -> str:
    d = record.document
    lines = [f"{d.title or '(untitled)'}", f"  {d.author or 'unknown author'} · {d.published or 'no date'}"
             f" · {d.outlet or d.source or ''}".rstrip(" ·")]
    names = {e.id: e.name for e in record.entities}
    people = [e for e in record.entities if e.type is EntityType.PERSON]
    if people:
        lines.append(f"People ({len(people)}):")
        for e in sorted(people, key=lambda e: -len(e.mentions))[:15]:
            roles = "; ".join(
                r.title + (f" of {names[r.of]}" if r.of in names else "") for r in e.roles
            )
            lines.append(f"  {e.name} ×{len(e.mentions)}" + (f" — {roles}" if roles else ""))
    others = [e for e in record.entities if e.type is not EntityType.PERSON]
    if others:
        shown = ", ".join(f"{e.name} [{e.type.value}]" for e in sorted(others, key=lambda e: -len(e.mentions))[:15])
        lines.append(f"Organisations, places, groups ({len(others)}): {shown}")
    if record.times:
        lines.append(f"Dates ({len(record.times)}):")
        for t in record.times[:15]:
            lines.append(f"  {t.text!r} -> {t.value} ({t.type.value})")
    if record.quotes:
        lines.append(f"Quotes ({len(record.quotes)}):")
        for q in record.quotes[:10]:
            who = names.get(q.speaker, "?") if q.speaker else (f"({q.speaker_span.text})" if q.speaker_span else "?")
            text = q.text if len(q.text) <= width else q.text[: width - 1] + "…"
            lines.append(f"  {who} ({q.kind.value}, {q.cue or '-'}): {text}")
    if record.amounts:
        lines.append("Amounts: " + ", ".join(f"{a.text} = {a.value:g} {a.unit}" for a in record.amounts))
    if record.events:
        lines.append(f"Events ({len(record.events)}):")
        for ev in record.events[:10]:
            actors = ", ".join(names.get(a, a) for a in ev.actors)
            targets = ", ".join(names.get(a, a) for a in ev.targets)
            lines.append(f"  {ev.date or '?'} {ev.type.value} {actors} -> {targets} ({ev.trigger}, {ev.modality.value})")
    for w in record.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines)
