"""End-to-end tests of the command line, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = "Talks end\n\nAnna Berg 18 March 2024\n\nOn Friday, Maria Santos met Pieter Olsen in Rotterdam.\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_cli_extract_one_file_gives_one_json_object(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    out = run("extract", str(path))
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["schema"] == "newsgraph/1" and d["document"]["published"] == "2024-03-18"
    assert d["document"]["source"] == str(path)
    assert "Traceback" not in out.stderr


def test_cli_extract_many_files_gives_jsonl_in_order_and_writes_output(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE)
    b.write_text(ARTICLE.replace("Rotterdam", "Antwerp"))
    target = tmp_path / "out.jsonl"
    out = run("extract", str(a), str(b), "-o", str(target), "--summary")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in target.read_text().splitlines()]
    assert [x["document"]["source"] for x in lines] == [str(a), str(b)]
    assert "Maria Santos" in out.stdout  # the summary


def test_cli_published_overrides_the_byline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    d = json.loads(run("extract", str(path), "--published", "2024-01-02").stdout)
    assert d["document"]["published"] == "2024-01-02"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.txt", b"", "empty input"),
        ("binary.txt", bytes(range(256)), "binary data"),
        ("latin1.txt", "caf\u00e9 \u00e0 Paris".encode("latin-1"), "not UTF-8"),
        ("nav.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
        ("bad.jsonl", b'{"text": "fine article."}\n{oops\n', "malformed JSON"),
    ],
)
def test_cli_bad_input_is_one_line_and_non_zero(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    out = run("extract", str(path))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    errors = [x for x in out.stderr.splitlines() if "error" in x]
    assert any(message in x and str(path) in x for x in errors), out.stderr


def test_cli_missing_file_and_bad_date(tmp_path):
    out = run("extract", str(tmp_path / "missing.txt"))
    assert out.returncode != 0 and "no such file" in out.stderr and "Traceback" not in out.stderr
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    out = run("extract", str(good), "--published", "last tuesday")
    assert out.returncode != 0 and "--published" in out.stderr and len(out.stderr.splitlines()) == 1


def test_cli_one_bad_file_among_good_ones_is_named_and_others_done(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ARTICLE)
    bad.write_bytes(b"\xff\xfe\x00\x00")
    out = run("extract", str(good), str(bad))
    assert out.returncode == 1
    assert len(out.stdout.splitlines()) == 1 and json.loads(out.stdout)["document"]["source"] == str(good)
    assert str(bad) in out.stderr and "Traceback" not in out.stderr


def test_cli_huge_file_is_refused(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    out = run("extract", str(huge))
    assert out.returncode != 0 and "limit" in out.stderr and "Traceback" not in out.stderr


def test_cli_unknown_command_is_one_line():
    out = run("frobnicate")
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1


def test_cli_json_format_over_several_files_is_one_array(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE)
    b.write_text(ARTICLE.replace("Rotterdam", "Antwerp"))
    out = run("extract", str(a), str(b), "--format", "json")
    assert out.returncode == 0, out.stderr
    records = json.loads(out.stdout)
    assert [r["document"]["source"] for r in records] == [str(a), str(b)]
