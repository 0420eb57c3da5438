"""Attendance: who was in the room (or on the webinar) for each session, and every change to it.

One row per registration and session. The provider's team marks it on the roster, or the learner checks
in with the session's code; either way the row says who marked it and how. Every change writes an
`AttendanceChange` with the values before and after, so a board's audit can follow it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q


class AttendanceSource(models.TextChoices):
    ROSTER = "roster", "Marked on the roster"
    CHECK_IN = "check_in", "Checked in with the session code"


class SessionAttendance(models.Model):
    registration = models.ForeignKey("events.Registration", on_delete=models.CASCADE, related_name="attendance")
    session = models.ForeignKey("events.EventSession", on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField()
    # Blank when present: the whole session. Counted against the session's length for full attendance.
    minutes_attended = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(24 * 60)])
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=20, choices=AttendanceSource.choices, default=AttendanceSource.ROSTER)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField()

    class Meta:
        ordering = ["session__starts_at", "registration__created_at"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="events_attendance_once_per_session"),
            models.CheckConstraint(
                condition=Q(present=True) | Q(minutes_attended__isnull=True) | Q(minutes_attended=0),
                name="events_attendance_absent_has_no_minutes",
            ),
        ]
        verbose_name = "session attendance"

    def __str__(self) -> str:
        return f"{self.registration.learner} at {self.session}: {'present' if self.present else 'absent'}"

    def as_audit(self) -> dict:
        return {"present": self.present, "minutes_attended": self.minutes_attended, "note": self.note}


class AttendanceChange(models.Model):
    """Who changed a learner's attendance for a session, when, and what it was before and after."""

    registration = models.ForeignKey("events.Registration", on_delete=models.CASCADE, related_name="attendance_changes")
    session = models.ForeignKey("events.EventSession", on_delete=models.CASCADE, related_name="attendance_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()
    source = models.CharField(max_length=20, choices=AttendanceSource.choices)
    before = models.JSONField(null=True, blank=True, help_text="Blank: attendance had not been taken.")
    after = models.JSONField()
    # What the change did to the learner's credit, in words: "Credit issued", "Credit withdrawn", …
    credit_effect = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["registration", "changed_at"], name="events_att_change_reg")]

    def __str__(self) -> str:
        return f"{self.changed_at:%Y-%m-%d %H:%M} {self.registration.learner}: {self.before} → {self.after}"
