"""Re-checking file by file from the cache (plancheck/incremental.py): after any edit, what a re-check
reports is what a run over all the data reports, and only the edited file and the files related to it
are checked again."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from benchmarks.corpus import generate

import plancheck
from plancheck import api
from plancheck.incremental import recheck
from plancheck.loader import reader
from plancheck.loader.cache import Cache
from plancheck.model.settings import Settings


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A province, its prefectures and their counties: 32 plan files, one plan each."""
    return generate(600, "many", tmp_path_factory.mktemp("many") / "corpus").data


@pytest.fixture
def corpus(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(pristine, copy)
    return copy


def cold(data: Path, settings: Settings | None = None, lang: str = "zh") -> tuple[list[dict], dict]:
    run = plancheck.verify(plancheck.load(data), settings=settings, lang=lang)  # type: ignore[arg-type]
    return [f.as_dict() for f in run.findings], run.summary


def warm(data: Path, cache: Cache, settings: Settings | None = None, lang: str = "zh") -> tuple[list[dict], dict]:
    done = api.recheck(data, cache=cache, settings=settings, lang=lang)  # type: ignore[arg-type]
    assert done is not None
    return [f.as_dict() for f in done[1].findings], done[1].summary


def plan_files(data: Path) -> list[Path]:
    return sorted(data.rglob("*.yaml"))


def scale_a_target(path: Path, rng: random.Random) -> None:
    """One target's value multiplied by 1.5 to 3 (a county may then exceed its city, a rate miss)."""
    text = path.read_text(encoding="utf-8")
    targets = list(re.finditer(r"(target: \{year: \d+, value: )([\d.]+)", text))
    if not targets:
        return
    m = rng.choice(targets)
    value = round(float(m.group(2)) * rng.uniform(1.5, 3), 1)
    path.write_text(text[: m.start(2)] + f"{value:g}" + text[m.end(2) :], encoding="utf-8")


def rename_region(path: Path, rng: random.Random) -> None:
    """The region's English name changed: messages in other files name it too."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(\n      en: )(\S+)", rf"\g<1>\g<2>{rng.randint(2, 9)}", text, count=1), encoding="utf-8")


def copy_as_later_plan(path: Path, rng: random.Random) -> None:
    """A new file: the plan again as its region's next plan (so successive plans meet it)."""
    text = path.read_text(encoding="utf-8")
    shift = 5 * rng.randint(1, 2)
    later = re.sub(r"\b(20[0-4]\d)\b", lambda m: str(int(m.group(1)) + shift), text)
    later = re.sub(r"(\n  - id: )(\S+)", r"\g<1>\g<2>-later", later, count=1)
    later = re.sub(r"\n    aliases: \[.*\]", "", later, count=1)
    path.with_name(path.stem + "-later.yaml").write_text(later, encoding="utf-8")


def break_the_yaml(path: Path, rng: random.Random) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines.insert(rng.randrange(3, len(lines)), "  : [unclosed\n")
    path.write_text("".join(lines), encoding="utf-8")


def add_a_comment(path: Path, rng: random.Random) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"# edited {rng.random()}\n", encoding="utf-8")


def remove(path: Path, rng: random.Random) -> None:
    path.unlink()


EDITS = (scale_a_target, rename_region, copy_as_later_plan, break_the_yaml, add_a_comment, remove)


@pytest.mark.parametrize("seed", range(4))
def test_after_every_kind_of_edit_a_recheck_reports_what_a_whole_run_reports(corpus, tmp_path, seed):
    rng = random.Random(seed)
    cache = Cache(tmp_path / "cache")
    assert warm(corpus, cache) == cold(corpus)
    for _ in range(6):
        edit = rng.choice(EDITS)
        edit(rng.choice(plan_files(corpus)), rng)
        assert warm(corpus, cache) == cold(corpus), edit.__name__
    english = Settings(rounding="half-even")
    assert warm(corpus, cache, english, "en") == cold(corpus, english, "en")  # other settings: other entries


def test_an_edit_checks_again_the_file_and_the_files_related_to_it_alone(corpus, tmp_path, monkeypatch):
    cache = Cache(tmp_path / "cache")
    files = plan_files(corpus)
    first = recheck([corpus], cache)
    assert first is not None and first.checked == len(files) == 32
    unpickled: list[str] = []
    real = reader.Survey.plans

    def counted(self, file):
        unpickled.append(file.name)
        return real(self, file)

    monkeypatch.setattr(reader.Survey, "plans", counted)
    again = recheck([corpus], cache)
    assert again is not None and (again.checked, unpickled) == (0, [])  # nothing changed: no plan unpickled
    # A county's file edited. Its findings depend on the county's other plans (its directory) and
    # its city's plans (the directory above); the city's findings depend on it (its counties' sum).
    county = corpus / "33-zhejiang" / "3301-nanchuan" / "330101-xiren"
    city = county.parent
    add_a_comment(county / "330101-st-2021-2025.yaml", random.Random(0))
    edited = recheck([corpus], cache)
    assert edited is not None
    expected = sorted(county.glob("*.yaml")) + sorted(city.glob("*.yaml"))
    assert edited.checked == len(expected) == 10 + 6
    # They are checked with the plans they are compared with: the city's own (its counties' parent),
    # the province's (the city's parent) and the city's other county (the regions below it): here,
    # every file of the corpus, each unpickled once.
    assert sorted(unpickled) == sorted(first.data.files)
    reference = recheck([corpus], Cache(tmp_path / "other"))
    assert reference is not None and edited.findings == reference.findings


def test_outturns_or_a_plan_id_used_twice_have_the_data_checked_whole(corpus, tmp_path, run, monkeypatch):
    cache = Cache(tmp_path / "cache")
    some = plan_files(corpus)[0]
    plan_id = re.search(r"\n  - id: (\S+)", some.read_text(encoding="utf-8"))
    assert plan_id is not None
    indicator = re.search(r"\n      - id: (\S+)", some.read_text(encoding="utf-8"))
    assert indicator is not None
    outturns = corpus / "outturns.yaml"
    outturns.write_text(
        f"outturns:\n  - plan: {plan_id[1]}\n    indicator: {indicator[1]}\n    observed: [{{year: 2022, value: 1}}]\n",
        encoding="utf-8",
    )
    assert recheck([corpus], cache) is None  # an outturn file adds to a plan in another file
    outturns.unlink()
    twice = corpus / "again.yaml"
    shutil.copy(some, twice)
    assert recheck([corpus], cache) is None  # each plan's findings name the other
    monkeypatch.delenv("PLANCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "cli"))
    for _ in range(2):  # filling the cache, then from it
        with_cache = run("verify", "--data", str(corpus), "-f", "plain")
        whole = run("verify", "--data", str(corpus), "-f", "plain", "--no-cache")
        assert (with_cache.exit_code, with_cache.stdout) == (whole.exit_code, whole.stdout) == (1, whole.stdout)
        assert f"[duplicate-id] plan id '{plan_id[1]}' is used twice" in whole.stdout


def test_a_change_of_the_bundled_catalogue_has_every_file_checked_again(corpus, tmp_path, monkeypatch):
    cache = Cache(tmp_path / "cache")
    before = warm(corpus, cache)
    assert any(f["rule"] == "hierarchy-share" for f in before[0])
    bundled = reader.bundled_catalogue()
    nothing_adds = [e.model_copy(update={"additive": False}) for e in bundled.catalogue]
    changed = bundled.model_copy(update={"catalogue": nothing_adds})
    monkeypatch.setattr(reader, "bundled_catalogue", lambda: changed)  # as an edit of data/indicators.yaml
    after = recheck([corpus], cache)
    assert after is not None and after.checked == len(plan_files(corpus))
    assert warm(corpus, cache) == cold(corpus)
    assert not any(f["rule"] == "hierarchy-share" for f in cold(corpus)[0])  # no entry adds up now
