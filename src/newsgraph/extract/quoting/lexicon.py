"""The reviewable word lists of quote attribution, read once from resources/quotes/*.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

PEOPLE_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "ee")  # "voter", "activist", "resident", "employee"


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
    mute_nouns: frozenset[str]
    source_heads: frozenset[str]
    object_verbs: frozenset[str]  # communication with a noun-phrase content ("announced his resignation")
    naming_verbs: frozenset[str]  # "described X as Y", "called X Y"
    prep_cues: frozenset[tuple[str, str]]  # (lemma, preposition): "talk about", "call for"
    evidence_verbs: frozenset[str]  # "records show", "a poll found"
    document_nouns: frozenset[str]  # the sources of evidence
    attitude_verbs: frozenset[str]  # "wants", "hopes", "believes"
    attitude_object_verbs: frozenset[str]  # stances whose object is the content ("support Sanders")
    attitude_prep_cues: frozenset[tuple[str, str]]  # "vote for"
    judging_verbs: frozenset[str]  # attitudes that take "X as Y" ("sees Cruz as a uniter")
    holder_nouns: frozenset[str]  # who can want or believe ("voters", "most"), with the role and org nouns
    non_speaker_labels: frozenset[str] = frozenset()  # "UPDATE:", "CORRECTION:": paragraph labels naming no one
    pro_form_verbs: frozenset[str] = frozenset()  # "said so", "said yes", "say the same of X"
    pro_forms: frozenset[str] = frozenset()
    possessed_object_verbs: frozenset[str] = frozenset()  # "questioned Mr. Trump's veracity", not "the suspect"
    verbs: frozenset[str] = frozenset()  # every cue lemma above, to mend the tagger's lemmas ("hopes" -> "hop")

    def names_people(self, lemma: str) -> bool:
        """A common noun for people: listed ("voter", "resident"), or by its ending ("supporter", "activist"),
        unless it names a happening ("event", "meeting")."""
        return lemma in self.holder_nouns or (lemma.endswith(PEOPLE_SUFFIXES) and lemma not in self.mute_nouns)

    def lemma(self, token: Token) -> str:
        """The token's lemma, or the cue lemma its form plainly inflects when the lemmatizer slipped."""
        lemma = token.lemma_.lower()
        if lemma in self.verbs:
            return lemma
        low = token.lower_
        for cut, add in _SUFFIXES:
            if low.endswith(cut) and len(low) > len(cut) + 2 and (stem := low[: len(low) - len(cut)] + add) in self.verbs:
                return stem
        return lemma


# Regular English verb endings, each with what to put back: "hopes" -> "hope", "tried" -> "try".
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
             ("ing", ""))


def _read(name: str) -> dict[str, Any]:
    path = resources.files("newsgraph.resources").joinpath("quotes", name)
    return tomllib.loads(path.read_text(encoding="utf-8"))


def rules() -> list[dict[str, Any]]:
    """The cue rules with their examples, for the test that runs them."""
    return list(_read("cues.toml")["rule"])


def _pairs(words: list[str]) -> frozenset[tuple[str, str]]:
    """ "talk about" as (lemma, preposition); single words are not pairs."""
    return frozenset((w.split()[0], w.split()[-1]) for w in words if " " in w)


def _singles(words: list[str]) -> frozenset[str]:
    return frozenset(w for w in words if " " not in w)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read the lists once per process."""
    by_id = {r["id"]: r for r in rules()}
    nouns = _read("nouns.toml")
    names = _read("names.toml")
    lexicon = Lexicon(
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
        mute_nouns=frozenset(nouns["mute_nouns"]),
        source_heads=frozenset(nouns["source_heads"]),
        object_verbs=frozenset(by_id["verb.object"]["lemmas"]),
        naming_verbs=frozenset(by_id["verb.naming"]["lemmas"]),
        prep_cues=_pairs(by_id["verb.prep"]["lemmas"]),
        evidence_verbs=frozenset(by_id["verb.evidence"]["lemmas"]),
        document_nouns=frozenset(by_id["verb.evidence"]["sources"]),
        attitude_verbs=_singles(by_id["verb.attitude"]["lemmas"]),
        attitude_object_verbs=_singles(by_id["verb.attitude"]["object_lemmas"]),
        attitude_prep_cues=_pairs(by_id["verb.attitude"]["lemmas"]),
        judging_verbs=frozenset(by_id["verb.attitude"]["judging_lemmas"]),
        holder_nouns=frozenset(by_id["verb.attitude"]["holders"]) | frozenset(nouns["person_nouns"])
        | frozenset(nouns["org_nouns"]),
        non_speaker_labels=frozenset(by_id["transcript.label"]["not_speakers"]),
        pro_form_verbs=frozenset(by_id["verb.pro_form"]["lemmas"]),
        pro_forms=frozenset(by_id["verb.pro_form"]["words"]),
        possessed_object_verbs=frozenset(by_id["verb.object_possessed"]["lemmas"]),
    )
    verbs = (
        lexicon.speech_verbs | lexicon.intent_verbs | lexicon.object_verbs | lexicon.naming_verbs
        | lexicon.possessed_object_verbs
        | lexicon.evidence_verbs | lexicon.attitude_verbs
        | {v for v, _ in lexicon.prep_cues | lexicon.attitude_prep_cues}
    )
    return replace(lexicon, verbs=frozenset(verbs))


def inflections(lemma: str) -> set[str]:
    """The regular forms of a verb, so a slipped lemma can still be found by the word's form."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms
