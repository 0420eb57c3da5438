"""Writing an attempt's grades onto its answers, once, when the attempt is graded (`services._grade`).

Each answer gets its points, the points it could have earned, its state (right, partly right, wrong…), the
per-question details the review shows and the version of the question it answered (for the statistics).

On PostgreSQL that is one UPDATE from a list of values: one round trip whatever the number of questions,
each value passed as a plain parameter. SQLite deletes the rows and inserts them again in one multi-row
INSERT (far cheaper than an UPDATE per row). Before, PostgreSQL did that too: the DELETE and the INSERT
took two round trips, and Django's multi-row INSERT sends the JSON columns as arrays, which psycopg
escapes character by character in Python, a quarter of a submit's time. Nothing refers to an open
attempt's answers yet (their chosen options are recorded after this), so the DELETE is issued as it is.
The two paths write the same rows: `tests/quizzes/test_graded_answers.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from .models import AttemptAnswer

# The columns written, with the type PostgreSQL reads each parameter as.
COLUMNS = {"points": "numeric", "max_points": "numeric", "state": "varchar", "details": "jsonb", "version_id": "bigint"}


def write_grades(*, attempt_id: int, answers: Sequence[AttemptAnswer]) -> None:
    """Save the grading fields of `answers` (all of one attempt, already in the database)."""
    if not answers:
        return
    if connection.vendor == "postgresql":
        _update_in_postgres(answers)
    else:
        AttemptAnswer.objects.filter(attempt_id=attempt_id)._raw_delete(AttemptAnswer.objects.db)
        AttemptAnswer.objects.bulk_create(answers)


def _update_in_postgres(answers: Sequence[AttemptAnswer]) -> None:
    fields = [AttemptAnswer._meta.get_field(name) for name in COLUMNS]
    row = "(%s::bigint, " + ", ".join(f"%s::{kind}" for kind in COLUMNS.values()) + ")"
    params: list = []
    for answer in answers:
        params.append(answer.pk)
        for field in fields:
            params.append(field.get_db_prep_save(getattr(answer, field.attname), connection))
    table = connection.ops.quote_name(AttemptAnswer._meta.db_table)
    assignments = ", ".join(f"{name} = v.{name}" for name in COLUMNS)
    sql = (
        f"UPDATE {table} AS a SET {assignments} FROM (VALUES {', '.join([row] * len(answers))}) "
        f"AS v(id, {', '.join(COLUMNS)}) WHERE a.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
