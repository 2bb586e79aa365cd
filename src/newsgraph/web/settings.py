"""Every limit of the web app in one typed place, each with why it is what it is."""

from __future__ import annotations

from dataclasses import dataclass

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class WebSettings:
    host: str = "127.0.0.1"  # loopback: the store may hold unpublished research, so no LAN by default
    port: int = 8000
    allow_ingest: bool = False  # no write route unless the person starting the server asks for one
    graph_max_nodes: int = 150  # a hand-written SVG force layout stays readable and fast up to a few hundred
    search_max_hits: int = 50  # one screen of hits; the rest is a narrower query away
    list_max_rows: int = 500  # articles per page of the article list: a page a browser renders at once
    ingest_max_bytes: int = 5_000_000  # one POST: a few hundred articles; more belongs to `newsgraph ingest`
    ingest_max_articles: int = 500  # same bound counted in articles, so one request cannot hold the writer long
    query_max_chars: int = 200  # a search box query; longer is not a search a person types
    cache_entries: int = 256  # rendered API answers kept while the store is unchanged (0: none); a few MB


DEFAULT = WebSettings()
