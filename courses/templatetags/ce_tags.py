from decimal import Decimal

from django import template

from courses import reading

register = template.Library()


@register.filter
def ces(hours: Decimal | int | str | None) -> str:
    """CE hours as boards expect them written: "1 CE", "2.5 CEs" (never "CEUs")."""
    if hours in (None, ""):
        return ""
    return reading.format_ce_hours(Decimal(str(hours)))
