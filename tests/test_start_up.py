"""The commands that compute nothing start without the computing layers (numpy above all)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [["--help"], ["list"], ["list", "--format", "json"], ["schema"]])
def test_commands_that_compute_nothing_do_not_import_numpy(args):
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "plancheck", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "plancheck.model.plan" in imported or args == ["--help"]
    assert not {m for m in imported if m == "numpy" or m.startswith(("numpy.", "plancheck.analysis"))}
