"""Plain-text articles: an optional title line and byline, then the body."""

from __future__ import annotations

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.read.byline import find_wire, read_head
from newsgraph.read.clean import clean_paragraphs, split_paragraphs


def parse_text(raw: str, source: str | None = None) -> Document:
    paragraphs = split_paragraphs(raw)
    head = read_head(paragraphs)
    body = clean_paragraphs(paragraphs[head.consumed:])
    if not body.strip():
        raise InputError(f"{source or 'input'}: no article text")
    return Document(
        text=body, title=head.title, author=head.author, published=head.published, source=source,
        outlet=find_wire(body),  # plain text carries no site name: a wire dateline is the one clue
    )
