"""Quiz statistics: how a quiz and each of its questions performed, under Moodle's definitions.

The shapes below are what the admin report, the CSV export, the dashboard panel and the benchmark read.
:func:`quiz_statistics` fills them from the database (aggregates in SQL over ``AttemptAnswer`` and
``ChosenOption``); the formulas themselves are pure functions in :mod:`quizzes.item_analysis`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# Which attempts the statistics count: each learner's first, their last, every graded attempt, or the
# attempts that make the learner's grade under the quiz's grading method (highest, average, first, last).
FIRST, LAST, ALL, GRADED = "first", "last", "all", "graded"
ATTEMPT_CHOICES = [
    (GRADED, "The attempts that make each learner's grade"),
    (FIRST, "Each learner's first attempt"),
    (LAST, "Each learner's last attempt"),
    (ALL, "Every graded attempt"),
]


@dataclass(frozen=True)
class OptionStatistics:
    """One option of a version (of one step, for a case scenario): how often it was chosen."""

    index: int  # its index in the version's content (the fixed order)
    text: str
    correct: bool  # a right option (choice types) or one with a positive weight (case scenario step)
    critical: bool  # a critical safety error (case scenario steps only)
    chosen: int  # how many of the counted answers chose it
    share: float  # chosen / answers to the question (0–1)
    share_top: float | None  # share among the top third of attempts by total score (None: no such third)
    share_bottom: float | None


@dataclass(frozen=True)
class StepStatistics:
    """A case scenario's step (number 1, 2, …) or, with number 0, a question's single option list."""

    number: int
    prompt: str
    options: list[OptionStatistics]
    critical_rate: float | None  # share of answers choosing a critical option here (None: the step has none)


@dataclass(frozen=True)
class Flag:
    """Why a question needs reviewing: ``code`` is "easy", "hard", "discrimination" or "distractor"."""

    code: str
    message: str  # in the instructor's words, e.g. "Almost everyone gets this right (facility 97 %)."


@dataclass(frozen=True)
class QuestionStatistics:
    """One version of one question, over the answers that saw it."""

    question_id: int | None
    version_id: int
    version_number: int  # 1, 2, … ; the report says "version 2 of 3" when a question has several
    version_count: int
    title: str  # the prompt, as shown then
    type_label: str
    slot_numbers: list[int]  # the positions it was asked at
    answers: int  # the number of counted attempts that saw this version (random draws see fewer)
    facility: float | None  # mean score as a % of the maximum (0–100)
    sd: float | None  # standard deviation of the score as a % of the maximum
    discrimination: float | None  # Pearson r(item, rest of test) × 100
    discriminative_efficiency: float | None  # discrimination as a % of the most the item could reach
    steps: list[StepStatistics] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    edit_url: str = ""  # the question's edit view in the admin


@dataclass(frozen=True)
class QuizStatistics:
    quiz_id: int
    attempts_chosen: str  # one of FIRST, LAST, ALL, GRADED
    since: date | None
    until: date | None
    attempts: int
    mean: Decimal | None  # scores as a % of the maximum
    median: Decimal | None
    sd: Decimal | None
    pass_rate: float | None  # 0–100
    critical_error_rate: float | None  # 0–100: attempts with a critical safety error
    reliability: float | None  # Cronbach's α, which is KR-20 when every item is scored right or wrong
    reliability_name: str  # "KR-20" or "Cronbach's α"
    sem: float | None  # standard error of measurement, in % points
    score_distribution: list[tuple[int, int]]  # (lower bound of a 10-point band: 0, 10, … 90, count)
    questions: list[QuestionStatistics]

    @property
    def flagged(self) -> list[QuestionStatistics]:
        return [question for question in self.questions if question.flags]


def quiz_statistics(
    *, quiz, attempts: str = GRADED, since: date | None = None, until: date | None = None
) -> QuizStatistics:
    raise NotImplementedError  # filled in by the statistics work (quizzes/item_analysis.py + SQL)
