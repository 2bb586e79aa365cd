"""End to end in a real headless chromium (Debian's /usr/bin/chromium driven by Playwright): every view opens,
a click on an event opens its evidence and its article, untrusted article text stays text. Screenshots go to
tests/artifacts/."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from web_support import XSS_IMG, XSS_SCRIPT, XSS_TITLE, Server, build_store

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))  # Debian's, or one you name
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWS = [("timeline", "/"), ("graph", "/graph"), ("articles", "/articles"), ("article", "/articles/harbour-1"),
         ("disputes", "/disputes"), ("search", "/search?q=port"), ("docs", "/docs")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (scripts/install-browser.sh installs Debian's chromium)")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    s = Server(build_store(tmp_path_factory.mktemp("browser") / "c.db"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,  # a fresh --user-data-dir
            viewport={"width": 1300, "height": 900})
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


class Page:
    """A page that records dialogs (an alert would mean a script ran), console errors and outside requests."""

    def __init__(self, browser, server):
        self.page = browser.new_page()
        self.server = server
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith((server.url, "data:")) else self.outside.append(r.url))

    def open(self, path: str):
        self.page.goto(self.server.url + path)
        self.page.wait_for_selector("body[data-ready='1']", timeout=15000)
        return self.page

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"web-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def clean_of_dialogs_only(self) -> None:
        """For pages that fetch a 404 on purpose (the browser logs it as a console error)."""
        assert not self.dialogs, f"a script ran: {self.dialogs}"
        assert not self.outside, f"requests left the machine: {self.outside}"

    def clean(self) -> None:
        assert not self.dialogs, f"a script ran: {self.dialogs}"
        assert not self.errors, self.errors
        assert not self.outside, f"requests left the machine: {self.outside}"


@pytest.fixture()
def page(browser, server):
    p = Page(browser, server)
    yield p
    p.page.close()


@pytest.mark.parametrize(("name", "path"), VIEWS)
def test_web_browser_opens_every_view(page, name, path):
    pg = page.open(path)
    assert pg.locator("main .error").count() == 0, pg.locator("main").inner_text()
    assert pg.locator("main h1").count() >= 1
    assert page.shot(name).stat().st_size > 5000
    page.clean()


def test_web_browser_event_click_opens_its_evidence_then_its_words(page):
    pg = page.open("/")
    dots = pg.locator("svg.timeline circle.event-dot")
    assert dots.count() >= 3
    meet = pg.locator("tr.event-row", has_text="Maria Santos").filter(has_text="2024-03-11")
    event_id = meet.get_attribute("data-event")
    pg.locator(f"circle.event-dot[data-event='{event_id}']").click()
    panel = pg.locator("#event-panel")
    panel.wait_for()
    assert panel.get_attribute("data-event") == event_id
    assert "Coast Courier, Harbour Gazette" in panel.locator("dd.outlets").inner_text()
    evidence = panel.locator("blockquote.evidence")
    assert evidence.count() == 2 and "Pieter Olsen met Maria Santos" in evidence.first.inner_text()
    assert panel.locator("mark.trigger").first.inner_text() == "met"
    page.shot("event-evidence")
    panel.locator("a.open-article").first.click()
    pg.wait_for_selector("body[data-ready='1']")
    focus = pg.locator("span.f-event.focus")
    focus.wait_for()
    assert focus.inner_text() == "met"
    assert "Pieter Olsen met Maria Santos" in pg.locator(".article-text").inner_text()
    assert "CONSULT" in pg.locator("#side").inner_text()
    page.shot("event-in-article")
    page.clean()


def test_web_browser_timeline_zooms_and_filters(page):
    pg = page.open("/")
    dot = pg.locator("circle.event-dot").first
    before = float(dot.get_attribute("cx"))
    pg.click("#zoom-in")
    pg.click("#zoom-in")
    assert float(dot.get_attribute("cx")) != before
    pg.click("#zoom-reset")
    assert float(dot.get_attribute("cx")) == pytest.approx(before)
    pg.select_option("#f-type", "ACCUSE")
    pg.locator("#timeline-filters button[type=submit]").click()
    pg.wait_for_url("**/timeline?*type=ACCUSE*")
    pg.wait_for_selector("body[data-ready='1']")
    rows = pg.locator("tr.event-row")
    assert rows.count() >= 1 and all("ACCUSE" in rows.nth(i).inner_text() for i in range(rows.count()))
    page.clean()


def test_web_browser_graph_node_opens_the_actor_page(page):
    pg = page.open("/graph")
    node = pg.locator("svg.graph a.node", has_text="Tomas Weber")
    node.locator("circle").click()
    pg.wait_for_url("**/actors/*")
    pg.wait_for_selector("body[data-ready='1']")
    main = pg.locator("main").inner_text()
    assert "Tomas Weber" in pg.locator("main h1").inner_text()
    assert "He lied to the port," in main and "ACCUSE" in main and "Acts against: Pieter Olsen" in main
    page.shot("actor")
    page.clean()


def test_web_browser_article_shows_each_kind_with_its_value_on_hover(page):
    pg = page.open("/articles/harbour-1")
    for kind in ("entity", "time", "quote", "amount"):
        assert pg.locator(f"span.f-{kind}").count() >= 1, kind
    time_span = pg.locator("span.f-time").first
    assert "2024-03" in time_span.get_attribute("title")
    quote = pg.locator('span.f-quote[title*="· direct quote"]').first
    assert "Maria Santos" in quote.get_attribute("title")
    quote.click(position={"x": 3, "y": 5})
    assert "quote" in pg.locator("#side").inner_text()
    page.clean()


@pytest.mark.parametrize("path", ["/articles/xss-1", "/search?q=script", "/articles", "/search?q=lied"])
def test_web_browser_untrusted_markup_renders_as_text(page, path):
    pg = page.open(path)
    pg.wait_for_timeout(200)
    text = pg.locator("main").inner_text()
    assert "<script>alert(1)</script>" in text or "<img src=x onerror=alert(1)>" in text \
        or "alert(1)" in text, text[:500]
    assert pg.locator("main script").count() == 0 and pg.locator("main img").count() == 0
    assert pg.evaluate("document.scripts.length") == 6, "only the package's own scripts"
    page.shot("xss-" + path.strip("/").replace("/", "-").replace("?q=", "-"))
    page.clean()


def test_web_browser_article_with_markup_keeps_it_literal(page):
    pg = page.open("/articles/xss-1")
    assert pg.locator("main h1").inner_text() == XSS_TITLE
    body = pg.locator(".article-text").inner_text()
    assert XSS_SCRIPT in body and XSS_IMG in body
    assert pg.locator("main a", has_text="original").get_attribute("href") == "#", "javascript: URL neutralised"
    page.shot("xss-article")
    page.clean()


@pytest.mark.parametrize("kind", ["events", "actors"])
def test_web_browser_opens_event_and_actor_pages_by_id(page, server, kind):
    import json
    import urllib.request

    with urllib.request.urlopen(server.url + ("/api/timeline" if kind == "events" else "/api/graph")) as r:
        body = json.load(r)
    ident = body["events"][0]["event"] if kind == "events" else body["nodes"][0]["id"]
    pg = page.open(f"/{kind}/{ident}")
    assert pg.locator("main .error").count() == 0, pg.locator("main").inner_text()
    if kind == "events":
        assert pg.locator("#event-panel blockquote.evidence").count() >= 1
    else:
        assert pg.locator("main h2", has_text="Roles over time").count() == 1
    page.shot(f"{kind}-page")
    page.clean()


def test_web_browser_unknown_ids_show_an_error_as_text(page):
    pg = page.open("/actors/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert "<img src=x onerror=alert(1)>" in pg.locator("main .error").inner_text()
    assert pg.locator("main img").count() == 0
    page.clean_of_dialogs_only()


@pytest.fixture(scope="module")
def disputed(tmp_path_factory, browser):
    """A second store whose meeting one report affirms and another denies, the denial carrying markup."""
    from corpus_factory import record, store_of
    from newsgraph.corpus.resolve import resolve
    from newsgraph.model import DateSource, Modality

    people = [("Pieter Olsen", "PERSON"), ("Maria Santos", "PERSON")]
    told = [("Pieter Olsen met Maria Santos on Monday.", "2024-03-12", "Harbour Gazette", Modality.ASSERTED),
            (f"Pieter Olsen never met Maria Santos {XSS_IMG}, aides said.", "2024-03-13", "Coast Courier",
             Modality.NEGATED)]
    records = []
    for text, published, outlet, modality in told:
        r = record(text, published, people, [("CONSULT", "met", ["Pieter Olsen", "Maria Santos"], [], "2024-03-11",
                                              None)], outlet=outlet, source=outlet)
        r.events[0].modality, r.events[0].date_source = modality, DateSource.TEXT
        records.append(r)
    path = tmp_path_factory.mktemp("disputed") / "d.db"
    store = store_of(path, records)
    resolve(store)
    event = store.conn.execute("SELECT id FROM corpus_events").fetchone()[0]
    store.close()
    s = Server(path)
    yield s, event
    s.close()


def test_web_browser_event_panel_shows_reports_that_disagree(browser, disputed):
    server, event = disputed
    page = Page(browser, server)
    pg = page.open(f"/events/{event}")
    box = pg.locator("section.contradictions")
    box.wait_for()
    text = box.inner_text()
    assert "on whether it happened" in text and "did not happen" in text
    assert "Harbour Gazette" in text and "Coast Courier" in text
    page.shot("event-contradictions")
    pg = page.open("/disputes")
    row = pg.locator("table.rows tbody tr")
    assert row.count() == 1 and "whether it happened" in row.first.inner_text()
    assert "did not happen" in row.first.inner_text()
    page.shot("disputes")
    page.clean()
    page.page.close()
