"""HTML pages: trafilatura finds the main text and metadata; htmldate the publication date."""

from __future__ import annotations

import re
import sys

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.read.byline import find_wire, parse_date
from newsgraph.read.clean import clean_paragraphs, split_paragraphs
from newsgraph.settings import DEFAULT, Settings


def parse_html(raw: str, source: str | None = None, settings: Settings = DEFAULT) -> Document:
    import trafilatura  # imported here: plain-text users do not pay for lxml start-up

    name = source or "input"
    _forget_pages_read()
    try:
        result = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, deduplicate=True,
        )
    except Exception as exc:  # trafilatura raises on some malformed trees
        raise InputError(f"{name}: cannot parse HTML ({type(exc).__name__})") from None
    result = result.as_dict() if result is not None else {}
    text = clean_paragraphs(split_paragraphs((result.get("text") or "").replace("\n", "\n\n")))
    if len(text.split()) < settings.html_min_words:
        raise InputError(f"{name}: no article text found in the HTML")
    published = _date(result.get("date")) or _htmldate(raw)
    return Document(
        text=text,
        title=_clean(result.get("title")),
        author=_clean(result.get("author")),
        published=published,
        outlet=_clean(result.get("sitename")) or find_wire(text),
        url=_clean(result.get("url")),
        source=source,
    )


def _forget_pages_read() -> None:
    """Trafilatura's deduplication drops a paragraph seen more than twice in the process, across pages (its cache
    outlives a call): cleared per page, a page reads the same whatever was read before it, so the fourth copy of a
    wire story, or of one page, is not read empty. Boilerplate repeated inside a page is still dropped."""
    dedup = sys.modules.get("trafilatura.deduplication")
    lru = getattr(dedup, "LRU_TEST", None)
    if lru is not None:
        lru.clear()


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _date(value: object) -> str | None:
    return parse_date(value) if isinstance(value, str) and value else None


def _htmldate(raw: str) -> str | None:
    try:
        from htmldate import find_date

        found = find_date(raw, original_date=True, extensive_search=False)
    except Exception:
        return None
    return _date(found)
