"""Name keys: the forms under which two surface names count as the same name."""

from __future__ import annotations

import re
import unicodedata

_HONORIFICS = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady sen rep gov gen col capt lt sgt st".split()
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NON_WORD = re.compile(r"[^\w\s-]")


def fold(text: str) -> str:
    """Lower case without diacritics: "Libération" and "Liberation" are one name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


def name_key(text: str) -> str:
    """The comparable form of a name: no article, possessive, honorific, punctuation or case."""
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), fold(text).strip())  # "U.S." -> "us"
    words = _NON_WORD.sub(" ", _POSSESSIVE.sub("", folded)).split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    while len(words) > 1 and words[0].rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def acronym(key: str) -> str:
    """Initials of the capitalised words of a name key ("north atlantic treaty organization" -> "nato")."""
    skip = {"of", "the", "and", "for", "in", "on", "de", "du", "la"}
    return "".join(w[0] for w in key.split() if w not in skip)
