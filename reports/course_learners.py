"""The course report's learner table: the cohort (reports.course_report.cohort), 50 a page, and as CSV.

Columns: name, enrolled, progress (published modules completed of the course's published modules), last
activity, completed (or left), CE hours. Sorted by last activity or by progress.

Built in two steps so a page costs the same at the first page of ten learners and the thousandth of a
hundred thousand: the ordered page of enrolments first (only progress sorts count modules for every learner,
in one grouped join), then the modules completed and the CE hours of that page's learners, one query each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from courses.models import CoursePage
from credit.models import CreditRecord, Enrolment, ModuleProgress

from .course_report import cohort

LEARNERS_PER_PAGE = 50
TENTH = Decimal("0.1")

# key -> (label, ordering). Most recent activity first is the default.
SORTS = {
    "-last_activity": ("Last activity, most recent first", (F("last_activity_at").desc(nulls_last=True), "pk")),
    "last_activity": ("Last activity, longest ago first", (F("last_activity_at").asc(nulls_first=True), "pk")),
    "-progress": ("Progress, furthest first", (F("modules_done").desc(), "pk")),
    "progress": ("Progress, least first", (F("modules_done").asc(), "pk")),
}
DEFAULT_SORT = "-last_activity"


@dataclass(frozen=True)
class LearnerRow:
    enrolment_id: int
    name: str
    email: str
    enrolled_at: datetime
    modules_done: int
    module_count: int
    last_activity_at: datetime | None
    completed_at: datetime | None
    left_at: datetime | None
    ce_hours: Decimal | None

    @property
    def progress(self) -> str:
        return f"{self.modules_done} of {self.module_count}"

    @property
    def status(self) -> str:
        if self.completed_at:
            return "Completed"
        return "Left" if self.left_at else "In progress"


@dataclass(frozen=True)
class LearnerPage:
    rows: list[LearnerRow]
    page: object  # django.core.paginator.Page, for the pagination links
    sort: str

    @property
    def sort_label(self) -> str:
        return SORTS[self.sort][0]


def _module_ids(course: CoursePage) -> list[int]:
    return [module.pk for module in course.modules]


def ordered_enrolments(
    *, course: CoursePage, since: date | None = None, until: date | None = None, sort: str = DEFAULT_SORT
) -> QuerySet:
    """The cohort's enrolments with the learner's name and e-mail, in the table's order."""
    sort = sort if sort in SORTS else DEFAULT_SORT
    name = Coalesce(
        NullIf(F("user__learner_profile__legal_name"), Value("")),
        NullIf(F("user__first_name"), Value("")),
        F("user__username"),
        output_field=CharField(),
    )
    enrolments = cohort(course=course, since=since, until=until).annotate(
        learner_name=name, learner_email=F("user__email")
    )
    if sort.endswith("progress"):
        done = Q(
            user__module_progress__course_id=course.pk,
            user__module_progress__completed_at__isnull=False,
            user__module_progress__module_id__in=_module_ids(course),
        )
        enrolments = enrolments.annotate(modules_done=Count("user__module_progress", filter=done))
    return enrolments.order_by(*SORTS[sort][1])


def rows_for(enrolments: Iterable[Enrolment], *, course: CoursePage) -> list[LearnerRow]:
    """Table rows for these enrolments: their modules completed and CE hours in two queries, however many."""
    enrolments = list(enrolments)
    users = [enrolment.user_id for enrolment in enrolments]
    module_ids = _module_ids(course)
    done = dict(
        ModuleProgress.objects.filter(
            course_id=course.pk, completed_at__isnull=False, module_id__in=module_ids, user_id__in=users
        )
        .values("user_id")
        .annotate(n=Count("pk"))
        .values_list("user_id", "n")
    )
    hours = dict(CreditRecord.objects.filter(course_id=course.pk, user_id__in=users).values_list("user_id", "ce_hours"))
    return [
        LearnerRow(
            enrolment_id=enrolment.pk,
            name=enrolment.learner_name,
            email=enrolment.learner_email,
            enrolled_at=enrolment.enrolled_at,
            modules_done=done.get(enrolment.user_id, 0),
            module_count=len(module_ids),
            last_activity_at=enrolment.last_activity_at,
            completed_at=enrolment.completed_at,
            left_at=enrolment.left_at,
            # One decimal place on every database (SQLite can hand back Decimal("2")).
            ce_hours=None if enrolment.user_id not in hours else Decimal(hours[enrolment.user_id]).quantize(TENTH),
        )
        for enrolment in enrolments
    ]


def learner_page(
    *,
    course: CoursePage,
    since: date | None = None,
    until: date | None = None,
    sort: str = DEFAULT_SORT,
    page: int | str = 1,
    per_page: int = LEARNERS_PER_PAGE,
) -> LearnerPage:
    """One page of the table (50 learners): four queries (count, page, modules, CE hours) whatever its size."""
    sort = sort if sort in SORTS else DEFAULT_SORT
    enrolments = ordered_enrolments(course=course, since=since, until=until, sort=sort)
    current = Paginator(enrolments, per_page).get_page(page)
    return LearnerPage(rows=rows_for(current.object_list, course=course), page=current, sort=sort)


def all_learner_rows(
    *, course: CoursePage, since: date | None = None, until: date | None = None, sort: str = DEFAULT_SORT, chunk=2000
) -> Iterator[LearnerRow]:
    """Every row of the table (the CSV), read a chunk at a time: three queries a chunk."""
    batch = []
    for enrolment in ordered_enrolments(course=course, since=since, until=until, sort=sort).iterator(chunk_size=chunk):
        batch.append(enrolment)
        if len(batch) == chunk:
            yield from rows_for(batch, course=course)
            batch = []
    if batch:
        yield from rows_for(batch, course=course)
