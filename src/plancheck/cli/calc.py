"""calc: one stated rate checked without a plan file."""

from __future__ import annotations

import enum
import re
from typing import Annotated

import typer

from .common import (
    RoundingOption,
    _emit,
    _fail,
    app,
)


class CalcFormat(str, enum.Enum):
    plain = "plain"
    json = "json"


QUALIFIER_HELP = "How the {} binds: at_least, more_than, at_most, less_than or about."


def _qualifier_option(name: str, what: str) -> typer.models.OptionInfo:
    info: typer.models.OptionInfo = typer.Option(
        name, metavar="QUALIFIER", help=QUALIFIER_HELP.format(what), show_default=False
    )
    return info


CALC_HELP = """Check one stated growth rate against a baseline and a target, without a plan file: the same
verdict and numbers verify gives for those figures in a plan.

  plancheck calc 2.73 3.20 --years 2015-2020 --stated 0.05pp

The stated rate's unit: % compound a year (the default: 5 is 5%), pp percentage points a year, x or
times a multiple over the whole span (2x); --total reads a % or pp as the change over the whole span.
A qualifier goes after the number (3.2以上) or in a --*-qualifier option. A negative
figure follows -- (or --stated=-1pp), so that it is not read as an option.

Exit codes: 0 consistent (or consistent only within the baseline's rounding) · 1 inconsistent · 2 a
figure, the years or a unit that cannot be read."""


def _calc_years(text: str) -> tuple[int, int]:

    m = re.fullmatch(r"\s*(\d{4})\s*[-–—~]\s*(\d{4})\s*", text)
    if m is None:
        _fail(f"--years {text!r}: give the baseline's year and the target's, such as --years 2015-2020")
    return int(m.group(1)), int(m.group(2))


@app.command("calc", help=CALC_HELP)
def calc_cmd(
    baseline: Annotated[str, typer.Argument(metavar="BASELINE", help="The baseline as printed (2.73).")],
    target: Annotated[str, typer.Argument(metavar="TARGET", help="The target as printed (3.20).")],
    years: Annotated[
        str, typer.Option("--years", metavar="FIRST-LAST", help="Baseline's year and target's (2015-2020).")
    ],
    stated: Annotated[
        str, typer.Option("--stated", metavar="RATE", help="The stated rate with its unit: 5%, 0.05pp, 2x.")
    ],
    total: Annotated[
        bool, typer.Option("--total", help="The stated figure is the change over the whole span, not a year's.")
    ] = False,
    baseline_qualifier: Annotated[str | None, _qualifier_option("--baseline-qualifier", "baseline")] = None,
    target_qualifier: Annotated[str | None, _qualifier_option("--target-qualifier", "target")] = None,
    stated_qualifier: Annotated[str | None, _qualifier_option("--stated-qualifier", "stated rate")] = None,
    rounding: RoundingOption = None,
    fmt: Annotated[CalcFormat, typer.Option("--format", "-f", help="plain or json.")] = CalcFormat.plain,
) -> None:
    import dataclasses

    from .. import api
    from ..arith.interval import DEFAULT, QUALIFIERS
    from ..model.status import Status
    from ..render import calc as render_calc

    for option, value in (
        ("--baseline-qualifier", baseline_qualifier),
        ("--target-qualifier", target_qualifier),
        ("--stated-qualifier", stated_qualifier),
    ):
        if value is not None and value not in QUALIFIERS:
            _fail(f"{option} {value!r}: use one of {', '.join(QUALIFIERS)}")
    policy = DEFAULT if rounding is None else dataclasses.replace(DEFAULT, rounding=rounding.value)
    try:
        run = api.calc(
            baseline,
            target,
            _calc_years(years),
            stated,
            total=total,
            baseline_qualifier=baseline_qualifier,
            target_qualifier=target_qualifier,
            stated_qualifier=stated_qualifier,
            policy=policy,
        )
    except api.CalcInputError as e:
        _fail(str(e))
    _emit(render_calc.as_json(run) if fmt is CalcFormat.json else render_calc.plain(run))
    raise typer.Exit(1 if run.result.status is Status.INCONSISTENT else 0)
