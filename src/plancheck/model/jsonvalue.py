"""The shape of what plancheck hands to ``json.dumps``: the contract of every JSON output."""

from __future__ import annotations

from typing import Union

JsonValue = Union[str, int, float, bool, None, list["JsonValue"], dict[str, "JsonValue"]]  # noqa: UP007 (forward refs)
JsonObject = dict[str, JsonValue]
