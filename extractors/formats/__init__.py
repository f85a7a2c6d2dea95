"""Format parsers: each turns one kind of document into a :class:`Draft`.

A draft holds the document's raw paragraphs and the metadata its format
states; repair, boilerplate removal and figures are applied afterwards, the
same way for every format, by :func:`extractors.extract`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ExtractionError(ValueError):
    """The document cannot be turned into an article (empty, wrong shape, no text)."""


@dataclass
class Draft:
    format: str
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    column: str | None = None
    author: str | None = None
    fallback_author: str | None = None  # a weaker source (meta tag, JSON-LD): used when the body names nobody
    published_at: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    publisher: str | None = None
    info_code: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    title_from_text: bool = False  # the title was taken from the body's own text, which keeps it
