"""The word lists of resources/entities/lexicon.toml, loaded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: frozenset[str]
    title_modifiers: frozenset[str]
    government_titles: frozenset[str]
    portfolios: frozenset[str]
    org_heads: frozenset[str]
    outlet_nouns: frozenset[str]
    demonyms: dict[str, str]

    def is_title(self, word: str) -> bool:
        return word.lower() in self.titles

    def is_title_part(self, word: str) -> bool:
        w = word.lower()
        return w in self.titles or w in self.title_modifiers


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(
        resources.files("newsgraph.resources").joinpath("entities/lexicon.toml").read_text("utf-8")
    )
    return Lexicon(
        titles=frozenset(data["titles"]),
        title_modifiers=frozenset(data["title_modifiers"]),
        government_titles=frozenset(data["government_titles"]),
        portfolios=frozenset(data["portfolios"]),
        org_heads=frozenset(data["org_heads"]),
        outlet_nouns=frozenset(data["outlet_nouns"]),
        demonyms=dict(data["demonyms"]),
    )
