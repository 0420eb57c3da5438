"""Learner-facing forms for the catalogue."""

from decimal import Decimal

from django import forms

from .choices import DeliveryMethod
from .models import CECategory


class CatalogueFilterForm(forms.Form):
    """Filters for the course catalogue. Invalid values show a message instead of failing."""

    category = forms.ModelChoiceField(
        queryset=CECategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any category",
        label="CE category",
    )
    delivery = forms.ChoiceField(
        choices=[("", "Any delivery")] + list(DeliveryMethod.choices),
        required=False,
        label="Delivery",
    )
    min_hours = forms.DecimalField(
        required=False, min_value=Decimal("0"), max_value=Decimal("999"), decimal_places=1, label="Min. CE hours"
    )
    max_hours = forms.DecimalField(
        required=False, min_value=Decimal("0"), max_value=Decimal("999"), decimal_places=1, label="Max. CE hours"
    )

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_hours"), cleaned.get("max_hours")
        if low is not None and high is not None and low > high:
            raise forms.ValidationError("The minimum CE hours can't be more than the maximum.")
        return cleaned
