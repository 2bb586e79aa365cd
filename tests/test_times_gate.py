"""Quality gate: bench/tempeval.py on a TimeBank+AQUAINT subset must not fall below bench/floors.toml."""

from __future__ import annotations

import sys
import tomllib

import pytest

from conftest import REPO, shared_path


@pytest.mark.slow
@pytest.mark.shared
def test_times_gate_tempeval_subset_above_floors():
    shared_path("data", "tempeval3", "TBAQ-cleaned", "TimeBank")
    sys.path.insert(0, str(REPO / "bench"))
    import tempeval  # bench/tempeval.py

    floors = tomllib.loads((REPO / "bench" / "floors.toml").read_text("utf-8"))["tempeval"]
    got = tempeval.evaluate(limit=int(floors["docs"]))["all"].figures()
    low = {k: (round(got[k], 3), v) for k, v in floors.items() if k != "docs" and got[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
