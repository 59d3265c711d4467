"""core/safe_text.py: CSV cells a spreadsheet shows as text (OWASP), iCalendar TEXT escaping and folding
(RFC 5545 3.3.11 and 3.1), against rules written out here and an independent unfolding."""

import datetime
import random
import re

import pytest

from hotspot_patrol.core.safe_text import csv_safe_text, ics_fold, ics_text

HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_that_starts_like_a_formula_gets_a_quote(text):
    assert csv_safe_text(text) == "'" + text


@pytest.mark.parametrize("text", ["H1", "S150_3921_1239", "", " =1", "'=1", "Theft from the person", "2024-06-03",
                                  "Ünïcødé", "\n=1"])
def test_other_text_is_unchanged(text):
    assert csv_safe_text(text) == text


@pytest.mark.parametrize("value", [-0.3, -2, 0, 1.5, None, True, datetime.date(2024, 6, 3)])
def test_numbers_and_other_values_are_unchanged(value):
    assert csv_safe_text(value) is value


def test_ics_text_escapes_and_drops_controls():
    assert ics_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    assert ics_text("line\r\nnext") == "line\\nnext"  # CR LF is one line break
    assert ics_text("a\rb") == "ab"  # a lone CR is dropped, never a line break
    assert ics_text("tab\there") == "tab\there"  # HTAB is allowed in TEXT
    assert ics_text("bell\x07 esc\x1b del\x7f nul\x00") == "bell esc del nul"
    assert ics_text("Ünïcødé €uro 😀") == "Ünïcødé €uro 😀"
    assert ics_text(42) == "42"


def test_ics_text_never_breaks_a_line_and_unescapes_back():
    hostile = "H9\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected;,\\"
    escaped = ics_text(hostile)
    assert "\r" not in escaped and "\n" not in escaped
    unescaped = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), escaped)
    assert unescaped == hostile.replace("\r", "")


def unfold(text):
    return re.sub(r"\r\n[ \t]", "", text)


def test_short_lines_are_not_folded():
    line = "SUMMARY:" + "x" * 67
    assert len(line.encode()) == 75 and ics_fold(line) == line


@pytest.mark.parametrize("seed", range(20))
def test_folding_keeps_whole_characters_in_75_octets(seed):
    rng = random.Random(seed)
    alphabet = ["a", "Z", " ", ";", "é", "€", "😀", "\\"]  # 1, 2, 3 and 4 octets in UTF-8
    line = "DESCRIPTION:" + "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
    folded = ics_fold(line)
    physical = folded.encode("utf-8").split(b"\r\n")
    for number, part in enumerate(physical):
        assert len(part) <= 75
        part.decode("utf-8")  # no character is split
        if number:
            assert part.startswith(b" ") and len(part) > 1
    # Folding fills each line: a line ends short only when the next character does not fit.
    for part, following in zip(physical, physical[1:]):
        assert len(part) + len(following[1:].decode("utf-8")[0].encode("utf-8")) > 75
    assert unfold(folded) == line
