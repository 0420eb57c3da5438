"""What the quiz statistics read: the versions of each question that attempts showed, and the options
learners chose in graded answers.

Both are written when an attempt is graded (``quizzes.services``), from the snapshot the attempt
stored, so an edited question is analysed as each learner saw it. See :mod:`quizzes.versions` for what
makes a version.
"""

from __future__ import annotations

from django.db import models

from .attempts import AttemptAnswer, QuizAttempt
from .bank import Question


class QuestionVersion(models.Model):
    """One version of a question as attempts showed it. ``number`` counts 1, 2, … in the order the
    versions were first graded; ``content`` is :func:`quizzes.versions.canonical` of the snapshot item,
    the option labels the statistics show."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    fingerprint = models.CharField(max_length=64)
    content = models.JSONField()
    first_graded_at = models.DateTimeField()

    class Meta:
        ordering = ["question", "number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "fingerprint"], name="unique_question_version_content"),
            models.UniqueConstraint(fields=["question", "number"], name="unique_question_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.question} — version {self.number}"


class ChosenOption(models.Model):
    """One option a learner chose in a graded answer, for the distractor analysis.

    ``step`` is 0 for a question without steps and n for step n of a case scenario; ``option`` is the
    option's index in its version's ``content`` (the fixed order, not the order the learner saw).
    ``attempt`` repeats the answer's attempt so the statistics join the attempt's score directly.
    """

    answer = models.ForeignKey(AttemptAnswer, on_delete=models.CASCADE, related_name="chosen_options")
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(QuestionVersion, on_delete=models.CASCADE, related_name="choices")
    step = models.PositiveSmallIntegerField(default=0)
    option = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["version", "step", "option"], name="chosen_option_version"),
            # The statistics count the options chosen in the chosen attempts, from the index alone.
            models.Index(fields=["attempt", "version", "step", "option"], name="chosen_option_attempt"),
        ]

    def __str__(self) -> str:
        return f"{self.answer}: step {self.step}, option {self.option}"
