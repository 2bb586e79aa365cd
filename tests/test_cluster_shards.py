"""Cluster shards without Ray: byte ranges read as the local reader does, record shards round-trip, load dedupes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cluster.records import failure_row, read_shards, record_row, shard_files, write_shard
from newsgraph.cluster.settings import ClusterSettings
from newsgraph.cluster.shards import ShardError, ShardKind, Unit, plan, read_unit
from newsgraph.errors import InputError
from newsgraph.read import read_path

pytest.importorskip("pyarrow", reason="record shards need the parquet extra (pyarrow)")

LINES = [
    {"text": "First article. It is short.", "title": "One", "published": "2024-01-02"},
    "",
    {"text": "Second article with \u00e9 accents and more words in it.", "outlet": "Le Monde"},
    "not json at all",
    {"title": "no text"},
    {"text": "Third article, a little longer than the others so the ranges fall inside it. " * 3},
    "   ",
    {"text": "Fourth article.", "id": "given-id", "url": "https://example.org/4"},
    [1, 2],
    {"text": "Fifth and last article."},
]


def _jsonl(tmp_path: Path, name: str = "a.jsonl") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8") as f:
        for item in LINES:
            f.write((item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)) + "\n")
    return path


def _as_comparable(items: list) -> list:
    return [str(i) if isinstance(i, InputError) else i.to_dict() for i in items]


@pytest.mark.parametrize("split", [1, 7, 40, 64, 100, 1000, 10_000_000])
def test_cluster_shards_byte_ranges_read_like_the_local_reader(tmp_path, split):
    path = _jsonl(tmp_path)
    units = plan([path], ClusterSettings(split_bytes=split))
    size = path.stat().st_size
    assert len(units) == (-(-size // split) if size > split else 1)
    got = [item for u in units for item in read_unit(u)]
    assert _as_comparable(got) == _as_comparable(list(read_path(path)))


def test_cluster_shards_unit_names_are_deterministic_and_distinct(tmp_path):
    path = _jsonl(tmp_path)
    first = plan([path], ClusterSettings(split_bytes=50))
    again = plan([path], ClusterSettings(split_bytes=50))
    assert [u.name for u in first] == [u.name for u in again]
    assert len({u.name for u in first}) == len(first)
    assert [u.name for u in first] == sorted(u.name for u in first)  # file order is input order
    assert all(Unit.from_row(u.to_row()) == u for u in first)


def test_cluster_shards_folders_expand_to_articles_and_parquet(tmp_path):
    _jsonl(tmp_path)
    (tmp_path / "b.txt").write_text("An article in a text file.", encoding="utf-8")
    (tmp_path / "c.parquet").write_bytes(b"PAR1")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    kinds = {Path(u.path).name: u.kind for u in plan([tmp_path])}
    assert kinds == {"a.jsonl": ShardKind.JSONL, "b.txt": ShardKind.FILE, "c.parquet": ShardKind.PARQUET}


@pytest.mark.parametrize(("name", "content", "message"), [
    ("gz.jsonl", b"\x1f\x8b\x08\x00garbage", "not JSON Lines text"),
    ("nul.jsonl", b'{"text": "a"}\n\x00\x00\x00', "not JSON Lines text"),
    ("empty.jsonl", b"\n \n", "empty input"),
    ("broken.parquet", b"PAR1 this is no parquet PAR1", "unreadable Parquet"),
    ("missing.jsonl", None, "no such file"),
])
def test_cluster_shards_bad_shard_is_one_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    (unit,) = plan([path])
    with pytest.raises(ShardError, match=message):
        list(read_unit(unit))


def test_cluster_shards_every_range_of_a_binary_file_is_a_bad_shard(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"compressed bytes\n" * 50)
    units = plan([path], ClusterSettings(split_bytes=200))
    assert len(units) > 1
    for unit in units:
        with pytest.raises(ShardError, match="not JSON Lines text"):
            list(read_unit(unit))


def test_cluster_shards_parquet_articles_are_read(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist([{"text": "One article.", "title": "A", "published": "2024-05-01"},
                                         {"text": "", "title": "empty"},
                                         {"text": "Another article.", "title": None, "published": None}]), path)
    items = list(read_unit(plan([path])[0]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[0].source == f"{path}:1" and items[0].published == "2024-05-01" and items[0].title == "A"
    assert items[2].source == f"{path}:3" and items[2].title is None


@pytest.mark.parametrize("split", [1, 3000, 10_000_000])
def test_cluster_shards_parquet_row_group_units_read_like_the_whole_file(tmp_path, split):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "many.parquet"
    rows = [{"text": f"Article number {i} about the harbour.", "title": f"T{i}"} for i in range(40)]
    rows[7]["text"] = ""
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=6)
    units = plan([path], ClusterSettings(split_bytes=split))
    assert (len(units) > 1) == (split < path.stat().st_size)
    whole = list(read_unit(Unit(0, str(path), ShardKind.PARQUET)))
    got = [item for u in units for item in read_unit(u)]
    assert _as_comparable(got) == _as_comparable(whole) and len(whole) == 40
    assert got[-1].source == f"{path}:40" and isinstance(got[7], InputError)


def test_cluster_shards_published_overrides_like_the_local_ingest(tmp_path):
    path = _jsonl(tmp_path)
    docs = [i for i in read_unit(plan([path])[0], published="2020-02-02") if not isinstance(i, InputError)]
    assert docs and all(d.published == "2020-02-02" for d in docs)


def _record(doc_id: str, text: str) -> dict:
    return {"schema": "newsgraph/1", "document": {"id": doc_id, "title": "T", "author": None,
            "published": "2024-01-01", "outlet": "O", "url": None, "source": f"s:{doc_id}", "language": "en",
            "text": text}, "entities": [], "times": [], "events": [], "quotes": [], "amounts": []}


def test_cluster_shards_record_shard_round_trip_and_atomic_names(tmp_path):
    rows = [record_row(_record("d1", "Text one."), "s:d1", "h1"), failure_row("s:2", "read", "s:2: bad line")]
    write_shard(rows, tmp_path / "000000-x.parquet")
    assert [p.name for p in shard_files(tmp_path)] == ["000000-x.parquet"]
    assert not list(tmp_path.glob(".*"))  # no temporary file is left
    (shard,) = list(read_shards(tmp_path))
    assert shard.error is None and shard.rows == rows
    assert json.loads(shard.rows[0]["record_json"])["document"]["id"] == "d1"


def test_cluster_shards_load_dedupes_by_id_and_files_failures(tmp_path):
    from newsgraph.cluster.load import load
    from newsgraph.corpus.store import open_store

    shards = tmp_path / "records"
    write_shard([record_row(_record("d1", "Text one."), "s:d1", "h1"),
                 record_row(_record("d2", "Text two."), "s:d2", "h2")], shards / "000000-a.parquet")
    # the same document again, as a retried or repeated shard would write it, and one failure
    write_shard([record_row(_record("d2", "Text two."), "s:d2", "h2"),
                 failure_row("s:9", "extract", "s:9: ValueError: boom")], shards / "000001-b.parquet")
    (shards / "000002-c.parquet").write_bytes(b"damaged")
    with open_store(tmp_path / "c.db") as store:
        report = load(store, shards, do_resolve=False)
        assert (report.stored, report.duplicates, len(report.failed), len(report.bad_shards)) == (2, 1, 1, 1)
        assert "000002-c.parquet" in report.bad_shards[0]
        assert store.count("documents") == 2
        assert [f["key"] for f in store.failures()] == ["s:9"]
        again = load(store, shards, do_resolve=False)
        assert (again.stored, again.unchanged) == (0, 2)
        assert store.count("documents") == 2
