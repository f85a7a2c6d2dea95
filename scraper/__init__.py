"""Fetching: a polite HTTP client, one module per source, and the crawl engine.

``scraper`` knows HTTP and sites, nothing of SQLite: the frontier is the
:class:`~scraper.state.CrawlState` protocol and storage is the engine's ``sink``.
"""

from scraper.capture import Capture
from scraper.engine import CrawlStats, crawl, settings_for
from scraper.errors import FetchFailed, MarkupChanged, Refused, ScraperError
from scraper.request import Request, Response
from scraper.settings import CrawlSettings
from scraper.sources import SOURCES, Scope, Source

__all__ = [
    "SOURCES", "Capture", "CrawlSettings", "CrawlStats", "FetchFailed", "MarkupChanged", "Refused",
    "Request", "Response", "Scope", "ScraperError", "Source", "crawl", "settings_for",
]
