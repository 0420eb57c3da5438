"""Attempts: one learner's go at a quiz, and their answer to each of its questions."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

from quizzes.choices import AttemptStatus, FinishReason, QuizLayout

from .bank import Question
from .quizzes import QuizPage


class QuizAttempt(models.Model):
    """One learner's go at a quiz. ``items`` is the snapshot of what it showed, answer key included;
    it never leaves the server before grading (templates get :func:`quizzes.snapshot.public_item`).

    ``sequence`` counts saves; every save names the sequence its page was showing, so a stale tab
    can't overwrite an answer saved since (see quizzes.services).
    """

    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS)
    finish_reason = models.CharField(max_length=12, choices=FinishReason.choices, blank=True)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    last_saved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0)
    items = models.JSONField(default=list)
    layout = models.CharField(max_length=20, choices=QuizLayout.choices, default=QuizLayout.ONE_PER_PAGE)
    # The quiz's rules as they were when the attempt started: later edits don't regrade it.
    pass_mark = models.PositiveSmallIntegerField()
    critical_error_fails_quiz = models.BooleanField(default=True)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    critical_error = models.BooleanField(default=False)

    class Meta:
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(status=AttemptStatus.IN_PROGRESS),
                name="one_open_attempt_per_learner_and_quiz",
            ),
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="unique_attempt_number"),
        ]
        indexes = [
            models.Index(fields=["user", "quiz", "status"], name="attempt_user_quiz_status"),
            # The quiz statistics pick a quiz's graded attempts in a date range.
            models.Index(fields=["quiz", "status", "submitted_at"], name="attempt_quiz_status_submitted"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.quiz.title} — attempt {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS

    @property
    def question_count(self) -> int:
        return len(self.items)

    @property
    def page_count(self) -> int:
        if self.layout == QuizLayout.ALL_ON_ONE_PAGE:
            return 1
        return max(1, len(self.items))

    @property
    def critical_failure(self) -> bool:
        return self.critical_error and self.critical_error_fails_quiz

    def items_on_page(self, page_number: int) -> list[dict]:
        if self.layout == QuizLayout.ALL_ON_ONE_PAGE:
            return list(self.items)
        return list(self.items[page_number - 1 : page_number])

    def page_of_slot(self, slot: int) -> int:
        if self.layout == QuizLayout.ALL_ON_ONE_PAGE:
            return 1
        for index, item in enumerate(self.items, start=1):
            if item["slot"] == slot:
                return index
        return 1

    def item_by_slot(self) -> dict[int, dict]:
        return {item["slot"]: item for item in self.items}


class AttemptAnswer(models.Model):
    """The learner's response to one question of an attempt, and its grade once graded."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    slot = models.PositiveSmallIntegerField()
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers")
    response = models.JSONField(default=dict, blank=True)
    saved_seq = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(null=True, blank=True)
    points = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    state = models.CharField(max_length=12, blank=True)
    details = models.JSONField(default=dict, blank=True)
    # Which version of the question this answer was to (set when graded; quizzes.models.statistics).
    version = models.ForeignKey(
        "quizzes.QuestionVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )

    class Meta:
        ordering = ["attempt", "slot"]
        constraints = [models.UniqueConstraint(fields=["attempt", "slot"], name="unique_answer_slot")]
        indexes = [
            # The quiz statistics sum the answers of the chosen attempts: with every column they read in
            # the index, PostgreSQL scans it alone instead of the table (its responses make it large).
            models.Index(fields=["attempt", "version", "slot", "points", "max_points"], name="answer_attempt_scores"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt} — question {self.slot}"
