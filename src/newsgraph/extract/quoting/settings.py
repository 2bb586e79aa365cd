"""Tunables of quote attribution, each with the reason for its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    # The longest quotation we accept: news quotes run to a long paragraph (~1,500 chars); an unbalanced
    # mark must never swallow the rest of an article.
    max_quote_chars: int = 3000
    # Paragraph breaks a quotation may run across when the text breaks mid-sentence ("in a way that\n\nactually")
    # : one covers extraction artefacts; a real multi-paragraph quote reopens its marks instead.
    max_soft_breaks: int = 1
    # A quoted fragment of at most this many words with no cue is a scare quote ("legitimate"), not speech.
    scare_max_words: int = 4
    # Top-level single quotes (‘...’) longer than this are more likely apostrophes than a quotation.
    max_single_quote_chars: int = 300
    # How many tokens after a quotation a trailing cue may stand ("...," the minister told reporters on Friday).
    max_trailing_cue_tokens: int = 12
    # How far back (in sentences) a pronoun or description looks for its entity: news pronouns point at
    # someone named within the last few sentences; further back, a wrong guess is more likely than a right one.
    coref_max_sentences: int = 6
    # An unattributed quotation takes the speaker of the quotation before it when they are at most this many
    # characters apart (the same or the next paragraph), the convention of quotes that run on.
    carry_max_chars: int = 700
    # How many unlabelled paragraphs may continue a transcript's turn ("TAPPER: ..." then more of his words): a long
    # answer runs on for a few; past that, the article's own prose has more likely resumed.
    transcript_max_continued: int = 3


DEFAULT_QUOTES = QuoteSettings()
