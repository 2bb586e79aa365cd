"""Find the words that tell of an event, and drop those that are only the content of another."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.eventing.lexicon import Lexicon, TriggerRule, verb_forms

# Dependencies by which an act is the content of a frame verb ("agreed to withdraw", "demanded that X go").
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "advcl", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "ccomp", "xcomp"})  # what an objectless trigger must not have
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token  # the head word: the verb, or the event noun
    rule: TriggerRule
    nominal: bool
    extra: Token | None = None  # the particle or object that completes a two-word trigger

    def text(self, max_gap: int) -> str:
        """The trigger as the text says it: "met", "beat up", "imposed sanctions"."""
        tok = self.token
        if self.extra is None:
            return tok.text
        a, b = sorted((tok.i, self.extra.i))
        if b - a <= max_gap:
            return tok.doc[a : b + 1].text
        return f"{tok.text} {self.extra.text}"


def _is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_ in _VERB_TAGS and tok.pos_ in ("ADJ", "AUX") and tok.dep_ != "aux")


def _verb_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("prt", "prep"):
            rule = lex.by_phrasal.get((lemma, c.lower_))
            if rule:
                return Trigger(tok, rule, False, c)
        elif c.dep_ in ("dobj", "nsubjpass"):
            clem = c.lemma_.lower()
            rule = lex.by_object.get((lemma, clem)) or lex.by_object.get((lemma, c.lower_))
            if rule:
                return Trigger(tok, rule, False, c)
    rule = next((lex.by_verb[f] for f in verb_forms(lemma, tok.lower_) if f in lex.by_verb), None)
    if rule is None and lemma in lex.by_objectless and not any(c.dep_ in _OBJECTS for c in tok.children):
        rule = lex.by_objectless[lemma]
    return Trigger(tok, rule, False) if rule else None


def _noun_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ == "compound" and c.i == tok.i - 1:
            pair = f"{c.lemma_.lower()} {lemma}"
            if pair in lex.blocked or f"{c.lower_} {tok.lower_}" in lex.blocked:
                return None
            rule = lex.by_noun.get(pair)
            if rule:
                return Trigger(tok, rule, True, c)
    if tok.dep_ == "compound":  # "peace talks" is talks; "summit meeting" is one event, told by its head
        return None
    rule = lex.by_noun.get(lemma) or lex.by_noun.get(tok.lower_)
    return Trigger(tok, rule, True) if rule else None


def _covered(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Token indices that belong to a two-word trigger (the object of "impose sanctions")."""
    return {t.extra.i for t in found.values() if t.extra is not None}


def _absorbed(trig: Trigger, found: dict[int, Trigger], max_climb: int) -> bool:
    """Whether the trigger is the content of a governing trigger (which then codes the event)."""
    tok = trig.token
    for _ in range(max_climb):
        if tok.dep_ not in _CONTENT_DEPS and not (trig.nominal and tok.dep_ in ("conj", "appos", "amod")):
            return False
        head = tok.head
        if head is tok:
            return False
        gov = found.get(head.i)
        if gov is not None and not gov.nominal:
            # A verb absorbs the nouns it governs ("rejected calls for aid"); a frame verb also absorbs
            # the acts in its complement ("threatened to attack").
            return trig.nominal or gov.rule.frame
        if gov is not None and gov.nominal and trig.nominal and tok.dep_ != "conj":
            return True  # "demand for the withdrawal": the outer noun codes it
        tok = head
    return False


def find_triggers(doc: Doc, lex: Lexicon, max_climb: int) -> list[Trigger]:
    """Every trigger of the doc that codes an event of its own, in text order."""
    found: dict[int, Trigger] = {}
    for tok in doc:
        if tok.pos_ == "NOUN":
            trig = _noun_trigger(tok, lex)
        elif _is_verb(tok):
            trig = _verb_trigger(tok, lex)
        else:
            continue
        if trig is not None:
            found[tok.i] = trig
    covered = _covered(doc, found)
    return [
        t for i, t in sorted(found.items()) if i not in covered and not _absorbed(t, found, max_climb)
    ]
