"""The ingest command end to end, and its progress output on and off a terminal."""

from __future__ import annotations

import pytest

from newsgraph.cli import main
from newsgraph.corpus.ingest import _Progress
from newsgraph.corpus.settings import CorpusSettings

ARTICLE = """Harbour talks end in agreement

Anna Berg {day} March 2024

Transport Minister Pieter Olsen met union leader Maria Santos in Rotterdam on Monday, the ministry said.
Olsen said the {n} workers would return to work on Wednesday.
"""


@pytest.mark.slow
def test_corpus_cli_ingest_twice_then_query(tmp_path, capsys, nlp):
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(2):
        (folder / f"a{i}.txt").write_text(ARTICLE.format(day=18 + i, n=100 + i), encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["ingest", str(folder), "--db", str(db), "-j", "1", "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "2 stored" in err and db.exists()
    assert main(["ingest", str(folder), "--db", str(db), "-j", "1", "--no-progress"]) == 0
    assert "0 stored (0 replaced), 2 unchanged" in capsys.readouterr().err
    assert main(["timeline", "--db", str(db), "--format", "json"]) == 0
    assert main(["actor", "Olsen", "--db", str(db), "--format", "json"]) == 0
    assert '"name": "Pieter Olsen"' in capsys.readouterr().out


def test_corpus_cli_ingest_reports_bad_input_and_goes_on(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["ingest", str(bad), "--db", str(db), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "malformed JSON" in err and "1 input(s) failed" in err


@pytest.mark.parametrize("argv,message", [
    (["ingest", "x.txt", "--published", "someday"], "unreadable --published"),
    (["ingest", "x.txt", "-j", "0"], "--processes must be 1 or more"),
    (["timeline", "--from", "June"], "unreadable date"),
    (["timeline", "--type", "PARTY"], "unknown event type"),
])
def test_corpus_cli_bad_arguments_are_one_line(tmp_path, capsys, argv, message):
    db = tmp_path / "c.db"
    if argv[0] != "ingest":
        main(["ingest", str(tmp_path / "none.jsonl"), "--db", str(db), "--no-progress"])
        capsys.readouterr()
    assert main([*argv, "--db", str(db)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


@pytest.mark.parametrize("terminal", [False, True])
def test_corpus_ingest_progress_bar_or_log_lines(capsys, terminal):
    bar = _Progress(4, terminal, CorpusSettings(log_every_seconds=0.0))
    for _ in range(4):
        bar.update()
    bar.close()
    err = capsys.readouterr().err
    if terminal:
        assert "4/4" in err and "doc/s" in err
    else:
        assert "newsgraph: ingest: 4/4 documents" in err and "/s" in err
