"""The package's layers: every import goes down, and no module imports itself round a cycle.

Read from the source with ast (every import: at the top, inside functions, under TYPE_CHECKING).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "plancheck"

# What each layer may import (besides itself). loader and analysis are side by side: a result is
# computed from models alone, never by calling back into the files they were read from.
ALLOWED: dict[str, set[str]] = {
    "version": set(),
    "arith": set(),
    "model": {"arith"},
    "loader": {"arith", "model"},
    "analysis": {"arith", "model"},
    "checks": {"arith", "model", "analysis"},
    "extract": {"arith", "model"},
    "incremental": {"arith", "model", "loader", "analysis", "checks"},
    "api": {"arith", "model", "loader", "analysis", "checks", "extract", "incremental"},
    "render": {"arith", "model", "analysis", "extract", "checks", "api", "version"},
    "cli": {"arith", "model", "loader", "analysis", "checks", "extract", "incremental", "api", "render", "version"},
    "__main__": {"cli"},
}
# The package face sits on top: it names the public API (imported lazily: see the test below).
ALLOWED["__init__"] = set(ALLOWED) - {"__init__", "__main__"}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def imports_of(path: Path, *, runtime_only: bool = False, root: Path = PACKAGE) -> set[str]:
    """The plancheck modules a file imports (``runtime_only``: not those under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped |= {id(n) for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "plancheck"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "plancheck":
                continue
            folder = root.parent / target.replace(".", "/")
            submodules = {a.name for a in node.names if (folder / f"{a.name}.py").exists()}
            found |= {f"{target}.{name}" for name in submodules}  # `from . import growth` names a module
            if len(submodules) < len(node.names):
                found.add(target)
    return found - {here}


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_layers_are_the_folders():
    layers = {layer_of(m) for m in MODULES}
    assert layers == set(ALLOWED), layers ^ set(ALLOWED)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_import_goes_down(module):
    mine = layer_of(module)
    upward = sorted(
        f"{module} imports {target}"
        for target in imports_of(MODULES[module])
        if layer_of(target) != mine and layer_of(target) not in ALLOWED[mine]
    )
    assert not upward


def test_the_package_face_imports_nothing_at_start_up():
    # `import plancheck` (and `plancheck --help`) must not pull in pydantic, numpy or the checks.
    assert imports_of(PACKAGE / "__init__.py", runtime_only=True) == {"plancheck.version"}


def test_no_import_cycle():
    graph = {m: {t for t in imports_of(p) if t in MODULES} for m, p in MODULES.items()}
    # A package imports its own modules only as a face; an edge into a package's __init__ from inside
    # the package would be a cycle too, and is reported like any other.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, [" → ".join(c) for c in cycles]


def test_the_layer_test_sees_upward_and_type_only_imports(tmp_path):
    root = tmp_path / "plancheck"
    (root / "arith").mkdir(parents=True)
    (root / "checks").mkdir()
    for path in (
        root / "__init__.py",
        root / "arith" / "__init__.py",
        root / "checks" / "__init__.py",
        root / "checks" / "registry.py",
    ):
        path.write_text("")
    bad = root / "arith" / "bad.py"
    bad.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..checks import registry\n"
        "def f():\n    from plancheck.checks.registry import RULES\n"
    )
    assert imports_of(bad, root=root) == {"plancheck.checks.registry"}
    assert imports_of(bad, root=root, runtime_only=True) == {"plancheck.checks.registry"}  # the one in f()
    assert "checks" not in ALLOWED[layer_of(module_name(bad, root))]
