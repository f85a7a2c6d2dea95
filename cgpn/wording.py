"""How the commands count things in their messages."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """``count`` and ``word``, plural unless one.

    >>> plural(1, "file"), plural(12, "file")
    ('1 file', '12 files')
    """
    return f"{count} {word}{'s' * (count != 1)}"
