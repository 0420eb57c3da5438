"""What a file holds, in Touchstone's terms: plain dataclasses the readers produce and the writers take.

A record is already shaped like one of Touchstone's question types (single choice, multiple response,
true or false, matching, ordering). What a file holds that Touchstone can't take is an
:class:`Unmapped`, with the reason in the author's words. :class:`FileProblem` is a file the reader
can't read at all (wrong encoding, broken XML, too big, too many questions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from quizzes import scoring

# Limits that keep an upload cheap to read and to preview.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_QUESTIONS = 500

# The lengths the question bank's fields hold.
OPTION_TEXT_MAX = 500
PAIR_TEXT_MAX = 300
ITEM_TEXT_MAX = 300
REFERENCE_MAX = 40
TAG_MAX = 100
POINTS_MIN = Decimal("0.25")
POINTS_MAX = Decimal("100")

TYPE_LABELS = {
    scoring.SINGLE_CHOICE: "Single choice",
    scoring.MULTIPLE_RESPONSE: "Multiple response",
    scoring.TRUE_FALSE: "True or false",
    scoring.MATCHING: "Matching",
    scoring.ORDERING: "Ordering",
}

SCORING_LABELS = {
    scoring.PARTIAL: "Partial credit",
    scoring.ALL_OR_NOTHING: "All or nothing",
    scoring.ADJACENT: "Partial credit for each neighbouring pair in the right order",
    scoring.POSITION: "Partial credit for each item in its right position",
}


class FileProblem(ValueError):
    """The file can't be read at all; the message says why, and where when a line is to blame."""


@dataclass
class Option:
    """An option of a single-choice or multiple-response question."""

    text: str
    correct: bool
    feedback: str = ""


@dataclass
class Pair:
    """A matching pair; a blank prompt makes the answer an extra distractor."""

    prompt: str
    answer: str
    feedback: str = ""


@dataclass
class Item:
    """An item of an ordering question; items are listed in their right order."""

    text: str
    feedback: str = ""


@dataclass
class QuestionRecord:
    """One question as Touchstone will hold it.

    ``points`` is None when the format carries no points (GIFT); the import then gives 1 point.
    ``source`` says where the question was in the file ("line 12", "question 3", "row 4") and
    ``notes`` what changed on the way in (partial credit dropped, pictures left out…).
    """

    type: str
    prompt: str
    explanation: str = ""
    points: Decimal | None = None
    reference: str = ""
    tags: list[str] = field(default_factory=list)
    # Single choice and multiple response.
    options: list[Option] = field(default_factory=list)
    # Multiple response (partial or all or nothing) and ordering (adjacent, position, all or nothing).
    scoring: str = ""
    # True or false.
    correct_answer: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""
    # Matching and ordering.
    pairs: list[Pair] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    source: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type)

    @property
    def scoring_label(self) -> str:
        return SCORING_LABELS.get(self.scoring, self.scoring)


@dataclass
class Unmapped:
    """Something in the file that won't become a question, and why."""

    source: str
    kind: str
    reason: str
    excerpt: str = ""


@dataclass
class ParseResult:
    questions: list[QuestionRecord] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)


def excerpt(text: str, length: int = 80) -> str:
    """The first words of a text, on one line, for listing what was left out."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), within the size limit."""
    if not data or not data.strip():
        raise FileProblem("The file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise FileProblem(f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; split it into smaller files.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("The file is saved as UTF-16. Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileProblem(
            f"The file isn't UTF-8 text (the first unreadable character is on line {line}). Save it as UTF-8 "
            "(in Excel: “CSV UTF-8”; Moodle always exports UTF-8) and upload it again."
        ) from None
    if "\x00" in text:
        raise FileProblem("This looks like a binary file, not a text file. Upload a .txt, .xml or .csv file.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_count(count: int) -> None:
    if count > MAX_QUESTIONS:
        raise FileProblem(f"The file holds {count} questions; import at most {MAX_QUESTIONS} at a time.")
