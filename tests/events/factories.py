"""Builders for providers and events. Each returns saved, published pages unless told otherwise."""

from datetime import datetime, timedelta
from decimal import Decimal
from itertools import count

from django.utils import timezone
from django.utils.text import slugify

from events import schedule
from events.models import (
    EventApproval,
    EventCECategory,
    EventCourseLink,
    EventIndexPage,
    EventInstructor,
    EventPage,
    EventSession,
    ProviderApproval,
    ProviderPage,
)
from events.services import sync_provider_team
from tests import factories

_sequence = count(1)


def events_index() -> EventIndexPage:
    existing = EventIndexPage.objects.first()
    if existing:
        return existing
    page = EventIndexPage(title="Events", slug="events", intro="<p>Workshops and webinars.</p>")
    factories.home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def provider(
    title: str | None = None, *, publish: bool = True, time_zone: str = "America/New_York", **fields
) -> ProviderPage:
    n = next(_sequence)
    title = title or f"Provider {n}"
    page = ProviderPage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        contact_email=fields.pop("contact_email", f"office{n}@provider.example"),
        time_zone=time_zone,
        live=publish,
        **fields,
    )
    page.approvals.add(ProviderApproval(approving_body="NCBTMB", approval_number=f"45{n:04d}-00"))
    events_index().add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    sync_provider_team(page)
    return page


def local(day, hour: int, minute: int = 0) -> datetime:
    """A naive wall-clock time on a date: `day` is a date or a number of days from today."""
    if isinstance(day, int):
        day = timezone.localdate() + timedelta(days=day)
    return datetime(day.year, day.month, day.day, hour, minute)


def event(
    provider_page: ProviderPage | None = None,
    *,
    title: str | None = None,
    sessions: list[tuple[datetime, datetime]] | None = None,
    time_zone: str = "America/New_York",
    delivery_method: str = "live_on_site",
    hands_on: bool = False,
    categories: tuple[str, ...] = ("hands-on-technique",),
    ce_hours: str = "6",
    city: str = "Tampa",
    region: str = "Florida",
    status: str = "scheduled",
    courses: tuple = (),
    publish: bool = True,
    **fields,
) -> EventPage:
    """An event; `sessions` are naive local (start, end) pairs in `time_zone` (default: in 10 days, 9–5)."""
    n = next(_sequence)
    title = title or f"Event {n}"
    provider_page = provider_page or provider()
    page = EventPage(
        title=title,
        slug=fields.pop("slug", f"{slugify(title)}-{n}"),
        summary=fields.pop("summary", "A workshop for testing."),
        learning_objectives=[("objective", "Do the thing safely.")],
        time_zone=time_zone,
        delivery_method=delivery_method,
        hands_on=hands_on,
        venue=fields.pop("venue", "Bayside Wellness Center" if delivery_method == "live_on_site" else ""),
        city=city if delivery_method == "live_on_site" else "",
        region=region if delivery_method == "live_on_site" else "",
        country="United States",
        online_platform="" if delivery_method == "live_on_site" else "Zoom",
        joining_details="" if delivery_method == "live_on_site" else "The link is e-mailed the day before.",
        ce_hours=Decimal(ce_hours),
        cost=Decimal(fields.pop("cost", "195")),
        registration_details="Register online.",
        cancellation_policy="Full refund up to 14 days before.",
        status=status,
        live=publish,
        **fields,
    )
    for start, end in sessions or [(local(10, 9), local(10, 17))]:
        page.sessions.add(
            EventSession(starts_at=schedule.to_utc(start, time_zone), ends_at=schedule.to_utc(end, time_zone))
        )
    page.instructors.add(EventInstructor(name="Maya Okafor", credentials="LMT"))
    for slug in categories:
        page.ce_category_links.add(EventCECategory(category=factories.category(slug)))
    page.approvals.add(EventApproval(approving_body="NCBTMB", approval_number=f"C-{n}"))
    for course in courses:
        page.course_links.add(EventCourseLink(course=course))
    provider_page.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
