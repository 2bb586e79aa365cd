"""Ingest end to end: incremental, replacing, failure-tolerant, safe against SIGKILL, parallel."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_factory import table_counts
from newsgraph.corpus import ingest, open_store
from newsgraph.corpus.ingest import count_articles, expand_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.slow


def _articles(n: int) -> list[dict]:
    """``n`` different articles made from the examples (varied ids and first lines)."""
    texts = [p.read_text(encoding="utf-8").split("\n\n", 2)[-1] for p in sorted(EXAMPLES.glob("*.txt"))]
    out = []
    for i in range(n):
        body = texts[i % len(texts)]
        out.append({"id": f"art-{i}", "title": f"Report {i}", "published": f"2023-07-{1 + i % 28:02d}",
                    "outlet": f"Outlet {i % 5}", "text": f"Dispatch number {i}.\n\n{body}"})
    return out


def _write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def test_corpus_ingest_again_changes_nothing(tmp_path, nlp):
    db = tmp_path / "c.db"
    with open_store(db) as store:
        first = ingest(store, [EXAMPLES], n_process=1, progress=False)
        before = table_counts(store)
        second = ingest(store, [EXAMPLES], n_process=1, progress=False)
        assert table_counts(store) == before
    assert first.stored == 3 and not first.failed
    assert second.stored == 0 and second.unchanged == 3


def test_corpus_ingest_changed_article_replaces_its_facts(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    article = src / "a.txt"
    article.write_text("Talks\n\nVladimir Putin met Yevgeny Prigozhin in Moscow on Monday.\n", encoding="utf-8")
    with open_store(tmp_path / "c.db") as store:
        ingest(store, [src], n_process=1, progress=False)
        (old_id,) = [r[0] for r in store.conn.execute("SELECT id FROM documents")]
        article.write_text("Talks\n\nAngela Merkel met Emmanuel Macron in Paris on Friday.\n", encoding="utf-8")
        report = ingest(store, [src], n_process=1, progress=False)
        assert report.replaced == 1 and report.stored == 1
        ids = [r[0] for r in store.conn.execute("SELECT id FROM documents")]
        assert ids != [old_id] and len(ids) == 1
        names = {r[0] for r in store.conn.execute("SELECT name FROM entities")}
        assert not any("Putin" in n or "Prigozhin" in n for n in names)
        assert not store.conn.execute("SELECT 1 FROM actors WHERE name LIKE '%Putin%'").fetchone()
        assert store.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Putin'").fetchone()[0] == 0
    _consistent(tmp_path / "c.db").close()


def test_corpus_ingest_failures_are_stored_and_the_run_goes_on(tmp_path, nlp):
    good = _articles(2)
    lines = [json.dumps(good[0]), "{not json", json.dumps({"title": "no text"}), json.dumps(good[1])]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, [dump, empty], n_process=1, progress=False)
        assert store.count("documents") == 2
        keys = {f["key"] for f in store.failures()}
    assert len(report.failed) == 3
    assert {f"{dump}:2", f"{dump}:3", str(empty)} == keys


def test_corpus_ingest_counts_articles_for_the_bar(tmp_path):
    _write_jsonl(tmp_path / "d.jsonl", _articles(5))
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    files = expand_paths([tmp_path])
    assert [f.name for f in files] == ["d.jsonl", "x.txt"]
    assert count_articles(files) == 6


def _consistent(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) - count(DISTINCT key) FROM documents").fetchone()[0] == 0
    for fts in ("documents_fts", "quotes_fts"):  # the full-text indexes agree with their tables
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    # every stored document has all its facts: as many entity rows as its record lists
    for record, doc_id in conn.execute("SELECT record, id FROM documents"):
        n = len(json.loads(record)["entities"])
        assert conn.execute("SELECT count(*) FROM entities WHERE doc_id = ?", (doc_id,)).fetchone()[0] == n
    return conn


def test_corpus_ingest_survives_sigkill(tmp_path, nlp):
    n = 40  # several chunks of 8: the kill lands between two of them
    dump = _write_jsonl(tmp_path / "dump.jsonl", _articles(n))
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(dump), "--db", str(db), "-j", "1", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as conn:
                        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    continue
                if stored >= 3:
                    break
        assert proc.poll() is None, "ingest finished before it could be killed: make the input bigger"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    _consistent(db).close()
    with open_store(db) as store:
        kept = store.count("documents")
        assert 3 <= kept < n
        report = ingest(store, [dump], n_process=1, progress=False)
        assert report.unchanged == kept and report.stored == n - kept
    conn = _consistent(db)
    assert conn.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (n, n)
    assert conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()[0] == 0


def test_corpus_ingest_two_processes_store_what_one_does(tmp_path, nlp):
    dump = _write_jsonl(tmp_path / "dump.jsonl", _articles(6))
    counts = []
    for j in (1, 2):
        with open_store(tmp_path / f"c{j}.db") as store:
            report = ingest(store, [dump], n_process=j, progress=False)
            assert report.stored == 6 and not report.failed
            counts.append(table_counts(store))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("trouble", ["raises", "runs away"])
def test_corpus_ingest_failing_extraction_fails_alone(tmp_path, nlp, monkeypatch, trouble):
    import importlib

    ingest_mod = importlib.import_module("newsgraph.corpus.ingest")  # the module, not the function
    from newsgraph.corpus.settings import CorpusSettings

    real = ingest_mod.build_record

    def flaky(doc, document):
        if document.id == "art-1":
            if trouble == "raises":
                raise ValueError("extractor bug\nsecond line")
            while True:
                pass
        return real(doc, document)

    monkeypatch.setattr(ingest_mod, "build_record", flaky)
    dump = _write_jsonl(tmp_path / "dump.jsonl", _articles(3))
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, [dump], n_process=1, progress=False,
                        settings=CorpusSettings(document_timeout_seconds=0.5))
        assert store.count("documents") == 2
        (failure,) = store.failures()
    assert len(report.failed) == 1 and failure["stage"] == "extract" and "\n" not in failure["error"]


def _dies_on_art_1(chunk, timeout):
    """A worker task that ends its process on one document, as the kernel's OOM killer would."""
    import importlib

    if any(i.document.id == "art-1" for i in chunk):
        os._exit(9)
    return importlib.import_module("newsgraph.corpus.ingest")._extract_chunk_real(chunk, timeout)


def test_corpus_ingest_lost_worker_fails_its_chunk_only(tmp_path, nlp, monkeypatch):
    import importlib

    from newsgraph.corpus.settings import CorpusSettings

    ingest_mod = importlib.import_module("newsgraph.corpus.ingest")
    monkeypatch.setattr(ingest_mod, "_extract_chunk_real", ingest_mod._extract_chunk, raising=False)
    monkeypatch.setattr(ingest_mod, "_extract_chunk", _dies_on_art_1)
    dump = _write_jsonl(tmp_path / "dump.jsonl", _articles(4))
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, [dump], n_process=2, progress=False,
                        settings=CorpusSettings(chunk_size=1, document_timeout_seconds=1.0))
        assert store.count("documents") == 3
        (failure,) = store.failures()
    assert "worker lost" in failure["error"] and len(report.failed) == 1


def test_corpus_ingest_published_dates_only_undated_articles(tmp_path, nlp):
    items = _articles(2)
    del items[1]["published"]
    dump = _write_jsonl(tmp_path / "dump.jsonl", items)
    with open_store(tmp_path / "c.db") as store:
        ingest(store, [dump], n_process=1, progress=False, published="2020-02-02")
        dates = dict(store.conn.execute("SELECT id, published FROM documents").fetchall())
    assert dates == {"art-0": items[0]["published"], "art-1": "2020-02-02"}


def test_corpus_ingest_record_breaking_the_schema_fails_alone(tmp_path, nlp, monkeypatch):
    import importlib

    from newsgraph.model import Quote, QuoteKind

    ingest_mod = importlib.import_module("newsgraph.corpus.ingest")
    real = ingest_mod.build_record

    def twin_quotes(doc, document):
        record = real(doc, document)
        if document.id == "art-0":  # an extractor defect: two quotes with one id
            record.quotes = [Quote("q1", "x", 0, 1, QuoteKind.DIRECT), Quote("q1", "y", 1, 2, QuoteKind.DIRECT)]
        return record

    monkeypatch.setattr(ingest_mod, "build_record", twin_quotes)
    dump = _write_jsonl(tmp_path / "dump.jsonl", _articles(2))
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, [dump], n_process=1, progress=False)
        assert [r[0] for r in store.conn.execute("SELECT id FROM documents")] == ["art-1"]
        (failure,) = store.failures()
        assert store.count("entities") == len(json.loads(store.conn.execute("SELECT record FROM documents")
                                                         .fetchone()[0])["entities"])
    assert failure["stage"] == "store" and "UNIQUE" in failure["error"] and len(report.failed) == 1
