"""A new attempt's rows (quizzes.new_attempts): PostgreSQL's one statement writes what the ORM writes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes import new_attempts
from quizzes.models import AttemptAnswer, QuizAttempt
from quizzes.question_sets import build_items

pytestmark = pytest.mark.django_db


def unsaved(quiz, user) -> QuizAttempt:
    now = timezone.now()
    items = build_items(quiz)
    return QuizAttempt(
        quiz=quiz,
        user=user,
        number=1,
        started_at=now,
        deadline=now + timedelta(minutes=20),
        items=items,
        layout=quiz.layout,
        pass_mark=quiz.pass_mark,
        max_score=len(items),
    )


def empty_answers(attempt) -> list[AttemptAnswer]:
    return [AttemptAnswer(slot=item["slot"], question_id=item["question_id"]) for item in attempt.items]


def stored(attempt_id: int) -> tuple[dict, list[dict]]:
    row = QuizAttempt.objects.values().get(pk=attempt_id)
    answers = list(AttemptAnswer.objects.filter(attempt_id=attempt_id).order_by("slot").values())
    return (
        {name: value for name, value in row.items() if name not in {"id", "user_id", "items"}},
        [{name: value for name, value in answer.items() if name not in {"id", "attempt_id"}} for answer in answers],
    )


def test_a_new_attempt_has_an_empty_answer_for_each_question(quiz, learner):
    attempt = new_attempts.insert_attempt(attempt=unsaved(quiz, learner))
    assert attempt.pk and not attempt._state.adding
    saved = QuizAttempt.objects.get(pk=attempt.pk)
    assert saved.items == attempt.items and saved.status == "in_progress" and saved.sequence == 0
    answers = list(saved.answers.order_by("slot"))
    assert [(a.slot, a.question_id) for a in answers] == [(i["slot"], i["question_id"]) for i in attempt.items]
    assert all(a.response == {} and a.points is None and a.state == "" for a in answers)


def test_postgresql_writes_in_one_statement_what_the_orm_writes(quiz, learner, other_learner):
    if connection.vendor != "postgresql":
        pytest.skip("the one statement is PostgreSQL's")
    first, second = unsaved(quiz, learner), unsaved(quiz, other_learner)
    second.items, second.started_at, second.deadline = first.items, first.started_at, first.deadline
    with CaptureQueriesContext(connection) as captured:
        new_attempts._insert_in_postgres(
            first, [AttemptAnswer(slot=i["slot"], question_id=i["question_id"]) for i in first.items]
        )
    assert len(captured) == 1
    new_attempts._insert_with_the_orm(
        second, [AttemptAnswer(slot=i["slot"], question_id=i["question_id"]) for i in second.items]
    )
    assert stored(first.pk) == stored(second.pk)
    assert QuizAttempt.objects.get(pk=first.pk).items == QuizAttempt.objects.get(pk=second.pk).items
