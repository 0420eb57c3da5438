"""Course reports: how a course's learners are getting on, for its instructors and administrators.

Selectors only (they never write). Two kinds of figure, and the page says which is which:

- figures about *learners who enrolled in the period* (the cohort): enrolments over time, where they are
  now (in progress, completed, left), how far they got (the module funnel) and how long completing took;
- figures about *what happened in the period*: quiz attempts submitted and CE hours awarded.

Everything is counted in SQL: a fixed number of queries whatever the number of learners or modules. The
median is read the way a percentile is: the middle row(s) of the durations in order (ORDER BY … OFFSET), which
works the same on SQLite and PostgreSQL and needs no Python over the whole cohort.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    FloatField,
    Func,
    IntegerField,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from courses.models import CoursePage
from credit.models import CreditRecord, Enrolment, ModuleProgress
from quizzes.choices import AttemptStatus
from quizzes.models import QuizAttempt, QuizPage

WEEK, MONTH = "week", "month"
# Longer than about half a year, weekly points get too many to read: count per month instead.
WEEKS_AT_MOST = 26


@dataclass(frozen=True)
class Period:
    """One point of "enrolments over time": a week (ISO label 2026-W40) or a month (Oct 2026)."""

    start: date
    label: str
    enrolments: int


@dataclass(frozen=True)
class FunnelStep:
    """How many of the cohort got this far: enrolled, completed module n, completed the course."""

    label: str
    learners: int
    share: float | None  # of those enrolled, 0–100 (None when nobody enrolled)


@dataclass(frozen=True)
class AttemptPassRate:
    """Graded quiz attempts by their number (1st, 2nd, 3rd and later) and how many of them passed."""

    label: str
    attempts: int
    passed: int

    @property
    def rate(self) -> float | None:
        return 100 * self.passed / self.attempts if self.attempts else None


@dataclass(frozen=True)
class CourseReport:
    course_id: int
    course_title: str
    since: date | None
    until: date | None
    grouping: str  # WEEK or MONTH
    enrolments_over_time: list[Period]
    enrolled: int  # learners who enrolled in the period
    in_progress: int  # … and are still studying
    completed: int  # … and have completed the course
    left: int  # … and left it without completing
    funnel: list[FunnelStep]
    median_days_to_complete: float | None  # enrolled → completed, of the cohort's completions
    pass_rates: list[AttemptPassRate]
    ce_hours_awarded: Decimal  # credit records for the course dated in the period
    credit_records: int


# ---------------------------------------------------------------------------------------------
# The period
# ---------------------------------------------------------------------------------------------


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def cohort(*, course: CoursePage, since: date | None = None, until: date | None = None) -> QuerySet:
    """The enrolments the report follows: learners who enrolled in the course between the two dates (inclusive)."""
    enrolments = Enrolment.objects.filter(course_id=course.pk)
    if since:
        enrolments = enrolments.filter(enrolled_at__gte=_start_of(since))
    if until:
        enrolments = enrolments.filter(enrolled_at__lt=_start_of(until + timedelta(days=1)))
    return enrolments


def _in_period(field: str, since: date | None, until: date | None) -> Q:
    query = Q()
    if since:
        query &= Q(**{f"{field}__gte": _start_of(since)})
    if until:
        query &= Q(**{f"{field}__lt": _start_of(until + timedelta(days=1))})
    return query


def grouping_for(first: date, last: date) -> str:
    return MONTH if (last - first).days > WEEKS_AT_MOST * 7 else WEEK


def _period_start(day: date, grouping: str) -> date:
    return day.replace(day=1) if grouping == MONTH else day - timedelta(days=day.weekday())


def _period_label(start: date, grouping: str) -> str:
    if grouping == MONTH:
        return start.strftime("%b %Y")
    year, week, _ = start.isocalendar()
    return f"{year}-W{week:02d}"


def _next_period(start: date, grouping: str) -> date:
    if grouping == WEEK:
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _over_time(enrolments: QuerySet, first: date, last: date) -> tuple[str, list[Period]]:
    """Enrolments per week (or per month over a long period), every period from first to last shown."""
    grouping = grouping_for(first, last)
    trunc = TruncMonth if grouping == MONTH else TruncWeek
    counts = {}
    for row in enrolments.annotate(period=trunc("enrolled_at")).values("period").annotate(n=Count("pk")):
        period = row["period"]
        day = timezone.localtime(period).date() if isinstance(period, datetime) else period
        counts[_period_start(day, grouping)] = row["n"]
    periods, start = [], _period_start(first, grouping)
    while start <= last and len(periods) < 520:
        periods.append(Period(start=start, label=_period_label(start, grouping), enrolments=counts.get(start, 0)))
        start = _next_period(start, grouping)
    return grouping, periods


class DaysBetween(Func):
    """Days (with fractions) from one timestamp to another, in the database's own arithmetic.

    Django's portable timestamp difference runs a Python function per row on SQLite; julianday() is native there.
    """

    output_field = FloatField()
    template = "(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)"
    arg_joiner = " - "

    def __init__(self, start, end, **extra):
        super().__init__(end, start, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template="(julianday(%(expressions)s))", arg_joiner=") - julianday(", **extra
        )


def _median_days(enrolments: QuerySet, completed: int) -> float | None:
    """The middle duration (or the mean of the middle two) of the cohort's enrolled → completed times, read in
    SQL as a percentile is: ordered by duration, the middle row(s) only (OFFSET)."""
    if not completed:
        return None
    durations = (
        enrolments.filter(completed_at__isnull=False)
        .annotate(took=DaysBetween("enrolled_at", "completed_at"))
        .order_by("took")
        .values_list("took", flat=True)
    )
    middle = (completed - 1) // 2
    values = list(durations[middle : middle + (1 if completed % 2 else 2)])
    if not values:
        return None
    return round(sum(values) / len(values), 1)


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def course_report(*, course: CoursePage, since: date | None = None, until: date | None = None) -> CourseReport:
    enrolments = cohort(course=course, since=since, until=until)
    totals = enrolments.aggregate(
        enrolled=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        left=Count("pk", filter=Q(completed_at__isnull=True, left_at__isnull=False)),
        first=Min("enrolled_at"),
    )
    enrolled, completed, left = totals["enrolled"], totals["completed"], totals["left"]

    # The chart runs from the period's start (or the first enrolment, when later) to its end or today.
    today = timezone.localdate()
    first_enrolled = timezone.localtime(totals["first"]).date() if totals["first"] else None
    first = max(filter(None, (since, first_enrolled)), default=today)
    last = max(first, min(until or today, today))
    grouping, periods = _over_time(enrolments, first, last) if enrolled else (grouping_for(first, last), [])

    def share(count: int) -> float | None:
        return round(100 * count / enrolled, 1) if enrolled else None

    modules = list(course.modules)
    done = dict(
        ModuleProgress.objects.filter(
            course_id=course.pk,
            completed_at__isnull=False,
            module_id__in=[module.pk for module in modules],
            user_id__in=enrolments.values("user_id"),
        )
        .values("module_id")
        .annotate(n=Count("pk"))
        .values_list("module_id", "n")
    )
    funnel = [FunnelStep("Enrolled", enrolled, share(enrolled))]
    funnel += [
        FunnelStep(f"{n}. {module.title}", done.get(module.pk, 0), share(done.get(module.pk, 0)))
        for n, module in enumerate(modules, start=1)
    ]
    funnel.append(FunnelStep("Completed the course", completed, share(completed)))

    return CourseReport(
        course_id=course.pk,
        course_title=course.title,
        since=since,
        until=until,
        grouping=grouping,
        enrolments_over_time=periods,
        enrolled=enrolled,
        in_progress=enrolled - completed - left,
        completed=completed,
        left=left,
        funnel=funnel,
        median_days_to_complete=_median_days(enrolments, completed),
        pass_rates=pass_rates_by_attempt(course=course, since=since, until=until),
        ce_hours_awarded=(ce := ce_hours_awarded(course=course, since=since, until=until))[0],
        credit_records=ce[1],
    )


def pass_rates_by_attempt(*, course: CoursePage, since: date | None, until: date | None) -> list[AttemptPassRate]:
    """Graded attempts submitted in the period at the course's quizzes, by attempt number: 1st, 2nd, 3rd+."""
    attempt = Case(
        When(number=1, then=Value(1)), When(number=2, then=Value(2)), default=Value(3), output_field=IntegerField()
    )
    rows = (
        QuizAttempt.objects.filter(
            quiz_id__in=QuizPage.objects.child_of(course).values("pk"),
            status=AttemptStatus.GRADED,
        )
        .filter(_in_period("submitted_at", since, until))
        .annotate(attempt=attempt)
        .values("attempt")
        .annotate(attempts=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
        .order_by("attempt")
    )
    found = {row["attempt"]: row for row in rows}
    labels = {1: "1st attempt", 2: "2nd attempt", 3: "3rd and later attempts"}
    return [
        AttemptPassRate(label, found.get(n, {}).get("attempts", 0), found.get(n, {}).get("passed", 0))
        for n, label in labels.items()
    ]


def ce_hours_awarded(*, course: CoursePage, since: date | None, until: date | None) -> tuple[Decimal, int]:
    """CE hours on the course's credit records dated in the period (by completion date), and how many records."""
    records = CreditRecord.objects.filter(course_id=course.pk)
    if since:
        records = records.filter(completed_on__gte=since)
    if until:
        records = records.filter(completed_on__lte=until)
    totals = records.aggregate(hours=Sum("ce_hours"), records=Count("pk"))
    return totals["hours"] or Decimal("0"), totals["records"]


def learners_in_progress_and_completed_this_month(*, courses: list[CoursePage]) -> dict[int, tuple[int, int]]:
    """For the instructor's home panel: per course, learners studying now and completions this month (one query)."""
    month_start = _start_of(timezone.localdate().replace(day=1))
    rows = (
        Enrolment.objects.filter(course_id__in=[course.pk for course in courses])
        .values("course_id")
        .annotate(
            in_progress=Count("pk", filter=Q(completed_at__isnull=True, left_at__isnull=True)),
            completed=Count("pk", filter=Q(completed_at__gte=month_start)),
        )
    )
    return {row["course_id"]: (row["in_progress"], row["completed"]) for row in rows}
