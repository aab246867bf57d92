"""A plan's text from its file's bytes: UTF-8 with or without a BOM, GB18030 converted, the rest refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from plancheck.extract.document import read_bytes, read_text
from plancheck.extract.text import DecodedText, TextDecodeError, decode, split_lines

SOURCES = Path(__file__).resolve().parents[1] / "sources"
TEXT = "专栏1:主要指标\n高新技术企业数(家) |\n1000以上 |\n"


def test_utf8_without_a_bom():
    assert decode(TEXT.encode("utf-8")) == DecodedText(TEXT, "utf-8", bom=False)
    assert not decode(TEXT.encode("utf-8")).converted


def test_utf8_with_a_bom_loses_it():
    decoded = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert decoded == DecodedText(TEXT, "utf-8", bom=True)
    assert decoded.lines[0] == "专栏1:主要指标"


def test_gb18030_is_decoded_and_said_to_be_converted():
    decoded = decode(TEXT.encode("gb18030"))
    assert decoded == DecodedText(TEXT, "gb18030", bom=False)
    assert decoded.converted


def test_gbk_is_read_as_gb18030():
    assert decode(TEXT.encode("gbk")).text == TEXT


def test_gb18030_with_its_byte_order_mark():
    decoded = decode(b"\x84\x31\x95\x33" + TEXT.encode("gb18030"))
    assert decoded == DecodedText(TEXT, "gb18030", bom=True)


def test_a_real_plan_in_gb18030_reads_as_in_utf8():
    text = (SOURCES / "003_43dd6aeb16659ef2.txt").read_text(encoding="utf-8")
    utf8, gb = read_text(text), read_bytes(text.encode("gb18030"))
    assert gb.converted and gb.encoding == "gb18030" and not utf8.converted
    assert gb.tables == utf8.tables and gb.prose == utf8.prose


@pytest.mark.parametrize(
    "data, reason",
    [
        (TEXT.encode("utf-16"), "the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8"),
        (TEXT.encode("utf-32"), "the file is UTF-32 (it starts with a UTF-32 byte-order mark): save it as UTF-8"),
        (
            TEXT.encode("utf-16-le"),
            "NUL byte at byte 6: this is UTF-16 or UTF-32 text without a byte-order mark, or binary data: save it as UTF-8",
        ),
        (
            "café crème, naïve résumé".encode("latin-1"),
            "the file is neither UTF-8 (byte 4 is not UTF-8) nor GB18030 (byte 4 is not GB18030): convert it to UTF-8",
        ),
        (
            "東京都の人口は増えています。日本語のテキストです。".encode("shift_jis"),
            "the file is not UTF-8 (byte 1 is not UTF-8), and read as GB18030 it is not Chinese text: "
            "convert it to UTF-8 from the encoding it was written in",
        ),
        (
            "國內生產總值增長率達到百分之五".encode("big5"),
            "the file is not UTF-8 (byte 1 is not UTF-8), and read as GB18030 it is not Chinese text: "
            "convert it to UTF-8 from the encoding it was written in",
        ),
        (
            "국내 총생산은 올해 크게 증가했습니다".encode("euc-kr"),
            "the file is not UTF-8 (byte 1 is not UTF-8), and read as GB18030 it is not Chinese text: "
            "convert it to UTF-8 from the encoding it was written in",
        ),
        (
            codecs.BOM_UTF8 + "指标".encode() + b"\xff",
            "the file starts with a UTF-8 byte-order mark but byte 10 is not UTF-8",
        ),
        ("指标\x07".encode(), "control character U+0007 at character 3 (UTF-8): not a plain text file"),
        (
            bytes(range(128, 256)),
            "the file is neither UTF-8 (byte 1 is not UTF-8) nor GB18030 (byte 1 is not GB18030): convert it to UTF-8",
        ),
        (
            bytes(range(256)),
            "NUL byte at byte 1: this is UTF-16 or UTF-32 text without a byte-order mark, or binary data: save it as UTF-8",
        ),
    ],
)
def test_anything_else_is_refused_with_the_reason(data, reason):
    with pytest.raises(TextDecodeError) as caught:
        decode(data)
    assert caught.value.reason == reason
    assert str(caught.value) == reason
    assert isinstance(caught.value, ValueError)


def test_lines_are_counted_as_editors_count_them():
    assert split_lines("a\nb\n") == ["a", "b"]
    assert split_lines("a\r\nb\r\n") == ["a", "b"]
    assert split_lines("a\rb") == ["a", "b"]
    assert split_lines("a\n\nb") == ["a", "", "b"]
    assert split_lines("a\u2028b\x0cc") == ["a\u2028b\x0cc"]  # only LF, CRLF and CR end a line
    assert split_lines("") == []


def test_crlf_files_keep_their_line_numbers():
    text = (SOURCES / "000_c388b18c2f34bdc3.txt").read_text(encoding="utf-8")
    crlf = read_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert crlf.tables == read_text(text).tables
    assert crlf.tables[0].rows[0].line == 34
