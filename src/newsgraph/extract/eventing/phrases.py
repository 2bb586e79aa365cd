"""Which entities a noun phrase names as participants, read off the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.eventing.lexicon import load_lexicon
from newsgraph.extract.eventing.participants import Participants

_RELATIVE = frozenset({"who", "which", "that", "whom"})
# Noun modifiers that name a participant: "NATO summit", "Israeli raid", "Prigozhin's insurrection".
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
# Prepositions that tie an unnamed group to a named one: "officials of X", "students at Y", "Kurds in Z".
_MEMBER_PREPS = frozenset({"of", "from", "at", "including", "for"})
# ... and where a group is ("students throughout Indonesia", "demonstrators in Baghdad"); not where an event
# is ("the summit in Vilnius": that is its place).
_GROUP_PREPS = frozenset({"in", "throughout", "across"})
_QUANTITIES = frozenset({"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                         "dozen", "dozens", "some", "group", "number", "scores", "lot", "crowd", "part", "most"})


def add(ids: list[str], new: list[str]) -> None:
    """Append the ids not there yet, keeping their order."""
    for i in new:
        if i not in ids:
            ids.append(i)


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition."""
    return [p for p in prep.children if p.dep_ == "pobj"]


def _pronoun_possessor(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def _named_apposition(tok: Token, index: Participants) -> str | None:
    """The entity an unnamed noun's apposition names ("his uncle, Lazaro Gonzalez", "the Minister, X"); not a
    bracketed one (an acronym, or the agency of a dateline: "Tehran (Xinhua) --"), nor that of a capitalised
    dateline place ("CAPE TOWN, South Africa (AP) --")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.is_upper:
        return None
    for c in tok.children:
        if c.dep_ == "appos" and c.i > 0 and c.doc[c.i - 1].text != "(" and (eid := index.at_token(c)):
            return eid
    return None


def entities_of(tok: Token, index: Participants, depth: int) -> list[str]:
    """Entities a phrase names as participants: its head, named modifiers when the head is unnamed, conjuncts."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    ids: list[str] = []
    own = index.at_token(tok)
    if own:
        ids.append(own)
    elif tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass", "poss"):
        # Subjects and possessors only: an object pronoun ("defend them") is resolved too unreliably.
        resolved = index.resolve(tok)
        if resolved:
            ids.append(resolved)
    elif _pronoun_possessor(tok) and (appos := _named_apposition(tok, index)) is not None:
        ids.append(appos)  # "his great-uncle, Lazaro Gonzalez": the apposition names him, "his" someone else
    elif depth > 0:
        # "Tens of thousands of students": a quantity passes the look through without using up depth.
        step = 0 if tok.lemma_.lower() in _QUANTITIES else 1
        for c in tok.children:
            if c.dep_ in MODIFIERS:
                add(ids, entities_of(c, index, depth - step))
            elif c.dep_ == "prep" and c.lower_ in _MEMBER_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        add(ids, entities_of(p, index, depth - step))
            elif c.dep_ == "prep" and c.lower_ in _GROUP_PREPS and tok.lemma_.lower() not in load_lexicon().by_noun:
                # where a group is must be named right there ("students in Baghdad"); "headquarters in charge
                # of the war in Ukraine" does not make Ukraine a participant
                for p in c.children:
                    if p.dep_ == "pobj":
                        add(ids, entities_of(p, index, 0))
    if not ids and (appos := _named_apposition(tok, index)) is not None:
        ids.append(appos)  # "his uncle, Lazaro Gonzalez": named by the apposition when nothing else names it
    # Conjuncts, also those the parser hangs on an apposition ("X, the head of Y, and Z, ...").
    kids = [g for c in tok.children for g in ((c,) if c.dep_ != "appos" else tuple(c.children))]
    if not ids and tok.tag_ == "NN":  # "the newspaper", "the spokesman": coreference, as a last resort
        resolved = index.resolve(tok)
        if resolved:
            ids.append(resolved)
    for c in kids:
        if c.dep_ == "conj" or (c.dep_ == "prep" and c.lower_ == "along"):
            target = c if c.dep_ == "conj" else next((g for g in c.subtree if g.dep_ == "pobj"), None)
            if target is not None:
                add(ids, entities_of(target, index, depth))
    return ids
