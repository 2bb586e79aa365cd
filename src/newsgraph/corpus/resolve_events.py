"""Events across documents: one event per real-world event, with one report per document that tells it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from newsgraph.corpus.dates import Interval, gap, interval, width
from newsgraph.corpus.ids import event_id
from newsgraph.corpus.names import fold
from newsgraph.corpus.settings import DEFAULT, CorpusSettings
from newsgraph.model import PloverType

# A date coarser than this many days (a year, a season) says too little to tell events apart.
_MAX_DATE_WIDTH = 31


@dataclass(frozen=True, slots=True)
class EventIn:
    """One event of one document, its participants already resolved to actor ids."""

    doc_id: str
    id: str
    type: PloverType
    trigger: str
    date: str | None
    actors: frozenset[str]
    targets: frozenset[str] = frozenset()
    place: str | None = None
    published: str | None = None
    outlet: str | None = None

    @property
    def participants(self) -> frozenset[str]:
        return self.actors | self.targets


@dataclass(slots=True)
class CorpusEvent:
    id: str
    type: PloverType
    dates: Counter = field(default_factory=Counter)
    participants: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    triggers: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    published: list[date] = field(default_factory=list)

    def best_date(self) -> str | None:
        """The most precise date the reports give; among equals the most reported."""
        usable = [(v, interval(v)) for v in self.dates]
        usable = [(v, iv) for v, iv in usable if iv is not None]
        if not usable:
            return None
        return min(usable, key=lambda p: (width(p[1]), -self.dates[p[0]], p[0]))[0]

    def place(self) -> str | None:
        return sorted(self.places)[0] if len(self.places) == 1 else None


def trigger_stem(trigger: str) -> str:
    """A rough stem so "visits", "visited" and "visit" agree; enough to keep OTHER events apart."""
    word = fold(trigger).split()[-1] if trigger.strip() else ""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _published(value: str | None) -> date | None:
    iv = interval(value)
    return iv[0] if iv else None


def _date_interval(value: str | None) -> Interval | None:
    iv = interval(value)
    return iv if iv is not None and width(iv) <= _MAX_DATE_WIDTH else None


class EventResolver:
    """Joins each new report to a corpus event that agrees on type, participants, date and place."""

    def __init__(self, settings: CorpusSettings = DEFAULT) -> None:
        self.settings = settings
        self.events: dict[str, CorpusEvent] = {}
        self.by_participant: dict[str, set[str]] = {}  # actor id -> corpus events it takes part in
        self.touched: set[str] = set()

    def load(self, corpus_event: str, reports: list[EventIn]) -> None:
        for r in reports:
            self._add(corpus_event, r, touch=False)

    def rename_actor(self, old: str, new: str) -> None:
        """An actor merged into another: the events it took part in now name the survivor."""
        for cid in self.by_participant.pop(old, set()) | {e.id for e in self.events.values() if old in e.places}:
            ev = self.events[cid]
            for group in (ev.participants, ev.places):
                if old in group:
                    group.discard(old)
                    group.add(new)
            if new in ev.participants:
                self.by_participant.setdefault(new, set()).add(cid)
            self.touched.add(cid)

    def resolve_document(self, events: list[EventIn]) -> dict[str, str]:
        """Document event id -> corpus event id."""
        out: dict[str, str] = {}
        claimed: set[str] = set()  # two events of one document are two events
        for e in events:
            found = self._find(e, claimed)
            if found is None:
                found = event_id(e.doc_id, e.id)
                self.events[found] = CorpusEvent(found, e.type)
            self._add(found, e)
            claimed.add(found)
            out[e.id] = found
        return out

    def _add(self, corpus_event: str, e: EventIn, touch: bool = True) -> None:
        ev = self.events.get(corpus_event)
        if ev is None:
            ev = self.events[corpus_event] = CorpusEvent(corpus_event, e.type)
        if e.date:
            ev.dates[e.date] += 1
        ev.participants |= e.participants
        for actor in e.participants:
            self.by_participant.setdefault(actor, set()).add(corpus_event)
        if e.place:
            ev.places.add(e.place)
        ev.triggers.add(trigger_stem(e.trigger))
        ev.docs.add(e.doc_id)
        pub = _published(e.published)
        if pub:
            ev.published.append(pub)
        if touch:
            self.touched.add(corpus_event)

    def _find(self, e: EventIn, claimed: set[str]) -> str | None:
        if not e.participants:
            return None  # nothing to tell it from any other event of its type
        best: tuple[int, int, str] | None = None
        near = set().union(*(self.by_participant.get(a, set()) for a in e.participants))
        for cid in sorted(near):
            ev = self.events[cid]
            if ev.type is not e.type or cid in claimed or e.doc_id in ev.docs:
                continue
            shared = len(e.participants & ev.participants)
            if shared < min(2, len(e.participants), len(ev.participants)) or shared == 0:
                continue
            if e.type is PloverType.OTHER and trigger_stem(e.trigger) not in ev.triggers:
                continue
            if e.place and ev.places and e.place not in ev.places:
                continue
            distance = self._date_distance(e, ev)
            if distance is None:
                continue
            candidate = (-shared, distance, cid)
            if best is None or candidate < best:
                best = candidate
        return best[2] if best else None

    def _date_distance(self, e: EventIn, ev: CorpusEvent) -> int | None:
        """Days apart when the dates are compatible, else None."""
        mine = _date_interval(e.date)
        theirs = [iv for iv in (_date_interval(v) for v in ev.dates) if iv is not None]
        if mine is not None and theirs:
            d = min(gap(mine, iv) for iv in theirs)
            precise = width(mine) == 1 and any(width(iv) == 1 for iv in theirs)
            limit = self.settings.day_tolerance if precise else 0
            return d if d <= limit else None
        # One side (or both) undated: fall back on when the news appeared.
        pub = _published(e.published)
        anchors = list(ev.published)
        if mine is not None:
            anchors = [mine[0]] if not anchors else anchors
            pub = pub or mine[0]
        if pub is None or not anchors:
            return None
        d = min(abs((pub - a).days) for a in anchors)
        return d if d <= self.settings.undated_window_days else None
