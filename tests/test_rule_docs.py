"""Every example in every rule's documentation is run: a passing one must not fire its rule, a
failing one must fire it. So `plancheck rules RULE` cannot drift from what the rule does."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

import plancheck
from plancheck.checks.registry import DATA_MODULES, MODULES, POLICY_MODULES, RULES, Example, documentation, examples

CHECK_RULES = [r.id for m in (*DATA_MODULES, *MODULES, *POLICY_MODULES) for r in m.RULES]
EXAMPLES = [e for rule in CHECK_RULES for e in examples(rule)]

PLAN = re.compile(
    r"^# plan (?P<zh>\S+) (?P<level>province|prefecture|county)(?: in (?P<parent>\S+))?"
    r"(?: over (?P<subs>[^\d]+?))?(?: (?P<first>\d{4})–(?P<last>\d{4}))?$"
)
DEFAULTS = {"id": "example", "name": "示例指标", "unit": "家", "category": "other"}
FILLER = {
    "id": "filler",
    "name": "其他",
    "unit": "家",
    "category": "other",
    "target": {"year": 2025, "value": 1, "line": 1},
}


def _plan(n: int, head: dict[str, str | None], body: str) -> dict:
    data = yaml.safe_load(body) or {}
    if "indicators" not in data and "claims" not in data:  # the fields of one indicator
        data = {"indicators": [{**DEFAULTS, **data}]}
    data.setdefault("indicators", [FILLER])
    zh = head.get("zh") or "示例市"
    region = {"zh": zh, "en": f"Region{n}", "level": head.get("level") or "prefecture"}
    if head.get("parent"):
        region["parent"] = head["parent"]
    if head.get("subs"):
        region["subregions"] = head["subs"].split()
    return {
        "id": f"plan-{n}",
        "title": {"zh": f"{zh}规划"},
        "region": region,
        "issuer": f"{zh}人民政府",
        "period": {"first": int(head.get("first") or 2021), "last": int(head.get("last") or 2025)},
        "source": "example.txt",
        **data,
    }


def example_file(example: Example) -> str:
    """The plan file an example stands for: one or more plans (``# plan`` lines start each)."""
    plans, head, lines = [], {}, []
    for line in example.text.splitlines():
        m = PLAN.match(line.strip())
        if m:
            if lines:
                plans.append(_plan(len(plans), head, "\n".join(lines)))
            head, lines = m.groupdict(), []
        else:
            lines.append(line)
    plans.append(_plan(len(plans), head, "\n".join(lines)))
    return yaml.safe_dump({"plans": plans}, allow_unicode=True, sort_keys=False)


def test_every_rule_of_every_check_has_an_example_that_fires():
    for rule in CHECK_RULES:
        assert any(e.fires for e in examples(rule)), f"{rule} has no example of a finding"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.rule}-{i}" for i, e in enumerate(EXAMPLES)])
def test_each_example_does_what_it_says(example, tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(example_file(example), encoding="utf-8")
    data = plancheck.load(path)
    schema = [f for f in data.findings if f.rule not in CHECK_RULES]
    assert not schema, f"the example of {example.rule} is not a valid plan file: {schema}"
    fired = [f for f in plancheck.verify(data).findings if f.rule == example.rule]
    if example.fires:
        assert fired, f"{example.heading!r} should give {example.rule}"
        assert all(f.level == RULES[example.rule].level for f in fired)
    else:
        assert not fired, f"{example.heading!r} should pass {example.rule}: {fired[0].message}"


def test_rules_prints_the_rule_section_with_its_examples(run):
    result = run("rules", "growth-rounding")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("growth-rounding (info)\n\nStated growth against baseline and target")
    assert "growth-rounding (info): it fits only thanks to the rounding of the baseline." in text
    assert "Reports, (3.2 − 2.7)/5 = 0.10 pp" in text
    assert "growth-mismatch (error)" not in text  # another rule's section is not shown
    assert text.rstrip("\n").endswith(documentation("growth-rounding").rstrip("\n"))


def test_the_example_reader_reads_blocks_and_plan_lines():
    (one,) = examples("hierarchy-exceeds")
    plans = yaml.safe_load(example_file(one))["plans"]
    assert [(p["region"]["zh"], p["region"].get("parent")) for p in plans] == [("嘉兴市", None), ("海宁市", "嘉兴市")]
    assert plans[1]["indicators"][0]["target"] == {"year": 2025, "value": 7000, "line": 36}
    assert textwrap.dedent(one.text) == one.text


def test_the_docs_test_would_see_a_rule_that_does_not_fire(tmp_path):
    # A passing example presented as failing must fail this test's assertion.
    (passes,) = [e for e in examples("direction") if not e.fires]
    wrong = Example(passes.rule, True, passes.text, "Fails::")
    path = Path(tmp_path) / "x.yaml"
    path.write_text(example_file(wrong), encoding="utf-8")
    assert not [f for f in plancheck.verify(plancheck.load(path)).findings if f.rule == "direction"]
