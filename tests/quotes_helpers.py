"""Hand-built entities for quote tests: the extractor under test must not depend on the entity extractor."""

from __future__ import annotations

import re

from newsgraph.model import Entity, EntityType, Span


def entities_for(text: str, names: dict[str, EntityType]) -> list[Entity]:
    """One entity per given name, with a mention at every occurrence of it (and of a person's surname)."""
    taken: list[tuple[int, int]] = []
    out = []
    for n, (name, etype) in enumerate(sorted(names.items(), key=lambda kv: -len(kv[0])), 1):
        forms = [name] + ([name.split()[-1]] if etype is EntityType.PERSON and " " in name else [])
        e = Entity(f"e{n}", name, etype, aliases=forms[1:])
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                if any(s < m.end() and m.start() < e_ for s, e_ in taken):
                    continue
                taken.append((m.start(), m.end()))
                e.mentions.append(Span.of(text, m.start(), m.end()))
        e.mentions.sort(key=lambda s: s.start)
        out.append(e)
    return out


def names_in(text: str) -> dict[str, EntityType]:
    """The capitalised names of a test sentence, typed by a small table: enough for rule examples."""
    known = {
        "Maria Lopez": EntityType.PERSON, "Tom Reed": EntityType.PERSON, "Anna Berg": EntityType.PERSON,
        "Le Monde": EntityType.ORG, "New York Times": EntityType.ORG, "CNN": EntityType.ORG,
    }
    return {k: v for k, v in known.items() if k in text}
