"""Find quotations by their marks: balanced, typographic or straight, never past a paragraph or a cap."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from newsgraph.extract.quoting.settings import DEFAULT_QUOTES, QuoteSettings

# Opening and closing double marks of each family; a straight " is both and is told apart by its neighbours.
OPENERS = {"“": "”", "«": "»", "„": "“", "‟": "”"}
CLOSERS = frozenset("”»")
STRAIGHT = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = {"‘": "’", "‹": "›"}
SENTENCE_END = frozenset(".?!…:;")
# The only characters the scan stops at: marks and line breaks.
_INTERESTING = re.compile(r'["“”«»„‟‘‹\n]')
_BREAK = re.compile(r"[ \t\r]*\n\s*")
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:")  # a colon for a transcript's Clinton:"We learned ..."


@dataclass(frozen=True, slots=True)
class Marked:
    """The words between a pair of marks: [start, end) excludes the marks and the blanks inside them."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quotation was capped
    paragraph_start: bool  # the opening mark begins a paragraph


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_opening(text: str, i: int) -> bool:
    """A straight mark opens when it follows a blank or bracket and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or before in OPENERS) and not after.isspace()


def _is_paragraph_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def find_marked(text: str, settings: QuoteSettings = DEFAULT_QUOTES) -> list[Marked]:
    """Every top-level quotation in ``text``, in order; unbalanced marks end at their paragraph."""
    found: list[Marked] = []
    # Two apostrophes stand for a double mark in some archives (''Like this,'' he said): same length, so
    # every offset still indexes the original text.
    text = text.replace("''", ' "')
    n = len(text)
    i = 0
    open_at: int | None = None  # offset of the open outer mark
    closer = ""  # what closes it ("" = a straight mark)
    inner = 0  # nested double quotations of the other family
    soft = 0

    def emit(end: int, close: int | None) -> None:
        assert open_at is not None
        if end - open_at > settings.max_quote_chars:
            end, close = open_at + 1 + settings.max_quote_chars, None  # capped: never the rest of the article
        s, e = _strip(text, open_at + 1, end)
        if e > s:
            found.append(Marked(s, e, open_at, close, _is_paragraph_start(text, open_at)))

    positions = [m.start() for m in _INTERESTING.finditer(text)]

    def next_at(j: int) -> int:
        k = bisect_left(positions, j)
        return positions[k] if k < len(positions) else n

    i = next_at(0)
    while i < n:
        c = text[i]
        if open_at is None:
            if c in OPENERS or (c == STRAIGHT and _looks_opening(text, i)):
                open_at, closer, inner, soft = i, OPENERS.get(c, ""), 0, 0
            elif c in SINGLE_OPEN and _looks_opening(text, i):
                end = _single_close(text, i, settings)
                if end is not None:
                    s, e = _strip(text, i + 1, end)
                    if e > s:
                        found.append(Marked(s, e, i, end, _is_paragraph_start(text, i)))
                    i = end
            i = next_at(i + 1)
            continue
        # inside a quotation
        if c == "\n":
            m = _BREAK.match(text, i)
            nxt = m.end() if m else i + 1
            before = text[open_at + 1 : i].rstrip()
            next_char = text[nxt] if nxt < n else ""
            mid_sentence = bool(before) and before[-1] not in SENTENCE_END and next_char.islower()
            if mid_sentence and soft < settings.max_soft_breaks:
                soft += 1
                i = next_at(nxt)
                continue
            if _worth_capping(text, open_at, i):
                emit(i, None)
            open_at = None
            i = next_at(nxt)
            continue
        if i - open_at > settings.max_quote_chars:
            if _worth_capping(text, open_at, i):
                emit(i, None)
            open_at = None
            continue
        if closer and c == closer:
            if inner:
                inner -= 1
            else:
                emit(i, i)
                open_at = None
        elif c == STRAIGHT:
            if closer == "":  # the outer mark is straight: this one closes it
                emit(i, i)
                open_at = None
            elif _looks_opening(text, i):
                inner += 1
            elif inner:
                inner -= 1
            else:  # a sloppy mix: “words" closes
                emit(i, i)
                open_at = None
        elif c in OPENERS:
            if closer == "" or OPENERS[c] != closer:
                inner += 1  # a typographic quotation inside a straight one
            elif inner == 0 and c == text[open_at] and not _looks_opening(text, i):
                emit(i, i)  # a sloppy close with an opening mark: “It's unusual,“ said ...
                open_at = None
            elif inner == 0 and c == text[open_at]:
                # a second opener of the same family with the first never closed: end the first before it
                if _worth_capping(text, open_at, i):
                    emit(i, None)
                open_at, inner, soft = i, 0, 0
        elif c in CLOSERS and closer == "":
            if inner:
                inner -= 1
            else:  # a sloppy mix the other way: "words” closes
                emit(i, i)
                open_at = None
        i = next_at(i + 1)
    if open_at is not None and _worth_capping(text, open_at, n):
        emit(n, None)
    return found


def _worth_capping(text: str, open_at: int, end: int) -> bool:
    """An unclosed quotation is kept only when it looks like one: it begins a paragraph or a capitalised clause."""
    body = text[open_at + 1 : end].strip()
    if len(body.split()) < 3:
        return False
    return _is_paragraph_start(text, open_at) or body[0].isupper()


def _single_close(text: str, i: int, settings: QuoteSettings) -> int | None:
    """The closing single mark of a top-level ‘...’, or None: an apostrophe is followed by a letter."""
    close = SINGLE_CLOSE[text[i]]
    limit = min(len(text), i + settings.max_single_quote_chars)
    j = i + 1
    while j < limit:
        c = text[j]
        if c == "\n":
            return None
        if c == close and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if not after.isalpha():
                return j
        j += 1
    return None
