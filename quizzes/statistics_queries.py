"""The database side of the quiz statistics: which attempts count, and the sums the formulas need.

Every function here is one query (or builds a queryset), whatever the number of questions or attempts:
the database groups and counts, Python only reads a few rows per question (per distinct score). Scores are
summed in *cents* (integers), so the sums of squares and products are exact on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Round, RowNumber

from .choices import AttemptStatus, GradingMethod
from .models import AttemptAnswer, ChosenOption, QuestionVersion, QuizAttempt, QuizPage

FIRST, LAST, ALL, GRADED = "first", "last", "all", "graded"  # the same values as quizzes.statistics

# Each learner's attempt that a choice keeps, as what makes another of their attempts come before it (see
# chosen_attempts): the kept one is the attempt no other comes before.
_FIRST_AHEAD = Q(number__lt=OuterRef("number"))
_LAST_AHEAD = Q(number__gt=OuterRef("number"))
# The quiz grade's "highest" (quizzes.scoring.quiz_grade): a pass above a fail, then the best percentage,
# then the earliest attempt.
_HIGHEST_AHEAD = (
    Q(passed__gt=OuterRef("passed"))
    | Q(passed=OuterRef("passed"), percent__gt=OuterRef("percent"))
    | Q(passed=OuterRef("passed"), percent=OuterRef("percent"), number__lt=OuterRef("number"))
)

BANDS = list(range(0, 100, 10))
# Answers and chosen options are counted by their attempt column (never empty), not their id: the
# statistics' indexes hold the attempt, so PostgreSQL reads the index alone and not the large table.


def cents(expression) -> Cast:
    """A decimal score as an exact whole number of hundredths."""
    return Cast(Round(expression * Value(100)), BigIntegerField())


def to_cents(value) -> int | None:
    """A decimal score read from the database as a whole number of hundredths, rounded like SQL's ROUND
    (half away from zero) in :func:`cents`."""
    if value is None:
        return None
    return int((Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _ahead_for(choice: str, grading_method: str) -> Q | None:
    if choice == FIRST:
        return _FIRST_AHEAD
    if choice == LAST:
        return _LAST_AHEAD
    if choice == ALL:
        return None
    if choice == GRADED:
        return {
            GradingMethod.FIRST: _FIRST_AHEAD,
            GradingMethod.LATEST: _LAST_AHEAD,
            GradingMethod.AVERAGE: None,  # an average grade is made of every graded attempt
        }.get(grading_method, _HIGHEST_AHEAD)
    raise ValueError(f"Unknown choice of attempts: {choice!r}")


def chosen_attempts(
    *, quiz: QuizPage, choice: str, since: date | None = None, until: date | None = None
) -> QuerySet[QuizAttempt]:
    """The graded attempts the statistics count.

    FIRST / LAST: each learner's first or last graded attempt (by number); GRADED: the attempts that make
    each learner's grade under the quiz's grading method; ALL: every graded attempt. The attempt is chosen
    among all the learner's graded attempts first; then the date range (inclusive, on the day the attempt
    was submitted) keeps those submitted in it.
    """

    # Grading always stores the score; a graded row without one (written by hand, or by an import) has
    # nothing to analyse, and leaving it in would put a missing score among the thirds and the median.
    def graded():
        return QuizAttempt.objects.filter(
            quiz=quiz, status=AttemptStatus.GRADED, score__isnull=False, percent__isnull=False, passed__isnull=False
        )

    ahead = _ahead_for(choice, quiz.grading_method)
    if ahead is None:
        chosen = graded()
    else:
        # "No attempt of theirs comes before it": an anti-join, which every statistics query repeats cheaply
        # (a window function over all the quiz's attempts in each of them cost seconds at 100,000 attempts).
        chosen = graded().filter(~Exists(graded().filter(ahead, user_id=OuterRef("user_id"))))
    if since is not None:
        chosen = chosen.filter(submitted_at__date__gte=since)
    if until is not None:
        chosen = chosen.filter(submitted_at__date__lte=until)
    return chosen


@dataclass(frozen=True)
class QuizSums:
    n: int
    percent: int  # Σ percent, in cents
    percent_squares: int
    score: int  # Σ raw score, in cents
    score_squares: int
    passed: int
    critical: int
    bands: list[tuple[int, int]]


def quiz_sums(chosen: QuerySet[QuizAttempt]) -> QuizSums:
    percent, score = cents(F("percent")), cents(F("score"))
    bands = {
        f"band_{low}": Count("pk", filter=Q(percent__gte=low) & (Q(percent__lt=low + 10) if low < 90 else Q()))
        for low in BANDS
    }
    row = chosen.aggregate(
        n=Count("pk"),
        sum_percent=Sum(percent),
        sum_percent_squares=Sum(percent * percent),
        sum_score=Sum(score),
        sum_score_squares=Sum(score * score),
        count_passed=Count("pk", filter=Q(passed=True)),
        count_critical=Count("pk", filter=Q(critical_error=True)),
        **bands,
    )
    return QuizSums(
        n=row["n"],
        percent=int(row["sum_percent"] or 0),
        percent_squares=int(row["sum_percent_squares"] or 0),
        score=int(row["sum_score"] or 0),
        score_squares=int(row["sum_score_squares"] or 0),
        passed=row["count_passed"],
        critical=row["count_critical"],
        bands=[(low, row[f"band_{low}"]) for low in BANDS],
    )


def percents_at(chosen: QuerySet[QuizAttempt], positions: set[int]) -> dict[int, Decimal]:
    """The percentages at these 1-based positions of the chosen attempts sorted by percentage (ties by id)."""
    ranked = chosen.annotate(position=Window(RowNumber(), order_by=[F("percent").asc(), F("pk").asc()]))
    return dict(ranked.filter(position__in=sorted(positions)).values_list("position", "percent"))


def _thirds(low: Decimal | None, high: Decimal | None) -> dict:
    """Conditional counts for the bottom third (percent ≤ low) and top third (percent ≥ high)."""
    if low is None or high is None:
        return {}
    return {
        "bottom": Count("attempt", filter=Q(attempt__percent__lte=low)),
        "top": Count("attempt", filter=Q(attempt__percent__gte=high)),
    }


def version_sums(chosen: QuerySet[QuizAttempt], *, low: Decimal | None, high: Decimal | None) -> list[dict]:
    """Per question version, the sums of item points (x) and attempt scores (t), in cents: n, Σx, Σx²,
    Σt, Σt², Σxt, the item's maximum, how many answers came from the top and bottom thirds (when there
    are thirds), and how many answers had each item score (``items``) and each rest-of-test score t − x
    (``rests``), which the discriminative efficiency sorts (:func:`quizzes.item_analysis.sorted_products`).

    The database counts the answers per distinct (version, item points, attempt score, third); scores
    take few distinct values, so a few rows per version come back and the sums are made here, in exact
    integers. (Rounding and multiplying every answer's score in SQL cost seconds at 100,000 attempts.)
    """
    third = Value("")
    if low is not None and high is not None:
        third = Case(
            When(attempt__percent__lte=low, then=Value("bottom")),
            When(attempt__percent__gte=high, then=Value("top")),
            default=Value(""),
        )
    groups = (
        AttemptAnswer.objects.filter(attempt__in=chosen, version__isnull=False)
        .annotate(third=third)
        .values("version_id", "points", "attempt__score", "third")
        .annotate(count=Count("attempt"), most=Max("max_points"))
        .values_list("version_id", "points", "attempt__score", "third", "count", "most")
        .order_by()
    )
    sums: dict[int, dict] = {}
    for version_id, item, total, part, count, max_points in groups:
        row = sums.get(version_id)
        if row is None:
            row = sums[version_id] = {"version_id": version_id, "n": 0, "x": 0, "xx": 0, "t": 0, "tt": 0, "xt": 0}
            row.update(max_points=0, items={}, rests={}, unscored=False)
            if low is not None and high is not None:
                row.update(top=0, bottom=0)
        total = to_cents(total)
        row["n"] += count
        row["t"] += count * total
        row["tt"] += count * total * total
        row["max_points"] = max(row["max_points"], to_cents(max_points) or 0)
        if part:
            row[part] += count
        if item is None:  # an answer without points counts in n and Σt, like SUM over NULL in SQL
            row["unscored"] = True
            continue
        item = to_cents(item)
        row["x"] += count * item
        row["xx"] += count * item * item
        row["xt"] += count * item * total
        row["items"][item] = row["items"].get(item, 0) + count
        row["rests"][total - item] = row["rests"].get(total - item, 0) + count
    return [sums[version_id] for version_id in sorted(sums)]


def answer_groups(chosen: QuerySet[QuizAttempt]) -> list[tuple]:
    """(slot, version id, points, maximum, count): the counted answers grouped by their distinct values, a
    few rows per position (the covering index on answers serves it). :func:`question_sums` adds them up."""
    return list(
        AttemptAnswer.objects.filter(attempt__in=chosen)
        .values("slot", "version_id", "points", "max_points")
        .annotate(count=Count("attempt"))
        .values_list("slot", "version_id", "points", "max_points", "count")
        .order_by()
    )


def question_sums(groups: list[tuple], question_of: dict[int, int]) -> tuple[list[dict], dict[int, set[int]]]:
    """Per question: n, Σx, Σx² in cents, and how many answers got partial credit (for KR-20); and the
    positions each question version was asked at.

    By question, not by position: a quiz that shuffles its questions asks question 7 first in one attempt
    and last in the next, and sums by position would mix a 5-point case scenario with 1-point questions.
    The versions of an edited question count as one question (``question_of`` maps a version to its
    question); answers with no version (a deleted question) form one group of their own."""
    per_question: dict[int | None, dict] = {}
    slots_of: dict[int, set[int]] = {}
    for slot, version_id, points, max_points, count in groups:
        key = question_of.get(version_id) if version_id is not None else None
        total = per_question.setdefault(key, {"question_id": key, "n": 0, "x": 0, "xx": 0, "partial": 0})
        total["n"] += count
        # Partial credit: neither none nor all of the points (an answer without points counts, as in SQL's
        # NOT (points = 0) AND NOT (points = max_points) with Django's handling of NULL).
        if not (points is not None and points == 0) and not (
            points is not None and max_points is not None and points == max_points
        ):
            total["partial"] += count
        if points is not None:
            x = to_cents(points)
            total["x"] += count * x
            total["xx"] += count * x * x
        if version_id is not None:
            slots_of.setdefault(version_id, set()).add(slot)
    ordered = sorted(per_question, key=lambda key: (key is None, key or 0))
    return [per_question[key] for key in ordered], slots_of


def option_counts(chosen: QuerySet[QuizAttempt], *, low: Decimal | None, high: Decimal | None) -> list[dict]:
    """Per (version, step, option): how many counted answers chose it, overall and in each third."""
    return list(
        ChosenOption.objects.filter(attempt__in=chosen)
        .values("version_id", "step", "option")
        .annotate(chosen=Count("attempt"), **_thirds(low, high))
        .order_by()
    )


def critical_answers(chosen: QuerySet[QuizAttempt], critical: dict[tuple[int, int], list[int]]) -> dict:
    """Per (version, step): how many counted answers chose at least one of its critical options.
    ``critical`` maps (version id, step) to the indexes of its critical options."""
    if not critical:
        return {}
    condition = Q()
    for (version_id, step), options in critical.items():
        condition |= Q(version_id=version_id, step=step, option__in=options)
    rows = (
        ChosenOption.objects.filter(condition, attempt__in=chosen)
        .values("version_id", "step")
        .annotate(answers=Count("answer_id", distinct=True))
        .order_by()
    )
    return {(row["version_id"], row["step"]): row["answers"] for row in rows}


def versions(version_ids: list[int]) -> dict[int, QuestionVersion]:
    """The versions, each with ``version_count``: how many versions its question has in all."""
    count = (
        QuestionVersion.objects.filter(question_id=OuterRef("question_id"))
        .order_by()
        .values("question_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    rows = QuestionVersion.objects.filter(pk__in=version_ids).annotate(version_count=Subquery(count))
    return {version.pk: version for version in rows}


def latest_graded(quiz_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per quiz: (id of its latest graded attempt, number of graded attempts), for cache keys."""
    rows = (
        QuizAttempt.objects.filter(quiz_id__in=quiz_ids, status=AttemptStatus.GRADED)
        .values("quiz_id")
        .annotate(latest=Max("pk"), count=Count("pk"))
        .order_by()
    )
    return {row["quiz_id"]: (row["latest"], row["count"]) for row in rows}
