"""Exit codes of the CLI contract (DESIGN.md) and the one error boundary."""

from __future__ import annotations

import click

EXIT_OK = 0
EXIT_PARTIAL = 1  # some items failed; they are recorded
EXIT_USAGE = 2
EXIT_LOCKED = 75  # another crawl holds the lock (EX_TEMPFAIL)


class CgpnError(click.ClickException):
    """An ``Error: …`` line with an optional hint and the contract's exit code."""

    def __init__(self, message: str, *, hint: str | None = None, exit_code: int = EXIT_PARTIAL):
        super().__init__(message + (f"\nHint: {hint}" if hint else ""))
        self.exit_code = exit_code
