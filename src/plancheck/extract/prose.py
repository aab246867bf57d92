"""Numeric targets and achievements in a plan's sentences.

Each line is read on its own, with the year a preceding line set (到2025年, …) carried on until the
next heading. Every number on a line ends up in exactly one of three lists:

- :class:`Statement`: a figure placed in a statement (到2025年全市高新技术企业达到1000家以上);
- :class:`NotAFigure`: a number that is not a figure, with the reason: a year, a date, a document
  number (嘉政发〔2015〕91号), a code (G60, 5G), an ordinal (第2位), a list number (1.), a name in
  quotes (“142”), a version (4.0版), a span of years (5年), a threshold inside a name (5亿元以上制造业企业);
- :class:`Unread`: a number that could not be placed, with its clause, so nothing is dropped silently.

What a statement says (``kind``):

==============  ===========================================================================
level           a value reached: 达到/突破/超过 X, X以上, or a name followed by its figure
increment       新增 N (an addition; ``per_year`` for 每年新增)
cumulative      累计 N (a sum over the period)
growth_rate     年均增长 X% or X个百分点 a year
change          a change over a span: 增长 X%, 提高 X个百分点, 翻一番 (×2), 增长一倍; the year
                it is measured from in ``start_year`` (较2015年)
between         由/从 A 增长到 B: both values (``start``, ``amount``) and their years
coverage        全覆盖 (100%)
==============  ===========================================================================
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .cells import AMOUNT_RE, Amount, amount_from_match, normalize

StatementKind = Literal["level", "increment", "cumulative", "growth_rate", "change", "between", "coverage"]
NonFigureReason = Literal[
    "year",
    "date",
    "document number",
    "identifier",
    "code",
    "ordinal",
    "list number",
    "name in quotes",
    "title",
    "version",
    "span of years",
    "period",
    "threshold in a name",
    "heading number",
    "part of a name",
]
YearSource = Literal["line", "context"]


@dataclass(frozen=True)
class Statement:
    """One figure placed in a sentence.

    ``amount`` is the figure (for ``between``, the later value; ``start`` the earlier one).
    ``subject`` is the noun phrase it is about, as printed (best effort). ``year`` is the year the
    figure is for: printed on the line (``year_source`` "line") or carried from an earlier line
    ("context"); ``start_year`` the earlier year of a ``between`` or the year a ``change`` is
    measured from. ``column`` is the 1-based position on the line where ``amount.printed`` starts
    (``start_column``: where ``start.printed`` starts).
    """

    line: int
    column: int
    kind: StatementKind
    subject: str
    amount: Amount
    clause: str
    year: int | None = None
    year_source: YearSource | None = None
    start: Amount | None = None
    start_column: int | None = None
    start_year: int | None = None
    falling: bool = False
    """The change is a fall (下降, 降低, 减少): ``amount`` keeps the printed, positive figure."""
    per_year: bool = False
    """The figure repeats every year (每年新增 …)."""
    aspirational: bool = False
    """力争, 争取, 努力: a stretch target."""
    firm: bool = False
    """确保: a firm target."""

    @property
    def figures(self) -> tuple[Amount, ...]:
        """Every printed figure of the statement: the start of a ``between``, then the amount."""
        return (self.start, self.amount) if self.start is not None else (self.amount,)


@dataclass(frozen=True)
class NotAFigure:
    """A number on a line that is not a figure (a year, a date, a code …), and why."""

    line: int
    column: int
    text: str
    reason: NonFigureReason


@dataclass(frozen=True)
class Unread:
    """A clause with numbers that could not be placed: its line, its text and the numbers."""

    line: int
    column: int
    clause: str
    numbers: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ProseReading:
    """What the prose of a document says in numbers."""

    statements: tuple[Statement, ...]
    unread: tuple[Unread, ...]
    not_figures: tuple[NotAFigure, ...]


# ----------------------------------------------------------------------------- patterns (on normalised text)

_YEAR = r"(?:19|20)\d{2}"
_NUMBER_TOKEN = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")

_NON_FIGURES: tuple[tuple[NonFigureReason, re.Pattern[str]], ...] = (
    ("date", re.compile(rf"{_YEAR}-\d{{1,2}}-\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?")),
    ("date", re.compile(rf"{_YEAR}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?")),
    ("date", re.compile(r"(?<![\d.])\d{1,2}\s*月\s*\d{1,2}\s*日")),
    ("date", re.compile(r"(?<![\d.:])\d{1,2}:\d{2}(?::\d{2})?(?![\d])")),
    ("period", re.compile(rf"{_YEAR}\s*年?\s*[—－\-–~～至]\s*{_YEAR}\s*年?")),
    ("document number", re.compile(rf"[〔【\[(]\s*{_YEAR}\s*[〕】\])]\s*\d+\s*号")),
    ("document number", re.compile(r"【\s*\d+\s*号")),
    ("document number", re.compile(r"(?<![\d.])\d+\s*号")),
    ("code", re.compile(r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9.]*(?:[\-–][A-Za-z0-9]+)*")),
    ("code", re.compile(r"(?<![\d.])\d+(?:\.\d+)?[A-Za-z][A-Za-z0-9]*")),
    ("identifier", re.compile(r"(?<![\d.])(?=(?:[/\-–]?\d){6})\d+(?:[/\-–]\d+)+(?![\d])")),
    ("identifier", re.compile(r"(?<![\d.])\d{7,}(?![\d])")),
    ("heading number", re.compile(r"(?:专栏|附件|附表|表|图)\s*\d+")),
    ("code", re.compile(r"(?<![\d.])\d+\s*[*×x]\s*\d+(?![\d])")),
    ("code", re.compile(r"(?<![\d.])\d+(?:\s*\+\s*(?:\d+|[A-Za-z]+))+")),
    ("version", re.compile(r"(?<![\d.])\d+\.\d+\s*(?=版|系统)")),
    ("version", re.compile(r"(?<=[\u4e00-\u9fff])\d\.0(?=[\u4e00-\u9fff])")),
    ("ordinal", re.compile(r"第\s*\d+")),
    ("ordinal", re.compile(r"(?<![\d.])\d+\s*(?=届)")),
    ("part of a name", re.compile(r"(?<![\d.])\d+\s*(?=强)")),
    ("span of years", re.compile(r"(?<![\d.])\d{1,2}\s*(?=年(?!\d))(?!年[底末])")),
)
"""Numbers that are not figures, in the order they are looked for (a date before a year, …)."""

_LIST_NUMBER = re.compile(r"(?:^|(?<=[:。;]))\s*(?:\d{1,2}\s*[.、](?!\d)|[(]\s*\d{1,2}\s*[)])")
_QUOTED = re.compile(r"“[^“”]{0,14}”|‘[^‘’]{0,14}’|\"[^\"]{0,14}\"")
_TITLE = re.compile(r"《[^《》]*》")
_YEAR_TOKEN = re.compile(rf"(?<![\d.])({_YEAR})(?=\s*年|的)")

_SENTENCE_END = frozenset("。;!?")
_CLAUSE_END = frozenset(",:")
_OPEN = {"(": ")", "“": "”", "《": "》", "[": "]", "〔": "〕", "【": "】"}

_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.]|[(][一二三四五六七八九十]+[)])")

_WORD_FIGURES: tuple[tuple[re.Pattern[str], str, str, StatementKind], ...] = (
    (re.compile(r"全覆盖"), "100", "%", "coverage"),
    (re.compile(r"翻两番"), "4", "倍", "change"),
    (re.compile(r"翻三番"), "8", "倍", "change"),
    (
        re.compile(r"翻倍增长|翻一番|翻番|翻倍|增长一倍|增加一倍|提高一倍|(?<![一二三四五六七八九十双])倍增"),
        "2",
        "倍",
        "change",
    ),
)
"""Figures printed as words: 全覆盖 is 100%, 翻一番 and 增长一倍 ×2 (exact), 翻两番 ×4."""

_GROWTH_RATE = re.compile(
    r"(?:年均|年平均|每年平均|每年)(?:增长|增速|增幅|提高|提升|递增|下降|降低)(?:率)?(?:保持在|达到|为|在)?\s*$"
)
_CHANGE = re.compile(r"(增长|提高|提升|增加(?!值)|上升|扩大|下降|降低|减少|缩小|压减)(?:了)?\s*$")
_FALLING = re.compile(r"(下降|降低|减少|缩小|压减)(?:了)?\s*$")
_INCREMENT = re.compile(r"新增|新认定|新引进|新建|新培育|新设立|净增|增加(?!值|到|至)")
_CUMULATIVE = re.compile(r"累计|(?:\d+|[一二三四五六七八九十])\s*年\s*(?:总|合计)")
_PER_YEAR = re.compile(r"每年|每年度|年均")
_ASPIRATIONAL = re.compile(r"力争|争取|努力|力求|全力冲")
_FIRM = re.compile(r"确保")
_OWN_VERB = re.compile(r"\s*(?:实现|完成)")
_VERB = re.compile(
    r"达|突破|超|实现|建成|建设|培育|引进|引育|集聚|实施|开展|形成|打造|新建|筹集|设立|取得|入选|承接|完成|培养|认定|"
    r"增|提高|提升|保持|控制|降|减|为|是|有|居|投入|获|列入|拥有|达成|新认定|聚|育|建|招引"
)
_FROM = re.compile(rf"(?:由|从)\s*(?:({_YEAR})\s*年?\s*(?:底|末)?\s*的?)?\s*$")
_TO = re.compile(
    rf"^\s*(?:增长|增加|提高|提升|上升|下降|降低|减少|扩大|跃升|发展|升|降|跃居)?\s*(?:到|至|为)\s*"
    rf"(?:({_YEAR})\s*年?\s*(?:底|末)?\s*的?)?\s*$"
)
_LIST_GAP = re.compile(r"^\s*(?:、|和|及|与|以及)?\s*$")
_YEAR_PHRASE = re.compile(rf"(?:到|至|在|于|截至|截止|较|比|与|由|从)?\s*{_YEAR}\s*年?\s*(?:底|末|以来)?\s*的?")
_LEAD_FILLERS = re.compile(
    r"^(?:[、,:;和及与—\-\s(“”‘’]|其中|同时|并且|并|力争|确保|争取|努力|全力|年内|全年|今年|实现|进一步|预计|届时|加快|逐步|基本|全面)+"
)
_TRAIL_VERBS = re.compile(
    r"(?:分别|各|达到|达|为|突破|超过|超|保持在|控制在|稳定在|提高到|提升到|增长到|增加到|提高至|提升至|增长至|"
    r"年均增长|年均|每年|新增|新认定|新引进|实现|累计|约|力争|确保|争取|努力|全力冲|全力|是|有|至|到|在|不少于|不低于|"
    r"不超过|不高于|高于|低于|前|增长|提高|提升|增加|上升|下降|降低|减少|[\s,:、(“”‘’])+$"
)
_ONLY_VERBS = re.compile(
    r"^(?:引进|培育|引育|建成|建设|打造|集聚|实施|开展|组织|形成|新建|筹集|设立|取得|入选|承接|完成|培养|支持|认定|"
    r"新认定|新增|累计|实现|招引|争取|立项|攻克|推动|创建|布局|优选|遴选|拥有|培育提升|新引进|引进培育|建|育|聚)*$"
)
_MONEY_OR_SHARE = re.compile(r"^(?:%|‰|美元|元|个百分点|百分点)")
_OBJECT_VERB = re.compile(
    r"(?:引进|培育|引育|集聚|建成|设立|实施|培养|新认定|认定|组建|建设|打造|形成|取得|招引|引进培育|培育提升|等)\s*$"
)
_LEADING_VERB = re.compile(
    r"^(?:高水平|高标准|积极|大力)?(?:建成|建设|集聚|培育|提升|引进|引育|取得|组建|打造|形成)+(?=.)"
)


# ----------------------------------------------------------------------------- helpers


@dataclass
class _Found:
    start: int
    end: int
    amount: Amount
    word_kind: StatementKind | None = None
    clause: int = 0


@dataclass
class _Line:
    number: int
    text: str
    norm: str
    taken: list[tuple[int, int]] = field(default_factory=list)
    not_figures: list[NotAFigure] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def take(self, start: int, end: int, reason: NonFigureReason | None = None) -> None:
        self.taken.append((start, end))
        if reason is not None:
            words = self.text[start:end]
            lead = len(words) - len(words.lstrip())
            self.not_figures.append(NotAFigure(self.number, start + lead + 1, words.strip(), reason))


def _clauses(norm: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence) of each clause: split at , : and sentence ends, not inside brackets or quotes."""
    out: list[tuple[int, int, int]] = []
    depth: list[str] = []
    start, sentence = 0, 0
    for i, ch in enumerate(norm):
        if depth and ch == depth[-1]:
            depth.pop()
            continue
        if ch in _OPEN:
            depth.append(_OPEN[ch])
            continue
        if depth:
            continue
        if ch in _SENTENCE_END or ch in _CLAUSE_END:
            out.append((start, i, sentence))
            start = i + 1
            if ch in _SENTENCE_END:
                sentence += 1
    out.append((start, len(norm), sentence))
    return out


def _clause_of(clauses: Sequence[tuple[int, int, int]], pos: int) -> int:
    for i, (a, b, _) in enumerate(clauses):
        if a <= pos <= b:
            return i
    return len(clauses) - 1


def _amount_at(line: _Line, token: re.Match[str]) -> _Found | None:
    """The figure whose number is ``token``: a qualifier word before it, then AMOUNT_RE from there."""
    norm = line.norm
    s = token.start()
    starts = [s]
    for q in ("不低于", "不少于", "不超过", "不高于", "突破", "超过", "高于", "多于", "大于", "低于", "小于", "少于"):
        if norm.endswith(q, 0, s):
            starts.insert(0, s - len(q))
            break
    else:
        for q in (">=", "<=", "≥", "≧", "≤", "≦", ">", "<", "超", "约"):
            if norm.endswith(q, 0, s):
                starts.insert(0, s - len(q))
                break
    for pos in starts:
        m = AMOUNT_RE.match(norm, pos)
        if m is not None and m.start("num") == s:
            amount = amount_from_match(m, line.text)
            start, end = m.start(), m.end()
            if norm.endswith("前", 0, start) and amount.unit in ("位", "名") and amount.qualifier is None:
                amount = replace(amount, qualifier="at_most", printed="前" + amount.printed)
                start -= 1
            return _Found(start, end, amount)
    return None


def _clean_subject(text: str) -> str:
    s = _YEAR_PHRASE.sub("", text)
    s = re.sub(r"[(][^()]*\d[^()]*[)]", "", s)  # an annotation with numbers in brackets
    for _ in range(3):
        s = _LEAD_FILLERS.sub("", s)
        s = _TRAIL_VERBS.sub("", s)
    s = s.strip(" ,:;、)")
    if s.count("(") > s.count(")"):
        s = s[: s.rfind("(")].strip() if s.rfind("(") > 0 else s.lstrip("(")
    return s.strip()


def _split_list(text: str, n: int) -> list[str]:
    """The subjects of a 分别 list: split at 、, and at 和/及 when that gives as many as the figures."""
    parts = [p for p in re.split(r"、", text) if p.strip()]
    if len(parts) < n:
        finer = [p for part in parts for p in re.split(r"和|及|与", part) if p.strip()]
        if len(finer) == n:
            parts = finer
    return [p.strip() for p in parts]


# ----------------------------------------------------------------------------- one line


def _mark_non_figures(line: _Line) -> None:
    norm = line.norm
    for m in _TITLE.finditer(norm):
        if re.search(r"\d", m.group()):
            line.take(m.start(), m.end(), "title")
    for m in _QUOTED.finditer(norm):
        inner = m.group()[1:-1]
        if re.search(r"\d", inner) and line.free(m.start(), m.end()):
            line.take(m.start(), m.end(), "name in quotes")
    for m in _LIST_NUMBER.finditer(norm):
        if line.free(m.start(), m.end()) and re.search(r"\d", m.group()):
            line.take(m.start(), m.end(), "list number")
    for reason, pattern in _NON_FIGURES:
        for m in pattern.finditer(norm):
            if m.end() > m.start() and re.search(r"\d", m.group()) and line.free(m.start(), m.end()):
                line.take(m.start(), m.end(), reason)


@dataclass(frozen=True)
class _Year:
    start: int
    end: int
    year: int
    role: Literal["target", "compare", "from", "bare"]


def _years(line: _Line) -> list[_Year]:
    out: list[_Year] = []
    norm = line.norm
    for m in _YEAR_TOKEN.finditer(norm):
        if not line.free(m.start(), m.end()):
            continue
        end = m.end()
        after = re.match(r"\s*年\s*(?:底|末)?", norm[end:])
        if after:
            end += after.end()
        before = norm[max(0, m.start() - 3) : m.start()].rstrip()
        role: Literal["target", "compare", "from", "bare"] = "bare"
        if before.endswith(("较", "比", "与", "同比", "相比")):
            role = "compare"
        elif before.endswith(("由", "从")):
            role = "from"
        elif before.endswith(("到", "至", "在", "于", "截至", "截止")):
            role = "target"
        out.append(_Year(m.start(), end, int(m.group(1)), role))
        line.take(m.start(), m.end(), "year")
    return out


def _figures(line: _Line, unread: list[Unread], clauses: Sequence[tuple[int, int, int]]) -> list[_Found]:
    norm = line.norm
    found: list[_Found] = []
    for token in _NUMBER_TOKEN.finditer(norm):
        if not line.free(token.start(), token.end()):
            continue
        if norm[token.end() : token.end() + 1] == "/" or norm[max(0, token.start() - 1) : token.start()] == "/":
            continue  # a fraction (1/3): left for the unread
        f = _amount_at(line, token)
        if f is None:
            continue
        nxt = norm[f.end : f.end + 1]
        has_words_after = bool(re.match(r"[\u4e00-\u9fff]", nxt)) and nxt not in "和及与的"
        if (
            f.amount.qualifier
            and f.amount.unit
            and _MONEY_OR_SHARE.match(f.amount.unit)
            and (nxt == "的" or has_words_after)
        ):
            line.take(f.start, f.end, "threshold in a name")
            continue
        if f.amount.unit is None and f.amount.scale is None and f.amount.qualifier is None and has_words_after:
            a, b, _ = clauses[_clause_of(clauses, f.start)]
            unread.append(
                Unread(
                    line.number,
                    a + 1,
                    line.text[a:b].strip(),
                    (f.amount.printed,),
                    "a number without a unit inside words",
                )
            )
            line.take(f.start, f.end)
            continue
        line.take(f.start, f.end)
        found.append(f)
    for pattern, value, unit, kind in _WORD_FIGURES:
        for m in pattern.finditer(norm):
            if not line.free(m.start(), m.end()):
                continue
            inside = [q for q in _QUOTED.finditer(norm) if q.start() < m.start() and m.end() < q.end()]
            after = norm[m.end() : m.end() + 1]
            if (inside and inside[0].group()[1:-1] != m.group()) or (
                re.match(r"[\u4e00-\u9fff]", after) and after not in "和及与的"
            ):
                continue  # part of a name: “两个动态全覆盖”, 全覆盖活动, 倍增提质
            amount = Amount(value=value, printed=line.text[m.start() : m.end()], unit=unit)
            line.take(m.start(), m.end())
            found.append(_Found(m.start(), m.end(), amount, word_kind=kind))
    found.sort(key=lambda f: f.start)
    for f in found:
        f.clause = _clause_of(clauses, f.start)
    return found


@dataclass
class _State:
    """What one line leaves for the next: the year it set (到2025年), until a heading."""

    year: int | None = None


def _read_line(number: int, text: str, state: _State) -> tuple[list[Statement], list[Unread], list[NotAFigure]]:
    line = _Line(number, text, normalize(text))
    norm = line.norm
    if _HEADING.match(norm):
        state.year = None
    _mark_non_figures(line)
    years = _years(line)
    clauses = _clauses(norm)
    unread: list[Unread] = []
    found = _figures(line, unread, clauses)
    statements: list[Statement] = []

    def year_at(pos: int) -> tuple[int | None, YearSource | None]:
        here = [y for y in years if y.end <= pos and y.role in ("target", "bare")]
        if here:
            return here[-1].year, "line"
        return (state.year, "context") if state.year is not None else (None, None)

    i = 0
    previous_kind: dict[int, StatementKind] = {}
    while i < len(found):
        head = found[i]
        c_start, c_end, sentence = clauses[head.clause]
        # the figures of a list in one clause: 750家、1000家、2000家
        group = [head]
        j = i + 1
        while (
            j < len(found) and found[j].clause == head.clause and _LIST_GAP.match(norm[group[-1].end : found[j].start])
        ):
            group.append(found[j])
            j += 1
        prev_end = found[i - 1].end if i > 0 and found[i - 1].clause == head.clause else None
        seg_start = prev_end if prev_end is not None else c_start
        lead_norm = norm[seg_start : head.start]
        lead = text[seg_start : head.start]
        sentence_start = min(a for a, _, s in clauses if s == sentence)
        stance = _stance(norm, sentence_start, head.start, clauses)

        # 由 A 增长到 B
        if (
            len(group) == 1
            and j < len(found)
            and found[j].clause == head.clause
            and head.word_kind is None
            and found[j].word_kind is None
        ):
            frm = _FROM.search(lead_norm)
            to = _TO.match(norm[head.end : found[j].start])
            if frm and to:
                end_f = found[j]
                subject = _clean_subject(lead[: frm.start()])
                end_year = int(to.group(1)) if to.group(1) else year_at(end_f.start)[0]
                statements.append(
                    Statement(
                        line=number,
                        column=end_f.start + 1,
                        kind="between",
                        subject=subject or _previous_subject(statements),
                        amount=end_f.amount,
                        clause=text[c_start:c_end].strip(),
                        year=end_year,
                        year_source="line" if to.group(1) else year_at(end_f.start)[1],
                        start=head.amount,
                        start_column=head.start + 1,
                        start_year=int(frm.group(1)) if frm.group(1) else None,
                        falling=bool(re.search(r"下降|降低|减少", norm[head.end : end_f.start])),
                        aspirational=stance == "aspirational",
                        firm=stance == "firm",
                    )
                )
                previous_kind[head.clause] = "between"
                i = j + 1
                continue

        kind = _kind_of(head, lead_norm)
        inherit = previous_kind.get(head.clause) if prev_end is not None else None
        own_word = not re.match(r"[\d.]", normalize(head.amount.printed))
        if kind == "level" and head.word_kind is None and not own_word:
            if inherit in ("increment", "cumulative", "change", "growth_rate") and not _VERB.search(lead_norm):
                kind = inherit
            elif prev_end is None and not _VERB.search(lead_norm) and head.clause > 0:
                earlier = [s for s in statements if s.line == number and _same_sentence(clauses, s, sentence)]
                if earlier and earlier[-1].kind in ("increment", "cumulative") and not re.search(r"[\d]", lead_norm):
                    kind = earlier[-1].kind
        falling = kind in ("change", "growth_rate") and bool(_FALLING.search(lead_norm.rstrip(" 了")))
        per_year = kind in ("level", "increment") and bool(_PER_YEAR.search(text[c_start : head.start]))
        compare = [y for y in years if c_start <= y.start < head.start and y.role == "compare"]
        start_year = compare[-1].year if compare and kind in ("change", "growth_rate") else None

        # subjects
        if kind == "coverage":
            items = _coverage_items(lead)
            if len(items) > 1:
                for item in items:
                    year, source = year_at(head.start)
                    statements.append(
                        Statement(
                            line=number,
                            column=head.start + 1,
                            kind=kind,
                            subject=item,
                            amount=head.amount,
                            clause=text[c_start:c_end].strip(),
                            year=year,
                            year_source=source,
                            aspirational=stance == "aspirational",
                            firm=stance == "firm",
                        )
                    )
                previous_kind[head.clause] = kind
                i = j
                continue
        if prev_end is not None and "、" in lead_norm:
            cut = lead_norm.rfind("、") + 1
            lead, lead_norm = lead[cut:], lead_norm[cut:]
        more = j < len(found) and found[j].clause == head.clause
        after_end = found[j].start if more else c_end
        subjects = _subjects(text, norm, lead, lead_norm, group, kind, after_end, more)
        if not any(subjects):
            subjects = _previous_subjects(statements, len(group), number, clauses, sentence)
        amounts = [f.amount for f in group]
        post = [a.qualifier for a in amounts if a.qualifier]
        if len(amounts) > 1 and amounts[-1].qualifier in ("at_least", "at_most", "about") and len(post) == 1:
            amounts = [a if a.qualifier else replace(a, qualifier=amounts[-1].qualifier) for a in amounts]
        pairs: list[tuple[str, Amount, _Found]]
        if len(group) == 1 and len(subjects) > 1:
            pairs = [(s, amounts[0], head) for s in subjects]
        elif len(subjects) == len(group):
            pairs = list(zip(subjects, amounts, group, strict=True))
        else:
            whole = "、".join(subjects)
            pairs = [(whole, a, f) for a, f in zip(amounts, group, strict=True)]
        for subject, amount, f in pairs:
            if "排名" in subject and amount.qualifier is None and amount.unit in (None, "位", "名"):
                amount = replace(amount, qualifier="at_most")  # a rank to reach: 50th or better
            year, source = year_at(f.start)
            statements.append(
                Statement(
                    line=number,
                    column=f.start + 1,
                    kind=kind,
                    subject=subject,
                    amount=amount,
                    clause=text[c_start:c_end].strip(),
                    year=year,
                    year_source=source,
                    start_year=start_year,
                    falling=falling,
                    per_year=per_year,
                    aspirational=stance == "aspirational",
                    firm=stance == "firm",
                )
            )
        previous_kind[head.clause] = kind
        i = j

    statements.extend(_counted_doublings(number, text, norm, clauses, statements))

    # what is left: numbers no pattern took
    for token in _NUMBER_TOKEN.finditer(norm):
        if line.free(token.start(), token.end()):
            k = _clause_of(clauses, token.start())
            a, b, _ = clauses[k]
            clause = text[a:b].strip()
            if unread and unread[-1].line == number and unread[-1].column == a + 1:
                last = unread[-1]
                unread[-1] = replace(last, numbers=(*last.numbers, token.group()))
            else:
                reason = "a fraction" if norm[token.end() : token.end() + 1] == "/" else "no pattern for this number"
                unread.append(Unread(number, a + 1, clause, (text[token.start() : token.end()],), reason))
            line.take(token.start(), token.end())
    targets = [y for y in years if y.role in ("target", "bare")]
    if targets:
        state.year = targets[-1].year
    statements.sort(key=lambda s: s.start_column or s.column)
    unread.sort(key=lambda u: u.column)
    line.not_figures.sort(key=lambda n: n.column)
    return statements, unread, line.not_figures


_COUNTED_DOUBLING = re.compile(r"“?([一二三四五六七八九十])倍增”?\s*:")
_NUMERALS = {ch: i for i, ch in enumerate("一二三四五六七八九十", start=1)}


def _counted_doublings(
    number: int, text: str, norm: str, clauses: Sequence[tuple[int, int, int]], statements: Sequence[Statement]
) -> list[Statement]:
    """“六倍增”: followed by six figures: each of them doubles (×2). Only where the count is right."""
    out: list[Statement] = []
    for m in _COUNTED_DOUBLING.finditer(norm):
        sentence = clauses[_clause_of(clauses, m.end())][2]
        listed = [
            s for s in statements if s.kind == "level" and s.column > m.end() and _same_sentence(clauses, s, sentence)
        ]
        if len(listed) != _NUMERALS[m.group(1)]:
            continue
        at = norm.index("倍增", m.start())
        word = Amount(value="2", printed=text[at : at + 2], unit="倍")
        out += [replace(s, kind="change", amount=word, column=at + 1) for s in listed]
    return out


def _same_sentence(clauses: Sequence[tuple[int, int, int]], statement: Statement, sentence: int) -> bool:
    return clauses[_clause_of(clauses, statement.column - 1)][2] == sentence


def _stance(
    norm: str, start: int, end: int, clauses: Sequence[tuple[int, int, int]]
) -> Literal["aspirational", "firm"] | None:
    """力争 (aspirational) or 确保 (firm), whichever is said last before the figure in its sentence;
    a later clause that opens with a verb of its own (实现 …) ends its reach."""
    before = norm[start:end]
    hopes = [m.start() for m in _ASPIRATIONAL.finditer(before)]
    musts = [m.start() for m in _FIRM.finditer(before)]
    if not hopes and not musts:
        return None
    said = start + max([*hopes, *musts])
    if any(said < a < end and _OWN_VERB.match(norm, a) for a, _, _ in clauses):
        return None
    return "aspirational" if max(hopes, default=-1) > max(musts, default=-1) else "firm"


def _kind_of(head: _Found, lead: str) -> StatementKind:
    if head.word_kind is not None:
        return head.word_kind
    rate = head.amount.rate_unit
    tail = lead.rstrip()
    if rate is not None and _GROWTH_RATE.search(tail):
        return "growth_rate"
    if head.amount.unit == "倍":
        return "change"
    if _CHANGE.search(tail) and (rate is not None or re.search(r"较|比|相比|同比", lead)):
        return "change"
    if _INCREMENT.search(lead):
        return "increment"
    if _CUMULATIVE.search(lead):
        return "cumulative"
    return "level"


def _subjects(
    text: str,
    norm: str,
    lead: str,
    lead_norm: str,
    group: Sequence[_Found],
    kind: StatementKind,
    after_end: int,
    more_in_clause: bool,
) -> list[str]:
    """The noun phrase(s) a figure (or a list of figures) is about; "" where none is printed."""
    listed = re.search(
        r"(分别|各)\s*(?:达到|达|为|保持在|控制在|增长|提高|提升|增加|新增|有|是)?\s*(?:不少于|不低于|超过|超)?\s*$",
        lead_norm,
    )
    if listed:
        before = lead[: listed.start()]
        return [_LEADING_VERB.sub("", _clean_subject(p)) for p in _split_list(before, len(group))] or [""]
    subject = _clean_subject(lead)
    if kind in ("change", "growth_rate") and not subject:
        return [""]
    cleaned_lead = _TRAIL_VERBS.sub("", _YEAR_PHRASE.sub("", lead_norm)).strip()
    if not subject or _ONLY_VERBS.match(subject) or _OBJECT_VERB.search(cleaned_lead):
        after = text[group[-1].end : after_end]
        after_norm = norm[group[-1].end : after_end]
        if more_in_clause and "、" in after_norm:
            after, after_norm = after[: after_norm.find("、")], after_norm[: after_norm.find("、")]
        if "的" in after_norm:
            after = after[after_norm.rfind("的") + 1 :]
        after = _TRAIL_VERBS.sub("", after.strip()).strip(" ,:;、“”‘’")
        if after:
            return [after]
    domain = re.match(r"^在.*(?:领域|方面)(?=.)", subject)
    if domain:
        subject = subject[domain.end() :]
    subject = _LEADING_VERB.sub("", subject)
    return [subject]


def _coverage_items(lead: str) -> list[str]:
    """What 全覆盖 covers, item by item: 研发活动、研发机构、发明专利 → three (not inside brackets)."""
    parts: list[str] = []
    depth, start = 0, 0
    norm = normalize(lead)
    for i, ch in enumerate(norm):
        if ch in "(“":
            depth += 1
        elif ch in ")”" and depth:
            depth -= 1
        elif depth == 0 and (ch == "、" or ch == "和"):
            parts.append(lead[start:i])
            start = i + 1
    parts.append(lead[start:])
    items = [_LEADING_VERB.sub("", _clean_subject(p)) for p in parts]
    return [item for item in items if item]


def _previous_subject(statements: Sequence[Statement]) -> str:
    return statements[-1].subject if statements else ""


def _previous_subjects(
    statements: Sequence[Statement], n: int, number: int, clauses: Sequence[tuple[int, int, int]], sentence: int
) -> list[str]:
    """For 较2015年分别增长26家、65家: the subjects of the statements just before, in the same sentence."""
    earlier = [s for s in statements if s.line == number and _same_sentence(clauses, s, sentence)]
    if len(earlier) >= n:
        return [s.subject for s in earlier[-n:]]
    return [earlier[-1].subject if earlier else ""] * n


# ----------------------------------------------------------------------------- the document


def read_prose(lines: Sequence[str], *, skip: Collection[int] = ()) -> ProseReading:
    """Every numeric statement in a document given as its lines (line 1 is ``lines[0]``).

    ``skip``: line numbers not to read as prose (the lines of the tables). A year set by a line
    (到2025年) holds for the following lines until a heading (一、 or (一)).
    """
    state = _State()
    statements: list[Statement] = []
    unread: list[Unread] = []
    not_figures: list[NotAFigure] = []
    for number, text in enumerate(lines, start=1):
        if number in skip:
            continue
        found, left, aside = _read_line(number, text, state)
        statements.extend(found)
        unread.extend(left)
        not_figures.extend(aside)
    return ProseReading(tuple(statements), tuple(unread), tuple(not_figures))


def read_sentence(text: str, *, line: int = 1, year: int | None = None) -> ProseReading:
    """The statements of one line of text (``year``: the year an earlier line set, if any)."""
    state = _State(year=year)
    found, left, aside = _read_line(line, text, state)
    return ProseReading(tuple(found), tuple(left), tuple(aside))
