"""Moodle's GIFT text format: read it into records, write records as GIFT.

A GIFT file is questions separated by blank lines. A question is an optional ``::title::``, its text
and its answers in braces: ``=right`` and ``~wrong`` options (``~%50%`` weights, ``#feedback``),
``{T}``/``{F}`` (``{T#feedback when wrong#feedback when right}``), ``{=prompt -> answer}`` pairs, and
``####general feedback``. ``\\`` escapes ``~ = # { } :``; ``\\n`` is a line break. Lines starting
``//`` are comments, where Moodle keeps a question's id (``[id:TS-1]``) and tags (``[tag:dvt]``).

Moodle's reading rules are followed: an answer block with no ``=`` is multiple answers; text after the
braces makes a missing-word question (the braces become ``_____``). GIFT carries no points, so
imported questions are worth 1 point. Ordering is left to Moodle XML: the Ordering plugin's GIFT
syntax can't carry an explanation or feedback, nor escaped characters.
"""

from __future__ import annotations

import re
from decimal import Decimal

from quizzes import scoring

from . import mapping
from .records import (
    FileProblem,
    Pair,
    ParseResult,
    QuestionRecord,
    Unmapped,
    check_count,
    excerpt,
)

# Escaped characters become private-use placeholders while the structure is read.
_ESCAPES = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004", "}": "\ue005", "~": "\ue006"}
_NEWLINE = "\ue007"
_RESTORE = {placeholder: char for char, placeholder in _ESCAPES.items()} | {_NEWLINE: "\n"}
_ESCAPE_PATTERN = re.compile(r"\\([\\:#={}~n])")
_FORMAT_PATTERN = re.compile(r"^\[(moodle|html|plain|markdown)\]", re.IGNORECASE)
_WEIGHT_PATTERN = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_ID_PATTERN = re.compile(r"\[id:((?:\\\]|[^\]])+)\]")
_TAG_PATTERN = re.compile(r"\[tag:((?:\\\]|[^\]<>])+)\]")
_FORMATS = {"moodle": "moodle", "html": "html", "plain": "plain_text", "markdown": "markdown"}


def _protect(text: str) -> str:
    return _ESCAPE_PATTERN.sub(lambda match: _NEWLINE if match.group(1) == "n" else _ESCAPES[match.group(1)], text)


def _restore(text: str) -> str:
    return "".join(_RESTORE.get(char, char) for char in text)


class _SyntaxProblem(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def _blocks(text: str):
    """(first line number, lines) of each question: runs of lines between blank lines."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def parse(text: str) -> ParseResult:
    """The questions in a GIFT file's text; raises FileProblem for a file with none to read."""
    result = ParseResult()
    blocks = list(_blocks(text))
    check_count(sum(1 for _, lines in blocks if any(not line.strip().startswith("//") for line in lines)))
    for start, lines in blocks:
        comments = "\n".join(line.strip() for line in lines if line.strip().startswith("//"))
        body_lines = ["" if line.strip().startswith("//") else line for line in lines]
        if not any(body_lines):
            continue
        first = next(index for index, line in enumerate(body_lines) if line.strip())
        source = f"line {start + first}"
        body = _protect("\n".join(body_lines))
        try:
            outcome = _question(body, comments, source)
        except _SyntaxProblem as problem:
            line = start + body[: problem.offset].count("\n")
            result.unmapped.append(
                Unmapped(
                    source=f"line {line}",
                    kind="Syntax error",
                    reason=f"GIFT syntax error on line {line}: {problem.message}",
                    excerpt=excerpt(_restore(body)),
                )
            )
            continue
        if outcome is None:
            continue
        if isinstance(outcome, Unmapped):
            result.unmapped.append(outcome)
            continue
        mapping.add_to_result(result, outcome, source=source)
    if not result.questions and not result.unmapped:
        raise FileProblem("The file holds no GIFT questions.")
    return result


def _text(value: str, default_format: str, notes: list[str]) -> tuple[str, str]:
    """A GIFT text with its optional [format] prefix, as plain text; and the format it named."""
    value = value.strip()
    match = _FORMAT_PATTERN.match(value)
    text_format = default_format
    if match:
        text_format = _FORMATS[match.group(1).lower()]
        value = value[match.end() :]
    return mapping.readable(_restore(value).strip(), text_format, notes), text_format


def _question(body: str, comments: str, source: str) -> QuestionRecord | Unmapped | None:
    stripped = body.lstrip()
    offset = len(body) - len(stripped)
    if stripped.startswith("$CATEGORY:"):
        return None
    if stripped.startswith("::"):
        end = stripped.find("::", 2)
        if end == -1:
            raise _SyntaxProblem("the title starts with “::” but doesn't end with “::”.", offset)
        offset += end + 2
        stripped = stripped[end + 2 :]
    rest = stripped
    opening, closing = rest.find("{"), rest.find("}")
    if opening == -1 and closing == -1:
        return Unmapped(
            source=source,
            kind="Description",
            reason=mapping.unmapped_reason("description"),
            excerpt=excerpt(_restore(rest)),
        )
    if closing == -1:
        raise _SyntaxProblem("“{” opens an answer block that is never closed with “}”.", offset + opening)
    if opening == -1 or closing < opening:
        raise _SyntaxProblem("“}” closes an answer block that was never opened with “{”.", offset + closing)
    after = rest[closing + 1 :]
    if "{" in after or "}" in after:
        position = closing + 1 + min(index for index in (after.find("{"), after.find("}")) if index != -1)
        raise _SyntaxProblem(
            "a second answer block; GIFT allows one per question (or put a blank line between questions).",
            offset + position,
        )
    question_text = rest[:opening] if not after.strip() else rest[:opening] + "_____" + after
    raw_answer = rest[opening + 1 : closing]
    answer = raw_answer.strip()
    answer_offset = offset + opening + 1 + len(raw_answer) - len(raw_answer.lstrip())
    general = ""
    if "####" in answer:
        separator = answer.rfind("####")
        answer, general = answer[:separator].strip(), answer[separator + 4 :]

    notes: list[str] = []
    prompt, text_format = _text(question_text, "moodle", notes)
    explanation, _ = _text(general, text_format, notes)
    record = QuestionRecord(type="", prompt=prompt, explanation=explanation, source=source, notes=notes)
    id_match = _ID_PATTERN.search(comments)
    record.reference = id_match.group(1).replace("\\]", "]").strip() if id_match else ""
    record.tags = [tag.replace("\\]", "]").strip() for tag in _TAG_PATTERN.findall(comments)]

    def unmapped(moodle_type: str) -> Unmapped:
        return Unmapped(
            source=source, kind=moodle_type, reason=mapping.unmapped_reason(moodle_type), excerpt=excerpt(prompt)
        )

    if answer == "":
        return unmapped("essay")
    if answer.startswith("#"):
        return unmapped("numerical")
    if answer.startswith(">"):
        return Unmapped(
            source=source,
            kind="ordering",
            reason="Ordering questions are read from Moodle XML only: export them from Moodle as "
            "Moodle XML, which keeps their feedback.",
            excerpt=excerpt(prompt),
        )
    if "~" in answer:
        return _choice(answer, record, text_format, answer_offset)
    if "=" in answer and "->" in answer:
        return _matching(answer, record, text_format, answer_offset)
    value, _, feedback = answer.partition("#")
    if value.strip() in ("T", "TRUE", "F", "FALSE"):
        wrong, _, right = feedback.partition("#")
        record.type = scoring.TRUE_FALSE
        record.correct_answer = value.strip().startswith("T")
        wrong_text, _ = _text(wrong, text_format, notes)
        right_text, _ = _text(right, text_format, notes)
        record.feedback_true, record.feedback_false = (
            (right_text, wrong_text) if record.correct_answer else (wrong_text, right_text)
        )
        return record
    return unmapped("shortanswer")


def _choice(answer: str, record: QuestionRecord, text_format: str, offset: int) -> QuestionRecord | Unmapped:
    single = "=" in answer
    answers = []
    for match in re.finditer(r"[^~=]*|[~=][^~=]*", answer):
        part = match.group().strip()
        if not part:
            continue
        if part[0] not in "~=":
            raise _SyntaxProblem(f"“{_restore(part)[:40]}” should start with “=” or “~”.", offset + match.start())
        right, part = part[0] == "=", part[1:].strip()
        fraction = mapping.FULL if right else Decimal("0")
        weight = _WEIGHT_PATTERN.match(part)
        if weight:
            fraction = Decimal(weight.group(1))
            part = part[weight.end() :]
        value, _, feedback = part.partition("#")
        text, _ = _text(value, text_format, record.notes)
        feedback_text, _ = _text(feedback, text_format, record.notes)
        answers.append((text, fraction, feedback_text))
    outcome = mapping.choice_record(single=single, answers=answers, base=record)
    if isinstance(outcome, str):
        return Unmapped(source=record.source, kind="multichoice", reason=outcome, excerpt=excerpt(record.prompt))
    return outcome


def _matching(answer: str, record: QuestionRecord, text_format: str, offset: int) -> QuestionRecord:
    record.type = scoring.MATCHING
    for match in re.finditer(r"[^=]+", answer):
        part = match.group().strip()
        if not part:
            continue
        if "->" not in part:
            position = offset + match.start() + len(match.group()) - len(match.group().lstrip())
            raise _SyntaxProblem(f"the pair “{_restore(part)[:40]}” has no “->” between prompt and answer.", position)
        left, _, right = part.partition("->")
        prompt, _ = _text(left, text_format, record.notes)
        answer_text, _ = _text(right, text_format, record.notes)
        record.pairs.append(Pair(prompt=prompt, answer=answer_text))
    return record


# --- writing ----------------------------------------------------------------------------------


def escape(text: str) -> str:
    text = (text or "").replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _bracketed(value: str) -> str:
    # Inside a comment's [id:…] or [tag:…], a closing bracket is escaped.
    return value.replace("]", "\\]")


def cannot_write(record: QuestionRecord) -> str:
    """Why the record can't be written as GIFT ("" when it can)."""
    if record.type == scoring.ORDERING:
        return "GIFT can't carry an ordering question's explanation and feedback; export it as Moodle XML."
    if record.type == scoring.MATCHING and any("->" in pair.prompt + pair.answer for pair in record.pairs):
        return "A pair contains “->”, which GIFT can't escape; export it as Moodle XML."
    if record.type not in (scoring.SINGLE_CHOICE, scoring.MULTIPLE_RESPONSE, scoring.TRUE_FALSE, scoring.MATCHING):
        return "GIFT has no such question type."
    return ""


def write(records: list[QuestionRecord]) -> str:
    """A GIFT file of the records (those :func:`cannot_write` refuses are left out)."""
    chunks = ["// Question bank exported from Touchstone. GIFT carries no points: Moodle gives each question 1 mark."]
    for record in records:
        if cannot_write(record):
            continue
        lines = []
        if record.reference:
            lines.append(f"// [id:{_bracketed(record.reference)}]")
        if record.tags:
            lines.append("// " + " ".join(f"[tag:{_bracketed(tag)}]" for tag in record.tags))
        title = escape(record.reference or excerpt(record.prompt, 40))
        lines.append(f"::{title}::[plain]{escape(record.prompt)}{{")
        lines.extend(_answer_lines(record))
        if record.explanation:
            lines.append(f"\t####{escape(record.explanation)}")
        lines.append("}")
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n"


def _answer_lines(record: QuestionRecord) -> list[str]:
    if record.type == scoring.TRUE_FALSE:
        right, wrong = (
            (record.feedback_true, record.feedback_false)
            if record.correct_answer
            else (record.feedback_false, record.feedback_true)
        )
        return [f"\t{'TRUE' if record.correct_answer else 'FALSE'}#{escape(wrong)}#{escape(right)}"]
    if record.type == scoring.MATCHING:
        return [f"\t={escape(pair.prompt)} -> {escape(pair.answer)}" for pair in record.pairs]
    lines = []
    fractions = mapping.choice_fractions(record)
    for option, fraction in zip(record.options, fractions, strict=True):
        if record.type == scoring.SINGLE_CHOICE:
            marker = "=" if option.correct else "~"
        else:
            marker = f"~%{mapping.fraction_text(fraction)}%"
        feedback = f"#{escape(option.feedback)}" if option.feedback else ""
        lines.append(f"\t{marker}{escape(option.text)}{feedback}")
    return lines
