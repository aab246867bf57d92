"""A cache of each plan file as read, so that re-checking a repository reads again only what changed.

An entry holds what reading one file gives: its validated plans (with the position of every value),
its findings, and the catalogue entries, identities and part-whole identities it adds. It is found
by a digest of the file's bytes and its name as findings show it, under a directory named by a
digest of plancheck's own code and of the Python, pydantic and PyYAML it runs on; any change to
those starts a new directory, so an entry is never used for anything but the same input to the
same code. An entry is a few pickles one after the other: what the file adds and each plan's head
first, then the plans, so that a reader wanting only the heads unpickles no plan. plancheck/
incremental.py keeps each file's findings here too (entries named ``checks-`` and a digest).

Where: ``$PLANCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/plancheck``, else ``~/.cache/plancheck``.
``PLANCHECK_NO_CACHE=1`` or ``--no-cache`` turns it off. Entries are Python pickles, so the cache
is never taken from the data's own directory (a checkout could bring one) and a directory is used
only if it belongs to the user running plancheck and no one else can write to it.

Safe under concurrent runs: an entry is written to a temporary file and renamed into place, so a
reader sees a whole entry or none. An entry that cannot be read or is not what it should be is
ignored (the file is read instead, and the entry written again). A cache that cannot be written (a
read-only home, a full disk) is quietly not used for writing; the results are the same either way.

Kept small: an entry read is marked used (its time set to now); a run that writes an entry first
removes the entries not used for ``KEEP_DAYS`` days and the directories of other versions of the
code but the ``KEEP_VERSIONS`` used last (each edit of plancheck's code starts a directory).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ENV_CACHE_DIR = "PLANCHECK_CACHE_DIR"
ENV_NO_CACHE = "PLANCHECK_NO_CACHE"
FORMAT = 4  # what an entry holds; raised when that changes
KEEP_DAYS = 30  # an entry not used for this long is removed
KEEP_VERSIONS = 4  # the directories of other versions of the code kept, the ones used last


def cache_dir() -> Path | None:
    """Where the cache is (none when ``$PLANCHECK_NO_CACHE`` is set to anything but 0 or empty)."""
    if os.environ.get(ENV_NO_CACHE, "").strip() not in ("", "0"):
        return None
    env = os.environ.get(ENV_CACHE_DIR, "").strip()
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "plancheck"
    try:
        return Path.home() / ".cache" / "plancheck"
    except RuntimeError:  # no home directory to be found
        return None


@functools.cache
def code_digest() -> str:
    """A digest of plancheck's own code and the versions of what it runs on: what an entry depends
    on besides the file."""
    import pydantic
    import yaml

    digest = hashlib.sha256(f"{FORMAT} {sys.version} {pydantic.VERSION} {yaml.__version__}".encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0")
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _private(path: Path) -> bool:
    """Whether a cache directory is safe to read: the user's own, and no one else may write to it."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return stat.S_ISDIR(st.st_mode) and mine and not st.st_mode & 0o022


class Cache:
    """The entries of one version of plancheck's code, in ``root``."""

    def __init__(self, root: Path):
        self.root = root
        self.dir = root / code_digest()
        self.writable = True
        self.readable: bool | None = None  # whether self.dir may be read: looked at once, when first needed
        self.ready = False  # self.dir made (or found) and fit to write to

    @staticmethod
    def key(name: str, raw: bytes) -> str:
        """An entry's name: a digest of the file's name (as findings show it) and its bytes."""
        digest = hashlib.sha256(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str, parts: int | None = None) -> tuple[Any, ...] | None:
        """The entry ``key`` (its first ``parts`` parts only, where given: each part is a pickle of its
        own, so what is not asked for is not unpickled), or None if there is none that can be used."""
        if self.readable is None:
            self.readable = _private(self.dir)
        if not self.readable:
            return None
        path = self.dir / key
        try:
            with open(path, "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used: kept by prune
        try:
            stream = io.BytesIO(blob)
            head = pickle.load(stream)
            if not isinstance(head, tuple) or len(head) != 3 or head[:2] != (FORMAT, key):
                return None
            count = head[2] if parts is None else min(parts, head[2])
            return tuple(pickle.load(stream) for _ in range(count))
        except Exception:  # a truncated or damaged entry: read the file instead
            return None

    def put(self, key: str, *parts: Any) -> None:
        """Store an entry of ``parts`` (atomically), each a pickle of its own, so that a reader may
        unpickle the first few alone; nothing happens when the cache cannot be written."""
        if not self.writable:
            return
        tmp = None
        try:
            if not self.ready:
                os.makedirs(self.root, 0o700, exist_ok=True)
                with contextlib.suppress(FileExistsError):
                    os.mkdir(self.dir, 0o700)
                if not _private(self.dir):
                    self.writable = False
                    return
                self.ready = self.readable = True  # made here: what is written may be read back
                self.prune()
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.dir)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((FORMAT, key, len(parts)), fh, protocol=pickle.HIGHEST_PROTOCOL)
                for part in parts:
                    pickle.dump(part, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.dir / key)
            tmp = None
        except (OSError, pickle.PicklingError, RecursionError):
            self.writable = False
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def prune(self, now: float | None = None) -> None:
        """Remove the entries not used for ``KEEP_DAYS`` days (and temporary files a stopped run left),
        and the directories of other versions but the ``KEEP_VERSIONS`` used last; only what is the
        user's own, and never anything but files in those directories."""
        now = time.time() if now is None else now
        stale = now - KEEP_DAYS * 86400
        with contextlib.suppress(OSError), os.scandir(self.dir) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < stale:
                        os.unlink(entry.path)
        others: list[tuple[float, Path]] = []
        with contextlib.suppress(OSError), os.scandir(self.root) as dirs:
            for d in dirs:
                with contextlib.suppress(OSError):
                    if d.name != self.dir.name and d.is_dir(follow_symlinks=False) and _private(Path(d.path)):
                        others.append((d.stat(follow_symlinks=False).st_mtime, Path(d.path)))
        others.sort(reverse=True)
        for i, (used, path) in enumerate(others):
            if i >= KEEP_VERSIONS or used < stale:
                _remove_files(path)


def _remove_files(directory: Path) -> None:
    """The files of a cache directory, then the directory (left where anything else is in it)."""
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
    with contextlib.suppress(OSError):
        os.rmdir(directory)


def open_cache(enabled: bool = True) -> Cache | None:
    """The cache the command line uses: none when ``enabled`` is false or the environment turns it off."""
    if not enabled:
        return None
    root = cache_dir()
    return Cache(root) if root is not None else None
