"""The typed data model every stage shares, and its JSON form (schema ``newsgraph/1``).

Each fact carries the character span that supports it; spans always index ``Document.text``.
The JSON field names are a public contract (see docs/output-contract.md): add, never rename.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

SCHEMA = "newsgraph/1"


class EntityType(str, Enum):
    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    GROUP = "GROUP"
    OTHER = "OTHER"


class TimexType(str, Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class PloverType(str, Enum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    OTHER = "OTHER"


# PLOVER's verbal and material cooperation: the two sides of such an event act together, not against each other.
COOPERATIVE_TYPES = frozenset({
    PloverType.AGREE, PloverType.CONSULT, PloverType.SUPPORT, PloverType.CONCEDE,
    PloverType.COOPERATE, PloverType.AID, PloverType.RETREAT,
})


def sides_together(event_type: str | PloverType, same_role: bool) -> bool:
    """Whether two participants of one event stand together: same side, or either side of a cooperative act."""
    return same_role or PloverType(event_type) in COOPERATIVE_TYPES


class Modality(str, Enum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    PLANNED = "planned"


class AmountKind(str, Enum):
    """What an amount measures: money (unit ISO 4217), a share, a physical measure, or a count of people."""

    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    COUNT = "count"


class DateSource(str, Enum):
    """Where an event's date came from, best first."""

    TEXT = "text"
    ANCHORED = "anchored"
    CONTEXT = "context"
    PUBLICATION = "publication"


class QuoteKind(str, Enum):
    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"


class QuoteAct(str, Enum):
    """What kind of act an attribution reports: words said, what a record shows, or what someone wants or thinks."""

    SPEECH = "speech"
    EVIDENCE = "evidence"
    ATTITUDE = "attitude"


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: ``text == document.text[start:end]`` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


@dataclass(slots=True)
class Document:
    text: str
    id: str = ""
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text, self.title)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        keys = ("id", "title", "author", "published", "outlet", "url", "source", "language")
        return cls(text=d["text"], **{k: d[k] for k in keys if k in d and d[k] is not None})


def content_id(text: str, title: str | None = None) -> str:
    """A stable id from content, so that re-reading the same article gives the same id."""
    h = hashlib.sha256()
    h.update((title or "").encode("utf-8"))
    h.update(b"\x00")
    h.update(text.encode("utf-8"))
    return "d" + h.hexdigest()[:16]


@dataclass(slots=True)
class Role:
    title: str
    of: str | None
    evidence: Span

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "of": self.of, "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Role:
        return cls(d["title"], d.get("of"), Span.from_dict(d["evidence"]))


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type.value,
            "aliases": list(self.aliases),
            "roles": [r.to_dict() for r in self.roles],
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            d["id"],
            d["name"],
            EntityType(d["type"]),
            list(d.get("aliases", [])),
            [Role.from_dict(r) for r in d.get("roles", [])],
            [Span.from_dict(m) for m in d.get("mentions", [])],
        )


@dataclass(slots=True)
class TimeExpr:
    id: str
    text: str
    start: int
    end: int
    type: TimexType
    value: str
    # Extras beyond the contract: what a relative value was resolved against.
    anchor: str | None = None  # "dct", a time id, or an event description
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, APPROX, START, END ...

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type.value,
            "value": self.value,
        }
        if self.anchor is not None:
            d["anchor"] = self.anchor
        if self.mod is not None:
            d["mod"] = self.mod
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpr:
        return cls(
            d["id"], d["text"], d["start"], d["end"], TimexType(d["type"]), d["value"],
            d.get("anchor"), d.get("mod"),
        )


@dataclass(slots=True)
class Event:
    id: str
    type: PloverType
    trigger: str
    evidence: Span
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    date: str | None = None
    time: str | None = None
    place: str | None = None
    modality: Modality = Modality.ASSERTED
    source: str | None = None
    date_source: DateSource | None = None
    mentions: list[Span] = field(default_factory=list)  # every telling of it in the document
    trigger_span: Span | None = None  # where the trigger's head word stands

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            "trigger": self.trigger,
            "trigger_span": self.trigger_span.to_dict() if self.trigger_span else None,
            "actors": list(self.actors),
            "targets": list(self.targets),
            "date": self.date,
            "time": self.time,
            "place": self.place,
            "modality": self.modality.value,
            "source": self.source,
            "date_source": self.date_source.value if self.date_source else None,
            "evidence": self.evidence.to_dict(),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            type=PloverType(d["type"]),
            trigger=d["trigger"],
            evidence=Span.from_dict(d["evidence"]),
            actors=list(d.get("actors", [])),
            targets=list(d.get("targets", [])),
            date=d.get("date"),
            time=d.get("time"),
            place=d.get("place"),
            modality=Modality(d.get("modality", "asserted")),
            source=d.get("source"),
            date_source=DateSource(d["date_source"]) if d.get("date_source") else None,
            mentions=[Span.from_dict(m) for m in d.get("mentions", [])],
            trigger_span=Span.from_dict(d["trigger_span"]) if d.get("trigger_span") else None,
        )


@dataclass(slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    cue: str | None = None
    # Extras: where the speaker and cue stand, and the outlet that carried the words.
    speaker_span: Span | None = None
    cue_span: Span | None = None
    via: str | None = None  # entity id of the outlet that reported it ("told the New York Times")
    act: QuoteAct = QuoteAct.SPEECH  # "records show ..." is evidence, "she wants ..." an attitude

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "speaker": self.speaker,
            "cue": self.cue,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "cue_span": self.cue_span.to_dict() if self.cue_span else None,
            "via": self.via,
            "act": self.act.value,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        def span(key: str) -> Span | None:
            return Span.from_dict(d[key]) if d.get(key) else None

        return cls(
            d["id"], d["text"], d["start"], d["end"], QuoteKind(d["kind"]), d.get("speaker"),
            d.get("cue"), span("speaker_span"), span("cue_span"), d.get("via"),
            QuoteAct(d.get("act") or QuoteAct.SPEECH.value),
        )


@dataclass(slots=True)
class Amount:
    text: str
    start: int
    end: int
    value: float
    unit: str  # ISO 4217 for money; "percent", a measure symbol ("t", "bbl") or what is counted ("people")
    mod: str | None = None  # "over", "almost", "about": the hedge the text puts on it
    kind: AmountKind = AmountKind.MONEY

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text, "start": self.start, "end": self.end,
            "value": self.value, "unit": self.unit, "kind": self.kind.value,
        }
        if self.mod:
            d["mod"] = self.mod
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Amount:
        return cls(d["text"], d["start"], d["end"], d["value"], d["unit"], d.get("mod"),
                   AmountKind(d.get("kind", AmountKind.MONEY.value)))


@dataclass(slots=True)
class Record:
    """All that one document yields."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "amounts": [a.to_dict() for a in self.amounts],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        return cls(
            Document.from_dict(d["document"]),
            [Entity.from_dict(e) for e in d.get("entities", [])],
            [TimeExpr.from_dict(t) for t in d.get("times", [])],
            [Event.from_dict(e) for e in d.get("events", [])],
            [Quote.from_dict(q) for q in d.get("quotes", [])],
            [Amount.from_dict(a) for a in d.get("amounts", [])],
            list(d.get("warnings", [])),
        )

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
