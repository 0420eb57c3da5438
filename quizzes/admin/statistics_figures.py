"""The quiz statistics as an instructor reads them: figures formatted, each with a plain explanation, and
the same figures as CSV rows.

Pure functions over the shapes in :mod:`quizzes.statistics`; they never query the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pageparts.spreadsheet import safe_cell
from quizzes.statistics import QuestionStatistics, QuizStatistics, StepStatistics

NONE = "—"  # a figure that can't be worked out (too few answers, or every answer scored the same)
NO_THIRD = "n/a"  # a top or bottom third that doesn't exist: too few attempts to split into thirds


def rounded(value: float | Decimal, places: int = 1) -> str:
    """Rounded as people round (71.25 → 71.3), not to the nearest even digit as floats do."""
    return str(Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def number(value: float | Decimal | None, *, places: int = 1, suffix: str = "", missing: str = NONE) -> str:
    """A figure for the page: rounded to ``places`` decimals, "—" when there is none."""
    if value is None:
        return missing
    return f"{rounded(value, places)}{suffix}"


def percent_of_one(value: float | None, *, missing: str = NONE) -> str:
    """A share from 0 to 1 as a percentage: 0.123 → "12.3 %"."""
    return missing if value is None else number(value * 100, suffix=" %")


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    explanation: str


def summary(stats: QuizStatistics, *, pass_mark: int) -> list[Figure]:
    """The whole quiz's figures, each with one line saying what it means."""
    return [
        Figure("Attempts counted", str(stats.attempts), "How many attempts the figures on this page are based on."),
        Figure("Mean score", number(stats.mean, suffix=" %"), "The average score, as a percentage of the marks."),
        Figure("Median score", number(stats.median, suffix=" %"), "Half the attempts scored this or more."),
        Figure(
            "Standard deviation",
            number(stats.sd, suffix=" % points"),
            "How spread out the scores are: small means most learners scored about the same.",
        ),
        Figure(
            "Pass rate",
            number(stats.pass_rate, suffix=" %"),
            f"The share of attempts that reached the pass mark ({pass_mark} %).",
        ),
        Figure(
            "Critical-error rate",
            number(stats.critical_error_rate, suffix=" %"),
            "The share of attempts that chose at least one critical safety error in a case scenario.",
        ),
        Figure(
            f"Reliability ({stats.reliability_name})" if stats.reliability_name else "Reliability",
            number(stats.reliability, places=2),
            "How consistently the quiz as a whole ranks learners, from 0 to 1. Around 0.7 or more is good for a "
            "quiz this kind; below 0.5 the total score says little about what a learner knows.",
        ),
        Figure(
            "Standard error of measurement",
            number(stats.sem, suffix=" % points"),
            "How far a learner's score may be from what they really know, by chance alone (about two in three "
            "scores lie within this of it).",
        ),
    ]


# The flag codes as a short word for the table; the flag's own message says the rest.
FLAG_LABELS = {
    "easy": "Very easy",
    "hard": "Very hard",
    "discrimination": "Low discrimination",
    "distractor": "Distractor to check",
}


def flag_labels(question: QuestionStatistics) -> list[str]:
    return [FLAG_LABELS.get(flag.code, flag.code) for flag in question.flags]


def anchor(question: QuestionStatistics) -> str:
    """The id of the question's detail section (its row in the table is ``row-…``)."""
    return f"question-{question.version_id}"


def version_label(question: QuestionStatistics) -> str:
    return f"{question.version_number} of {question.version_count}"


def slots(question: QuestionStatistics) -> str:
    return ", ".join(str(slot) for slot in question.slot_numbers) or NONE


@dataclass(frozen=True)
class OptionRow:
    text: str
    marks: list[str]  # "Right answer", "Critical safety error": said in words, not by colour alone
    chosen: int
    share: str
    share_top: str
    share_bottom: str


@dataclass(frozen=True)
class StepView:
    number: int
    prompt: str
    critical_rate: str | None  # None: the step has no critical option
    options: list[OptionRow]


def option_marks(option) -> list[str]:
    marks = []
    if option.correct:
        marks.append("Right answer")
    if option.critical:
        marks.append("Critical safety error")
    return marks


def step_view(step: StepStatistics) -> StepView:
    return StepView(
        number=step.number,
        prompt=step.prompt,
        critical_rate=None if step.critical_rate is None else percent_of_one(step.critical_rate),
        options=[
            OptionRow(
                text=option.text,
                marks=option_marks(option),
                chosen=option.chosen,
                share=percent_of_one(option.share),
                share_top=percent_of_one(option.share_top, missing=NO_THIRD),
                share_bottom=percent_of_one(option.share_bottom, missing=NO_THIRD),
            )
            for option in step.options
        ],
    )


@dataclass(frozen=True)
class QuestionView:
    stats: QuestionStatistics
    anchor: str
    slots: str
    version: str
    facility: str
    sd: str
    discrimination: str
    efficiency: str
    flags: list[str]
    steps: list[StepView]


def question_views(stats: QuizStatistics) -> list[QuestionView]:
    return [
        QuestionView(
            stats=question,
            anchor=anchor(question),
            slots=slots(question),
            version=version_label(question),
            facility=number(question.facility, suffix=" %"),
            sd=number(question.sd),
            discrimination=number(question.discrimination),
            efficiency=number(question.discriminative_efficiency, suffix=" %"),
            flags=flag_labels(question),
            steps=[step_view(step) for step in question.steps],
        )
        for question in stats.questions
    ]


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------

CSV_HEADER = [
    "Row",
    "Slots",
    "Question",
    "Version",
    "Type",
    "Answers",
    "Facility (%)",
    "SD (%)",
    "Discrimination",
    "Discriminative efficiency (%)",
    "Flags",
    "Step",
    "Option",
    "Right answer",
    "Critical safety error",
    "Chosen",
    "Share (%)",
    "Share, top third (%)",
    "Share, bottom third (%)",
    "Step critical-choice rate (%)",
]


def text_cell(value: str) -> str:
    """Text as a spreadsheet cell: one starting like a formula is kept as text by a leading quote.

    Only text goes through here (prompts, option texts, flags: what authors typed). Figures are written
    as plain numbers so a spreadsheet can sort them; a negative discrimination is a number, not a formula.
    """
    return safe_cell(value)


def _csv_number(value: float | Decimal | None, *, scale: float = 1) -> str:
    return "" if value is None else rounded(Decimal(str(value)) * Decimal(str(scale)))


def csv_rows(stats: QuizStatistics) -> list[list[str]]:
    """One row per question version, each followed by the rows of its options (step by step)."""
    rows = [CSV_HEADER]
    for question in stats.questions:
        common = [slots(question), text_cell(question.title), version_label(question)]
        rows.append(
            [
                "question",
                *common,
                text_cell(question.type_label),
                str(question.answers),
                _csv_number(question.facility),
                _csv_number(question.sd),
                _csv_number(question.discrimination),
                _csv_number(question.discriminative_efficiency),
                text_cell(" ".join(flag.message for flag in question.flags)),
                *[""] * 9,
            ]
        )
        for step in question.steps:
            for option in step.options:
                rows.append(
                    [
                        "option",
                        *common,
                        *[""] * 7,
                        text_cell(f"{step.number}: {step.prompt}" if step.number else ""),
                        text_cell(option.text),
                        "yes" if option.correct else "no",
                        "yes" if option.critical else "no",
                        str(option.chosen),
                        _csv_number(option.share, scale=100),
                        _csv_number(option.share_top, scale=100),
                        _csv_number(option.share_bottom, scale=100),
                        _csv_number(step.critical_rate, scale=100),
                    ]
                )
    return rows
