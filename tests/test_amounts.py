"""Money amounts: value, ISO currency, hedge, and exact evidence."""

from __future__ import annotations

import pytest

from newsgraph.extract.amounts import parse_amounts


@pytest.mark.parametrize(
    "text,expected",
    [
        ("contracts worth over 86 billion rubles were signed", [("86 billion rubles", 8.6e10, "RUB", "more than")]),
        ("almost $950 million", [("$950 million", 9.5e8, "USD", "approximately")]),
        ("a loss of US$2.5bn", [("US$2.5bn", 2.5e9, "USD", None)]),
        ("£300,000 and EUR 5 million", [("£300,000", 3e5, "GBP", None), ("EUR 5 million", 5e6, "EUR", None)]),
        ("120 million euros ($130 million)", [("120 million euros", 1.2e8, "EUR", None),
                                              ("$130 million", 1.3e8, "USD", None)]),
        ("a billion dollars", [("a billion dollars", 1e9, "USD", None)]),
        ("he ran 5 m and lost 3 points", []),
        ("the euro fell against the dollar", []),
        ("several million dollars", []),
    ],
)
def test_amounts_parse(text, expected):
    found = parse_amounts(text)
    assert [(a.text, a.value, a.unit, a.mod) for a in found] == expected
    for a in found:
        assert text[a.start:a.end] == a.text
