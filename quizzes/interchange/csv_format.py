"""Touchstone's CSV template, for questions kept in a spreadsheet: single choice, multiple response, true or false.

One row per question, under a header row::

    type, reference, prompt, correct, option_a, feedback_a, option_b, feedback_b, …, scoring, explanation,
    points, tags

``type`` is single_choice, multiple_response or true_false. ``correct`` names the right option's letter
(``B``), the right options' letters (``A;C``), or, for true or false, ``true`` or ``false``; a true or
false question gives the feedback for answering True in ``feedback_a`` and for False in ``feedback_b``.
``scoring`` (multiple response only) is partial or all_or_nothing; ``tags`` are separated by ``;``.
Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import re
import string

from quizzes import scoring

from . import mapping
from .records import FileProblem, Option, ParseResult, QuestionRecord, Unmapped, check_count, excerpt

TYPES = (scoring.SINGLE_CHOICE, scoring.MULTIPLE_RESPONSE, scoring.TRUE_FALSE)
REQUIRED = ("type", "prompt", "correct")
LETTERS = string.ascii_lowercase
_TYPE_ALIASES = {
    "single_choice": scoring.SINGLE_CHOICE,
    "single": scoring.SINGLE_CHOICE,
    "multiple_choice": scoring.SINGLE_CHOICE,
    "multiple_response": scoring.MULTIPLE_RESPONSE,
    "multiple_answer": scoring.MULTIPLE_RESPONSE,
    "true_false": scoring.TRUE_FALSE,
    "true_or_false": scoring.TRUE_FALSE,
    "truefalse": scoring.TRUE_FALSE,
}
_SCORING_ALIASES = {
    "": scoring.PARTIAL,
    "partial": scoring.PARTIAL,
    "partial_credit": scoring.PARTIAL,
    "all_or_nothing": scoring.ALL_OR_NOTHING,
}

EXAMPLES = [
    {
        "type": "single_choice",
        "reference": "TS101-EFF-1",
        "prompt": "Which stroke usually opens and closes a Swedish session?",
        "correct": "A",
        "option_a": "Effleurage",
        "feedback_a": "Right: long gliding strokes warm the tissue and signal the start and end of the work.",
        "option_b": "Tapotement",
        "feedback_b": "Tapotement stimulates; it is used briefly, mid-session, not to open or close.",
        "option_c": "Friction",
        "feedback_c": "Friction works one small area deeply; the tissue should be warm before it.",
        "explanation": "Effleurage spreads the lubricant, warms the tissue and lets the client settle.",
        "points": "1",
        "tags": "effleurage;session flow",
    },
    {
        "type": "multiple_response",
        "reference": "TS201-DVT-2",
        "prompt": "Which signs in one calf make you stop and refer the client before any leg work?",
        "correct": "A;B;D",
        "option_a": "Warmth",
        "feedback_a": "Right: a warm, swollen calf can mean a deep vein thrombosis.",
        "option_b": "Swelling",
        "feedback_b": "Right: one-sided swelling is a warning sign of a clot.",
        "option_c": "Tight hamstrings",
        "feedback_c": "Tightness alone is no reason to refer.",
        "option_d": "Tenderness when the calf is pressed",
        "feedback_d": "Right: tenderness with warmth or swelling calls for a doctor first.",
        "scoring": "partial",
        "explanation": "Warmth, swelling and tenderness in one calf can be a clot: no leg massage, refer today.",
        "points": "2",
        "tags": "dvt;contraindications",
    },
    {
        "type": "true_false",
        "reference": "TS201-FEV-1",
        "prompt": "A client with a fever can have a full-body massage if they feel up to it.",
        "correct": "false",
        "option_a": "True",
        "feedback_a": "Not so: fever is an absolute contraindication; reschedule the session.",
        "option_b": "False",
        "feedback_b": "Right: fever is an absolute contraindication; reschedule the session.",
        "explanation": "Massage raises circulation and can spread an infection; wait until the fever has gone.",
        "points": "1",
        "tags": "contraindications",
    },
]


def header(option_count: int = 6) -> list[str]:
    options = [column for letter in LETTERS[:option_count] for column in (f"option_{letter}", f"feedback_{letter}")]
    return ["type", "reference", "prompt", "correct", *options, "scoring", "explanation", "points", "tags"]


def template() -> str:
    """The downloadable template: the header row and one example of each type."""
    return _csv(header(), EXAMPLES)


def _csv(columns: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _key(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", (value or "").strip().lower())


def parse(text: str) -> ParseResult:
    """The questions in a CSV file's text; raises FileProblem for a file without the template's header."""
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        columns = [_key(column) for column in next(reader)]
        rows = list(reader)
    except StopIteration:
        raise FileProblem("The file is empty.") from None
    except csv.Error as error:
        raise FileProblem(f"The CSV can't be read near row {reader.line_num}: {error}.") from None
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        raise FileProblem(
            f"The first row must be the template's header; it lacks {', '.join(missing)}. Download the CSV "
            "template and copy your questions into it."
        )
    rows = [(number, row) for number, row in enumerate(rows, start=2) if any(cell.strip() for cell in row)]
    check_count(len(rows))
    result = ParseResult()
    for number, row in rows:
        values = {column: (row[index].strip() if index < len(row) else "") for index, column in enumerate(columns)}
        source = f"row {number}"
        outcome = _record(values, source)
        if isinstance(outcome, str):
            result.unmapped.append(
                Unmapped(
                    source=source,
                    kind=values.get("type") or "no type",
                    reason=outcome,
                    excerpt=excerpt(values.get("prompt", "")),
                )
            )
            continue
        mapping.add_to_result(result, outcome, source=source)
    if not result.questions and not result.unmapped:
        raise FileProblem("The file has a header row but no questions under it.")
    return result


def _record(values: dict[str, str], source: str) -> QuestionRecord | str:
    question_type = _TYPE_ALIASES.get(_key(values.get("type", "")))
    if question_type is None:
        return (
            f"Unknown type “{values.get('type', '')}”: use single_choice, multiple_response or true_false "
            "(other types come in through Moodle XML)."
        )
    notes: list[str] = []
    record = QuestionRecord(
        type=question_type,
        prompt=values.get("prompt", ""),
        explanation=values.get("explanation", ""),
        points=mapping.points_from(values.get("points"), notes),
        reference=values.get("reference", ""),
        tags=[tag for tag in re.split(r"[;,]", values.get("tags", "")) if tag.strip()],
        source=source,
        notes=notes,
    )
    correct = values.get("correct", "").strip().lower()
    if question_type == scoring.TRUE_FALSE:
        if correct not in ("true", "false", "t", "f"):
            return "For true or false, “correct” must be true or false."
        record.correct_answer = correct.startswith("t")
        record.feedback_true, record.feedback_false = values.get("feedback_a", ""), values.get("feedback_b", "")
        return record
    letters = [letter for letter in re.split(r"[\s;,]+", correct) if letter]
    options = {}
    for letter in LETTERS:
        text = values.get(f"option_{letter}", "")
        if text:
            options[letter] = Option(
                text=text, correct=letter in letters, feedback=values.get(f"feedback_{letter}", "")
            )
    unknown = [letter.upper() for letter in letters if letter not in options]
    if not letters or unknown:
        return (
            f"“correct” names {', '.join(unknown)}, but there is no such option."
            if unknown
            else "“correct” is empty: give the letter of the right option (for example B, or A;C)."
        )
    if question_type == scoring.SINGLE_CHOICE and len(letters) > 1:
        return "A single-choice question has one right option; use multiple_response for several."
    record.options = list(options.values())
    if question_type == scoring.MULTIPLE_RESPONSE:
        scoring_value = _SCORING_ALIASES.get(_key(values.get("scoring", "")))
        if scoring_value is None:
            return "“scoring” must be partial or all_or_nothing."
        record.scoring = scoring_value
    return record


def cannot_write(record: QuestionRecord) -> str:
    if record.type not in TYPES:
        return "The CSV template holds single choice, multiple response and true or false; use Moodle XML."
    if len(record.options) > len(LETTERS):
        return f"The CSV template holds at most {len(LETTERS)} options."
    return ""


def write(records: list[QuestionRecord]) -> str:
    """A CSV file in the template's columns (records :func:`cannot_write` refuses are left out)."""
    kept = [record for record in records if not cannot_write(record)]
    option_count = max([4, *(len(record.options) for record in kept)])
    rows = []
    for record in kept:
        row = {
            "type": record.type,
            "reference": record.reference,
            "prompt": record.prompt,
            "scoring": record.scoring if record.type == scoring.MULTIPLE_RESPONSE else "",
            "explanation": record.explanation,
            "points": mapping.fraction_text(record.points) if record.points is not None else "",
            "tags": ";".join(record.tags),
        }
        if record.type == scoring.TRUE_FALSE:
            row |= {
                "correct": "true" if record.correct_answer else "false",
                "option_a": "True",
                "feedback_a": record.feedback_true,
                "option_b": "False",
                "feedback_b": record.feedback_false,
            }
        else:
            row["correct"] = ";".join(
                LETTERS[index].upper() for index, option in enumerate(record.options) if option.correct
            )
            for letter, option in zip(LETTERS, record.options, strict=False):
                row |= {f"option_{letter}": option.text, f"feedback_{letter}": option.feedback}
        rows.append(row)
    return _csv(header(option_count), rows)
