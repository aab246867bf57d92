"""The quality gates, run by the test command: lint, format and types of the whole tree.

Each runs the tool's own command line, as a developer would, from the repository's root; the
configuration is in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.gates

GATES = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
    "ruff format --check": [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
    "mypy": [sys.executable, "-m", "mypy", "--no-incremental"],
}


@pytest.mark.parametrize("gate", GATES)
def test_gate_passes(gate):
    done = subprocess.run(GATES[gate], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{gate} failed:\n{done.stdout}{done.stderr}"
