"""Find the words that tell of an event, and drop those that are only the content of another."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsgraph.extract.eventing.lexicon import Lexicon, TriggerRule, verb_forms
from newsgraph.model import PloverType

# A promise of a hostile act is a threat: "vowed to fight", "pledged to retaliate".
_HOSTILE = frozenset({PloverType.ASSAULT, PloverType.COERCE, PloverType.SANCTION})

# Dependencies by which an act is the content of a frame verb ("agreed to withdraw", "demanded that X go").
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "advcl", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "ccomp", "xcomp"})  # what an objectless trigger must not have
_PREDICATE = frozenset({"ROOT", "acomp", "conj", "advcl", "xcomp", "ccomp", "relcl"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token  # the head word: the verb, or the event noun
    rule: TriggerRule
    nominal: bool
    extra: Token | None = None  # the particle or object that completes a two-word trigger
    retype: PloverType | None = None  # set when the act it governs changes its type
    wrapped: bool = False  # the head only wraps the event noun in ``extra``: "a mediation effort"

    @property
    def word(self) -> Token:
        """The word that names the event: the head, or the event noun a generic head wraps."""
        return self.extra if self.wrapped and self.extra is not None else self.token

    @property
    def type(self) -> PloverType:
        return self.retype or self.rule.type

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
    """A verb, or a participle used as a predicate ("is opposed to"), not as a noun ("the wounded")."""
    if tok.pos_ == "VERB":
        if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(c.dep_ == "det" for c in tok.children):
            return False  # "evacuated the wounded"
        return tok.dep_ not in ("amod", "compound") or tok.head.pos_ != "NOUN"
    return tok.tag_ in _VERB_TAGS and tok.pos_ in ("ADJ", "AUX") and tok.dep_ in _PREDICATE


def _object_words(obj: Token) -> list[tuple[str, Token]]:
    """What an object may be called in the lexicon: "curfew", "martial law", "aid" of "aid deliveries",
    "emergency" of "a state of emergency", "aid" of "part of an aid program"."""
    out = [(obj.lemma_.lower(), obj), (obj.lower_, obj)]
    for c in obj.children:
        if c.dep_ in ("compound", "amod") and c.i == obj.i - 1:
            out.insert(0, (f"{c.lower_} {obj.lemma_.lower()}", obj))
            out.append((c.lemma_.lower(), c))
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":  # "part of a military aid program": the program, and the aid it is
                    out.append((p.lemma_.lower(), p))
                    out.extend((m.lemma_.lower(), m) for m in p.children if m.dep_ == "compound" and m.i == p.i - 1)
    return out


def _phrasal(lex: Lexicon, forms: tuple[str, ...], particle: Token) -> TriggerRule | None:
    """The rule of a "verb particle" pair ("call for") in any of the verb's forms."""
    return next((lex.by_phrasal[(f, particle.lower_)] for f in forms if (f, particle.lower_) in lex.by_phrasal), None)


def _verb_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = tok.lemma_.lower()
    forms = verb_forms(lemma, tok.lower_)
    for c in tok.children:
        if c.dep_ in ("prt", "prep"):
            rule = _phrasal(lex, forms, c)
            if rule and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children):  # "called X on Monday"
                return Trigger(tok, rule, False, c)
        elif c.dep_ in ("advcl", "ccomp", "xcomp"):
            # "called for Israel to halt": the parser makes "for" the mark of the clause, not the verb's particle
            mark = next((m for m in c.children if m.dep_ == "mark" and m.i < c.i), None)
            if mark is not None and (rule := _phrasal(lex, forms, mark)):
                return Trigger(tok, rule, False, mark)
        elif c.dep_ in ("dobj", "nsubjpass"):
            for word, at in _object_words(c):
                rule = next((lex.by_object[(f, word)] for f in forms if (f, word) in lex.by_object), None)
                if rule:
                    return Trigger(tok, rule, False, at)
    if lex.must_rule is not None and lemma in lex.must_verbs:
        # "Russia said that Sudan must return the helicopter": a demand, told as a statement.
        for c in tok.children:
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in lex.must_words for a in c.children):
                return Trigger(tok, lex.must_rule, False)
    rule = next((lex.by_verb[f] for f in forms if f in lex.by_verb), None)
    if rule is not None and rule.needs_recipient and not _has_recipient(tok):
        rule = None
    if rule is not None and set(forms) & rule.not_with_clause and any(c.dep_ == "ccomp" for c in tok.children):
        rule = None  # "denied that X met Y": the clause's event is coded, negated (eventing/modality.py)
    if rule is None and lemma in lex.by_objectless:
        cand = lex.by_objectless[lemma]
        objs = [c for c in tok.children if c.dep_ in _OBJECTS]
        if lemma in cand.person_verbs:
            if any(c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "NORP") for c in objs) or any(
                c.dep_ == "nsubjpass" and c.ent_type_ in ("PERSON", "NORP") for c in tok.children
            ):  # "freed Navalny", "Navalny was freed"
                rule = cand
        elif not objs:
            rule = cand
    return Trigger(tok, rule, False) if rule else None


def _has_recipient(tok: Token) -> bool:
    return any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for")) for c in tok.children)


def _noun_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        # "peace talks", and adjectives that make a term of their own: "ethnic cleansing", "hunger strike"
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            pair = f"{c.lemma_.lower()} {lemma}"
            if pair in lex.blocked or f"{c.lower_} {tok.lower_}" in lex.blocked:
                return None
            rule = lex.by_noun.get(pair)
            if rule:
                return Trigger(tok, rule, True, c)
    if tok.dep_ == "compound":  # "peace talks" is talks; "summit meeting" is one event, told by its head
        rule = lex.by_noun.get(lemma)
        if rule and tok.head.lemma_.lower() in lex.generic_heads and tok.head.pos_ == "NOUN":
            return Trigger(tok.head, rule, True, tok, wrapped=True)  # "a mediation effort" is a mediation
        return None
    rule = lex.by_noun.get(lemma) or lex.by_noun.get(tok.lower_)
    if rule and rule.type is PloverType.ASSAULT and lex.verbal_rule is not None and any(
        c.dep_ in ("amod", "compound") and c.lower_ in lex.verbal_modifiers for c in tok.children
    ):
        rule = lex.verbal_rule  # "foul-mouthed attacks on the army leadership" are accusations
    return Trigger(tok, rule, True) if rule else None


def _covered(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Token indices that belong to a two-word trigger (the object of "impose sanctions")."""
    return {t.extra.i for t in found.values() if t.extra is not None}


def _absorber(trig: Trigger, found: dict[int, Trigger], max_climb: int) -> Trigger | None:
    """The governing trigger whose content this one is (and which then codes the event), if any."""
    tok = trig.token
    noun = found.get(tok.head.i)
    if (not trig.nominal and tok.dep_ == "acl" and noun is not None and noun.nominal and noun.rule.frame
            and any((c.dep_ == "mark" and c.lower_ in ("that", "for")) or (c.dep_ == "aux" and c.lower_ == "to")
                    for c in tok.children)):
        return noun  # "its demand that Hamas release the hostages": asked for, not done
    for _ in range(max_climb):
        if tok.dep_ not in _CONTENT_DEPS and not (trig.nominal and tok.dep_ in ("conj", "appos", "amod")):
            return None
        head = tok.head
        if head.i == tok.i:
            return None
        gov = found.get(head.i)
        if gov is not None and not gov.nominal:
            # A verb absorbs the nouns it governs ("rejected calls for aid"); a frame verb also absorbs
            # the acts in its complement ("threatened to attack").
            return gov if trig.nominal or gov.rule.frame else None
        if gov is not None and gov.nominal and trig.nominal and tok.dep_ != "conj":
            return gov  # "demand for the withdrawal": the outer noun codes it
        tok = head
    return None


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
        if trig is not None and trig.token.i not in found:
            found[trig.token.i] = trig
    covered = _covered(doc, found)
    kept: dict[int, Trigger] = {}
    for i, t in sorted(found.items()):
        if i in covered:
            continue
        gov = _absorber(t, found, max_climb)
        if gov is None:
            kept[i] = t
        elif (
            gov.token.i in kept and gov.rule.type is PloverType.AGREE and t.type in _HOSTILE and gov.rule.frame
            and t.token.dep_ in ("xcomp", "ccomp") and t.token.head.i == gov.token.i
        ):
            found[gov.token.i] = kept[gov.token.i] = replace(gov, retype=PloverType.THREATEN)
    return [kept[i] for i in sorted(kept)]
