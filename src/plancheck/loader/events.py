"""Located, safe YAML loading.

PyYAML is asked only for its *event stream* (never to construct Python objects, and not even to
compose nodes, whose tag resolution is most of PyYAML's time), so no tag can run code and every value
keeps its line and column. The events are turned into plain data by hand:

* plain scalars stay the text they were written as (``3.20`` stays ``"3.20"``; ``no`` stays
  ``"no"``); only ``null``/``~``/empty and ``true``/``false`` are read as YAML values;
* duplicate keys, merge keys, aliases and explicit tags other than YAML's own are problems, reported
  at their line, not silently resolved (refusing aliases also makes alias bombs harmless);
* a syntax error is reported, the offending line blanked, and the file read again, so one run lists
  several problems instead of the first only.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from ..model.findings import Fix
from ..model.positions import COLUMNS, Pos, SourceMap, YamlPath

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:  # libyaml's parser is much faster on large files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
MAX_SYNTAX_RETRIES = 25
MAX_DEPTH = 64
"""How deeply lists and mappings may nest (a plan file needs about 10 levels). Deeper parts are not
read, which bounds the memory that keeping every value's position needs."""


class Problem(NamedTuple):
    line: int
    column: int
    rule: str
    message: str
    fix: Fix | None = None


@dataclass
class Document:
    """One YAML document as plain data, with the position of every value and every key."""

    data: Any
    source: SourceMap = field(default_factory=SourceMap)
    spans: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)  # first and last line of a node

    def pos(self, path: YamlPath) -> Pos:
        return self.source.pos(path)

    def key_pos(self, path: YamlPath) -> Pos:
        return self.source.key_pos(path)


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[Problem]
    blanked_lines: set[int] = field(default_factory=set)
    quiet_lines: set[int] = field(default_factory=set)  # lines with a problem counted in another's message


_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\xfe\xff", "UTF-16BE"),
    (b"\xff\xfe", "UTF-16LE"),
)


def guess_encoding(raw: bytes) -> str:
    """The encoding a file that is not UTF-8 is most likely in, for the advice: by its byte order
    mark, its NUL bytes (UTF-16/32 text of ASCII characters), or whether it reads as Chinese."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name[:6]
    head = raw[:4096]
    if head.count(0) > len(head) // 4:
        return "UTF-32" if head[1:3] == b"\x00\x00" or head[:3].count(0) == 3 else "UTF-16"
    mostly = raw.decode("utf-8", errors="replace")
    if sum(1 for ch in mostly if ord(ch) > 0x7F and ch != "\ufffd") > 2 * mostly.count("\ufffd"):
        return "UTF-8"  # UTF-8 text with a few bytes that are not
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return "CP1252"
    return "GB18030" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "CP1252"


def decode(raw: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 (with or without BOM) or a clear refusal at the first bad byte, with the command that
    converts the file from the encoding it looks like it is in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        source = guess_encoding(raw)
        looks = {"GB18030": "GB18030/GBK (Chinese)", "CP1252": "CP1252/Latin-1 (Western European)"}.get(source, source)
        if source == "UTF-8":
            hint = "the rest of the file is UTF-8: retype the character at this place"
        else:
            hint = f"it looks like {looks}: save it as UTF-8, e.g. `iconv -f {source} -t UTF-8 FILE > NEW`"
        return None, Problem(line, column, "encoding", f"not UTF-8 (byte 0x{raw[err.start]:02x}): {hint}")


def load_bytes(raw: bytes) -> LoadResult:
    text, problem = decode(raw)
    if text is None:
        return LoadResult([], [problem] if problem else [])
    return load_text(text)


# YAML reads NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks; editors, grep and people do
# not. Stood in for by private-use characters while parsing (and put back in every value), they keep
# every line number as an editor counts it, and cannot end a comment early.
_BREAKS = {"\x85": "\U000f0085", "\u2028": "\U000f2028", "\u2029": "\U000f2029"}
_HIDE = str.maketrans(_BREAKS)
_HAS_BREAK = re.compile("[\U000f0085\U000f2028\U000f2029]").search
_SHOW = str.maketrans({v: k for k, v in _BREAKS.items()})
# What YAML does not allow in a stream at all (C0 controls but tab and line ends, DEL, C1 but NEL,
# surrogates, U+FFFE and U+FFFF).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NAMES = {"\x00": "a NUL character", "\x1b": "an escape character (ESC)", "\x7f": "a DEL character"}


def _prepare(text: str) -> tuple[str, list[Problem]]:
    """The text as the parser gets it, and a problem for each line with a character YAML forbids
    (each is replaced by a space, so that the rest of the file is still read and checked)."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = text.translate(_HIDE)
    problems: list[Problem] = []
    last_line = 0
    for m in _FORBIDDEN.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if line == last_line:
            continue
        last_line = line
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        ch = m.group()
        what = _NAMES.get(ch, f"the control character U+{ord(ch):04X}")
        problems.append(
            Problem(
                line,
                column,
                "yaml-character",
                f"{what} is not allowed in a YAML file: remove it (the line is read without it)",
            )
        )
    return (_FORBIDDEN.sub(" ", text), problems) if problems else (text, problems)


# Full-width punctuation typed with a Chinese input method still on, where YAML's structure needs
# ASCII. Plan files' keys are ASCII names, so a name followed by a full-width colon, a full-width
# comma before such a key, and an ideographic space in the indentation or after ``-`` or ``:`` are
# never meant as text.
_FULL_WIDTH = re.compile(
    r"^(?P<lead>[ \u3000]*(?:-[ \u3000]+)*)(?:"
    r"(?P<key>[A-Za-z_][A-Za-z0-9_-]*)(?P<colon>\uff1a)"
    r"|(?P<dash>-)(?P<dspace>\u3000))"
)
_FULL_WIDTH_COMMA = re.compile(r"(?P<comma>\uff0c)\s*[A-Za-z_][A-Za-z0-9_-]*\s*:")
_KEY_SPACE = re.compile(r"^\s*(?:-\s+)*[A-Za-z_][A-Za-z0-9_-]*(?P<colon>:)(?P<space>\u3000)")
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")
_WHAT = {
    "\uff1a": ("a full-width colon '：'", "':'"),
    "\uff0c": ("a full-width comma '，'", "','"),
    "\u3000": ("an ideographic space (U+3000)", "a space"),
}
_ASCII = {"\uff1a": ": ", "\uff0c": ",", "\u3000": " "}


def _full_width_marks(line: str) -> list[int]:
    """The columns (0-based) of full-width punctuation in structural places of one line."""
    marks: list[int] = []
    lead = len(line) - len(line.lstrip(" \u3000"))
    marks += [i for i in range(lead) if line[i] == "\u3000"]
    m = _FULL_WIDTH.match(line)
    if m:
        marks += [m.start(g) for g in ("colon", "dspace") if m.group(g)]
        marks += [i for i in range(m.start("lead"), m.end("lead")) if line[i] == "\u3000" and i >= lead]
    m = _KEY_SPACE.match(line)
    if m:
        marks.append(m.start("space"))
    if "{" in line or "[" in line:
        marks += [c.start("comma") for c in _FULL_WIDTH_COMMA.finditer(line)]
    return sorted(set(marks))


def _full_width(text: str) -> tuple[str, list[Problem]]:
    """Each full-width mark where YAML needs ASCII, reported at its own column with the fix, and the
    text with the ASCII character in its place (so the file is read as it was meant)."""
    if not any(ch in text for ch in _ASCII):
        return text, []
    problems: list[Problem] = []
    lines = text.split("\n")
    block_indent: int | None = None
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # the text of a block scalar (| or >) is text
            block_indent = None
        if line.lstrip().startswith("#"):
            continue
        marks = _full_width_marks(line)
        chars = list(line)
        for column in marks:
            what, ascii_ = _WHAT[line[column]]
            followed = line[column + 1 : column + 2]
            chars[column] = ":" if line[column] == "\uff1a" and followed in (" ", "") else _ASCII[line[column]]
            problems.append(
                Problem(
                    number,
                    column + 1,
                    "full-width",
                    f"{what} where YAML needs {ascii_}: retype it with the input method in English mode "
                    f"(read here as {ascii_})",
                    Fix(line[column], chars[column], token=False),
                )
            )
        if marks:
            lines[number - 1] = line = "".join(chars)
        if _BLOCK_SCALAR.search(line):
            block_indent = indent
    return "\n".join(lines), problems


def load_text(text: str) -> LoadResult:
    text, problems = _prepare(text)
    text, marks = _full_width(text)
    problems += marks
    blanked: set[int] = set()
    lines: list[str] = []  # the text's lines, split at the first syntax error
    for _ in range(MAX_SYNTAX_RETRIES):
        attempt: list[Problem] = []
        builder = _Builder(attempt)
        try:
            documents = builder.parse("".join(lines) if lines else text)
            problems += attempt
            break
        except yaml.MarkedYAMLError as err:
            lines = lines or text.splitlines(keepends=True)
            unclosed = _unclosed_flow(err, lines, blanked)
            if unclosed is not None:
                problem, index, repaired = unclosed
                problems.append(problem)
                blanked.add(index)  # never repaired twice: a second error there blanks the line
                lines[index] = repaired
                continue
            problem = _syntax_problem(err, lines)
            problems.append(problem)
            index = problem.line - 1
            if index in blanked or not 0 <= index < len(lines):
                return LoadResult([], problems)
            blanked.add(index)
            lines[index] = "\n" if lines[index].endswith(("\n", "\r")) else ""
        except yaml.YAMLError as err:  # errors without a mark (rare: reader errors)
            problems.append(Problem(1, 1, "yaml-syntax", f"YAML could not be read: {err}"))
            return LoadResult([], problems)
    else:
        return LoadResult([], problems)

    return LoadResult(documents, problems, {i + 1 for i in blanked}, {a.line for a in builder.aliases})


_CLOSER = {"{": "}", "[": "]"}


def _unclosed_flow(err: yaml.MarkedYAMLError, lines: list[str], done: set[int]) -> tuple[Problem, int, str] | None:
    """A ``{`` or ``[`` left open on its line: one problem at the bracket, and the line with the
    brackets it needs added at its end, so that the lines below are read as they were meant (the
    parser only notices the bracket lines later, and would report every line until then)."""
    start, mark = err.context_mark, err.problem_mark
    if start is None or mark is None or "flow" not in (err.context or "") or start.line == mark.line:
        return None
    if not 0 <= start.line < len(lines):
        return None
    line = lines[start.line]
    body = line.rstrip("\r\n")
    if start.line in done or body[start.column : start.column + 1] not in _CLOSER:
        return None
    first = start.column  # the outermost collection this line opens (`[a, {b: 1` needs both closed)
    for i in range(start.column):
        if body[i] in _CLOSER and (not body[:i].strip() or body[:i].rstrip()[-1] in ":-,[{"):
            first = i
            break
    stack: list[str] = []
    quote = ""
    end = len(body)
    for i in range(first, len(body)):
        ch = body[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in _CLOSER:
            stack.append(_CLOSER[ch])
        elif ch in "}]" and stack:
            stack.pop()
        elif ch == "#" and body[i - 1 : i] in (" ", "\t"):
            end = i
            break
    if not stack or quote:
        return None
    closers = "".join(reversed(stack))
    opener = body[first]
    message = (
        f"YAML syntax: this {opener} is never closed: add {closers} at the end of the line"
        " (the lines below are read as if it were there)"
    )
    repaired = body[:end].rstrip() + closers + (" " + body[end:] if end < len(body) else "") + line[len(body) :]
    return Problem(start.line + 1, first + 1, "yaml-syntax", message), start.line, repaired


def _syntax_problem(err: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return Problem(1, 1, "yaml-syntax", f"YAML syntax: {(err.problem or 'syntax error').strip()}")
    # An unclosed quote or bracket is found at the end of the file; its start is what to fix.
    if err.context_mark is not None and err.context and "while scanning a quoted scalar" in err.context:
        mark = err.context_mark
    what = (err.problem or "syntax error").strip()
    message = f"YAML syntax: {what}"
    if err.context and err.context_mark is not None and err.context_mark.line != mark.line:
        message += f" ({err.context.strip()} at line {err.context_mark.line + 1})"
    at = lines[mark.line][mark.column : mark.column + 1] if mark and mark.line < len(lines) else ""
    if at == "\t" or "'\\t'" in what:
        message += "; indent with spaces, not tabs"
    elif "mapping values are not allowed" in what:
        message += "; check this line's indentation, or quote a value that contains ': '"
    elif "expected <block end>" in what or "did not find expected key" in what:
        message += "; check the indentation of this line against the lines above"
    elif "quoted scalar" in (err.context or ""):
        message += "; close the quote on this line"
    elif "cannot start any token" in what:
        message += "; look for an unbalanced quote on this line or the lines above, or quote this value"
    elif "flow" in (err.context or ""):
        message += "; close the [ or { opened here or above"
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return Problem(line, column, "yaml-syntax", message)


class _Discard(str):
    """A key whose value is read (so its subtree is still checked) but not kept.

    Its text holds a NUL, which no YAML key can, so it never equals a key of the document.
    """


def _discard() -> _Discard:
    return _Discard("\x00discarded")


class _Frame:
    __slots__ = ("container", "is_key", "is_map", "key", "key_path", "path")

    def __init__(self, is_map: bool, container: Any, path: YamlPath, is_key: bool):
        self.is_map = is_map  # a mapping, else a sequence
        self.container = container
        self.path = path
        self.key: Any = None  # a mapping's pending key; None while a key is expected
        self.key_path: YamlPath = ()  # the pending key's path: the same tuple serves its value
        self.is_key = is_key  # this collection is itself used as a mapping key


_SCALAR = yaml.ScalarEvent
_MAP_START = yaml.MappingStartEvent
_SEQ_START = yaml.SequenceStartEvent
_MAP_END = yaml.MappingEndEvent
_SEQ_END = yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_DOC_START = yaml.DocumentStartEvent
_DOC_END = yaml.DocumentEndEvent
_STREAM_END = yaml.StreamEndEvent


class _Builder:
    """Plain data and positions from PyYAML events, in one pass with an explicit stack."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.aliases: list[Problem] = []  # reported once per file, with a count

    def _problem(self, mark: Any, rule: str, message: str) -> None:
        self.problems.append(Problem(mark.line + 1, mark.column + 1, rule, message))

    def _check_tag(self, event: Any) -> bool:
        tag = event.tag
        if tag is None or tag in _ALLOWED_TAGS or (tag == "!" and isinstance(event, yaml.ScalarEvent)):
            return True
        self._problem(
            event.start_mark,
            "yaml-tag",
            f"tag {tag.replace(_CORE, '!!')} is not allowed: plan files hold plain mappings, "
            "lists, text and numbers; remove the tag",
        )
        return False

    def parse(self, text: str) -> list[Document]:
        """The documents of ``text``, read from the parser's events one by one."""
        loader = _Loader(text)
        try:
            return self.build(iter(loader.get_event, None))
        finally:
            loader.dispose()

    def build(self, events: Any) -> list[Document]:
        # The loop runs once per event of the file: the common cases (a key, a plain scalar value)
        # come first and are handled inline; positions are packed ints (model/positions.py).
        documents: list[Document] = []
        stack: list[_Frame] = []
        doc = Document(None)
        positions = doc.source.positions
        key_positions = doc.source.key_positions
        spans = doc.spans
        intern = sys.intern
        skipping = 0  # how deep inside a collection nested beyond MAX_DEPTH
        skipped_key = False  # that collection stands where a mapping key belongs
        parent: _Frame | None = None  # the top of the stack
        for event in events:
            kind = type(event)
            if skipping:
                if kind is _MAP_START or kind is _SEQ_START:
                    skipping += 1
                elif kind is _MAP_END or kind is _SEQ_END:
                    skipping -= 1
                    if not skipping:
                        self._attach(doc, stack, None, skipped_key)
                continue
            if kind is _SCALAR and parent is not None:
                mark = event.start_mark
                if parent.is_map:
                    if parent.key is None:  # a key
                        key = event.value
                        if not key.isascii() and _HAS_BREAK(key):
                            key = key.translate(_SHOW)
                        key = intern(key)
                        if key == "<<" and not event.style:
                            self._problem(
                                mark,
                                "yaml-merge",
                                "merge keys (<<) are not supported in plan files: write the fields out",
                            )
                            parent.key = _discard()
                        elif key in parent.container:
                            first_path = (*parent.path, key)
                            first = key_positions[first_path] // COLUMNS
                            self._problem(
                                mark,
                                "duplicate-key",
                                f"duplicate key '{key}' (first at line {first}): YAML readers silently "
                                "keep only one of them; remove or rename one",
                            )
                            parent.key = _discard()
                        else:
                            parent.key = key
                            key_path = parent.key_path = (*parent.path, key)
                            key_positions[key_path] = (mark.line + 1) * COLUMNS + mark.column + 1
                        continue
                    key = parent.key
                    if isinstance(key, _Discard):
                        path: YamlPath = (*parent.path, key)
                    else:
                        path = parent.key_path
                    positions[path] = (mark.line + 1) * COLUMNS + mark.column + 1
                    value = self._scalar(event) if event.tag is None or self._check_tag(event) else None
                    if not isinstance(key, _Discard):
                        parent.container[key] = value
                    parent.key = None
                    continue
                container = parent.container
                item_path = (*parent.path, len(container))
                positions[item_path] = (mark.line + 1) * COLUMNS + mark.column + 1
                container.append(self._scalar(event) if event.tag is None or self._check_tag(event) else None)
                continue
            if len(stack) >= MAX_DEPTH and (kind is _MAP_START or kind is _SEQ_START):
                top = stack[-1]
                skipped_key = top.is_map and top.key is None
                self._problem(
                    event.start_mark,
                    "yaml-depth",
                    f"lists and mappings are nested more than {MAX_DEPTH} deep here: a plan file needs "
                    "fewer than 12 levels; this part is not read",
                )
                skipping = 1
                continue
            if kind is _DOC_START:
                doc = Document(None)
                positions = doc.source.positions
                key_positions = doc.source.key_positions
                spans = doc.spans
                continue
            if kind is _DOC_END:
                documents.append(doc)
                continue
            if kind is _MAP_END or kind is _SEQ_END:
                frame = stack.pop()
                parent = stack[-1] if stack else None
                spans[frame.path] = (positions[frame.path] // COLUMNS, event.end_mark.line + 1)
                self._attach(doc, stack, frame.container, frame.is_key)
                continue
            if kind is _STREAM_END:
                break
            if kind is not _SCALAR and kind is not _MAP_START and kind is not _SEQ_START and kind is not _ALIAS:
                continue  # stream start
            mark = event.start_mark
            is_key = parent is not None and parent.is_map and parent.key is None
            if is_key:
                self._problem(mark, "wrong-type", "a key must be a plain name, not a list, mapping or alias")
                path = (parent.path if parent else ()) + (_discard(),)
            elif parent is None:
                path = ()
            elif not parent.is_map:
                path = (*parent.path, len(parent.container))
            elif isinstance(parent.key, _Discard):
                path = (*parent.path, parent.key)
            else:
                path = parent.key_path
            positions[path] = (mark.line + 1) * COLUMNS + mark.column + 1
            if kind is _ALIAS:
                self.aliases.append(Problem(mark.line + 1, mark.column + 1, "yaml-alias", ""))
                self._attach(doc, stack, None, is_key)
            elif kind is _SCALAR:
                self._attach(doc, stack, self._scalar(event) if self._check_tag(event) else None, is_key)
            else:
                self._check_tag(event)
                is_map = kind is _MAP_START
                parent = _Frame(is_map, {} if is_map else [], path, is_key)
                stack.append(parent)
        if self.aliases:
            first_alias, more = self.aliases[0], len(self.aliases) - 1
            self.problems.append(
                first_alias._replace(
                    message=(
                        "aliases (*name) are not supported in plan files: write the value out where it is used"
                        + (f" ({more} more alias{'es' if more > 1 else ''} in this file)" if more else "")
                    )
                )
            )
        return documents

    @staticmethod
    def _scalar(event: Any) -> Any:
        if not event.style and event.tag is None:  # plain: only null and booleans are YAML values
            if event.value in _NULLS:
                return None
            if event.value in _TRUE:
                return True
            if event.value in _FALSE:
                return False
        value: str = event.value
        return value if value.isascii() or not _HAS_BREAK(value) else value.translate(_SHOW)

    @staticmethod
    def _attach(doc: Document, stack: list[_Frame], value: Any, is_key: bool) -> None:
        if not stack:
            doc.data = value
            return
        parent = stack[-1]
        if not parent.is_map:
            parent.container.append(value)
        elif is_key:  # a complex key: reported; its value is read but not kept
            parent.key = _discard()
        else:
            if not isinstance(parent.key, _Discard):
                parent.container[parent.key] = value
            parent.key = None
