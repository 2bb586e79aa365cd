"""Runs the extractors in order over one parse per document; batching and processes live here."""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from newsgraph import nlp as nlp_mod
from newsgraph.batching import chunked
from newsgraph.errors import InputError
from newsgraph.extract.amounts import find_amounts
from newsgraph.extract.entities import find_entities
from newsgraph.extract.events import find_events
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quotes import find_quotes
from newsgraph.extract.times import find_times
from newsgraph.model import Document, Record
from newsgraph.read import document_from_dict, read_text
from newsgraph.read.byline import parse_date
from newsgraph.settings import DEFAULT, Settings

log = logging.getLogger("newsgraph")

Article = str | Document | dict[str, Any]

NO_DCT_WARNING = (
    "no publication date: relative time expressions are left unresolved (XXXX); "
    "give --published YYYY-MM-DD"
)


def build_record(doc: Doc, document: Document) -> Record:
    """All facts of one parsed document. Order matters: later extractors read earlier facts."""
    record = Record(document)
    record.times, warnings = find_times(doc, document.published)
    record.warnings.extend(warnings)
    if document.published is None and not any("XXXX" in w for w in record.warnings):
        record.warnings.append(NO_DCT_WARNING)
    record.amounts = find_amounts(doc)
    record.entities = find_entities(doc)
    index = MentionIndex(record.entities)
    record.quotes = find_quotes(doc, record.entities, index)
    record.events = find_events(doc, record, index)
    return record


def to_document(article: Article, published: str | None = None, name: str = "input") -> Document:
    """Accept what users have at hand: raw text, a Document, or a dict in the JSONL form."""
    if isinstance(article, Document):
        document = article
    elif isinstance(article, dict):
        document = document_from_dict(article, str(article.get("id") or name))
    elif isinstance(article, str):
        document = read_text(article, None)
    else:
        raise InputError(f"{name}: expected text, a dict or a Document, not {type(article).__name__}")
    if published is not None:
        iso = parse_date(published)
        if iso is None:
            raise InputError(f"unreadable publication date {published!r}: use YYYY-MM-DD")
        document.published = iso
    return document


def _check_length(document: Document, settings: Settings) -> None:
    if len(document.text) > settings.max_chars:
        raise InputError(
            f"{document.source or document.id}: {len(document.text):,} characters is over the "
            f"{settings.max_chars:,} a single article may have"
        )


def extract(
    text: Article, published: str | None = None, settings: Settings = DEFAULT, **meta: Any
) -> Record:
    """Extract every fact from one article. ``meta`` may set title, author, outlet, url, source."""
    if isinstance(text, str) and meta:
        document = to_document({"text": text, **meta}, published)
    else:
        document = to_document(text, published)
    _check_length(document, settings)
    doc = nlp_mod.load()(document.text)
    return build_record(doc, document)


def _documents(
    articles: Iterable[Article], published: str | None, on_error: str, settings: Settings
) -> Iterator[Document]:
    for i, article in enumerate(articles):
        try:
            document = to_document(article, published, name=f"article {i}")
            _check_length(document, settings)
        except InputError as exc:
            if on_error == "raise":
                raise
            log.warning("skipped: %s", exc)
            continue
        yield document


def _extract_serial(documents: Iterable[Document], settings: Settings) -> Iterator[Record]:
    nlp = nlp_mod.load()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield build_record(doc, document)


def _worker_chunk(args: tuple[list[Document], Settings]) -> list[Record]:
    documents, settings = args
    return list(_extract_serial(documents, settings))


def extract_many(
    articles: Iterable[Article],
    n_process: int = 1,
    published: str | None = None,
    on_error: str = "raise",
    settings: Settings = DEFAULT,
) -> Iterator[Record]:
    """Stream records in input order. ``on_error='skip'`` logs and skips bad articles."""
    if on_error not in ("raise", "skip"):
        raise ValueError("on_error must be 'raise' or 'skip'")
    documents = _documents(articles, published, on_error, settings)
    if n_process <= 1:
        yield from _extract_serial(documents, settings)
        return
    # Each worker loads the pipeline once and does the whole extraction; chunks keep the
    # pickling cost per article small, and imap keeps input order with bounded memory.
    nlp_mod.load()  # loaded before the fork, so workers share its memory
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(n_process) as pool:
        jobs = ((chunk, settings) for chunk in chunked(documents, settings.batch_size))
        for records in pool.imap(_worker_chunk, jobs):
            yield from records
