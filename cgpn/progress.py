"""A progress bar on stderr when it is a terminal (rich), silent otherwise: cron and pipes see nothing."""

from __future__ import annotations

import sys
from typing import Any


class Bar:
    """Spinner, label, bar, how much is done and the time elapsed; ``unit="MB"`` counts bytes.

    ``shown=False`` (a crawl logging every fetch) keeps it off a terminal too.

    >>> with Bar("importing", total=3) as bar:  # not a terminal here: every call does nothing
    ...     bar.advance(2)
    ...     bar.step("checking", 1, None, note="new 1")
    """

    def __init__(self, label: str, total: int | None = None, unit: str = "", *, shown: bool = True):
        self.unit, self.note, self._progress = unit, "", None
        if not (shown and sys.stderr.isatty()):
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                  TextColumn("{task.fields[done]}"), TimeElapsedColumn(),
                                  console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task(label, total=total, done="")
        self._show()

    def __enter__(self) -> Bar:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, amount: float = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, amount)
            self._show()

    def step(self, label: str, done: float, total: float | None, note: str = "") -> None:
        """Show ``label`` with ``done`` of ``total`` (None: a pulsing bar), then ``note``."""
        self.note = note
        if self._progress is not None:
            self._progress.update(self._task, description=label, completed=done, total=total)
            self._show()

    def _show(self) -> None:
        task = self._progress.tasks[0]  # type: ignore[union-attr]
        if task.total is None:
            text = ""
        elif self.unit == "MB":
            text = f"{task.completed / 1e6:,.1f}/{task.total / 1e6:,.1f} MB"
        else:
            text = f"{task.completed:,.0f}/{task.total:,.0f}"
        self._progress.update(self._task, done=" ".join(filter(None, (text, self.note))))  # type: ignore[union-attr]
