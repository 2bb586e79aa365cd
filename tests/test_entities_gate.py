"""Quality gate: in-document entities on MEANTIME must not fall below the floors pinned in bench/floors.toml."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from conftest import shared_path

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.slow
def test_entities_gate_meantime_floors():
    corpus = shared_path("data", "meantime", "intra_cross-doc_annotation")
    sys.path.insert(0, str(BENCH))
    import entities as bench

    floors = tomllib.loads((BENCH / "floors.toml").read_text())["entities"]
    gold, ours, _ = bench.evaluate(sorted(corpus.glob("*/*.xml")))
    figures = bench.score("newsgraph", gold, ours)
    for name, floor in floors.items():
        assert figures[name] >= floor, f"{name} {figures[name]:.3f} fell below its floor {floor}"
