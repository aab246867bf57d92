"""Writing a report to a file: never over an input, never over anything but a regular file without
--force, never half a file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """The output file cannot be written as asked (exit code 2)."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_target(path: Path, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output path that is one of the inputs (after resolving links), that exists and is
    not a regular file, or that exists at all without ``force``."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as err:  # a name too long, a parent that cannot be searched, a loop
        raise OutputError(f"{path}: cannot be written ({err.strerror})") from None
    for source in inputs:
        if _same_file(path, source):
            raise OutputError(f"{path} is one of the files being checked: write the report to another file")
    if st is None:
        return
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{path} is a directory: give a file name for the output")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(
            f"{path} exists and is not a regular file (a device, FIFO or socket): "
            "give a file name for the output, or - for standard output"
        )
    if not force:
        raise OutputError(f"{path} exists: use --force to overwrite it")


def write_atomically(
    path: Path,
    text: str | bytes | Iterable[str],
    force: bool = False,
    inputs: Iterable[Path] = (),
    *,
    mode: int | None = None,
) -> None:
    """Write ``text`` (UTF-8; bytes as they are: a PNG; or text in pieces, as they are made) to
    ``path`` through a temporary file in the same directory.

    Without ``force`` an existing file is refused, and the final step is a hard link that fails if
    the name appeared meanwhile; with ``force`` it is an atomic rename over the old file. Either way a
    reader sees the old file or the whole new one, never a part; the temporary file is removed
    whatever happens, a signal to stop included (the command line turns SIGTERM into an exit).
    ``mode``: the new file's permissions (a file rewritten in place keeps its own).
    """
    check_target(path, force, inputs)
    parent = path.parent
    if not os.path.isdir(parent):
        raise OutputError(f"{parent}: no such directory for the output")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror})") from None
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, mode if mode is not None else 0o666 & ~umask)  # not mkstemp's 0600
        with os.fdopen(fd, "wb") as fh:
            if isinstance(text, (str, bytes)):
                fh.write(text.encode("utf-8") if isinstance(text, str) else text)
            else:
                for piece in text:
                    fh.write(piece.encode("utf-8"))
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
                if os.path.exists(path):
                    raise OutputError(f"{path} exists: use --force to overwrite it") from None
                os.replace(tmp, path)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
