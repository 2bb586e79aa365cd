"""Headlines in title case: "Hillary Clinton Slams Donald Trump On Abortion". The tagger reads such verbs as
names, so the cue is found by its form: a verb of saying in the present ("Slams", "Says") after a name."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.coref import Coref
from newsgraph.extract.quoting.direct import Found
from newsgraph.extract.quoting.lexicon import Lexicon
from newsgraph.extract.quoting.syntax import token_span
from newsgraph.model import QuoteKind, Span

# A title-case line is short; a longer line is running text whose capitals mean names.
MIN_LINE_TOKENS, MAX_LINE_TOKENS = 3, 25
MIN_LINE_CHARS, MAX_LINE_CHARS = 10, 200  # the same bounds in characters, to skip lines before tokenizing
NEWLINE = re.compile(r"\n")
LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# Share of the longer words that start with a capital for a line to count as title case.
TITLE_SHARE = 0.7
# Words that open a headline but are no part of its source ("Another GOP Figure Endorses ...").
OPENERS = frozenset({"another", "exclusive", "watch", "breaking", "video", "report", "update"})
MAX_SOURCE_TOKENS = 6  # "Former Secretary of State Hillary Clinton" at most
# A source phrase with these is no speaker but a noun phrase: "Why Hillary Clinton's Attacks Could Backfire".
NOT_SOURCE = frozenset({"why", "how", "what", "when", "where", "'s", "’s", "the"})


def _lines(doc: Doc, text: str) -> list[list[Token]]:
    """The document's short title-case lines as tokens, found on the text first (no pass over every token)."""
    out: list[list[Token]] = []
    start = 0
    for end in [m.start() for m in NEWLINE.finditer(text)] + [len(text)]:
        line = text[start:end]
        if MIN_LINE_CHARS <= len(line.strip()) <= MAX_LINE_CHARS and _title_case(line):
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None:
                out.append([t for t in span if not t.is_space])
        start = end + 1
    return out


def _title_case(line: str) -> bool:
    """Most longer words capitalised: a headline, not a sentence."""
    words = LONG_WORD.findall(line)
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_SHARE * len(words)


def _cue_lemma(token: Token, lex: Lexicon) -> str | None:
    """ "Slams" -> "slam": a headline verb (present, third person) that reports speech."""
    low = token.lower_
    if not token.text[:1].isupper() or not low.endswith("s") or len(low) < 4:
        return None
    for stem in (low[:-1], low[:-2] if low.endswith("es") else None):
        if stem and (stem in lex.speech_verbs or stem in lex.object_verbs or stem in lex.naming_verbs):
            return stem
    return None


def find_headlines(doc: Doc, coref: Coref, used: set[int]) -> list[Found]:
    """Every title-case line "Source Verbs Content", the source being a named person or body."""
    lex, text = coref.lex, coref.text
    out: list[Found] = []
    for line in _lines(doc, text):
        if not MIN_LINE_TOKENS <= len(line) <= MAX_LINE_TOKENS:
            continue
        for k, t in enumerate(line[1:], 1):
            if t.i in used or coref.inside[t.i] or _cue_lemma(t, lex) is None:
                continue
            source = [x for x in line[:k] if not x.is_punct]
            while source and source[0].lower_ in OPENERS:
                source = source[1:]
            content = line[k + 1 :]
            while content and content[-1].is_punct:
                content = content[:-1]
            if not source or len(source) > MAX_SOURCE_TOKENS or len(content) < 2:
                break
            if any(x.lower_ in NOT_SOURCE for x in source):
                break
            if not any(x.pos_ == "PROPN" or x.ent_type_ for x in source) or any(coref.inside[x.i] for x in content):
                break
            found = Found(content[0].idx, content[-1].idx + len(content[-1].text), QuoteKind.INDIRECT)
            found.cue, found.cue_span, found.cue_token = t.text, token_span(text, t, t), t.i
            found.speaker_span = Span.of(text, source[0].idx, source[-1].idx + len(source[-1].text))
            found.speaker = next((e for e in (coref.resolve(x) for x in reversed(source)) if e), None)
            out.append(found)
            break
    return out
