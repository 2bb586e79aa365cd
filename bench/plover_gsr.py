"""Read the PLOVER gold-standard records: strip the inline (SRC: ..) markers, keep gold spans as offsets."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

# PLOVER 0.5 names in the GSR -> the PLOVER names the project codes (data/README.md).
REMAP = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
_OPEN = re.compile(r"\((SRC|TAR|EVT|LOC)(?:/(SRC|TAR|LOC))?:\s?")
_BARE = re.compile(r"(?<![(/\w])(SRC|TAR|EVT|LOC):\s")  # a marker that lost its "(": marks nothing


@dataclass
class GoldRecord:
    id: str
    type: str
    mode: str
    text: str
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # SRC, TAR, EVT, LOC, SRC/TAR


def strip_markup(markup: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Plain text and the gold spans the markers enclosed; literal parentheses stay in the text."""
    out: list[str] = []
    pos = 0
    stack: list[tuple[str | None, int]] = []  # (tag or None for a literal "(", start offset)
    spans: dict[str, list[tuple[int, int]]] = {}
    i = 0
    markup = _BARE.sub("", markup)
    while i < len(markup):
        m = _OPEN.match(markup, i)
        if m:
            tag = m.group(1) + ("/" + m.group(2) if m.group(2) else "")
            stack.append((tag, pos))
            i = m.end()
            continue
        ch = markup[i]
        if ch == "(":
            stack.append((None, pos))
        elif ch in ")}" and stack:
            tag, start = stack.pop()
            if tag is not None:
                s, e = start, pos
                while s < e and out_text(out)[s] == " ":
                    s += 1
                spans.setdefault(tag, []).append((s, e))
                i += 1
                continue
        out.append(ch)
        pos += 1
        i += 1
    return "".join(out), spans


def out_text(parts: list[str]) -> str:
    return "".join(parts)


def load(path: Path) -> list[GoldRecord]:
    """Every event record of the GSR (the DOCUMENT record is skipped)."""
    records = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        if r.get("event") == "DOCUMENT" or "textInfo" not in r:
            continue
        info = r["textInfo"]
        markup = info["markup"] if isinstance(info, dict) else info
        text, spans = strip_markup(markup)
        label = REMAP.get(r["event"], r["event"])
        records.append(GoldRecord(r["id"], label, r.get("mode") or "", text, spans))
    return records


_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "GROUP"}


def entities_from_ents(doc):  # noqa: ANN001, ANN201 - bench helper, typed loosely on purpose
    """Stand-in entities from spaCy's doc.ents (one per distinct surface form), for when the pipeline has none."""
    from newsgraph.model import Entity, EntityType, Span

    by_name: dict[str, Entity] = {}
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        key = ent.text.lower().removeprefix("the ")
        e = by_name.get(key)
        if e is None:
            e = by_name[key] = Entity(f"e{len(by_name) + 1}", ent.text, EntityType(label))
        e.mentions.append(Span.of(doc.text, ent.start_char, ent.end_char))
    return list(by_name.values())
