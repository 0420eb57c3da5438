"""Reads about quizzes and learners' results, each a fixed number of queries whatever the input size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from . import scoring
from .choices import AttemptStatus, ReviewDetail, ReviewTiming
from .models import QuizAttempt, QuizPage


@dataclass(frozen=True)
class QuizResult:
    """A learner's standing on one quiz: their grade by the quiz's grading method."""

    quiz_id: int
    percent: Decimal | None
    passed: bool
    attempts_used: int
    graded_attempts: int
    in_progress: bool


def _results(user, quiz_ids: Iterable[int]) -> dict[int, QuizResult]:
    ids = {int(quiz_id) for quiz_id in quiz_ids}
    if not ids or user is None or not user.is_authenticated:
        return {}
    rows = (
        QuizAttempt.objects.filter(user=user, quiz_id__in=ids)
        .order_by("quiz_id", "number")
        .values(
            "quiz_id",
            "number",
            "status",
            "percent",
            "passed",
            "critical_error",
            "critical_error_fails_quiz",
            "pass_mark",
            "quiz__grading_method",
        )
    )
    by_quiz: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        by_quiz[row["quiz_id"]].append(row)
    results = {}
    for quiz_id, attempts in by_quiz.items():
        graded = [row for row in attempts if row["status"] == AttemptStatus.GRADED]
        outcomes = [
            scoring.AttemptOutcome(
                number=row["number"],
                percent=row["percent"] or Decimal("0"),
                passed=bool(row["passed"]),
                critical_failure=bool(row["critical_error"] and row["critical_error_fails_quiz"]),
            )
            for row in graded
        ]
        pass_mark = graded[-1]["pass_mark"] if graded else 0
        grade = scoring.quiz_grade(attempts[0]["quiz__grading_method"], outcomes, pass_mark)
        results[quiz_id] = QuizResult(
            quiz_id=quiz_id,
            percent=grade.percent,
            passed=grade.passed,
            attempts_used=len(attempts),
            graded_attempts=len(graded),
            in_progress=any(row["status"] == AttemptStatus.IN_PROGRESS for row in attempts),
        )
    return results


def latest_quiz_results(user, quiz_ids: Iterable[int]) -> dict[int, QuizResult]:
    """The learner's current grade per quiz (only quizzes they have attempted). One query."""
    return _results(user, quiz_ids)


def passed_quiz_ids(user, quiz_ids: Iterable[int]) -> set[int]:
    """The quizzes among ``quiz_ids`` whose result for this learner meets the pass mark. One query."""
    return {quiz_id for quiz_id, result in _results(user, quiz_ids).items() if result.passed}


def has_passing_attempt(user, quiz: QuizPage) -> bool:
    """Whether any graded attempt of the learner's at this quiz passed (under "highest", the quiz is then
    passed: a passing attempt always ranks above a failing one). One query, stopping at the first found."""
    return QuizAttempt.objects.filter(user=user, quiz=quiz, status=AttemptStatus.GRADED, passed=True).exists()


def quiz_result(user, quiz: QuizPage) -> QuizResult | None:
    return _results(user, [quiz.pk]).get(quiz.pk)


def attempts_left(quiz: QuizPage, attempts_used: int) -> int | None:
    """How many more attempts the learner may start, or None for unlimited."""
    if not quiz.max_attempts:
        return None
    return max(0, quiz.max_attempts - attempts_used)


def review_detail(quiz: QuizPage, *, attempts_used: int, has_open_attempt: bool) -> str:
    """What review may show now: the quiz's review setting once it applies, the score until then."""
    if quiz.review_timing == ReviewTiming.AFTER_EACH:
        return quiz.review_detail
    finished = bool(quiz.max_attempts) and attempts_used >= quiz.max_attempts and not has_open_attempt
    return quiz.review_detail if finished else ReviewDetail.SCORE


def quiz_overview(quiz: QuizPage, user) -> dict:
    """Everything the quiz's landing page shows a learner: their attempts, grade and what they can do next.

    Only reads. Whoever serves the page first finalises an attempt whose time ran out
    (``services.finalise_expired_for``), so that the overview shows it graded.
    """
    if not user.is_authenticated:
        return {}
    attempts = list(QuizAttempt.objects.filter(quiz=quiz, user=user).defer("items").order_by("number"))
    open_attempt = next((attempt for attempt in attempts if attempt.is_open), None)
    result = quiz_result(user, quiz)
    left = attempts_left(quiz, len(attempts))
    detail = review_detail(quiz, attempts_used=len(attempts), has_open_attempt=open_attempt is not None)
    return {
        "attempts": attempts,
        "graded_attempts": [attempt for attempt in attempts if not attempt.is_open],
        "open_attempt": open_attempt,
        "result": result,
        "attempts_left": left,
        "can_start": open_attempt is None and (left is None or left > 0),
        "review_detail": detail,
        "question_total": quiz.question_count,
    }


def course_quizzes(course, user) -> list[dict]:
    """The live quizzes of a course with the learner's standing on each, in three queries."""
    quizzes = list(
        QuizPage.objects.live()
        .child_of(course)
        .order_by("path")
        .annotate(fixed_count=Count("question_links", filter=Q(question_links__question__live=True), distinct=True))
        .prefetch_related("random_draws")
    )
    results = _results(user, [quiz.pk for quiz in quizzes]) if user is not None else {}
    return [
        {
            "quiz": quiz,
            "question_total": quiz.fixed_count + sum(draw.count for draw in quiz.random_draws.all()),
            "result": results.get(quiz.pk),
        }
        for quiz in quizzes
    ]


# --- what a quiz is worth, for its editor -----------------------------------------------------


@dataclass(frozen=True)
class DrawPoints:
    """What one random draw adds: ``low`` and ``high`` are equal when its category's questions are worth the same."""

    category: str
    count: int
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class QuizPoints:
    """The points an attempt at a quiz is out of, and what its pass mark means in points."""

    fixed_count: int
    fixed_points: Decimal
    left_out: int
    draws: tuple[DrawPoints, ...]
    pass_mark: int

    @property
    def low(self) -> Decimal:
        return self.fixed_points + sum((draw.low for draw in self.draws), Decimal("0"))

    @property
    def high(self) -> Decimal:
        return self.fixed_points + sum((draw.high for draw in self.draws), Decimal("0"))

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def pass_points(self, total: Decimal) -> Decimal:
        return (total * self.pass_mark / 100).quantize(Decimal("0.01"))


def quiz_points(*, question_ids: Iterable[int], draws: Iterable[tuple[int, int]], pass_mark: int) -> QuizPoints:
    """The points of a quiz's fixed questions (draft ones are never asked) and of each random draw.

    ``draws`` holds (category id, count) pairs. A draw's questions skip the fixed ones, as attempts do; when
    its category's questions are worth different points, the draw is worth between its cheapest and its
    dearest pick. One query, plus one per draw.
    """
    from .models import Question, QuestionCategory

    ids = list(dict.fromkeys(question_ids))
    draws = list(draws)
    rows = list(Question.objects.filter(pk__in=ids).values_list("live", "points")) if ids else []
    active = [points for live, points in rows if live]
    names = dict(QuestionCategory.objects.filter(pk__in=[pk for pk, _ in draws]).values_list("pk", "name"))
    drawn = []
    for category_id, count in draws:
        pool = sorted(
            Question.objects.filter(category_id=category_id, live=True)
            .exclude(pk__in=ids)
            .values_list("points", flat=True)
        )
        taken = min(count, len(pool))
        drawn.append(
            DrawPoints(
                category=names.get(category_id, ""),
                count=taken,
                low=sum(pool[:taken], Decimal("0")),
                high=sum(pool[len(pool) - taken :], Decimal("0")),
            )
        )
    return QuizPoints(
        fixed_count=len(active),
        fixed_points=sum(active, Decimal("0")),
        left_out=len(rows) - len(active),
        draws=tuple(drawn),
        pass_mark=pass_mark,
    )
