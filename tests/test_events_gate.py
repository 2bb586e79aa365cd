"""Quality gate: the PLOVER GSR figures of bench/plover.py must not fall below the floors in bench/floors.toml."""

from __future__ import annotations

import tomllib

import pytest

import events_support  # noqa: F401 - puts bench/ on the path
from conftest import REPO, shared_path


@pytest.mark.slow
@pytest.mark.shared
def test_events_gate_plover_gsr_above_floors(capsys):
    shared_path("data", "plover", "PLOVER_GSR_CAMEO.json")
    import plover  # bench/plover.py, put on the path by events_support

    floors = tomllib.loads((REPO / "bench" / "floors.toml").read_text("utf-8"))["plover"]
    # spaCy's doc.ents stand in for entities, so the gate measures the event rules, not the entity extractor.
    got = plover.score_gsr(show=0, ents=True)
    low = {k: (round(got[k], 3), v) for k, v in floors.items() if got[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
