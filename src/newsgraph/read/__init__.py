"""Readers: bytes in, Documents out. A failure is yielded, not raised, so a batch goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.read.bytes_in import decode, load_bytes
from newsgraph.read.html import parse_html
from newsgraph.read.jsonl import document_from_dict, parse_jsonl, stream_jsonl
from newsgraph.read.text import parse_text
from newsgraph.settings import DEFAULT, Settings

__all__ = ["read_path", "read_text", "document_from_dict", "parse_jsonl"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:4096].lower()


def read_text(raw: str, source: str | None = None, html: bool | None = None) -> Document:
    """One article from a string: HTML when it says so or looks like it, else plain text."""
    if html is None:
        html = _looks_like_html(raw)
    return parse_html(raw, source) if html else parse_text(raw, source)


def read_path(path: str | Path, settings: Settings = DEFAULT) -> Iterator[Document | InputError]:
    """Every document in one file, in order; unreadable ones come out as InputError."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        # Streamed line by line: a dump of any size reads in constant memory.
        yield from stream_jsonl(path, settings)
        return
    try:
        raw = decode(load_bytes(path, settings), name)
    except InputError as exc:
        yield exc
        return
    try:
        yield read_text(raw, name, html=True if suffix in HTML_SUFFIXES else None)
    except InputError as exc:
        yield exc
