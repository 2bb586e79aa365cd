"""Turn an article's raw text into the clean main text every offset indexes.

Markdown emphasis and escapes, page furniture, and paragraph breaks that cut a sentence in two
are artefacts of how the article was saved, not of what it says: they go before parsing.
"""

from __future__ import annotations

import re

# Lines that are site furniture, never article text (checked on a whole stripped line).
_FURNITURE = re.compile(
    r"""^(
        to\ contact\b.*
      | subscribe(\ now|\ to\ .*)?[.!]?
      | sign\ up\b.*
      | (first\ )?published(\ on)?\b.{0,40}
      | (last\ )?updated\b.{0,40}
      | share(\ this(\ article)?)?[:.]?
      | advertisement
      | read\ more[:.]?.*
      | related(\ articles?)?:?
      | (follow\ us|click\ here)\b.*
      | ([\w-]+\.)+(org|com|net|co\.uk|info)(/\S*)?
      | https?://\S+
      | (©|\(c\)|copyright)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\$*_`#\[\]().!-])")
_SPACES = re.compile(r"[ \t\u00a0]+")
# A paragraph that ends without closing punctuation, followed by one that starts in lower case,
# is one sentence cut by a stray break ("in a way that\n\nactually looks like").
_TERMINAL = tuple('.!?:;"”’)]…')


def strip_markup(line: str) -> str:
    """Remove markdown emphasis and backslash escapes, keeping the words."""
    line = _EMPHASIS.sub(r"\2", line)
    line = _ESCAPE.sub(r"\1", line)
    return _SPACES.sub(" ", line).strip()


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line.strip()))


def join_paragraphs(paragraphs: list[str]) -> list[str]:
    """Merge paragraphs that a stray break split mid-sentence."""
    out: list[str] = []
    for para in paragraphs:
        if out and not out[-1].endswith(_TERMINAL) and para[:1].islower():
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
    return out


def split_paragraphs(raw: str) -> list[str]:
    """Paragraphs are separated by blank lines; single newlines inside one are soft wraps."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [strip_markup(x) for x in block.split("\n")]
        lines = [x for x in lines if x]
        if not lines:
            continue
        # A block of several short lines (a list, a footer) keeps its lines as paragraphs.
        if len(lines) > 1 and all(len(x) < 60 for x in lines):
            paragraphs.extend(lines)
        else:
            paragraphs.append(" ".join(lines))
    return paragraphs


def clean_paragraphs(paragraphs: list[str]) -> str:
    """Drop furniture, mend broken sentences, and join paragraphs with blank lines."""
    kept = [p for p in paragraphs if not is_furniture(p)]
    return "\n\n".join(join_paragraphs(kept))


def clean_text(raw: str) -> str:
    return clean_paragraphs(split_paragraphs(raw))
