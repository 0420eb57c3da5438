"""iCalendar files for one event and for subscribable feeds, built with the `icalendar` library.

Each session is one VEVENT whose UID is the session's own UUID, so a calendar that imported the
file (or subscribes to a feed) recognises the same session later, even after the page moves or is
renamed. Times carry the event's IANA zone with a matching VTIMEZONE; SEQUENCE rises whenever a
published change alters what the calendar shows, and a cancelled event says STATUS:CANCELLED.
"""

import hashlib
import json
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from courses import reading

from .choices import EventStatus
from .models import EventPage, EventSession

if TYPE_CHECKING:
    from .forms import EventFilterForm

PRODID = "-//Touchstone//Touchstone events//EN"
FEED_REFRESH = timedelta(hours=6)

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.FULL: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
SUMMARY_PREFIX = {EventStatus.CANCELLED: "Cancelled: ", EventStatus.POSTPONED: "Postponed: "}


def fingerprint(data: dict) -> str:
    """A stable digest of what a calendar shows (`EventPage.calendar_data`), so a real change (and only
    that) bumps SEQUENCE."""
    encoded = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def feed_name(form: "EventFilterForm", filters: dict) -> str:
    """Touchstone events, or e.g. "Touchstone events: Hands-on, Florida" so a subscriber can tell feeds apart."""
    parts = []
    for name, value in filters.items():
        if name == "hands_on":
            parts.append("Hands-on")
        elif name == "delivery":
            parts.append(dict(form.fields["delivery"].choices).get(value, value))
        elif name in ("date_from", "date_to"):
            parts.append(f"{form.fields[name].label.lower()} {value:%d %b %Y}")
        elif name == "min_hours":
            parts.append(f"{value} CE hours or more")
        else:
            parts.append(str(value))
    return "Touchstone events" + (": " + ", ".join(parts) if parts else "")


def build_calendar(
    events: Iterable[EventPage],
    *,
    name: str,
    request: HttpRequest | None = None,
    description: str = "",
    feed: bool = False,
) -> bytes:
    """One VCALENDAR holding every session of every event given (load them with `with_card_data`)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    if feed:
        calendar.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", FEED_REFRESH)

    first_day = last_day = None
    for event in events:
        sessions = event.session_list
        for number, session in enumerate(sessions, start=1):
            calendar.add_component(session_entry(event, session, number, len(sessions), request))
            start, end = session.local_start.date(), session.local_end.date()
            first_day = start if first_day is None else min(first_day, start)
            last_day = end if last_day is None else max(last_day, end)
    if first_day is not None:
        # A VTIMEZONE covering just the span of these events keeps the file small and exact.
        calendar.add_missing_timezones(first_date=first_day - timedelta(days=1), last_date=last_day + timedelta(days=2))
    return calendar.to_ical()


def session_entry(
    event: EventPage, session: EventSession, number: int, total: int, request: HttpRequest | None
) -> Event:
    entry = Event()
    entry.add("uid", str(session.uid))
    stamp = event.last_published_at or timezone.now()
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    if event.first_published_at:
        entry.add("created", event.first_published_at)
    entry.add("sequence", event.sequence)
    entry.add("dtstart", session.local_start)
    entry.add("dtend", session.local_end)
    part = f" (session {number} of {total})" if total > 1 else ""
    entry.add("summary", f"{SUMMARY_PREFIX.get(event.status, '')}{event.title}{part}")
    entry.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    # An on-demand window spans weeks; it should not make the learner look busy all that time.
    entry.add("transp", "TRANSPARENT" if event.is_on_demand else "OPAQUE")
    # Without a request (an e-mail sent in the background) the address comes from the site's root URL.
    path = event.get_url(request)
    url = (request.build_absolute_uri(path) if request else event.get_full_url()) if path else None
    if url:
        entry.add("url", url)
    location = ", ".join(event.address_lines) if event.is_on_site else event.place
    if location:
        entry.add("location", location)
    categories = [link.category.name for link in event.ce_category_links.all()]
    if categories:
        entry.add("categories", categories)
    provider = event.provider
    if provider is not None and provider.contact_email:
        organizer = vCalAddress(f"mailto:{provider.contact_email}")
        organizer.params["cn"] = vText(provider.title)
        entry.add("organizer", organizer)
    entry.add("description", describe(event, url))
    return entry


def describe(event: EventPage, url: str | None) -> str:
    """The plain-text body of a calendar entry: the essentials a learner checks before leaving home."""
    lines = [event.summary, ""]
    reason = f" Reason: {event.status_reason}." if event.status_reason else ""
    if event.is_cancelled:
        lines.insert(0, f"This event has been cancelled.{reason}\n")
    elif event.status == EventStatus.POSTPONED:
        new_date = f"New date: {event.postponed_to:%A %-d %B %Y}." if event.postponed_to else "New dates will follow."
        lines.insert(0, f"This event has been postponed.{reason} {new_date}\n")
    if event.provider is not None:
        lines.append(f"Provider: {event.provider.title}")
    instructors = ", ".join(str(instructor) for instructor in event.instructors.all())
    if instructors:
        lines.append(f"Instructor: {instructors}")
    lines.append(f"CE hours: {reading.format_ce_hours(event.ce_hours)} ({event.get_delivery_method_display()})")
    lines.append(f"Cost: {event.cost_display}")
    if event.is_webinar or event.is_on_demand:
        lines.append(f"Joining: {event.joining_details}")
    if url:
        lines += ["", f"Details and registration: {url}"]
    return "\n".join(line for line in lines if line is not None).strip()
