"""Rich for people: a console made when printing, colour only on a terminal and never under NO_COLOR."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterable, Mapping

from rich.console import Console, RenderableType
from rich.text import Text


def render_rich(renderables: Iterable[RenderableType], *, color: bool, width: int) -> str:
    """What rich would print, as text: with ANSI colour codes only when ``color``."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,  # text from the data is never read as rich markup ("[bold]" stays as written)
    )
    for item in renderables:
        # Plain lines of text keep their length (a finding pasted from a terminal stays one line).
        console.print(item, soft_wrap=isinstance(item, (str, Text)))
    return buffer.getvalue()


def wants_color(is_terminal: bool, env: Mapping[str, str] = os.environ) -> bool:
    return is_terminal and env.get("NO_COLOR", "") == ""


def terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def resolve_format(name: str, *, is_terminal: bool, to_file: bool, env: Mapping[str, str] = os.environ) -> str:
    """``auto``: github under GitHub Actions, else table on a terminal and plain in a pipe or a file."""
    if name != "auto":
        return name
    if env.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "table" if is_terminal and not to_file else "plain"
