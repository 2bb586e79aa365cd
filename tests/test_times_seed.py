"""The seed article (DCT 2023-07-10): its time expressions come out with the values a reader would give."""

from __future__ import annotations

import pytest

from newsgraph.extract.times import find_times


@pytest.fixture(scope="module")
def seed_times(nlp, seed_path):
    from newsgraph.pipeline import to_document
    from newsgraph.read import read_path

    (document,) = list(read_path(seed_path))
    document = to_document(document)
    times, warnings = find_times(nlp(document.text), document.published)
    return document, times, warnings


@pytest.mark.slow
@pytest.mark.parametrize(("phrase", "ttype", "value"), [
    ("Monday", "DATE", "2023-07-10"),
    ("June 29", "DATE", "2023-06-29"),
    ("Friday", "DATE", "2023-07-07"),
    ("last week", "DATE", "2023-W27"),
    ("the winter of 2022-2023", "DATE", "2022-WI"),
    ("May 2022", "DATE", "2022-05"),
    ("May 2023", "DATE", "2023-05"),
    ("the two weeks", "DURATION", "P2W"),
    ("months", "DURATION", "PXM"),
    ("June 23", "DATE", "2023-06-23"),
    ("June 24", "DATE", "2023-06-24"),
    ("Two weeks later", "DATE", "2023-W27"),
])
def test_times_seed_expression_values(seed_times, phrase, ttype, value):
    document, times, warnings = seed_times
    assert document.published == "2023-07-10"
    got = [(t.type.value, t.value) for t in times if t.text == phrase]
    assert got, f"{phrase!r} not found"
    assert all(g == (ttype, value) for g in got), got
    assert not warnings


@pytest.mark.slow
def test_times_seed_event_anchored_days_resolve_to_the_meeting(seed_times):
    _, times, _ = seed_times
    anchored = [t for t in times if t.anchor and t.anchor.startswith("after ")]
    assert [(t.text, t.value) for t in anchored] == [
        ("just five days", "2023-06-29"), ("just five days", "2023-06-29"), ("just two days", "2023-06-29")]
    assert "(2023-06-24" in anchored[0].anchor and "coup attempt" in anchored[0].anchor
    assert "(2023-06-24" in anchored[1].anchor and "insurrection collapsed" in anchored[1].anchor
    assert "(2023-06-27" in anchored[2].anchor and "denounced" in anchored[2].anchor


@pytest.mark.slow
def test_times_seed_no_false_month_in_names(seed_times):
    _, times, _ = seed_times
    assert "October" not in [t.text for t in times]  # "the October Revolution"
