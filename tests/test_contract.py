"""The output contract: every evidence span equals document.text[start:end], ids resolve, JSON round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.model import SCHEMA, Record

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))

WRITTEN = (
    "Port talks end\n\nAnna Berg 18 March 2024\n\n"
    'On Monday, Transport Minister Pieter Olsen met union leader Maria Santos in Rotterdam. "We have a deal," '
    "Santos told reporters. The government agreed to pay 120 million euros (about $130 million), according to "
    "the ministry. The Harbour Gazette had reported the talks on Friday. The newspaper added that police "
    "arrested twelve protesters last week.\n"
)


def check_record(d: dict) -> None:
    """Every fact's span indexes the text exactly, and every id it names exists."""
    text = d["document"]["text"]
    assert d["schema"] == SCHEMA

    def ev(span: dict) -> None:
        assert text[span["start"]:span["end"]] == span["text"], span

    entity_ids = {e["id"] for e in d["entities"]}
    time_ids = {t["id"] for t in d["times"]}
    assert len(entity_ids) == len(d["entities"])
    for e in d["entities"]:
        assert e["type"] in ("PERSON", "ORG", "PLACE", "GROUP", "OTHER")
        assert e["mentions"], f"entity without evidence: {e['name']}"
        for m in e["mentions"]:
            ev(m)
        for r in e["roles"]:
            ev(r["evidence"])
            assert r["of"] is None or r["of"] in entity_ids
    for kind in ("times", "quotes", "amounts"):
        for f in d[kind]:
            ev(f)
    for q in d["quotes"]:
        assert q["speaker"] is None or q["speaker"] in entity_ids
        assert q["kind"] in ("direct", "partial", "indirect")
    for t in d["times"]:
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["value"]
    for v in d["events"]:
        ev(v["evidence"])
        for m in v["mentions"]:
            ev(m)
        if v.get("trigger_span"):
            ev(v["trigger_span"])
            assert v["trigger_span"]["text"] in v["trigger"]
        assert set(v["actors"]) | set(v["targets"]) <= entity_ids
        assert v["place"] is None or v["place"] in entity_ids
        assert v["source"] is None or v["source"] in entity_ids
        assert v["time"] is None or v["time"] in time_ids
    json.dumps(d)  # serialisable as it is


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_contract_examples(path):
    record = newsgraph.extract(path.read_text())
    check_record(record.to_dict())
    assert record.entities and record.document.published


def test_contract_written_text():
    record = newsgraph.extract(WRITTEN)
    d = record.to_dict()
    check_record(d)
    assert d["document"]["title"] == "Port talks end"
    assert d["document"]["published"] == "2024-03-18"
    assert {(a["value"], a["unit"], a["kind"]) for a in d["amounts"]} == {(1.2e8, "EUR", "money"), (1.3e8, "USD", "money"),
                                                                 (12.0, "protesters", "count")}


def test_contract_seed(seed_record):
    check_record(seed_record.to_dict())


def test_contract_round_trip():
    record = newsgraph.extract(WRITTEN)
    again = Record.from_dict(json.loads(json.dumps(record.to_dict())))
    assert again.to_dict() == record.to_dict()


def test_contract_same_input_same_id():
    assert newsgraph.extract(WRITTEN).document.id == newsgraph.extract(WRITTEN).document.id


def test_contract_no_publication_date_warns_and_never_uses_the_clock():
    record = newsgraph.extract("Police arrested twelve protesters on Friday in Rotterdam.")
    assert record.document.published is None
    assert any("publication date" in w or "XXXX" in w for w in record.warnings)
    for t in record.times:
        assert not t.value[:4].isdigit() or t.text[:4].isdigit(), t  # years only where the text gives them


def test_contract_extract_many_keeps_order_and_matches_extract():
    articles = [{"id": f"a{i}", "text": f"Article {i}: Maria Santos met Pieter Olsen in Rotterdam on Monday.",
                 "published": "2024-03-18"} for i in range(5)]
    records = list(newsgraph.extract_many(articles))
    assert [r.document.id for r in records] == [f"a{i}" for i in range(5)]
    assert records[2].to_dict() == newsgraph.extract(articles[2]).to_dict()


def test_contract_extract_many_in_two_processes_equals_one():
    articles = [{"id": f"a{i}", "text": WRITTEN.split("\n\n", 2)[2], "published": "2024-03-18"} for i in range(6)]
    one = [r.to_dict() for r in newsgraph.extract_many(articles)]
    two = [r.to_dict() for r in newsgraph.extract_many(articles, n_process=2)]
    assert one == two


def test_contract_extract_many_skips_bad_articles_when_asked():
    articles = [{"text": "Good one about Rotterdam."}, {"title": "no text"}, {"text": "Another good one."}]
    with pytest.raises(newsgraph.InputError):
        list(newsgraph.extract_many(articles))
    assert len(list(newsgraph.extract_many(articles, on_error="skip"))) == 2


def test_batching_chunked_keeps_every_item_in_order():
    from newsgraph.batching import chunked

    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []
    with pytest.raises(ValueError):
        list(chunked([1], 0))
