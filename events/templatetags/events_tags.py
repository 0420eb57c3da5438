"""Event blocks for other apps' pages: the home page's next events, a course page's related events, and the
learning dashboard's "My events" (upcoming, then attended with the credit each earned)."""

from django import template
from django.conf import settings
from pagecache.generation import kept

from credit.completion import LIVE_METHODS

from .. import attendance, attendance_credit, attendance_selectors, selectors
from ..choices import RegistrationStatus
from ..models import EventIndexPage

register = template.Library()


@register.filter
def status_note(event) -> str:
    """The reason (and new date) after a cancelled or postponed event's status; see `status_changes.status_note`."""
    from ..status_changes import status_note as note

    return note(event)


def _kept(name: str, read, *, seconds: int):
    """`read()`, kept per page-cache generation: a publish, move or delete, or a saved registration (places
    left), starts a new one. `seconds` bounds what only time changes (an event starting drops off)."""
    return kept(f"events:{name}", read, seconds=seconds)


def _index() -> EventIndexPage | None:
    """The events listing the blocks link to."""
    return _kept("index-page", lambda: EventIndexPage.objects.live().order_by("path").first(), seconds=6 * 3600)


@register.inclusion_tag("events/includes/home_events.html", takes_context=True)
def home_events(context) -> dict:
    # The same for everyone, and as fresh as the page cache keeps the home page for visitors.
    events = _kept("next-events", selectors.next_events, seconds=settings.PAGE_CACHE_SECONDS)
    return {"request": context.get("request"), "events": events, "index": _index()}


@register.inclusion_tag("events/includes/course_events.html", takes_context=True)
def course_events(context, course) -> dict:
    return {"request": context.get("request"), "events": selectors.related_events(course), "index": _index()}


@register.inclusion_tag("events/includes/course_offerings.html", takes_context=True)
def course_offerings(context, course) -> dict:
    """On a live course's page: where credit comes from, and its scheduled offerings to register for."""
    request = context.get("request")
    if course is None or course.pk is None or course.delivery_method not in LIVE_METHODS:
        return {"live": False}
    offerings = selectors.course_offerings(course)
    user = getattr(request, "user", None)
    mine = selectors.held_places(learner=user, events=offerings) if user is not None and user.is_authenticated else {}
    for event in offerings:
        event.my_status = mine.get(event.pk)
    return {"request": request, "live": True, "course": course, "offerings": offerings, "index": _index()}


@register.inclusion_tag("events/includes/my_events.html", takes_context=True)
def my_events(context) -> dict:
    """Upcoming events and waiting lists, then the events the learner attended with what they earned."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    held = selectors.learner_registrations(learner=user) if signed_in else []
    # Credit due from events that have ended; the places are read again only if some was issued.
    if held and attendance_credit.settle_ended_among(held):
        held = selectors.learner_registrations(learner=user)
    registrations = selectors.my_events(learner=user, registrations=held) if signed_in else []
    for registration in registrations:
        event = registration.event
        # A session on now (or about to start): the event page takes the code.
        registration.check_in_open = (
            registration.status == RegistrationStatus.REGISTERED
            and event.takes_attendance
            and not event.is_cancelled
            and bool(attendance.open_sessions(event))
        )
    attended = attendance_selectors.attended_events(learner=user, registrations=held) if signed_in else []
    return {"request": request, "registrations": registrations, "attended": attended, "index": _index()}
