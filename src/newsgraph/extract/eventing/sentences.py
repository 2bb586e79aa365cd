"""Sentence boundaries and text computed once per doc: spaCy rebuilds Doc.text and rescans for Token.sent
on every call."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.doctext import doc_text


@dataclass(frozen=True, slots=True)
class Sent:
    start: int  # token index
    end: int
    start_char: int
    end_char: int


class Sentences:
    """The sentence of each token, by index."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text_all = doc_text(doc)
        self.sents = [Sent(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        self._of = [0] * len(doc)
        for k, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self._of[i] = k

    def index_of(self, tok: Token) -> int:
        return self._of[tok.i]

    def of(self, tok: Token) -> Sent:
        return self.sents[self._of[tok.i]]

    def text(self, s: Sent) -> str:
        return self.text_all[s.start_char : s.end_char]
