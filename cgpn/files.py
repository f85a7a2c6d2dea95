"""The files an import or an extraction reads: those named, and those with a known suffix under the
folders named. What cannot be read (a folder that cannot be listed, a broken link, a FIFO) is
reported in its place, so that the rest is still read and the caller prints one ``failed:`` line
for it. Light on purpose: the CLI walks files before it loads the extractors.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> for name in ("b.md", "a.html", "notes.pdf", ".git/x.md"):
...     (root / name).parent.mkdir(exist_ok=True)
...     _ = (root / name).write_text("本报讯")
>>> (root / "gone.txt").symlink_to(root / "deleted.txt")
>>> [f.name if isinstance(f, Path) else f"{f.path.name}: {f.reason}" for f in iter_files([root])]
['a.html', 'b.md', 'gone.txt: cannot read: broken symbolic link']
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

IMPORT_SUFFIXES = {".md", ".markdown", ".html", ".htm", ".shtml", ".txt", ".json"}


class Unreadable(NamedTuple):
    """A file or folder named or found that cannot be read, and why."""

    path: Path
    reason: str


def location(file: Path | Unreadable) -> str:
    """Where a file is recorded: its resolved path; an unreadable one as named (a broken link names
    itself, not its target)."""
    return os.path.abspath(file.path) if isinstance(file, Unreadable) else str(file.resolve())


def read(file: Path | Unreadable) -> tuple[str, bytes | str]:
    """(location, bytes) of a file, or (location, why it cannot be read)."""
    if isinstance(file, Unreadable):
        return location(file), file.reason
    try:
        return location(file), file.read_bytes()
    except OSError as exc:
        return location(file), f"cannot read: {exc.strerror or exc}"


def size(file: Path | Unreadable) -> int:
    """Bytes of a file as listed (0 when it cannot be read)."""
    try:
        return 0 if isinstance(file, Unreadable) else file.stat().st_size
    except OSError:
        return 0


def _unreadable(path: Path) -> Unreadable | None:
    """Why ``path`` (not a folder) cannot be read as a file, or None when it can be tried."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Unreadable(path, "cannot read: broken symbolic link") if path.is_symlink() else None
    except OSError as exc:
        return Unreadable(path, f"cannot read: {exc.strerror or exc}")
    return None if stat.S_ISREG(mode) else Unreadable(path, "cannot read: not a regular file (a FIFO, socket or device)")


def _walk(folder: Path) -> list[Path | Unreadable]:
    """Files with a known suffix under ``folder`` (hidden files and folders skipped, links followed once)."""
    found: list[Path | Unreadable] = []
    seen: set[tuple[int, int]] = set()

    def cannot_list(exc: OSError) -> None:
        found.append(Unreadable(Path(exc.filename), f"cannot read folder: {exc.strerror or exc}"))

    for top, dirs, names in os.walk(folder, onerror=cannot_list, followlinks=True):
        here = os.stat(top)
        if (here.st_dev, here.st_ino) in seen:  # a link back up the tree
            dirs.clear()
            continue
        seen.add((here.st_dev, here.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(top, name)
            if not name.startswith(".") and path.suffix.lower() in IMPORT_SUFFIXES:
                found.append(_unreadable(path) or path)
    return sorted(found, key=lambda f: f.path if isinstance(f, Unreadable) else f)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Unreadable]:
    """Each file named, and the files under each folder named (sorted), or :class:`Unreadable` in place
    of what cannot be read; ``FileNotFoundError`` for a name that does not exist at all."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            yield from _walk(p)
        elif p.is_file():
            yield p
        elif problem := _unreadable(p):
            yield problem
        else:
            raise FileNotFoundError(f"no such file or folder: {given}")
