"""JSON Lines: one article a line, each line read on its own so one bad line spoils nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.read.byline import parse_date
from newsgraph.read.bytes_in import decode
from newsgraph.read.clean import clean_text
from newsgraph.settings import DEFAULT, Settings

FIELDS = ("id", "title", "author", "published", "outlet", "url")


def document_from_dict(item: dict[str, Any], name: str) -> Document:
    """An article dict (the JSONL form) to a Document, checking what it carries."""
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: no \"text\" field with article text")
    meta = {k: str(item[k]) for k in FIELDS if item.get(k) not in (None, "")}
    if "published" in meta:
        iso = parse_date(meta["published"])
        if iso is None:
            raise InputError(f"{name}: unreadable published date {meta['published']!r}")
        meta["published"] = iso
    body = clean_text(text)
    if not body:
        raise InputError(f"{name}: no article text")
    return Document(text=body, source=item.get("source") or name, **meta)


def parse_jsonl(raw: str, source: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(raw.splitlines(), start=1):
        yield from _parse_line(line, f"{source}:{number}")


def jsonl_lines(path: Path) -> Iterator[tuple[str, bytes] | InputError]:
    """The non-blank raw lines of a JSONL file, a line at a time (a dump of any size in constant memory), each
    with its name "path:line"; or why the file gives none."""
    if not path.is_file():
        yield InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"{path}: cannot read ({exc.strerror})")
        return
    seen_any = False
    with handle:
        for number, data in enumerate(handle, start=1):
            if data.strip():
                seen_any = True
                yield f"{path}:{number}", data
    if not seen_any:
        yield InputError(f"{path}: empty input")


def stream_jsonl(path: Path, settings: Settings = DEFAULT) -> Iterator[Document | InputError]:
    """Read a JSONL file a line at a time; each bad line is reported by file and line number."""
    for item in jsonl_lines(path):
        if isinstance(item, InputError):
            yield item
        else:
            yield from parse_jsonl_line(item[1], item[0], settings)


def parse_jsonl_line(data: bytes, name: str, settings: Settings = DEFAULT) -> Iterator[Document | InputError]:
    """One raw line of a JSONL file: its article, or the error that names it (``name`` is "path:line")."""
    if not data.strip():
        return
    if len(data) > settings.max_bytes:
        yield InputError(f"{name}: line of {len(data) / 1e6:.1f} MB is over the limit")
        return
    try:
        line = decode(data, name)
    except InputError as exc:
        yield exc
        return
    yield from _parse_line(line, name)


def _parse_line(line: str, name: str) -> Iterator[Document | InputError]:
    if not line.strip():
        return
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(f"{name}: malformed JSON ({exc.msg})")
        return
    if not isinstance(item, dict):
        yield InputError(f"{name}: a line must be a JSON object")
        return
    try:
        yield document_from_dict(item, name)
    except InputError as exc:
        yield exc
