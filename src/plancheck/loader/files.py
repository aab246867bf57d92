"""Which files a command reads, and reading them safely.

The paths given, ``$PLANCHECK_DATA``, or the bundled data. Only regular files are ever opened for
reading (a FIFO or a device named ``*.yaml`` would block or never end), and none larger than
``MAX_FILE_BYTES``. A path the user names that cannot be used stops the command (exit 2); a file
found while scanning a directory that cannot be read is reported as a finding of its own, and the
other files are still checked.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..model.findings import Finding
from ..model.status import Level

ENV_DATA = "PLANCHECK_DATA"
YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest plan file read: 64 MiB, some 170,000 indicators. Larger files are refused, not read."""

UNREADABLE = "unreadable-file"


class DataPathError(Exception):
    """A path the command cannot use at all (missing, unreadable, no data in it): exit code 2."""


class FileProblem(Exception):
    """A file that cannot be read as plan data, and why (not a regular file, too large, no access)."""


def bundled_data() -> Path:
    """The data shipped with plancheck (inside the package once installed, else the repo's data/)."""
    packaged = resources.files("plancheck") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "data"


def default_paths() -> list[Path]:
    """$PLANCHECK_DATA (paths separated by the system's path separator), else the bundled plans."""
    env = os.environ.get(ENV_DATA)
    if env is None or not env.strip():
        return [bundled_data() / "targets.yaml"]
    paths = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    if not paths:
        raise DataPathError(f"{ENV_DATA}={env!r} names no path: set it to plan files or directories, or unset it")
    return paths


def display_name(path: Path) -> str:
    """How findings name a file: relative to the current directory where it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n % 2**20 == 0 else f"{n:,} bytes"


def _kind(mode: int) -> str:
    for test, word in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return word
    return "not a regular file"


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (``MAX_FILE_BYTES``); ``FileProblem``
    with the reason otherwise.

    What the path names is looked at before it is opened, and the file is opened without blocking
    and looked at again, so a FIFO or device put in the place of a file is never waited on.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        raise FileProblem(f"cannot be read ({err.strerror})") from None
    if not stat.S_ISREG(mode):
        raise FileProblem(f"is {_kind(mode)}, not a regular file: not read")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise FileProblem(f"cannot be read ({err.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(f"is {_kind(st.st_mode)}, not a regular file: not read")
        if st.st_size > limit:
            raise FileProblem(f"is larger than the limit of {_size(limit)} ({st.st_size:,} bytes): not read")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileProblem(f"grew past the limit of {_size(limit)} while being read: not read")
        return b"".join(chunks)
    except OSError as err:
        raise FileProblem(f"cannot be read ({err.strerror})") from None
    finally:
        os.close(fd)


@dataclass
class Collected:
    """The files to read, and what could not be used in the directories scanned (as findings)."""

    files: list[Path] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def collect_files(paths: list[Path]) -> Collected:
    """Expand directories into their *.yaml files; refuse a named path that cannot be used.

    Files keep the order of ``paths`` (a directory's in sorted order); a file that is both named and
    found through a directory (or named through a symlink to it) is read once, under the name the
    user gave.
    """
    out = Collected()
    seen: set[str] = set()
    names: dict[str, Path] = {}  # real path of a file named directly → the name it was given

    def add(path: Path) -> None:
        key = os.path.realpath(path)  # unlike Path.resolve, never raises on a symlink loop
        if key not in seen:
            seen.add(key)
            out.files.append(names.get(key, path))

    kinds: list[tuple[Path, bool]] = []  # each path, and whether it is a directory
    for path in paths:
        if str(path) == "":
            raise DataPathError("an empty path was given: name a plan file or a directory")
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise DataPathError(f"{path}: no such file or directory") from None
        except OSError as err:  # a symlink loop, a name too long, no permission on a parent
            raise DataPathError(f"{path}: cannot be opened ({err.strerror})") from None
        if stat.S_ISDIR(st.st_mode):
            kinds.append((path, True))
        elif stat.S_ISREG(st.st_mode):
            kinds.append((path, False))
            names.setdefault(os.path.realpath(path), path)
        else:
            raise DataPathError(f"{path}: is {_kind(st.st_mode)}, not a regular file or directory")
    empty: list[Path] = []
    for path, is_dir in kinds:
        if not is_dir:
            add(path)
            continue
        found = _scan(path, out.problems)
        if not found:
            empty.append(path)
        for f in found:
            add(f)
    if empty and not out.files and not out.problems:  # nothing at all to check
        raise DataPathError(f"{empty[0]}: no *.yaml or *.yml files in this directory")
    return out


def _scan(folder: Path, problems: list[Finding]) -> list[Path]:
    def unreadable(err: OSError) -> None:
        where = display_name(Path(err.filename)) if err.filename else display_name(folder)
        problems.append(
            Finding(
                where,
                1,
                1,
                Level.ERROR,
                UNREADABLE,
                f"directory cannot be read ({err.strerror}): its plan files are not checked",
            )
        )

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # hidden files (.plancheck.yaml, .pre-commit-config.yaml) are configuration, not plans
        found += [Path(root) / n for n in sorted(names) if n.endswith(YAML_SUFFIXES) and not n.startswith(".")]
    return found
