"""The configuration a data repository keeps for plancheck, and what each setting means.

Read from ``plancheck.toml``, ``.plancheck.yaml`` or ``pyproject.toml``'s ``[tool.plancheck]`` (see
``loader/config.py`` for where it is found); flags on the command line override it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field

from ..arith.interval import Policy, Rounding
from .base import Model

LevelName = Literal["info", "warning", "error"]
FailOnName = Literal["error", "warning", "never"]


class ConfigFile(Model):
    """A plancheck configuration: every field optional; paths are relative to the file's directory."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, json_schema_extra={"title": "plancheck config"})

    data: list[str] | None = Field(None, description="Plan files or directories to read by default.")
    catalogue: list[str] | None = Field(
        None, description="Indicator catalogue files to read with the data (besides the bundled one)."
    )
    select: list[str] | None = Field(
        None, description="Rules to report, by id or prefix (claim → claim-mismatch, claim-pace …); default: all."
    )
    ignore: list[str] | None = Field(None, description="Rules never to report, by id or prefix.")
    per_file_ignores: dict[str, list[str]] | None = Field(
        None,
        alias="per-file-ignores",
        description="Rules to ignore in the files matching a pattern (relative to this file): "
        '{"plans/old/*.yaml": ["base-year"]}.',
    )
    strict: bool | None = Field(None, description="Fail on warnings too (fail-on: warning).")
    fail_on: FailOnName | None = Field(
        None, alias="fail-on", description="The level that makes a run fail: error (default), warning or never."
    )
    min_level: LevelName | None = Field(
        None, alias="min-level", description="The lowest level shown: info (default), warning or error."
    )
    rounding: Rounding | None = Field(
        None,
        description="How the printed figures were rounded: half-up (四舍五入, the default), half-even, or any "
        "(either: an interval's ends both count).",
    )
    about_band: float | None = Field(
        None,
        alias="about-band",
        gt=0,
        lt=1,
        description="The relative band of 左右 (about): 0.1 (the default) reads 500左右 as 450 to 550.",
    )


@dataclass
class Settings:
    """The settings in effect; ``origin`` says where each one that is set came from."""

    data: list[Path] = field(default_factory=list)
    catalogue: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "error"
    min_level: str = "info"
    rounding: Rounding = "half-up"
    about_band: float = 0.1
    file: Path | None = None  # the configuration file read, if any
    origin: dict[str, str] = field(default_factory=dict)

    @property
    def policy(self) -> Policy:
        """How printed figures are read under these settings."""
        return Policy(self.rounding, Fraction(str(self.about_band)))

    def set(self, name: str, value: Any, origin: str) -> None:
        setattr(self, name, value)
        self.origin[name] = origin

    def relative(self, path: str) -> str:
        """A finding's file as the patterns of ``per_file_ignores`` see it: relative to the config's
        directory (or the current one)."""
        root = self.file.parent if self.file else Path.cwd()
        try:
            return Path(os.path.relpath(os.path.realpath(path), os.path.realpath(root))).as_posix()
        except ValueError:
            return Path(path).as_posix()
