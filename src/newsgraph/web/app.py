"""The FastAPI app: one HTML shell for every view, a JSON API behind each, static files from the package."""


import asyncio
import json
from collections.abc import Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from newsgraph.errors import NewsgraphError
from newsgraph.web import queries as wq
from newsgraph.web.cache import ResponseCache
from newsgraph.web.db import Stores, check_db
from newsgraph.web.ingest import parse_articles, store_articles
from newsgraph.web.security import SecurityMiddleware
from newsgraph.web.settings import DEFAULT, LOOPBACK, WebSettings


def render_json(content: Any) -> bytes:
    """JSON with <, > and & as \\u escapes: article text stays inert even if a browser sniffs it as HTML."""
    text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode("utf-8")


class SafeJSONResponse(JSONResponse):
    """Every JSON answer, errors included, rendered by render_json."""

    def render(self, content: Any) -> bytes:
        return render_json(content)


STATIC = Path(str(resources.files("newsgraph.web").joinpath("static")))
PAGES = ["/", "/timeline", "/graph", "/articles", "/disputes", "/search", "/docs",
         "/actors/{actor_id}", "/articles/{doc_id}", "/events/{event_id}"]

DESCRIPTION = """The JSON API of `newsgraph serve`: every view of the web app reads these routes.
Ids are those of the corpus store (`newsgraph export`). Article text is returned as it is stored:
clients must render it as text, never as markup."""


def create_app(db: str | Path, settings: WebSettings = DEFAULT) -> FastAPI:
    """The web app over one corpus database; read-only unless settings.allow_ingest."""
    path = check_db(db)
    stores = Stores(path, writable=settings.allow_ingest)
    shell = (STATIC / "index.html").read_bytes()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # noqa: ANN202
        yield
        stores.close()

    app = FastAPI(title="newsgraph", version="1", description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", lifespan=lifespan,
                  default_response_class=SafeJSONResponse)
    app.state.stores = stores
    app.state.settings = settings

    @app.exception_handler(NewsgraphError)
    async def _error(_request: Request, exc: NewsgraphError) -> JSONResponse:
        status = 404 if isinstance(exc, wq.NotFound) else 400
        return SafeJSONResponse({"detail": str(exc)}, status_code=status)

    def page() -> Response:
        return Response(shell, media_type="text/html; charset=utf-8", headers={"cache-control": "no-cache"})

    for route in PAGES:
        app.add_api_route(route, page, methods=["GET"], include_in_schema=False, response_class=Response)

    def store():  # noqa: ANN202
        return stores.reader()

    cache = ResponseCache(path, settings.cache_entries)
    app.state.cache = cache

    async def answer(key: tuple, make: Callable[[], Any]) -> Response:
        """The rendered answer: from the cache on the event loop while the store is unchanged, else made by a
        worker thread (SQLite reads block); never a pydantic pass over the rows."""
        body = cache.peek(key)
        if body is None:
            body = await run_in_threadpool(cache.get, key, lambda: render_json(make()))
        return Response(body, media_type="application/json")

    @app.get("/api/status", tags=["store"], summary="The store served and what the server allows")
    def status() -> dict[str, Any]:
        c = store().conn
        counts = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                  for t in ("documents", "actors", "corpus_events", "quotes")}
        return {"db": path.name, "read_only": not settings.allow_ingest, "allow_ingest": settings.allow_ingest,
                "counts": counts}

    @app.get("/api/facets", tags=["timeline"], summary="What the timeline can be filtered by",
             description="Answer: `{types: [str], outlets: [str], actors: [{id, name, events}], published: {from, to}, documents}`.")
    async def facets() -> Response:
        return await answer(("facets",), lambda: wq.facets(store()))

    @app.get("/api/timeline", tags=["timeline"], summary="Corpus events in date order, filtered",
             description="Answer: `{count, events: [{event, date, type, actors: [name], targets: [name], place, first_reported, reports, evidence, outlets: [str]}]}`; undated events sort by their first report.")
    async def timeline(
        actor: Annotated[str | None, Query(description="an actor id or a name as articles write it")] = None,
        type: Annotated[str | None, Query(description="a PLOVER event type (CONSULT, ACCUSE ...)")] = None,  # noqa: A002
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
        source: Annotated[str | None, Query(description="only events this outlet reported")] = None,
    ) -> Response:
        def make() -> dict[str, Any]:
            rows = wq.timeline(store(), actor=actor or None, type=type or None, date_from=date_from or None,
                               date_to=date_to or None, source=source or None)
            return {"count": len(rows), "events": rows}

        return await answer(("timeline", actor, type, date_from, date_to, source), make)

    @app.get("/api/events/{event_id}", tags=["timeline"], summary="One event: its evidence and the outlets",
             description="Answer: `{id, type, date, first_reported, place, actors: [{id, name}], targets: [{id, name}], outlets, reports: [{published, outlet, first, credited_to, modality, title, url, document, report, evidence, start, end, trigger, context_before, context_after}], contradictions (as in /api/contradictions)}`; `start`/`end` index the document's text.")
    async def event(event_id: str) -> Response:
        return await answer(("event", event_id), lambda: wq.event(store(), event_id))

    @app.get("/api/contradictions", tags=["timeline"],
             summary="Where the reports of one event disagree: whether it happened, and on which day",
             description="Answer: `{count, contradictions: [{kind: happened|date, event, type, date, actors: [name], first_* and then_*: document, published, outlet, credited_to, says, evidence, start, end}]}`; first is the earlier report.")
    async def contradictions(
        actor: Annotated[str | None, Query(description="an actor id or a name as articles write it")] = None,
    ) -> Response:
        def make() -> dict[str, Any]:
            rows = wq.contradictions(store(), actor=actor or None)
            return {"count": len(rows), "contradictions": rows}

        return await answer(("contradictions", actor), make)

    @app.get("/api/graph", tags=["actors"], summary="Actors (size: mentions) and who acts with/against whom",
             description="Answer: `{nodes: [{id, name, type, mentions}], edges: [{source, target, with, against}], total_actors}`; with = same side of an event, against = actor and target.")
    async def graph() -> Response:
        return await answer(("graph",), lambda: wq.graph(store(), settings.graph_max_nodes))

    @app.get("/api/actors/{actor_id}", tags=["actors"],
             summary="One actor: roles over time, quotes, events, partners, opponents, articles",
             description="Answer: `{id, name, type, aliases, documents, roles: [{title, of, date, document, evidence}], quotes: [{date, text, kind, cue, document, outlet}], events (as in the timeline), with: [{actor, name, events}], against, articles: [{id, title, published, outlet, mentions}]}`.")
    async def actor(actor_id: str) -> Response:
        return await answer(("actor", actor_id), lambda: wq.actor(store(), actor_id))

    @app.get("/api/articles", tags=["articles"], summary="Stored articles, newest first",
             description="Answer: `{total, offset, articles: [{id, title, published, outlet, url, entities, events, quotes}]}`.")
    async def articles(limit: Annotated[int, Query(ge=1, le=settings.list_max_rows)] = 100,
                 offset: Annotated[int, Query(ge=0)] = 0) -> Response:
        return await answer(("articles", limit, offset), lambda: wq.articles(store(), limit, offset))

    @app.get("/api/articles/{doc_id}", tags=["articles"],
             summary="One article with every fact as a span of its text",
             description="Answer: `{id, title, author, published, outlet, url, text, counts, facts: [{kind, start, end, label, detail, ...}]}`; kind is entity, role, time, quote, event, trigger or amount; label/detail are what the page shows on hover (normalized value, speaker, type).")
    async def article(doc_id: str) -> Response:
        return await answer(("article", doc_id), lambda: wq.article(store(), doc_id))

    @app.get("/api/search", tags=["search"], summary="Full-text search over articles and quotes (FTS5)",
             description="Answer: `{query, articles: [{id, title, published, outlet, snippet}], quotes: [{document, id, start, end, kind, text, speaker, speaker_id, title, published, outlet}]}`; matched words sit between U+0002 and U+0003.")
    async def search(q: Annotated[str, Query(min_length=1, max_length=settings.query_max_chars,
                                       description="words, all required")]) -> Response:
        return await answer(("search", q), lambda: wq.search(store(), q, settings.search_max_hits))

    if settings.allow_ingest:
        @app.post("/api/ingest", tags=["store"], summary="Add articles (JSONL form); only with --allow-ingest",
                  openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                      "schema": {"type": "object", "required": ["text"], "properties": {
                          k: {"type": "string"} for k in ("text", "id", "title", "author", "published",
                                                          "outlet", "url")}}}}}})
        async def ingest(request: Request) -> dict[str, Any]:
            # Only JSON: a cross-site form cannot send it without a CORS preflight, which this server refuses.
            if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
                raise NewsgraphError("send the articles as application/json")
            body = await request.body()
            items = parse_articles(body, settings)
            return await asyncio.wrap_future(stores.write(lambda store: store_articles(store, items)))

    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")
    app.add_middleware(SecurityMiddleware, check_host=settings.host in LOOPBACK)
    return app
