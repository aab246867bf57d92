"""The plans' own source documents, read from a directory the user names (``validate --sources DIR``).

Each plan names its document by file name (``source: 000_c388b18c2f34bdc3.txt``); the lines of each
document named are read once, as UTF-8 (a byte-order mark is allowed). A document that is not there
or cannot be read is kept as the reason why, for a finding at the plan's ``source:``; a directory
that does not exist stops the command (exit 2).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .files import MAX_FILE_BYTES, DataPathError

SourceText = list[str] | str
"""A document's lines, or why they cannot be read (``is not in sources/``)."""


def read_sources(directory: Path, names: Iterable[str]) -> dict[str, SourceText]:
    """The lines of each document ``names`` lists, found in ``directory`` (a name may hold a
    subdirectory: ``2021/deqing.txt``); the reason instead where one cannot be read."""
    if not directory.is_dir():
        raise DataPathError(f"the sources directory {os.fspath(directory)} does not exist or is not a directory")
    out: dict[str, SourceText] = {}
    for name in sorted(set(names)):
        path = directory / name
        shown = os.fspath(path)
        if not path.is_file():
            out[name] = f"is not in {os.fspath(directory)} (no file {shown})"
            continue
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                out[name] = f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB ({shown})"
                continue
            raw = path.read_bytes()
        except OSError as err:
            out[name] = f"cannot be read ({shown}: {err.strerror})"
            continue
        try:
            out[name] = raw.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as err:
            out[name] = f"is not UTF-8 (byte {err.start + 1} of {shown}): convert it, e.g. iconv -f GB18030 -t UTF-8"
    return out
