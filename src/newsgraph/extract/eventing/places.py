"""Places that are an event's target: the place a restriction is laid on ("imposed a curfew in Cizre", "lifted
the emergency in X"), the place refuge is sought in ("sought asylum in Germany")."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.extract.eventing.participants import Participants
from newsgraph.extract.eventing.phrases import entities_of, pobjs
from newsgraph.model import EntityType


@dataclass(frozen=True, slots=True)
class PlaceRule:
    id: str
    nouns: frozenset[str]
    preps: frozenset[str]
    positive: tuple[dict[str, str], ...]
    negative: tuple[dict[str, str], ...]


@lru_cache(maxsize=1)
def load_place_rules() -> tuple[PlaceRule, ...]:
    """The nouns whose place is a target and their prepositions, from resources/events/targets.toml."""
    text = resources.files("newsgraph.resources").joinpath("events", "targets.toml").read_text("utf-8")
    return tuple(
        PlaceRule(
            d["id"], frozenset(d["nouns"]), frozenset(d["preps"]), tuple(d.get("positive", [])),
            tuple(d.get("negative", [])),
        )
        for d in tomllib.loads(text)["rule"]
    )


def _names(noun: Token) -> set[str]:
    """What a noun may be called in the list: "curfew", "martial law", "state of emergency"."""
    lemma = noun.lemma_.lower()
    out = {lemma, noun.lower_}
    out |= {f"{c.lower_} {lemma}" for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1}
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    out |= {f"{lemma} of {p.lemma_.lower()}" for p in (pobjs(of) if of is not None else [])}
    return out


def rule_of(noun: Token) -> PlaceRule | None:
    """The rule a noun, or the noun that holds it by "of" ("state of emergency"), falls under."""
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    names = _names(noun) | (_names(holder) if holder is not None else set())
    return next((r for r in load_place_rules() if names & r.nouns), None)


def _governor(noun: Token) -> Token | None:
    """The verb that imposes, extends or lifts the restriction a noun names."""
    tok = noun
    for _ in range(3):
        if tok.dep_ not in ("dobj", "nsubjpass", "pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def target_places(nouns: list[Token], index: Participants, depth: int) -> list[str]:
    """Places that are targets: the "in/on ..." phrase of a noun a place rule lists, of the noun that holds it
    ("a state of emergency in X"), or of the verb that imposes, lifts or seeks it."""
    heads: list[tuple[Token, PlaceRule]] = []
    for noun in nouns:
        rule = rule_of(noun)
        if rule is None:
            continue
        heads.append((noun, rule))
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            heads.append((noun.head.head, rule))
        verb = _governor(noun)
        if verb is not None:
            heads.append((verb, rule))
    ids: list[str] = []
    for head, rule in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in rule.preps:
                for p in pobjs(c):
                    for eid in entities_of(p, index, depth):
                        if index.type_of(eid) is EntityType.PLACE and eid not in ids:
                            ids.append(eid)
    return ids
