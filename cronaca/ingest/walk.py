"""Folders to article files: a sorted recursive walk that names every input it skips.

Hidden entries (a name starting with ``.``) are left out; files with another extension
are counted.  Symbolic links are followed, each folder is read once: a link back to a
folder being read (a loop) or a link that leads nowhere gets one :class:`InputError`, as
does a folder that cannot be listed, and a folder with no article file at all.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

from cronaca.errors import (
    InputError,
    dangling_link,
    folder_already_read,
    no_articles_in_folder,
    not_found,
    symlink_loop,
    unreadable,
    unreadable_folder,
)


def check_path(path: str) -> InputError | None:
    """Why ``path`` cannot be opened (missing, a symbolic link loop or dangling link,
    no permission), or None when it can be."""
    try:
        os.stat(path)
    except OSError as exc:
        return path_error(path, exc)
    return None


def path_error(path: str, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return symlink_loop(path)
    if os.path.islink(path):
        try:
            return dangling_link(path, os.readlink(path))
        except OSError:
            pass
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return not_found(path)
    return unreadable(path, exc.strerror or type(exc).__name__)


def walk(folder: Path, formats: tuple[str, ...]) -> Iterator[Path | InputError]:
    """The article files under ``folder`` in sorted path order, with an InputError for each
    folder or link skipped (in the same order), or one saying there is nothing to read."""
    found: list[tuple[Path, Path | InputError]] = []
    others = _visit(folder, formats, found, ancestors=[])
    if not found:  # (a folder that cannot be listed has its own message)
        found.append((folder, no_articles_in_folder(str(folder), others, formats)))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _visit(folder: Path, formats: tuple[str, ...], found: list[tuple[Path, Path | InputError]],
           ancestors: list[str]) -> int:
    """Adds the files and errors under ``folder`` to ``found``; returns how many files had another format."""
    real = os.path.realpath(folder)
    if real in ancestors:
        found.append((folder, folder_already_read(str(folder), real)))
        return 0
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        found.append((folder, unreadable_folder(str(folder), exc.strerror or type(exc).__name__)))
        return 0
    others = 0
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows a symbolic link
        except OSError:
            is_dir = False
        if is_dir:
            others += _visit(path, formats, found, [*ancestors, real])
            continue
        if path.suffix.lower() not in formats:
            others += 1
        elif entry.is_symlink() and (err := check_path(str(path))) is not None:
            found.append((path, err))
        else:
            found.append((path, path))
    return others
