"""Every tunable in one typed object, with the reason for its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    # 50 MB of text is ~8,000 news articles: larger input is a dump or a mistake, not an article.
    max_bytes: int = 20 * 1024 * 1024
    # spaCy's default max_length is 1e6 characters; longer articles are parsed in paragraph chunks.
    max_chars: int = 1_000_000
    # A page whose main text has fewer words is navigation or a stub, not an article. Plain text and JSONL
    # are taken as the user gives them: a one-line article is a valid test input there.
    html_min_words: int = 8
    # Batch size for nlp.pipe: measured on news-length texts, larger batches gave no speed gain.
    batch_size: int = 32
    # spaCy components the extractors never read: disabling them saves ~10% of the parse.
    disabled_components: tuple[str, ...] = ()


DEFAULT = Settings()
