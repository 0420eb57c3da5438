"""An event's sessions: the sittings whose times calendars and the date filters use."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .. import schedule
from ..fields import ZonedDateTimeField

# Check-in codes: six characters without look-alikes (no 0/O, 1/I/L), read off a slide or a whiteboard.
CHECK_IN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CHECK_IN_LENGTH = 6


def new_check_in_code() -> str:
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(CHECK_IN_LENGTH))


class EventSession(Orderable):
    """One sitting of an event: a day of a workshop, a webinar, or an on-demand course's access window."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="sessions")
    starts_at = ZonedDateTimeField("starts", help_text="Local time in the event's time zone.")
    ends_at = ZonedDateTimeField("ends", help_text="Local time in the event's time zone.")
    # Local calendar days in the event's zone, so "events on 14 March" means 14 March where it happens.
    starts_on = models.DateField(editable=False, db_index=True)
    ends_on = models.DateField(editable=False, db_index=True)
    uid = models.UUIDField("calendar ID", default=uuid.uuid4, editable=False, db_index=True)
    # Shown in the room or on the webinar; learners type it to check in while the session is on.
    check_in_code = models.CharField(max_length=CHECK_IN_LENGTH, default=new_check_in_code, editable=False)

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = "session"

    def __str__(self) -> str:
        if self.starts_at and self.ends_at and self.page_id:
            return self.when
        return "Session"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The session ends before it starts: check the end date and time."})

    def save(self, *args, **kwargs):
        zone = self.page.time_zone
        self.starts_on = schedule.to_local(self.starts_at, zone).date()
        self.ends_on = schedule.to_local(self.ends_at, zone).date()
        return super().save(*args, **kwargs)

    @property
    def local_start(self):
        return schedule.to_local(self.starts_at, self.page.time_zone)

    @property
    def local_end(self):
        return schedule.to_local(self.ends_at, self.page.time_zone)

    @property
    def length_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def when(self) -> str:
        return schedule.format_session(self.starts_at, self.ends_at, self.page.time_zone)
