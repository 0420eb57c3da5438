"""When is a course complete? A pure function over plain data, so every case is tested without a database.

A course is complete when every required module is marked complete and every quiz that counts towards
completion is passed. Home study (On Demand) needs a passed test before any credit (NCBTMB), so an On
Demand course without a counting quiz can never be completed: the course is not ready to award credit.

A live course (On Site or Webinar) is different: boards count live hours only for time in the class, so
it completes when the learner has attended an offering of it in full (and passed any quiz that counts).
Its modules are preparation or follow-up and are not required.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from courses.choices import DeliveryMethod

LIVE_METHODS = frozenset({DeliveryMethod.LIVE_ON_SITE, DeliveryMethod.LIVE_WEBINAR})


@dataclass(frozen=True)
class CourseRequirements:
    module_ids: frozenset[int]
    quiz_ids: frozenset[int]  # quizzes that count towards completion
    delivery_method: str

    @classmethod
    def build(cls, module_ids: Iterable[int], quiz_ids: Iterable[int], delivery_method: str) -> "CourseRequirements":
        if delivery_method in LIVE_METHODS:
            module_ids = ()  # preparation or follow-up: attendance is what counts
        return cls(frozenset(module_ids), frozenset(quiz_ids), delivery_method)

    @property
    def needs_attendance(self) -> bool:
        return self.delivery_method in LIVE_METHODS

    @property
    def tested(self) -> bool:
        return bool(self.quiz_ids)

    @property
    def needs_test(self) -> bool:
        return self.delivery_method == DeliveryMethod.ON_DEMAND

    @property
    def can_award_credit(self) -> bool:
        """Whether the course as built can ever award credit."""
        has_steps = bool(self.module_ids or self.quiz_ids or self.needs_attendance)
        return has_steps and (self.tested or not self.needs_test)


@dataclass(frozen=True)
class LearnerState:
    completed_module_ids: frozenset[int]
    passed_quiz_ids: frozenset[int]
    attended: bool = False  # attended an offering of the course in full

    @classmethod
    def build(
        cls, completed_module_ids: Iterable[int], passed_quiz_ids: Iterable[int], *, attended: bool = False
    ) -> "LearnerState":
        return cls(frozenset(completed_module_ids), frozenset(passed_quiz_ids), attended)


@dataclass(frozen=True)
class CompletionDecision:
    complete: bool
    can_award_credit: bool
    missing_module_ids: frozenset[int]
    missing_quiz_ids: frozenset[int]
    missing_attendance: bool
    steps_done: int
    steps_total: int

    @property
    def percent(self) -> int:
        if not self.steps_total:
            return 0
        return self.steps_done * 100 // self.steps_total


def decide(course: CourseRequirements, learner: LearnerState) -> CompletionDecision:
    """Whether the learner has met every requirement of the course, and how far along they are."""
    missing_modules = course.module_ids - learner.completed_module_ids
    missing_quizzes = course.quiz_ids - learner.passed_quiz_ids
    missing_attendance = course.needs_attendance and not learner.attended
    total = len(course.module_ids) + len(course.quiz_ids) + int(course.needs_attendance)
    done = total - len(missing_modules) - len(missing_quizzes) - int(missing_attendance)
    complete = course.can_award_credit and not missing_modules and not missing_quizzes and not missing_attendance
    return CompletionDecision(
        complete=complete,
        can_award_credit=course.can_award_credit,
        missing_module_ids=frozenset(missing_modules),
        missing_quiz_ids=frozenset(missing_quizzes),
        missing_attendance=missing_attendance,
        steps_done=done,
        steps_total=total,
    )


def minutes_short(seconds_spent: int, minimum_minutes: int) -> int:
    """Whole minutes still to spend on a module before it may be marked complete (0 when enough)."""
    if minimum_minutes <= 0:
        return 0
    remaining = minimum_minutes * 60 - max(0, seconds_spent)
    return 0 if remaining <= 0 else -(-remaining // 60)


def counted_seconds(previous_seen_seconds_ago: float | None, *, max_gap_seconds: int) -> int:
    """Seconds to add to a module's time when the learner shows activity on it again.

    The gap since the last sign of activity counts, up to `max_gap_seconds`: a tab left open over lunch
    must not count as study.
    """
    if previous_seen_seconds_ago is None or previous_seen_seconds_ago <= 0:
        return 0
    return int(min(previous_seen_seconds_ago, max_gap_seconds))
