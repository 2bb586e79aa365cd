"""What the text claims about an event (asserted, reported, negated, planned, hypothetical) and who says so."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.eventing.lexicon import Cues
from newsgraph.extract.eventing.participants import Participants
from newsgraph.model import Modality

# How far up the tree a governing cue ("set to", "said that", "if") is looked for.
_MAX_UP = 4
_UP_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "pobj", "prep", "dobj",
                      "nsubj", "nsubjpass", "acomp", "parataxis"})


def _ancestors(tok: Token) -> list[tuple[Token, str]]:
    """(governor, dependency of the step into it) for a few steps up the tree."""
    out = []
    for _ in range(_MAX_UP):
        if tok.head.i == tok.i or tok.dep_ not in _UP_DEPS:
            break
        out.append((tok.head, tok.dep_))
        tok = tok.head
    return out


def _is_negated(tok: Token, cues: Cues) -> bool:
    if any(c.dep_ == "neg" and c.lower_ in cues.negation_words for c in tok.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    # "not a single commander came out to defend them", "no one attacked": a negated subject.
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in ("nobody", "none", "no-one") or any(g.dep_ in ("neg", "det") and g.lower_ in ("not", "no")
                                                           for g in c.children)
        ):
            return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues.negating_verbs


def _reporting_verb(anchor: Token, cues: Cues) -> Token | None:
    """The verb of saying whose complement (or carrier noun: "the news of ...") the event is."""
    for gov, dep in _ancestors(anchor):
        if gov.lemma_.lower() in cues.reporting_verbs and gov.pos_ == "VERB":
            if dep in ("ccomp", "parataxis", "advcl", "conj"):
                return gov
        if dep in ("nsubj", "nsubjpass", "dobj") and gov.pos_ == "VERB":
            break
    # "The news of the meeting had first been reported by X"
    for gov, dep in _ancestors(anchor):
        if dep == "pobj" and gov.dep_ == "prep" and gov.head.lemma_.lower() in cues.carriers:
            carrier = gov.head
            verb = carrier.head
            if carrier.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in cues.reporting_verbs:
                return verb
    return None


def _speaker(verb: Token, index: Participants) -> str | None:
    # "Peskov revealed little but indicated that ...": a coordinated verb shares the subject.
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj" and index.at_token(p):
                    return index.at_token(p)
    for c in verb.children:
        if c.dep_ == "nsubj":
            eid = index.at_token(c) or index.resolve(c)  # "the newspaper reported", "he said"
            if eid:
                return eid
            for g in c.subtree:  # "a spokesman for the Kremlin", "Kremlin spokesman Dmitry Peskov"
                eid = index.at_token(g)
                if eid:
                    return eid
    return None


def _according(tokens: list[Token], cues: Cues, index: Participants) -> tuple[bool, str | None]:
    """An "according to X" phrase on the event or a governor: (found, X's entity id)."""
    for tok in tokens:
        for c in tok.children:
            if c.dep_ != "prep":
                continue
            phrase = c.lower_
            if phrase == "according":
                to = next((g for g in c.children if g.lower_ == "to"), None)
                objs = [p for p in (to.children if to is not None else c.children) if p.dep_ == "pobj"]
                phrase = "according to"
            else:
                objs = [p for p in c.children if p.dep_ == "pobj"]
            if phrase in cues.according:
                for p in objs:
                    for g in p.subtree:
                        eid = index.at_token(g)
                        if eid:
                            return True, eid
                return True, None
    return False, None


def _is_planned(anchor: Token, nominal: Token | None, cues: Cues, in_reported: bool) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in cues.future_aux for c in anchor.children):
        return True
    if in_reported and any(c.dep_ == "aux" and c.lower_ == "would" for c in anchor.children):
        return True  # "said they would blockade": the future seen from the past
    if nominal is not None and any(
        c.dep_ == "amod" and c.lower_ in cues.plan_modifiers for c in nominal.children
    ):
        return True
    for gov, dep in _ancestors(anchor)[:2]:
        if dep in ("xcomp", "acomp", "pcomp", "prep") and gov.lemma_.lower() in cues.plan_governors:
            return True
        if dep == "xcomp" and any(c.dep_ == "aux" and c.lower_ in cues.future_aux for c in gov.children):
            return True
    return False


def _is_hypothetical(anchor: Token, cues: Cues, in_reported: bool) -> bool:
    for c in anchor.children:
        if c.dep_ == "aux" and c.lower_ in cues.hypothetical_aux and not (in_reported and c.lower_ == "would"):
            return True
        if c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks:
            return True
    for gov, dep in _ancestors(anchor)[:2]:
        for c in gov.children:
            if dep == "advcl" and c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks:
                return True
            if dep == "xcomp" and c.dep_ == "aux" and c.lower_ in cues.hypothetical_aux and c.lower_ != "would":
                return True  # "pressure could persuade them to accept"
    return False


def find_modality(
    anchor: Token, nominal: Token | None, cues: Cues, index: Participants
) -> tuple[Modality, str | None]:
    """The event's modality and, where the text names one, the entity that reports it."""
    reporter = _reporting_verb(anchor, cues)
    chain = [anchor] + [g for g, _ in _ancestors(anchor)]
    according, source = _according(chain, cues, index)
    if reporter is not None and source is None:
        source = _speaker(reporter, index)
    adverb = any(c.lower_ in cues.reported_adverbs for t in chain[:2] for c in t.children if c.dep_ == "advmod")
    reported = reporter is not None or according or adverb
    # "did not deny that ..." denies nothing
    denied = reporter is not None and reporter.lemma_.lower() in cues.denial_verbs and not _is_negated(reporter, cues)
    if denied or _is_negated(anchor, cues) or (nominal is not None and _is_negated(nominal, cues)):
        return Modality.NEGATED, source
    if _is_hypothetical(anchor, cues, reporter is not None):
        return Modality.HYPOTHETICAL, source
    if _is_planned(anchor, nominal, cues, reporter is not None):
        return Modality.PLANNED, source
    if reported:
        return Modality.REPORTED, source
    return Modality.ASSERTED, source
