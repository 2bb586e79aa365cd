"""Cross-document resolution on hand-made records: who is one actor, what is one event."""

from __future__ import annotations

import pytest

from corpus_factory import actor_of, record, store_of
from newsgraph.corpus.resolve import resolve

PRIGOZHIN_FORMS = [
    ("Yevgeny Prigozhin", "Yevgeny Prigozhin, the Wagner chief, spoke with Dmitry Utkin."),
    ("Evgueni Prigozhin", "Evgueni Prigozhin, the Wagner chief, spoke with Dmitry Utkin."),
    ("Evgeniy Prigozhin", "Evgeniy Prigozhin, the Wagner chief, spoke with Dmitry Utkin."),
    ("Prigozhin", "Prigozhin, the Wagner chief, spoke with Dmitry Utkin."),
    ("Putin's chef", "Putin's chef, the Wagner chief, spoke with Dmitry Utkin."),
]


def _base():
    text = "Evgeny Prigozhin, known as Putin's chef, founded the Wagner Group with Dmitry Utkin."
    return record(text, "2023-06-20", [
        ("Evgeny Prigozhin", "PERSON", ["Putin's chef"], [("founded the Wagner Group", None)]),
        ("Wagner Group", "GROUP"),
        ("Dmitry Utkin", "PERSON"),
    ], source="base")


@pytest.mark.parametrize("form,text", PRIGOZHIN_FORMS)
def test_corpus_resolve_name_variants_join_one_actor(tmp_path, form, text):
    other = record(text, "2023-06-21", [(form, "PERSON"), ("Wagner", "GROUP"), ("Dmitry Utkin", "PERSON")],
                   source="other")
    base = _base()
    store = store_of(tmp_path / "c.db", [base, other])
    resolve(store)
    assert actor_of(store, base.document.id, "Evgeny Prigozhin") == actor_of(store, other.document.id, form)
    assert actor_of(store, base.document.id, "Wagner Group") == actor_of(store, other.document.id, "Wagner")


@pytest.mark.parametrize("order", ["surname-first", "full-name-first"])
def test_corpus_resolve_shared_surname_in_other_context_stays_apart(tmp_path, order):
    wagner = record("Dmitry Smith led Wagner fighters near Bakhmut.", "2023-05-01",
                    [("Dmitry Smith", "PERSON"), ("Wagner", "GROUP"), ("Bakhmut", "PLACE")], source="a")
    school = record("Smith, a teacher at Lincoln High School in Ohio, retired.", "2023-05-02",
                    [("Smith", "PERSON", [], [("a teacher", None)]), ("Lincoln High School", "ORG"),
                     ("Ohio", "PLACE")], source="b")
    again = record("Smith ordered Wagner units out of Bakhmut.", "2023-05-03",
                   [("Smith", "PERSON"), ("Wagner", "GROUP"), ("Bakhmut", "PLACE")], source="c")
    records = [wagner, school, again] if order == "full-name-first" else [school, again, wagner]
    store = store_of(tmp_path / "c.db", records)
    resolve(store)
    full = actor_of(store, wagner.document.id, "Dmitry Smith")
    assert actor_of(store, again.document.id, "Smith") == full
    assert actor_of(store, school.document.id, "Smith") != full


def test_corpus_resolve_two_full_names_sharing_a_surname_stay_two(tmp_path):
    a = record("Evgeny Prigozhin met Anna Prigozhin in Moscow.", "2023-01-01",
               [("Evgeny Prigozhin", "PERSON"), ("Anna Prigozhin", "PERSON"), ("Moscow", "PLACE")], source="a")
    b = record("Anna Prigozhin spoke in Moscow.", "2023-01-02", [("Anna Prigozhin", "PERSON"), ("Moscow", "PLACE")],
               source="b")
    store = store_of(tmp_path / "c.db", [a, b])
    resolve(store)
    assert actor_of(store, a.document.id, "Anna Prigozhin") == actor_of(store, b.document.id, "Anna Prigozhin")
    assert actor_of(store, a.document.id, "Evgeny Prigozhin") != actor_of(store, b.document.id, "Anna Prigozhin")


def _meeting(i: int, day: str, published: str, place: str | None = "Kremlin") -> object:
    text = f"Vladimir Putin met Yevgeny Prigozhin at the Kremlin on {day}, outlet {i} reported."
    return record(text, published, [("Vladimir Putin", "PERSON"), ("Yevgeny Prigozhin", "PERSON"),
                                     ("Kremlin", "PLACE")],
                  events=[("CONSULT", "met", ["Vladimir Putin"], ["Yevgeny Prigozhin"], day, place)],
                  outlet=f"Outlet {i}", source=f"m{i}")


@pytest.mark.parametrize("incremental", [False, True])
def test_corpus_resolve_one_meeting_from_ten_outlets_is_one_event(tmp_path, incremental):
    records = [_meeting(i, "2023-06-29", f"2023-07-{10 + i % 3:02d}") for i in range(10)]
    store = store_of(tmp_path / "c.db", records[:4] if incremental else records)
    resolve(store)
    if incremental:
        for r in records[4:]:
            from newsgraph.corpus.store import Incoming

            store.put_record(r, Incoming.of(r.document))
            resolve(store)
    (event,) = store.conn.execute("SELECT id, date, first_reported FROM corpus_events").fetchall()
    assert event["date"] == "2023-06-29" and event["first_reported"] == "2023-07-10"
    reports = store.conn.execute("SELECT outlet, published FROM event_reports WHERE event_id = ?", (event["id"],))
    assert len({r["outlet"] for r in reports}) == 10


@pytest.mark.parametrize("second_date,second_actor,merged", [
    ("2023-06-29", "Alexander Lukashenko", False),  # same type, same day, other people
    ("2023-06-29", "Yevgeny Prigozhin", True),
    ("2023-06-30", "Yevgeny Prigozhin", True),  # a day apart: time zones
    ("2023-07-15", "Yevgeny Prigozhin", False),  # weeks apart: another meeting
    ("2023-06", "Yevgeny Prigozhin", True),  # a month contains the day
])
def test_corpus_resolve_events_merge_only_when_all_agree(tmp_path, second_date, second_actor, merged):
    first = _meeting(0, "2023-06-29", "2023-07-10")
    text = f"Vladimir Putin met {second_actor} at the Kremlin, a report said."
    second = record(text, "2023-07-16", [("Vladimir Putin", "PERSON"), (second_actor, "PERSON"), ("Kremlin", "PLACE")],
                    events=[("CONSULT", "met", ["Vladimir Putin"], [second_actor], second_date, "Kremlin")],
                    source="second", outlet="Other")
    store = store_of(tmp_path / "c.db", [first, second])
    resolve(store)
    assert store.count("corpus_events") == (1 if merged else 2)


def test_corpus_resolve_place_conflict_keeps_events_apart(tmp_path):
    a = _meeting(0, "2023-06-29", "2023-07-10", place="Kremlin")
    text = "Vladimir Putin met Yevgeny Prigozhin in Minsk, outlet 9 reported."
    b = record(text, "2023-07-10", [("Vladimir Putin", "PERSON"), ("Yevgeny Prigozhin", "PERSON"), ("Minsk", "PLACE")],
               events=[("CONSULT", "met", ["Vladimir Putin"], ["Yevgeny Prigozhin"], "2023-06-29", "Minsk")],
               source="b")
    store = store_of(tmp_path / "c.db", [a, b])
    resolve(store)
    assert store.count("corpus_events") == 2


def test_corpus_resolve_two_events_of_one_document_stay_two(tmp_path):
    text = "Vladimir Putin met Yevgeny Prigozhin on Monday. Putin also met Prigozhin on Tuesday."
    r = record(text, "2023-07-10", [("Vladimir Putin", "PERSON", ["Putin"]), ("Yevgeny Prigozhin", "PERSON", ["Prigozhin"])],
               events=[("CONSULT", "met", ["Vladimir Putin"], ["Yevgeny Prigozhin"], "2023-07-03", None),
                       ("CONSULT", "also met", ["Vladimir Putin"], ["Yevgeny Prigozhin"], "2023-07-04", None)])
    store = store_of(tmp_path / "c.db", [r])
    resolve(store)
    assert store.count("corpus_events") == 2


def test_corpus_resolve_full_rerun_gives_the_same_partition(tmp_path):
    records = [_meeting(i, "2023-06-29", "2023-07-10") for i in range(3)] + [_base()]
    store = store_of(tmp_path / "c.db", records)
    resolve(store)

    def partition():
        rows = store.conn.execute("SELECT actor_id, doc_id || '/' || entity_id FROM actor_members").fetchall()
        groups: dict[str, set[str]] = {}
        for a, m in rows:
            groups.setdefault(a, set()).add(m)
        return sorted(sorted(g) for g in groups.values())

    before = partition()
    resolve(store, full=True)
    assert partition() == before


def test_corpus_resolve_replaced_report_updates_its_event(tmp_path):
    from newsgraph.corpus.store import Incoming

    first = _meeting(0, "2023-06-29", "2023-07-10")
    vague = record("Vladimir Putin met Yevgeny Prigozhin at the Kremlin in June, outlet 1 reported.", "2023-07-11",
                   [("Vladimir Putin", "PERSON"), ("Yevgeny Prigozhin", "PERSON"), ("Kremlin", "PLACE")],
                   events=[("CONSULT", "met", ["Vladimir Putin"], ["Yevgeny Prigozhin"], "2023-06", "Kremlin")],
                   source="m1")
    store = store_of(tmp_path / "c.db", [vague])
    resolve(store)
    assert store.conn.execute("SELECT date FROM corpus_events").fetchone()[0] == "2023-06"
    store.put_record(first, Incoming.of(first.document))
    resolve(store)
    assert [tuple(r) for r in store.conn.execute("SELECT date FROM corpus_events")] == [("2023-06-29",)]
    # the precise report is replaced by an article that no longer tells of the meeting
    gone = record("Nothing happened, outlet 0 reported.", "2023-07-12", [], source="m0")
    store.put_record(gone, Incoming.of(gone.document))
    resolve(store)
    assert [tuple(r) for r in store.conn.execute("SELECT date FROM corpus_events")] == [("2023-06",)]
    assert store.count("event_reports") == 1


def test_corpus_resolve_document_marked_unresolved_again_is_redone_cleanly(tmp_path):
    records = [_meeting(i, "2023-06-29", "2023-07-10") for i in range(3)]
    store = store_of(tmp_path / "c.db", records)
    resolve(store)
    before = (store.count("actors"), store.count("corpus_events"), store.count("event_reports"))
    store.conn.execute("UPDATE documents SET resolved = 0 WHERE id = ?", (records[1].document.id,))
    resolve(store)
    assert (store.count("actors"), store.count("corpus_events"), store.count("event_reports")) == before


def test_corpus_resolve_interrupted_leaves_the_previous_resolution(tmp_path, monkeypatch):
    import importlib

    from newsgraph.corpus.store import Incoming

    resolve_mod = importlib.import_module("newsgraph.corpus.resolve")
    records = [_meeting(i, "2023-06-29", "2023-07-10") for i in range(3)]
    store = store_of(tmp_path / "c.db", records[:2])
    resolve(store)
    before = (store.count("actors"), store.count("actor_members"), store.count("event_reports"))
    store.put_record(records[2], Incoming.of(records[2].document))
    real_write = resolve_mod._write

    def crash(c, *args):
        real_write(c, *args)  # everything written, then the process dies before COMMIT
        raise KeyboardInterrupt

    monkeypatch.setattr(resolve_mod, "_write", crash)
    with pytest.raises(KeyboardInterrupt):
        resolve(store)
    assert (store.count("actors"), store.count("actor_members"), store.count("event_reports")) == before
    assert store.conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()[0] == 1
    monkeypatch.setattr(resolve_mod, "_write", real_write)
    resolve(store)
    assert store.count("event_reports") == 3 and store.count("corpus_events") == 1
