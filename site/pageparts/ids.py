"""Bounds on the ids a visitor can type: in an address, a form's choice or a filter.

An id is only ever a positive whole number the database can hold. Anything else (0, -1, or a number too big
for the column, like 99999999999999999999999) names nothing, so it is "not found" in an address and
"not one of the choices" in a form, never a database error. Our own models use BigAutoField
(DEFAULT_AUTO_FIELD); Wagtail's pages (courses, modules, quizzes, events) use AutoField, a smaller range.

Importing this module registers the path converters `<id:...>` (our records) and `<page_id:...>` (pages);
every urls module that uses them imports it first, because Django reads converters as the paths are built.
"""

from django import forms
from django.db import models
from django.urls import register_converter

BIG_ID_MAX = 2**63 - 1  # BigAutoField: a signed 64-bit column on every database we run on
PAGE_ID_MAX = 2**31 - 1  # AutoField: wagtailcore.Page and anything else with a 32-bit serial key


class IdConverter:
    """A record id in an address: 1 to 2^63-1; anything else is a 404, not a database error."""

    regex = "[0-9]{1,19}"
    maximum = BIG_ID_MAX

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= self.maximum:
            raise ValueError("out of range")  # the resolver treats this as "no match": 404
        return number

    def to_url(self, value) -> str:
        return str(value)


class PageIdConverter(IdConverter):
    """A page id in an address (courses, modules, quizzes, events): 1 to 2^31-1."""

    regex = "[0-9]{1,10}"
    maximum = PAGE_ID_MAX


register_converter(IdConverter, "id")
register_converter(PageIdConverter, "page_id")


def id_maximum(model: type[models.Model]) -> int:
    """The largest id `model`'s primary key column can hold."""
    pk = model._meta.pk
    while isinstance(pk, models.ForeignKey | models.OneToOneField):  # a multi-table child: the parent's key
        pk = pk.target_field
    return BIG_ID_MAX if isinstance(pk, models.BigAutoField | models.BigIntegerField) else PAGE_ID_MAX


def is_possible_id(value, *, maximum: int = BIG_ID_MAX) -> bool:
    """True unless `value` is a whole number no id could be (≤ 0 or beyond the column); other text passes on,
    for the field's own checks to refuse."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return True
    return 1 <= number <= maximum


class _BoundedChoices:
    """Refuses an out-of-range id as an invalid choice before the database is asked about it."""

    def _check_id(self, value) -> None:
        if value in self.empty_values or getattr(self, "to_field_name", None):
            return
        if not is_possible_id(value, maximum=id_maximum(self.queryset.model)):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )


class BoundedModelChoiceField(_BoundedChoices, forms.ModelChoiceField):
    """A ModelChoiceField that says "not one of the choices" for 99999999999999999999999 instead of failing."""

    def to_python(self, value):
        self._check_id(value)
        return super().to_python(value)


class BoundedModelMultipleChoiceField(_BoundedChoices, forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses out-of-range ids as invalid choices."""

    def _check_values(self, value):
        for each in value if isinstance(value, list | tuple) else [value]:
            self._check_id(each)
        return super()._check_values(value)
