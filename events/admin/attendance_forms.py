"""The roster's two forms: tick several people and mark them at once, or set one person's mark in full.

Both only accept people holding a place at the event; anything else is a form error, never a 500.
"""

from django import forms

from ..models import EventSession, Registration

PRESENT, ABSENT = "present", "absent"
MARK_CHOICES = [(PRESENT, "Present"), (ABSENT, "Absent")]
NOT_REGISTERED = "That person holds no place at this event, so their attendance cannot be taken."


def _choices(registrations: list[Registration]) -> list[tuple[str, str]]:
    return [(str(registration.pk), str(registration.pk)) for registration in registrations]


class BulkMarkForm(forms.Form):
    """ "Mark selected present" / "Mark selected absent": the button pressed is the `mark` value."""

    registrations = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            "required": "Tick at least one person on the roster first.",
            "invalid_choice": NOT_REGISTERED,
        },
    )
    mark = forms.ChoiceField(
        choices=MARK_CHOICES,
        error_messages={"required": "Choose present or absent.", "invalid_choice": "Choose present or absent."},
    )

    def __init__(self, *args, registrations: list[Registration], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].choices = _choices(registrations)


class MarkForm(forms.Form):
    """One person's mark for one session: present (all of it, or some minutes) or absent, with a note."""

    registration = forms.TypedChoiceField(
        coerce=int, widget=forms.HiddenInput, error_messages={"invalid_choice": NOT_REGISTERED}
    )
    attendance = forms.ChoiceField(
        choices=MARK_CHOICES,
        widget=forms.RadioSelect,
        label="Mark",
        error_messages={"required": "Choose present or absent."},
    )
    minutes = forms.IntegerField(
        required=False,
        min_value=0,
        label="Minutes attended",
        help_text="Leave blank for the whole session.",
        error_messages={"invalid": "Minutes attended must be a whole number, such as 240."},
    )
    note = forms.CharField(required=False, max_length=300, label="Note")

    def __init__(self, *args, session: EventSession, registrations: list[Registration], **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["registration"].choices = _choices(registrations)
        self.fields["minutes"].widget.attrs.update({"max": session.length_minutes, "inputmode": "numeric"})

    def clean_minutes(self):
        minutes = self.cleaned_data.get("minutes")
        if minutes is not None and minutes > self.session.length_minutes:
            raise forms.ValidationError(
                f"This session is {self.session.length_minutes} minutes long; minutes attended cannot be more. "
                "Leave blank for the whole session."
            )
        return minutes

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attendance") == ABSENT and cleaned.get("minutes"):
            self.add_error("minutes", "Leave minutes blank for someone marked absent, or mark them present.")
        return cleaned

    @property
    def present(self) -> bool:
        return self.cleaned_data["attendance"] == PRESENT
