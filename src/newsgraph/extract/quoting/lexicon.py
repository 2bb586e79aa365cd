"""The reviewable word lists of quote attribution, read once from resources/quotes/*.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech_verbs: frozenset[str]
    passive_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    outlet_nouns: frozenset[str]
    outlet_name_words: frozenset[str]
    org_nouns: frozenset[str]
    person_nouns: frozenset[str]
    male_nouns: frozenset[str]
    female_nouns: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    via_nouns: frozenset[str]
    non_source_nouns: frozenset[str]


def _read(name: str) -> dict[str, Any]:
    path = resources.files("newsgraph.resources").joinpath("quotes", name)
    return tomllib.loads(path.read_text(encoding="utf-8"))


def rules() -> list[dict[str, Any]]:
    """The cue rules with their examples, for the test that runs them."""
    return list(_read("cues.toml")["rule"])


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read the lists once per process."""
    by_id = {r["id"]: r for r in rules()}
    nouns = _read("nouns.toml")
    names = _read("names.toml")
    return Lexicon(
        speech_verbs=frozenset(by_id["verb.speech"]["lemmas"]),
        passive_verbs=frozenset(by_id["verb.passive_agent"]["lemmas"]),
        intent_verbs=frozenset(by_id["verb.intent"]["lemmas"]),
        outlet_nouns=frozenset(nouns["outlet_nouns"]),
        outlet_name_words=frozenset(nouns["outlet_name_words"]),
        org_nouns=frozenset(nouns["org_nouns"]),
        person_nouns=frozenset(nouns["person_nouns"]),
        male_nouns=frozenset(nouns["male_nouns"]),
        female_nouns=frozenset(nouns["female_nouns"]),
        male_names=frozenset(names["male"]),
        female_names=frozenset(names["female"]),
        via_nouns=frozenset(nouns["via_nouns"]),
        non_source_nouns=frozenset(nouns["non_source_nouns"]),
    )
