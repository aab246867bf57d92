"""The base of every model, and the position each model read from a file carries.

The loader records positions as it reads; every layer above asks a model where it is
(``indicator.place("target", "value")``) without knowing how files are read.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, PrivateAttr

from .positions import NOWHERE, Loc, Place


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Located(Model):
    """A model that knows where it was written (when it was read from a file)."""

    _loc: Loc | None = PrivateAttr(None)

    def locate(self, loc: Loc) -> None:
        """Record where this model was read from (done by the loader)."""
        self._loc = loc

    @property
    def file(self) -> str | None:
        """The display name of the file this model was read from."""
        return self._loc.file if self._loc else None

    def place(self, *sub: str | int, key: bool = False) -> Place:
        """File, line and column of one of this model's fields (``place("target", "year")``);
        ``key``: of the field's name rather than its value."""
        loc = self._loc
        if loc is None:
            return NOWHERE
        path = loc.path + sub
        pos = loc.source.key_pos(path) if key else loc.source.pos(path)
        return Place(loc.file, pos.line, pos.column)
