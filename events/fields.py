"""Date-times typed in the event's own time zone.

Django reads form date-times in the *current* time zone (the site's, or the editor's preference),
but a provider in Florida types "10:00" meaning 10:00 in Florida whoever is signed in. The event
form tells these fields which zone to use; they still store aware UTC datetimes.
"""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import schedule


class ZonedDateTimeFormField(forms.DateTimeField):
    """A DateTimeField that reads and shows wall-clock times in `zone_name` (set by the parent form)."""

    zone_name: str | None = None

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value) and self.zone_name:
            return schedule.to_local(value, self.zone_name).replace(tzinfo=None)
        return super().prepare_value(value)

    def to_python(self, value):
        if not self.zone_name:
            return super().to_python(value)
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            local = value
        else:
            try:
                local = parse_datetime(str(value).strip())
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
            if local is None:
                local = forms.BaseTemporalField.to_python(self, value)
        try:
            return schedule.to_utc(local, self.zone_name)
        except schedule.LocalTimeError as error:
            raise ValidationError(str(error), code="ambiguous_or_skipped") from None


class ZonedDateTimeField(models.DateTimeField):
    """Stored in UTC like any DateTimeField; edited in the zone the form names."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ZonedDateTimeFormField, **kwargs})
