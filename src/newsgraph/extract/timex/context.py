"""What the parse says about an expression: the verb that governs it and that verb's tense."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.timex.settings import SETTINGS

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "’ll", "would"})  # "said it would act on Friday"
# verbs whose complement or own date lies ahead: "is set to discuss", "is scheduled for Friday"
PLANNING = frozenset({"schedule", "plan", "expect", "set", "due", "intend", "hope", "aim", "propose",
                      "prepare", "slate", "poise", "vow", "promise", "threaten", "pledge"})
SET_ONLY_AHEAD = frozenset({"set"})  # also a verb of deeds: "a record set on Aug. 6"
# nouns of things appointed ahead: "the Nov. 7 election" takes its direction from the clause
SCHEDULED = frozenset({"election", "vote", "ballot", "referendum", "deadline", "summit", "meeting", "hearing",
                       "trial", "talks", "conference", "visit", "launch", "date", "session", "poll",
                       "primary", "caucus", "debate", "inauguration", "opening", "start", "release", "due",
                       "voting", "polls", "ceasefire", "truce", "ultimatum"})
# adjectives whose infinitive lies ahead: "is due to arrive on Friday", "is likely to meet Monday"
AHEAD_ADJECTIVES = frozenset({"due", "likely", "unlikely", "poised", "set", "expected", "bound", "about", "ready"})
# modals that put the clause ahead: "could come as early as Tuesday"
FUTURE_MODALS = frozenset({"could", "might", "may", "should", "must", "can"})
# words right before a date that point ahead whatever the tense: "as early as Tuesday", "until Friday"
AHEAD_CUES = ("as soon as", "as early as", "no later than", "no sooner than")
# a date right after these words is a deadline or start yet to come: "payable Dec. 15", "effective Feb. 1"
AHEAD_WORDS = ("payable", "effective")
# and after this one it lies behind: "searching since the Oct. 23 slaying"
BEHIND_WORDS = frozenset({"since"})
UNTIL = ("until", "till", "through")
# verbs that move a deadline: "postponed until Tuesday" looks ahead even in the past tense
DEADLINE_VERBS = frozenset({"postpone", "extend", "delay", "defer", "adjourn", "suspend", "give", "push",
                            "put", "move", "set"})


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering a character range."""
    return doc.char_span(start, end, alignment_mode="expand")


def governing_verb(span: Span) -> Token | None:
    """The verb (or auxiliary) the expression hangs on, following heads upward."""
    tok = span.root
    for _ in range(SETTINGS.max_hops):
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _left_words(doc: Doc, span: Span) -> str:
    """The three words before an expression, lower-cased: its lexical cue ("as early as", "until")."""
    return " ".join(t.lower_ for t in doc[max(0, span.start - 3): span.start])


def _aux(verb: Token) -> list[Token]:
    return [k for k in verb.children if k.dep_ in ("aux", "auxpass")]


def _scheduled(noun: Token) -> bool:
    return noun.lemma_.lower() in SCHEDULED or noun.lower_ in SCHEDULED  # "talks" has the lemma "talk"


def _plans(verb: Token) -> bool:
    """A verb of planning; "set" only as "set to" / "set for" ("the record set on Aug. 6" was done)."""
    if verb.lemma_ not in PLANNING:
        return False
    if verb.lemma_ in SET_ONLY_AHEAD:
        return any(k.dep_ == "xcomp" or (k.dep_ == "prep" and k.lower_ == "for") for k in verb.children)
    return True


def _ongoing(verb: Token | None) -> bool:
    """A clause in the present perfect or present progressive, here or in the clauses above it."""
    for _ in range(SETTINGS.max_hops):
        if verb is None:
            return False
        aux = {k.lower_ for k in _aux(verb)}
        if aux & {"has", "have", "'ve", "is", "are", "am", "'s", "'re"}:
            return True
        if verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        verb = verb.head
    return False


def _infinitive(verb: Token | None) -> bool:
    return verb is not None and verb.tag_ == "VB" and any(k.lower_ == "to" for k in _aux(verb))


def _is_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" or any(k.tag_ == "VBD" for k in _aux(verb))


def _is_future(verb: Token) -> bool:
    aux = _aux(verb)
    if any(k.lower_ in FUTURE_AUX for k in aux):
        return True
    if any(k.lower_ == "going" for k in verb.children):
        return True
    if verb.tag_ == "VB" and any(k.lower_ in FUTURE_MODALS for k in aux):
        return True
    if _plans(verb) and not _is_past_perfect(verb) and verb.tag_ != "VBD":  # "is set to"
        return True  # a past "planned" looks ahead only for a date after it (direction() decides)
    # "planned to leave on Thursday", "is to resume trading Tuesday": an infinitive under a plan or a
    # present / future clause looks ahead; under a past one ("staged rallies to mark ...") it does not
    if verb.tag_ == "VB" and any(k.lower_ == "to" for k in aux):
        head = verb.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return False
        if _plans(head):
            return not _is_past_perfect(head)
        return tense(head) in ("future", "present")
    return False


def _is_past_perfect(verb: Token) -> bool:
    """'had been scheduled', 'had been due': a plan already behind the narrative."""
    aux = _aux(verb)  # also "had ruled ... and set Friday as the deadline": a verb joined to a past perfect
    return any(k.lower_ == "had" for k in aux) or (verb.head.i != verb.i and verb.dep_ in ("xcomp", "acomp", "conj")
                                                   and any(k.lower_ == "had" for k in _aux(verb.head)))


def _clause_of_noun_is_past(participle: Token) -> bool:
    """Whether the clause around the noun a participle modifies is in the past tense."""
    noun = participle.head
    if noun.i == participle.i:
        return False
    outer = governing_verb(noun.doc[noun.i:noun.i + 1])
    return outer is not None and outer.i != participle.i and _is_past(outer)


def tense(verb: Token | None) -> str:
    """'past', 'future', 'present' or '' (unknown) for the verb's clause."""
    if verb is None:
        return ""
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not _aux(verb) and not _plans(verb):
        return "past"  # "the terms, announced Friday, ...": a reduced relative reports what was done
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not _aux(verb) and _clause_of_noun_is_past(verb):
        return "present"  # "a service planned for Saturday was canceled": planned before a past telling: nearest
    if _infinitive(verb) and verb.head.pos_ == "ADJ" and verb.head.lower_ in AHEAD_ADJECTIVES:
        told = tense(governing_verb(verb.doc[verb.head.i:verb.head.i + 1]))
        return "present" if told == "past" else "future"  # "was due to arrive on Friday": either side, nearest
    if _is_future(verb):
        return "future"
    aux = _aux(verb)
    if _is_past(verb):
        return "past"
    if verb.tag_ == "VBN" and any(k.lemma_ == "have" for k in aux):
        return "past"  # "has met on Friday": perfect aspect reports the past
    if verb.tag_ in ("VBZ", "VBP") or any(k.tag_ in ("VBZ", "VBP") for k in aux):
        return "present"
    if verb.tag_ == "VB" and any(k.lower_ == "to" for k in aux):
        head = verb.head  # an infinitive takes its time from the clause it serves
        return "past" if head.i != verb.i and head.pos_ in ("VERB", "AUX") and tense(head) == "past" else ""
    if verb.tag_ in ("VBG", "VBN") and not aux and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return tense(verb.head)
    return ""


def direction(doc: Doc, start: int, end: int) -> str:
    """Which way from the DCT an underspecified date points: 'past', 'future' or '' (nearest)."""
    span = span_of(doc, start, end)
    if span is None or len(span) == 0:
        return ""
    if span.root.dep_ == "poss" and not _scheduled(span.root.head):
        return "past"  # "Wednesday's ruling": it dates a thing done, not the clause ("Friday's talks will ..." does)
    head = span.root.head
    if (span.root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.i >= span.end
            and not _scheduled(head)):
        return "past"  # "the Oct. 23 slaying", "a June agreement": a thing already done, whatever the clause
    before = _left_words(doc, span)
    verb = governing_verb(span)
    if before.endswith(AHEAD_CUES) or before.endswith(AHEAD_WORDS):
        return "future"
    if BEHIND_WORDS & set(before.split()[-2:]):
        return "past"
    if (verb is not None and _plans(verb) and verb.tag_ == "VBD" and span.start > verb.i
            and not _is_past_perfect(verb)):
        return "future"  # "planned a rally on Saturday": what was planned; "On Friday, X planned ...": the planning
    t = tense(verb)
    if before.endswith(UNTIL):
        if verb is None or verb.lemma_ in DEADLINE_VERBS or t != "past" or _ongoing(verb):
            return "future"  # also "has kept the markets closed until Friday": a state that lasts now ends ahead
        if _infinitive(verb):
            return "present"  # "ordered the markets to stay closed until Friday": a past order, its term nearest
    if t == "present" and verb is not None and any(
            k.dep_ in ("nsubj", "nsubjpass") and _scheduled(k) for k in verb.children):
        return "future"  # "the deadline expires on Sunday", "voting ends at 8 p.m. Sunday": a schedule ahead
    if t == "past":
        return "past"
    if t == "future":
        return "future"
    if t == "present":
        return "present"
    return ""
