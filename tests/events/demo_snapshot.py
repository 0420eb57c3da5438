"""A normalised, deterministic description of what the events demo puts in the database.

Demo events are dated relative to the day the demo is loaded, so every date here is a number of
days from `timezone.localdate()` on the load day, and every session time is the wall-clock time
in the event's own zone. Database ids, calendar UUIDs and publication timestamps differ on every
load and are left out (the checks that they exist and are unique stay in). Attendance at past events is
described mark by mark, with who marked it and how many audit entries it has.

`tests/events/demo_snapshot.json` holds this description as made by the demo before it became
data files; `test_demo_snapshot.py` proves the data-file loader still builds exactly that.
Regenerate it (only on purpose) with `UPDATE_DEMO_SNAPSHOT=1 pytest tests/events/test_demo_snapshot.py`.
"""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from wagtail.fields import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from events import schedule
from events.models import (
    AttendanceChange,
    EventIndexPage,
    EventPage,
    ProviderPage,
    Registration,
    SessionAttendance,
)
from tests.demo_snapshots import dump, group_description  # noqa: F401  (dump: used by the snapshot tests)

SNAPSHOT_PATH = Path(__file__).with_name("demo_snapshot.json")

# Page columns that change from load to load, or that the tree already says in `url_path`.
VOLATILE_PAGE_FIELDS = {
    "id",
    "page_ptr",
    "path",
    "content_type",
    "translation_key",
    "locale",
    "owner",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "locked_at",
    "locked_by",
}


def _value(value, *, today: date):
    if isinstance(value, datetime):
        raise TypeError("Date-times are described by _session, in the event's zone.")
    if isinstance(value, date):
        return {"days_from_load": (value - today).days}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, StreamValue):
        return [[block.block_type, _value(block.value, today=today)] for block in value]
    if isinstance(value, RichText):
        return value.source
    if isinstance(value, models.Model):
        return getattr(value, "slug", None) or str(value)
    return value


def _fields(obj: models.Model, *, today: date, skip: set[str]) -> dict:
    described = {}
    for field in obj._meta.concrete_fields:
        if field.name in skip or field.name in VOLATILE_PAGE_FIELDS:
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            described[field.name] = _value(related, today=today) if related is not None else None
        else:
            described[field.name] = _value(getattr(obj, field.name), today=today)
    return described


def _local(moment: datetime, zone: str, *, today: date) -> dict:
    local = schedule.to_local(moment, zone)
    return {"days_from_load": (local.date() - today).days, "time": f"{local:%H:%M}"}


def _session(session, zone: str, *, today: date) -> dict:
    assert session.starts_on == schedule.to_local(session.starts_at, zone).date()
    assert session.ends_on == schedule.to_local(session.ends_at, zone).date()
    assert session.uid is not None
    return {
        "sort_order": session.sort_order,
        "start": _local(session.starts_at, zone, today=today),
        "end": _local(session.ends_at, zone, today=today),
    }


def _children(manager, *, today: date, skip: set[str] = frozenset()) -> list[dict]:
    return [
        _fields(child, today=today, skip={"id", "page", *skip}) for child in manager.all().order_by("sort_order", "pk")
    ]


def _page(page: Page) -> dict:
    return {
        "url_path": page.url_path,
        "depth": page.depth,
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "revisions": page.revisions.count(),
        "parent_type": type(page.get_parent().specific).__name__,
    }


def _group(group: Group | None) -> dict | None:
    return group_description(group, collections=True)


def _account(user) -> dict:
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "groups": sorted(user.groups.values_list("name", flat=True)),
    }


def _attendance(row: SessionAttendance) -> dict:
    """One mark at a past demo event, with how many audit entries it has (one: loading again added none)."""
    return {
        "event": row.registration.event.slug,
        "learner": row.registration.learner.username,
        "session": row.session.sort_order,
        "present": row.present,
        "minutes_attended": row.minutes_attended,
        "note": row.note,
        "source": row.source,
        "marked_by": row.marked_by.username if row.marked_by else None,
        "changes": AttendanceChange.objects.filter(registration=row.registration, session=row.session).count(),
    }


def describe(*, accounts: list, output: str, today: date | None = None) -> dict:
    """Everything the events demo made, given what its `load` returned and wrote."""
    today = today or timezone.localdate()
    index = EventIndexPage.objects.get()
    providers = ProviderPage.objects.order_by("path")
    events = EventPage.objects.order_by("path")
    uids = [str(uid) for uid in events.values_list("sessions__uid", flat=True)]
    assert len(uids) == len(set(uids)), "Every session has its own calendar ID."
    User = get_user_model()
    return {
        "output": output,
        "returned_accounts": [
            {
                "role": account.role,
                "username": account.username,
                "password": account.password,
                "name": account.name,
                "note": account.note,
            }
            for account in accounts
        ],
        "accounts": [
            {**_account(user), "password_works": user.check_password(account.password)}
            for account in accounts
            for user in [User.objects.get(username=account.username)]
        ],
        "providers_group": _group(Group.objects.get(name="Providers")),
        "index": {**_page(index), **_fields(index, today=today, skip=set())},
        "providers": [
            {
                **_page(provider),
                **_fields(provider, today=today, skip={"team_group"}),
                "team_group": _group(provider.team_group),
                "approvals": _children(provider.approvals, today=today),
            }
            for provider in providers
        ],
        "events": [
            {
                **_page(event),
                **_fields(event, today=today, skip={"uid", "calendar_fingerprint"}),
                "has_calendar_fingerprint": bool(event.calendar_fingerprint),
                "sessions": [_session(session, event.time_zone, today=today) for session in event.session_list],
                "instructors": _children(event.instructors, today=today),
                "ce_category_links": _children(event.ce_category_links, today=today),
                "approvals": _children(event.approvals, today=today),
                "course_links": _children(event.course_links, today=today),
            }
            for event in events
        ],
        "registrations": [
            {"event": event_slug, "learner": username, "status": status, "has_credit_record": credit is not None}
            for event_slug, username, status, credit in Registration.objects.order_by(
                "event__path", "created_at", "pk"
            ).values_list("event__slug", "learner__username", "status", "credit_record")
        ],
        "attendance": [
            _attendance(row)
            for row in SessionAttendance.objects.order_by(
                "registration__event__path", "registration__created_at", "session__sort_order"
            ).select_related("registration__event", "registration__learner", "session", "marked_by")
        ],
    }
