"""Every export format parses back with a standard reader, and says what the store holds."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest

from corpus_factory import record, store_of
from newsgraph.cli import main
from newsgraph.corpus.resolve import resolve
from newsgraph.export import export

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture()
def db(tmp_path):
    recs = []
    for i, outlet in enumerate(["A & B News", "C <News>"]):
        text = f'Vladimir Putin met Yevgeny Prigozhin & Dmitry Utkin. "We agreed," Putin said. Report {i}.'
        recs.append(record(text, f"2023-07-1{i}", [("Vladimir Putin", "PERSON", ["Putin"]),
                                                   ("Yevgeny Prigozhin", "PERSON"), ("Dmitry Utkin", "PERSON")],
                           events=[("CONSULT", "met", ["Vladimir Putin"], ["Yevgeny Prigozhin", "Dmitry Utkin"],
                                    "2023-06-29", None)],
                           quotes=[("We agreed,", "Putin")], outlet=outlet, source=f"s{i}", title=f"Title {i}"))
    path = tmp_path / "c.db"
    store = store_of(path, recs)
    resolve(store)
    store.close()
    return path


def _export(db, tmp_path, fmt, out_name):
    out = tmp_path / out_name
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(out)]) == 0
    return out


def test_export_jsonl_follows_the_contract(db, tmp_path):
    rows = [json.loads(line) for line in _export(db, tmp_path, "jsonl", "c.jsonl").read_text().splitlines()]
    kinds = [r["kind"] for r in rows]
    assert kinds.count("document") == 2 and kinds.count("actor") == 3 and kinds.count("event") == 1
    assert kinds.count("quote") == 2
    actors = {r["id"]: r for r in rows if r["kind"] == "actor"}
    (event,) = [r for r in rows if r["kind"] == "event"]
    assert set(event) >= {"id", "type", "date", "actors", "targets", "place", "reports"}
    assert [actors[a]["name"] for a in event["actors"]] == ["Vladimir Putin"]
    assert len(event["targets"]) == 2 and len(event["reports"]) == 2
    assert {rep["outlet"] for rep in event["reports"]} == {"A & B News", "C <News>"}
    for a in actors.values():
        assert set(a) >= {"id", "name", "type", "aliases", "roles", "mentions"}
        assert all(set(m) == {"document", "entity"} for m in a["mentions"])
    quotes = [r for r in rows if r["kind"] == "quote"]
    assert all(actors[q["speaker"]]["name"] == "Vladimir Putin" for q in quotes)


@pytest.mark.parametrize("reader", ["etree", "networkx"])
def test_export_graphml_reads_back(db, tmp_path, reader):
    path = _export(db, tmp_path, "graphml", "c.graphml")
    if reader == "networkx":
        nx = pytest.importorskip("networkx")
        g = nx.read_graphml(path)
        assert g.number_of_nodes() == 3 and g.number_of_edges() == 3
        assert all(d["weight"] == 1.0 for _, _, d in g.edges(data=True))
        return
    root = ET.parse(path).getroot()
    nodes = root.findall(f".//{GRAPHML}node")
    edges = root.findall(f".//{GRAPHML}edge")
    assert len(nodes) == 3 and len(edges) == 3
    names = {d.text for n in nodes for d in n if d.get("key") == "name"}
    assert names == {"Vladimir Putin", "Yevgeny Prigozhin", "Dmitry Utkin"}


def test_export_jsonld_has_schema_org_types(db, tmp_path):
    doc = json.loads(_export(db, tmp_path, "jsonld", "c.jsonld").read_text())
    assert doc["@context"] == "https://schema.org"
    types = [n["@type"] for n in doc["@graph"]]
    assert types.count("Person") == 3 and types.count("Event") == 1 and types.count("Quotation") == 2
    assert types.count("NewsArticle") == 2
    ids = {n["@id"] for n in doc["@graph"]}
    for node in doc["@graph"]:  # every reference points at a node of the graph
        for value in node.values():
            refs = value if isinstance(value, list) else [value]
            assert all(r["@id"] in ids for r in refs if isinstance(r, dict) and "@id" in r)


def test_export_csv_tables_read_back(db, tmp_path):
    folder = _export(db, tmp_path, "csv", "csv")
    with (folder / "events.csv").open(newline="", encoding="utf-8") as f:
        (event,) = list(csv.DictReader(f))
    assert event["type"] == "CONSULT" and len(event["targets"].split(" | ")) == 2
    with (folder / "event_reports.csv").open(newline="", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 2
    with (folder / "documents.csv").open(newline="", encoding="utf-8") as f:
        assert {r["outlet"] for r in csv.DictReader(f)} == {"A & B News", "C <News>"}


def test_export_parquet_tables_read_back(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = _export(db, tmp_path, "parquet", "pq")
    actors = pq.read_table(folder / "actors.parquet").to_pylist()
    assert {a["name"] for a in actors} == {"Vladimir Putin", "Yevgeny Prigozhin", "Dmitry Utkin"}
    (event,) = pq.read_table(folder / "events.parquet").to_pylist()
    assert len(event["targets"]) == 2
    assert pq.read_table(folder / "quotes.parquet").num_rows == 2


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_table_formats_need_a_folder(db, fmt):
    from newsgraph.corpus import open_store
    from newsgraph.errors import NewsgraphError

    with open_store(db, create=False) as store, pytest.raises(NewsgraphError, match="folder"):
        export(store, fmt, None)


def test_export_jsonl_to_stdout(db, capsys):
    assert main(["export", "--db", str(db)]) == 0
    assert all(json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines())
