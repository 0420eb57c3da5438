"""The course report's filter: the period (from/to dates), the learner table's sort and page. Read from GET."""

from __future__ import annotations

from datetime import date

from django import forms

from .course_learners import DEFAULT_SORT, SORTS

# Dates outside these are typing slips (0026 for 2026); the form says so rather than drawing centuries.
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)


class CourseReportFilterForm(forms.Form):
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="Enrolled on or after."
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="Enrolled on or before."
    )
    sort = forms.ChoiceField(
        label="Sort learners by",
        required=False,
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        initial=DEFAULT_SORT,
    )

    def clean_since(self):
        return self._in_range(self.cleaned_data.get("since"))

    def clean_until(self):
        return self._in_range(self.cleaned_data.get("until"))

    @staticmethod
    def _in_range(value):
        if value and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(f"Choose a date between {EARLIEST:%Y} and {LATEST:%Y}.")
        return value

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end of the period comes before its start.")
        return cleaned

    def period(self) -> dict:
        """since/until/sort for the selectors: the whole history when the form is empty or has errors."""
        if not self.is_valid():
            return {"since": None, "until": None, "sort": DEFAULT_SORT}
        return {
            "since": self.cleaned_data.get("since"),
            "until": self.cleaned_data.get("until"),
            "sort": self.cleaned_data.get("sort") or DEFAULT_SORT,
        }
