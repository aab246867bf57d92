"""Which files a command reads: the paths given, $PLANCHECK_DATA, or the bundled data."""

from __future__ import annotations

import os
import stat
from importlib import resources
from pathlib import Path

ENV_DATA = "PLANCHECK_DATA"
YAML_SUFFIXES = (".yaml", ".yml")


class DataPathError(Exception):
    """A path the command cannot use at all (missing, unreadable, no data in it): exit code 2."""


def bundled_data() -> Path:
    """The data shipped with plancheck (inside the package once installed, else the repo's data/)."""
    packaged = resources.files("plancheck") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "data"


def default_paths() -> list[Path]:
    """$PLANCHECK_DATA, else the bundled plans (the bundled catalogue is read on its own, once)."""
    env = os.environ.get(ENV_DATA, "").strip()
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    return [bundled_data() / "targets.yaml"]


def display_name(path: Path) -> str:
    """How findings name a file: relative to the current directory where it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def collect_files(paths: list[Path]) -> list[Path]:
    """Expand directories into their *.yaml files; refuse what cannot be used, with the reason."""
    files: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = Path(os.path.realpath(path))  # unlike Path.resolve, never raises on a symlink loop
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise DataPathError(f"{path}: no such file or directory") from None
        except OSError as err:  # a symlink loop, a name too long, no permission on a parent
            raise DataPathError(f"{path}: cannot be opened ({err.strerror})") from None
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / n for n in sorted(names) if n.endswith(YAML_SUFFIXES)]
            if not found:
                raise DataPathError(f"{path}: no *.yaml or *.yml files in this directory")
            for f in found:
                add(f)
        elif stat.S_ISREG(st.st_mode):
            add(path)
        else:
            raise DataPathError(f"{path}: not a regular file or directory")
    return files
