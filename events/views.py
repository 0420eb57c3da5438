"""The listing, the event page's extras, and the calendar downloads and feeds."""

from datetime import timedelta
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from . import calendars, selectors
from .forms import EventFilterForm
from .models import EventIndexPage, EventPage, ProviderPage

EVENTS_PER_PAGE = 12
# A subscribed calendar keeps showing an event for a while after it ends, instead of it vanishing.
FEED_KEEPS_ENDED_EVENTS_FOR = timedelta(days=30)
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def filter_query(request: HttpRequest) -> str:
    """The listing's filters as a query string (no page number, no empty values), for feeds and pager links."""
    pairs = [(key, value) for key, value in request.GET.items() if key != "page" and value.strip()]
    return urlencode(pairs)


def feed_urls(request: HttpRequest, query: str) -> dict[str, str]:
    """The feed's https address and the same address as webcal://, which calendar apps offer to subscribe to."""
    url = request.build_absolute_uri(reverse("events:feed")) + (f"?{query}" if query else "")
    return {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}


def listing_context(request: HttpRequest, index: EventIndexPage, *, archive: bool) -> dict:
    form = EventFilterForm(request.GET or None)
    filters = form.usable_filters()
    events = selectors.filter_events(selectors.listed_events(), **filters)
    events = selectors.past(events) if archive else selectors.upcoming(events)
    paginator = Paginator(selectors.with_card_data(events), EVENTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = filter_query(request)
    return {
        "filter_form": form,
        "events": page_obj.object_list,
        "page_obj": page_obj,
        "is_archive": archive,
        "is_filtered": bool(filters),
        "filter_query": query,
        "upcoming_url": index.url + (f"?{query}" if query else ""),
        "archive_url": index.url + index.reverse_subpage("past_events") + (f"?{query}" if query else ""),
        "form_action": index.url + (index.reverse_subpage("past_events") if archive else ""),
        "providers": list(selectors.listed_providers()) if not archive else [],
        **feed_urls(request, query),
    }


def event_context(request: HttpRequest, event: EventPage) -> dict:
    provider = event.provider or event.get_parent().specific
    context = {
        "provider": provider,
        "sessions": event.session_list,
        "instructor_list": list(event.instructors.all()),
        "ce_category_links": list(event.ce_category_links.select_related("category")),
        "event_approvals": list(event.approvals.all()),
        "provider_approvals": [approval for approval in provider.approvals.all() if not approval.is_expired],
        "related_courses": [link.course for link in event.course_links.select_related("course") if link.course.live],
        "ics_url": reverse("events:event_calendar", args=[event.uid]),
    }
    provider_feed = feed_urls(request, urlencode({"provider": provider.slug}))
    context.update({f"provider_{key}": url for key, url in provider_feed.items()})
    return context


def provider_context(request: HttpRequest, provider: ProviderPage) -> dict:
    index = provider.get_parent().specific
    query = urlencode({"provider": provider.slug})
    return {
        "approvals": list(provider.approvals.all()),
        "upcoming_events": selectors.provider_events(provider),
        "listing_url": f"{index.url}?{query}",
        "archive_url": f"{index.url}{index.reverse_subpage('past_events')}?{query}",
        **feed_urls(request, query),
    }


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
        name=feed_name(form, filters),
        description="Continuing-education events for massage therapists, from Touchstone.",
        request=request,
        feed=True,
    )
    return _calendar_response(body)


def feed_name(form: EventFilterForm, filters: dict) -> str:
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
