"""Every corpus tunable in one typed object, with the reason for its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CorpusSettings:
    # Documents per task sent to a worker: big enough that pickling is a small share of the work,
    # small enough that the bar moves and memory stays flat (a news article is ~5 KB of text).
    chunk_size: int = 8
    # Chunks in flight per worker: two keep every worker busy while the writer stores a result;
    # more only holds documents in memory.
    chunks_in_flight_per_worker: int = 2
    # One document's extraction may take this long (seconds) before it is stored as a failure: a news
    # article takes well under a second, so a minute only stops a pathological input (or a bug).
    document_timeout_seconds: float = 60.0
    # Without a terminal, one progress line this often (seconds): enough for a log, not a flood.
    log_every_seconds: float = 10.0
    # A surname alone joins a full-name actor only when their contexts share at least this many
    # co-occurring actors or role words: one shared neighbour (Wagner, Putin) already tells apart
    # two people called Smith in unrelated stories, and none is too weak to merge on.
    min_shared_context: int = 1
    # Two candidates for a surname: the best must beat the runner-up by this many shared neighbours,
    # else the mention stays apart (a wrong merge is worse than a missed one).
    surname_margin: int = 1
    # Event dates: a report dated only to a month or week may join a day-dated event inside it;
    # undated reports join only when published within this many days of the event's first report,
    # since news of a meeting appears within days of it.
    undated_window_days: int = 3
    # Day-dated reports one day apart are one event when all else agrees: time zones and "late
    # on Monday" put the same meeting on two calendar days in different outlets.
    day_tolerance: int = 1


DEFAULT = CorpusSettings()
