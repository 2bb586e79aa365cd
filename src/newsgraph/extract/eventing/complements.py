"""Targets inside what an act says, asks or promises: "demanded that X withdraw", "threatened to cut ties with
X", "its demand that X disarm", "rejected calls by X", "threatened to strike unless X withdraws"."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.eventing.lexicon import load_lexicon
from newsgraph.extract.eventing.participants import Participants
from newsgraph.extract.eventing.phrases import add, entities_of, pobjs

# Prepositions that aim an act at someone ("deliver blows to", "an offensive against").
AIMED = frozenset({"to", "against", "on", "at", "toward", "towards"})
# Inside an embedded act, also whom it is done with or between: the other party of "break off relations
# with X", "offered to negotiate with X" or "to mediate between X and Y" is whom the threat or offer concerns
# ("between" on an object only when the object is an act: "host talks between X and Y", not "give a
# breakdown between the loans and the shares").
_CONTENT_PREPS = AIMED | {"with", "between"}
# Marks of a condition put to someone: "... unless Baghdad accepts", "... if the United States deploys".
_CONDITIONS = frozenset({"if", "unless"})
# Marks of a noun's content clause: "the demand that X go", "the call for X to go".
_CONTENT_MARKS = frozenset({"that", "for"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them"})
# Verbs whose object and participle form a small clause, not a noun and its modifier: in "have the case heard
# by the court" the court hears the case; it did not bring it.
_CAUSATIVES = frozenset({"have", "get", "want", "need", "see", "make", "let"})
# Verbs whose "for" phrase is what is asked for, as an object would be ("calling for the removal of X").
_ASKING = frozenset({"call", "press", "push", "ask", "lobby", "appeal", "plead"})


def agent_of(noun: Token, index: Participants, depth: int) -> list[str]:
    """Who does what a noun names, by its "by" phrase: "calls by X", "crimes committed by X"."""
    ids: list[str] = []
    small_clause = noun.dep_ == "dobj" and noun.head.lemma_.lower() in _CAUSATIVES
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in pobjs(c):
                add(ids, entities_of(p, index, depth))
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1 and not small_clause:
            # right after the noun: "... for watches, covered by U.S. tariffs" says nothing of whose they are
            for p in (p for a in c.children if a.dep_ == "agent" for p in pobjs(a)):
                add(ids, entities_of(p, index, depth))
    return ids


def named_or_agent(tok: Token, index: Participants, depth: int) -> list[str]:
    """The entities an object names, else (an act or a document: "rejected calls by X") whose it is."""
    return entities_of(tok, index, depth) or agent_of(tok, index, depth)


def ecm_subjects(verb: Token) -> list[Token]:
    """The subject of a verb's bare infinitive clause, which the verb acts on as on an object: "allow X to
    take part", "refused to allow planes to land" (a that-clause's subject is no object: "said that X ...").
    An object pronoun ("allowed them to march") is left out: object pronouns are resolved too unreliably."""
    return [
        g
        for c in verb.children
        if c.dep_ == "ccomp"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(m.dep_ == "mark" for m in c.children)
        for g in c.children
        if g.dep_ in _SUBJECTS and g.lower_ not in _OBJECT_PRONOUNS
    ]


def _subject_ids(clause: Token, index: Participants, depth: int, named: bool = False) -> list[str]:
    """The entities a clause's subject names; with ``named``, only a subject that is no pronoun."""
    ids: list[str] = []
    for g in clause.children:
        if g.dep_ in _SUBJECTS and not (named and g.pos_ == "PRON"):
            add(ids, entities_of(g, index, depth))
    return ids


def clause_targets(
    clause: Token, index: Participants, depth: int, actors: list[str], subject: bool
) -> list[str]:
    """Whom an embedded act is aimed at. With ``subject`` (a that-clause), its own subject when a name (not a
    pronoun) gives one other than the actor: "demanded that Hamas renounce its struggle against Israel" is
    put to Hamas, not Israel. Else its object or "to/against/on/with" phrase, also one clause down
    ("threatened to launch an offensive against Iraq")."""
    if subject:
        named = [i for i in _subject_ids(clause, index, depth, named=True) if i not in actors]
        if named:
            return named
    # A pronoun subject is resolved less surely ("promised they would hand X over": "they" is mostly the
    # promisers): it counts along with the objects.
    ids: list[str] = _subject_ids(clause, index, depth) if subject else []
    asking = clause.lemma_.lower() in _ASKING
    objects = [g for g in clause.children if g.dep_ in ("dobj", "dative")] + ecm_subjects(clause)
    objects += [p for g in clause.children if asking and g.dep_ == "prep" and g.lower_ == "for" for p in pobjs(g)]
    for g in objects:
        add(ids, named_or_agent(g, index, depth))
        act = g.lemma_.lower() in load_lexicon().by_noun
        for c in (c for c in g.children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS):
            if c.lower_ != "between" or act:
                for p in pobjs(c):
                    add(ids, entities_of(p, index, depth))
    for g in clause.children:
        if g.dep_ == "prep" and g.lower_ in _CONTENT_PREPS:
            for p in pobjs(g):
                add(ids, entities_of(p, index, depth))
    ids = [i for i in ids if i not in actors]
    if not ids:
        for g in clause.children:
            if g.dep_ in ("xcomp", "ccomp"):
                add(ids, clause_targets(g, index, depth, actors, subject=False))
    return ids


def condition_targets(verb: Token, index: Participants, depth: int, actors: list[str]) -> list[str]:
    """Whom a conditional threat is put to: the subject of its "unless/if" clause, on the threatening verb or
    on the threatened act ("threatened to stop the talks if the United States deploys missiles")."""
    ids: list[str] = []
    heads = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    for h in heads:
        for c in h.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children):
                add(ids, [i for i in _subject_ids(c, index, depth) if i not in actors])
    return ids


def _is_content(clause: Token) -> bool:
    """A clause that says what a noun asks or threatens ("that X go", "for X to go", "to attack X"); not a
    participle ("the deal reached in Paris") nor a relative clause ("the demand that X made")."""
    if any(m.dep_ == "mark" and m.lower_ in _CONTENT_MARKS for m in clause.children):
        return True
    return clause.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def noun_content_targets(noun: Token, index: Participants, depth: int, actors: list[str]) -> list[str]:
    """Whom the content of a demand, threat or offer noun is put to: "its demand that Israel ease the
    restrictions", "its call for the United States to stop", "Russia's threat to attack Ukraine"."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "advcl", "relcl") and _is_content(c)]
    if noun.dep_ == "dobj":  # "reiterated its demand today that X ...": the parser hangs the clause on the verb
        clauses += [
            c for c in noun.head.children
            if c.dep_ == "ccomp" and c.i > noun.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ]
    ids: list[str] = []
    for c in clauses:
        add(ids, clause_targets(c, index, depth, actors, subject=True))
    return ids
