"""Moodle XML: read it into records, write records as Moodle XML.

A Moodle XML file is ``<quiz>`` holding ``<question type="…">`` elements. Touchstone reads and writes
multichoice (single → single choice, several answers → multiple response), truefalse, matching and
ordering (the Ordering type in core Moodle since 4.4). Each keeps its text, general feedback (our
explanation), default mark (our points), idnumber (our reference), tags, options with their feedback
and fractions. Ordering items are listed in their right order.

The file is parsed with defusedxml and refused if it declares a document type or entities: Moodle
never writes them, and they are how "billion laughs" and external-entity attacks work.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: S405 - building output only; input goes through defusedxml
from decimal import Decimal

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from quizzes import scoring

from . import mapping
from .records import FileProblem, Item, Pair, ParseResult, QuestionRecord, Unmapped, check_count, excerpt

# Moodle's ordering grading types and Touchstone's ordering scoring.
ORDERING_GRADING = {
    scoring.ADJACENT: "RELATIVE_NEXT_EXCLUDE_LAST",
    scoring.POSITION: "ABSOLUTE_POSITION",
    scoring.ALL_OR_NOTHING: "ALL_OR_NOTHING",
}
_GRADING_ALIASES = {
    "RELATIVE_NEXT_EXCLUDE_LAST": scoring.ADJACENT,
    "RELATIVE": scoring.ADJACENT,
    "REL": scoring.ADJACENT,
    "ABSOLUTE_POSITION": scoring.POSITION,
    "ABSOLUTE": scoring.POSITION,
    "ABS": scoring.POSITION,
    "ALL_OR_NOTHING": scoring.ALL_OR_NOTHING,
}
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
TEXT_FORMAT = "plain_text"


def parse(text: str) -> ParseResult:
    """The questions in a Moodle XML file's text; raises FileProblem for a file that can't be read."""
    root = _root(text)
    questions = [element for element in root.findall("question") if element.get("type") != "category"]
    check_count(len(questions))
    result = ParseResult()
    for number, element in enumerate(questions, start=1):
        moodle_type = (element.get("type") or "").strip()
        name = _text(element, "name")
        source = f"question {number}" + (f" (“{excerpt(name, 40)}”)" if name else "")
        notes: list[str] = []
        prompt = _readable(element, "questiontext", notes)
        reader = _READERS.get(moodle_type)
        if reader is None:
            result.unmapped.append(
                Unmapped(
                    source=source,
                    kind=moodle_type or "no type",
                    reason=mapping.unmapped_reason(moodle_type or "(none)"),
                    excerpt=excerpt(prompt),
                )
            )
            continue
        record = QuestionRecord(
            type="",
            prompt=prompt,
            explanation=_readable(element, "generalfeedback", notes),
            points=mapping.points_from(_plain(element, "defaultgrade"), notes),
            reference=_plain(element, "idnumber"),
            tags=[_text(tag, ".") for tag in element.findall("tags/tag")],
            source=source,
            notes=notes,
        )
        if element.find(".//file") is not None and not any("Pictures" in note for note in notes):
            notes.append("Pictures and files embedded in Moodle aren't imported; add them in Touchstone.")
        outcome = reader(element, record)
        if isinstance(outcome, str):
            result.unmapped.append(Unmapped(source=source, kind=moodle_type, reason=outcome, excerpt=excerpt(prompt)))
            continue
        mapping.add_to_result(result, outcome, source=source, kind=moodle_type)
    if not result.questions and not result.unmapped:
        raise FileProblem("The file holds no questions (only categories, or an empty <quiz>).")
    return result


def _root(text: str) -> ET.Element:
    try:
        root = SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FileProblem(
            "The file declares a document type or entities (<!DOCTYPE …>). Moodle XML never does, and such "
            "declarations can be used to attack a server, so the file was refused."
        ) from None
    except ET.ParseError as error:
        line, column = error.position
        reason = re.sub(r": line \d+, column \d+$", "", str(error))
        raise FileProblem(
            f"The XML is malformed on line {line}, column {column + 1} ({reason}). "
            "Check that the file is a complete Moodle XML export."
        ) from None
    if root.tag != "quiz":
        raise FileProblem(f"This isn't a Moodle XML question file: it starts with <{root.tag}>, not <quiz>.")
    return root


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path)
    if found is None:
        return ""
    inner = found.find("text")
    return ((inner.text if inner is not None else found.text) or "").strip()


def _plain(element: ET.Element, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _readable(element: ET.Element, path: str, notes: list[str]) -> str:
    found = element.find(path) if path != "." else element
    if found is None:
        return ""
    inner = found.find("text")
    value = (inner.text if inner is not None else found.text) or ""
    return mapping.readable(value, found.get("format", "html"), notes)


def _fraction(answer: ET.Element) -> Decimal | None:
    return mapping.decimal_or_none(answer.get("fraction", "0"))


def _multichoice(element: ET.Element, record: QuestionRecord) -> QuestionRecord | str:
    single = _plain(element, "single").lower() in ("true", "1", "")
    answers = []
    for answer in element.findall("answer"):
        fraction = _fraction(answer)
        if fraction is None:
            return f"An option's fraction “{answer.get('fraction')}” isn't a number."
        answers.append((_readable(answer, ".", record.notes), fraction, _readable(answer, "feedback", record.notes)))
    return mapping.choice_record(single=single, answers=answers, base=record)


def _truefalse(element: ET.Element, record: QuestionRecord) -> QuestionRecord | str:
    record.type = scoring.TRUE_FALSE
    for answer in element.findall("answer"):
        value = _text(answer, ".").lower()
        if value not in ("true", "false"):
            continue
        feedback = _readable(answer, "feedback", record.notes)
        fraction = _fraction(answer) or Decimal("0")
        if value == "true":
            record.feedback_true = feedback
        else:
            record.feedback_false = feedback
        if fraction >= mapping.FULL - mapping.TOLERANCE:
            record.correct_answer = value == "true"
    if record.correct_answer is None:
        return "Neither “true” nor “false” gives full marks."
    return record


def _matching(element: ET.Element, record: QuestionRecord) -> QuestionRecord | str:
    record.type = scoring.MATCHING
    for sub in element.findall("subquestion"):
        record.pairs.append(
            Pair(prompt=_readable(sub, ".", record.notes), answer=_readable(sub, "answer", record.notes))
        )
    return record


def _ordering(element: ET.Element, record: QuestionRecord) -> QuestionRecord | str:
    record.type = scoring.ORDERING
    grading = _plain(element, "gradingtype").upper() or "RELATIVE"
    record.scoring = _GRADING_ALIASES.get(grading, scoring.ADJACENT)
    if grading not in _GRADING_ALIASES:
        record.notes.append(
            f"Moodle graded it “{grading.lower().replace('_', ' ')}”; here each neighbouring pair in the right "
            "order earns partial credit."
        )
    answers = element.findall("answer")
    positions = [_fraction(answer) for answer in answers]
    if all(position is not None for position in positions) and len(set(positions)) == len(positions):
        answers = [answer for _, answer in sorted(zip(positions, answers, strict=True), key=lambda pair: pair[0])]
    record.items = [
        Item(text=_readable(answer, ".", record.notes), feedback=_readable(answer, "feedback", record.notes))
        for answer in answers
    ]
    select_type = _plain(element, "selecttype").upper()
    count = mapping.decimal_or_none(_plain(element, "selectcount"))
    if select_type not in ("", "ALL", "EXACT") and count and 0 < count < len(record.items):
        record.notes.append(f"Moodle showed {count} of the items; Touchstone shows all {len(record.items)}.")
    return record


_READERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "matching": _matching,
    "ordering": _ordering,
}


# --- writing ----------------------------------------------------------------------------------


def cannot_write(record: QuestionRecord) -> str:
    if record.type not in (
        scoring.SINGLE_CHOICE,
        scoring.MULTIPLE_RESPONSE,
        scoring.TRUE_FALSE,
        scoring.MATCHING,
        scoring.ORDERING,
    ):
        return "Moodle has no such question type."
    return ""


def _clean(value: str) -> str:
    return _CONTROL_CHARS.sub("", value or "")


def _add_text(parent: ET.Element, tag: str, value: str, *, text_format: str | None = TEXT_FORMAT) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if text_format:
        element.set("format", text_format)
    ET.SubElement(element, "text").text = _clean(value)
    return element


def _add_value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = _clean(value)


def write(records: list[QuestionRecord]) -> str:
    """A Moodle XML file of the records (those :func:`cannot_write` refuses are left out)."""
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(" Question bank exported from Touchstone "))
    for record in records:
        if cannot_write(record):
            continue
        moodle_type = {
            scoring.SINGLE_CHOICE: "multichoice",
            scoring.MULTIPLE_RESPONSE: "multichoice",
            scoring.TRUE_FALSE: "truefalse",
            scoring.MATCHING: "matching",
            scoring.ORDERING: "ordering",
        }[record.type]
        question = ET.SubElement(quiz, "question", {"type": moodle_type})
        _add_text(question, "name", record.reference or excerpt(record.prompt, 60), text_format=None)
        _add_text(question, "questiontext", record.prompt)
        _add_text(question, "generalfeedback", record.explanation)
        _add_value(question, "defaultgrade", mapping.fraction_text(record.points or Decimal("1")))
        _add_value(question, "penalty", "0")
        _add_value(question, "hidden", "0")
        _add_value(question, "idnumber", record.reference)
        _WRITERS[record.type](question, record)
        if record.tags:
            tags = ET.SubElement(question, "tags")
            for tag in record.tags:
                _add_text(tags, "tag", tag, text_format=None)
    ET.indent(quiz, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _answer(parent: ET.Element, text: str, fraction: Decimal | str, feedback: str, *, text_format=TEXT_FORMAT):
    answer = ET.SubElement(parent, "answer", {"fraction": str(fraction), "format": text_format})
    ET.SubElement(answer, "text").text = _clean(text)
    if feedback:
        _add_text(answer, "feedback", feedback)


def _write_choice(question: ET.Element, record: QuestionRecord) -> None:
    _add_value(question, "single", "true" if record.type == scoring.SINGLE_CHOICE else "false")
    _add_value(question, "shuffleanswers", "true")
    _add_value(question, "answernumbering", "abc")
    for option, fraction in zip(record.options, mapping.choice_fractions(record), strict=True):
        _answer(question, option.text, mapping.fraction_text(fraction), option.feedback)


def _write_truefalse(question: ET.Element, record: QuestionRecord) -> None:
    for value, feedback in (("true", record.feedback_true), ("false", record.feedback_false)):
        fraction = "100" if record.correct_answer is (value == "true") else "0"
        _answer(question, value, fraction, feedback, text_format="moodle_auto_format")


def _write_matching(question: ET.Element, record: QuestionRecord) -> None:
    _add_value(question, "shuffleanswers", "true")
    for pair in record.pairs:
        sub = _add_text(question, "subquestion", pair.prompt)
        _add_text(sub, "answer", pair.answer, text_format=None)


def _write_ordering(question: ET.Element, record: QuestionRecord) -> None:
    _add_value(question, "layouttype", "VERTICAL")
    _add_value(question, "selecttype", "ALL")
    _add_value(question, "selectcount", "0")
    _add_value(question, "gradingtype", ORDERING_GRADING.get(record.scoring, "RELATIVE_NEXT_EXCLUDE_LAST"))
    _add_value(question, "showgrading", "SHOW")
    for position, item in enumerate(record.items, start=1):
        _answer(question, item.text, position, item.feedback)


_WRITERS = {
    scoring.SINGLE_CHOICE: _write_choice,
    scoring.MULTIPLE_RESPONSE: _write_choice,
    scoring.TRUE_FALSE: _write_truefalse,
    scoring.MATCHING: _write_matching,
    scoring.ORDERING: _write_ordering,
}
