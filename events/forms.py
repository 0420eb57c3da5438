"""The listing's filters. Bad values become a message beside the form, never an error page."""

from decimal import Decimal

from django import forms

from courses.choices import DeliveryMethod
from courses.models import CECategory

from .selectors import listed_providers, listed_regions

FILTER_FIELDS = (
    "category",
    "delivery",
    "hands_on",
    "region",
    "city",
    "date_from",
    "date_to",
    "min_hours",
    "provider",
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RegionField(forms.ChoiceField):
    """A choice of listed regions that accepts any capitalisation in a typed or shared address."""

    def to_python(self, value):
        value = super().to_python(value).strip()
        for choice, _ in self.choices:
            if choice.casefold() == value.casefold():
                return choice
        return value


class EventFilterForm(forms.Form):
    category = forms.ModelChoiceField(
        queryset=CECategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any category",
        label="CE category",
    )
    delivery = forms.ChoiceField(
        choices=[("", "Any delivery")] + list(DeliveryMethod.choices), required=False, label="Delivery"
    )
    hands_on = forms.BooleanField(required=False, label="Hands-on workshops only")
    region = RegionField(required=False, label="State or region")
    city = forms.CharField(required=False, max_length=80, label="City")
    date_from = forms.DateField(required=False, label="From", widget=DateInput())
    date_to = forms.DateField(required=False, label="Until", widget=DateInput())
    min_hours = forms.DecimalField(
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("999"),
        decimal_places=1,
        label="At least (CE hours)",
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    provider = forms.ModelChoiceField(
        queryset=listed_providers(),
        to_field_name="slug",
        required=False,
        empty_label="Any provider",
        label="Provider",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = listed_providers()
        self.fields["region"].choices = [("", "Anywhere")] + [(region, region) for region in listed_regions()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            # Keep the other filters; only the impossible range is dropped.
            cleaned.pop("date_from")
            cleaned.pop("date_to")
            raise forms.ValidationError("The “From” date is after the “Until” date, so the dates were ignored.")
        return cleaned

    def usable_filters(self) -> dict:
        """The filters that validated: one bad value does not throw the others away."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in FILTER_FIELDS if name in data and data[name] not in (None, "", False)}
