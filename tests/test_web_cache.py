"""The answer cache: kept while the store files are unchanged, made again after any write, bounded."""

from __future__ import annotations

import os

import pytest

from newsgraph.web.cache import ResponseCache, store_stamp


@pytest.fixture()
def db(tmp_path):
    p = tmp_path / "c.db"
    p.write_bytes(b"one")
    return p


def test_web_cache_keeps_an_answer_while_the_store_is_unchanged(db):
    cache = ResponseCache(db, 4)
    made = []
    for _ in range(3):
        assert cache.get("k", lambda: made.append(1) or b"body") == b"body"
    assert len(made) == 1 and cache.hits == 2


@pytest.mark.parametrize("write", ["db", "wal"])
def test_web_cache_makes_the_answer_again_after_a_write(db, write):
    cache = ResponseCache(db, 4)
    cache.get("k", lambda: b"old")
    target = db if write == "db" else db.with_name(db.name + "-wal")
    target.write_bytes(b"changed content")
    st = os.stat(target)
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert cache.get("k", lambda: b"new") == b"new"


@pytest.mark.parametrize(("entries", "makes"), [(0, 6), (1, 6), (2, 2)])
def test_web_cache_is_bounded(db, entries, makes):
    cache = ResponseCache(db, entries)
    made = []
    for key in ["a", "b", "a", "b", "a", "b"]:
        cache.get(key, lambda: made.append(1) or b"x")
    assert len(made) == makes
    assert len(cache._items) <= entries


def test_web_cache_stamp_sees_a_missing_wal(db):
    assert store_stamp(db)[1] is None and store_stamp(db)[0] is not None


def test_web_cache_makes_one_answer_for_concurrent_misses(db):
    import threading
    import time

    cache = ResponseCache(db, 4)
    made = []

    def make() -> bytes:
        made.append(1)
        time.sleep(0.2)
        return b"body"

    out = []
    threads = [threading.Thread(target=lambda: out.append(cache.get("k", make))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [b"body"] * 8 and len(made) == 1


def test_web_cache_failed_make_is_not_kept_and_others_retry(db):
    cache = ResponseCache(db, 4)
    with pytest.raises(ValueError):
        cache.get("k", lambda: (_ for _ in ()).throw(ValueError("boom")))
    assert cache.get("k", lambda: b"ok") == b"ok"
