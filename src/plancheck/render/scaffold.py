"""The files ``plancheck init`` writes: a data repository that works as written."""

from __future__ import annotations

from ..model.plan import json_schema
from .text import json_text

PLAN = """\
# yaml-language-server: $schema=../schema/plancheck.schema.json
# One plan of this repository: replace the example with a plan's own figures, each with the line of
# the source document (source:) it is printed on. `plancheck verify` checks the arithmetic;
# `plancheck rules` lists what it checks. A figure the source itself gets wrong is accepted with a
# reason (accepted:), so that it is still reported but does not fail the run.
plans:
  - id: example-2021-2025
    aliases: [example]
    title: {zh: 示例县科技创新发展“十四五”规划, en: Example County 14th Five-Year Plan for S&T Innovation}
    region: {zh: 示例县, en: Example, level: county}
    issuer: 示例县人民政府
    period: {first: 2021, last: 2025}
    source: example.txt
    indicators:
      - id: rd-intensity
        name: 全社会R&D经费支出占地区生产总值比重
        unit: "%"
        category: rd
        key: rd-intensity
        line: 12
        baseline: {year: 2020, value: 2.5, line: 12}
        target: {year: 2025, value: "3.0", line: 12}
        growth: {value: 0.1, unit: pp, line: 12}   # (3.0 − 2.5) / 5 = 0.1 percentage points a year
      - id: innovation-centres
        name: 县级以上创新中心
        unit: 家
        category: platforms
        key: example-innovation-centres   # an entry of this repository's catalogue.yaml
        line: 14
        baseline: {year: 2020, value: 20, line: 14}
        target: {year: 2025, value: 32, line: 14}
"""

OUTTURNS = """\
# yaml-language-server: $schema=../schema/outturns.schema.json
# Outturns: the values the plans' indicators were measured at, kept apart from the plans (one file a
# publication: a statistical bulletin, a mid-term review). Each entry names a plan (its id or an
# alias) and one of its indicators; each value keeps the line of the document (source:) it is
# printed on. `plancheck progress` compares them with the targets: replace the example with a
# bulletin's own figures. `plancheck schema --outturns` describes the fields.
title: 示例县2023年国民经济和社会发展统计公报
issuer: 示例县统计局
published: 2024-03-15
source: example-bulletin-2023.txt
outturns:
  - plan: example-2021-2025
    indicator: rd-intensity
    observed:
      - {year: 2023, value: "2.80", line: 21}   # (2.80 − 2.5) / 3 = 0.1 pp a year, the pace the target needs
"""

CATALOGUE = """\
# yaml-language-server: $schema=schema/catalogue.schema.json
# This repository's own catalogue entries, besides the bundled ones (`plancheck schema --catalogue`
# describes the fields). Plans point at an entry with `key:`; compare lines plans up by it.
catalogue:
  - key: example-innovation-centres
    en: Innovation centres at county level and above
    zh: 县级以上创新中心
    unit: 家
    kind: level
    additive: true
"""

CONFIG = """\
# plancheck's settings for this repository (see the README of plancheck, "Configuration").
# Flags on the command line override them; `plancheck config` shows what is in effect.
data = ["plans", "outturns"]
catalogue = ["catalogue.yaml"]
# select = ["ALL"]                        # rules to report, by id or prefix (claim = claim-*)
ignore = []                               # rules never to report
# fail-on = "error"                       # error, warning or never
# min-level = "info"                      # the lowest level shown

[per-file-ignores]
# "plans/archive/*.yaml" = ["base-year"]
"""

WORKFLOW = """\
# Checks every plan on each push and pull request; findings appear on their lines of the YAML.
# Set the repository variable PLANCHECK (Settings → Secrets and variables → Actions → Variables)
# to what pip installs plancheck from: a git URL ("plancheck @ git+https://…"), or a package name.
name: plans
on: [push, pull_request]
jobs:
  plancheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install "${{ vars.PLANCHECK }}"
      - run: plancheck verify
"""

PRE_COMMIT = """\
# `pre-commit install`, then every commit that changes a plan or outturn file checks it. plancheck
# must be installed where git runs (pip install …); the hook runs it as it is.
repos:
  - repo: local
    hooks:
      - id: plancheck
        name: plancheck verify
        entry: plancheck verify
        language: system
        files: ^(plans|outturns)/.*\\.ya?ml$
        require_serial: true
"""

README = """\
# Plans

Government development plans as data, checked by plancheck.

- `plans/`: one YAML file per plan (start from `plans/example.yaml`).
- `outturns/`: the values the plans' indicators were measured at, one file per publication (a
  statistical bulletin: start from `outturns/example-bulletin-2023.yaml`).
- `catalogue.yaml`: this repository's indicator catalogue entries.
- `plancheck.toml`: the settings (`plancheck config` shows them).

Check everything: `plancheck verify`. One plan: `plancheck verify example`. Two side by side:
`plancheck compare example other`. How the targets stand against the outturns:
`plancheck progress`. Every push is checked by `.github/workflows/plans.yml`, and
every commit by the pre-commit hook in `.pre-commit-config.yaml` (`pre-commit install`).
"""


def files() -> dict[str, str]:
    """Each file of a new data repository, by its path in it."""
    from ..model.catalogue import Catalogue
    from ..model.plan import OutturnFile

    return {
        "plans/example.yaml": PLAN,
        "outturns/example-bulletin-2023.yaml": OUTTURNS,
        "catalogue.yaml": CATALOGUE,
        "plancheck.toml": CONFIG,
        ".github/workflows/plans.yml": WORKFLOW,
        ".pre-commit-config.yaml": PRE_COMMIT,
        "README.md": README,
        "schema/plancheck.schema.json": json_text(json_schema()),
        "schema/catalogue.schema.json": json_text(json_schema(Catalogue)),
        "schema/outturns.schema.json": json_text(json_schema(OutturnFile)),
    }
