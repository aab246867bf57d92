"""verify --format json is written a result and a finding at a time, and is the same text as the
whole document would be."""

from __future__ import annotations

import json

import plancheck
from plancheck.render.findings import Report, as_json, json_stream
from plancheck.render.text import json_document, json_text


def test_the_pieces_are_the_text_of_the_whole_document():
    data = plancheck.load()
    run = plancheck.verify(data)
    report = Report("verify", run.findings, files=data.files, summary=run.summary)
    report.results, report.claims, report.identities = run.results, run.claims, run.identities
    whole = {
        "summary": run.summary,
        "results": [r.as_dict() for r in run.results],
        "claims": [c.as_dict() for c in run.claims],
        "identities": [v.as_dict() for v in run.identities],
        "findings": [f.as_dict() for f in report.shown()],
    }
    pieces = list(json_stream(report))
    assert "".join(pieces) == as_json(report) == json_text(whole)
    # one piece per result, claim, implied quantity and finding, besides the opening brace, the
    # summary, the end of each of the four lists and the closing brace: no piece holds two of them
    assert len(pieces) == len(run.results) + len(run.claims) + len(run.identities) + len(report.shown()) + 7


def test_empty_lists_nesting_and_escapes_are_written_as_json_dumps_writes_them():
    fields = [
        ("empty", iter([])),
        ("text", {"line break": "a\nb", "separator": "x\u2028y", "bidi": "\u202e"}),
        ("items", iter([{"nested": [1, {}, [], {"k": None}]}, "s", 2.5])),
        ("list", [1, 2]),
    ]
    expected = {
        "empty": [],
        "text": {"line break": "a\nb", "separator": "x\u2028y", "bidi": "\u202e"},
        "items": [{"nested": [1, {}, [], {"k": None}]}, "s", 2.5],
        "list": [1, 2],
    }
    text = "".join(json_document(fields))
    assert text == json_text(expected)
    assert "\\u2028" in text and "\\u202e" in text  # escaped, as json_text escapes them
    assert json.loads(text) == expected
    assert "".join(json_document([])) == json_text({}) == "{}\n"
