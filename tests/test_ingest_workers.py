"""Ingest reads and parses in the workers: the same facts as in one process, bad files fail alone."""

from __future__ import annotations

import html
import importlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.corpus import ingest, open_store
from newsgraph.corpus.settings import CorpusSettings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.slow

ingest_mod = importlib.import_module("newsgraph.corpus.ingest")  # the module, not the function


def _bodies() -> list[str]:
    return [p.read_text(encoding="utf-8").split("\n\n", 2)[-1] for p in sorted(EXAMPLES.glob("*.txt"))]


def _page(i: int, body: str, dated: bool) -> str:
    """A news page: the article among a menu and a footer, its date in the metadata when ``dated``."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in [f"Dispatch number {i}.", *body.split("\n\n")])
    date = f'<meta property="article:published_time" content="2023-07-{1 + i % 28:02d}T08:00:00Z">' if dated else ""
    return (f"<!DOCTYPE html><html><head><title>Report {i}</title>{date}"
            f'<meta property="og:site_name" content="Outlet {i}"></head><body>'
            f'<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>'
            f"<article><h1>Report {i}</h1>{paragraphs}</article>"
            f"<footer><p>Outlet {i}. All rights reserved.</p></footer></body></html>")


def _inputs(folder: Path) -> Path:
    """Pages (one without a date in its metadata, one a copy of another), a text file and a JSONL file of two
    undated articles."""
    folder.mkdir()
    bodies = _bodies()
    for i in range(4):
        (folder / f"page-{i}.html").write_text(_page(i, bodies[i % len(bodies)], dated=i != 2), encoding="utf-8")
    (folder / "page-4-copy.html").write_bytes((folder / "page-0.html").read_bytes())
    (folder / "note.txt").write_text(f"Talks\n\n{bodies[0]}", encoding="utf-8")
    lines = [{"id": f"line-{i}", "title": f"Line {i}", "text": f"Line {i}.\n\n{bodies[(i + 1) % len(bodies)]}"}
             for i in range(2)]
    (folder / "dump.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return folder


def _facts(db: Path) -> dict[str, list[str]]:
    """Every row of every table but the clock columns, sorted: what two runs must agree on."""
    conn = sqlite3.connect(db)
    out = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                         "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%'")]
    for table in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("ingested_at", "at")]
        quoted = ", ".join('"' + c + '"' for c in cols)
        rows = conn.execute(f"SELECT {quoted} FROM {table}")
        out[table] = sorted(map(repr, rows))
    conn.close()
    return out


@pytest.mark.parametrize("published", [None, "2020-02-02"])
def test_ingest_workers_store_what_one_process_stores(tmp_path, nlp, published):
    folder = _inputs(tmp_path / "in")
    reports = []
    for j in (1, 2):
        with open_store(tmp_path / f"c{j}.db") as store:
            reports.append(ingest(store, [folder], n_process=j, published=published, progress=False))
    one, two = reports
    assert (one.seen, one.stored, one.unchanged, one.failed) == (two.seen, two.stored, two.unchanged, two.failed)
    assert one.stored == 7 and one.unchanged == 1 and not one.failed  # the copy of page 0 is no new article
    facts = _facts(tmp_path / "c1.db")
    assert facts == _facts(tmp_path / "c2.db")
    assert len(facts["documents"]) == 7 and len(facts["entities"]) > 7
    with open_store(tmp_path / "c2.db") as store:
        dates = dict(store.conn.execute("SELECT coalesce(url, source), published FROM documents").fetchall())
    assert dates[str(folder / "page-1.html")] == "2023-07-02"  # the page's own date stands
    assert dates[f"{folder / 'dump.jsonl'}:2"] == published  # an undated article takes --published


def test_ingest_workers_read_the_inputs_not_the_main_process(tmp_path, nlp, monkeypatch):
    folder = _inputs(tmp_path / "in")
    readers = tmp_path / "readers"
    real = ingest_mod.read_path

    def recording(path, *args, **kwargs):
        with readers.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ingest_mod, "read_path", recording)
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, [folder], n_process=2, progress=False)
    pids = readers.read_text().split()
    assert report.stored == 7 and len(pids) == 6  # five pages and the text file: JSONL lines are not files
    assert str(os.getpid()) not in pids


_BAD = {
    "binary": b"<html>\x00\x01\x02 not a page",
    "not utf-8": b"<html><body><p>caf\xe9 au lait, caf\xe9 noir</p></body></html>",
    "empty": b"  \n",
    "no article": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "broken tags": b"<html><body><<<p>>><div </p><script>" + b"<" * 5000,
}


@pytest.mark.parametrize("n_process", [1, 2])
def test_ingest_workers_bad_pages_fail_alone_with_one_line(tmp_path, nlp, n_process):
    folder = _inputs(tmp_path / "in")
    for name, data in _BAD.items():
        (folder / f"bad-{name.replace(' ', '-')}.html").write_bytes(data)
    db = tmp_path / "c.db"
    with open_store(db) as store:
        first = ingest(store, [folder], n_process=1, progress=False) if n_process == 2 else None
        report = ingest(store, [folder], n_process=n_process, progress=False)
        failures = {Path(f["key"]).name: f for f in store.failures()}
        stored = store.count("documents")
    assert stored == 7
    assert set(failures) == {f"bad-{name.replace(' ', '-')}.html" for name in _BAD}
    assert all(f["stage"] == "read" and "\n" not in f["error"] and f["error"] for f in failures.values())
    assert "binary" in failures["bad-binary.html"]["error"] and "UTF-8" in failures["bad-not-utf-8.html"]["error"]
    assert len(report.failed) == len(_BAD)
    if first is not None:  # a second run over a stored corpus: the workers skip every stored article
        assert report.unchanged == 8 and report.stored == 0


@pytest.mark.parametrize("trouble", ["raises", "runs away"])
@pytest.mark.parametrize("n_process", [1, 2])
def test_ingest_workers_reader_trouble_fails_that_input_only(tmp_path, nlp, monkeypatch, trouble, n_process):
    folder = _inputs(tmp_path / "in")
    real = ingest_mod.read_path

    def flaky(path, *args, **kwargs):
        if Path(path).name == "page-1.html":
            if trouble == "raises":
                raise RuntimeError("reader bug\nsecond line")
            while True:
                pass
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ingest_mod, "read_path", flaky)
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, [folder], n_process=n_process, progress=False,
                        settings=CorpusSettings(document_timeout_seconds=1.0))
        (failure,) = store.failures()
        assert store.count("documents") == 6
    assert failure["key"] == str(folder / "page-1.html") and failure["stage"] == "read"
    assert "\n" not in failure["error"] and len(report.failed) == 1
    assert ("reader bug" if trouble == "raises" else "took longer") in failure["error"]


def test_ingest_workers_skip_stored_articles_without_extracting(tmp_path, nlp, monkeypatch):
    folder = _inputs(tmp_path / "in")
    with open_store(tmp_path / "c.db") as store:
        ingest(store, [folder], n_process=2, progress=False)
        before = _facts(tmp_path / "c.db")

        def no_extraction(doc, document):
            raise AssertionError("a stored article was extracted again")

        monkeypatch.setattr(ingest_mod, "build_record", no_extraction)
        again = ingest(store, [folder], n_process=2, progress=False)
    assert again.unchanged == 8 and again.stored == 0 and not again.failed
    assert _facts(tmp_path / "c.db") == before


def test_ingest_workers_read_a_page_the_same_however_often_it_comes(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    page = _page(0, _bodies()[0], dated=True)
    for k in range(5):  # a wire story on five sites: trafilatura's own cache would empty the fourth
        (folder / f"site-{k}.html").write_text(page, encoding="utf-8")
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, [folder], n_process=1, progress=False)
        again = ingest(store, [folder], n_process=1, progress=False)
    assert (report.stored, report.unchanged, report.failed) == (1, 4, [])
    assert (again.stored, again.unchanged, again.failed) == (0, 5, [])


def test_ingest_workers_killed_run_keeps_what_it_stored(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    bodies, n = _bodies(), 40  # enough pages (five chunks) that the kill lands mid-run
    for i in range(n):
        (folder / f"page-{i:03d}.html").write_text(_page(i, bodies[i % len(bodies)], dated=True), encoding="utf-8")
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db), "-j", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    if conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 3:
                        break
            except sqlite3.OperationalError:  # not created yet, or no table yet
                continue
        assert proc.poll() is None, "ingest finished before it could be killed: make the input bigger"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with open_store(db) as store:
        kept = store.count("documents")
        assert 3 <= kept < n
        report = ingest(store, [folder], n_process=2, progress=False, do_resolve=False)
        assert (report.unchanged, report.stored, report.failed) == (kept, n - kept, [])
        assert store.count("documents") == n


@pytest.mark.parametrize("n_process", [1, 2])
def test_ingest_workers_jsonl_lines_fail_by_file_and_line(tmp_path, nlp, n_process):
    text = _bodies()[0]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([json.dumps({"id": "a", "text": text}), "{not json", "", "[1, 2]",
                               json.dumps({"id": "b", "text": f"Second.\n\n{text}"})]) + "\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    inputs = [dump, tmp_path / "empty.jsonl", tmp_path / "gone.jsonl"]
    with open_store(tmp_path / "c.db") as store:
        report = ingest(store, inputs, n_process=n_process, progress=False, do_resolve=False)
        failures = {f["key"]: f["error"] for f in store.failures()}
        assert sorted(r[0] for r in store.conn.execute("SELECT id FROM documents")) == ["a", "b"]
    assert failures == {
        f"{dump}:2": f"{dump}:2: malformed JSON (Expecting property name enclosed in double quotes)",
        f"{dump}:4": f"{dump}:4: a line must be a JSON object",
        str(tmp_path / "empty.jsonl"): f"{tmp_path / 'empty.jsonl'}: empty input",
        str(tmp_path / "gone.jsonl"): f"{tmp_path / 'gone.jsonl'}: no such file",
    }
    assert sorted(report.failed) == sorted(failures.values()) and report.seen == 2
