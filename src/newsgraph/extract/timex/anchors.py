"""Dates anchored on events ("met on June 29, five days after the coup") and ranges ("between May and June").

An event memory maps event words (verb and noun lemmas) to the dates the text gives them: "launched his
insurrection on June 23" teaches insurrection/launch -> 2023-06-23. An expression "N units after/before X"
is then dated from the event it modifies (a date in the same clause, or a remembered date of that event),
else from the remembered date of X; either way X's date is learnt too, and the anchor is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.timex import calendar as cal
from newsgraph.extract.timex import context
from newsgraph.extract.timex.settings import SETTINGS
from newsgraph.model import TimeExpr, TimexType

RELATIONS = {"after": 1, "following": 1, "since": 1, "before": -1, "prior": -1}
# how many tokens after "after"/"before" may name the anchoring event ("after Prigozhin's failed coup attempt")
_CONTENT = ("NOUN", "VERB", "PROPN")
# words that take part in an event phrase without naming the event
_STOP_LEMMAS = frozenset({"be", "have", "do", "say", "tell", "report", "take", "place", "make", "day", "week",
                          "month", "year", "time", "just", "only"})
# endings of nouns made from verbs of acts: meeting, agreement, election, attendance, conference (not -al or
# -ure: "official", "future" name no act)
EVENT_NOUN_ENDINGS = ("ing", "ment", "tion", "sion", "ance", "ence")
_DUR = re.compile(r"P(?P<n>[0-9]+)(?P<u>[DWMY])$")


@dataclass
class EventMemory:
    """Event word -> (date value, where the text gave it)."""

    dates: dict[str, tuple[str, str]] = field(default_factory=dict)

    def learn(self, words: set[str], value: str, source: str) -> None:
        for w in words:  # the latest telling wins: the nearest date of a recurring event word
            self.dates[w] = (value, source)

    def recall(self, words: set[str]) -> tuple[str, str, str] | None:
        for w in sorted(words):
            if w in self.dates:
                value, source = self.dates[w]
                return w, value, source
        return None


def event_words(tokens: list[Token]) -> set[str]:
    """Lemmas that name an event, with the verb stem of -ing / -ment nouns ("meeting" -> "meet")."""
    out: set[str] = set()
    for t in tokens:
        if t.pos_ not in _CONTENT or t.lemma_.lower() in _STOP_LEMMAS or t.ent_type_ in ("PERSON", "GPE"):
            continue
        lemma = t.lemma_.lower()
        out.add(lemma)
        for suffix in ("ing", "ment"):
            if t.pos_ == "NOUN" and lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
                out.add(lemma[: -len(suffix)])
    return out


def _clause_tokens(verb: Token) -> list[Token]:
    """A verb and its subject / object / prepositional nouns."""
    toks = [verb]
    for k in verb.children:
        if k.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            toks.append(k)
        elif k.dep_ == "prep":
            toks.extend(p for p in k.children if p.dep_ == "pobj")
    return toks


def _clause_words(verb: Token) -> set[str]:
    """The event a verb tells of: the verb and its subject / object / prepositional nouns."""
    return event_words(_clause_tokens(verb))


def _event_of(verb: Token) -> set[str]:
    """The event a verb tells of, for recall: the verb (unless a light one: "took place") and the nouns around it
    that name events ("invited them to a meeting"); not things and places ("spotted a car near the house")."""
    light = verb.lemma_.lower() in _STOP_LEMMAS
    return event_words([t for t in _clause_tokens(verb) if (t.i == verb.i and not light) or _eventive(t)])


def _eventive(noun: Token) -> bool:
    return noun.lemma_.lower().endswith(EVENT_NOUN_ENDINGS)


def dated_words(doc: Doc, t: TimeExpr) -> set[str]:
    """The event words a dated expression dates: its verb's clause, or the noun it modifies."""
    span = context.span_of(doc, t.start, t.end)
    if span is None or len(span) == 0:
        return set()
    head = span.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":  # "on June 23" -> what "on" attaches to
        head = head.head
    lo, hi = sorted((head.i, span.start))
    if any("\n" in tok.whitespace_ or "\n" in tok.text for tok in doc[lo:hi]):  # a byline date is not the date of the headline's event
        return set()
    if head.pos_ in ("NOUN", "PROPN"):
        return event_words([head])
    if head.pos_ in ("VERB", "AUX"):
        return _clause_words(head)
    return set()


def day_of_clock(doc: Doc, expr: TimeExpr, memory: EventMemory) -> None:
    """A clock time with no day of its own ("was shot at 10 p.m.") takes the day the text gave its event
    ("shot to death last Oct. 23"), however far back, rather than the last day mentioned."""
    span = context.span_of(doc, expr.start, expr.end)
    verb = context.governing_verb(span) if span is not None and len(span) else None
    if verb is None or "T" not in expr.value:
        return
    hit = memory.recall(_event_of(verb))
    if hit is None:
        return
    _, day, source = hit
    expr.value = day[:10] + expr.value[expr.value.index("T"):]
    expr.anchor = source


def clock_on_counted_day(text: str, times: list[TimeExpr], clock_only: set[str], day: TimeExpr) -> None:
    """"At 6 a.m. ten days before the shooting": a bare time of day right before a day counted from an event
    is on that day."""
    prev = times[-1] if times else None
    if (prev is None or prev.id not in clock_only or text[prev.end:day.start].strip()
            or day.type is not TimexType.DATE or cal.granularity(day.value) != "day" or "T" not in prev.value):
        return
    prev.value = day.value[:10] + prev.value[prev.value.index("T"):]
    prev.anchor = day.id


def _relation_after(doc: Doc, span: Span) -> tuple[Token, int] | None:
    """The relation word right after the expression and its sign: ("after", +1)."""
    i = span.end
    if i < len(doc) and doc[i].lower_ in RELATIONS:
        return doc[i], RELATIONS[doc[i].lower_]
    return None


def _anchor_tokens(doc: Doc, rel: Token) -> list[Token]:
    """The words naming the anchoring event: up to the clause end after the relation word."""
    out: list[Token] = []
    for t in doc[rel.i + 1: min(len(doc), rel.i + 1 + SETTINGS.event_window)]:
        if t.is_punct or t.lower_ in ("and", "but", "when", "while", "which"):
            break
        if t.lower_ == "to" and rel.lower_ == "prior":
            continue
        out.append(t)
    return out


def _shift(value: str, duration: str, sign: int) -> str | None:
    d = cal.parse_date(value)
    m = _DUR.match(duration)
    if d is None or m is None:
        return None
    n, u = int(m.group("n")) * sign, m.group("u")
    if u == "D":
        return (d + timedelta(days=n)).isoformat()
    if u == "W":
        return (d + timedelta(weeks=n)).isoformat()
    if u == "M":
        return cal.add_months(d, n).replace(day=min(d.day, 28)).isoformat()
    try:
        return date(d.year + n, d.month, d.day).isoformat()
    except ValueError:
        return date(d.year + n, d.month, 28).isoformat()


def date_from_event(doc: Doc, expr: TimeExpr, earlier: list[TimeExpr], memory: EventMemory,
                    explicit: set[str]) -> None:
    """Turn "N units after X" into the date of the event it modifies, recording X's date as the anchor.
    Only dates the text states (``explicit`` ids, not ones counted from another) serve; a hedged amount
    ("nearly two months after") gives no exact date, so it stays a duration with its anchor noted."""
    span = context.span_of(doc, expr.start, expr.end)
    if span is None or len(span) == 0:
        return
    found = _relation_after(doc, span)
    if found is None:
        return
    rel, sign = found
    anchor_toks = _anchor_tokens(doc, rel)
    x_words = event_words(anchor_toks)
    if not x_words:  # "for two days following --": no event named
        return
    anchor_text = doc[anchor_toks[0].i: anchor_toks[-1].i + 1].text
    if expr.mod is not None:
        expr.anchor = f"{rel.lower_} {anchor_text}"
        return
    verb = context.governing_verb(span)
    if verb is not None and verb.i > rel.i:  # that is the anchoring clause ("after X collapsed"): go above it
        verb = context.governing_verb(doc[verb.i: verb.i + 1])
    g_words = (_event_of(verb) if verb is not None else set()) - x_words
    value = None
    # (a) a day date in the same sentence on the same verb: "met ... on June 29, just five days after X"
    sent = span.sent
    for t in reversed(earlier):
        if t.start < sent.start_char or cal.granularity(t.value) != "day" or t.id not in explicit:
            continue
        tspan = context.span_of(doc, t.start, t.end)
        tverb = context.governing_verb(tspan) if tspan is not None else None
        if verb is not None and tverb is not None and tverb.i == verb.i:
            value, how = t.value[:10], t.id
            break
    # (b) the modified event's remembered date ("the meeting took place just two days after ...")
    if value is None and g_words:
        hit = memory.recall(g_words)
        if hit:
            value, how = hit[1], hit[2]
    x_date = _shift(value, expr.value, -sign) if value else None
    # (c) the anchoring event's remembered date ("five days after the insurrection")
    if value is None:
        hit = memory.recall(x_words)
        if hit:
            x_date, how = hit[1], hit[2]
            value = _shift(x_date, expr.value, sign)
    if value is None or x_date is None:
        expr.anchor = f"{rel.lower_} {anchor_text}".strip()
        return
    expr.type = TimexType.DATE
    expr.value = value
    expr.anchor = f"{rel.lower_} {anchor_text} ({x_date}, from {how})"
    memory.learn(x_words, x_date, expr.id)
    memory.learn(g_words, value, expr.id)


def time_ranges(text: str, times: list[TimeExpr]) -> list[tuple[str, str]]:
    """Pairs of time ids that bound a range: 'between May 2022 and May 2023', 'from 1990 to 1995', 'July 11-12'."""
    pairs = []
    for a, b in zip(times, times[1:], strict=False):
        if a.type is not TimexType.DATE or b.type is not TimexType.DATE:
            continue
        raw_gap = text[a.end:b.start]
        gap = raw_gap.strip().lower()
        before = text[max(0, a.start - 9):a.start].lower()
        if (gap in ("and", "-", "–", "to") and "between" in before) or (
                gap in ("to", "until", "through", "-", "–") and "from" in before) or raw_gap in ("-", "–"):
            pairs.append((a.id, b.id))
    return pairs
