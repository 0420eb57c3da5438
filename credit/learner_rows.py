"""A learner's own rows for one course, kept until one of them changes (pagecache.personal).

A module page shows the learner's ticks in the course navigation and their progress at the foot; both
come from their enrolment, finished modules, passed quizzes and credit record for the course. Those change
when the learner finishes a module, a quiz is graded, credit is issued or they enrol or leave, each of which
replaces the learner's token; a visit changes none of them, so the next module page reads none again.
"""

from dataclasses import dataclass

from pagecache.personal import kept_for_learner

from courses.models import CoursePage
from quizzes.models import QuizPage
from quizzes.selectors import passed_quiz_ids

from .kept import children_by_course
from .models import CreditRecord, Enrolment, ModuleProgress


@dataclass(frozen=True)
class LearnerCourseRows:
    """A learner's own rows for one course: what the course's module pages show of them."""

    enrolment: Enrolment
    completed_module_ids: frozenset[int]
    passed_quiz_ids: frozenset[int]
    record: CreditRecord | None


def learner_course_rows(*, user, course: CoursePage) -> LearnerCourseRows | None:
    """The learner's enrolment, finished modules, passed quizzes and credit record for the course (None if
    they never enrolled), kept until one of them changes (pagecache.personal; a visit changes none)."""
    if not user.is_authenticated or course.pk is None:
        return None
    return kept_for_learner(user.pk, f"credit:course-rows:{course.pk}", lambda: _read_course_rows(user, course))


def _read_course_rows(user, course: CoursePage) -> LearnerCourseRows | None:
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is None:
        return None
    done = ModuleProgress.objects.filter(user=user, course=course, completed_at__isnull=False)
    quiz_ids = [quiz.pk for quiz in children_by_course(QuizPage, [course], counts_towards_completion=True)[course.pk]]
    return LearnerCourseRows(
        enrolment=enrolment,
        completed_module_ids=frozenset(done.values_list("module_id", flat=True)),
        passed_quiz_ids=frozenset(passed_quiz_ids(user, quiz_ids)) if quiz_ids else frozenset(),
        record=CreditRecord.objects.filter(user=user, course=course).first(),
    )
