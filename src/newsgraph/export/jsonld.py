"""JSON-LD with schema.org types: Person, Organization, Place, Event, Quotation, NewsArticle."""

from __future__ import annotations

import json
from typing import Any, TextIO

from newsgraph.corpus.store import Store
from newsgraph.export.rows import actors, documents, events, quotes
from newsgraph.model import EntityType

SCHEMA_TYPE = {
    EntityType.PERSON.value: "Person",
    EntityType.ORG.value: "Organization",
    EntityType.GROUP.value: "Organization",
    EntityType.PLACE.value: "Place",
    EntityType.OTHER.value: "Thing",
}


def _ref(ident: str | None) -> dict[str, str] | None:
    return {"@id": f"urn:newsgraph:{ident}"} if ident else None


def graph(store: Store) -> dict[str, Any]:
    """The whole corpus as one JSON-LD document with an @graph."""
    nodes: list[dict[str, Any]] = []
    for d in documents(store):
        node: dict[str, Any] = {"@id": f"urn:newsgraph:{d['id']}", "@type": "NewsArticle", "headline": d["title"],
                                "datePublished": d["published"], "url": d["url"]}
        if d["outlet"]:
            node["publisher"] = {"@type": "Organization", "name": d["outlet"]}
        nodes.append({k: v for k, v in node.items() if v is not None})
    for a in actors(store):
        node = {"@id": f"urn:newsgraph:{a['id']}", "@type": SCHEMA_TYPE.get(a["type"], "Thing"), "name": a["name"],
                "alternateName": a["aliases"],
                "subjectOf": [_ref(d) for d in sorted({m["document"] for m in a["mentions"]})]}
        if a["type"] == EntityType.PERSON.value and a["roles"]:
            node["jobTitle"] = sorted({r["title"] for r in a["roles"]})
        nodes.append(node)
    for e in events(store):
        node = {"@id": f"urn:newsgraph:{e['id']}", "@type": "Event", "name": e["type"], "additionalType": e["type"],
                "startDate": e["date"], "location": _ref(e["place"]),
                "actor": [_ref(a) for a in e["actors"]], "attendee": [_ref(a) for a in e["actors"] + e["targets"]],
                "subjectOf": [_ref(r["document"]) for r in e["reports"]]}
        nodes.append({k: v for k, v in node.items() if v is not None})
    for q in quotes(store):
        node = {"@id": f"urn:newsgraph:{q['id']}", "@type": "Quotation", "text": q["text"],
                "spokenByCharacter": _ref(q["speaker"]), "isPartOf": _ref(q["document"])}
        nodes.append({k: v for k, v in node.items() if v is not None})
    return {"@context": "https://schema.org", "@graph": nodes}


def write_jsonld(store: Store, out: TextIO) -> None:
    json.dump(graph(store), out, ensure_ascii=False, indent=1)
    out.write("\n")
