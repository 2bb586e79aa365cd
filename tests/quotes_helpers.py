"""Hand-built entities for quote tests: one entity per name spaCy finds, surnames merged into full names."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Entity, EntityType, Span

TYPES = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORG, "GPE": EntityType.PLACE, "NORP": EntityType.GROUP,
         "LOC": EntityType.PLACE, "FAC": EntityType.PLACE}


def entities_from_ents(doc: Doc) -> list[Entity]:
    """A stand-in for the entity extractor: good enough to test attribution, never shipped."""
    by_name: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in TYPES:
            continue
        text = ent.text.strip("*_ ")
        if text.lower().startswith("the "):
            text = text[4:]
        start = doc.text.index(text, ent.start_char) if text in doc.text[ent.start_char:ent.end_char] else ent.start_char
        key = text
        for name, e in by_name.items():
            if name.endswith(" " + text) and e.type is TYPES[ent.label_]:
                key = name
        e = by_name.setdefault(key, Entity(f"e{len(by_name) + 1}", key, TYPES[ent.label_]))
        e.mentions.append(Span.of(doc.text, start, start + len(text)))
    return list(by_name.values())
