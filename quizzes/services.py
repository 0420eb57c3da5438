"""Writes for attempts: start, save answers, submit and grade, finalise when time runs out.

Every write locks the attempt row first (``select_for_update`` on PostgreSQL; SQLite serialises
writers itself), so two tabs, two devices or a double-clicked button are applied one after the other:

- an attempt's ``sequence`` goes up by one with every save that changes something, and each answer
  records the sequence it was saved at. A save names the sequence its page was showing; an answer saved
  since then by another tab or device is never overwritten by the stale page (StaleAnswer).
- grading claims the attempt with a conditional UPDATE (status still in progress), so it happens
  once; a second submit finds the attempt graded and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from pagecache.personal import forget_learner

from . import scoring, statistics_records
from .choices import AttemptStatus, FinishReason
from .graded_answers import write_grades, write_responses
from .models import (
    AttemptAnswer,
    QuizAttempt,
    QuizPage,
)
from .new_attempts import insert_attempt
from .question_sets import build_items, quiz_page
from .signals import quiz_attempt_graded


class QuizError(Exception):
    """A request the quiz can't honour; ``status`` is the HTTP status the views answer with."""

    status = 400
    title = "That request could not be completed"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AttemptNotFound(QuizError):
    status = 404
    title = "Attempt not found"


class AttemptClosed(QuizError):
    status = 403
    title = "This attempt is closed"


class TimeUp(AttemptClosed):
    title = "Time is up"


class NoAttemptsLeft(QuizError):
    status = 403
    title = "No attempts left"


class QuizUnavailable(QuizError):
    status = 404
    title = "This quiz isn't available"


class InvalidAnswer(QuizError):
    status = 400
    title = "That answer could not be saved"


class StaleAnswer(QuizError):
    status = 409
    title = "Answers changed in another window"

    def __init__(self, message: str, slots: list[int] | None = None):
        super().__init__(message)
        self.slots = slots or []


def grace() -> timedelta:
    """Answers are accepted this long after the deadline, for a request already on its way."""
    return timedelta(seconds=getattr(settings, "QUIZ_DEADLINE_GRACE_SECONDS", 30))


def timer_lead() -> timedelta:
    """How early the page's timer may send "time is up" and still be taken at its word (a countdown in
    the browser can end a moment before the server's deadline); earlier, it is an ordinary submit."""
    return timedelta(seconds=getattr(settings, "QUIZ_TIMER_LEAD_SECONDS", 5))


def is_expired(attempt: QuizAttempt, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return attempt.is_open and attempt.deadline is not None and now > attempt.deadline + grace()


# ---------------------------------------------------------------------------------------------
# Starting
# ---------------------------------------------------------------------------------------------


def start_attempt(quiz: QuizPage, user, *, now: datetime | None = None) -> tuple[QuizAttempt, bool]:
    """Resume the learner's open attempt, or start a new one if they have attempts left.

    Returns (attempt, created). One open attempt per learner and quiz is also a database constraint,
    so two simultaneous starts end with one attempt. An open attempt whose time ran out is graded first,
    as when the learner comes back to it, and counts as used.
    """
    now = now or timezone.now()
    used, open_id = _attempts_so_far(quiz, user)
    if open_id is not None:
        existing = _open_attempt(quiz, user)
        if existing is not None and is_expired(existing, now) and finalise_if_expired(existing.pk, user, now=now):
            existing = None  # graded now, as when the learner comes back to it; it counts as used
        if existing is not None:
            return existing, False
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise NoAttemptsLeft(
            f"You have used all {quiz.max_attempts} attempt{'s' if quiz.max_attempts != 1 else ''} at this quiz."
        )
    items = build_items(quiz)
    if not items:
        raise QuizUnavailable("This quiz has no questions yet. Please try again later.")
    try:
        attempt = insert_attempt(
            attempt=QuizAttempt(
                quiz=quiz,
                user=user,
                number=used + 1,
                started_at=now,
                deadline=now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None,
                items=items,
                layout=quiz.layout,
                pass_mark=quiz.pass_mark,
                critical_error_fails_quiz=quiz.critical_error_fails_quiz,
                max_score=sum(Decimal(item["points"]) for item in items),
            )
        )
    except IntegrityError:
        # Another start won (the one-open-attempt constraint): its attempt is the one to resume.
        existing = _open_attempt(quiz, user)
        if existing is None:
            raise
        return existing, False
    return attempt, True


def _attempts_so_far(quiz: QuizPage, user) -> tuple[int, int | None]:
    """How many attempts the learner has made at the quiz, and their open one's id if any: one query, written
    out because the ORM took three times as long to build it as the database to answer it."""
    table = connection.ops.quote_name(QuizAttempt._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), MAX(CASE WHEN status = %s THEN id END) FROM {table} WHERE quiz_id = %s AND user_id = %s",
            [AttemptStatus.IN_PROGRESS.value, quiz.pk, user.pk],
        )
        used, open_id = cursor.fetchone()
    return used, open_id


def _open_attempt(quiz: QuizPage, user) -> QuizAttempt | None:
    return QuizAttempt.objects.filter(quiz=quiz, user=user, status=AttemptStatus.IN_PROGRESS).first()


# ---------------------------------------------------------------------------------------------
# Saving answers
# ---------------------------------------------------------------------------------------------


@dataclass
class SaveResult:
    attempt: QuizAttempt
    sequence: int
    saved_slots: list[int] = field(default_factory=list)


def lock_attempt(attempt_id: int, user, *, items: list[dict] | None = None) -> QuizAttempt:
    """The learner's attempt, locked for this transaction. Someone else's attempt is "not found".

    The attempt's row alone: its user is the learner asking, and its quiz comes as published from the copy
    kept per generation (joining the page's tables into the locking read cost more than the rest of it).
    `items`, when the caller has the attempt's questions already (they never change once it starts), are
    used instead of reading them again: the largest column by far.
    """
    attempts = QuizAttempt.objects.select_for_update()
    if items is not None:
        attempts = attempts.defer("items")
    attempt = attempts.filter(pk=attempt_id).first()
    if attempt is None or attempt.user_id != getattr(user, "pk", None):
        raise AttemptNotFound("We couldn't find that attempt among yours.")
    if items is not None:
        attempt.items = items
    attempt.user = user
    quiz = quiz_page(attempt.quiz_id)
    if quiz is not None:
        attempt.quiz = quiz  # else (unpublished since) read from the database when asked, as before
    return attempt


def save_answers(
    attempt_id: int,
    user,
    answers: Mapping[int, Any],
    base_sequence: Mapping[int, int] | int,
    *,
    now: datetime | None = None,
    items: list[dict] | None = None,
) -> SaveResult:
    """Save responses to some questions of an open attempt, all or none.

    ``base_sequence`` is the sequence the learner's page showed, for all answers or per question:
    an answer that changed after it is not overwritten (StaleAnswer, nothing saved). ``items``: the
    attempt's questions, if the caller read them already (`lock_attempt`).
    """
    now = now or timezone.now()
    expired = False
    with transaction.atomic():
        attempt = lock_attempt(attempt_id, user, items=items)
        if not attempt.is_open:
            raise AttemptClosed("This attempt has been submitted, so its answers can no longer change.")
        if is_expired(attempt, now):
            _grade(attempt, FinishReason.TIME_EXPIRED, now)
            expired = True
        else:
            return _save(attempt, answers, base_sequence, now)
    if expired:
        raise TimeUp(
            "The time limit has passed. Your attempt was submitted with the answers saved before the deadline."
        )
    raise AssertionError("unreachable")


def _save(attempt: QuizAttempt, answers, base_sequence, now) -> SaveResult:
    items = attempt.item_by_slot()
    cleaned: dict[int, dict] = {}
    bases: dict[int, int] = {}
    for slot, raw in answers.items():
        if slot not in items:
            raise InvalidAnswer("That question isn't part of this attempt.")
        try:
            cleaned[slot] = scoring.clean_response(items[slot], raw)
        except scoring.InvalidResponse as error:
            raise InvalidAnswer(f"Question {_position(attempt, slot)}: {error}") from error
        base = base_sequence if isinstance(base_sequence, int) else base_sequence.get(slot)
        if not isinstance(base, int) or base < 0 or base > attempt.sequence:
            raise InvalidAnswer("The page sent an out-of-date or unknown save number. Reload the page and try again.")
        bases[slot] = base
    if not cleaned:
        return SaveResult(attempt, attempt.sequence)
    rows = {row.slot: row for row in AttemptAnswer.objects.filter(attempt=attempt, slot__in=list(cleaned))}
    changed: list[AttemptAnswer] = []
    conflicts: list[int] = []
    for slot, response in cleaned.items():
        row = rows[slot]
        if row.response == response:
            continue
        if row.saved_seq > bases[slot]:
            conflicts.append(slot)
            continue
        row.response = response
        changed.append(row)
    if conflicts:
        numbers = ", ".join(str(_position(attempt, slot)) for slot in sorted(conflicts))
        raise StaleAnswer(
            f"Your answer to question {numbers} was changed in another window or device after this page was "
            "opened, so nothing was saved. Reload the page to see your latest answers.",
            slots=sorted(conflicts),
        )
    if changed:
        attempt.sequence += 1
        for row in changed:
            row.saved_seq = attempt.sequence
            row.saved_at = now
        write_responses(answers=changed)
        attempt.last_saved_at = now
        QuizAttempt.objects.filter(pk=attempt.pk).update(sequence=attempt.sequence, last_saved_at=now)
    return SaveResult(attempt, attempt.sequence, sorted(row.slot for row in changed))


def _position(attempt: QuizAttempt, slot: int) -> int:
    for index, item in enumerate(attempt.items, start=1):
        if item["slot"] == slot:
            return index
    return slot


# ---------------------------------------------------------------------------------------------
# Submitting and grading
# ---------------------------------------------------------------------------------------------


@dataclass
class SubmitResult:
    attempt: QuizAttempt
    already_graded: bool


def submit_attempt(
    attempt_id: int, user, *, sequence: int | None, now: datetime | None = None, time_up: bool = False
) -> SubmitResult:
    """Finish and grade the learner's attempt, once.

    ``sequence`` is what the confirmation page showed: if answers changed since (another tab), the
    learner confirms again. When the time limit has passed (``time_up`` from the timer, at most
    ``timer_lead()`` before the deadline, or a deadline gone by), the attempt is graded with whatever
    is saved.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = lock_attempt(attempt_id, user)
        if not attempt.is_open:
            return SubmitResult(attempt, already_graded=True)
        timer_ran_out = time_up and attempt.deadline is not None and now >= attempt.deadline - timer_lead()
        if is_expired(attempt, now) or timer_ran_out:
            reason = FinishReason.TIME_EXPIRED
        else:
            reason = FinishReason.SUBMITTED
            if sequence != attempt.sequence:
                raise StaleAnswer(
                    "Your answers changed since this page was opened (perhaps in another window). "
                    "Check the list of unanswered questions again, then submit."
                )
        graded = _grade(attempt, reason, now)
    return SubmitResult(graded or attempt, already_graded=graded is None)


def _grade(attempt: QuizAttempt, reason: str, now: datetime) -> QuizAttempt | None:
    """Grade a locked, open attempt and send ``quiz_attempt_graded``; None if it was graded meanwhile."""
    answers = list(AttemptAnswer.objects.filter(attempt=attempt).order_by("slot"))
    result = scoring.grade_attempt(attempt.items, {str(answer.slot): answer.response for answer in answers})
    passed = scoring.attempt_passed(
        result.percent,
        attempt.pass_mark,
        critical=result.critical,
        critical_fails_quiz=attempt.critical_error_fails_quiz,
    )
    fields = {
        "status": AttemptStatus.GRADED,
        "finish_reason": reason,
        "submitted_at": now,
        "score": result.score,
        "max_score": result.max_score,
        "percent": result.percent,
        "passed": passed,
        "critical_error": result.critical,
    }
    claimed = QuizAttempt.objects.filter(pk=attempt.pk, status=AttemptStatus.IN_PROGRESS).update(**fields)
    if not claimed:
        return None
    forget_learner(attempt.user_id)
    for name, value in fields.items():
        setattr(attempt, name, value)
    by_slot = {item["slot"]: question for item, question in zip(attempt.items, result.questions, strict=True)}
    for answer in answers:
        graded = by_slot.get(answer.slot)
        if graded is None:
            continue
        answer.points = graded.points
        answer.max_points = graded.max_points
        answer.state = graded.state
        answer.details = graded.as_dict()
    # Versions for the statistics, then the grades onto the answers in one statement (graded_answers).
    statistics_records.assign_versions(graded=[(attempt, answers)], now=now, remember=True)
    write_grades(attempt_id=attempt.pk, answers=answers)
    statistics_records.record_choices(graded=[(attempt, answers)])
    quiz_passed = _quiz_passed(attempt, passed)
    quiz_attempt_graded.send(
        sender=QuizAttempt,
        attempt=attempt,
        user=attempt.user,
        quiz=attempt.quiz,
        passed=quiz_passed,
    )
    return attempt


def _quiz_passed(attempt: QuizAttempt, passed: bool) -> bool:
    """Whether the learner's grade for the quiz passes now that this attempt is graded (`scoring.quiz_grade`
    over every graded attempt), without reading them all when this attempt, the newest, settles it: it is the
    latest; a passing attempt is the highest; the first attempt is the first."""
    from .selectors import has_passing_attempt, quiz_result

    method = attempt.quiz.grading_method
    if method == scoring.LATEST or (method == scoring.FIRST and attempt.number == 1):
        return passed
    if method == scoring.HIGHEST:
        return passed or has_passing_attempt(attempt.user, attempt.quiz)
    standing = quiz_result(attempt.user, attempt.quiz)
    return bool(standing and standing.passed)


def finalise_if_expired(attempt_id: int, user, *, now: datetime | None = None) -> bool:
    """Grade the attempt if its time ran out; True if it was finalised now."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = lock_attempt(attempt_id, user)
        if not is_expired(attempt, now):
            return False
        return _grade(attempt, FinishReason.TIME_EXPIRED, now) is not None


def finalise_expired_for(user, quiz: QuizPage, *, now: datetime | None = None) -> None:
    """Finalise the learner's open attempt at this quiz if its time ran out (lazily, when they come back)."""
    now = now or timezone.now()
    expired = (
        QuizAttempt.objects.filter(quiz=quiz, user=user, status=AttemptStatus.IN_PROGRESS, deadline__lt=now - grace())
        .values_list("pk", flat=True)
        .first()
    )
    if expired:
        finalise_if_expired(expired, user, now=now)


def finalise_expired_attempts(*, now: datetime | None = None) -> int:
    """Grade every attempt whose time ran out (the close_expired_attempts command). Returns how many."""
    now = now or timezone.now()
    count = 0
    pending = QuizAttempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__lt=now - grace()).values_list(
        "pk", flat=True
    )
    for attempt_id in list(pending):
        with transaction.atomic():
            attempt = (
                QuizAttempt.objects.select_for_update(of=("self",))
                .select_related("quiz", "user")
                .filter(pk=attempt_id)
                .first()
            )
            if attempt is not None and is_expired(attempt, now) and _grade(attempt, FinishReason.TIME_EXPIRED, now):
                count += 1
    return count
