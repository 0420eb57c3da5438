"""Write synthetic learners in bulk: enrolments over the last year, module progress that thins out module by
module (a funnel), graded quiz attempts with real snapshots, their versions and chosen options, retakes
after a fail, and the credit records of those who complete.

Grading is the pure ``quizzes.scoring.grade_attempt`` over the snapshot, the same rules the quiz
services apply, without their per-request queries; completion is ``credit.completion.decide``. Rows are
written with ``bulk_create`` in batches, a chunk of learners at a time, so memory stays flat.

For live courses (On Site, Webinar) a learner "attends" by chance: the credit record is written as if the
offering had been attended, but no event or attendance rows are made (reports of events are not fed).
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from courses.models import CoursePage, ModulePage
from credit import completion
from credit.models import CreditRecord, Enrolment, ModuleProgress
from credit.services import course_requirements, credit_snapshot
from quizzes import scoring, versions
from quizzes.choices import AttemptStatus, FinishReason
from quizzes.models import AttemptAnswer, ChosenOption, QuestionVersion, QuizAttempt, QuizPage

from . import people
from .plan import QuizPlan, pick_items, quiz_plan
from .simulate import respond
from .writer import insert, insert_values

YEAR = timedelta(days=365)
RETAKE = 0.75  # the share of learners who fail an attempt and try again (attempts allowing)
PRACTICE_SHARE, COUNTING_SHARE = 0.75, 0.95  # the share who take a practice quiz, a quiz that counts
ATTEND_SHARE = 0.75  # of a live course's learners, those who attend an offering


@dataclass
class Counts:
    learners: int = 0
    enrolments: int = 0
    progress: int = 0
    attempts: int = 0
    answers: int = 0
    chosen_options: int = 0
    credit_records: int = 0

    def add(self, other: Counts) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def __str__(self) -> str:
        return ", ".join(f"{getattr(self, f.name):,} {f.name.replace('_', ' ')}" for f in fields(self))


@dataclass
class CoursePlan:
    course: CoursePage
    modules: list[ModulePage]
    quizzes: list[tuple[QuizPlan, int]]  # each quiz and how many modules come before it
    requirements: completion.CourseRequirements
    credit: dict  # the credit record's course-level fields (credit.services.credit_snapshot)


@dataclass
class Rows:
    users: list = field(default_factory=list)
    enrolments: list = field(default_factory=list)
    progress: list = field(default_factory=list)
    attempts: list = field(default_factory=list)
    answers: list = field(default_factory=list)
    chosen_options: list = field(default_factory=list)
    credit_records: list = field(default_factory=list)

    def write(self, batch_size: int) -> Counts:
        """Insert in dependency order; each insert sets the ids the next one refers to. Progress, answers and
        chosen options are plain tuples (the first value the user or attempt object) until written."""
        insert(get_user_model(), self.users, batch_size=batch_size)
        insert(Enrolment, self.enrolments, batch_size=batch_size)
        progress = [(row[0].pk, *row[1:]) for row in self.progress]
        insert_values(ModuleProgress, PROGRESS_FIELDS, progress, batch_size=batch_size)
        insert(QuizAttempt, self.attempts, batch_size=batch_size)
        answers = [(row[0].pk, *row[1:]) for row in self.answers]
        answer_ids = insert_values(AttemptAnswer, ANSWER_FIELDS, answers, batch_size=batch_size)
        chosen = [(answer_ids[position], attempt.pk, *rest) for position, attempt, *rest in self.chosen_options]
        insert_values(ChosenOption, CHOSEN_FIELDS, chosen, batch_size=batch_size)
        insert(CreditRecord, self.credit_records, batch_size=batch_size)
        return Counts(*(len(getattr(self, f.name)) for f in fields(self)))


# The fields of the rows kept as tuples (see Rows.write).
PROGRESS_FIELDS = (
    "user_id", "module_id", "course_id", "first_visited_at", "last_seen_at", "visit_count", "seconds_spent",
    "completed_at",
)  # fmt: skip
ANSWER_FIELDS = (
    "attempt_id", "slot", "question_id", "response", "saved_seq", "saved_at", "points", "max_points", "state",
    "details", "version_id",
)  # fmt: skip
CHOSEN_FIELDS = ("answer_id", "attempt_id", "version_id", "step", "option")


def course_plans(*, slugs: Sequence[str] | None, quiz_slugs: Sequence[str] | None, seed: int) -> list[CoursePlan]:
    courses = CoursePage.objects.live().order_by("path")
    if slugs:
        courses = courses.filter(slug__in=slugs)
        missing = set(slugs) - {course.slug for course in courses}
        if missing:
            raise ValueError(f"No live course with the slug {', '.join(sorted(missing))}.")
    plans = []
    for course in courses:
        modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
        quiz_pages = QuizPage.objects.live().child_of(course).order_by("path")
        if quiz_slugs:
            quiz_pages = quiz_pages.filter(slug__in=quiz_slugs)
        quizzes = [
            (quiz_plan(quiz, seed=seed), sum(1 for module in modules if module.path < quiz.path)) for quiz in quiz_pages
        ]
        requirements = course_requirements(course)
        # The course's part of a credit record, taken once; each learner's name and date are filled in later
        # (a stand-in account: synthetic learners have no profile or licences to copy).
        stand_in = get_user_model()(pk=0, username=people.username(0))
        credit = credit_snapshot(stand_in, course, completed_at=timezone.now(), tested=requirements.tested)
        plans.append(CoursePlan(course, modules, quizzes, requirements, credit))
    return plans


def question_versions(plans: Sequence[CoursePlan], *, first_graded_at: datetime) -> dict[int, QuestionVersion]:
    """Each asked question's version (one per question: its variants differ only in order and tokens),
    the existing row when a graded attempt already saw that content, else a new number."""
    found: dict[int, QuestionVersion] = {}
    for course_plan in plans:
        for plan, _ in course_plan.quizzes:
            for question_id, variants in plan.variants.items():
                if question_id in found:
                    continue
                content = versions.canonical(variants[0])
                print_ = versions.fingerprint(content)
                version = QuestionVersion.objects.filter(question_id=question_id, fingerprint=print_).first()
                if version is None:
                    last = QuestionVersion.objects.filter(question_id=question_id).aggregate(n=Max("number"))["n"]
                    version = QuestionVersion.objects.create(
                        question_id=question_id,
                        number=(last or 0) + 1,
                        fingerprint=print_,
                        content=content,
                        first_graded_at=first_graded_at,
                    )
                found[question_id] = version
    return found


def make_scale_data(
    *,
    learners: int,
    seed: int,
    courses: Sequence[str] | None = None,
    quizzes: Sequence[str] | None = None,
    attempts_per_learner: int = 3,
    first: int = 0,
    now: datetime | None = None,
    batch_size: int = 2000,
    chunk: int = 1000,
    progress=None,
) -> Counts:
    """Build learners number ``first`` to ``learners - 1`` (all of them, replacing any earlier synthetic
    learners, when ``first`` is 0). The same seed and ``now`` always write the same rows, and learner n is
    the same however many are built, so a bigger set can be added to a smaller one (``first``)."""
    now = (now or timezone.now()).replace(microsecond=0)
    plans = course_plans(slugs=courses, quiz_slugs=quizzes, seed=seed)  # first: it refuses unknown courses
    if first == 0:
        people.remove_scale_learners()
    found = question_versions(plans, first_graded_at=now - YEAR)
    total = Counts()
    for start in range(first, learners, chunk):
        started = time.monotonic()
        rows = Rows()
        for number in range(start, min(learners, start + chunk)):
            _learner(rows, number, seed=seed, plans=plans, found=found, now=now, cap=attempts_per_learner)
        with transaction.atomic():
            counts = rows.write(batch_size)
        total.add(counts)
        if progress is not None:
            seconds = time.monotonic() - started
            progress(f"learners {start:,}–{start + counts.learners - 1:,}: {counts} ({seconds:.1f} s)")
    analyze()
    return total


def analyze() -> None:
    """Refresh PostgreSQL's table statistics after a bulk load, as autovacuum would a while later: without
    them the planner guesses the new tables are small and the reports are timed on bad plans."""
    if connection.vendor != "postgresql":
        return
    tables = [model._meta.db_table for model in (get_user_model(), Enrolment, ModuleProgress, QuizAttempt)]
    tables += [model._meta.db_table for model in (AttemptAnswer, ChosenOption, QuestionVersion, CreditRecord)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))


def _learner(rows: Rows, number: int, *, seed: int, plans, found, now: datetime, cap: int) -> None:
    rng = people.learner_rng(seed, number)
    ability = rng.gauss(0, 1)
    first_enrolled = now - timedelta(seconds=rng.randint(3 * 86400, int(YEAR.total_seconds())))
    user = people.new_user(number, rng, joined=first_enrolled)
    rows.users.append(user)
    taking = [plan for plan in plans if len(plans) == 1 or rng.random() < 0.6] or [plans[number % len(plans)]]
    for plan in taking:
        enrolled = first_enrolled + timedelta(hours=rng.randint(0, 24 * 20))
        _course(rows, plan, user, rng, ability=ability, enrolled=min(enrolled, now), found=found, now=now, cap=cap)


def _clamp(moment: datetime, now: datetime) -> datetime:
    return min(moment, now - timedelta(minutes=1))


def _course(rows: Rows, plan: CoursePlan, user, rng: random.Random, *, ability, enrolled, found, now, cap) -> None:
    course = plan.course
    enrolment = Enrolment(user=user, course=course, enrolled_at=enrolled)
    rows.enrolments.append(enrolment)
    persistence = min(0.97, max(0.6, 0.9 + 0.05 * ability))
    moment = enrolled
    done_modules: list[int] = []
    for module in plan.modules:
        moment = _clamp(moment + timedelta(minutes=rng.randint(20, 60 * 72)), now)
        seconds = max(module.reading_minutes, course.minimum_module_minutes) * 60 + rng.randint(30, 900)
        finished = rng.random() < persistence
        seen = _clamp(moment + timedelta(seconds=seconds), now)
        completed = seen if finished else None
        rows.progress.append((user, module.pk, course.pk, moment, seen, rng.randint(1, 3), seconds, completed))
        enrolment.last_module, moment = module, seen
        if not finished:
            break
        done_modules.append(module.pk)
    passed: set[int] = set()
    for quiz_plan_, before in plan.quizzes:
        quiz = quiz_plan_.quiz
        share = COUNTING_SHARE if quiz.counts_towards_completion else PRACTICE_SHARE
        if len(done_modules) < before or rng.random() >= share:
            continue
        moment, quiz_passed = _attempts(
            rows, quiz_plan_, user, rng, ability=ability, start=moment, found=found, now=now, cap=cap
        )
        if quiz_passed:
            passed.add(quiz.pk)
    enrolment.last_activity_at = moment
    attended = plan.requirements.needs_attendance and bool(done_modules) and rng.random() < ATTEND_SHARE
    state = completion.LearnerState.build(done_modules, passed, attended=attended)
    decision = completion.decide(plan.requirements, state)
    if decision.complete:
        completed_at = _clamp(moment + timedelta(minutes=1), now)
        enrolment.completed_at = completed_at
        rows.credit_records.append(
            CreditRecord(
                user=user,
                course=course,
                **{
                    **plan.credit,
                    "learner_name": f"{user.first_name} {user.last_name}",
                    "licences": [],
                    "completed_at": completed_at,
                    "completed_on": timezone.localdate(completed_at),
                },
            )
        )
    elif rng.random() < 0.1:
        enrolment.left_at = _clamp(moment + timedelta(days=rng.randint(1, 30)), now)


def _attempts(rows: Rows, plan: QuizPlan, user, rng, *, ability, start, found, now, cap) -> tuple[datetime, bool]:
    """A learner's attempts at one quiz: retakes after a fail while attempts (and patience) last, a little
    better each time. Returns when they stopped and whether the quiz's grade is a pass."""
    quiz = plan.quiz
    outcomes = []
    moment = start
    for number in range(1, cap + 1):
        items = pick_items(plan, rng)
        if not items:
            break
        started = _clamp(moment + timedelta(minutes=rng.randint(5, 60 * 24)), now)
        responses = {str(item["slot"]): respond(item, plan.traits[item["question_id"]], ability, rng) for item in items}
        result = scoring.grade_attempt(items, responses)
        passed = scoring.attempt_passed(
            result.percent, quiz.pass_mark, critical=result.critical, critical_fails_quiz=quiz.critical_error_fails_quiz
        )
        submitted = _clamp(started + timedelta(seconds=sum(rng.randint(25, 120) for _ in items)), now)
        answered = sum(1 for response in responses.values() if response)
        attempt = QuizAttempt(
            quiz=quiz,
            user=user,
            number=number,
            status=AttemptStatus.GRADED,
            finish_reason=FinishReason.SUBMITTED,
            started_at=started,
            deadline=started + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None,
            last_saved_at=submitted,
            submitted_at=submitted,
            sequence=answered,
            items=items,
            layout=quiz.layout,
            pass_mark=quiz.pass_mark,
            critical_error_fails_quiz=quiz.critical_error_fails_quiz,
            score=result.score,
            max_score=result.max_score,
            percent=result.percent,
            passed=passed,
            critical_error=result.critical,
        )
        rows.attempts.append(attempt)
        saved = 0
        for item, graded in zip(items, result.questions, strict=True):
            response = responses[str(item["slot"])]
            saved += bool(response)
            version = found[item["question_id"]].pk
            position = len(rows.answers)
            rows.answers.append(
                (
                    attempt,
                    item["slot"],
                    item["question_id"],
                    response,
                    saved if response else 0,
                    submitted if response else None,
                    graded.points,
                    graded.max_points,
                    graded.state,
                    graded.as_dict(),
                    version,
                )
            )
            rows.chosen_options.extend(
                (position, attempt, version, step, option) for step, option in versions.chosen_options(item, response)
            )
        outcomes.append(
            scoring.AttemptOutcome(
                number=number,
                percent=result.percent,
                passed=passed,
                critical_failure=result.critical and quiz.critical_error_fails_quiz,
            )
        )
        moment = submitted
        if passed or (quiz.max_attempts and number >= quiz.max_attempts) or rng.random() >= RETAKE:
            break
        ability += 0.5  # they read the review and the module again
    grade = scoring.quiz_grade(quiz.grading_method, outcomes, quiz.pass_mark)
    return moment, grade.passed
