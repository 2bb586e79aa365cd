"""The trigger lexicon and cue words, loaded once from the TOML under resources/events/."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.model import PloverType


class OfRole(str, Enum):
    """What the "of" phrase of a nominal trigger names."""

    ACTOR = "actor"
    TARGET = "target"


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    type: PloverType
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrasal: frozenset[tuple[str, str]]
    objects: frozenset[tuple[str, str]]
    objectless: frozenset[str]
    needs_recipient: bool
    person_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    frame: bool
    reciprocal: bool
    of_role: OfRole
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    # verbs that are no trigger before a that-clause: "denied that X met Y" negates the meeting, it rejects nothing
    not_with_clause: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: tuple[TriggerRule, ...]
    by_verb: dict[str, TriggerRule]
    by_noun: dict[str, TriggerRule]
    by_phrasal: dict[tuple[str, str], TriggerRule]
    by_object: dict[tuple[str, str], TriggerRule]
    by_objectless: dict[str, TriggerRule]
    blocked: frozenset[str]
    generic_heads: frozenset[str]
    verbal_modifiers: frozenset[str]
    verbal_rule: TriggerRule | None
    must_rule: TriggerRule | None
    must_verbs: frozenset[str]
    must_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Cues:
    reporting_verbs: frozenset[str]
    carriers: frozenset[str]
    reported_adverbs: frozenset[str]
    according: tuple[str, ...]
    negating_verbs: frozenset[str]
    negation_words: frozenset[str]
    denial_verbs: frozenset[str]
    future_aux: frozenset[str]
    plan_governors: frozenset[str]
    plan_modifiers: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    light_verbs: frozenset[str]
    happen_verbs: frozenset[str]


def verb_forms(lemma: str, lower: str) -> tuple[str, ...]:
    """The lemma, then guesses from the inflected form: the small model lemmatizes "staged" as "stag"."""
    out = [lemma]
    for suffix, repl in (("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""), ("ied", "y")):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            out.append(lower[: len(lower) - len(suffix)] + repl)
    return tuple(out)


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("newsgraph.resources").joinpath("events", name).read_text("utf-8"))


def _pairs(items: list[str]) -> frozenset[tuple[str, str]]:
    return frozenset(tuple(s.split(" ", 1)) for s in items)  # type: ignore[misc]


def _rule(d: dict[str, Any]) -> TriggerRule:
    return TriggerRule(
        id=d["id"],
        type=PloverType(d["type"]),
        verbs=frozenset(d.get("verbs", [])),
        nouns=frozenset(d.get("nouns", [])),
        phrasal=_pairs(d.get("phrasal", [])),
        objects=_pairs(d.get("objects", [])),
        objectless=frozenset(d.get("objectless", [])),
        needs_recipient=bool(d.get("needs_recipient", False)),
        person_verbs=frozenset(d.get("person_verbs", [])),
        topic_verbs=frozenset(d.get("topic_verbs", [])),
        frame=bool(d.get("frame", False)),
        reciprocal=bool(d.get("reciprocal", False)),
        of_role=OfRole(d.get("of_role", "target")),
        positive=tuple(d.get("positive", [])),
        negative=tuple(d.get("negative", [])),
        not_with_clause=frozenset(d.get("not_with_clause", [])),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger rules, indexed by the lookups the trigger finder makes (first rule wins a clash)."""
    data = _read("triggers.toml")
    rules = tuple(_rule(d) for d in data["rule"])
    by_verb: dict[str, TriggerRule] = {}
    by_noun: dict[str, TriggerRule] = {}
    by_phrasal: dict[tuple[str, str], TriggerRule] = {}
    by_object: dict[tuple[str, str], TriggerRule] = {}
    by_objectless: dict[str, TriggerRule] = {}
    for r in rules:
        for v in r.objectless | r.person_verbs:
            by_objectless.setdefault(v, r)
        for v in r.verbs:
            by_verb.setdefault(v, r)
        for n in r.nouns:
            by_noun.setdefault(n, r)
        for p in r.phrasal:
            by_phrasal.setdefault(p, r)
        for o in r.objects:
            by_object.setdefault(o, r)
    must = data.get("must", {})
    must_rule = next((r for r in rules if r.id == must.get("rule")), None)
    return Lexicon(
        rules, by_verb, by_noun, by_phrasal, by_object, by_objectless, frozenset(data.get("blocked", [])),
        frozenset(data.get("generic_heads", [])), frozenset(data.get("verbal_modifiers", [])),
        next((r for r in rules if r.id == data.get("verbal_rule")), None), must_rule, frozenset(must.get("verbs", [])),
        frozenset(must.get("modals", [])),
    )


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The modality, source and light-verb cue words."""
    d = _read("cues.toml")
    rep, neg, plan, hyp, light = d["reporting"], d["negation"], d["planned"], d["hypothetical"], d["light"]
    return Cues(
        reporting_verbs=frozenset(rep["verbs"]),
        carriers=frozenset(rep["carriers"]),
        reported_adverbs=frozenset(rep["adverbs"]),
        according=tuple(rep["according"]),
        negating_verbs=frozenset(neg["verbs"]),
        negation_words=frozenset(neg["words"]),
        denial_verbs=frozenset(neg["denials"]),
        future_aux=frozenset(plan["aux"]),
        plan_governors=frozenset(plan["governors"]),
        plan_modifiers=frozenset(plan["modifiers"]),
        hypothetical_aux=frozenset(hyp["aux"]),
        hypothetical_marks=frozenset(hyp["marks"]),
        light_verbs=frozenset(light["verbs"]),
        happen_verbs=frozenset(light["happen"]),
    )
