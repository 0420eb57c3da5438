"""The Cancel event and Postpone event forms: a reason learners will read, and for a postponement a new date.

Anything wrong (no reason, a date that has passed or is not a date) is a form error, never a 500.
"""

from django import forms
from django.utils import timezone

from .. import schedule
from ..models import EventPage
from ..status_changes import REASON_MAX_LENGTH


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Learners read it on the event page and in the e-mail, for example: "
        "“Our instructor is unwell and we could not find a replacement”.",
        error_messages={
            "required": "Give a reason: learners read it in the e-mail and on the event page.",
            "max_length": f"Keep the reason to {REASON_MAX_LENGTH} characters.",
        },
    )

    def __init__(self, *args, event: EventPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_reason(self) -> str:
        # The reason ends a sentence on the page ("Postponed: <reason>. New date: …"), so one full stop is ours.
        reason = " ".join(self.cleaned_data["reason"].split()).rstrip(".").strip()
        if not reason:
            raise forms.ValidationError("Give a reason: learners read it in the e-mail and on the event page.")
        return reason


class PostponeEventForm(CancelEventForm):
    new_date = forms.DateField(
        label="New date (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The new first day, if you know it. Leave blank and learners read “New dates to be announced”. "
        "Enter the new session times in the editor when they are settled.",
        error_messages={"invalid": "Enter the new date as year-month-day, for example 2026-03-14, or leave it blank."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = schedule.to_local(timezone.now(), self.event.time_zone).date()  # in the event's time zone
        self.fields["new_date"].widget.attrs["min"] = self.today.isoformat()

    def clean_new_date(self):
        new_date = self.cleaned_data.get("new_date")
        if new_date is not None and new_date < self.today:
            raise forms.ValidationError("The new date has passed: choose a later date, or leave it blank.")
        return new_date
