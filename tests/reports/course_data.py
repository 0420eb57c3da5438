"""Hand-made course activity for the course report tests: enrolments at known dates, module progress,
quiz attempts and credit records, written straight to the tables so every figure is known in advance.

The course has three modules and a quiz. Learners (all dates 2025, 10:00 UTC):

    learner  enrolled  modules done  ended                    credit record
    amira    3 Mar     1 2 3         completed 13 Mar (10 d)  13 Mar, 2 h
    ben      4 Mar     1 2 3         completed 24 Mar (20 d)  24 Mar, 2 h
    chloe    12 Mar    1             left 20 Mar              -
    dev      19 Mar    1 2           (in progress)            -
    elena    20 Mar    1 2 3         completed 29 Apr (40 d)  29 Apr, 2 h
    farah    20 Feb    1 2 3         completed 28 Feb (8 d)   5 Mar, 2 h (dated in March, enrolled before)
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from credit.models import CreditRecord, Enrolment, ModuleProgress
from quizzes.models import QuizAttempt
from tests import factories
from tests.credit import factories as credit_factories
from tests.quizzes import factories as quiz_factories

MARCH = {"since": date(2025, 3, 1), "until": date(2025, 3, 31)}


def at(month: int, day: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(2025, month, day, hour))


def enrol(user, course, *, on, completed=None, left=None, last_activity=None) -> Enrolment:
    return Enrolment.objects.create(
        user=user, course=course, enrolled_at=on, completed_at=completed, left_at=left, last_activity_at=last_activity
    )


def progress(user, course, modules, *, on) -> None:
    for module in modules:
        ModuleProgress.objects.create(user=user, module=module, course=course, first_visited_at=on, completed_at=on)


def credit(user, course, *, on: datetime, hours: str = "2") -> CreditRecord:
    return CreditRecord.objects.create(
        user=user,
        course=course,
        learner_name=user.learner_profile.legal_name,
        course_title=course.title,
        course_number=course.course_number,
        ce_hours=Decimal(hours),
        delivery_method="on_demand",
        tested=True,
        completed_at=on,
        completed_on=on.date(),
        provider_name="Touchstone",
    )


def attempt(quiz, user, number: int, *, passed: bool | None, submitted: datetime | None) -> QuizAttempt:
    graded = submitted is not None
    return QuizAttempt.objects.create(
        quiz=quiz,
        user=user,
        number=number,
        status="graded" if graded else "in_progress",
        started_at=submitted or at(3, 1),
        submitted_at=submitted,
        pass_mark=70,
        passed=passed,
    )


def build(maya=None, daniel=None) -> dict:
    """The course above (taught by maya when given), another course (daniel's), and everyone's activity."""
    maya = maya or factories.instructor("Maya Okafor")
    daniel = daniel or factories.instructor("Daniel Reyes")
    course = factories.course(title="Swedish Technique Foundations", instructors=[maya])
    modules = [factories.module(course, title=title) for title in ("Effleurage", "Petrissage", "Tapotement")]
    quiz = quiz_factories.quiz(course, title="Final test")
    other = factories.course(title="Contraindications and Client Safety", instructors=[daniel])
    other_module = factories.module(other, title="Screening")
    other_quiz = quiz_factories.quiz(other, title="Screening check")

    people = {
        name: credit_factories.learner(name, legal_name=legal)
        for name, legal in (
            ("amira", "Amira Haddad"),
            ("ben", "Ben Okoro"),
            ("chloe", "=Chloe Martin"),  # a name a spreadsheet would run as a formula
            ("dev", "Dev Patel"),
            ("elena", "Elena Rossi"),
            ("farah", "Farah Nasser"),
        )
    }
    p = people
    enrol(p["amira"], course, on=at(3, 3), completed=at(3, 13), last_activity=at(3, 13))
    enrol(p["ben"], course, on=at(3, 4), completed=at(3, 24), last_activity=at(3, 24))
    enrol(p["chloe"], course, on=at(3, 12), left=at(3, 20), last_activity=at(3, 14))
    enrol(p["dev"], course, on=at(3, 19), last_activity=at(4, 2))
    enrol(p["elena"], course, on=at(3, 20), completed=at(4, 29), last_activity=at(4, 29))
    enrol(p["farah"], course, on=at(2, 20), completed=at(2, 28), last_activity=at(2, 28))
    for name, done in (("amira", 3), ("ben", 3), ("chloe", 1), ("dev", 2), ("elena", 3), ("farah", 3)):
        progress(p[name], course, modules[:done], on=at(3, 25))
    # Someone else's course: never counted here.
    enrol(p["dev"], other, on=at(3, 5), completed=at(3, 6))
    progress(p["dev"], other, [other_module], on=at(3, 6))
    credit(p["dev"], other, on=at(3, 6))

    credit(p["amira"], course, on=at(3, 13))
    credit(p["ben"], course, on=at(3, 24))
    credit(p["elena"], course, on=at(4, 29))
    credit(p["farah"], course, on=at(3, 5))

    # March attempts: 1st 3 (1 passed), 2nd 2 (1 passed), 3rd and later 2 (1 passed).
    attempt(quiz, p["amira"], 1, passed=False, submitted=at(3, 10))
    attempt(quiz, p["amira"], 2, passed=True, submitted=at(3, 11))
    attempt(quiz, p["ben"], 1, passed=True, submitted=at(3, 20))
    attempt(quiz, p["dev"], 1, passed=False, submitted=at(3, 21))
    attempt(quiz, p["dev"], 2, passed=False, submitted=at(3, 22))
    attempt(quiz, p["dev"], 3, passed=True, submitted=at(3, 23))
    attempt(quiz, p["dev"], 4, passed=False, submitted=at(3, 24))
    attempt(quiz, p["dev"], 5, passed=None, submitted=None)  # still open: not graded
    attempt(quiz, p["elena"], 1, passed=True, submitted=at(4, 28))  # April
    attempt(other_quiz, p["chloe"], 1, passed=True, submitted=at(3, 15))  # another course
    return {"course": course, "modules": modules, "quiz": quiz, "other": other, "maya": maya, "daniel": daniel, **p}
