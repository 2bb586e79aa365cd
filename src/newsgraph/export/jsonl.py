"""JSONL: one object a line, each with a kind, as the corpus section of the output contract says."""

from __future__ import annotations

import json
from typing import TextIO

from newsgraph.corpus.store import Store
from newsgraph.export.rows import everything


def write_jsonl(store: Store, out: TextIO) -> None:
    for row in everything(store):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
