"""Time and peak memory of plancheck on generated plan files, side by side with bare YAML parsing.

Run: python benchmarks/bench_load.py [MB ...]   (default: 1 5 20)

Each measurement runs in a fresh subprocess, so peak memory (max RSS) is that step's alone. The
floors are PyYAML with libyaml on the same file: `yaml.load` (CSafeLoader, what most tools do) and
the bare event stream (`yaml.parse`, what plancheck's loader starts from). Figures are printed, not
judged: compare the columns of one run on one machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = """plans:
  - id: bench
    title: {zh: 基准}
    region: {zh: 基准市, en: Bench, level: prefecture}
    issuer: 基准
    period: {first: 2021, last: 2025}
    source: bench.txt
    indicators:
"""
ROW = (
    "      - id: i{n}\n        name: 指标{n}\n        unit: 家\n        category: other\n"
    "        baseline: {{year: 2020, value: {b}, line: 1}}\n"
    "        target: {{year: 2025, value: {t}, line: 2}}\n"
    "        growth: {{value: {g}, unit: percent, line: 3}}\n"
)

STEPS = {
    "yaml.load (floor)": "import yaml; yaml.load(open(P, encoding='utf-8'), Loader=yaml.CSafeLoader)",
    "yaml.parse events (floor)": (
        "import yaml\nfor _ in yaml.parse(open(P, encoding='utf-8'), Loader=yaml.CSafeLoader): pass"
    ),
    "plancheck load": "import plancheck; plancheck.load(P)",
    "plancheck verify (library)": "import plancheck; plancheck.verify(plancheck.load(P))",
}
CLI = {
    "plancheck verify --format plain": ["verify", "--format", "plain"],
    "plancheck verify --format json": ["verify", "--format", "json"],
}


def make(path: Path, megabytes: float) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEAD)
        size = len(HEAD.encode())
        while size < megabytes * 1_000_000:
            # every fifth row states a rate that does not fit, so findings are part of the cost
            row = ROW.format(n=n, b=100 + n % 50, t=161.05 + n % 50 * 1.61, g=10 if n % 5 else 12)
            fh.write(row)
            size += len(row.encode())
            n += 1
    return n


def measure(argv: list[str]) -> tuple[float, float]:
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "e = time.perf_counter() - t\n"
        "print(json.dumps([e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *argv], capture_output=True, text=True, check=True)
    seconds, kib = json.loads(out.stdout)
    return seconds, kib / 1024


def main(sizes: list[float]) -> None:
    script = Path(sys.executable).with_name("plancheck")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'file':>8} {'rows':>8}  {'step':<34} {'seconds':>8} {'peak MB':>8}")
        for mb in sizes:
            path = Path(tmp) / f"bench-{mb}.yaml"
            rows = make(path, mb)
            real_mb = path.stat().st_size / 1e6
            for name, code in STEPS.items():
                s, m = measure([sys.executable, "-c", f"P = {str(path)!r}\n{code}"])
                print(f"{real_mb:7.1f}M {rows:8d}  {name:<34} {s:8.2f} {m:8.0f}")
            for name, args in CLI.items():
                s, m = measure([str(script), *args, "--data", str(path)])
                print(f"{real_mb:7.1f}M {rows:8d}  {name:<34} {s:8.2f} {m:8.0f}")
            print()


if __name__ == "__main__":
    start = time.perf_counter()
    main([float(a) for a in sys.argv[1:]] or [1, 5, 20])
    print(f"total {time.perf_counter() - start:.1f} s")
