"""One event per event: merge the tellings of the same event in a document into one with many mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.model import COOPERATIVE_TYPES, DateSource, Event, Modality, PloverType, Span

# Which modality a merged event keeps when its tellings differ: a denial or a plain statement of fact
# outranks hearsay, and hearsay outranks plans and conjecture.
_MODALITY_RANK = {
    Modality.NEGATED: 0, Modality.ASSERTED: 1, Modality.REPORTED: 2, Modality.PLANNED: 3, Modality.HYPOTHETICAL: 4,
}
_DATE_RANK = {DateSource.TEXT: 0, DateSource.ANCHORED: 1, DateSource.CONTEXT: 2, DateSource.PUBLICATION: 3, None: 4}
_STRONG_DATES = frozenset({DateSource.TEXT, DateSource.ANCHORED})


@dataclass(slots=True)
class Candidate:
    """One telling of an event, before merging."""

    type: PloverType
    trigger: str
    lemma: str
    evidence: Span
    actors: list[str]
    targets: list[str]
    modality: Modality
    source: str | None
    place: str | None
    date: str | None
    time: str | None
    date_source: DateSource | None
    anaphoric: bool  # a definite noun with no participants of its own: "the meeting"
    weak_modality: bool = False  # a bare noun: no verb says whether it happened, is planned or denied
    mentions: list[Span] = field(default_factory=list)
    trigger_span: Span | None = None
    token_i: int = -1  # the trigger's token in the doc
    # Verbs coordinated with this one when it has an object of its own: "kidnapped advisers and exploded
    # bombs" tells two acts, however alike their types.
    separate_from: frozenset[int] = frozenset()


def _dates_compatible(a: Candidate, b: Candidate) -> bool:
    if a.date_source not in _STRONG_DATES or b.date_source not in _STRONG_DATES or not a.date or not b.date:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def family(lemma: str) -> str:
    """A crude stem, so that "met"/"meeting" and "seize"/"seizure" count as the same word."""
    return lemma[:4]


def _same_date(a: Candidate, b: Candidate) -> bool:
    return a.date_source in _STRONG_DATES and b.date_source in _STRONG_DATES and a.date == b.date


def _same(a: Candidate, b: Candidate) -> bool:
    """Same type, a shared actor, no clash of targets or dates, and the same word or the same stated date:
    the same event told again. Two events are never merged merely for sharing a type and an actor."""
    if a.type is not b.type or not _dates_compatible(a, b):
        return False
    # "denounced them ..., accusing them of ...": one act, unless two coordinated verbs each have an object.
    same_sentence = (
        a.evidence == b.evidence and a.token_i not in b.separate_from and b.token_i not in a.separate_from
    )
    if family(a.lemma) != family(b.lemma) and not _same_date(a, b) and not same_sentence:
        return False
    people_a, people_b = set(a.actors) | set(a.targets), set(b.actors) | set(b.targets)
    if not set(a.actors) & people_b and not set(b.actors) & people_a:
        return False
    # "Gonzalez refused requests by the relatives" and "the relatives refused to sign": who acts differs, so
    # two acts; only in a cooperative act do the sides trade places ("Putin met Prigozhin", "Prigozhin met Putin")
    if a.actors and b.actors and not set(a.actors) & set(b.actors) and a.type not in COOPERATIVE_TYPES:
        return False
    if a.targets and b.targets and not set(a.targets) & set(b.targets):
        return False
    # "Putin met Prigozhin" and "Putin met Lukashenko" are two meetings: one telling's parties must all
    # be among the other's ("Putin invited 35 people to a meeting" is the meeting with Prigozhin).
    return people_a <= people_b or people_b <= people_a


def _absorb(into: Candidate, c: Candidate) -> None:
    """Fold telling ``c`` into event ``into``."""
    for eid in c.actors:
        if eid not in into.actors and eid not in into.targets:
            into.actors.append(eid)
    for eid in c.targets:
        if eid not in into.targets and eid not in into.actors:
            into.targets.append(eid)
    if (into.weak_modality and not c.weak_modality) or (
        _MODALITY_RANK[c.modality] < _MODALITY_RANK[into.modality] and not c.weak_modality
    ):
        into.modality, into.weak_modality = c.modality, c.weak_modality
    into.source = into.source or c.source
    into.place = into.place or c.place
    # A bare "the investigation" in a later paragraph says nothing of when the event was: its context
    # date is that paragraph's, so only a date of its own counts.
    if (not c.anaphoric or c.date_source in _STRONG_DATES) and _DATE_RANK[c.date_source] < _DATE_RANK[
        into.date_source
    ]:
        into.date, into.time, into.date_source = c.date, c.time, c.date_source
    if c.evidence not in into.mentions:
        into.mentions.append(c.evidence)


def merge(cands: list[Candidate], require_participant: bool) -> list[Event]:
    """Fold each telling into an earlier event it repeats; a bare "the meeting" joins the latest of its type."""
    kept: list[Candidate] = []
    for c in cands:
        c.mentions = [c.evidence]
        if c.anaphoric:
            prior = next(
                (k for k in reversed(kept) if k.type is c.type and family(k.lemma) == family(c.lemma)), None
            )
            if prior is not None:
                _absorb(prior, c)
            continue
        if require_participant and not c.actors and not c.targets:
            continue
        prior = next((k for k in kept if _same(k, c)), None)
        if prior is not None:
            _absorb(prior, c)
        else:
            kept.append(c)
    return [
        Event(
            id=f"v{i}", type=k.type, trigger=k.trigger, evidence=k.evidence, actors=k.actors, targets=k.targets,
            date=k.date, time=k.time, place=k.place, modality=k.modality, source=k.source,
            date_source=k.date_source, mentions=k.mentions, trigger_span=k.trigger_span,
        )
        for i, k in enumerate(kept, 1)
    ]
