"""The `serve` sub-command: the local web app over a corpus database."""

from __future__ import annotations

import argparse
import os
import socket
import sys

from newsgraph.errors import NewsgraphError
from newsgraph.web.settings import DEFAULT, LOOPBACK, WebSettings

DB_ENV = "NEWSGRAPH_DB"
DB_DEFAULT = "newsgraph.db"


def register(sub: argparse._SubParsersAction) -> None:
    """Add `serve` to the newsgraph command line."""
    p = sub.add_parser("serve", help="browse a corpus database in a local web app (timeline, actors, articles)")
    p.add_argument("--db", default=os.environ.get(DB_ENV, DB_DEFAULT),
                   help=f"corpus database (default: ${DB_ENV} or ./{DB_DEFAULT})")
    p.add_argument("--host", default=DEFAULT.host, help=f"address to listen on (default {DEFAULT.host}: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT.port, help=f"port (default {DEFAULT.port}; 0 picks a free one)")
    p.add_argument("--allow-ingest", action="store_true", help="add POST /api/ingest (the server is read-only without it)")
    p.add_argument("--cache-entries", type=int, default=DEFAULT.cache_entries, metavar="N",
                   help=f"rendered API answers kept while the store is unchanged (default {DEFAULT.cache_entries}; 0: none)")
    p.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise NewsgraphError(f"--port {args.port}: use 0 to 65535")
    try:
        import uvicorn

        from newsgraph.web.app import create_app
    except ImportError as exc:
        raise NewsgraphError(f"the web app needs fastapi and uvicorn: pip install newsgraph ({exc.name} missing)") from None
    if args.cache_entries < 0:
        raise NewsgraphError(f"--cache-entries {args.cache_entries}: use 0 or more")
    settings = WebSettings(host=args.host, port=args.port, allow_ingest=args.allow_ingest,
                           cache_entries=args.cache_entries)
    app = create_app(args.db, settings)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", access_log=False,
                            server_header=False)
    server = uvicorn.Server(config)
    if args.host not in LOOPBACK:
        print(f"newsgraph: warning: listening on {args.host}: other machines can read this corpus",
              file=sys.stderr)
    sock = bind(args.host, args.port)
    port = sock.getsockname()[1]
    mode = "ingest allowed" if args.allow_ingest else "read-only"
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"newsgraph: serving {args.db} ({mode}) at http://{host}:{port}/  (Ctrl-C to stop)", flush=True)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a port in use is one clear line and port 0 prints the real port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise NewsgraphError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock
