"""What provider and event pages share: their time zone field's rules and how a postal address reads."""

from django import forms
from django.core.exceptions import ValidationError

from .. import schedule

DEFAULT_TIME_ZONE = "America/New_York"


def validate_time_zone(value: str) -> None:
    if not schedule.is_known_time_zone(value):
        raise ValidationError(f"{value!r} is not a time zone name such as America/New_York.")


def time_zone_select() -> forms.Select:
    return forms.Select(choices=schedule.time_zone_choices())


class PostalAddressMixin:
    """A page's postal address as the lines of an envelope, for the page and for calendar entries.

    The page has `street_address` (one line per line), `city`, `region`, `postal_code` and `country`
    fields; `address_name_field` names a field whose value heads the address (an event's venue).
    """

    address_name_field: str | None = None

    @property
    def address_lines(self) -> list[str]:
        name = getattr(self, self.address_name_field) if self.address_name_field else ""
        lines = [name] if name else []
        lines += [line.strip() for line in self.street_address.splitlines() if line.strip()]
        locality = ", ".join(part for part in (self.city, self.region) if part)
        locality = f"{locality} {self.postal_code}".strip()
        return [*lines, *(part for part in (locality, self.country) if part)]
