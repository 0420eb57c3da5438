"""Vocabularies for questions, quizzes and attempts. Values match the constants in quizzes.scoring."""

from django.db import models

from . import scoring


class MultipleResponseScoring(models.TextChoices):
    PARTIAL = scoring.PARTIAL, "Partial credit: +1/k per right option chosen, −1/k per wrong one (never below 0)"
    ALL_OR_NOTHING = scoring.ALL_OR_NOTHING, "All or nothing: exactly the right options"


class OrderingScoring(models.TextChoices):
    ADJACENT = scoring.ADJACENT, "Partial credit for each neighbouring pair in the right order"
    POSITION = scoring.POSITION, "Partial credit for each item in its right position"
    ALL_OR_NOTHING = scoring.ALL_OR_NOTHING, "All or nothing: the whole sequence right"


class StepKind(models.TextChoices):
    SINGLE = scoring.SINGLE_STEP, "Choose one"
    MULTIPLE = scoring.MULTIPLE_STEP, "Choose all that apply"


class GradingMethod(models.TextChoices):
    HIGHEST = scoring.HIGHEST, "Highest attempt"
    LATEST = scoring.LATEST, "Latest attempt"
    FIRST = scoring.FIRST, "First attempt"
    AVERAGE = scoring.AVERAGE, "Average of all attempts"


class QuizLayout(models.TextChoices):
    ONE_PER_PAGE = "one_per_page", "One question per page"
    ALL_ON_ONE_PAGE = "all_on_one_page", "All questions on one page"


class ReviewDetail(models.TextChoices):
    SCORE = "score", "Score only"
    CORRECTNESS = "correctness", "Score and which questions were right"
    FULL = "full", "Full review: answers, feedback, explanations"


class ReviewTiming(models.TextChoices):
    AFTER_EACH = "after_each", "After each attempt"
    AFTER_LAST = "after_last", "Only after the learner's last attempt"


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    GRADED = "graded", "Graded"


class FinishReason(models.TextChoices):
    SUBMITTED = "submitted", "Submitted by the learner"
    TIME_EXPIRED = "time_expired", "Time ran out"
