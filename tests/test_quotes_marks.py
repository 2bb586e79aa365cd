"""Quotation marks: balanced, typographic, nested, unbalanced; never past a paragraph or the cap."""

from __future__ import annotations

import random

import pytest

from newsgraph.extract.quoting.marks import find_marked
from newsgraph.extract.quoting.settings import DEFAULT_QUOTES, QuoteSettings


def _texts(text: str, settings: QuoteSettings = DEFAULT_QUOTES) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text, settings)]


@pytest.mark.parametrize("text,expected", [
    ('He said "we will win" and left.', ["we will win"]),
    ("“We will win,” she said. “Soon.”", ["We will win,", "Soon."]),
    ("« Nous gagnerons » a-t-il dit.", ["Nous gagnerons"]),
    ("‘Very Good Reporter.’ and Hillary’s health", ["Very Good Reporter."]),
    ('"Outer with “inner words” inside it." end', ["Outer with “inner words” inside it."]),
    ("“Sloppy mix of marks\" here.", ["Sloppy mix of marks"]),
    ("The boys’ club met; it’s Trump’s day.", []),
    ('A 12" pipe.', []),
    ('Former secretary of state Anna Berg:"We learned that from the department." Then', ["We learned that from the department."]),
    ('The list follows:" the end', []),
])
def test_quotes_marks_pairs(text, expected):
    assert _texts(text) == expected


def test_quotes_marks_paragraph_break_inside_a_sentence_is_one_quote():
    text = 'The channels were "exposing him in a way that\n\nactually looks like advertising." Next.'
    assert _texts(text) == ["exposing him in a way that\n\nactually looks like advertising."]


def test_quotes_marks_unclosed_quote_stops_at_its_paragraph():
    text = "“We will fight on, and we will win in the end.\n\nThe vote was held on Monday. Nothing else was said."
    got = _texts(text)
    assert got == ["We will fight on, and we will win in the end."]


def test_quotes_marks_multi_paragraph_quote_reopens():
    text = "“First paragraph of the speech goes here.\n\n“Second paragraph ends it,” he said."
    assert _texts(text) == ["First paragraph of the speech goes here.", "Second paragraph ends it,"]


def test_quotes_marks_stray_mark_does_not_swallow_the_article():
    body = " ".join(["Word"] * 2000)
    text = "He said “ " + body
    for m in find_marked(text, QuoteSettings(max_quote_chars=500)):
        assert m.end - m.start <= 500


@pytest.mark.parametrize("seed", range(5))
def test_quotes_marks_never_crash_on_mark_soup(seed):
    rnd = random.Random(seed)
    alphabet = list('"“”«»‘’„‟\'\n ab.,:') + ["word "] * 5
    text = "".join(rnd.choice(alphabet) for _ in range(3000))
    for m in find_marked(text):
        assert 0 <= m.start < m.end <= len(text)
        assert "\n\n\n" not in text[m.start : m.end] or m.end - m.start < 3000


def test_quotes_marks_double_apostrophes_are_marks():
    text = "''There is a growing perception,'' said Mujtaba Rahman."
    marked = find_marked(text)
    assert [text[m.start : m.end] for m in marked] == ["There is a growing perception,"]
