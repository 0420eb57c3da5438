"""The calendar downloads and feeds: plain GET addresses that calendar apps fetch.

The listing, provider and event pages are Wagtail pages; what they show is built in `pages.py`.
"""

from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from . import calendars, selectors
from .forms import EventFilterForm

# A subscribed calendar keeps showing an event for a while after it ends, instead of it vanishing.
FEED_KEEPS_ENDED_EVENTS_FOR = timedelta(days=30)
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(body: bytes, *, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def event_calendar(request: HttpRequest, uid) -> HttpResponse:
    """One event, every session, as an .ics file to open in a calendar app."""
    event = selectors.event_by_uid(uid)
    if event is None:
        raise Http404("No published event has that calendar ID.")
    body = calendars.build_calendar([event], name=event.title, request=request)
    return _calendar_response(body, filename=f"{event.slug}.ics")


@require_GET
def events_feed(request: HttpRequest) -> HttpResponse:
    """A subscribable feed of the listing, honouring the same filters (and the date range) as the page."""
    form = EventFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        lines = [
            f"- {form.fields[name].label if name in form.fields else 'Dates'}: {error}"
            for name, errors in form.errors.items()
            for error in errors
        ]
        message = "This calendar feed's address has filters that are not valid:\n" + "\n".join(lines) + "\n"
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    filters = form.usable_filters()
    now = timezone.now()
    events = selectors.with_schedule(selectors.filter_events(selectors.listed_events(), **filters), now)
    events = events.filter(last_end__gte=now - FEED_KEEPS_ENDED_EVENTS_FOR).order_by("first_start", "pk")
    body = calendars.build_calendar(
        selectors.with_card_data(events),
        name=calendars.feed_name(form, filters),
        description="Continuing-education events for massage therapists, from Touchstone.",
        request=request,
        feed=True,
    )
    return _calendar_response(body)
