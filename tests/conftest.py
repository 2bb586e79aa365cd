"""Shared fixtures: the one spaCy pipeline, and the shared data beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "wsws-2023-07-10-putin-prigozhin.txt"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not beside the repository ({SEED})")
    return SEED


@pytest.fixture(scope="session")
def seed_record(seed_path):
    """The seed run through the whole pipeline once per test session."""
    from newsgraph import nlp as nlp_mod
    from newsgraph.pipeline import build_record, to_document
    from newsgraph.read import read_path

    (document,) = list(read_path(seed_path))
    document = to_document(document)
    return build_record(nlp_mod.load()(document.text), document)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: shared data is not beside the repository")
    return path
