"""What the parse says about an expression: the verb that governs it and that verb's tense."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "’ll"})
# verbs whose complement or own date lies ahead: "is set to discuss", "is scheduled for Friday"
PLANNING = frozenset({"schedule", "plan", "expect", "set", "due", "intend", "hope", "aim", "propose",
                      "prepare", "slate", "poise", "vow", "promise", "threaten", "pledge"})
# how far up the dependency tree to look for the governing verb
MAX_HOPS = 5


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering a character range."""
    return doc.char_span(start, end, alignment_mode="expand")


def governing_verb(span: Span) -> Token | None:
    """The verb (or auxiliary) the expression hangs on, following heads upward."""
    tok = span.root
    for _ in range(MAX_HOPS):
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _is_future(verb: Token) -> bool:
    kids = list(verb.children)
    if any(k.lower_ in FUTURE_AUX for k in kids if k.dep_ in ("aux", "auxpass")):
        return True
    if any(k.lower_ == "going" for k in kids) or verb.lemma_ in PLANNING and verb.tag_ != "VBD":
        return True
    # "to meet on Friday" under a planning verb, or "will try to meet"
    if verb.tag_ == "VB" and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids):
        head = verb.head
        if head.i != verb.i and (head.lemma_ in PLANNING or _is_future(head)):
            return True
    return False


def tense(verb: Token | None) -> str:
    """'past', 'future', 'present' or '' for the verb's clause."""
    if verb is None:
        return ""
    if _is_future(verb):
        return "future"
    kids = [k for k in verb.children if k.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(k.tag_ == "VBD" for k in kids):
        return "past"
    if verb.tag_ == "VBN" and any(k.lemma_ == "have" for k in kids):
        return "past"  # "has met on Friday": perfect aspect reports the past
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(k.tag_ in ("VBZ", "VBP") for k in kids):
        return "present"
    if verb.tag_ in ("VB", "VBG", "VBN") and verb.head.i != verb.i:
        return tense(verb.head) if verb.head.pos_ in ("VERB", "AUX") else ""
    return ""


def direction(doc: Doc, start: int, end: int) -> str:
    """Which way from the DCT an underspecified date points: 'past', 'future' or '' (nearest)."""
    span = span_of(doc, start, end)
    if span is None or len(span) == 0:
        return ""
    verb = governing_verb(span)
    t = tense(verb)
    if not t:
        t = tense(_root_verb(span))
    if t == "past":
        return "past"
    if t == "future":
        return "future"
    return ""


def _root_verb(span: Span) -> Token | None:
    root = span.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None
