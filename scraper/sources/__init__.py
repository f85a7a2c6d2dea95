"""The sources ``cgpn crawl`` knows, by name."""

from __future__ import annotations

from scraper.sources.base import Scope, Source
from scraper.sources.cgpnews import Cgpnews
from scraper.sources.finews import Finews
from scraper.sources.urls import Urls
from scraper.sources.zcb_epaper import ZcbEpaper

SOURCES: dict[str, Source] = {s.name: s for s in (Finews(), ZcbEpaper(), Cgpnews(), Urls())}

__all__ = ["SOURCES", "Scope", "Source"]
