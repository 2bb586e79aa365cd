"""Attributions whose content is no that-clause: "announced his resignation", "records show ...", "wants to win"."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.quoting.lexicon import Lexicon
from newsgraph.model import QuoteAct

Range = tuple[int, int]
OBJECT_DEPS = frozenset({"dobj"})
COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
WHEN = frozenset({"DATE", "TIME"})  # "spoke on Tuesday": a time is never what was said


def _timeless(rng: Range | None, head: Token) -> Range | None:
    return None if rng is None or head.ent_type_ in WHEN else rng


def _infinitive(verb: Token) -> bool:
    """ "wanted to thank supporters": the act is only wanted; the verb it hangs on is the attribution."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ == "amod"


def is_document(subject: Token | None, lex: Lexicon) -> bool:
    """ "Federal Election Commission records", "a new poll": a source that is a record, not a person."""
    if subject is None:
        return False
    return subject.lemma_.lower() in lex.document_nouns or subject.lower_ in lex.document_nouns


HOLDER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "PERCENT", "CARDINAL"})


def _holder(subject: Token, lex: Lexicon) -> bool:
    """Someone who can want, believe or support: a person or a group, not "the bridge" or "the plan"."""
    if subject.lower_ in ("who", "that", "which") and subject.head.dep_ == "relcl" and subject.head.head != subject:
        return _holder(subject.head.head, lex)  # "voters who support Sanders"
    if subject.pos_ == "PRON":
        return subject.lower_ not in ("this", "that", "which")
    if subject.pos_ in ("PROPN", "NUM") or subject.ent_type_ in HOLDER_ENTS:
        return True
    lemma = subject.lemma_.lower()
    return lex.names_people(lemma)


def _object(verb: Token, pronoun: bool = False) -> Token | None:
    """The verb's own noun-phrase object, not a lone pronoun ("criticized him" reports no content) unless
    what follows it says what it is called ("called him a liar")."""
    for c in verb.children:
        if c.dep_ in OBJECT_DEPS and c.i > verb.i:
            if not pronoun and c.pos_ == "PRON" and c.left_edge.i == c.right_edge.i or c.ent_type_ in WHEN:
                return None
            return c
    return None


JUDGED_FOR = frozenset({"of", "as", "for", "over"})  # "accused him of sexism", "dismissed them as cranks"


def _with_following_phrases(verb: Token, last: int) -> int:
    """ "praised X's leadership in the aftermath of Sandy and his ability to ...": the verb's prepositional
    phrases right after its object belong to what was said; a time ("on Monday") ends it."""
    for c in sorted((c for c in verb.children if c.i == last + 1 and c.dep_ == "prep"), key=lambda c: c.i):
        objs = [p for p in c.children if p.dep_ == "pobj"]
        if not objs or any(o.ent_type_ in WHEN for o in objs):
            break
        last = c.right_edge.i
    return last


def _object_content(verb: Token) -> Range | None:
    """What an act of communication is about: its object ("announced his resignation"), a pronoun with what it
    is judged for ("accused him of sexism"), or a gerund ("proposed barring all foreign Muslims")."""
    obj = _object(verb)
    if obj is not None:
        # a second object is the parser splitting one phrase ("announced head of finance [Daniel Ammann]")
        last = max(c.right_edge.i for c in verb.children if c.dep_ in OBJECT_DEPS and c.i >= obj.i)
        return obj.left_edge.i, _with_following_phrases(verb, last)
    pron = _object(verb, pronoun=True)
    if pron is not None:
        judged = next((c for c in verb.children if c.dep_ == "prep" and c.i > pron.i and c.lower_ in JUDGED_FOR), None)
        if judged is not None and any(p.dep_ in ("pobj", "pcomp") for p in judged.children):
            return pron.i, judged.right_edge.i
        return None
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > verb.i:
            return c.left_edge.i, c.right_edge.i
    return None


def _clause(verb: Token) -> Range | None:
    """A that-clause or an infinitive after the verb, with the object before an infinitive ("wants voters to")."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i:
            return c.left_edge.i, c.right_edge.i
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i > verb.i:
            obj = next((o for o in verb.children if o.dep_ in ("dobj", "dative") and o.i < c.i), None)
            return (obj or c).left_edge.i, c.right_edge.i
    return None


def _prep_object(verb: Token, lemma: str, pairs: frozenset[tuple[str, str]]) -> Range | None:
    """ "talked about the wall", "called for a prosecutor": the object of the preposition the verb takes."""
    for c in verb.children:
        if c.dep_ in ("prep", "prt") and c.i > verb.i and (lemma, c.lower_) in pairs:
            prep = c
            if c.dep_ == "prt":  # "spoke out against": the preposition after the particle
                prep = next((p for p in verb.children if p.dep_ == "prep" and p.i > c.i), c)
            objs = [p for p in prep.children if p.dep_ in ("pobj", "pcomp")]
            if objs:
                return _timeless((objs[0].left_edge.i, objs[-1].right_edge.i), objs[0])
    return None


def _naming(verb: Token, lemma: str) -> Range | None:
    """ "described his skills as a work in progress", "called Christmas a sham", "referred to X as Y"."""
    obj = _object(verb, pronoun=True)
    if obj is None and lemma == "refer":
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        obj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return None
    for c in list(verb.children) + list(obj.children):
        if c.i <= obj.i:
            continue
        if c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ == "as"):
            return obj.left_edge.i, max(c.right_edge.i, obj.right_edge.i)
    return None


PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


PERSONAL = frozenset({"his", "her", "their", "my", "our", "your"})


def _possessed_object(verb: Token, lex: Lexicon) -> Range | None:
    """ "questioned Mr. Trump's veracity", "attacked his record": an object that is something of someone's (a
    person's or a body's, not a place's or a thing's: "the town's police station")."""
    obj = _object(verb)
    if obj is None or obj.ent_type_:
        return None
    poss = next((c for c in obj.children if c.dep_ == "poss"), None)
    if poss is None or poss.ent_type_ in PLACE_ENTS:
        return None
    if not (poss.lower_ in PERSONAL or poss.pos_ == "PROPN" or lex.names_people(poss.lemma_.lower())):
        return None
    return obj.left_edge.i, _with_following_phrases(verb, obj.right_edge.i)


def _pro_form(verb: Token, lex: Lexicon) -> Range | None:
    """ "half said so", "75 percent said yes", "say the same of Trump": an answer given as a pro-form right after
    the verb, standing alone (not the determiner of "so many things" or "no one")."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    c = doc[verb.i + 1]
    if c.lower_ == "the" and c.head.head.i == verb.i:
        c = c.head  # "the same"
    if c.head.i != verb.i or c.lower_ not in lex.pro_forms:
        return None
    if c.dep_ not in ("dobj", "advmod", "intj", "npadvmod", "ccomp", "acomp", "attr"):
        return None
    return c.left_edge.i, c.right_edge.i


def nominal_content(verb: Token, subject: Token | None, lex: Lexicon) -> tuple[Range, QuoteAct] | None:
    """The content and act of an attribution whose content is a noun phrase, a preposition's object, what a
    document shows, or an attitude's clause or infinitive; None when the verb reports nothing here."""
    if verb.pos_ not in ("VERB", "AUX") or subject is None:
        return None
    lemma = lex.lemma(verb)
    if lemma in lex.evidence_verbs and is_document(subject, lex):
        rng = _clause(verb)
        if rng is None and verb.right_edge.i > verb.i:
            rng = (verb.i + 1, verb.right_edge.i)  # "a poll found Sanders leading"
        return (rng, QuoteAct.EVIDENCE) if rng else None
    if lemma in lex.pro_form_verbs:
        rng = _pro_form(verb, lex)
        if rng is not None:
            return rng, QuoteAct.SPEECH
    if _infinitive(verb):
        return _attitude(verb, subject, lemma, lex)
    if lemma in lex.naming_verbs:
        rng = _naming(verb, lemma)
        if rng is not None:
            return rng, QuoteAct.SPEECH
    rng = _prep_object(verb, lemma, lex.prep_cues)
    if rng is not None:
        return rng, QuoteAct.SPEECH
    if lemma in lex.object_verbs:
        rng = _object_content(verb)
        if rng is not None:
            return rng, QuoteAct.SPEECH
    if lemma in lex.possessed_object_verbs:
        rng = _possessed_object(verb, lex)
        if rng is not None:
            return rng, QuoteAct.SPEECH
    return _attitude(verb, subject, lemma, lex)


def _attitude(verb: Token, subject: Token, lemma: str, lex: Lexicon) -> tuple[Range, QuoteAct] | None:
    """ "wants voters to know", "hopes his endorsement will help", "who support Sanders", "vote for Clinton"."""
    if not _holder(subject, lex) or any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "it remains to be seen how ...": a passive holds no one's view
    rng = None
    if lemma in lex.judging_verbs:
        rng = _naming(verb, lemma)
    if rng is None and lemma in lex.attitude_verbs:
        rng = _clause(verb)
        if rng is None and lemma in lex.attitude_object_verbs:
            obj = _object(verb)
            rng = (obj.left_edge.i, obj.right_edge.i) if obj is not None else None
    if rng is None:
        rng = _prep_object(verb, lemma, lex.attitude_prep_cues)
    return (rng, QuoteAct.ATTITUDE) if rng is not None else None
