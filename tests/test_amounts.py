"""Money amounts: value, ISO currency, hedge, and exact evidence."""

from __future__ import annotations

import pytest

from newsgraph.extract.amounts import find_amounts, parse_amounts
from newsgraph.extract.quantities import parse_quantities


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


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Exports fell 12% to 3.2 million tonnes.", [("12%", 12.0, "percent", "percent", None),
                                                     ("3.2 million tonnes", 3.2e6, "t", "measure", None)]),
        ("Inflation hit 7.5 per cent, up 0.3 percentage points.",
         [("7.5 per cent", 7.5, "percent", "percent", None),
          ("0.3 percentage points", 0.3, "percentage_point", "percent", None)]),
        ("At least 12 civilians were killed and 40 wounded.", [("12 civilians", 12.0, "civilians", "count", "at least"),
                                                               ("40 wounded", 40.0, "wounded", "count", None)]),
        ("Putin invited 35 people to a meeting.", [("35 people", 35.0, "people", "count", None)]),
        ("Output rose to 9.8 million barrels a day.", [("9.8 million barrels", 9.8e6, "bbl", "measure", None)]),
        # no unit after the number, a count the text does not state, an age, a score: nothing
        ("Casualties topped 10,000. Hundreds of people fled. He is 45 years old. It ended 3-1.", []),
        ("Four in 10 voters and 6 out of 10 residents agree.", []),
    ],
)
def test_amounts_quantities_parse(text, expected):
    found = parse_quantities(text)
    assert [(a.text, a.value, a.unit, a.kind.value, a.mod) for a in found] == expected
    for a in found:
        assert text[a.start:a.end] == a.text


def test_amounts_money_wins_over_a_quantity_on_the_same_words(nlp):
    doc = nlp("The fund lost $5 million, 12% of its assets, and 3,000 jobs.")
    got = [(a.text, a.kind.value) for a in find_amounts(doc)]
    assert got == [("$5 million", "money"), ("12%", "percent"), ("3,000 jobs", "count")]
