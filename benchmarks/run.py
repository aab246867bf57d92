"""plancheck's benchmark: time and peak memory of each command beside its floor, measured in one run.

Run (inside the environment plancheck is installed in):

    python benchmarks/run.py                    # 1,000, 10,000 and 100,000 indicators, 3 runs each
    python benchmarks/run.py --quick            # 1,000 and 10,000 indicators, one run each
    python benchmarks/run.py --million --repeat 1   # adds 1,000,000 indicators (hours; well over 16 GB)
    python benchmarks/run.py --sizes 1000,50000 --repeat 5 --yamllint-all --json results.json

Every step runs as a fresh process inside a small wrapper process of its own, which reports the
step's wall time and its peak RSS (``getrusage(RUSAGE_CHILDREN)`` of the wrapper, whose only child is
the step); a table shows the median of the runs. The floors are measured in the same run: for cold
start, importing plancheck's dependencies; for each corpus, libyaml's bare event stream over the same
files in one process. yamllint is the peer: a data repository runs it over the same files anyway.
After each size, the findings of ``verify`` (json and plain) must be exactly the errors the corpus
generator seeded (by file, line and rule): PASS or FAIL. See benchmarks/README.md for the columns.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from corpus import Corpus, generate

DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
YAMLLINT_LIMIT = 10_000

WRAPPER = """\
import json, resource, subprocess, sys, time
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    start = time.perf_counter()
    code = subprocess.run(sys.argv[3:], stdout=out, stderr=err).returncode
    seconds = time.perf_counter() - start
print(json.dumps([seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code]))
"""
IMPORT_FLOOR = "import typer, pydantic, yaml, numpy, rich.console"
ENV = shutil.which("env") or "/usr/bin/env"
JOBS = "PLANCHECK_JOBS"  # the processes plancheck reads files in (default: one)
EVENT_FLOOR = """\
import os, sys, yaml
path = sys.argv[1]
files = [path] if os.path.isfile(path) else sorted(
    os.path.join(root, name)
    for root, _, names in os.walk(path)
    for name in names
    if name.endswith((".yaml", ".yml"))
)
for name in files:
    with open(name, "rb") as fh:
        for _ in yaml.parse(fh, Loader=yaml.CSafeLoader):
            pass
"""
PLAIN_FINDING = re.compile(r"^(.+?):(\d+):(\d+): (error|warning|info) \[([a-z-]+)\] ")


@dataclass
class Step:
    """One command to measure, and its measurements."""

    label: str
    argv: list[str]
    cwd: Path
    key: str = ""  # the same step at another size
    floor: bool = False
    ok_codes: tuple[int, ...] = (0, 1)  # 1: findings at error level, which the corpus has on purpose
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    stdout: Path | None = None
    stderr: Path | None = None

    def __post_init__(self) -> None:
        self.key = self.key or self.label
        if self.floor:
            self.ok_codes = (0,)

    def complaint(self) -> str:
        """The last line the step wrote to stderr, for a step that failed."""
        text = self.stderr.read_text(encoding="utf-8", errors="replace") if self.stderr else ""
        lines = text.strip().splitlines()
        return lines[-1] if lines else "no message"

    @property
    def time(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return statistics.median(self.peak_kib) / 1024

    @property
    def failed(self) -> bool:
        return any(c not in self.ok_codes for c in self.codes)


def measure(step: Step, scratch: Path, env: dict[str, str]) -> None:
    """Run the step once in a fresh wrapper process; keep its wall time, peak RSS and exit code."""
    n = len(step.seconds)
    step.stdout = scratch / f"out-{id(step)}-{n}.txt"
    step.stderr = scratch / f"err-{id(step)}-{n}.txt"
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(step.stdout), str(step.stderr), *step.argv],
        cwd=step.cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, kib, code = json.loads(done.stdout)
    step.seconds.append(seconds)
    step.peak_kib.append(kib)
    step.codes.append(code)
    if n:  # keep the last run's output only
        (scratch / f"out-{id(step)}-{n - 1}.txt").unlink(missing_ok=True)
        (scratch / f"err-{id(step)}-{n - 1}.txt").unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------- checks


def _relative(name: str, cwd: Path, root: Path) -> str:
    path = Path(name) if os.path.isabs(name) else cwd / name
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return name


def found_json(step: Step, root: Path) -> set[tuple[str, int, str]]:
    assert step.stdout is not None
    data = json.loads(step.stdout.read_text(encoding="utf-8"))
    return {
        (_relative(f["file"], step.cwd, root), f["line"], f["rule"]) for f in data["findings"] if f["level"] == "error"
    }


def found_plain(step: Step, root: Path) -> set[tuple[str, int, str]]:
    assert step.stdout is not None
    out = set()
    for line in step.stdout.read_text(encoding="utf-8").splitlines():
        m = PLAIN_FINDING.match(line)
        if m and m.group(4) == "error":
            out.add((_relative(m.group(1), step.cwd, root), int(m.group(2)), m.group(5)))
    return out


def verdict(corpus: Corpus, found: set[tuple[str, int, str]]) -> str:
    want = {(s.file, s.line, s.rule) for s in corpus.seeded}
    if found == want:
        return f"PASS ({len(want)} seeded errors found, nothing else at error level)"
    missing, extra = sorted(want - found), sorted(found - want)
    show = "; ".join(f"{f}:{n} {r}" for f, n, r in (missing + extra)[:3])
    return f"FAIL ({len(missing)} seeded errors not found, {len(extra)} errors not seeded: {show})"


# ---------------------------------------------------------------------------------------------- table


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[str]:
    cpu = "unknown CPU"
    with_libyaml = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    try:
        import yaml

        with_libyaml = "with libyaml" if yaml.__with_libyaml__ else "WITHOUT libyaml (the floor needs it)"
    except ImportError:
        with_libyaml = "PyYAML missing"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    now = dt.datetime.now(dt.timezone.utc).astimezone()
    return [
        f"date      {now:%Y-%m-%d %H:%M %Z}",
        f"machine   {cpu}; {os.cpu_count()} cores ({usable} usable); {memory} memory; {platform.platform()}",
        f"python    {platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        f"packages  plancheck {_version('plancheck')}, numpy {_version('numpy')}, pydantic {_version('pydantic')}, "
        f"PyYAML {_version('PyYAML')} {with_libyaml}, typer {_version('typer')}, rich {_version('rich')}, "
        f"yamllint {_version('yamllint')}",
        "env       "
        + ", ".join(f"{v}={os.environ.get(v, '(unset)')}" for v in ("OPENBLAS_CORETYPE", "PYTHONDONTWRITEBYTECODE")),
    ]


HEADER = (
    "step",
    "files",
    "MB",
    "time s",
    "spread",
    "× floor",
    "× per 10×",
    "peak MB",
    "× floor",
    "KB/ind.",
    "Δ KB/ind.",
)


def print_table(rows: list[tuple[str, ...]]) -> None:
    full = [r for r in [HEADER, *rows] if len(r) == len(HEADER)]
    widths = [max(len(r[i]) for r in full) for i in range(len(HEADER))]
    for r in [HEADER, *rows]:
        if len(r) == 1:  # a section title
            print(r[0])
            continue
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        print("  ".join(cells).rstrip())


def _row(
    step: Step, floor: Step, where: tuple[str, str], n: int, earlier: Step | None, earlier_n: int
) -> tuple[str, ...]:
    """One line of the table: the step's medians, against its floor and against the same step one size down."""
    files, mb = where
    if not step.seconds:
        return (step.label, files, mb, "—", "", "", "", "", "", "", "")
    label = step.label + (f" (exit {','.join(map(str, sorted(set(step.codes))))}!)" if step.failed else "")
    against = not step.floor and bool(floor.seconds)
    t_floor = f"{step.time / floor.time:.1f}" if against else ""
    m_floor = f"{step.peak_mb / floor.peak_mb:.1f}" if against else ""
    per_ind = f"{(step.peak_mb - floor.peak_mb) * 1024 / n:.2f}" if against and n else ""
    per10 = marginal = ""
    if earlier is not None and earlier.seconds and n > earlier_n > 0:
        per10 = f"×{(step.time / earlier.time) ** (1 / math.log10(n / earlier_n)):.1f}"
        marginal = f"{(step.peak_mb - earlier.peak_mb) * 1024 / (n - earlier_n):.2f}"
    time_s, peak = f"{step.time:.2f}", f"{step.peak_mb:.0f}"
    spread = f"{(max(step.seconds) - min(step.seconds)) / step.time:.0%}" if len(step.seconds) > 1 else ""
    return (label, files, mb, time_s, spread, t_floor, per10, peak, m_floor, per_ind, marginal)


# ---------------------------------------------------------------------------------------------- main


def tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


@dataclass
class Bench:
    """One benchmark run: where it works, what it runs, and what it has found so far."""

    plancheck: str
    yamllint: str | None
    repeat: int
    lint_all: bool
    seed: int
    work: Path
    env: dict[str, str]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    verdicts: list[str] = field(default_factory=list)
    record: list[dict[str, object]] = field(default_factory=list)
    previous: dict[str, Step] = field(default_factory=dict)  # each step at the size before
    previous_n: int = 0

    def run(self, steps: list[Step]) -> None:
        """Round-robin over the steps, so that a drift of the machine falls on all of them alike."""
        scratch = self.work / "out"
        scratch.mkdir(exist_ok=True)
        for _ in range(self.repeat):
            for step in steps:
                measure(step, scratch, self.env)

    def keep(self, group: str, n: int, steps: list[Step]) -> None:
        for s in steps:
            self.record.append(
                {"group": group, "indicators": n, "step": s.label, "argv": s.argv[1:], "seconds": s.seconds,
                 "peak_kib": s.peak_kib, "exit": s.codes}
            )  # fmt: skip

    def cold_start(self) -> None:
        progress("cold start")
        here = self.work
        floor = Step(
            "import floor (typer, pydantic, yaml, numpy, rich)", [sys.executable, "-c", IMPORT_FLOOR], here, floor=True
        )
        steps = [
            floor,
            Step("plancheck --help", [self.plancheck, "--help"], here),
            Step("plancheck list (bundled data)", [self.plancheck, "list"], here),
            Step("plancheck verify (bundled data)", [self.plancheck, "verify"], here),
        ]
        self.run(steps)
        self.rows.append(("cold start",))
        self.rows += [_row(s, floor, ("", ""), 0, None, 0) for s in steps]
        self.keep("cold start", 0, steps)
        for s in steps:
            if s.failed:
                self.verdicts.append(f"{'cold start':>9}  {s.label:<38} FAIL (exit {s.codes}: {s.complaint()})")

    def size(self, n: int) -> None:
        progress(f"{n:,} indicators: generating")
        made = time.perf_counter()
        corpora = [generate(n, layout, self.work / f"{layout}-{n}", self.seed) for layout in ("big", "many")]
        made = time.perf_counter() - made
        first = corpora[0]
        self.rows += [
            ("",),
            (
                f"{n:,} indicators: {first.plans:,} plans, {first.claims:,} claims, {len(first.seeded)} seeded "
                f"errors (both layouts generated in {made:.1f} s)",
            ),
        ]
        for corpus in corpora:
            progress(f"{n:,} indicators: {corpus.layout} layout, {len(corpus.files):,} file(s)")
            self.layout(n, corpus)
            shutil.rmtree(corpus.root)
        self.previous_n = n

    def layout(self, n: int, corpus: Corpus) -> None:
        name, pc, cwd = corpus.layout, self.plancheck, corpus.root
        data = corpus.data.name if name == "big" else "."
        floor = Step(f"{name}: libyaml events (floor)", [sys.executable, "-c", EVENT_FLOOR, data], cwd, floor=True)
        plain = Step(
            f"{name}: plancheck verify --format plain", [pc, "verify", "--data", data, "--format", "plain"], cwd
        )
        as_json = Step(
            f"{name}: plancheck verify --format json", [pc, "verify", "--data", data, "--format", "json"], cwd
        )
        steps = [floor, Step(f"{name}: plancheck validate", [pc, "validate", data], cwd), plain, as_json]
        if name == "many":  # one process by default; two beside it, to see whether they pay here
            two = [ENV, f"{JOBS}=2", pc, "verify", "--data", data, "--format", "plain"]
            steps.insert(3, Step(f"{name}: verify --format plain, 2 processes", two, cwd))
        lint = Step(f"{name}: yamllint -d relaxed", [self.yamllint or "yamllint", "-d", "relaxed", data], cwd)
        if self.yamllint is not None and (n <= YAMLLINT_LIMIT or self.lint_all):
            steps.append(lint)
        self.run(steps)
        if lint not in steps:
            why = "not installed" if self.yamllint is None else f"above {YAMLLINT_LIMIT:,}, see --yamllint-all"
            lint.label += f": skipped ({why})"
            steps.append(lint)
        where = (f"{len(corpus.files):,}", f"{corpus.bytes / 1e6:.1f}")
        for s in steps:
            self.rows.append(_row(s, floor, where, n, self.previous.get(s.key), self.previous_n))
            self.previous[s.key] = s
        self.keep(name, n, steps)
        for s in (plain, as_json):
            if s.failed:
                self.verdicts.append(f"{n:>9,}  {s.label:<38} FAIL (exit {s.codes}: {s.complaint()})")
                continue
            got = found_json(s, corpus.root) if s is as_json else found_plain(s, corpus.root)
            self.verdicts.append(f"{n:>9,}  {s.label:<38} {verdict(corpus, got)}")
        if name == "many":
            self.warm(n, corpus, floor, plain, where)

    def warm(self, n: int, corpus: Corpus, floor: Step, cold: Step, where: tuple[str, str]) -> None:
        """A re-check with the cache filled by a run before: nothing changed, then one file changed
        (a comment added at its end before every run, so its bytes differ and its findings do not).
        Either output must be byte for byte the cold run's."""
        pc, cwd = self.plancheck, corpus.root
        env = {**self.env, "PLANCHECK_CACHE_DIR": str(self.work / f"cache-{n}")}
        env.pop("PLANCHECK_NO_CACHE", None)
        argv = [pc, "verify", "--data", ".", "--format", "plain"]
        fill = Step("many: verify, filling the cache", argv, cwd)
        same = Step("many: verify, warm, nothing changed", argv, cwd)
        edited = Step("many: verify, warm, one file changed", argv, cwd)
        changed = corpus.files[len(corpus.files) // 2]
        original = changed.read_bytes()
        scratch = self.work / "out"
        measure(fill, scratch, env)
        for k in range(self.repeat):
            measure(same, scratch, env)
            changed.write_bytes(original + f"# edited {k}\n".encode())
            measure(edited, scratch, env)
        changed.write_bytes(original)
        for s in (fill, same, edited):
            self.rows.append(_row(s, floor, where, n, self.previous.get(s.key), self.previous_n))
            self.previous[s.key] = s
        self.keep("many, cache", n, [fill, same, edited])
        expected = cold.stdout.read_bytes() if cold.stdout else b""
        for s in (same, edited):
            if s.failed or s.stdout is None:
                self.verdicts.append(f"{n:>9,}  {s.label:<38} FAIL (exit {s.codes}: {s.complaint()})")
                continue
            same_bytes = s.stdout.read_bytes() == expected
            self.verdicts.append(f"{n:>9,}  {s.label:<38} {'PASS' if same_bytes else 'FAIL'} (output = the cold run's)")


def progress(what: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {what}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time and peak memory of plancheck beside its floors.")
    parser.add_argument("--sizes", help="indicator counts, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--million", action="store_true", help="add 1,000,000 indicators (hours, >16 GB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the table shows medians (3)")
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 indicators, one run of each step")
    parser.add_argument("--yamllint-all", action="store_true", help=f"run yamllint above {YAMLLINT_LIMIT:,} too")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (0)")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes else list(DEFAULT_SIZES)
    repeat = args.repeat
    if args.quick:
        sizes, repeat = (sizes if args.sizes else list(QUICK_SIZES)), 1
    if args.million and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    sizes.sort()
    if repeat < 1 or not sizes or min(sizes) < 1:
        parser.error("--repeat and every size must be at least 1")
    plancheck = tool("plancheck")
    if plancheck is None:
        print("run.py: no plancheck command here: pip install -e '.[test]' first", file=sys.stderr)
        return 2
    # the steps read only what they are given: no data path from the environment, no CI annotations
    env = {k: v for k, v in os.environ.items() if k not in ("PLANCHECK_DATA", "GITHUB_ACTIONS")}
    env["NO_COLOR"] = "1"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # plancheck's bytecode cached, as an installed package's is
    env["PLANCHECK_NO_CACHE"] = "1"  # cold runs; the warm steps turn the cache on, in a directory of their own
    started = time.perf_counter()
    about = machine()
    print("\n".join(about))
    print(
        f"method    median of {repeat} run(s) of each step, each a fresh process in a wrapper process of its own;\n"
        "          time: the whole process's wall time; peak MB: its max RSS (getrusage RUSAGE_CHILDREN)\n"
    )
    with tempfile.TemporaryDirectory(prefix="plancheck-bench-") as tmp:
        bench = Bench(plancheck, tool("yamllint"), repeat, args.yamllint_all, args.seed, Path(tmp), env)
        bench.cold_start()
        for n in sizes:
            bench.size(n)
    print_table(bench.rows)
    print("\nseeded errors against verify's error-level findings (file, line, rule):")
    print("\n".join(bench.verdicts))
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    if args.json:
        out = {"machine": about, "repeat": repeat, "steps": bench.record}
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if all("PASS" in v for v in bench.verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
