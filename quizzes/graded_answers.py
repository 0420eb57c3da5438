"""Writing an attempt's answers in one statement: the grades when it is graded (`services._grade`), and the
responses each time answers are saved while it is open (`services.save_answers`).

When graded, each answer gets its points, the points it could have earned, its state (right, partly right,
wrong…), the per-question details the review shows and the version of the question it answered (for the
statistics). A save writes the response, the save number and the time.

On PostgreSQL each is one UPDATE from one array per column (`bound_sql.update_by_id`): one round trip
whatever the number of questions, and the same statement for every quiz. For the grades SQLite deletes the
rows and inserts them again in one multi-row INSERT (far cheaper than an UPDATE per row); for a save it uses
Django's `bulk_update` (one UPDATE with a CASE per column, which on PostgreSQL cost a third of an autosave's
CPU to build). Before, PostgreSQL deleted and inserted the grades too: two round trips, and Django's
multi-row INSERT sends the JSON columns as arrays, which psycopg escapes character by character in Python, a
quarter of a submit's time. Nothing refers to an open attempt's answers yet (their chosen options are
recorded after this), so the DELETE is issued as it is. The paths write the same rows:
`tests/quizzes/test_graded_answers.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from .bound_sql import update_by_id
from .models import AttemptAnswer

# The fields written when an attempt is graded, and when answers are saved while it is open.
COLUMNS = ["points", "max_points", "state", "details", "version"]
RESPONSE_COLUMNS = ["response", "saved_seq", "saved_at"]


def write_grades(*, attempt_id: int, answers: Sequence[AttemptAnswer]) -> None:
    """Save the grading fields of `answers` (all of one attempt, already in the database)."""
    if not answers:
        return
    if connection.vendor == "postgresql":
        update_by_id(AttemptAnswer, answers, COLUMNS)
    else:
        AttemptAnswer.objects.filter(attempt_id=attempt_id)._raw_delete(AttemptAnswer.objects.db)
        AttemptAnswer.objects.bulk_create(answers)


def write_responses(*, answers: Sequence[AttemptAnswer]) -> None:
    """Save the responses of `answers` (of one open attempt) with the save number and time each was saved."""
    if not answers:
        return
    if connection.vendor == "postgresql":
        update_by_id(AttemptAnswer, answers, RESPONSE_COLUMNS)
    else:
        AttemptAnswer.objects.bulk_update(answers, RESPONSE_COLUMNS)
