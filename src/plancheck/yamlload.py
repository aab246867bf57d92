"""Located, safe YAML loading.

PyYAML is asked only to *compose* nodes (never to construct Python objects), so no tag can run code
and every value keeps its line and column. The node tree is then turned into plain data by hand:

* plain scalars stay the text they were written as (``3.20`` stays ``"3.20"``; ``no`` stays
  ``"no"``); only ``null``/``~``/empty and ``true``/``false`` are read as YAML values;
* duplicate keys, merge keys, anchors/aliases and explicit tags other than YAML's own are problems,
  reported at their line, not silently resolved;
* a syntax error is reported, the offending line blanked, and the file read again, so one run lists
  several problems instead of the first only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's composer is several times faster on large files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[Any, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
MAX_SYNTAX_RETRIES = 25


@dataclass(frozen=True)
class Pos:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    rule: str
    message: str


@dataclass
class Document:
    """One YAML document as plain data, with the position of every value and every key."""

    data: Any
    positions: dict[Path, Pos] = field(default_factory=dict)
    key_positions: dict[Path, Pos] = field(default_factory=dict)
    spans: dict[Path, tuple[int, int]] = field(default_factory=dict)  # first and last line of a node

    def pos(self, path: Path) -> Pos:
        """Where ``path`` is written, or the nearest enclosing value that is."""
        for cut in range(len(path), -1, -1):
            p = path[:cut]
            if p in self.positions:
                return self.positions[p]
        return Pos(1, 1)

    def key_pos(self, path: Path) -> Pos:
        """Where the key of ``path`` is written (falls back to the value's position)."""
        return self.key_positions.get(path) or self.pos(path)


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[Problem]
    blanked_lines: set[int] = field(default_factory=set)


def decode(raw: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 (with or without BOM) or a clear refusal at the first bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        hint = ("save the file as UTF-8; text from a GB18030/GBK source converts with "
                "`iconv -f GB18030 -t UTF-8 FILE`")
        return None, Problem(line, column, "encoding",
                             f"not UTF-8 (byte 0x{raw[err.start]:02x}): {hint}")


def load_bytes(raw: bytes) -> LoadResult:
    text, problem = decode(raw)
    if problem is not None:
        return LoadResult([], [problem])
    return load_text(text)  # type: ignore[arg-type]


def load_text(text: str) -> LoadResult:
    problems: list[Problem] = []
    blanked: set[int] = set()
    lines = text.splitlines(keepends=True)
    for _ in range(MAX_SYNTAX_RETRIES):
        try:
            nodes = list(yaml.compose_all("".join(lines), Loader=_Loader))
            break
        except yaml.MarkedYAMLError as err:
            problem = _syntax_problem(err, lines)
            problems.append(problem)
            index = problem.line - 1
            if index in blanked or not 0 <= index < len(lines):
                return LoadResult([], problems, blanked)
            blanked.add(index)
            lines[index] = "\n" if lines[index].endswith(("\n", "\r")) else ""
        except yaml.YAMLError as err:  # errors without a mark (rare: reader errors)
            problems.append(Problem(1, 1, "yaml-syntax", f"YAML could not be read: {err}"))
            return LoadResult([], problems, blanked)
    else:
        return LoadResult([], problems, blanked)

    documents = []
    for node in nodes:
        if node is None:
            continue
        doc = Document(None)
        doc.data = _Converter(doc, problems).convert(node, ())
        documents.append(doc)
    return LoadResult(documents, problems, {i + 1 for i in blanked})


def _syntax_problem(err: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    mark = err.problem_mark or err.context_mark
    # An unclosed quote or bracket is found at the end of the file; its start is what to fix.
    if err.context_mark is not None and err.context and "while scanning a quoted scalar" in err.context:
        mark = err.context_mark
    what = (err.problem or "syntax error").strip()
    message = f"YAML syntax: {what}"
    if err.context and err.context_mark is not None and err.context_mark.line != mark.line:
        message += f" ({err.context.strip()} at line {err.context_mark.line + 1})"
    at = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
    if at == "\t" or "'\\t'" in what:
        message += "; indent with spaces, not tabs"
    elif "mapping values are not allowed" in what:
        message += "; check this line's indentation, or quote a value that contains ': '"
    elif "expected <block end>" in what or "did not find expected key" in what:
        message += "; check the indentation of this line against the lines above"
    elif "quoted scalar" in (err.context or ""):
        message += "; close the quote on this line"
    elif "flow" in (err.context or ""):
        message += "; close the [ or { opened here or above"
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return Problem(line, column, "yaml-syntax", message)


class _Converter:
    def __init__(self, doc: Document, problems: list[Problem]):
        self.doc = doc
        self.problems = problems
        self.seen: set[int] = set()

    def _problem(self, node: yaml.Node, rule: str, message: str) -> None:
        self.problems.append(Problem(node.start_mark.line + 1, node.start_mark.column + 1, rule, message))

    def convert(self, node: yaml.Node, path: Path) -> Any:
        self.doc.positions[path] = Pos(node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.spans[path] = (node.start_mark.line + 1, node.end_mark.line + 1)
        if id(node) in self.seen:
            self._problem(node, "yaml-alias",
                          "anchors and aliases (&name / *name) are not supported in plan files: "
                          "write the value out where it is used")
            return None
        if node.tag not in _ALLOWED_TAGS:
            self._problem(node, "yaml-tag",
                          f"tag {node.tag.replace(_CORE, '!!')} is not allowed: plan files hold plain "
                          "mappings, lists, text and numbers; remove the tag")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._mapping(node, path)

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        if not node.style:  # plain (None, or "" from libyaml): only null and booleans are YAML values
            if node.value in _NULLS and node.tag != _CORE + "str":
                return None
            if node.value in _TRUE:
                return True
            if node.value in _FALSE:
                return False
        return node.value

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                self._problem(key_node, "yaml-merge",
                              "merge keys (<<) are not supported in plan files: write the fields out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "wrong-type", "a key must be a plain name, not a list or mapping")
                continue
            key = key_node.value
            if key in result or key in first_line:
                self._problem(key_node, "duplicate-key",
                              f"duplicate key '{key}' (first at line {first_line[key]}): YAML readers "
                              "silently keep only one of them; remove or rename one")
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.doc.key_positions[path + (key,)] = Pos(key_node.start_mark.line + 1,
                                                        key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, path + (key,))
        return result
