"""Date each event: its own time expression, else the event it is anchored on, else its context, else the DCT."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.eventing.sentences import Sent, Sentences
from newsgraph.extract.timex.calendar import granularity, parse_date, shift
from newsgraph.model import DateSource, TimeExpr, TimexType

# Only calendar values date an event; PAST_REF or a duration does not.
_CALENDAR = re.compile(r"^(\d{4}|XXXX)")
_TIME_ID = re.compile(r"^t\d+$")
# Steps from a time expression up to the word it modifies ("on" -> "June 29" -> "met").
_MAX_UP = 4


@dataclass(frozen=True, slots=True)
class PlacedTime:
    time: TimeExpr
    root: Token

    @property
    def calendar(self) -> bool:
        return self.time.type in (TimexType.DATE, TimexType.TIME) and bool(_CALENDAR.match(self.time.value))


def place_times(doc: Doc, times: list[TimeExpr]) -> list[PlacedTime]:
    """Each time expression with the root token of its span, in text order."""
    out = []
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(PlacedTime(t, span.root))
    return sorted(out, key=lambda p: p.time.start)


def _attach_point(root: Token) -> Token:
    """Where a time expression hangs: "met five days after the coup" dates the meeting, not the coup, and
    "took place two days after Putin denounced them" dates the taking place."""
    head = root.head
    if root.dep_ == "npadvmod" and head.i != root.i:
        if head.lower_ in ("after", "before", "later", "earlier"):
            return head.head
        if any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in head.children) and head.dep_ == "advcl":
            return head.head
    return root


def _attached(pt: PlacedTime, frame: set[int]) -> bool:
    tok = _attach_point(pt.root)
    for _ in range(_MAX_UP):
        if tok.i in frame:
            return True
        if tok.head.i == tok.i:
            return False
        if tok.i != pt.root.i and tok.pos_ in ("VERB", "AUX") and tok.i not in frame:
            return False  # another clause's verb: the time is its
        tok = tok.head
    return tok.i in frame


def _source_of(t: TimeExpr) -> DateSource:
    """A value resolved against another event ("five days after the coup") is anchored, else it is text."""
    if t.anchor and t.anchor != "dct" and not _TIME_ID.match(t.anchor):
        return DateSource.ANCHORED
    return DateSource.TEXT


def _paragraph_sents(sents: Sentences, k: int, back: int) -> list[Sent]:
    """Sentence ``k`` and up to ``back`` sentences before it in the same paragraph, nearest first."""
    out = [sents.sents[k]]
    text = sents.text_all
    while len(out) <= back and k > 0:
        k -= 1
        prev, cur = sents.sents[k], out[-1]
        gap_start = prev.start_char + len(sents.text(prev).rstrip())
        gap_end = cur.start_char + (len(sents.text(cur)) - len(sents.text(cur).lstrip()))
        if "\n" in text[gap_start:gap_end]:  # a paragraph break: the narrative time may have moved
            break
        out.append(prev)
    return out


# "on the eve of the summit": the day named is the day before the event; "in the wake of" gives no day.
_DAY_BEFORE = frozenset({"eve"})


def date_event(
    sents: Sentences, trigger: Token, frame: list[Token], placed: list[PlacedTime], published: str | None,
    back: int,
) -> tuple[str | None, str | None, DateSource | None]:
    """(TIMEX3 value, time id, where it came from) for one event."""
    value, tid, source = _date_event(sents, trigger, frame, placed, published, back)
    head = trigger.head
    day = parse_date(value) if value and tid and granularity(value) == "day" else None
    if (day is not None and source in (DateSource.TEXT, DateSource.CONTEXT)
            and head.lower_ == "of" and head.head.lemma_.lower() in _DAY_BEFORE):
        return shift(day, "day", 1), tid, DateSource.ANCHORED  # "On Monday, on the eve of the NATO summit"
    return value, tid, source


def _date_event(
    sents: Sentences, trigger: Token, frame: list[Token], placed: list[PlacedTime], published: str | None,
    back: int,
) -> tuple[str | None, str | None, DateSource | None]:
    sent = sents.of(trigger)
    in_sent = [p for p in placed if sent.start_char <= p.time.start < sent.end_char and p.calendar]
    ids = {t.i for t in frame}
    for p in in_sent:
        if _attached(p, ids):
            return p.time.value, p.time.id, _source_of(p.time)
    for i, s in enumerate(_paragraph_sents(sents, sents.index_of(trigger), back)):
        cands = [p for p in placed if s.start_char <= p.time.start < s.end_char and p.calendar]
        if i == 0:
            before = [p for p in cands if p.time.start < trigger.idx]
            cands = before[::-1] + [p for p in cands if p.time.start >= trigger.idx]
        else:
            cands = cands[::-1]
        if cands:
            return cands[0].time.value, cands[0].time.id, DateSource.CONTEXT
    if published:
        return published, None, DateSource.PUBLICATION
    return None, None, None
