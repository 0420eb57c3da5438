"""How Moodle's question types map onto Touchstone's, shared by the GIFT and Moodle XML readers and writers.

Moodle grades a multiple-choice answer by a fraction of the question's mark. Touchstone's single
choice has one right option and no partial credit; its multiple response gives 1/k for each of the k
right options chosen and takes 1/k for each wrong one (partial credit), or needs exactly the right
options (all or nothing). The writers express those rules as Moodle fractions, and the readers read
them back: a multiple-response question whose wrong options all cost 100% is all or nothing.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

from quizzes import scoring

from .records import (
    ITEM_TEXT_MAX,
    OPTION_TEXT_MAX,
    PAIR_TEXT_MAX,
    POINTS_MAX,
    POINTS_MIN,
    REFERENCE_MAX,
    TAG_MAX,
    Option,
    ParseResult,
    QuestionRecord,
    Unmapped,
    excerpt,
)

FULL = Decimal("100")
# Moodle writes fractions with five decimals (33.33333), so "equal" allows for rounding.
TOLERANCE = Decimal("0.01")

# Why Moodle's other question types don't come across, in the author's words.
UNMAPPED_REASONS = {
    "shortanswer": "Short answer: Touchstone has no typed answers; learners choose or arrange answers.",
    "numerical": "Numerical: Touchstone has no typed numeric answers.",
    "calculated": "Calculated: Touchstone has no typed numeric answers.",
    "calculatedsimple": "Calculated: Touchstone has no typed numeric answers.",
    "calculatedmulti": "Calculated multichoice: its options are formulas Touchstone can't compute.",
    "essay": "Essay: every Touchstone question is graded automatically; there is no essay question.",
    "description": "Description: it has no answer to grade. Put its text in the quiz's introduction instead.",
    "multianswer": "Embedded answers (Cloze): several answers inside one text have no Touchstone equivalent.",
    "ddwtos": "Drag and drop into text: Touchstone has no gap-filling questions. Write ordering tasks as "
    "Moodle Ordering questions, which do come across.",
    "gapselect": "Select missing words: Touchstone has no gap-filling questions.",
    "ddimageortext": "Drag and drop onto image: Touchstone has no questions on a background picture.",
    "ddmarker": "Drag and drop markers: Touchstone has no questions on a background picture.",
    "randomsamatch": "Random short-answer matching: it draws from short-answer questions, which Touchstone has not.",
    "random": "Random question: in Touchstone a random draw is a quiz setting; use a question category.",
}


def unmapped_reason(moodle_type: str) -> str:
    return UNMAPPED_REASONS.get(
        moodle_type, f"Moodle's “{moodle_type}” questions have no Touchstone equivalent (or come from a plugin)."
    )


# --- text -------------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """HTML to plain text: block ends and <br> become line breaks, everything else keeps its words."""

    BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images += 1
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")

    def handle_endtag(self, tag):
        if tag in self.BREAKS and tag != "br":
            self.parts.append("\n\n" if tag == "p" else "\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(value: str) -> tuple[str, int]:
    """Plain text from Moodle HTML, and how many pictures it showed (they aren't imported)."""
    parser = _TextExtractor()
    parser.feed(value)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, parser.images


def looks_like_html(value: str) -> bool:
    return bool(re.search(r"</?[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;", value))


def readable(value: str, text_format: str, notes: list[str]) -> str:
    """The plain text of a Moodle text field in its format (html, moodle_auto_format, plain_text, markdown)."""
    value = value or ""
    if "@@PLUGINFILE@@" in value:
        notes.append("Pictures and files embedded in Moodle aren't imported; add them in Touchstone.")
    if text_format in ("html", "moodle_auto_format", "moodle") and looks_like_html(value):
        text, images = html_to_text(value)
        if images and "@@PLUGINFILE@@" not in value:
            notes.append("Pictures in the text aren't imported; add them in Touchstone.")
        return text
    return value.strip()


def unescape_entities(value: str) -> str:
    return html.unescape(value)


# --- numbers ----------------------------------------------------------------------------------


def decimal_or_none(value: str | None) -> Decimal | None:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def points_from(value: str | None, notes: list[str]) -> Decimal | None:
    """Moodle's default mark as Touchstone points (0.25 to 100); None when missing or unusable."""
    if value is None or not str(value).strip():
        return None
    number = decimal_or_none(value)
    if number is None:
        notes.append(f"The mark “{value}” isn't a number; the question is worth 1 point.")
        return None
    if not POINTS_MIN <= number <= POINTS_MAX:
        notes.append(f"Moodle's mark {number.normalize()} is outside 0.25–100; the question is worth 1 point.")
        return None
    return number.quantize(Decimal("0.01"))


def fraction_text(value: Decimal) -> str:
    """A fraction as Moodle writes it: 100, 50, 33.33333, -100."""
    text = f"{value.quantize(Decimal('0.00001')):f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def even_share(count: int) -> Decimal:
    return FULL / count if count else FULL


# --- multiple choice --------------------------------------------------------------------------


def choice_record(
    *, single: bool, answers: list[tuple[str, Decimal, str]], base: QuestionRecord
) -> QuestionRecord | str:
    """A Moodle multiple-choice question (options with fractions) as single choice or multiple response.

    Returns the record, or the reason it can't come across.
    """
    record = base
    if single:
        record.type = scoring.SINGLE_CHOICE
        full = [text for text, fraction, _ in answers if fraction >= FULL - TOLERANCE]
        if len(full) != 1:
            return (
                "No option gives full marks; a single-choice question needs one right answer."
                if not full
                else "Several options give full marks; a Touchstone single-choice question has one right answer."
            )
        for text, fraction, _ in answers:
            if TOLERANCE < fraction < FULL - TOLERANCE:
                record.notes.append(
                    f"“{text}” earned {fraction_text(fraction)}% in Moodle; single choice has no partial credit, "
                    "so here it counts as wrong."
                )
        record.options = [
            Option(text=text, correct=fraction >= FULL - TOLERANCE, feedback=feedback)
            for text, fraction, feedback in answers
        ]
    else:
        record.type = scoring.MULTIPLE_RESPONSE
        right = [fraction for _, fraction, _ in answers if fraction > 0]
        wrong = [fraction for _, fraction, _ in answers if fraction <= 0]
        if not right:
            return "No option earns marks; a multiple-response question needs at least one right option."
        share = even_share(len(right))
        if wrong and all(fraction <= -FULL + TOLERANCE for fraction in wrong):
            record.scoring = scoring.ALL_OR_NOTHING
        else:
            record.scoring = scoring.PARTIAL
            if any(abs(fraction + share) > TOLERANCE for fraction in wrong):
                record.notes.append(
                    f"Wrong options now cost {fraction_text(share)}% each (partial credit: 1/k per wrong choice)."
                )
        if any(abs(fraction - share) > TOLERANCE for fraction in right):
            record.notes.append(f"Moodle weighted the right options unequally; each now earns {fraction_text(share)}%.")
        record.options = [
            Option(text=text, correct=fraction > 0, feedback=feedback) for text, fraction, feedback in answers
        ]
    return record


def choice_fractions(record: QuestionRecord) -> list[Decimal]:
    """The Moodle fraction of each option, by the Touchstone rule (see the module docstring)."""
    if record.type != scoring.MULTIPLE_RESPONSE:
        return [FULL if option.correct else Decimal("0") for option in record.options]
    share = even_share(sum(1 for option in record.options if option.correct))
    penalty = -FULL if record.scoring == scoring.ALL_OR_NOTHING else -share
    return [share if option.correct else penalty for option in record.options]


# --- checks every record passes before it becomes a draft -------------------------------------


def _same(values) -> bool:
    seen = set()
    for value in values:
        key = " ".join((value or "").lower().split())
        if key in seen:
            return True
        seen.add(key)
    return False


def problems(record: QuestionRecord) -> list[str]:
    """Why the record can't become a question: what the question bank's fields and editor checks require."""
    found = []
    if not record.prompt.strip():
        found.append("The question has no text.")
    if record.type in (scoring.SINGLE_CHOICE, scoring.MULTIPLE_RESPONSE):
        if len(record.options) < 2:
            found.append("It needs at least two options.")
        if any(not option.text.strip() for option in record.options):
            found.append("An option has no text.")
        if any(len(option.text) > OPTION_TEXT_MAX for option in record.options):
            found.append(f"An option is longer than {OPTION_TEXT_MAX} characters.")
        if _same(option.text for option in record.options):
            found.append("Two options have the same text.")
        right = sum(1 for option in record.options if option.correct)
        if record.type == scoring.SINGLE_CHOICE and right != 1:
            found.append("Single choice needs exactly one right option.")
        if record.type == scoring.MULTIPLE_RESPONSE and right < 1:
            found.append("Multiple response needs at least one right option.")
    elif record.type == scoring.TRUE_FALSE:
        if record.correct_answer is None:
            found.append("It doesn't say whether the statement is true or false.")
    elif record.type == scoring.MATCHING:
        if sum(1 for pair in record.pairs if pair.prompt.strip()) < 2:
            found.append("It needs at least two pairs with a prompt.")
        if any(not pair.answer.strip() for pair in record.pairs):
            found.append("A pair has no answer.")
        if any(len(pair.prompt) > PAIR_TEXT_MAX or len(pair.answer) > PAIR_TEXT_MAX for pair in record.pairs):
            found.append(f"A pair's prompt or answer is longer than {PAIR_TEXT_MAX} characters.")
        if _same(pair.answer for pair in record.pairs):
            found.append("Two pairs have the same answer.")
    elif record.type == scoring.ORDERING:
        if len(record.items) < 2:
            found.append("It needs at least two items to put in order.")
        if any(len(item.text) > ITEM_TEXT_MAX for item in record.items):
            found.append(f"An item is longer than {ITEM_TEXT_MAX} characters.")
        if _same(item.text for item in record.items):
            found.append("Two items have the same text.")
    return found


def tidy(record: QuestionRecord) -> QuestionRecord:
    """Fit the bank's limits that a question can do without, noting each change."""
    if len(record.reference) > REFERENCE_MAX:
        record.notes.append(f"The id “{record.reference}” is longer than {REFERENCE_MAX} characters; left out.")
        record.reference = ""
    kept = []
    for tag in record.tags:
        tag = " ".join(tag.split())
        if tag and len(tag) <= TAG_MAX and tag.lower() not in {kept_tag.lower() for kept_tag in kept}:
            kept.append(tag)
    record.tags = kept
    if record.type in (scoring.MATCHING,) and any(pair.prompt and not pair.feedback for pair in record.pairs):
        record.notes.append("Moodle matching has no feedback for each pair; add it before making the question active.")
    missing_feedback = (
        any(not option.feedback for option in record.options)
        or (record.type == scoring.TRUE_FALSE and not (record.feedback_true and record.feedback_false))
        or (record.type == scoring.ORDERING and any(not item.feedback for item in record.items))
    )
    if missing_feedback:
        record.notes.append("Some answers have no feedback; add it before making the question active.")
    if not record.explanation:
        record.notes.append("No general feedback to use as the explanation; add one before making it active.")
    return record


def add_to_result(result: ParseResult, record: QuestionRecord, *, source: str, kind: str = "") -> None:
    """Every reader's last step: a record the bank can hold is tidied and kept, any other is reported
    with the reasons (`kind` names it as the file did; by default, the Touchstone type)."""
    found = problems(record)
    if found:
        result.unmapped.append(
            Unmapped(
                source=source, kind=kind or record.type_label, reason=" ".join(found), excerpt=excerpt(record.prompt)
            )
        )
    else:
        result.questions.append(tidy(record))
