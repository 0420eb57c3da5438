"""A digest of every synthetic row, to check that the same seed writes the same data (ids left out)."""

from __future__ import annotations

import hashlib
import json

from credit.models import CreditRecord, Enrolment, ModuleProgress
from quizzes.models import AttemptAnswer, ChosenOption, QuizAttempt

from .people import PREFIX, scale_users


def scale_digest() -> str:
    """SHA-256 over the synthetic learners' rows, each table in a fixed order, named by natural keys."""
    users = scale_users()
    tables = [
        users.order_by("username").values_list("username", "first_name", "last_name", "email", "date_joined"),
        Enrolment.objects.filter(user__username__startswith=PREFIX)
        .order_by("user__username", "course__path")
        .values_list("user__username", "course__slug", "enrolled_at", "left_at", "completed_at", "last_module__slug"),
        ModuleProgress.objects.filter(user__username__startswith=PREFIX)
        .order_by("user__username", "module__path")
        .values_list("user__username", "module__slug", "first_visited_at", "seconds_spent", "completed_at"),
        QuizAttempt.objects.filter(user__username__startswith=PREFIX)
        .order_by("user__username", "quiz__path", "number")
        .values_list("user__username", "quiz__slug", "number", "submitted_at", "items", "score", "percent", "passed"),
        AttemptAnswer.objects.filter(attempt__user__username__startswith=PREFIX)
        .order_by("attempt__user__username", "attempt__quiz__path", "attempt__number", "slot")
        .values_list(
            "attempt__user__username",
            "attempt__quiz__slug",
            "attempt__number",
            "slot",
            "question_id",
            "response",
            "points",
            "state",
            "details",
            "version__number",
        ),  # fmt: skip
        ChosenOption.objects.filter(attempt__user__username__startswith=PREFIX)
        .order_by("attempt__user__username", "attempt__quiz__path", "attempt__number", "answer__slot", "step", "option")
        .values_list(
            "attempt__user__username",
            "attempt__quiz__slug",
            "attempt__number",
            "answer__slot",
            "version__number",
            "step",
            "option",
        ),  # fmt: skip
        CreditRecord.objects.filter(user__username__startswith=PREFIX)
        .order_by("user__username", "course__path")
        .values_list("user__username", "course__slug", "learner_name", "completed_at", "ce_hours"),
    ]
    digest = hashlib.sha256()
    for table in tables:
        for row in table.iterator(chunk_size=5000):
            digest.update(json.dumps(row, sort_keys=True, default=str).encode())
        digest.update(b"|")
    return digest.hexdigest()
