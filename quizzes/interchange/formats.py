"""The three formats by key: their label, reader, writer and file type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import csv_format, gift, moodle_xml
from .records import ParseResult, QuestionRecord


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    parse: Callable[[str], ParseResult]
    write: Callable[[list[QuestionRecord]], str]
    cannot_write: Callable[[QuestionRecord], str]
    extension: str
    content_type: str


FORMATS = {
    "gift": Format(
        "gift", "Moodle GIFT (.txt)", gift.parse, gift.write, gift.cannot_write, "txt", "text/plain; charset=utf-8"
    ),
    "moodle_xml": Format(
        "moodle_xml",
        "Moodle XML (.xml)",
        moodle_xml.parse,
        moodle_xml.write,
        moodle_xml.cannot_write,
        "xml",
        "application/xml; charset=utf-8",
    ),
    "csv": Format(
        "csv",
        "CSV template (.csv): single choice, multiple response, true or false",
        csv_format.parse,
        csv_format.write,
        csv_format.cannot_write,
        "csv",
        "text/csv; charset=utf-8",
    ),
}


def choices() -> list[tuple[str, str]]:
    return [(key, found.label) for key, found in FORMATS.items()]


def guess(filename: str) -> str:
    """The format a file's name suggests ("" when it suggests none)."""
    name = filename.lower()
    if name.endswith(".xml"):
        return "moodle_xml"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".txt", ".gift")):
        return "gift"
    return ""
