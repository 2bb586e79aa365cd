"""The local web app: timeline, actor graph, article view and search over a corpus store."""

from newsgraph.web.app import create_app
from newsgraph.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
