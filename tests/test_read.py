"""Readers: plain text head and body, HTML, JSONL, and refusal of bad input with one clear line."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import InputError
from newsgraph.read import read_path, read_text
from newsgraph.read.byline import find_date, find_wire, parse_date, read_head
from newsgraph.read.clean import clean_text, is_furniture, join_paragraphs, strip_markup


@pytest.mark.parametrize(
    "line,author,date",
    [
        ("Clara Weiss 10 July 2023", "Clara Weiss", "2023-07-10"),
        ("By Anna Berg, March 18, 2024", "Anna Berg", "2024-03-18"),
        ("Published 2021-02-03", None, "2021-02-03"),
        ("John Smith and Jane Doe · 1 Jan 2020", "John Smith and Jane Doe", "2020-01-01"),
    ],
)
def test_byline_reads_author_and_date(line, author, date):
    head = read_head(["A title about things", line, "Body text begins here. It goes on."])
    assert head.title == "A title about things"
    assert head.author == author
    assert head.published == date
    assert head.consumed == 2


def test_byline_does_not_take_a_body_sentence_for_a_title():
    head = read_head(["The minister resigned on Monday after a long dispute.", "More text follows."])
    assert head.title is None and head.consumed == 0


@pytest.mark.parametrize(
    "value,expected",
    [("2023-07-10", "2023-07-10"), ("10 July 2023", "2023-07-10"), ("July 10, 2023", "2023-07-10"),
     ("2023-07-10T08:00:00Z", "2023-07-10"), ("yesterday", None), ("2023-13-45", None), ("", None)],
)
def test_byline_parse_date(value, expected):
    assert parse_date(value) == expected


def test_byline_find_date_gives_offsets():
    iso, start, end = find_date("Filed on 3 March 2022 in Kyiv")
    assert iso == "2022-03-03" and "Filed on 3 March 2022 in Kyiv"[start:end] == "3 March 2022"


@pytest.mark.parametrize(
    "raw,clean",
    [("the *Financial Times* tracked", "the Financial Times tracked"),
     (r"almost \$950 million", "almost $950 million"),
     ("**bold** and _it_", "bold and it"),
     ("2*3*4 stays", "2*3*4 stays")],
)
def test_clean_strip_markup(raw, clean):
    assert strip_markup(raw) == clean


@pytest.mark.parametrize(
    "line,furniture",
    [("To contact the WSWS and the Socialist Equality Party visit:", True), ("wsws.org/contact", True),
     ("Subscribe", True), ("Published", True), ("Share this article", True),
     ("The party published its programme on Monday and many read it closely.", False)],
)
def test_clean_furniture(line, furniture):
    assert is_furniture(line) is furniture


def test_clean_joins_a_sentence_cut_by_a_paragraph_break():
    assert join_paragraphs(["He said it was a way that", "actually works.", "New paragraph."]) == [
        "He said it was a way that actually works.",
        "New paragraph.",
    ]


def test_clean_keeps_real_paragraphs():
    text = clean_text("First paragraph ends.\n\nSecond one starts.\n\n\nTo contact us visit:\n\nexample.org/contact\n")
    assert text == "First paragraph ends.\n\nSecond one starts."


def test_read_text_plain_with_head(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Talks end\n\nAnna Berg 18 March 2024\n\nThe talks ended on Monday.\n\nSubscribe\n")
    (doc,) = list(read_path(path))
    assert (doc.title, doc.author, doc.published) == ("Talks end", "Anna Berg", "2024-03-18")
    assert doc.text == "The talks ended on Monday."
    assert doc.source == str(path)


def test_read_html_main_text_and_metadata():
    html = """<html><head><title>Port strike ends | Harbour Gazette</title>
    <meta property="og:site_name" content="Harbour Gazette">
    <meta name="author" content="Anna Berg">
    <meta property="article:published_time" content="2024-03-18T09:00:00Z"></head>
    <body><nav>Home | World | Subscribe</nav><article><h1>Port strike ends</h1>
    <p>The strike at the port ended on Monday after nine days, the union said in a statement to reporters.</p>
    <p>Workers will return on Wednesday, according to the ministry, which agreed to pay back wages.</p>
    </article><footer>Copyright 2024 Harbour Gazette</footer></body></html>"""
    doc = read_text(html)
    assert "The strike at the port ended on Monday" in doc.text
    assert "Subscribe" not in doc.text and "Copyright" not in doc.text
    assert doc.published == "2024-03-18"
    assert doc.author == "Anna Berg"
    assert doc.outlet == "Harbour Gazette"


def test_read_html_reads_a_page_the_same_every_time():
    """trafilatura's deduplication cache outlives a call: without a fresh one per page the fourth read is empty."""
    html = ("<html><body><article><p>The strike at the port ended on Monday after nine days, the union said in a "
            "statement to reporters gathered at the gate.</p><p>Workers will return on Wednesday, according to the "
            "ministry, which agreed to pay back wages owed since March.</p></article></body></html>")
    texts = [read_text(html).text for _ in range(5)]
    assert texts[0] and all(t == texts[0] for t in texts)


def test_read_html_without_article_is_refused():
    with pytest.raises(InputError, match="no article text"):
        read_text("<html><body><nav>Home</nav></body></html>")


def test_read_jsonl_reports_bad_lines_and_keeps_good_ones(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "The talks ended on Monday.", "published": "2024-03-18"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Another article here.", "published": "someday"}),
        json.dumps({"text": "Third article.", "outlet": "Harbour Gazette"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_path(path))
    good = [i for i in items if not isinstance(i, InputError)]
    bad = [str(i) for i in items if isinstance(i, InputError)]
    assert [d.id for d in good][0] == "a1" and good[1].outlet == "Harbour Gazette"
    assert len(bad) == 3
    assert f"{path}:2: malformed JSON" in bad[0]
    assert f"{path}:3" in bad[1] and "text" in bad[1]
    assert "unreadable published date" in bad[2]


@pytest.mark.parametrize(
    "content,message",
    [(b"", "empty input"), (b"   \n\n", "empty input"), (b"\x00\x01\x02binary", "binary data"),
     (b"caf\xe9 au lait", "not UTF-8")],
)
def test_read_refuses_bad_bytes(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = list(read_path(path))
    assert isinstance(item, InputError) and message in str(item) and str(path) in str(item)


def test_read_refuses_missing_and_huge_files(tmp_path):
    (missing,) = list(read_path(tmp_path / "nope.txt"))
    assert isinstance(missing, InputError) and "no such file" in str(missing)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    (item,) = list(read_path(huge))
    assert isinstance(item, InputError) and "over the" in str(item)


def test_model_document_id_is_stable():
    a = read_text("Same words here.\n")
    b = read_text("Same words here.\n")
    c = read_text("Other words here.\n")
    assert a.id == b.id != c.id


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("HAVANA (AP) -- The grandmother of the boy said she would go.", "AP"),
        ("CANBERRA, Australia (AP)_ Qantas will double its flights.", "AP"),
        ("WASHINGTON, March 12 (Xinhua) -- Poland joined the alliance.", "Xinhua"),
        ("KYIV, Ukraine (CNN) — A drone struck the city.", "CNN"),
        ("NATO (North Atlantic Treaty Organization) - the alliance met.", None),
        ("On Monday, the Kremlin (Russia's seat of power) - said no.", None),
    ],
)
def test_byline_wire_dateline_names_the_outlet(body, outlet):
    assert find_wire(body) == outlet


def test_read_text_outlet_from_dateline(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Talks resume\n\nMOSCOW (Reuters) - Russia said on Monday that talks would resume.\n", "utf-8")
    (doc,) = list(read_path(path))
    assert doc.outlet == "Reuters"
