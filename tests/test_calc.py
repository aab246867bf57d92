"""plancheck calc: one stated rate checked without a plan file, worded as verify words it."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

JIAXING = (
    "stated growth 0.05 pp/yr does not fit 2.73 (2015) → 3.20 (2020) over 5 years: the figures give "
    "0.094 pp/yr (0.093 to 0.095 pp/yr within the baseline's rounding); 0.05 is 4.3 units of 0.01 below "
    "that range. At 0.05 pp/yr the target would be 2.98 (2020), or the baseline would have to be 2.95 (2015)"
)


def test_jiaxing_rd_intensity_is_worded_as_verify_words_it(run):
    # (3.20 − 2.73)/5 = 0.094 pp a year; a baseline of 2.725 to 2.735 gives (3.20 − 2.735)/5 = 0.093
    # to (3.20 − 2.725)/5 = 0.095; 0.05 is (0.093 − 0.05)/0.01 = 4.3 units of 0.01 below;
    # 2.73 + 5 × 0.05 = 2.98 is the target it reaches, 3.20 − 5 × 0.05 = 2.95 the baseline it needs
    result = run("calc", "2.73", "3.20", "--years", "2015-2020", "--stated", "0.05pp")
    assert result.exit_code == 1
    assert result.stdout == f"error [growth-mismatch] {JIAXING}\n"
    verify = run("verify", "jiaxing-2016-2020", "--format", "plain")
    cited = " (source: 000_c388b18c2f34bdc3.txt:37)"  # the plain line ends with the figure's source line
    assert f"data/targets.yaml:32:25: error [growth-mismatch] {JIAXING}{cited}\n" in verify.stdout


def test_a_fitting_rate_is_consistent_with_its_range(run):
    # (2.5 − 2.0)/5 = 0.1 pp a year; a baseline of 1.95 to 2.05 gives 0.09 to 0.11
    result = run("calc", "2.0", "2.5", "--years", "2015-2020", "--stated", "0.1pp")
    assert result.exit_code == 0
    assert result.stdout == (
        "consistent: stated growth 0.1 pp/yr fits 2.0 (2015) → 2.5 (2020) over 5 years: the figures give "
        "0.1 pp/yr (0.09 to 0.11 pp/yr within the baseline's rounding)\n"
    )


def test_a_rate_that_fits_only_within_the_baselines_rounding_is_info(run):
    # (3.2 − 2.7)/5 = 0.10, outside a stated 0.11's [0.105, 0.115); a baseline of 2.65 gives
    # (3.2 − 2.65)/5 = 0.11, and 2.75 gives 0.09
    result = run("calc", "2.7", "3.2", "--years", "2020-2025", "--stated", "0.11pp")
    assert result.exit_code == 0
    assert result.stdout == (
        "info [growth-rounding] stated growth 0.11 pp/yr fits 2.7 (2020) → 3.2 (2025) only within the "
        "baseline's rounding: the printed figures give 0.1 pp/yr; a baseline anywhere in [2.65, 2.75] "
        "gives 0.09 to 0.11 pp/yr\n"
    )


def test_compound_percent_is_the_default_unit_and_pp_the_other_reading(run):
    # (3.20/2.73)^(1/5) − 1 = 3.23% a year, inside a stated 3.2's [3.15, 3.25)
    for stated in ("3.2", "3.2%"):
        result = run("calc", "2.73", "3.20", "--years", "2015-2020", "--stated", stated)
        assert result.exit_code == 0, stated
        assert result.stdout.startswith("consistent: stated growth 3.2%/yr fits 2.73 (2015) → 3.20 (2020)")
    # read as 3.2 pp a year it is (3.2 − 0.095)/0.1 = 31.05 units of 0.1 above 0.095, shown to one
    # decimal as 31 (31.05 is 31.0499… in binary); 2.73 + 5 × 3.2 = 18.73, 3.20 − 5 × 3.2 = −12.8;
    # as compound %: (3.2/2.735)^(1/5) − 1 = 3.190% to (3.2/2.725)^(1/5) − 1 = 3.266%, so 3.19 to 3.27
    result = run("calc", "2.73", "3.20", "--years", "2015-2020", "--stated", "3.2pp")
    assert result.exit_code == 1
    assert "3.2 is 31 units of 0.1 above that range" in result.stdout
    assert "the target would be 18.73 (2020), or the baseline would have to be -12.8 (2015)" in result.stdout
    assert result.stdout.endswith("Read as compound % a year instead, it fits (3.19 to 3.27%/yr)\n")


def test_a_total_change_and_a_multiple(run):
    # 100 → 150 is +50%, not +60%: 160 is the target +60% reaches, 150/1.6 = 93.75 the baseline it needs
    result = run("calc", "100", "150", "--years", "2020-2025", "--stated", "60", "--total")
    assert result.exit_code == 1
    assert result.stdout.startswith("error [total-mismatch] stated total 60% does not fit 100 (2020) → 150 (2025):")
    assert "the target would be 160 (2025), or the baseline would have to be 93.75 (2020)" in result.stdout
    # 200/100 = 2×: a multiple is always over the whole span
    result = run("calc", "100", "200", "--years", "2015-2020", "--stated", "2x")
    assert result.exit_code == 0
    assert result.stdout.startswith("consistent: stated total 2× fits 100 (2015) → 200 (2020): the figures give 2×")


def test_a_qualifier_by_option_or_by_its_chinese_word(run):
    # (150/100)^(1/5) − 1 = 8.45% a year at least, which meets ≥5%
    by_option = run(
        "calc", "100", "150", "--years", "2015-2020", "--stated", "5", "--target-qualifier", "at_least",
        "--stated-qualifier", "at_least",
    )  # fmt: skip
    by_word = run("calc", "100", "150以上", "--years", "2015-2020", "--stated", "5%以上")
    assert by_option.exit_code == by_word.exit_code == 0
    assert (
        by_option.stdout
        == by_word.stdout
        == (
            "consistent: stated growth ≥5%/yr fits 100 (2015) → ≥150 (2020) over 5 years: the figures give "
            "8.45%/yr (at least 8.34%/yr within the baseline's rounding)\n"
        )
    )


def test_rounding_rule_decides_a_figure_on_the_edge(run):
    # (1.6 − 1.32)/5 = 0.056; a baseline up to 1.325 gives (1.6 − 1.325)/5 = 0.055, the open top of a
    # stated 0.05's [0.045, 0.055) under half-up; with --rounding any both ends count and they meet
    args = ("calc", "1.32", "1.6", "--years", "2015-2020", "--stated", "0.05pp")
    assert run(*args).exit_code == 1
    loose = run(*args, "--rounding", "any")
    assert loose.exit_code == 0
    assert loose.stdout.startswith("info [growth-rounding]")


def test_json_gives_the_numbers(run):
    result = run("calc", "2.73", "3.20", "--years", "2015-2020", "--stated", "0.05pp", "-f", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["result"]["status"] == "inconsistent"
    assert doc["message"] == JIAXING
    assert doc["findings"] == [{"level": "error", "rule": "growth-mismatch", "message": JIAXING}]
    # 0.094, 0.093 to 0.095, 2.98 and 2.95 as above
    computed = doc["result"]["computed"]
    assert (computed["value"], computed["low"], computed["high"]) == pytest.approx((0.094, 0.093, 0.095))
    assert doc["result"]["implied_target"] == pytest.approx(2.98)
    assert doc["result"]["implied_baseline"] == pytest.approx(2.95)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2.7x", "3.20", "--years", "2015-2020", "--stated", "1"), "baseline '2.7x' is not a number"),
        (("2.73", "abc", "--years", "2015-2020", "--stated", "1"), "target 'abc' is not a number"),
        (("2.73", "3.20", "--years", "2020-2015", "--stated", "1"), "the baseline's year must come before"),
        (("2.73", "3.20", "--years", "2015", "--stated", "1"), "give the baseline's year and the target's"),
        (("2.73", "3.20", "--years", "1800-2020", "--stated", "1"), "give years from 1949 to 2100"),
        (("2.73", "3.20", "--years", "2015-2020", "--stated", "1qq"), "'1qq' has an unknown unit"),
        (("2.73", "3.20", "--years", "2015-2020", "--stated", "1", "--target-qualifier", "atleast"), "use one of"),
        (("0", "3.20", "--years", "2015-2020", "--stated", "1"), "the baseline is zero or negative"),
        (
            ("2.73", "3.20以下", "--years", "2015-2020", "--stated", "1", "--target-qualifier", "at_least"),
            "says at_most",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run, args, message):
    result = run("calc", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("plancheck: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    baseline=st.text(alphabet="0123456789.-%以上左右x ", max_size=8),
    stated=st.text(alphabet="0123456789.-%ptimesx×以上 ", max_size=8),
)
def test_any_typed_figure_gets_a_verdict_or_a_one_line_error(run, baseline, stated):
    # `--` ends the options, so that a figure typed with a minus sign is not read as one
    result = run("calc", "--years", "2015-2020", f"--stated={stated}", "--", baseline, "3.20")
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("plancheck: ") and result.stderr.count("\n") == 1
    else:
        verdicts = ("consistent: ", "info [", "error [growth-mismatch]", "error [total-mismatch]", "error [direction]")
        assert result.stdout.startswith(verdicts), result.stdout


def test_a_wrong_sign_is_one_direction_finding_as_in_verify(run):
    # 4 → 3.20 is a fall ((3.20/4)^(1/5) − 1 = −4.36% a year): a stated rise of 1% is the direction's error alone
    result = run("calc", "4", "3.20", "--years", "2015-2020", "--stated", "1")
    assert result.exit_code == 1
    assert result.stdout.startswith("error [direction] ")
    assert result.stdout.count("\n") == 1


@pytest.mark.parametrize("stated", [["5%"], ["5%", "--total"], ["2x"], ["0x"], ["-5%"]])
@pytest.mark.parametrize("baseline", ["0", "0.0", "-1"])
def test_a_ratio_to_a_zero_or_negative_baseline_is_not_computed(run, baseline, stated):
    # 3.20 / 0 has no value: a compound rate, a % total and a multiple are all ratios to the baseline
    flags = [f"--stated={stated[0]}", *stated[1:]]
    result = run("calc", "--years", "2015-2020", *flags, "--", baseline, "3.20")
    assert result.exit_code == 2
    assert result.stderr == (
        "plancheck: cannot compute: the baseline is zero or negative: compound growth is undefined\n"
    )
