"""Name keys that stay equal across spellings: diacritics, transliterations, titles, legal forms."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.model import EntityType

_WORD = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True, slots=True)
class TranslitRule:
    id: str
    pattern: re.Pattern[str]
    replace: str
    examples: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class NameRules:
    honorifics: frozenset[str]
    person_suffixes: frozenset[str]
    org_suffixes: frozenset[str]
    trade_suffixes: frozenset[str]
    generic_words: frozenset[str]
    acronym_skip: frozenset[str]
    translit: tuple[TranslitRule, ...]


@lru_cache(maxsize=1)
def rules() -> NameRules:
    """The rules of resources/corpus/names.toml, read once."""
    raw = resources.files("newsgraph").joinpath("resources/corpus/names.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    return NameRules(
        frozenset(data["honorifics"]),
        frozenset(data["person_suffixes"]),
        frozenset(data["org_suffixes"]),
        frozenset(data["trade_suffixes"]),
        frozenset(data["generic_words"]),
        frozenset(data["acronym_skip"]),
        tuple(
            TranslitRule(r["id"], re.compile(r["pattern"]), r["replace"], tuple(map(tuple, r["examples"])))
            for r in data["translit"]
        ),
    )


def fold(text: str) -> str:
    """Lower case without diacritics: Pригожин stays as is, Müller becomes muller."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def translit_word(word: str) -> str:
    for rule in rules().translit:
        word = rule.pattern.sub(rule.replace, word)
    return word


def words(name: str) -> list[str]:
    """The words of a name, folded, with possessives and dots gone ("U.S." -> "us")."""
    text = _POSSESSIVE.sub("", fold(name)).replace(".", "")
    return _WORD.findall(text)


def _strip(tokens: list[str], front: frozenset[str], back: frozenset[str]) -> list[str]:
    i, j = 0, len(tokens)
    while i < j - 1 and tokens[i] in front:
        i += 1
    while j > i + 1 and tokens[j - 1] in back:
        j -= 1
    return tokens[i:j]


@dataclass(frozen=True, slots=True)
class NameKey:
    """What a surface form says about who it names."""

    full: str  # "evgeny prigozhin"; for one-word person names the word itself
    surname: str | None  # persons only: the last word
    single: bool  # one word only: a surname or a short name that needs context
    acronym: str | None  # initials of a many-word organisation or place ("gm" for General Motors)
    is_acronym: bool  # the form itself looks like an acronym ("GM", "U.S.")


@lru_cache(maxsize=1 << 16)
def name_key(name: str, entity_type: EntityType) -> NameKey | None:
    """The comparison key of one name, or None when nothing of it is left to compare (cached: a corpus
    repeats its names thousands of times)."""
    r = rules()
    raw_words = words(name)
    is_acronym = bool(re.fullmatch(r"(?:[A-Z]\.?){2,6}", name.replace(" ", ""))) and len(raw_words) <= 3
    if entity_type is EntityType.PERSON:
        tokens = _strip(raw_words, r.honorifics, r.person_suffixes)
        tokens = [t for t in tokens if len(t) > 1 or len(tokens) == 1]  # initials say little
    elif entity_type in (EntityType.ORG, EntityType.GROUP):
        tokens = _strip(raw_words, frozenset({"the"}), r.org_suffixes)
    else:
        tokens = _strip(raw_words, frozenset({"the"}), frozenset())
    if not tokens:
        return None
    tokens = [translit_word(t) for t in tokens]
    if entity_type is EntityType.PERSON:
        full = tokens[0] if len(tokens) == 1 else f"{tokens[0]} {tokens[-1]}"
        return NameKey(full, tokens[-1], len(tokens) == 1, None, False)
    if is_acronym:
        letters = "".join(raw_words)
        return NameKey(letters, None, True, None, True)
    content = [t for t in tokens if t not in r.acronym_skip]
    acronym = "".join(t[0] for t in content) if len(content) >= 2 else None
    if entity_type in (EntityType.ORG, EntityType.GROUP):
        trimmed = _strip(tokens, frozenset(), r.trade_suffixes)
        if not all(t in r.generic_words for t in trimmed):
            tokens = trimmed
    return NameKey(" ".join(tokens), None, len(tokens) == 1, acronym, False)


def compatible(a: EntityType, b: EntityType) -> bool:
    """Persons match persons; organisations, groups and places may carry each other's label."""
    if a is EntityType.PERSON or b is EntityType.PERSON:
        return a is b
    return True
