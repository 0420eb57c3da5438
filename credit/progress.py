"""Learner activity on a course: enrolment and module progress.

Models of the credit app kept in their own module (like licences.py); `credit.models` imports them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Enrolment(models.Model):
    """A learner taking a course. Leaving keeps the row (and the progress) so coming back resumes."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_module = models.ForeignKey(
        "courses.ModulePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrolment")]
        indexes = [
            models.Index(fields=["user", "left_at"]),
            # The course report picks a course's enrolments by enrolment date (reports.course_report).
            models.Index(fields=["course", "enrolled_at"], name="enrolment_course_enrolled"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.course_id}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None


class ModuleProgress(models.Model):
    """One learner's visits to one module, time spent (measured by the server) and completion."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="module_progress")
    first_visited_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    visit_count = models.PositiveIntegerField(default=0)
    seconds_spent = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="unique_module_progress")]
        indexes = [models.Index(fields=["user", "course"]), models.Index(fields=["user", "-last_seen_at"])]
        verbose_name_plural = "module progress"

    def __str__(self) -> str:
        return f"{self.user} on module {self.module_id}"
