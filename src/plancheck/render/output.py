"""Writing a report to a file: never over an existing file without --force, never half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output file cannot be written as asked (exit code 2)."""


def write_atomically(path: Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory.

    Without ``force`` an existing file is refused, and the final step is a hard link that fails if
    the name appeared meanwhile; with ``force`` it is an atomic rename over the old file. Either way a
    reader sees the old file or the whole new one, never a part.
    """
    if path.is_dir():
        raise OutputError(f"{path} is a directory: give a file name for the output")
    if path.exists() and not force:
        raise OutputError(f"{path} exists: use --force to overwrite it")
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{parent}: no such directory for the output")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror})") from None
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file would be, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise OutputError(f"{path} exists: use --force to overwrite it") from None
            except OSError:  # a file system without hard links
                if path.exists():
                    raise OutputError(f"{path} exists: use --force to overwrite it") from None
                os.replace(tmp, path)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
