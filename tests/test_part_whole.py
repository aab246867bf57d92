"""Part-whole identities: the parts a plan states for a year cannot add up to more than their whole."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plancheck
from tests.conftest import PLAN_HEAD

CATALOGUE = """\
catalogue:
  - {key: platforms, en: Platforms, zh: 创新平台, unit: 家, kind: level, additive: true}
  - {key: labs, en: Laboratories, zh: 实验室, unit: 家, kind: level, additive: true}
  - {key: centres, en: R&D centres, zh: 研发中心, unit: 家, kind: level, additive: true}
part_whole:
  - {id: platforms-parts, whole: platforms, parts: [labs, centres]}
"""


def row(key: str, figure: str) -> str:
    return f"      - {{id: {key}, name: {key}, unit: 家, category: platforms, key: {key}, {figure}}}\n"


def data_dir(tmp_path: Path, rows: str, catalogue: str = CATALOGUE) -> Path:
    (tmp_path / "catalogue.yaml").write_text(catalogue, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(PLAN_HEAD + rows, encoding="utf-8")
    return tmp_path


@pytest.fixture
def here(tmp_path, monkeypatch):
    """The data in the current directory, so that findings name its files as a user sees them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_targets_whose_parts_add_up_to_more_than_the_whole(run, here):
    # 2025 targets are exact: 60 + 45 = 105 laboratories and centres, more than the 100 platforms
    rows = (
        row("platforms", "target: {year: 2025, value: 100, line: 3}")
        + row("labs", "target: {year: 2025, value: 60, line: 4}")
        + row("centres", "target: {year: 2025, value: 45, line: 5}")
    )
    result = run("verify", "--data", str(data_dir(here, rows)), "-f", "plain")
    assert result.exit_code == 1
    assert result.stdout == (
        "plan.yaml:9:116: error [identity-parts-exceed] 创新平台 (platforms) in 2025 is 100家 (target of platforms), "
        "but its parts add up to more: labs 60 (target of labs) + centres 45 (target of centres) = 105家, at least "
        "105 within rounding, above the whole's upper end 100: one of the figures is off, or the whole counts "
        "something else (source: test.txt:3)\n"
    )
    english = run("verify", "--data", str(here), "-f", "plain", "--lang", "en")
    assert english.stdout.startswith(
        "plan.yaml:9:116: error [identity-parts-exceed] Platforms (platforms) in 2025 is 100 firms (target of "
        "platforms), but its parts add up to more: labs 60 (target of labs) + centres 45 (target of centres) = "
        "105 firms, at least 105"
    )


def test_measured_parts_within_the_rounding_of_the_whole_pass(run, here):
    # 2020 baselines are rounded: 31 + 68 = 99 printed against 98, but 30.5 + 67.5 = 98 is below 98.5
    rows = (
        row("platforms", "baseline: {year: 2020, value: 98, line: 3}, target: {year: 2025, value: 200, line: 3}")
        + row("labs", "baseline: {year: 2020, value: 31, line: 4}, target: {year: 2025, value: 60, line: 4}")
        + row("centres", "baseline: {year: 2020, value: 68, line: 5}, target: {year: 2025, value: 90, line: 5}")
    )
    result = run("verify", "--data", str(data_dir(here, rows)), "-f", "plain")
    assert "identity-parts-exceed" not in result.stdout
    # one more: 31 + 69 = 100, at least 30.5 + 68.5 = 99 above 98.5
    rows = rows.replace("value: 68", "value: 69")
    result = run("verify", "--data", str(data_dir(here, rows)), "-f", "plain", "--select", "identity")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "plan.yaml:9:118: error [identity-parts-exceed] 创新平台 (platforms) in 2020 is 98家 (baseline of platforms), "
        "but its parts add up to more: labs 31 (baseline of labs) + centres 69 (baseline of centres) = 100家, at "
        "least 99 within rounding, above the whole's upper end 98.5: one of the figures is off, or the whole "
        "counts something else (source: test.txt:3)"
    ]


def test_a_qualifier_opens_a_side(run, here):
    # a whole of 100以上 has no upper end; a part of 至多 80 may be 0: 80 + 45 > 100 is no contradiction
    rows = (
        row("platforms", "target: {year: 2025, value: 100, qualifier: at_least, line: 3}")
        + row("labs", "target: {year: 2025, value: 80, line: 4}")
        + row("centres", "target: {year: 2025, value: 45, line: 5}")
    )
    assert run("verify", "--data", str(data_dir(here, rows)), "-f", "plain").exit_code == 0
    rows = (
        row("platforms", "target: {year: 2025, value: 100, line: 3}")
        + row("labs", "target: {year: 2025, value: 80, qualifier: at_most, line: 4}")
        + row("centres", "target: {year: 2025, value: 45, line: 5}")
    )
    assert run("verify", "--data", str(data_dir(here, rows)), "-f", "plain").exit_code == 0
    # one part alone, 101 of 100: a part the plan does not state counts as 0, and 101 is still too many
    rows = row("platforms", "target: {year: 2025, value: 100, line: 3}") + row(
        "labs", "target: {year: 2025, value: 101, line: 4}"
    )
    result = run("verify", "--data", str(data_dir(here, rows)), "-f", "plain")
    assert result.exit_code == 1 and "labs 101 (target of labs) = 101家, at least 101" in result.stdout


def test_the_whole_among_its_parts_is_refused_at_its_line(run, here):
    catalogue = CATALOGUE.replace("parts: [labs, centres]", "parts: [labs, platforms]")
    rows = row("platforms", "target: {year: 2025, value: 100, line: 3}")
    result = run("verify", "--data", str(data_dir(here, rows, catalogue)), "-f", "plain")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "catalogue.yaml:6:5: error [invalid-value] 'platforms' is the whole and one of its parts: "
        "list only the parts under parts"
    )
    twice = CATALOGUE.replace("parts: [labs, centres]", "parts: [labs, labs]")
    result = run("verify", "--data", str(data_dir(here, rows, twice)), "-f", "plain")
    assert "catalogue.yaml:6:5: error [invalid-value] part 'labs' is listed twice: list each part once" in result.stdout


# --------------------------------------------------------------------------- the rule over generated cases

FORMS = ("measured", "exact", "at_least", "at_most")


def bounds(value: int, form: str) -> tuple[Fraction, Fraction]:
    """What a figure admits, worked out apart from plancheck: a printed count is ±0.5, a target exact,
    以上 opens the top and 以下 the bottom (a part is never below 0)."""
    v = Fraction(value)
    return {
        "measured": (v - Fraction(1, 2), v + Fraction(1, 2)),
        "exact": (v, v),
        "at_least": (v, Fraction(10**9)),  # 10^9: no finite sum of parts here reaches it
        "at_most": (Fraction(0), v),
    }[form]


def figure(value: int, form: str) -> str:
    if form == "measured":
        return f"baseline: {{year: 2020, value: {value}, line: 2}}, target: {{year: 2021, value: 1, line: 2}}"
    qualifier = "" if form == "exact" else f", qualifier: {form}"
    return f"target: {{year: 2020, value: {value}{qualifier}, line: 2}}"


case = st.tuples(
    st.tuples(st.integers(0, 300), st.sampled_from(FORMS)),
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from(FORMS)), min_size=1, max_size=2),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case)
def test_a_finding_exactly_when_the_parts_least_sum_is_above_the_wholes_upper_end(tmp_path, generated):
    (whole_value, whole_form), parts = generated
    keys = ("labs", "centres")
    rows = row("platforms", figure(whole_value, whole_form)) + "".join(
        row(k, figure(v, f)) for k, (v, f) in zip(keys, parts, strict=False)
    )
    path = data_dir(tmp_path, rows)
    run_ = plancheck.verify(plancheck.load([path]))
    fired = [f for f in run_.findings if f.rule == "identity-parts-exceed" and f.message.split(" in ")[1][:4] == "2020"]
    least = sum(bounds(v, f)[0] for v, f in parts)
    upper = bounds(whole_value, whole_form)[1]
    assert bool(fired) == (least > upper), rows
    assert len(fired) <= 1
