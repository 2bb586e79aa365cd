"""A small corpus store for the web tests: articles run through the real pipeline, plus hand-made event records."""

from __future__ import annotations

import json
from pathlib import Path

from corpus_factory import record
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.resolve import resolve
from newsgraph.corpus.store import Incoming, open_store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_TITLE = f"Dock talks {XSS_SCRIPT} resume"

ARTICLES = [
    {"id": "harbour-1", "title": "Port strike ends after talks", "published": "2024-03-18", "outlet": "Harbour Gazette",
     "url": "https://example.org/harbour-1",
     "text": ("On Monday, Transport Minister Pieter Olsen met union leader Maria Santos in Rotterdam, ending a strike "
              "that had shut the port for nine days. The government agreed to pay 120 million euros in back wages.\n\n"
              "\"We have reached an agreement that protects every worker in this port,\" Santos told reporters. "
              "Opposition leader Tomas Weber accused the government of buying peace at any price.")},
    {"id": "xss-1", "title": XSS_TITLE, "published": "2024-03-20", "outlet": "Coast Courier",
     "url": "javascript:alert(1)",
     "text": (f"Maria Santos posted {XSS_SCRIPT} on the union board on Tuesday. A second post read {XSS_IMG} "
              "before it was removed.\n\n"
              f"\"Nobody will stop the port again {XSS_SCRIPT},\" Pieter Olsen said on Wednesday.")},
]


def event_records() -> list:
    """Records with events, so the timeline and the graph have something to draw whatever the extractors find."""
    meet = "Pieter Olsen met Maria Santos of the Dockers Union in Rotterdam, the ministry said."
    out = []
    for i, (pub, outlet) in enumerate([("2024-03-11", "Harbour Gazette"), ("2024-03-12", "Coast Courier")]):
        out.append(record(
            meet, pub,
            [("Pieter Olsen", "PERSON"),
             ("Maria Santos", "PERSON"), ("Dockers Union", "ORG"), ("Rotterdam", "PLACE")],
            events=[("CONSULT", "met", ["Pieter Olsen"], ["Maria Santos"], "2024-03-11", "Rotterdam")],
            outlet=outlet, source=f"meet{i}", title=f"Olsen meets Santos ({outlet})"))
    accuse = f'Tomas Weber accused Pieter Olsen of lying {XSS_IMG}. "He lied to the port," Tomas Weber said.'
    out.append(record(accuse, "2024-03-15", [("Tomas Weber", "PERSON"), ("Pieter Olsen", "PERSON")],
                      events=[("ACCUSE", "accused", ["Tomas Weber"], ["Pieter Olsen"], "2024-03-14", None)],
                      quotes=[("He lied to the port,", "Tomas Weber")], outlet="Coast Courier", source="accuse",
                      title=f"Weber accuses Olsen {XSS_SCRIPT}"))
    return out


def build_store(path: Path) -> Path:
    """Ingest the articles through the pipeline, add the hand-made records, resolve; returns the db path."""
    src = path.parent / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with open_store(path) as store:
        ingest(store, [src], n_process=1, progress=False, do_resolve=False)
        for r in event_records():
            store.put_record(r, Incoming.of(r.document))
        resolve(store)
    return path


class Server:
    """`newsgraph serve` in a child process on a free loopback port; always stopped by close()."""

    def __init__(self, db: Path, *extra: str) -> None:
        import subprocess
        import sys

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        import select

        ready, _, _ = select.select([self.proc.stdout], [], [], 60)  # a server that never starts fails the test
        line = self.proc.stdout.readline() if ready else ""
        if "http://" not in line:
            self.close()
            raise RuntimeError(f"serve did not start: {line!r} {self.proc.stderr.read()!r}")
        self.url = line.split(" at ", 1)[1].split()[0].rstrip("/")
        self.port = int(self.url.rsplit(":", 1)[1])

    def raw(self, target: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
        """One HTTP/1.1 request written by hand, so the path reaches the server exactly as given."""
        import socket

        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        return int(head.split(b" ", 2)[1]), body

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except Exception:
                self.proc.kill()
                self.proc.wait(timeout=10)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream:
                stream.close()
