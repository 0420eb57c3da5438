"""A learner's place at an event: registered, on the waiting list, or cancelled.

A cancelled registration stays as a record; registering again makes a new one. The database holds
one active (registered or waiting) registration per learner and event. Attendance, when it is
recorded, belongs to a registration.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from ..choices import EventStatus, RegistrationStatus

ACTIVE_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)
NOTICE_STATUSES = (EventStatus.CANCELLED, EventStatus.POSTPONED)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def registered(self):
        return self.filter(status=RegistrationStatus.REGISTERED)

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="registrations")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations")
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    # The waiting list is served in the order people joined it: by created_at, then id.
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    promoted_at = models.DateTimeField(null=True, blank=True, help_text="When a place came free for them.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # The event status (cancelled or postponed) this registrant was last told about by e-mail; blank: none.
    notified_status = models.CharField(max_length=20, blank=True, choices=EventStatus.choices)
    # The credit this registration earned once attendance was complete (see events/attendance_credit.py).
    credit_record = models.OneToOneField(
        "credit.CreditRecord", null=True, blank=True, on_delete=models.SET_NULL, related_name="registration"
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "learner"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="events_registration_one_active_per_learner",
                violation_error_message="You are already registered for this event.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values), name="events_registration_status_known"
            ),
            models.CheckConstraint(
                condition=Q(status=RegistrationStatus.CANCELLED, cancelled_at__isnull=False)
                | (~Q(status=RegistrationStatus.CANCELLED) & Q(cancelled_at__isnull=True)),
                name="events_registration_cancelled_has_date",
            ),
            models.CheckConstraint(
                condition=Q(notified_status__in=["", *NOTICE_STATUSES]),
                name="events_registration_notice_is_cancel_or_postpone",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="events_reg_event_status")]

    def __str__(self) -> str:
        return f"{self.learner} – {self.event} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
