"""Writing an attempt's grades onto its answers, once, when the attempt is graded (`services._grade`).

Each answer gets its points, the points it could have earned, its state (right, partly right, wrong…), the
per-question details the review shows and the version of the question it answered (for the statistics).

On PostgreSQL that is one UPDATE from one array per column (`bound_sql`): one round trip whatever the number
of questions, and the same statement for every quiz. SQLite deletes the rows and inserts them again in one multi-row
INSERT (far cheaper than an UPDATE per row). Before, PostgreSQL did that too: the DELETE and the INSERT
took two round trips, and Django's multi-row INSERT sends the JSON columns as arrays, which psycopg
escapes character by character in Python, a quarter of a submit's time. Nothing refers to an open
attempt's answers yet (their chosen options are recorded after this), so the DELETE is issued as it is.
The two paths write the same rows: `tests/quizzes/test_graded_answers.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from .bound_sql import bound_cursor, columns, unnested
from .models import AttemptAnswer

# The fields written.
COLUMNS = ["points", "max_points", "state", "details", "version"]


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
    meta = AttemptAnswer._meta
    fields = [meta.pk] + [meta.get_field(name) for name in COLUMNS]
    assignments = ", ".join(f"{field.column} = v.{field.column}" for field in fields[1:])
    sql = (
        f"UPDATE {connection.ops.quote_name(meta.db_table)} AS a SET {assignments} "
        f"FROM {unnested(fields)} WHERE a.id = v.id"
    )
    with bound_cursor() as cursor:
        cursor.execute(sql, columns(answers, fields, adding=False))
