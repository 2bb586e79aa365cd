"""Query answers on a terminal: an aligned table, JSON, or CSV."""

from __future__ import annotations

import csv
import json
from enum import Enum
from typing import Any, TextIO

# A table cell longer than this is cut: a terminal line should stay readable.
MAX_CELL = 60


class OutputFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _cell(value: Any, limit: int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = ", ".join(_cell(v, None) for v in value)
    elif isinstance(value, bool):
        text = "yes" if value else ""
    else:
        text = str(value)
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def write_rows(rows: list[dict[str, Any]], fmt: OutputFormat, out: TextIO, columns: list[str] | None = None) -> None:
    """Rows of one shape, in the format asked for."""
    columns = columns or (list(rows[0]) if rows else [])
    if fmt is OutputFormat.JSON:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt is OutputFormat.CSV:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c), None) for c in columns])
    else:
        write_table(rows, columns, out)


def write_table(rows: list[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    if not rows:
        out.write("(nothing)\n")
        return
    cells = [[_cell(row.get(c), MAX_CELL) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def write_actor(profile: dict[str, Any], fmt: OutputFormat, out: TextIO) -> None:
    """One actor's profile: JSON as it is; a table or CSV as sections of rows."""
    if fmt is OutputFormat.JSON:
        json.dump(profile, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    flat: list[dict[str, Any]] = []
    for r in profile["roles"]:
        flat.append({"section": "role", "date": r["date"], "what": r["title"], "who": r["of"],
                     "document": r["document"]})
    for q in profile["quotes"]:
        flat.append({"section": "quote", "date": q["date"], "what": q["text"], "who": q["outlet"],
                     "document": q["document"]})
    for e in profile["events"]:
        flat.append({"section": "event", "date": e["date"] or e["first_reported"], "what": e["type"],
                     "who": e["actors"] + e["targets"], "document": e["event"]})
    for section in ("with", "against"):
        for p in profile[section]:
            flat.append({"section": section, "date": None, "what": f"{p['events']} event(s)", "who": p["name"],
                         "document": p["actor"]})
    columns = ["section", "date", "what", "who", "document"]
    if fmt is OutputFormat.CSV:
        write_rows(flat, fmt, out, columns)
        return
    aliases = ", ".join(profile["aliases"]) or "-"
    out.write(f"{profile['name']} ({profile['type']}, {profile['id']}), in {profile['documents']} document(s)\n")
    out.write(f"also: {aliases}\n\n")
    write_table(flat, columns, out)
