"""Every rule and every check, in one explicit list; and each rule's documentation.

A check module's docstring is its user documentation: an introduction, then one section per rule
that starts ``rule-id (level): what it finds`` and holds its examples, each introduced by a line
``Passes…::``, ``Fails…::``, ``Warns…::`` or ``Reports…::`` and indented below it. ``plancheck rules
RULE`` prints the introduction and the rule's section; a test runs every example.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from types import ModuleType

from ..model.status import Level
from . import (
    base_year,
    claims_check,
    consistency,
    coverage,
    direction,
    growth_unit,
    hierarchy,
    identities_check,
    plausibility,
    policy,
    restated,
    shapes,
    sources,
    successive,
)
from .base import Check, Rule
from .data import DATA_MODULES

"""Checks of the data as read, for every command that loads it (``plancheck validate`` too)."""

MODULES: tuple[ModuleType, ...] = (
    consistency,
    shapes,
    direction,
    growth_unit,
    base_year,
    coverage,
    plausibility,
    claims_check,
    restated,
    identities_check,
    hierarchy,
    successive,
)
"""The checks of ``plancheck verify``, in the order they run."""

POLICY_MODULES: tuple[ModuleType, ...] = (policy,)
"""Rules applied to the findings after the checks (acceptances)."""

SOURCE_MODULES: tuple[ModuleType, ...] = (sources,)
"""Checks of the figures against the plans' own documents, run by ``validate --sources DIR`` only."""

CHECKS: tuple[Check, ...] = tuple(m.check for m in MODULES)

LOAD_RULES: tuple[Rule, ...] = (
    Rule(
        "unreadable-file",
        Level.ERROR,
        "A file or directory found in the data that cannot be read (not a regular file, too large, no access).",
    ),
    Rule("yaml-syntax", Level.ERROR, "The file is not valid YAML at this line."),
    Rule("yaml-character", Level.ERROR, "A character YAML does not allow (NUL, ESC and other controls)."),
    Rule(
        "full-width",
        Level.ERROR,
        "Full-width punctuation (： ， or the ideographic space) where YAML's structure needs ASCII.",
    ),
    Rule("yaml-depth", Level.ERROR, "Lists and mappings nested more than 64 deep."),
    Rule("encoding", Level.ERROR, "The file is not UTF-8."),
    Rule("empty-file", Level.ERROR, "The file holds no YAML data."),
    Rule("duplicate-key", Level.ERROR, "A key appears twice in one mapping."),
    Rule("yaml-tag", Level.ERROR, "A YAML tag other than the core ones (e.g. !!python/object)."),
    Rule("yaml-alias", Level.ERROR, "Anchors and aliases are not supported."),
    Rule("yaml-merge", Level.ERROR, "Merge keys (<<) are not supported."),
    Rule("unknown-field", Level.ERROR, "A field the format does not have (the closest known one is suggested)."),
    Rule("missing-field", Level.ERROR, "A required field is missing."),
    Rule("wrong-type", Level.ERROR, "A value of the wrong type (text for a number, a list for a mapping ...)."),
    Rule(
        "unknown-outturn",
        Level.ERROR,
        "An outturn file names a plan or an indicator that is not in the data (the closest id is suggested).",
    ),
    Rule(
        "invalid-value",
        Level.ERROR,
        "A value the field does not accept (an implausible year, an unknown qualifier ...).",
    ),
)
"""Problems the loader finds while reading a file (they have no check module)."""

RULES: dict[str, Rule] = {r.id: r for r in LOAD_RULES}
for _module in (*DATA_MODULES, *MODULES, *POLICY_MODULES, *SOURCE_MODULES):
    RULES.update({r.id: r for r in _module.RULES})

_SECTION = re.compile(r"^([a-z][a-z0-9-]*) \((error|warning|info)\): ", re.M)
_EXAMPLE = re.compile(r"^(Passes|Fails|Warns|Reports)\b[^\n]*::$", re.M)


def _module_of(rule_id: str) -> ModuleType | None:
    for module in (*DATA_MODULES, *MODULES, *POLICY_MODULES, *SOURCE_MODULES):
        if any(r.id == rule_id for r in module.RULES):
            return module
    return None


def sections(module: ModuleType) -> tuple[str, dict[str, str]]:
    """A check module's docstring cut into its introduction and one section per rule."""
    doc = textwrap.dedent(module.__doc__ or "").strip()
    heads = list(_SECTION.finditer(doc))
    intro = doc[: heads[0].start()].strip() if heads else doc
    parts = {}
    for head, following in zip(heads, [*heads[1:], None], strict=False):
        parts[head.group(1)] = doc[head.start() : following.start() if following else len(doc)].strip()
    return intro, parts


def documentation(rule_id: str) -> str:
    """What ``plancheck rules RULE`` prints: the family's introduction and the rule's own section."""
    module = _module_of(rule_id)
    if module is None:
        return RULES[rule_id].summary
    intro, parts = sections(module)
    return f"{intro}\n\n{parts[rule_id]}" if rule_id in parts else intro


@dataclass(frozen=True)
class Example:
    """One example of a rule's documentation: YAML, and whether the rule fires on it."""

    rule: str
    fires: bool
    text: str
    heading: str


def examples(rule_id: str) -> list[Example]:
    """The examples in a rule's section of its module's docstring."""
    module = _module_of(rule_id)
    if module is None:
        return []
    section = sections(module)[1].get(rule_id, "")
    out = []
    heads = list(_EXAMPLE.finditer(section))
    for head, following in zip(heads, [*heads[1:], None], strict=False):
        body = section[head.end() : following.start() if following else len(section)]
        block = []
        for line in body.splitlines()[1:]:
            if line.strip() and not line.startswith("    "):
                break  # the indented block ends at the next paragraph
            block.append(line)
        out.append(
            Example(
                rule_id, head.group(1) != "Passes", textwrap.dedent("\n".join(block)).strip("\n") + "\n", head.group(0)
            )
        )
    return out
