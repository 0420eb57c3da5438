"""Editor forms for CE hours, shared by the course editor and the event editor (events imports these).

Kept free of model imports so `CoursePage.base_form_class` can point here without a cycle.
"""

from django import forms
from django.core.exceptions import ValidationError
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel

from .ce_hours import HALF_HOUR_MESSAGE, category_hours_problem

CATEGORY_LINKS = "ce_category_links"


def use_half_hour_message(field: forms.Field | None) -> None:
    """Say the half-hour rule where Django would say "no more than 1 decimal place" (1.25, 2.75)."""
    if field is not None:
        field.error_messages = {**field.error_messages, "max_decimal_places": HALF_HOUR_MESSAGE}


class CECategoryFormSet(BaseChildFormSet):
    """The CE categories of a course or event: their hours must reconcile with its CE hours (see ce_hours)."""

    # The page form this formset belongs to; set by CEHoursFormMixin so clean() can read the CE hours.
    owner_form = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        use_half_hour_message(form.fields.get("hours"))

    def clean(self):
        super().clean()
        owner = self.owner_form
        if owner is None or owner.is_deferred_validation or any(self.errors):
            # A draft may still be half filled in; a row with its own error says so first.
            return
        if "ce_hours" in owner.fields:
            ce_hours = getattr(owner, "cleaned_data", {}).get("ce_hours")
        else:
            ce_hours = owner.instance.ce_hours
        if ce_hours is None:
            return  # The CE hours field shows its own error.
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data.get("category") and not (self.can_delete and self._should_delete_form(form))
        ]
        problem = category_hours_problem(
            ce_hours=ce_hours,
            category_hours=[row.get("hours") for row in kept],
            noun=owner.instance._meta.verbose_name,
        )
        if problem:
            raise ValidationError(problem, code="category_hours")


class CECategoryInlinePanel(InlinePanel):
    """The CE categories panel; its formset checks the categories' hours against the CE hours."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = CECategoryFormSet
        return options


class CEHoursFormMixin:
    """For a page form with a `ce_hours` field and a CE categories panel."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_half_hour_message(self.fields.get("ce_hours"))
        categories = self.formsets.get(CATEGORY_LINKS)
        if isinstance(categories, CECategoryFormSet):
            categories.owner_form = self


class CoursePageForm(CEHoursFormMixin, WagtailAdminPageForm):
    pass
