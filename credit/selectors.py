"""Read queries for learner pages, shaped so a page costs the same queries however many courses it lists."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.utils import timezone

from courses.models import CoursePage, ModulePage
from quizzes.models import QuizPage
from quizzes.selectors import passed_quiz_ids

from . import completion, renewal_suggestions, rules
from .kept import children_by_course, open_courses, requirements_by_profile
from .kept import requirement_for as requirement_for  # still read from here by renewal code and tests
from .learner_rows import learner_course_rows
from .models import (
    CreditRecord,
    Enrolment,
    Licence,
    ModuleProgress,
    OutsideCredit,
)


def is_credit_admin(user) -> bool:
    """Administrators see every learner's records; everyone else sees only their own."""
    return bool(user.is_authenticated and (user.is_superuser or user.has_perm("credit.view_creditrecord")))


@dataclass
class CourseProgress:
    """A learner's standing in one course, for the dashboard and the course page."""

    course: CoursePage
    enrolment: Enrolment | None
    modules: list[ModulePage]
    completed_module_ids: set[int]
    decision: completion.CompletionDecision
    record: CreditRecord | None = None
    continue_page: ModulePage | QuizPage | None = None
    quizzes: list[QuizPage] = field(default_factory=list)
    passed_quiz_ids: set[int] = field(default_factory=set)

    @property
    def percent(self) -> int:
        return 100 if self.record else self.decision.percent

    @property
    def is_complete(self) -> bool:
        return self.record is not None


def progress_for(
    user,
    courses: list[CoursePage],
    enrolments: dict[int, Enrolment],
    *,
    known_modules: dict[int, list[ModulePage]] | None = None,
    known_records: list[CreditRecord] | None = None,
    known_done: dict[int, set[int]] | None = None,
    known_passed: set[int] | None = None,
) -> list[CourseProgress]:
    """Progress in each course, with a fixed number of queries whatever the number of courses.

    `known_modules` passes the live modules of each course when the caller has them already (a module
    page lists its siblings), and `known_records` every credit record of the learner (the dashboard reads
    them all anyway), and `known_done` the modules each course's learner has finished (the module page's
    navigation ticked them already), which saves looking them up again.
    """
    modules = known_modules if known_modules is not None else children_by_course(ModulePage, courses)
    quizzes = children_by_course(QuizPage, courses, counts_towards_completion=True)
    all_quiz_ids = [quiz.pk for course_quizzes in quizzes.values() for quiz in course_quizzes]
    if known_passed is not None:
        passed = set(known_passed)
    else:
        passed = passed_quiz_ids(user, all_quiz_ids) if all_quiz_ids else set()
    course_ids = [course.pk for course in courses]
    done: dict[int, set[int]] = {course_id: set() for course_id in course_ids}
    if known_done is not None and set(known_done) >= set(course_ids):
        done = {course_id: set(known_done[course_id]) for course_id in course_ids}
    else:
        for course_id, module_id in ModuleProgress.objects.filter(
            user=user, course_id__in=course_ids, completed_at__isnull=False
        ).values_list("course_id", "module_id"):
            done[course_id].add(module_id)
    if known_records is None:
        known_records = list(CreditRecord.objects.filter(user=user, course_id__in=course_ids))
    records = {record.course_id: record for record in known_records if record.course_id in done}

    result = []
    for course in courses:
        course_modules, course_quizzes = modules[course.pk], quizzes[course.pk]
        quiz_ids = {quiz.pk for quiz in course_quizzes}
        requirements = completion.CourseRequirements.build(
            [module.pk for module in course_modules], quiz_ids, course.delivery_method
        )
        # A live course's attendance is settled by the record itself (see live.py).
        state = completion.LearnerState.build(done[course.pk], passed & quiz_ids, attended=course.pk in records)
        enrolment = enrolments.get(course.pk)
        result.append(
            CourseProgress(
                course=course,
                enrolment=enrolment,
                modules=course_modules,
                completed_module_ids=done[course.pk],
                decision=completion.decide(requirements, state),
                record=records.get(course.pk),
                continue_page=_continue_page(enrolment, course_modules, done[course.pk], course_quizzes, passed),
                quizzes=course_quizzes,
                passed_quiz_ids=passed & quiz_ids,
            )
        )
    return result


def _continue_page(
    enrolment: Enrolment | None, modules: list[ModulePage], done: set[int], quizzes: list[QuizPage], passed: set[int]
) -> ModulePage | QuizPage | None:
    """Where to pick up: the module last opened (unless finished), the next unfinished module, or the quiz."""
    if modules and any(module.pk not in done for module in modules):
        return _continue_module(enrolment, modules, done)
    unpassed = next((quiz for quiz in quizzes if quiz.pk not in passed), None)
    return unpassed or (modules[0] if modules else None)


def _continue_module(enrolment: Enrolment | None, modules: list[ModulePage], done: set[int]) -> ModulePage | None:
    """The last module the learner opened, unless finished, then the next unfinished one."""
    last_id = enrolment.last_module_id if enrolment else None
    if last_id is not None and last_id not in done and any(module.pk == last_id for module in modules):
        return next(module for module in modules if module.pk == last_id)
    start = next((index for index, module in enumerate(modules) if module.pk == last_id), -1) + 1
    for module in modules[start:] + modules[:start]:
        if module.pk not in done:
            return module
    return modules[0]


@dataclass(frozen=True)
class EventCredit:
    """Credit from a standalone workshop or webinar: a record with no catalogue course behind it."""

    record: CreditRecord
    course: None = None


def dashboard(user) -> dict:
    enrolments = list(
        Enrolment.objects.filter(user=user, left_at__isnull=True)
        .select_related("course")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    courses = [enrolment.course for enrolment in enrolments]
    records = list(CreditRecord.objects.filter(user=user))
    progress = progress_for(
        user, courses, {enrolment.course_id: enrolment for enrolment in enrolments}, known_records=records
    )
    outside = list(OutsideCredit.objects.filter(user=user))
    completed = [item for item in progress if item.is_complete]
    completed += [EventCredit(record=record) for record in records if record.course_id is None]
    completed.sort(key=lambda item: item.record.completed_at, reverse=True)
    return {
        "in_progress": [item for item in progress if not item.is_complete],
        "completed": completed,
        "hours_earned": sum((record.ce_hours for record in records), Decimal("0")),
        "outside_hours": sum((entry.hours for entry in outside), Decimal("0")),
        "record_count": len(records),
        "records": records,
        "outside": outside,
    }


def course_progress(
    user,
    course: CoursePage,
    *,
    modules: list[ModulePage] | None = None,
) -> CourseProgress | None:
    """The learner's progress in a course they are (or were) enrolled in.

    `modules`: its live modules, when known. The learner's own rows for the course are kept until they
    change (`learner_course_rows`), so a module page reads none of them again on the next visit.
    """
    rows = learner_course_rows(user=user, course=course)
    if rows is None:
        return None
    known = {course.pk: list(modules)} if modules is not None else None
    return progress_for(
        user,
        [course],
        {course.pk: rows.enrolment},
        known_modules=known,
        known_done={course.pk: set(rows.completed_module_ids)},
        known_records=[rows.record] if rows.record else [],
        known_passed=set(rows.passed_quiz_ids),
    )[0]


# ---------------------------------------------------------------------------------------------
# Transcript and renewal tracker
# ---------------------------------------------------------------------------------------------


def licences_for(user) -> list[Licence]:
    return list(Licence.objects.filter(user=user).select_related("requirement_profile"))


def completed_module_ids(*, user, course: CoursePage) -> set[int]:
    """Modules of the course the learner has marked complete (the course and module pages tick them)."""
    rows = learner_course_rows(user=user, course=course)
    return set(rows.completed_module_ids) if rows else set()


def transcript(user) -> dict:
    records = list(CreditRecord.objects.filter(user=user).with_current_certificate().order_by("-completed_on", "-pk"))
    outside = list(OutsideCredit.objects.filter(user=user).prefetch_related("categories"))
    return {"records": records, "outside": outside}


def credit_items(
    user, *, records: list[CreditRecord] | None = None, outside: list[OutsideCredit] | None = None
) -> list[rules.CreditItem]:
    """All of a learner's credit as plain data for the rule engine (`records` and `outside`: their credit
    records and outside credit, if read already; the outside credit's categories are fetched here)."""
    items = [
        rules.CreditItem(
            key=f"record:{record.pk}",
            title=record.course_title,
            completed_on=record.completed_on,
            hours=record.ce_hours,
            delivery_method=record.delivery_method,
            category_hours=record.category_hours,
        )
        for record in (records if records is not None else CreditRecord.objects.filter(user=user))
    ]
    if outside is None:
        outside = list(OutsideCredit.objects.filter(user=user).prefetch_related("categories"))
    else:
        prefetch_related_objects(outside, "categories")
    for entry in outside:
        items.append(
            rules.CreditItem(
                key=f"outside:{entry.pk}",
                title=entry.title,
                completed_on=entry.completed_on,
                hours=entry.hours,
                delivery_method=entry.delivery_method,
                category_hours={category.slug: None for category in entry.categories.all()},
            )
        )
    return items


def course_offers(
    user, *, records: list[CreditRecord] | None = None
) -> tuple[list[rules.CreditItem], dict[str, CoursePage]]:
    """Catalogue courses the learner could still take, as rule-engine items keyed "course:<id>".

    `records`: the learner's credit records, if read already (a course with a record is taken).
    """
    if records is None:
        taken = set(CreditRecord.objects.filter(user=user).values_list("course_id", flat=True))
    else:
        taken = {record.course_id for record in records}
    offers, pages = [], {}
    today = timezone.localdate()
    for course, category_hours in open_courses():
        if course.pk in taken:
            continue
        key = f"course:{course.pk}"
        pages[key] = course
        offers.append(
            rules.CreditItem(
                key=key,
                title=course.title,
                completed_on=today,
                hours=course.ce_hours,
                delivery_method=course.delivery_method,
                category_hours=dict(category_hours),
            )
        )
    return offers, pages


@dataclass
class LicenceProgress:
    licence: Licence
    evaluation: rules.Evaluation
    suggestions: list[tuple[CoursePage, rules.Suggestion]] = field(default_factory=list)
    item_titles: dict[str, str] = field(default_factory=dict)
    # Upcoming events that close a missing rule, from the suggesters registered with credit.renewal_suggestions.
    event_suggestions: list[renewal_suggestions.Suggestion] = field(default_factory=list)


EVENT_SUGGESTION_COUNT = 3


def renewal_overview(
    user,
    *,
    today: date | None = None,
    with_events: bool = False,
    records: list[CreditRecord] | None = None,
    outside: list[OutsideCredit] | None = None,
) -> list[LicenceProgress]:
    """Each licence's cycle counted against its requirement, with courses that would fill the gap.

    `with_events` also asks the registered gap suggesters for upcoming events that close a missing rule
    (the renewal tracker does; the dashboard's summary doesn't), once for all the licences. `records` passes
    the learner's credit records and `outside` their outside credit when the caller has read them already.
    """
    today = today or timezone.localdate()
    licences = list(Licence.objects.filter(user=user).select_related("requirement_profile"))
    if not licences:
        return []
    requirements = requirements_by_profile([licence.requirement_profile for licence in licences])
    items = credit_items(user, records=records, outside=outside)
    offers, pages = course_offers(user, records=records)
    overview = []
    for licence in licences:
        requirement = requirements[licence.requirement_profile_id]
        window = {"cycle_start": licence.cycle_start, "cycle_end": licence.cycle_end, "today": today}
        evaluation = rules.evaluate(requirement, items, **window)
        suggestions = rules.suggest(requirement, items, offers, **window)
        overview.append(
            LicenceProgress(
                licence=licence,
                evaluation=evaluation,
                suggestions=[(pages[suggestion.offer.key], suggestion) for suggestion in suggestions],
            )
        )
    if with_events:
        _add_event_suggestions(overview, today)
    return overview


def _add_event_suggestions(overview: list[LicenceProgress], today: date) -> None:
    """Ask the suggesters about every licence still inside its cycle and missing a minimum, in one call."""
    wanted = [
        renewal_suggestions.LicenceGaps(
            key=item.licence.pk,
            state=item.licence.requirement_profile.state,
            cycle_end=item.licence.cycle_end,
            gaps=renewal_suggestions.gaps_of(item.evaluation),
        )
        for item in overview
        if rules.in_cycle(today, item.licence.cycle_start, item.licence.cycle_end)
    ]
    found = renewal_suggestions.suggestions_for(wanted, limit=EVENT_SUGGESTION_COUNT)
    for item in overview:
        item.event_suggestions = found.get(item.licence.pk, [])


def roster(course: CoursePage, start: date, end: date) -> list[dict]:
    """Completions of a course in a date range, one row per licence (boards file by licence number).

    Credit from a standalone workshop or webinar belongs to no course, so it is on no course's roster.
    """
    rows = []
    records = CreditRecord.objects.filter(course=course, completed_on__gte=start, completed_on__lte=end).order_by(
        "completed_on", "learner_name", "pk"
    )
    for record in records:
        base = {
            "name": record.learner_name,
            "course_number": record.course_number,
            "completion_date": record.completed_on.isoformat(),
            "hours": f"{record.ce_hours.normalize():f}",
            # An offering of the course may be held by another provider, somewhere else (Texas asks for the place).
            "place": record.place,
            "issuer": record.provider_name,
        }
        licences = record.licences or [{"number": "", "state": ""}]
        for licence in licences:
            rows.append(
                {**base, "licence_number": licence.get("number", ""), "licence_state": licence.get("state", "")}
            )
    return rows


def roster_courses(user):
    """Courses whose roster the user may export: administrators see all, instructors their own."""
    courses = CoursePage.objects.all().order_by("title")
    if is_credit_admin(user):
        return courses
    return courses.filter(instructors__user=user).distinct()
