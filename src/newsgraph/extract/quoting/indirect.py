"""Reported speech without marks: "X said that ...", "... was reported by X", "according to X, ..."."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from newsgraph.extract.coref import RELATIVE, Coref
from newsgraph.extract.quoting.direct import QUOTE_MARKS, Found
from newsgraph.extract.quoting.lexicon import Lexicon, inflections
from newsgraph.extract.quoting.nominal import is_document, nominal_content
from newsgraph.extract.quoting.syntax import (
    VERB_POS,
    cited_source,
    is_break,
    is_cue,
    phrase_span,
    subject_of,
    token_span,
    via_of,
)
from newsgraph.model import QuoteAct, QuoteKind, Span

TRIM = frozenset({",", ".", ";", ":", "--", "—", "–", "-", "that", "whether", "if", "*", "_"}) | QUOTE_MARKS
HEADLINE_POS = frozenset({"PROPN", "NOUN", "DET", "PART", "ADJ", "ADP", "CCONJ"})
DASHES = frozenset({"-", "–", "—"})
EXPLETIVE = frozenset({"it", "there"})


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Token range without the leading "that" and the punctuation at either end."""
    while first <= last and (doc[first].lower_ in TRIM or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].text in TRIM or doc[last].is_space):
        last -= 1
    return (first, last) if first <= last else None


def _content(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """What was said: the verb's that-clause, a passive's subject ("the news ... was reported by X"), or what
    was promised or called for ("promised to act", "called for a special prosecutor")."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i - 1:
            return c.left_edge.i, c.right_edge.i
    for c in verb.children:  # "boasted of having brokered a deal"
        if c.dep_ == "prep" and c.lower_ in ("of", "about") and c.i > verb.i:
            clause = next((p for p in c.children if p.dep_ == "pcomp"), None)
            if clause is not None:
                return clause.left_edge.i, clause.right_edge.i
    lemma = lex.lemma(verb)
    if lemma in lex.passive_verbs and any(c.dep_ == "agent" for c in verb.children):
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return c.left_edge.i, c.right_edge.i
    if lemma in lex.intent_verbs:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if xcomp is not None:
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < xcomp.i), None)
            return (obj or xcomp).left_edge.i, xcomp.right_edge.i
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i:  # "called for a special prosecutor"
                objs = [p for p in c.children if p.dep_ == "pobj"]
                if objs:
                    return objs[0].left_edge.i, objs[0].right_edge.i
            if c.dep_ == "advcl" and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ == "for" and m.i == c.left_edge.i for m in c.children
            ):  # "is calling for the United States to step up ...": the parser made it a clause
                return c.left_edge.i + 1, c.right_edge.i
    for c in verb.children:  # "said in a statement: the plan..." parsed as a clause after a colon
        if c.dep_ == "ccomp":
            return c.left_edge.i, c.right_edge.i
    return None


def _in_paragraph(doc: Doc, cue: int, span: tuple[int, int]) -> tuple[int, int]:
    """The content cut at a paragraph break: the parser may hang the next paragraph's clause on the cue."""
    first, last = span
    for i in range(first, last + 1):
        if is_break(doc[i]):
            if i > cue:
                return first, i - 1
            first = i + 1
    return first, last


def _as_clause(verb: Token) -> tuple[int, int] | None:
    """ "As Putin himself revealed, the company was funded by the state": the clause the as-clause hangs on."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    head = verb.head
    sub_first, sub_last = verb.left_edge.i, verb.right_edge.i
    first, last = head.left_edge.i, head.right_edge.i
    if sub_first == first:
        return sub_last + 1, last
    if sub_last == last:
        return first, sub_first - 1
    return None


def _parenthetical(verb: Token) -> tuple[int, int] | None:
    """ "The only problem, Ms. Bigbee said, is that ..." / "The economy is fine, he said.": the sentence
    around a reporting clause set off by commas is what was said."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    doc = verb.doc
    first = min(subject.left_edge.i, verb.i)
    last = max(t.i for t in verb.subtree if t.i >= verb.i and t.dep_ != "punct") if verb.i >= subject.i else verb.i
    sent = verb.sent
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is None or after.text not in (",", ".", ";"):
        return None
    if after.text == "," and last + 2 < sent.end:
        return sent.start, sent.end - 1
    return sent.start, first - 2


def _speaker_of(found: Found, subject: Token | None, coref: Coref) -> None:
    if subject is None or subject.lower_ in EXPLETIVE and subject.dep_ == "nsubj" and _is_expletive(subject):
        return
    found.speaker = coref.resolve(subject)
    if subject.pos_ == "PRON":
        found.speaker_span = Span.of(coref.text, subject.idx, subject.idx + len(subject.text))
    else:
        found.speaker_span = phrase_span(subject, coref.text)


def _is_expletive_subject(subject: Token) -> bool:
    """ "It seems ...", "There are ...": a subject that names no source."""
    return subject.lower_ in EXPLETIVE and subject.dep_ in ("nsubj", "expl") and _is_expletive(subject)


def _is_expletive(subject: Token) -> bool:
    """ "It was reported that ...": "it" stands for nobody."""
    return subject.lower_ == "there" or subject.head.tag_ == "VBN" or any(
        c.dep_ == "auxpass" for c in subject.head.children
    )


def _candidates(doc: Doc, lex: Lexicon) -> list[int]:
    """Indices of the only tokens that can start an attribution, found on arrays (no Token objects)."""
    wanted = _cue_hashes(lex)
    arr = doc.to_array([LEMMA, LOWER])
    if not len(arr):
        return []
    hits = np.isin(arr[:, 0], wanted) | np.isin(arr[:, 1], wanted)
    return np.flatnonzero(hits).tolist()


@lru_cache(maxsize=1)
def _cue_hashes(lex: Lexicon) -> np.ndarray:
    """The string hashes of every cue lemma and its regular forms (the lemmatizer reads "hopes" as "hop"),
    computed once: a hash depends on the string alone, not on the vocabulary."""
    words = {f for v in lex.verbs for f in inflections(v)} | {"according", ":"}
    return np.array(sorted(hash_string(w) for w in words), dtype=np.uint64)


def find_indirect(doc: Doc, coref: Coref, inside: list[bool], used_cues: set[int]) -> list[Found]:
    """Every reporting verb with a content clause, and every "according to X"."""
    out: list[Found] = []
    lex = coref.lex
    for i in _candidates(doc, lex):
        t = doc[i]
        if inside[t.i]:
            continue
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            found = _according(doc, t, coref)
            if found is not None:
                out.append(found)
            continue
        if t.text == ":" and t.i not in used_cues and t.i < len(doc) - 1:
            found = _headline_colon(doc, t, coref)
            if found is not None:
                out.append(found)
            continue
        if t.i in used_cues or t.pos_ not in VERB_POS:
            continue
        lemma = lex.lemma(t)
        span = None
        if is_cue(t, lex) or (t.pos_ == "VERB" and lemma in lex.intent_verbs):
            span = _content(t, lex) or _as_clause(t) or _parenthetical(t)
        subject = subject_of(t)
        if t.dep_ == "acl" and t.tag_ == "VBG" and lemma in lex.attitude_verbs and t.head.pos_ in ("NOUN", "PROPN"):
            # "gave $10 million to a group backing Bush": the group backs him, not the giver (a verb of saying
            # keeps the clause's subject, "emailed supporters saying ...": see syntax._object_participle)
            subject = t.head
        act = QuoteAct.ATTITUDE if lemma in lex.attitude_verbs else QuoteAct.SPEECH
        if span is None:
            got = nominal_content(t, None if subject is None or _is_expletive_subject(subject) else subject, lex)
            if got is None:
                continue
            span, act = got
        if lemma in lex.evidence_verbs and is_document(subject, lex):
            act = QuoteAct.EVIDENCE
        rng = _trimmed(doc, *_in_paragraph(doc, t.i, span))
        if rng is None:
            continue
        first, last = rng
        n_inside = sum(inside[first : last + 1])
        if n_inside > 0.8 * (last - first + 1):
            continue  # the clause is a quotation in marks, attributed already
        found = Found(doc[first].idx, doc[last].idx + len(doc[last].text), QuoteKind.INDIRECT)
        found.cue, found.cue_span, found.cue_token = t.text, token_span(coref.text, t, t), t.i
        found.act = act
        if lemma == "cite" and doc[rng[0]:rng[1] + 1].root.lemma_.lower() in lex.source_heads:
            continue  # "citing sources in the ministry": who is cited, not what (see syntax.cited_source)
        _speaker_of(found, subject, coref)
        holder = subject  # "a faction that opposes the war": coref resolves "that" to the faction, the span stays
        if subject is not None and subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
            holder = subject.head.head
        if found.speaker is None and holder is not None and holder.lemma_.lower() in lex.mute_nouns:
            continue  # "the meeting ..., accusing them": a misparse gave the words to an event
        found.via = via_of(t, coref, found.speaker)
        cited = cited_source(t, coref)
        if cited is not None and coref.is_outlet(found.speaker):
            # "X reported, citing sources in Western intelligence, that ...": the sources said it, X carried it.
            # Unnamed sources are no entity: the speaker is then None, its span the sources' phrase.
            found.via = found.via or found.speaker
            found.speaker, found.speaker_span = coref.resolve(cited), phrase_span(cited, coref.text)
        out.append(found)
    return out


def _headline_colon(doc: Doc, colon: Token, coref: Coref) -> Found | None:
    """ "Graham: Trump's Rhetoric Destroying GOP": a short name before a colon that opens a paragraph."""
    first = colon.i
    while first > 0 and not doc[first - 1].is_space and doc[first - 1].text not in (".", "?", "!"):
        first -= 1
    if first > 0 and not doc[first - 1].is_space:
        return None  # only at the start of a paragraph (or of the document)
    head = list(doc[first : colon.i])
    if not 1 <= len(head) <= 8 or any(t.pos_ not in HEADLINE_POS and t.text not in DASHES for t in head):
        return None
    dashes = [k for k, t in enumerate(head) if t.text in DASHES]
    if dashes:
        head = head[dashes[-1] + 1 :]  # "EXCLUSIVE – Roger Stone: ..."
    cut = next((k for k, t in enumerate(head) if t.pos_ in ("ADP", "CCONJ")), len(head))
    head = head[:cut]  # "Clinton to Planned Parenthood: ...", "Former AG Mukasey at RNC: ..."
    if not head or not any(t.pos_ == "PROPN" for t in head) and len(head) > 1:
        return None
    if len(head) == 1 and len(head[0].text) <= 2:
        return None  # "Q:" and "A:" of an interview transcript are no source
    if not _names_someone(head[-1], coref):
        return None  # "Editor's note:", "CORRECTION:", "Delegate Update:" are labels, not sources
    end = colon.i + 1
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    rng = _trimmed(doc, colon.i + 1, end - 1)
    if rng is None or rng[1] - rng[0] < 3 or coref.inside[rng[0]]:
        return None
    found = Found(doc[rng[0]].idx, doc[rng[1]].idx + len(doc[rng[1]].text), QuoteKind.INDIRECT)
    found.cue, found.cue_span, found.cue_token = ":", token_span(coref.text, colon, colon), colon.i
    speaker = head[-1]
    found.speaker = coref.resolve(speaker)
    found.speaker_span = Span.of(coref.text, head[0].idx, speaker.idx + len(speaker.text))
    return found


SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _names_someone(token: Token, coref: Coref) -> bool:
    """A headline's source is a named person or body, not a label in capitals ("CORRECTION")."""
    if token.ent_type_ in SOURCE_ENTS or coref.resolve(token) is not None:
        return True
    return token.pos_ == "PROPN" and not (token.text.isupper() and len(token.text) > 3)


def _can_speak(token: Token, coref: Coref) -> bool:
    """Whether "according to X" names a source: not a measure or a rule ("according to height", "to plan")."""
    return token.lemma_.lower() not in coref.lex.non_source_nouns


def _according(doc: Doc, according: Token, coref: Coref) -> Found | None:
    to = doc[according.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = objs[0]
    if not _can_speak(source, coref):
        return None  # "arranged according to height"
    phrase_first = according.i
    phrase_last = max(source.right_edge.i, to.i)
    sent = according.sent
    before = _trimmed(doc, sent.start, phrase_first - 1) if phrase_first > sent.start else None
    after = _trimmed(doc, phrase_last + 1, sent.end - 1) if phrase_last + 1 < sent.end else None
    sizes = [(r[1] - r[0], r) for r in (before, after) if r is not None]
    if not sizes:
        return None
    first, last = max(sizes)[1]
    found = Found(doc[first].idx, doc[last].idx + len(doc[last].text), QuoteKind.INDIRECT)
    found.cue = coref.text[according.idx : to.idx + len(to.text)]
    found.cue_span = token_span(coref.text, according, to)
    found.cue_token = according.i
    _speaker_of(found, source, coref)
    if is_document(source, coref.lex):
        found.act = QuoteAct.EVIDENCE  # "according to a new poll"
    if found.speaker is not None and source.pos_ in VERB_POS:
        found.speaker = None
    return found
