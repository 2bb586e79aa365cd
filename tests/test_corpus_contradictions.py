"""Contradictions between the reports of one event: whether it happened, and the day; with their evidence."""

from __future__ import annotations

import json

import pytest

from corpus_factory import record, store_of
from newsgraph.cli import main
from newsgraph.corpus.contradictions import contradictions
from newsgraph.corpus.resolve import resolve
from newsgraph.model import DateSource, Modality

PEOPLE = [("Vladimir Putin", "PERSON"), ("Evgeny Prigozhin", "PERSON")]


def _told(text, published, outlet, date, modality=Modality.ASSERTED, source=DateSource.TEXT):
    r = record(text, published, PEOPLE, [("CONSULT", "met", ["Vladimir Putin", "Evgeny Prigozhin"], [], date, None)],
               outlet=outlet, source=f"{outlet}.txt")
    r.events[0].modality = modality
    r.events[0].date_source = source
    return r


@pytest.fixture()
def store(tmp_path):
    records = [
        _told("Vladimir Putin met Evgeny Prigozhin on June 29, a newspaper said.", "2023-07-07", "Libération",
              "2023-06-29"),
        _told("Vladimir Putin never met Evgeny Prigozhin, the Kremlin said.", "2023-07-08", "Wire",
              "2023-07-08", Modality.NEGATED, DateSource.PUBLICATION),
        _told("Vladimir Putin met Evgeny Prigozhin on June 30.", "2023-07-10", "Gazette", "2023-06-30"),
    ]
    s = store_of(tmp_path / "c.db", records)
    resolve(s)
    yield s
    s.close()


def test_corpus_contradictions_happened_and_date(store):
    rows = contradictions(store)
    kinds = {r["kind"]: r for r in rows}
    assert set(kinds) == {"happened", "date"}
    happened = kinds["happened"]
    assert (happened["first_outlet"], happened["then_outlet"]) == ("Libération", "Wire")
    assert happened["then_says"] == "did not happen"
    denial = store.conn.execute("SELECT text FROM documents WHERE id = ?", (happened["then_document"],)).fetchone()[0]
    assert "never met" in denial
    date = kinds["date"]
    assert (date["first_says"], date["then_says"]) == ("2023-06-29", "2023-06-30")
    assert date["actors"] == ["Evgeny Prigozhin", "Vladimir Putin"]


def test_corpus_contradictions_evidence_points_at_the_text(store):
    for row in contradictions(store):
        for side in ("first", "then"):
            text = store.conn.execute("SELECT text FROM documents WHERE id = ?", (row[f"{side}_document"],)).fetchone()[0]
            assert text[row[f"{side}_start"]:row[f"{side}_end"]] == row[f"{side}_evidence"]


def test_corpus_contradictions_guessed_dates_are_no_claims(tmp_path):
    records = [
        _told("Vladimir Putin met Evgeny Prigozhin on June 29.", "2023-07-07", "A", "2023-06-29"),
        _told("Vladimir Putin met Evgeny Prigozhin, officials said.", "2023-07-07", "B", "2023-06-30",
              source=DateSource.CONTEXT),
    ]
    s = store_of(tmp_path / "g.db", records)
    resolve(s)
    assert contradictions(s) == []
    s.close()


def test_corpus_contradictions_cli(store, capsys):
    path = store.path
    assert main(["contradictions", "--db", str(path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["kind"] for r in rows} == {"happened", "date"}
    assert main(["contradictions", "--db", str(path), "--actor", "Prigozhin"]) == 0
    assert "did not happen" in capsys.readouterr().out


def test_corpus_contradictions_from_articles_through_the_pipeline(tmp_path):
    from newsgraph.corpus.ingest import ingest
    from newsgraph.corpus.store import open_store

    articles = [
        {"id": "a", "published": "2023-07-10", "outlet": "Libération",
         "text": "Russian President Vladimir Putin met Evgeny Prigozhin in Moscow on June 29, the Kremlin confirmed."},
        {"id": "b", "published": "2023-07-11", "outlet": "Wire",
         "text": "The Kremlin denied on Tuesday that Vladimir Putin had met Evgeny Prigozhin."},
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    with open_store(tmp_path / "p.db") as store:
        ingest(store, [src], n_process=1, progress=False)
        rows = contradictions(store, actor="Prigozhin")
    assert [r["kind"] for r in rows] == ["happened"], rows
    assert (rows[0]["first_outlet"], rows[0]["then_outlet"]) == ("Libération", "Wire")
    assert "denied" in rows[0]["then_evidence"]


def test_corpus_store_made_before_date_sources_gets_them_from_its_records(tmp_path):
    from newsgraph.corpus.store import open_store

    path = tmp_path / "old.db"
    s = store_of(path, [_told("Vladimir Putin met Evgeny Prigozhin on June 29.", "2023-07-07", "A", "2023-06-29")])
    s.conn.execute("ALTER TABLE events DROP COLUMN date_source")  # the schema of the first stores
    s.close()
    with open_store(path, create=False) as store:
        assert [r[0] for r in store.conn.execute("SELECT date_source FROM events")] == ["text"]
