"""The command line: parse arguments, call the core, hand the result to a reporter, return an exit code.

``common`` holds the app, the shared options and helpers and the entry point; each command group is
a module of its own, imported here so that its commands are registered, then put in the order
``plancheck --help`` lists them (``COMMANDS``). No arithmetic, YAML or formatting decisions live here.
"""

from __future__ import annotations

from . import calc as calc
from . import checking as checking
from . import compare as compare
from . import extract as extract
from . import progress as progress
from . import settings as settings
from . import views as views
from .common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    CompareFormat,
    Lang,
    OutputFormat,
    PathFormat,
    ProgressFormat,
    ViewFormat,
    app,
    main,
)

COMMANDS = [
    "list",
    "show",
    "validate",
    "verify",
    "compare",
    "path",
    "chart",
    "report",
    "progress",
    "rules",
    "config",
    "init",
    "schema",
    "calc",
    "extract",
]
"""The commands, in the order help lists them: looking at the data, checking it, comparing plans,
their paths and progress, the tool's own rules and settings, then the tools without a plan file."""
app.registered_commands.sort(key=lambda command: COMMANDS.index(command.name or ""))

__all__ = [
    "COMMANDS",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "CompareFormat",
    "Lang",
    "OutputFormat",
    "PathFormat",
    "ProgressFormat",
    "ViewFormat",
    "app",
    "main",
]
