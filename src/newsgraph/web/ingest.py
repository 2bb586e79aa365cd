"""POST /api/ingest (only with --allow-ingest): articles in the JSONL form, stored by the corpus ingest."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.store import Store
from newsgraph.errors import NewsgraphError
from newsgraph.web.settings import WebSettings

FIELDS = ("id", "text", "title", "author", "published", "outlet", "url")


def parse_articles(body: bytes, settings: WebSettings) -> list[dict[str, Any]]:
    """One article object, a list of them, or {"articles": [...]}; each with a non-empty "text"."""
    if len(body) > settings.ingest_max_bytes:
        raise NewsgraphError(f"request over {settings.ingest_max_bytes:,} bytes: use newsgraph ingest")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise NewsgraphError(f"the body is not JSON ({exc})") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not items or len(items) > settings.ingest_max_articles:
        raise NewsgraphError(f"send 1 to {settings.ingest_max_articles} articles")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            raise NewsgraphError(f"article {i}: an object with a non-empty \"text\" is needed")
        bad = [k for k in FIELDS if k in item and item[k] is not None and not isinstance(item[k], str)]
        if bad:
            raise NewsgraphError(f"article {i}: {', '.join(bad)} must be strings")
        out.append({k: item[k] for k in FIELDS if item.get(k) is not None})
    return out


def store_articles(store: Store, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Write the articles to a private temporary JSONL file and ingest it (on the writer thread)."""
    stored: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-web-") as tmp:
        path = Path(tmp) / "posted.jsonl"
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        report = ingest(store, [path], n_process=1, progress=False,
                        on_stored=lambda incoming: stored.append(incoming.document.id))
    return {"seen": report.seen, "stored": report.stored, "unchanged": report.unchanged,
            "replaced": report.replaced, "failed": [f.replace(str(path), "posted") for f in report.failed],
            "documents": stored}
