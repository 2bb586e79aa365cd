"""Title, author and date from the head of a plain-text article ("Clara Weiss 10 July 2023")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})(st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
]
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|al|bin|la|le|da|di))*"
# A wire dateline opening the body: "HAVANA (AP) --", "CANBERRA, Australia (AP)_", "MOSCOW, May 2 (Reuters) -".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s[\w.]+){0,2})?\s*"
    r"\((?P<outlet>[A-Z][\w&.]*(?:\s[A-Z][\w&.]*){0,3})\)\s*(?:--|[-—–_:])"
)
_BY = re.compile(r"^(?:[Bb]y\s+)?(?P<name>" + _NAME + r"(?:\s+(?:and|&)\s+" + _NAME + r")?)\s*[,|·—–-]?\s*$")


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date in text as (ISO date, start, end), or None."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        month = int(m["mnum"]) if "mnum" in pattern.groupindex else MONTHS[m["month"].lower()]
        try:
            day = dt.date(int(m["year"]), month, int(m["day"]))
        except ValueError:
            continue
        return day.isoformat(), m.start(), m.end()
    return None


def parse_date(value: str) -> str | None:
    """An ISO date from a user or metadata string, or None when it is not a full date."""
    value = value.strip()
    found = find_date(value)
    if found and (found[1], found[2]) == (0, len(value)):
        return found[0]
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ].*", value)
    return parse_date(m.group(1)) if m else None


@dataclass(slots=True)
class Head:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    consumed: int = 0  # how many leading paragraphs were head, not body


def _looks_like_title(line: str) -> bool:
    return 0 < len(line) <= 200 and not line.endswith((".", '"', "”")) and len(line.split()) <= 30


def _byline(line: str) -> tuple[str | None, str | None] | None:
    """(author, date) when the line is a byline: a short name and/or a date, nothing else."""
    if len(line) > 120:
        return None
    date = find_date(line)
    rest = line
    if date:
        rest = (line[: date[1]] + " " + line[date[2]:]).strip(" ,|·—–-")
    rest = re.sub(r"^(published|updated|posted)\s*(on)?\s*:?\s*", "", rest, flags=re.I).strip()
    if not rest:
        return (None, date[0]) if date else None
    m = _BY.match(rest)
    if m and (date or rest.lower().startswith("by ")) and len(rest.split()) <= 8:
        return m["name"], date[0] if date else None
    return None


def read_head(paragraphs: list[str]) -> Head:
    """Recognise a title line and a byline at the top of a plain-text article."""
    head = Head()
    i = 0
    if len(paragraphs) > 1 and _looks_like_title(paragraphs[0]) and _byline(paragraphs[0]) is None:
        head.title = paragraphs[0]
        i = 1
    for j in range(i, min(i + 2, len(paragraphs))):
        found = _byline(paragraphs[j])
        if found is None:
            break
        author, date = found
        head.author = head.author or author
        head.published = head.published or date
        i = j + 1
    head.consumed = i if (head.author or head.published or head.title) else 0
    return head


def find_wire(body: str) -> str | None:
    """The agency of a wire dateline at the start of the body ("WASHINGTON (Reuters) -" -> "Reuters")."""
    m = _DATELINE.match(body)
    if m is None:
        return None
    lead = m.group(0).split("(")[0].split(",")[0].strip()
    initials = "".join(w[0] for w in re.split(r"[\s-]+", m["outlet"]) if w)
    return None if initials.upper() == lead.replace(".", "") else m["outlet"]  # "NATO (North Atlantic ...)"
