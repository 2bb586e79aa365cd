"""The web app's JSON API and pages, in process: views, filters, evidence, escaping, read-only, errors."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import warnings

import pytest

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.web.app import STATIC, create_app
from newsgraph.web.settings import WebSettings
from web_support import XSS_IMG, XSS_SCRIPT, XSS_TITLE, build_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow

PAGES = ["/", "/timeline", "/graph", "/articles", "/disputes", "/search?q=port", "/docs", "/articles/xss-1",
         "/actors/anything", "/events/anything"]
API_GETS = ["/api/status", "/api/facets", "/api/timeline", "/api/graph", "/api/articles", "/api/contradictions",
            "/api/search"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "c.db")


@pytest.fixture(scope="module")
def client(db):
    app = create_app(db)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def _event(client, type_):
    return next(e for e in client.get("/api/timeline").json()["events"] if e["type"] == type_ and e["reports"] > 1
                or e["type"] == type_ and type_ != "CONSULT")


@pytest.mark.parametrize("path", PAGES)
def test_web_pages_are_one_static_shell_with_a_strict_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", r.text)), "no inline script"
    for untrusted in ("Pieter Olsen", XSS_SCRIPT, "alert(1)"):
        assert untrusted not in r.text, "pages never inline article text"


@pytest.mark.parametrize("name", sorted(p.name for p in STATIC.iterdir()))
def test_web_static_assets_come_from_the_package(client, name):
    r = client.get(f"/static/{name}")
    assert r.status_code == 200 and r.content
    assert "http://" not in r.text.replace("http://www.w3.org/2000/svg", ""), "no CDN or remote asset"
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in r.text, f"{name} uses {sink}"


def test_web_timeline_lists_events_in_date_order_with_outlets(client):
    events = client.get("/api/timeline").json()["events"]
    assert {"CONSULT", "ACCUSE"} <= {e["type"] for e in events}
    dates = [e["date"] or e["first_reported"] for e in events]
    assert dates == sorted(dates)
    meet = next(e for e in events if e["type"] == "CONSULT" and e["reports"] == 2)
    assert meet["outlets"] == ["Coast Courier", "Harbour Gazette"]
    assert meet["actors"] == ["Pieter Olsen"] and meet["targets"] == ["Maria Santos"]


@pytest.mark.parametrize(("params", "check"), [
    ({"type": "ACCUSE"}, lambda e: e["type"] == "ACCUSE"),
    ({"type": "consult"}, lambda e: e["type"] == "CONSULT"),
    ({"source": "Coast Courier"}, lambda e: "Coast Courier" in e["outlets"]),
    ({"actor": "Tomas Weber"}, lambda e: "Tomas Weber" in e["actors"] + e["targets"]),
    ({"from": "2024-03-13", "to": "2024-03-15"}, lambda e: "2024-03-13" <= e["date"] <= "2024-03-15"),
])
def test_web_timeline_filters(client, params, check):
    body = client.get("/api/timeline", params=params).json()
    assert body["count"] == len(body["events"]) >= 1
    assert all(check(e) for e in body["events"])
    assert body["count"] < client.get("/api/timeline").json()["count"]


@pytest.mark.parametrize(("params", "needle"), [
    ({"type": "DANCE"}, "unknown event type"), ({"from": "soon"}, "unreadable date"),
    ({"actor": "Nobody Atall"}, "no actor named"),
])
def test_web_timeline_bad_filters_are_one_line_400s(client, params, needle):
    r = client.get("/api/timeline", params=params)
    assert r.status_code == 400 and needle in r.json()["detail"] and "\n" not in r.json()["detail"]


def test_web_event_opens_its_evidence_and_outlets(client, db):
    meet = next(e for e in client.get("/api/timeline").json()["events"] if e["reports"] == 2)
    ev = client.get(f"/api/events/{meet['event']}").json()
    assert ev["outlets"] == ["Coast Courier", "Harbour Gazette"] and len(ev["reports"]) == 2
    assert [r["outlet"] for r in ev["reports"]] == ["Harbour Gazette", "Coast Courier"]  # first report first
    assert ev["reports"][0]["first"] and not ev["reports"][1]["first"]
    with sqlite3.connect(db) as c:
        for r in ev["reports"]:
            text = c.execute("SELECT text FROM documents WHERE id = ?", (r["document"],)).fetchone()[0]
            assert text[r["start"]:r["end"]] == r["evidence"]
            assert text.endswith(r["context_after"] + text[r["end"] + len(r["context_after"]):])
            assert "ministry said." in r["context_after"]


def test_web_contradictions_route_answers_and_names_bad_actors(client):
    # the two reports of the meeting agree (same day, both asserted): nothing to show
    assert client.get("/api/contradictions").json() == {"count": 0, "contradictions": []}
    meet = next(e for e in client.get("/api/timeline").json()["events"] if e["reports"] == 2)
    assert client.get(f"/api/events/{meet['event']}").json()["contradictions"] == []
    bad = client.get("/api/contradictions", params={"actor": "Nobody Atall"})
    assert bad.status_code == 400 and "Nobody Atall" in bad.json()["detail"]


def test_web_graph_links_actors_with_and_against(client):
    g = client.get("/api/graph").json()
    names = {n["id"]: n["name"] for n in g["nodes"]}
    assert all(n["mentions"] >= 1 for n in g["nodes"] if n["name"] in {"Pieter Olsen", "Maria Santos"})
    pairs = {frozenset((names[e["source"]], names[e["target"]])): e for e in g["edges"]}
    # They met (CONSULT): across a cooperative event the two sides stand together.
    assert pairs[frozenset(("Pieter Olsen", "Maria Santos"))]["with"] >= 1
    # An accusation (ACCUSE) sets them against each other.
    assert pairs[frozenset(("Tomas Weber", "Pieter Olsen"))]["against"] >= 1
    assert pairs[frozenset(("Tomas Weber", "Pieter Olsen"))]["with"] == 0


def test_web_actor_page_has_roles_quotes_events_and_articles(client):
    g = client.get("/api/graph").json()
    weber = next(n["id"] for n in g["nodes"] if n["name"] == "Tomas Weber")
    a = client.get(f"/api/actors/{weber}").json()
    assert a["name"] == "Tomas Weber"
    assert any(q["text"] == "He lied to the port," for q in a["quotes"])
    assert any(e["type"] == "ACCUSE" for e in a["events"])
    assert len(a["articles"]) >= 2 and all(d["mentions"] >= 1 for d in a["articles"])
    assert any(o["name"] == "Pieter Olsen" for o in a["against"])


def test_web_article_facts_are_spans_of_its_text(client):
    d = client.get("/api/articles/harbour-1").json()
    kinds = {f["kind"] for f in d["facts"]}
    assert {"entity", "time", "quote", "amount"} <= kinds
    for f in d["facts"]:
        assert 0 <= f["start"] < f["end"] <= len(d["text"])
        assert f["label"] and f["detail"]
    times = [f for f in d["facts"] if f["kind"] == "time"]
    assert any(f["label"].startswith("2024-03") for f in times), "hover shows the normalized value"
    quote = next(f for f in d["facts"] if f["kind"] == "quote" and "direct" in f["detail"].split()[0:1])
    assert quote["label"] == "Maria Santos", "hover shows the speaker"


def test_web_article_json_escapes_markup_in_untrusted_text(client):
    r = client.get("/api/articles/xss-1")
    raw = r.text
    assert "<" not in raw and ">" not in raw, "markup characters travel as \\u003c escapes"
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in raw
    body = r.json()
    assert body["title"] == XSS_TITLE and XSS_SCRIPT in body["text"] and XSS_IMG in body["text"]
    assert r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("q", ["port", "PORT worker", 'port" (*', "script alert", "lied"])
def test_web_search_finds_articles_and_quotes_whatever_the_syntax(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200
    body = r.json()
    assert body["articles"] or body["quotes"]
    for hit in body["articles"]:
        assert "\x02" in hit["snippet"]
    assert "<" not in r.text


def test_web_search_finds_the_quote_with_its_speaker(client):
    quotes = client.get("/api/search", params={"q": "lied port"}).json()["quotes"]
    assert quotes and quotes[0]["speaker"] == "Tomas Weber" and quotes[0]["speaker_id"]


@pytest.mark.parametrize("q", ["", "  ", "()\"*"])
def test_web_search_without_words_is_a_400(client, q):
    assert client.get("/api/search", params={"q": q}).status_code in (400, 422)


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/actors/nope", "/api/articles/nope", "/nowhere",
                                  "/static/nope.js", "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/..%2f..%2fetc%2fpasswd", "/static//etc/passwd"])
def test_web_unknown_ids_and_paths_are_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text


def test_web_openapi_documents_every_api_route(client):
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in API_GETS + ["/api/events/{event_id}", "/api/actors/{actor_id}", "/api/articles/{doc_id}"]:
        assert "get" in spec["paths"][path] and spec["paths"][path]["get"]["summary"]
    assert "/api/ingest" not in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_web_no_write_route_without_allow_ingest(client):
    for route in client.app.routes:
        assert set(getattr(route, "methods", None) or {"GET"}) <= {"GET", "HEAD"}, route.path
    for path in ["/api/ingest", "/api/articles", "/api/timeline", "/"]:
        assert client.post(path, json={"text": "x"}).status_code in (404, 405)
        assert client.delete(path).status_code in (404, 405)


def test_web_store_is_opened_read_only(client, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path in API_GETS[:-1] + ["/api/articles/xss-1", "/api/search?q=port"]:
        assert client.get(path).status_code == 200
    reader = client.app.state.stores.reader()
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("DELETE FROM documents")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_web_foreign_host_headers_are_refused(client, host):
    assert client.get("/api/status", headers={"host": host}).status_code == 421


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:9"])
def test_web_loopback_host_headers_are_served(client, host):
    assert client.get("/api/status", headers={"host": host}).status_code == 200


def test_web_missing_db_is_one_line_and_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "none.db"
    with pytest.raises(NewsgraphError, match="no such corpus database"):
        create_app(missing)
    assert main(["serve", "--db", str(missing), "--port", "0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no such corpus database" in err
    assert not missing.exists()


def test_web_foreign_sqlite_file_is_refused(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(NewsgraphError, match="not a newsgraph"):
        create_app(other)


@pytest.fixture()
def writable(db, tmp_path):
    copy = tmp_path / "w.db"
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    app = create_app(copy, WebSettings(allow_ingest=True))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def test_web_ingest_with_allow_ingest_stores_articles(writable):
    article = {"id": "posted-1", "title": "Posted", "published": "2024-04-02", "outlet": "Web Desk",
               "text": f"Maria Santos met Pieter Olsen in Rotterdam on Tuesday. {XSS_SCRIPT}"}
    total = writable.get("/api/articles").json()["total"]
    r = writable.post("/api/ingest", json=article)
    assert r.status_code == 200, r.text
    assert writable.get("/api/articles").json()["total"] == total + 1, "a cached answer outlived a write"
    assert r.json()["stored"] == 1 and r.json()["documents"]
    doc = r.json()["documents"][0]
    assert writable.get(f"/api/articles/{doc}").json()["title"] == "Posted"
    assert writable.post("/api/ingest", json=article).json()["unchanged"] == 1
    assert "/api/ingest" in writable.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize(("body", "headers", "needle"), [
    ("text=hello", {"content-type": "application/x-www-form-urlencoded"}, "application/json"),
    ('{"text": "hi"}', {"content-type": "text/plain"}, "application/json"),
    ("{not json", {"content-type": "application/json"}, "not JSON"),
    ('{"title": "no text"}', {"content-type": "application/json"}, "non-empty \"text\""),
    ('{"text": "x", "published": 5}', {"content-type": "application/json"}, "must be strings"),
    ("[]", {"content-type": "application/json"}, "send 1 to"),
])
def test_web_ingest_refuses_what_is_not_an_article(writable, body, headers, needle):
    r = writable.post("/api/ingest", content=body, headers=headers)
    assert r.status_code == 400 and needle in r.json()["detail"]
