"""Read NewsReader MEANTIME XML (../shared/data/meantime): text rebuilt from tokens, with offsets."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


@dataclass
class MeantimeDoc:
    doc_id: str
    name: str
    url: str
    title: str
    dct: str | None
    text: str  # the body (title and dateline sentences removed)
    token_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # t_id -> body offsets
    root: ET.Element | None = None


def read(path: Path) -> MeantimeDoc:
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    sentences: dict[int, list[ET.Element]] = {}
    for tok in tokens:
        sentences.setdefault(int(tok.get("sentence")), []).append(tok)
    order = sorted(sentences)
    title = _join([t.text or "" for t in sentences[order[0]]])[0]
    body_parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for sid in order[2:]:  # sentence 0 is the title, 1 the dateline
        text, offsets = _join([t.text or "" for t in sentences[sid]])
        if body_parts:
            pos += 1
            body_parts.append(" ")
        for tok, (s, e) in zip(sentences[sid], offsets, strict=True):
            spans[tok.get("t_id")] = (pos + s, pos + e)
        body_parts.append(text)
        pos += len(text)
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
    return MeantimeDoc(
        root.get("doc_id", ""), root.get("doc_name", ""), root.get("url", ""), title,
        _iso(dct), "".join(body_parts), spans, root,
    )


def _iso(value: str | None) -> str | None:
    """The DCT as YYYY-MM-DD; one file writes it MM-DD-YYYY."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value)
    return f"{m[3]}-{m[1]}-{m[2]}" if m else value[:10]


def _join(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    out = ""
    offsets = []
    quote_open = False
    for w in words:
        if w == "``":
            w, quote_open = '"', False
        elif w == "''":
            w, quote_open = '"', True
        space = bool(out)
        if w in NO_SPACE_BEFORE or re.fullmatch(r"'\w*", w):
            space = False
        if out and out[-1] in "($[{":
            space = False
        if w == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif out.endswith('"') and quote_open:
            space = False
        if space:
            out += " "
        offsets.append((len(out), len(out) + len(w)))
        out += w
    return out, offsets
