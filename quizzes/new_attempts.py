"""Writing a new attempt: its row and an empty answer for each of its questions (`services.start_attempt`).

On PostgreSQL both go in one statement, an INSERT of the attempt whose RETURNING feeds the INSERT of its
answers (a data-modifying WITH): atomic on its own, so a start outside a transaction takes one round trip
where the ORM took four (BEGIN, the attempt, the answers, COMMIT), and none of the ORM's work per row.
The answers go as one array per column (`bound_sql`), so the statement's text is the same for any quiz.
SQLite runs the same two inserts through the ORM in a transaction. Every column is written from an unsaved
model instance, so defaults and conversions are the models' own; `tests/quizzes/test_new_attempts.py`
holds the two paths to the same rows. The statement skips the model's post_save signal, whose one
receiver (the learner's kept pages) is called here instead.

The one-open-attempt constraint still decides a race: the losing statement raises IntegrityError and
inserts nothing, and `start_attempt` resumes the winner's attempt.
"""

from __future__ import annotations

from django.db import connection, transaction
from pagecache.personal import forget_learner

from .bound_sql import bound_cursor, columns, unnested
from .models import AttemptAnswer, QuizAttempt


def insert_attempt(*, attempt: QuizAttempt) -> QuizAttempt:
    """Save the unsaved `attempt` and an empty answer for each of its items; the attempt, with its id."""
    answers = [AttemptAnswer(slot=item["slot"], question_id=item["question_id"]) for item in attempt.items]
    if connection.vendor != "postgresql":
        _insert_with_the_orm(attempt, answers)
        return attempt
    if connection.in_atomic_block:
        with transaction.atomic():  # a savepoint, so a lost race leaves the surrounding transaction usable
            _insert_in_postgres(attempt, answers)
    else:
        _insert_in_postgres(attempt, answers)
    forget_learner(attempt.user_id)
    return attempt


def _insert_with_the_orm(attempt: QuizAttempt, answers: list[AttemptAnswer]) -> None:
    with transaction.atomic():
        attempt.save(force_insert=True)
        for answer in answers:
            answer.attempt = attempt
        AttemptAnswer.objects.bulk_create(answers)


def _fields(model, exclude: set[str]) -> list:
    return [field for field in model._meta.concrete_fields if not field.primary_key and field.name not in exclude]


def _insert_in_postgres(attempt: QuizAttempt, answers: list[AttemptAnswer]) -> None:
    quote = connection.ops.quote_name
    attempt_fields = _fields(QuizAttempt, exclude=set())
    answer_fields = _fields(AttemptAnswer, exclude={"attempt"})
    names = ", ".join(quote(field.column) for field in answer_fields)
    sql = (
        f"WITH new_attempt AS (INSERT INTO {quote(QuizAttempt._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in attempt_fields)}) "
        f"VALUES ({', '.join(['%s'] * len(attempt_fields))}) RETURNING id), "
        f"answers AS (INSERT INTO {quote(AttemptAnswer._meta.db_table)} (attempt_id, {names}) "
        f"SELECT new_attempt.id, {names} FROM new_attempt, {unnested(answer_fields)}) "
        "SELECT id FROM new_attempt"
    )
    params = [column[0] for column in columns([attempt], attempt_fields, adding=True)]
    params += columns(answers, answer_fields, adding=True)
    with bound_cursor() as cursor:
        cursor.execute(sql, params)
        attempt.pk = cursor.fetchone()[0]
    attempt._state.adding = False
    attempt._state.db = connection.alias
