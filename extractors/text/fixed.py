"""What a byte-level repair returns: the text and what it could not repair for sure."""

from __future__ import annotations

from typing import NamedTuple


class Fixed(NamedTuple):
    """A repaired text and its warnings (bytes lost, characters guessed)."""

    text: str
    warnings: list[str]
