"""Queries and the corpus command line on a small resolved store of hand-made records."""

from __future__ import annotations

import csv
import io
import json

import pytest

from corpus_factory import record, store_of
from newsgraph.cli import main
from newsgraph.corpus import queries
from newsgraph.corpus.resolve import resolve
from newsgraph.errors import NewsgraphError


def _records():
    meet = "Vladimir Putin met Yevgeny Prigozhin, head of the Wagner Group, at the Kremlin, Dmitry Peskov said."
    out = []
    for i, (pub, outlet) in enumerate([("2023-07-10", "Kommersant"), ("2023-07-11", "Reuters"),
                                       ("2023-07-12", "AP")]):
        out.append(record(
            meet, pub,
            [("Vladimir Putin", "PERSON"), ("Yevgeny Prigozhin", "PERSON", [], [("head", "Wagner Group")]),
             ("Wagner Group", "GROUP"), ("Kremlin", "PLACE"), ("Dmitry Peskov", "PERSON")],
            events=[("CONSULT", "met", ["Vladimir Putin"], ["Yevgeny Prigozhin"], "2023-06-29", "Kremlin")],
            outlet=outlet, source=f"meet{i}", title=f"Meeting {i}"))
    accuse = 'Prigozhin of Wagner accused defence minister Sergei Shoigu of lying. "They lied to us," Prigozhin said.'
    out.append(record(accuse, "2023-06-24",
                      [("Prigozhin", "PERSON"), ("Sergei Shoigu", "PERSON", [], [("defence minister", None)]),
                       ("Wagner", "GROUP")],
                      events=[("ACCUSE", "accused", ["Prigozhin"], ["Sergei Shoigu"], "2023-06-23", None)],
                      quotes=[("They lied to us,", "Prigozhin")], outlet="Meduza", source="accuse"))
    return out


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "c.db"
    store = store_of(path, _records())
    resolve(store)
    store.close()
    return path


@pytest.fixture()
def store(db):
    from newsgraph.corpus import open_store

    with open_store(db, create=False) as s:
        yield s


@pytest.mark.parametrize("kwargs,types", [
    ({}, ["ACCUSE", "CONSULT"]),
    ({"actor": "Prigozhin"}, ["ACCUSE", "CONSULT"]),
    ({"actor": "Dmitry Peskov"}, []),
    ({"type": "consult"}, ["CONSULT"]),
    ({"date_from": "2023-06-25"}, ["CONSULT"]),
    ({"date_to": "2023-06"}, ["ACCUSE", "CONSULT"]),
    ({"date_from": "2023-06-01", "date_to": "2023-06-23"}, ["ACCUSE"]),
])
def test_corpus_queries_timeline_filters(store, kwargs, types):
    rows = queries.timeline(store, **kwargs)
    assert [r["type"] for r in rows] == types
    assert rows == sorted(rows, key=lambda r: r["date"])


def test_corpus_queries_actor_profile(store):
    profile = queries.actor(store, "Evgeny Prigozhin")
    assert profile["name"] == "Yevgeny Prigozhin" and "Prigozhin" in profile["aliases"]
    assert profile["documents"] == 4
    assert [r["date"] for r in profile["roles"]] == ["2023-07-10", "2023-07-11", "2023-07-12"]
    assert profile["roles"][0]["of"] == "Wagner Group"
    assert [q["text"] for q in profile["quotes"]] == ["They lied to us,"]
    # He met Putin (CONSULT: the two sides stand together) and accused Shoigu (against).
    assert {p["name"] for p in profile["against"]} == {"Sergei Shoigu"}
    assert "Vladimir Putin" in {p["name"] for p in profile["with"]}


def test_corpus_queries_sources_first_report_first(store):
    (event,) = [r["event"] for r in queries.timeline(store, type="CONSULT")]
    rows = queries.sources(store, event)
    assert [r["outlet"] for r in rows] == ["Kommersant", "Reuters", "AP"]
    assert [r["first"] for r in rows] == [True, False, False]


@pytest.mark.parametrize("name", ["Nobody Atall", "no-such-id"])
def test_corpus_queries_unknown_actor_is_one_clear_error(store, name):
    with pytest.raises(NewsgraphError, match="no actor"):
        queries.actor(store, name)


def test_corpus_queries_dataframe_when_pandas_is_installed(store):
    pd = pytest.importorskip("pandas")
    frame = queries.as_dataframe(queries.timeline(store))
    assert isinstance(frame, pd.DataFrame) and len(frame) == 2


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("command", [["timeline"], ["timeline", "--actor", "Putin"], ["actor", "Prigozhin"]])
def test_corpus_cli_queries_print_each_format(db, capsys, fmt, command):
    assert main([*command, "--db", str(db), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) >= 2 and len({len(r) for r in rows}) == 1
    else:
        assert "CONSULT" in out or "Prigozhin" in out


def test_corpus_cli_sources(db, capsys):
    main(["timeline", "--db", str(db), "--type", "CONSULT", "--format", "json"])
    event = json.loads(capsys.readouterr().out)[0]["event"]
    assert main(["sources", event, "--db", str(db), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["outlet"] for r in rows] == ["Kommersant", "Reuters", "AP"]


@pytest.mark.parametrize("command", [["timeline"], ["actor", "X"], ["sources", "v1"], ["export"], ["resolve"]])
def test_corpus_cli_missing_db_is_an_error_and_creates_nothing(tmp_path, capsys, command):
    db = tmp_path / "missing.db"
    assert main([*command, "--db", str(db)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no such corpus database" in err[0]
    assert not db.exists()


def test_corpus_cli_db_from_environment(db, capsys, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_DB", str(db))
    from newsgraph.cli import build_parser

    args = build_parser().parse_args(["timeline"])
    assert args.db == str(db)


@pytest.mark.parametrize("table,query,hits", [
    ("documents_fts", "Kremlin", 3),
    ("documents_fts", "Shoigu AND lying", 1),
    ("quotes_fts", "lied", 1),
    ("quotes_fts", "Kremlin", 0),
])
def test_corpus_store_full_text_search_read_only(db, table, query, hits):
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)  # as Datasette or the web app opens it
    try:
        count = conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (query,)).fetchone()[0]
    finally:
        conn.close()
    assert count == hits


def test_corpus_store_views_for_browsing(store):
    rows = store.conn.execute("SELECT type, actors, targets, reports FROM timeline").fetchall()
    assert [tuple(r) for r in rows] == [("ACCUSE", "Yevgeny Prigozhin", "Sergei Shoigu", 1),
                                       ("CONSULT", "Vladimir Putin", "Yevgeny Prigozhin", 3)]
    outlets = [r[0] for r in store.conn.execute("SELECT outlet FROM reports WHERE trigger = 'met'")]
    assert outlets == ["Kommersant", "Reuters", "AP"]


def test_corpus_queries_timeline_orders_weeks_and_months_by_their_first_day(tmp_path):
    recs = []
    guests = ["Tom Olsen", "Eva Lind", "Max Roth", "Ida Berg"]
    for i, (day, guest) in enumerate(zip(["2023-06-29", "2023-W25", "2023-06", "2023-07-01"], guests, strict=True)):
        text = f"Anna Moss met {guest}."
        recs.append(record(text, "2023-07-10", [("Anna Moss", "PERSON"), (guest, "PERSON")],
                           events=[("CONSULT", "met", ["Anna Moss"], [guest], day, None)], source=f"s{i}"))
    store = store_of(tmp_path / "c.db", recs)
    resolve(store)
    assert [r["date"] for r in queries.timeline(store)] == ["2023-06", "2023-W25", "2023-06-29", "2023-07-01"]
