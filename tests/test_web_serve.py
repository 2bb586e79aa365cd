"""`newsgraph serve` as a user starts it: a child process on loopback, requests written by hand."""

from __future__ import annotations

import json

import pytest

from web_support import Server, build_store

pytestmark = pytest.mark.slow

TRAVERSALS = [
    "/static/../../etc/passwd", "/static/../../../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static//etc/passwd",
    "/static/..\\..\\etc\\passwd", "/static/../web/app.py", "/static/../../corpus/schema.sql",
    "/static/%2e%2e/app.py", "/../../etc/passwd", "/static/../c.db", "/c.db", "/static/c.db",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("serve") / "c.db")
    s = Server(db)
    yield s
    s.close()


def test_web_serve_binds_loopback_on_a_free_port(server):
    assert server.url.startswith("http://127.0.0.1:") and server.port > 0
    status, body = server.raw("/api/status")
    assert status == 200 and json.loads(body)["read_only"] is True


@pytest.mark.parametrize("target", TRAVERSALS)
def test_web_serve_reads_no_file_outside_the_package_static_dir(server, target):
    status, body = server.raw(target)
    assert status in (400, 404), (target, status)
    assert b"root:" not in body and b"CREATE TABLE" not in body and b"def create_app" not in body
    assert b"SQLite format" not in body


def test_web_serve_refuses_a_foreign_host(server):
    assert server.raw("/api/status", host="rebind.example:80")[0] == 421


def test_web_serve_port_in_use_is_one_line(server, capsys):
    from newsgraph.cli import main

    assert main(["serve", "--db", str(server.proc.args[5]), "--port", str(server.port)]) == 2
    err = capsys.readouterr().err.strip()
    assert "cannot listen" in err and err.count("\n") == 0
