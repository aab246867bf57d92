"""Finding and reading plancheck's configuration, and where each setting came from.

Where it is found, first match wins: ``--config FILE``; else ``$PLANCHECK_CONFIG``; else, from the
directory of the data (the first path given, or ``$PLANCHECK_DATA``'s, or the current directory)
upwards to the root: in each directory ``plancheck.toml``, then ``.plancheck.yaml``, then a
``pyproject.toml`` that has a ``[tool.plancheck]`` table. What is set on the command line overrides
the file; ``plancheck config`` prints the settings in effect and the origin of each.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..model.settings import ConfigFile, Settings
from .events import Document, load_bytes
from .files import FileProblem, read_file
from .schema_errors import schema_errors

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_CONFIG = "PLANCHECK_CONFIG"
NAMES = ("plancheck.toml", ".plancheck.yaml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be used: exit code 2, with the file and what is wrong."""


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    folder = Path(os.path.realpath(start))  # never raises, a symlink loop included
    if not os.path.isdir(folder):
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "plancheck" in tomllib.loads(read_file(path).decode("utf-8")).get("tool", {})
    except (FileProblem, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _raw(path: Path) -> tuple[dict[str, Any], Any]:
    """The configuration table of a file, and (for YAML) its document for positions."""
    try:
        raw = read_file(path)
    except FileProblem as err:
        raise ConfigError(f"{path}: {err}") from None
    if path.suffix == ".toml":
        try:
            table = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{path}: not valid TOML ({err})") from None
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("plancheck", {})
        elif "tool" in table and "plancheck" in table["tool"]:
            table = table["tool"]["plancheck"]
        return table, None
    result = load_bytes(raw)
    if result.problems:
        p = result.problems[0]
        raise ConfigError(f"{path}:{p.line}:{p.column}: {p.message}")
    doc = result.documents[0] if result.documents else None
    table = doc.data if doc is not None else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of settings")
    return table, doc


def read_config(path: Path) -> ConfigFile:
    """A configuration file, validated; ``ConfigError`` naming the place and the fix otherwise."""
    table, doc = _raw(path)
    try:
        return ConfigFile.model_validate(table)
    except ValidationError as err:
        if doc is not None:
            first = schema_errors(err, doc, ConfigFile)[0]
            raise ConfigError(f"{path}:{first.pos.line}:{first.pos.column}: {first.message}") from None
        # TOML: the same messages (a misspelt key gets its did-you-mean), at the key's line where it is found
        first = schema_errors(err, Document(table), ConfigFile)[0]
        key = next((str(p) for p in reversed(err.errors(include_url=False)[0]["loc"]) if isinstance(p, str)), "")
        line = _toml_line(path, key)
        raise ConfigError(f"{path}{f':{line}' if line else ''}: {first.message}") from None


def _toml_line(path: Path, key: str) -> int | None:
    """The first line of a TOML file that sets ``key`` (``key =``), if any."""
    if not key:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)), None)


def settings(start: Path | None = None, explicit: Path | None = None) -> Settings:
    """The settings of the configuration that applies to data at ``start`` (or ``explicit``, or
    ``$PLANCHECK_CONFIG``), before the command line's own."""
    out = Settings()
    env = os.environ.get(ENV_CONFIG, "").strip()
    path = explicit or (Path(env) if env else None) or find(start or Path.cwd())
    if path is None:
        return out
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    config = read_config(path)
    out.file = path
    here = path.parent
    name = str(path)
    for attr in ("data", "catalogue"):
        value = getattr(config, attr)
        if value is not None:
            out.set(attr, [here / p for p in value], name)
    for attr in ("select", "ignore", "per_file_ignores", "min_level", "rounding", "about_band"):
        value = getattr(config, attr)
        if value is not None:
            out.set(attr, value, name)
    if config.fail_on is not None:
        out.set("fail_on", config.fail_on, name)
    elif config.strict:
        out.set("fail_on", "warning", f"{name} (strict)")
    return out
