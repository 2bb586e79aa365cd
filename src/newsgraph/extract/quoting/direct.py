"""Attribute quotations in marks: direct speech, partial quotes inside reported speech, scare quotes dropped."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.coref import RELATIVE, Coref
from newsgraph.extract.quoting.marks import Marked
from newsgraph.extract.quoting.settings import QuoteSettings
from newsgraph.extract.quoting.syntax import (
    SENTENCE_FINAL,
    VERB_POS,
    is_break,
    is_cue,
    phrase_span,
    subject_of,
    token_span,
    via_of,
)
from newsgraph.model import QuoteAct, QuoteKind, Span

CONTINUING = frozenset(",?!—–-…")
THINGS = frozenset({"which", "that", "it"})  # "...," which votes June 7: a relative clause, not a speaker
MAX_CONTEXT_TOKENS = 60
QUOTE_MARKS = frozenset('"“”«»„‘’‹›\'') | {"''", "``"}


@dataclass(slots=True)
class Found:
    """One attributed quotation before it gets its id."""

    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    cue: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    via: str | None = None
    cue_token: int | None = None  # index of the cue token, so indirect speech does not repeat it
    act: QuoteAct = QuoteAct.SPEECH
    carried_from: int | None = None  # end of the quotation whose speaker this one took, when it had no cue


@dataclass(slots=True)
class _Frame:
    """A quotation's tokens and the tokens beside it up to the sentence or paragraph edge."""

    first: int  # first token inside the marks
    last: int  # last token inside the marks
    left: list[Token]
    right: list[Token]


def _frame(doc: Doc, m: Marked, inside: list[bool]) -> _Frame | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first, last = span.start, span.end - 1
    left: list[Token] = []
    i = first - 1
    while i >= 0 and len(left) < MAX_CONTEXT_TOKENS:
        t = doc[i]
        if is_break(t) or inside[i] or t.text in SENTENCE_FINAL:
            break
        if not left and len(t.text) > 1 and t.text.endswith(".") and t.i < first - 1 and doc[first].is_title:
            break  # "..., said Harry Bond, of Raleigh, N.C. "We need ...": an abbreviation ends the sentence
        if not t.is_space and t.text not in QUOTE_MARKS:
            left.append(t)
        i -= 1
    left.reverse()
    right: list[Token] = []
    i = last + 1
    close = m.close_mark if m.close_mark is not None else m.end
    while i < len(doc) and len(right) < MAX_CONTEXT_TOKENS:
        t = doc[i]
        if t.idx > close and (is_break(t) or inside[i]):
            break
        if not t.is_space and t.text not in QUOTE_MARKS:
            right.append(t)
            if t.text in SENTENCE_FINAL:
                break
        i += 1
    return _Frame(first, last, left, right)


def _speaker(found: Found, subject: Token | None, coref: Coref) -> None:
    if subject is None or coref.inside[subject.i]:
        return  # a subject inside the quotation is the parser's slip, not the speaker
    if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
        antecedent = subject.head.head  # "commentators who have suggested": the commentators
        found.speaker = coref.resolve(antecedent)
        if found.speaker is not None:  # "Mike Lee, who declared": the relative is the evidence, as in indirect speech
            found.speaker_span = Span.of(coref.text, subject.idx, subject.idx + len(subject.text))
            return
        subject = antecedent
    found.speaker = coref.resolve(subject)
    found.speaker_span = Span.of(coref.text, subject.idx, subject.idx + len(subject.text)) if (
        subject.pos_ == "PRON"
    ) else phrase_span(subject, coref.text)


def _cue(found: Found, verb: Token, coref: Coref, subject: Token | None = None) -> None:
    doc = coref.doc
    if verb.lower_ == "according" and verb.i + 1 < len(doc):
        found.cue, found.cue_span = coref.text[verb.idx : doc[verb.i + 1].idx + 2], token_span(
            coref.text, verb, doc[verb.i + 1]
        )
    else:
        found.cue, found.cue_span = verb.text, token_span(coref.text, verb, verb)
    found.cue_token = verb.i
    subject = subject or subject_of(verb)
    if subject is None or coref.inside[subject.i]:
        subject = _adjacent_name(verb, coref) or _subject_before(verb, coref)
    _speaker(found, subject, coref)
    found.via = via_of(verb, coref, found.speaker)


def _subject_before(verb: Token, coref: Coref) -> Token | None:
    """ "Clinton seemed ready to riff on it, telling the crowd, "..."": when the parser hangs the cue inside the
    quotation, the speaker is the subject of the nearest clause before the cue, outside the marks."""
    doc = coref.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - MAX_CONTEXT_TOKENS) - 1, -1):
        t = doc[i]
        if is_break(t):
            return None  # not across a paragraph break the parser ran a sentence over
        if coref.inside[i] or t.pos_ not in VERB_POS or t.dep_ in ("aux", "auxpass"):
            continue
        subject = subject_of(t)
        if subject is not None and not coref.inside[subject.i]:
            return subject
    return None


MAX_APPOSITION_TOKENS = 12  # "Col. Steven H. Warren, a military spokesman in Baghdad, said"
MAX_NAME_TOKENS = 5  # "James B. Comey Jr." before the comma of its apposition
# How many tokens past max_trailing_cue_tokens a cue may stand when all before it is one long subject with no verb
# ("nuclear experts David Albright and Serena Kelleher-Vergantini of Washington's Institute for Science and ...").
LONG_SUBJECT_TOKENS = 12


def _name_before_apposition(doc: Doc, comma: int, sent_start: int) -> Token | None:
    """ "NAME, a description, said": the name before the comma that opens the description."""
    for i in range(comma - 1, max(sent_start, comma - MAX_APPOSITION_TOKENS) - 1, -1):
        if doc[i].text == ",":
            if i > sent_start and doc[i - 1].pos_ == "PROPN":
                t = doc[i - 1]
                while t.dep_ in ("compound", "flat") and t.head.i != t.i and abs(t.head.i - t.i) <= 3:
                    t = t.head
                return t
            return None
    return None


def _adjacent_name(verb: Token, coref: Coref) -> Token | None:
    """When the parse gives no subject ("Viguerie notes." tagged as a noun): the name right beside the cue."""
    doc = coref.doc
    before = verb.i - 1
    while before > 0 and doc[before].pos_ == "ADV":
        before -= 1  # "Ferdie Pacheco once said"
    if before > 0 and doc[before].text == "," and doc[before - 1].dep_ == "appos":
        before -= 1  # "her senior policy adviser, Jake Sullivan, said": the parser hung the name on a noun before
    elif before > 0 and doc[before].text == ",":
        named = _name_before_apposition(doc, before, verb.sent.start)
        if named is not None and not coref.inside[named.i]:
            return named
    for i in (before, verb.i + 1, verb.i + 2):
        if 0 <= i < len(doc) and not coref.inside[i] and (
            doc[i].pos_ in ("PROPN", "PRON") or (i > verb.i and coref.index.at_token(doc[i]))
        ):  # ("said Skelly," with the name tagged as an adverb: a mention of an entity all the same)
            t = doc[i]
            while t.dep_ in ("compound", "flat") and t.head.i != t.i and abs(t.head.i - t.i) <= 3:
                t = t.head
            return t
    return _inverted_name(verb, coref)


MAX_TITLE_TOKENS = 5  # "said Oversight ranking Democrat Elijah Cummings": title words before the name


def _inverted_name(verb: Token, coref: Coref) -> Token | None:
    """ "...," said Oversight ranking Democrat Elijah Cummings: after an inverted cue, the name that follows its
    title words, which the parser may have read as a clause of their own."""
    doc = coref.doc
    for i in range(verb.i + 1, min(len(doc), verb.i + 1 + MAX_TITLE_TOKENS)):
        t = doc[i]
        if coref.inside[i] or t.is_punct or t.is_space or t.pos_ in ("ADP", "PRON", "AUX", "SCONJ", "CCONJ"):
            return None
        if t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "DATE", "TIME"):
            while t.dep_ in ("compound", "flat") and 0 < t.head.i - t.i <= 3:
                t = t.head
            return t
    return None


def _according(tokens: list[Token]) -> tuple[Token | None, Token | None]:
    """ "According to the newspaper, "..."": the according-to phrase before a quotation."""
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return t, objs[0]
    return None, None


def _trailing_cue(fr: _Frame, text: str, m: Marked, coref: Coref, settings: QuoteSettings) -> Token | None:
    """ "...," said X / "...," X told reporters: a reporting verb just after the closing mark."""
    if not fr.right:
        return None
    inner_end = text[m.start : m.end].rstrip().rstrip("’'\"”»").rstrip()[-1:]  # past a nested quotation's mark
    after = fr.right[0]
    joined = inner_end in CONTINUING or after.text in (",", "(") or after.text[:1].islower()
    short_sentence = len(fr.right) <= 6
    if not (joined or short_sentence):
        return _bare_trailing_cue(fr, coref)
    limit = settings.max_trailing_cue_tokens if joined else 8
    lex = coref.lex
    tokens = _without_apposition(fr.right)
    for n, t in enumerate(tokens[: limit + LONG_SUBJECT_TOKENS]):
        if n >= limit and (not joined or any(x.pos_ in VERB_POS for x in tokens[:n])):
            return None  # past the limit only through a long subject ("experts X and Y of Z's Institute ... wrote")
        if lex.lemma(t) in lex.speech_verbs and (t.pos_ in VERB_POS or _mistagged_verb(t)):
            if not joined and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ":":
                return None  # "''We are not terrorists.'' Mr. Zahed said: ''...''": the cue opens the next one
            return t
        if t.pos_ == "VERB" and t.dep_ not in ("aux", "auxpass", "amod"):
            subject = subject_of(t)
            if joined and n <= 6 and inner_end == "," and subject is not None and subject.lower_ not in THINGS:
                return t  # "...," the judge exclaimed: any verb right after a comma-ended quotation
            if not joined:
                return None
    return None


def _without_apposition(tokens: list[Token]) -> list[Token]:
    """ "...," James B. Comey Jr., the director of the Federal Bureau of Investigation, said: the tokens after a
    quotation without the description set off by commas after a name (however many commas it holds: "Cecelia
    Purner, 67, a retired clerk in Allentown, Pa., said"), so a long one does not hide the cue."""
    for k, t in enumerate(tokens[:MAX_NAME_TOKENS + 1]):
        if t.text != ",":
            continue
        if k == 0 or tokens[k - 1].pos_ != "PROPN":
            return tokens
        for j in range(k + 1, min(len(tokens) - 1, k + 1 + MAX_APPOSITION_TOKENS + 8)):
            if tokens[j].text in SENTENCE_FINAL:
                return tokens
            after = tokens[j + 1]
            if tokens[j].text == "," and (
                after.pos_ in VERB_POS or (after.pos_ == "ADV" and j + 2 < len(tokens) and tokens[j + 2].pos_ in VERB_POS)
            ):
                return tokens[:k] + tokens[j + 1 :]
        return tokens
    return tokens


def _bare_trailing_cue(fr: _Frame, coref: Coref) -> Token | None:
    """ "... un-American. -H" Clinton tweeted, quoting ...": a name and a cue right after the marks, with no
    content of its own (else it opens a new sentence: "He said it was ...")."""
    for n, t in enumerate(fr.right[:4]):
        if is_cue(t, coref.lex):
            if n and not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > t.i for c in t.children):
                return t  # (the quotation before it is often parsed as its ccomp: no content of its own after)
            return None
        if t.pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
            return None
    return None


def _mistagged_verb(t: Token) -> bool:
    """ "Viguerie notes." tagged as a noun: a name, then the word, then the end of the clause."""
    doc = t.doc
    return (
        t.pos_ in ("NOUN", "PROPN") and t.i > 0 and doc[t.i - 1].pos_ in ("PROPN", "PRON")
        and (t.i + 1 >= len(doc) or doc[t.i + 1].is_punct)
    )


def _dash_name(tokens: list[Token]) -> Token | None:
    """ "POLLS NOT WRONG, JUST EARLY - Mark Blumenthal:": in a digest, the name after the dash is the source."""
    dashes = [  # a spaced dash, not the hyphen of "(R-S.C.)"
        k for k, t in enumerate(tokens)
        if t.text in ("-", "–", "—", "--") and (t.whitespace_ or t.text != "-") and (t.i == 0 or t.doc[t.i - 1].whitespace_)
    ]
    if not dashes:
        return None
    after = tokens[dashes[-1] + 1 :]
    if not 1 <= len(after) <= 6 or any(not _name_word(t) and t.pos_ != "CCONJ" and t.text != "." for t in after):
        return None
    names = [t for t in after if _name_word(t)]
    if not names:
        return None
    name = names[0]
    while name.head.i != name.i and name.head in after and name.dep_ in ("compound", "flat"):
        name = name.head
    return name


def _name_word(t: Token) -> bool:
    """A word of a name: a proper noun, or a capitalised noun the tagger took for common ("Pew Research")."""
    return t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper())


def _headline_name(tokens: list[Token]) -> Token | None:
    """ "CNN President On Trump: "..."": a headline's name before "on", "to" or "about" is who spoke."""
    for k, t in enumerate(tokens[:6]):
        if t.lower_ in ("on", "to", "about", "at") and k > 0:
            head = tokens[k - 1]
            return head if all(x.pos_ in ("PROPN", "NOUN") for x in tokens[:k]) else None
    return None


def _introducer(tokens: list[Token]) -> Token | None:
    """The verb of the clause that introduces a colon: the main clause's verb nearest the colon, or a verb the
    parser hung on the quotation after it ("As Professor Foner put it: "..."", "Hillary shot back, "..."")."""
    best = None
    end = tokens[-1].i if tokens else -1
    for t in tokens:
        if t.pos_ in VERB_POS and (
            t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT")
            or (t.head.i > end + 1 and t.dep_ in ("advcl", "ccomp", "parataxis") and subject_of(t) is not None
                and not any(c.dep_ == "mark" and c.lower_ != "as" for c in t.children))  # not "Unless X quit, "
        ):
            best = t
    return best


def _leading_cue(fr: _Frame, coref: Coref) -> tuple[Token | None, Token | None]:
    """X said: "..." / X told the crowd, "..." / X said "...": the cue and its subject before the quote."""
    left = fr.left
    if not left:
        return None, None
    last = ":" if left[-1].text.endswith(":") else left[-1].text  # (spaCy keeps "(R-S.C.):" 's "):" whole)
    if last == ":":
        name = _dash_name(left[:-1])
        if name is not None:
            return None, name  # "Pollsters agree - Carl Bialik:": the name after the dash, not the pollsters
    if last in (":", ","):
        according, source = _according(left)
        if according is not None:
            return according, source
        for t in reversed(left[:-1]):
            if is_cue(t, coref.lex):
                return t, subject_of(t)
    if last == ":":
        verb = _introducer(left[:-1])
        if verb is None:
            nouns = [t for t in left[:-1] if t.pos_ in ("PROPN", "NOUN", "PRON")]
            if len(left) > 2 and left[0].lower_ == "here" and left[1].lower_ in ("is", "’s", "'s") and nouns:
                return None, nouns[0]  # "Here's Clinton in December 1992:": who, not when
            return None, _headline_name(left[:-1]) or _short_label_name(left[:-1]) or (nouns[-1] if nouns else None)
        return verb, subject_of(verb)
    if last == ",":
        verb = _introducer(left[:-1])
        if verb is not None and (verb.i >= left[-1].i - 3 or _as_clause(verb)):
            return verb, subject_of(verb)  # "Hillary shot back, "..."", "As the Rainmakers sang in the 1980s, "...""
        return None, None
    doc = coref.doc
    heads = {doc[i].head for i in range(fr.first, fr.last + 1) if not fr.first <= doc[i].head.i <= fr.last}
    for h in heads:
        if h.i < fr.first and is_cue(h, coref.lex):
            return h, subject_of(h)
    return None, None


def _as_clause(verb: Token) -> bool:
    """ "As X put it," / "As the Rainmakers sang back in the 1980s,": a clause that says whose words follow."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _previous_colon(doc: Doc, fr: _Frame, m: Marked) -> tuple[Token | None, Token | None]:
    """ "Caddell continued:" then the quotation in the next paragraph."""
    i = fr.first - 1
    while i >= 0 and (doc[i].is_space or doc[i].idx == m.open_mark or doc[i].text in ("*", "_")):
        i -= 1
    if i < 0 or not doc[i].text.endswith(":"):
        return None, None  # (spaCy keeps "(R-Texas):" 's "):" as one token)
    j = i - 1
    tokens: list[Token] = []
    while j >= 0 and not is_break(doc[j]) and doc[j].text not in SENTENCE_FINAL and len(tokens) < 60:
        tokens.append(doc[j])
        j -= 1
    tokens.reverse()
    verb = _introducer(tokens)
    if verb is None:
        return None, _short_label_name(tokens)
    return verb, subject_of(verb)


SHORT_INTRO_TOKENS = 8  # "Stated Stone:", "Sen. Ted Cruz (R-Texas):": a paragraph that only names who speaks next


def _short_label_name(tokens: list[Token]) -> Token | None:
    """The last name outside brackets in a short paragraph that introduces the quotation after it."""
    if not tokens or len(tokens) > SHORT_INTRO_TOKENS:
        return None
    depth, names = 0, []
    for t in tokens:
        depth += t.text == "("
        depth -= t.text.startswith(")")
        if depth == 0 and t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "DATE", "TIME"):
            names.append(t)
    return names[-1] if names else None


def _governing_cue(doc: Doc, fr: _Frame, inside: list[bool], coref: Coref) -> Token | None:
    """The reporting verb whose clause holds a quoted fragment ("stated that it had neither "the means..."")."""
    for i in range(fr.first, fr.last + 1):
        t = doc[i]
        if fr.first <= t.head.i <= fr.last:
            continue
        a = t.head
        for depth in range(8):
            if not inside[a.i] and (is_cue(a, coref.lex) or (depth < 2 and _names(a, fr, coref))):
                return a
            if a.head.i == a.i:
                break
            a = a.head
    return None


NAMING = frozenset({"call", "describe", "label", "dub", "brand", "term"})


def _names(verb: Token, fr: _Frame, coref: Coref) -> bool:
    """ "called Trump "unhinged"": an evaluation given as a quotation; not "calls a "special operation"" (naming)."""
    if verb.lemma_.lower() not in NAMING or verb.pos_ != "VERB":
        return False
    before = coref.doc[fr.first - 1] if fr.first > 0 else None
    while before is not None and before.text in QUOTE_MARKS and before.i > 0:
        before = coref.doc[before.i - 1]
    return before is None or before.pos_ != "DET"


def _nearest_subject_verb(doc: Doc, fr: _Frame) -> Token | None:
    """For a long fragment with no reporting verb: the verb of the clause around it ("called it "..."")."""
    for i in range(fr.first, fr.last + 1):
        t = doc[i]
        if fr.first <= t.head.i <= fr.last:
            continue
        a = t.head
        for _ in range(6):
            if a.pos_ in VERB_POS and subject_of(a) is not None:
                return a
            if a.head.i == a.i:
                break
            a = a.head
    return None


TITLE_MAX_WORDS = 6  # "Fareed Zakaria GPS", "Sunday Morning Futures", "The Nightly Show with Larry Wilmore"
TITLE_LEAD = frozenset({"on", "’s", "'s", "'", "’"})  # "on "This Week"", "ABC's "Good Morning America""
SMALL_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "with", "&"})


def _is_title(doc: Doc, fr: _Frame, m: Marked, words: int) -> bool:
    """A few words in title case right after "on" or a possessive ("on "This Week,"", "ABC's "Good Morning
    America"", "Fox News' "Sunday Morning Futures"") name a show, a book or a film."""
    if not 0 < words <= TITLE_MAX_WORDS:
        return False
    i = fr.first - 1
    while i >= 0 and (doc[i].is_space or doc[i].idx >= m.open_mark or doc[i].text in ("''", "``", "\"", "“")):
        i -= 1  # the opening mark, however tokenized; a lone apostrophe before it is a possessive ("News'")
    if i < 0 or doc[i].lower_ not in TITLE_LEAD:
        return False
    inner = [doc[i] for i in range(fr.first, fr.last + 1) if doc[i].is_alpha]
    return all(t.text[:1].isupper() or t.lower_ in SMALL_WORDS for t in inner) and inner[0].text[:1].isupper()


def _runs_on(doc: Doc, previous: Found | None, m: Marked, settings: QuoteSettings) -> bool:
    """A quotation with no cue of its own continues the attributed one before it in the same paragraph."""
    if previous is None or previous.speaker_span is None or m.open_mark - previous.end > settings.carry_max_chars:
        return False
    between = doc.char_span(previous.end, m.open_mark, alignment_mode="expand")
    return between is not None and not any(is_break(t) for t in between)


def attribute_marked(
    doc: Doc, marked: list[Marked], coref: Coref, settings: QuoteSettings
) -> list[Found]:
    """Speaker, cue and kind for every quotation in marks; scare quotes are left out."""
    text = coref.text
    inside = coref.inside
    out: list[Found] = []
    previous: Found | None = None
    for m in marked:
        fr = _frame(doc, m, inside)
        if fr is None:
            continue
        content = text[m.start : m.end]
        words = sum(1 for i in range(fr.first, fr.last + 1) if doc[i].is_alpha)
        left_text = text[fr.left[0].idx : m.open_mark].strip() if fr.left else ""
        starts_sentence = (
            not left_text
            or left_text.endswith(":")
            or (left_text.endswith(",") and content[:1].isupper())
        )
        found = Found(m.start, m.end, QuoteKind.DIRECT)
        if _is_title(doc, fr, m, words):
            continue  # "told NBC's "Meet the Press."": the name of a show, a book or a film, not words said
        if starts_sentence:
            verb = _trailing_cue(fr, text, m, coref, settings)
            if verb is not None:
                _cue(found, verb, coref)
            else:
                verb, subject = _leading_cue(fr, coref)
                if verb is None and subject is None and not fr.left:
                    verb, subject = _previous_colon(doc, fr, m)
                if verb is not None:
                    _cue(found, verb, coref, subject)
                elif subject is not None:
                    _speaker(found, subject, coref)
            if found.speaker_span is None and previous is not None and previous.speaker_span is not None:
                ends = content.rstrip("”’\"' ")[-1:] in (".", "?", "!", "…")
                if m.open_mark - previous.end <= settings.carry_max_chars and (
                    (not fr.left and (not fr.right or ends)) or (found.cue is None and _runs_on(doc, previous, m, settings))
                ):
                    found.speaker, found.speaker_span = previous.speaker, previous.speaker_span
                    found.via, found.carried_from = previous.via, previous.end
            has_verb = any(doc[i].pos_ in VERB_POS for i in range(fr.first, fr.last + 1))
            if found.speaker_span is None and found.cue is None and (words <= settings.scare_max_words or not has_verb):
                continue  # a title or a scare quote standing alone
        else:
            verb = _governing_cue(doc, fr, inside, coref)
            subject = None
            if verb is None:
                verb, subject = _leading_cue(fr, coref)
            if verb is not None:
                found.kind = QuoteKind.PARTIAL if words > 0 and not content[:1].isupper() else QuoteKind.DIRECT
                _cue(found, verb, coref, subject)
            elif words <= settings.scare_max_words:
                continue  # a scare quote: no cue, a few words
            else:
                found.kind = QuoteKind.PARTIAL
                clause = _nearest_subject_verb(doc, fr)
                if clause is not None:
                    found.cue = None
                    _speaker(found, subject_of(clause), coref)
                if found.speaker_span is None and _runs_on(doc, previous, m, settings):
                    # "''It's an enormous moment,'' said X. Unless rivals quit, ''it's very difficult ...''"
                    found.speaker, found.speaker_span, found.via = previous.speaker, previous.speaker_span, previous.via
                    found.carried_from = previous.end
        out.append(found)
        previous = found
    return out
