"""Quiz statistics: how a quiz and each of its questions performed, under Moodle's definitions.

The shapes below are what the admin report, the CSV export, the dashboard panel and the benchmark read.
:func:`quiz_statistics` fills them from the database (aggregates in SQL over ``AttemptAnswer`` and
``ChosenOption``, in :mod:`quizzes.statistics_queries`); the formulas themselves are pure functions in
:mod:`quizzes.item_analysis`. docs/quizzes.md ("Quiz statistics: how they are computed") gives the definitions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

from . import item_analysis as ia
from . import statistics_queries as queries
from .models import Question, QuizPage
from .question_types import registry

# Which attempts the statistics count: each learner's first, their last, every graded attempt, or the
# attempts that make the learner's grade under the quiz's grading method (highest, average, first, last).
# The first attempt is the default, as in most item-analysis guides: a retake comes after the feedback and
# the review, and the highest attempt squeezes scores together near the pass mark (retakes until passing),
# which hides how well the questions tell learners apart.
FIRST, LAST, ALL, GRADED = "first", "last", "all", "graded"
ATTEMPT_CHOICES = [
    (FIRST, "Each learner's first attempt"),
    (GRADED, "The attempts that make each learner's grade"),
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


# Moodle's thresholds for a question worth reviewing, and the fewest answers that make them meaningful.
HARD_BELOW, EASY_ABOVE, DISCRIMINATION_BELOW, MIN_ANSWERS = 20, 95, 20, 10
# questions_to_review keeps each quiz's flagged questions until its next graded attempt (the key changes).
REVIEW_CACHE_SECONDS = 24 * 60 * 60
CENT = Decimal("0.01")


def _percent(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def quiz_statistics(
    *, quiz: QuizPage, attempts: str = FIRST, since: date | None = None, until: date | None = None
) -> QuizStatistics:
    """The statistics of a quiz over the chosen attempts (see :func:`quizzes.statistics_queries.chosen_attempts`).

    A fixed number of queries whatever the number of questions or attempts. ValueError for an unknown
    ``attempts``.
    """
    chosen = queries.chosen_attempts(quiz=quiz, choice=attempts, since=since, until=until)
    sums = queries.quiz_sums(chosen)
    n = sums.n
    base = {"quiz_id": quiz.pk, "attempts_chosen": attempts, "since": since, "until": until, "attempts": n}
    if not n:
        return QuizStatistics(
            **base, mean=None, median=None, sd=None, pass_rate=None, critical_error_rate=None, reliability=None,
            reliability_name="Cronbach's α", sem=None, score_distribution=sums.bands, questions=[],
        )  # fmt: skip
    middle = ia.median_positions(n)
    thirds = ia.third_positions(n)
    at = queries.percents_at(chosen, {*middle, *(thirds or ())})
    low = high = None
    if thirds and at[thirds[0]] < at[thirds[1]]:
        low, high = at[thirds[0]], at[thirds[1]]
    sd = ia.sd(n, sums.percent, sums.percent_squares)
    sd = None if sd is None else sd / 100
    groups = queries.answer_groups(chosen)
    versions = queries.versions(sorted({row[1] for row in groups if row[1] is not None}))
    items, slots_of = queries.question_sums(groups, {pk: version.question_id for pk, version in versions.items()})
    alpha, name = _reliability(items, sums)
    return QuizStatistics(
        **base,
        mean=_percent(Decimal(sums.percent) / n / 100),
        median=_percent((at[middle[0]] + at[middle[1]]) / 2),
        sd=_percent(sd),
        pass_rate=100 * sums.passed / n,
        critical_error_rate=100 * sums.critical / n,
        reliability=alpha,
        reliability_name=name,
        sem=ia.standard_error(sd, alpha),
        score_distribution=sums.bands,
        questions=_questions(chosen, versions=versions, slots_of=slots_of, low=low, high=high),
    )


def _reliability(slots: list[dict], sums: queries.QuizSums) -> tuple[float | None, str]:
    """Cronbach's α over questions (``slots``: :func:`quizzes.statistics_queries.question_sums`), when every
    counted attempt answered every one of them: none for a quiz with random draws, whose attempts don't
    share their questions."""
    name = "KR-20" if slots and not any(row["partial"] for row in slots) else "Cronbach's α"
    if len(slots) < 2 or any(row["n"] != sums.n for row in slots):
        return None, name
    variances = [ia.variance(row["n"], row["x"], row["xx"]) for row in slots]
    if any(value is None for value in variances):
        return None, name
    return ia.cronbach_alpha(variances, ia.variance(sums.n, sums.score, sums.score_squares)), name


def _questions(
    chosen, *, versions: dict, slots_of: dict[int, set[int]], low: Decimal | None, high: Decimal | None
) -> list[QuestionStatistics]:
    rows = queries.version_sums(chosen, low=low, high=high)
    if not rows:
        return []
    counts = {
        (row["version_id"], row["step"], row["option"]): row
        for row in queries.option_counts(chosen, low=low, high=high)
    }
    critical = {
        (version_id, number): [option.index for option in options if option.critical]
        for version_id, version in versions.items()
        for number, _, options in _step_options(version.content)
        if any(option.critical for option in options)
    }
    critical_counts = queries.critical_answers(chosen, critical)
    questions = []
    for row in rows:
        version = versions[row["version_id"]]
        n, maximum = row["n"], row["max_points"]
        spread = ia.sd(n, row["x"], row["xx"])
        facility = ia.facility(n, row["x"], maximum)
        rest = ia.rest_of_test(
            n=n, item=row["x"], item_squares=row["xx"], total=row["t"], total_squares=row["tt"], item_total=row["xt"]
        )
        steps = [
            StepStatistics(
                number=number,
                prompt=prompt,
                options=[_option(option, counts.get((version.pk, number, option.index)), row) for option in options],
                critical_rate=(
                    critical_counts.get((version.pk, number), 0) / n if (version.pk, number) in critical else None
                ),
            )
            for number, prompt, options in _step_options(version.content)
        ]
        discrimination = ia.discrimination(rest)
        content_type = version.content.get("type", "")
        question_type = registry.find(content_type)
        questions.append(
            QuestionStatistics(
                question_id=version.question_id,
                version_id=version.pk,
                version_number=version.number,
                version_count=version.version_count or 1,
                title=version.content.get("prompt", ""),
                type_label=question_type.label if question_type else content_type,
                slot_numbers=sorted(slots_of.get(version.pk, ())),
                answers=n,
                facility=facility,
                sd=None if spread is None or not maximum else 100 * spread / maximum,
                discrimination=discrimination,
                discriminative_efficiency=(
                    None if row["unscored"] else ia.efficiency(rest, ia.sorted_products(row["items"], row["rests"]))
                ),
                steps=steps,
                flags=_flags(n, facility, discrimination, steps),
                edit_url=_edit_url(version.question_id, question_type),
            )
        )
    questions.sort(key=lambda q: (min(q.slot_numbers, default=0), q.question_id or 0, q.version_number))
    return questions


@dataclass(frozen=True)
class _Option:
    index: int
    text: str
    correct: bool
    critical: bool


def _step_options(content: dict) -> list[tuple[int, str, list[_Option]]]:
    """(step number, prompt, options) of a version's content: step 0 for a single option list, none for
    ordering and matching."""
    if content.get("type") == "case_scenario":
        return [
            (
                number,
                step["prompt"],
                [
                    _Option(index, option["text"], Decimal(option["weight"]) > 0, bool(option["critical"]))
                    for index, option in enumerate(step["options"])
                ],
            )
            for number, step in enumerate(content["steps"], start=1)
        ]
    if "options" in content:
        options = [
            _Option(index, option["text"], option["correct"], False) for index, option in enumerate(content["options"])
        ]
        return [(0, "", options)]
    return []


def _option(option: _Option, count: dict | None, version_row: dict) -> OptionStatistics:
    count = count or {}
    top, bottom = version_row.get("top"), version_row.get("bottom")
    return OptionStatistics(
        index=option.index,
        text=option.text,
        correct=option.correct,
        critical=option.critical,
        chosen=count.get("chosen", 0),
        share=count.get("chosen", 0) / version_row["n"],
        share_top=count.get("top", 0) / top if top else None,
        share_bottom=count.get("bottom", 0) / bottom if bottom else None,
    )


def _flags(answers: int, facility, discrimination, steps: list[StepStatistics]) -> list[Flag]:
    """Moodle's reasons to review a question, once it has at least MIN_ANSWERS answers."""
    if answers < MIN_ANSWERS:
        return []
    flags = []
    if facility is not None and facility < HARD_BELOW:
        flags.append(Flag("hard", f"Few learners get this right (facility {facility:.0f} %)."))
    if facility is not None and facility > EASY_ABOVE:
        flags.append(Flag("easy", f"Almost everyone gets this right (facility {facility:.0f} %)."))
    if discrimination is not None and discrimination < DISCRIMINATION_BELOW:
        flags.append(
            Flag(
                "discrimination",
                f"It hardly tells learners who know the topic from those who don't (discrimination "
                f"{discrimination:.0f}).",
            )
        )
    for step in steps:
        for option in step.options:
            if option.correct or option.share_top is None or option.share_bottom is None:
                continue
            if option.share_top > option.share_bottom:
                where = f"In step {step.number}, m" if step.number else "M"
                flags.append(
                    Flag(
                        "distractor",
                        f"{where}ore of the top third than the bottom third chose the wrong answer “{option.text}” "
                        f"({option.share_top:.0%} against {option.share_bottom:.0%}).",
                    )
                )
    return flags


def _edit_url(question_id: int | None, question_type) -> str:
    """The question's editor in the question bank (its own type's, else the all-questions one)."""
    if question_id is None:
        return ""
    model = question_type.model_class if question_type else Question
    viewset = getattr(model, "snippet_viewset", None) or getattr(Question, "snippet_viewset", None)
    if viewset is None:
        return ""
    try:
        return reverse(viewset.get_url_name("edit"), args=[question_id])
    except NoReverseMatch:
        return ""


def questions_to_review(*, quizzes: Iterable[QuizPage]) -> list[tuple[QuizPage, QuestionStatistics]]:
    """The flagged questions of these quizzes (each learner's FIRST attempt), for the instructor's dashboard.

    One query for the cache keys, then one statistics run per quiz whose cached answer is stale: the key
    holds the quiz's latest graded attempt and their count, so the next graded attempt renews it.
    """
    quizzes = list(quizzes)
    latest = queries.latest_graded([quiz.pk for quiz in quizzes])
    keys = {
        quiz.pk: f"quizzes:statistics:review:{quiz.pk}:{FIRST}:{latest[quiz.pk][0]}:{latest[quiz.pk][1]}"
        for quiz in quizzes
        if quiz.pk in latest
    }
    cached = cache.get_many(list(keys.values()))
    found = []
    for quiz in quizzes:
        if quiz.pk not in keys:
            continue
        flagged = cached.get(keys[quiz.pk])
        if flagged is None:
            flagged = quiz_statistics(quiz=quiz, attempts=FIRST).flagged
            cache.set(keys[quiz.pk], flagged, REVIEW_CACHE_SECONDS)
        found.extend((quiz, question) for question in flagged)
    return found
