"""How the demo providers and events are written down, and how their data files are read and checked.

The content lives in data/providers.yaml and data/events.yaml. Reading turns each entry into one of
the frozen dataclasses below and refuses anything the loader could not use as meant: an unknown or
missing key, a value of the wrong type, a delivery method or status outside its vocabulary, a time
not written as "HH:MM", an amount that is not a number. A typo stops the demo with the place it is
in (for example `events.yaml: events[3].sessions[0].starts`) instead of loading something else.
"""

import re
from dataclasses import MISSING, dataclass, fields, is_dataclass
from datetime import time
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

import yaml

from accounts.demo import DemoAccount
from courses.choices import DeliveryMethod

from ..choices import EventStatus

DATA_DIR = Path(__file__).with_name("data")
CLOCK_TIME = re.compile(r"\d{2}:\d{2}")


class DemoDataError(ValueError):
    """A demo data file says something the loader cannot use."""


@dataclass(frozen=True)
class ProviderApprovalSpec:
    approving_body: str
    approval_number: str
    expires_in_days: int | None  # from the day the demo is loaded; None: it does not expire


@dataclass(frozen=True)
class ProviderSpec:
    account: DemoAccount  # the demo account that manages the provider's page
    title: str
    slug: str
    description: tuple[str, ...]  # rich text, see `rich_text`
    contact_email: str
    contact_phone: str
    website: str
    street_address: str
    city: str
    region: str
    postal_code: str
    time_zone: str
    approvals: tuple[ProviderApprovalSpec, ...]
    signatory_name: str = ""  # who signs certificates for credit from the provider's events
    signatory_title: str = ""


@dataclass(frozen=True)
class InstructorSpec:
    name: str
    credentials: str
    bio: str = ""


@dataclass(frozen=True)
class SessionSpec:
    """One session, dated relative to the load day and timed on the wall clock of the event's zone."""

    day: int  # days from the day the demo is loaded; negative: in the past
    starts: time
    ends: time
    end_day: int | None = None  # for a session that ends on another day (an on-demand access window)

    @property
    def last_day(self) -> int:
        return self.day if self.end_day is None else self.end_day


@dataclass(frozen=True)
class CategorySpec:
    category: str  # CE category slug
    hours: Decimal | None = None  # None: all the event's hours


@dataclass(frozen=True)
class EventApprovalSpec:
    approving_body: str
    approval_number: str


@dataclass(frozen=True)
class EventSpec:
    provider: str  # provider slug in providers.yaml
    title: str
    slug: str
    summary: str
    description: tuple[str, ...]  # rich text, see `rich_text`
    objectives: tuple[str, ...]
    instructors: tuple[InstructorSpec, ...]
    sessions: tuple[SessionSpec, ...]
    delivery: DeliveryMethod
    ce_hours: Decimal
    categories: tuple[CategorySpec, ...]
    cost: Decimal
    registration_details: str
    cancellation_policy: str
    time_zone: str = "America/New_York"
    status: EventStatus = EventStatus.SCHEDULED
    hands_on: bool = False
    venue: str = ""
    street_address: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    online_platform: str = ""
    joining_details: str = ""
    certificate_fee: Decimal | None = None
    capacity: int | None = None
    prerequisites: str = ""
    registration_url: str = ""
    registration_deadline_days: int | None = None  # from the day the demo is loaded
    approvals: tuple[EventApprovalSpec, ...] = ()
    courses: tuple[str, ...] = ()  # catalogue course slugs; linked when the catalogue demo has them
    offering_of: str = ""  # the live catalogue course (slug) this event is a scheduled offering of


@dataclass(frozen=True)
class RegistrationSpec:
    event: str  # event slug in events.yaml
    learners: tuple[str, ...]  # usernames, in the order they registered
    # For each learner, how many days before the load day they registered (the provider's report charts
    # sign-ups over time); blank: all on the load day.
    days_ago: tuple[int, ...] = ()


@dataclass(frozen=True)
class RegistrationsSpec:
    learners: tuple[DemoAccount, ...]  # demo accounts made for registrations (besides accounts.demo's)
    registrations: tuple[RegistrationSpec, ...]


@dataclass(frozen=True)
class SessionMarkSpec:
    """One learner's mark for one session, as the provider's team records it on the roster."""

    present: bool = True
    minutes: int | None = None  # minutes attended when the learner left early or came late; None: all of it
    note: str = ""


@dataclass(frozen=True)
class LearnerAttendanceSpec:
    learner: str  # username; they hold a place at the event (registrations.yaml)
    sessions: tuple[SessionMarkSpec, ...]  # one mark per session, in the event's order


@dataclass(frozen=True)
class AttendanceSpec:
    event: str  # event slug in events.yaml; every session of it is over on the day the demo is loaded
    taken_by: str  # username of the provider's account that marks the roster
    learners: tuple[LearnerAttendanceSpec, ...]


def rich_text(parts: tuple[str, ...]) -> str:
    """Rich-text source from its parts: plain text becomes a paragraph; a part starting with a tag stays as it is."""
    return "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)


def _read(hint: Any, value: Any, where: str) -> Any:
    """`value` from a data file as the type `hint` names, or a DemoDataError saying what is wrong where."""
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        options = [option for option in get_args(hint) if option is not NoneType]
        if value is None and len(options) < len(get_args(hint)):
            return None
        (option,) = options
        return _read(option, value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise DemoDataError(f"{where}: expected a list, found {value!r}.")
        item = get_args(hint)[0]
        return tuple(_read(item, entry, f"{where}[{position}]") for position, entry in enumerate(value))
    if is_dataclass(hint):
        return build(hint, value, where)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            choices = ", ".join(str(member.value) for member in hint)
            raise DemoDataError(f"{where}: {value!r} is not one of {choices}.") from None
    if hint is Decimal:
        # Quoted in the file: a YAML float such as 6.5 would be a binary fraction on the way in.
        if not isinstance(value, str):
            raise DemoDataError(f'{where}: write the number in quotes, for example "6.5"; found {value!r}.')
        try:
            return Decimal(value)
        except InvalidOperation:
            raise DemoDataError(f"{where}: {value!r} is not a number.") from None
    if hint is time:
        # Unquoted, YAML 1.1 reads 09:00 as the number 540 (base 60): insist on the quoted form.
        if not (isinstance(value, str) and CLOCK_TIME.fullmatch(value)):
            raise DemoDataError(f'{where}: write the time as "HH:MM" in quotes; found {value!r}.')
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise DemoDataError(f"{where}: {value!r} is not a time of day.") from None
    if hint is int and isinstance(value, bool):
        raise DemoDataError(f"{where}: expected a whole number, found {value!r}.")
    if hint in (str, int, bool):
        if not isinstance(value, hint):
            raise DemoDataError(f"{where}: expected {hint.__name__}, found {value!r}.")
        return value
    raise TypeError(f"{where}: the demo reader does not know the type {hint!r}.")


def build(cls: type, data: Any, where: str) -> Any:
    """An instance of the dataclass `cls` from a mapping, with every key known and every required key given."""
    if not isinstance(data, dict):
        raise DemoDataError(f"{where}: expected a mapping of names to values, found {data!r}.")
    hints = get_type_hints(cls)
    known = {item.name: item for item in fields(cls) if item.init}
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise DemoDataError(f"{where}: unknown key(s) {', '.join(unknown)}.")
    missing = [
        name
        for name, item in known.items()
        if name not in data and item.default is MISSING and item.default_factory is MISSING
    ]
    if missing:
        raise DemoDataError(f"{where}: missing key(s) {', '.join(missing)}.")
    return cls(**{name: _read(hints[name], value, f"{where}.{name}") for name, value in data.items()})


def read_entries(path: Path, key: str, cls: type, *, shared: str | None = None) -> tuple:
    """The list under `key` in a data file, as `cls` values.

    `shared` names an optional top-level mapping that holds only wording other entries repeat through
    YAML anchors (`&gulf-policy` ... `*gulf-policy`); nothing else may stand beside `key`.
    """
    with path.open(encoding="utf-8") as file:
        document = yaml.safe_load(file)
    where = path.name
    if not isinstance(document, dict) or key not in document:
        raise DemoDataError(f"{where}: expected a top-level {key}: list.")
    unknown = sorted(str(name) for name in document if name not in {key, shared})
    if unknown:
        raise DemoDataError(f"{where}: unknown top-level key(s) {', '.join(unknown)}.")
    return _read(tuple[cls, ...], document[key], f"{where}: {key}")


def read_providers(path: Path = DATA_DIR / "providers.yaml") -> tuple[ProviderSpec, ...]:
    return read_entries(path, "providers", ProviderSpec)


def read_events(providers: tuple[ProviderSpec, ...], path: Path = DATA_DIR / "events.yaml") -> tuple[EventSpec, ...]:
    """The demo events, each under a provider from `providers`."""
    events = read_entries(path, "events", EventSpec, shared="wording")
    provider_slugs = {provider.slug for provider in providers}
    for position, event in enumerate(events):
        if event.provider not in provider_slugs:
            raise DemoDataError(
                f"{path.name}: events[{position}].provider: no provider has the slug {event.provider!r}."
            )
    return events


def read_registrations(
    events: tuple[EventSpec, ...], path: Path = DATA_DIR / "registrations.yaml"
) -> RegistrationsSpec:
    """Who the demo registers for which on-site-registration event; events and learners are checked to exist."""
    with path.open(encoding="utf-8") as file:
        spec = build(RegistrationsSpec, yaml.safe_load(file), path.name)
    by_slug = {event.slug: event for event in events}
    for position, registration in enumerate(spec.registrations):
        event = by_slug.get(registration.event)
        where = f"{path.name}: registrations[{position}]"
        if event is None:
            raise DemoDataError(f"{where}.event: no event has the slug {registration.event!r}.")
        if event.registration_url:
            raise DemoDataError(f"{where}.event: {event.slug!r} registers on the provider's site, not here.")
        if len(set(registration.learners)) != len(registration.learners):
            raise DemoDataError(f"{where}.learners: a learner is listed twice.")
        days = registration.days_ago
        if days and len(days) != len(registration.learners):
            raise DemoDataError(f"{where}.days_ago: give one number of days per learner, or none.")
        if any(day < 0 for day in days) or list(days) != sorted(days, reverse=True):
            raise DemoDataError(f"{where}.days_ago: days before the load day, in the order the learners registered.")
    return spec


def read_attendance(
    events: tuple[EventSpec, ...], registrations: RegistrationsSpec, path: Path = DATA_DIR / "attendance.yaml"
) -> tuple[AttendanceSpec, ...]:
    """Attendance taken at past demo events: each learner holds a place there and has one mark per session."""
    entries = read_entries(path, "attendance", AttendanceSpec)
    by_slug = {event.slug: event for event in events}
    placed = {(item.event, learner) for item in registrations.registrations for learner in item.learners}
    for position, entry in enumerate(entries):
        where = f"{path.name}: attendance[{position}]"
        event = by_slug.get(entry.event)
        if event is None:
            raise DemoDataError(f"{where}.event: no event has the slug {entry.event!r}.")
        if max(session.last_day for session in event.sessions) >= 0:
            raise DemoDataError(f"{where}.event: {event.slug!r} is not over yet, so no attendance can be taken.")
        for index, learner in enumerate(entry.learners):
            if (event.slug, learner.learner) not in placed:
                raise DemoDataError(f"{where}.learners[{index}]: {learner.learner!r} is not registered for it.")
            if len(learner.sessions) != len(event.sessions):
                raise DemoDataError(
                    f"{where}.learners[{index}].sessions: give one mark for each of its {len(event.sessions)} sessions."
                )
    return entries
