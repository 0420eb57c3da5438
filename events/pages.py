"""What the listing, provider and event pages show: the context their page models render with.

These read (through `selectors`) and never write. The page models call them from `get_context` and
their routes, so the import runs inside those methods: this module reads models through selectors,
and a module-level import from the models would go round in a circle.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from . import attendance, attendance_credit, attendance_selectors, registrations, selectors
from .choices import EventStatus, RegistrationStatus
from .forms import EventFilterForm
from .models import EventIndexPage, EventPage, ProviderPage

EVENTS_PER_PAGE = 12


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
    context.update(registration_context(request, event))
    provider_feed = feed_urls(request, urlencode({"provider": provider.slug}))
    context.update({f"provider_{key}": url for key, url in provider_feed.items()})
    return context


def registration_context(request: HttpRequest, event: EventPage) -> dict:
    """On-site registration: whether it is open, the places left, and the signed-in learner's own registration."""
    if not registrations.takes_registration_here(event):
        return {"registers_here": False}
    # A preview of an event not saved yet has no registrations.
    saved = event.pk is not None
    if saved and request.user.is_authenticated and attendance_credit.is_over(event):
        # Credit follows the end of the event; whoever looks first after it ends settles it.
        attendance_credit.settle_ended_for(learner=request.user, event=event)
    registration = selectors.active_registration(event=event, learner=request.user) if saved else None
    taken = selectors.places_taken(event) if saved else 0
    return {
        **attendance_context(event, registration),
        "registers_here": True,
        "registration": registration,
        "waiting_place": selectors.waiting_place(registration) if registration else None,
        "registration_closed": registrations.closed_reason(event=event),
        "places_left": max(event.capacity - taken, 0) if event.capacity is not None else None,
        "is_full": not registrations.has_free_place(event) if saved else event.status == EventStatus.FULL,
        "sign_in_url": f"{settings.LOGIN_URL}?{urlencode({'next': event.url})}",
        "register_url": reverse("events:register", args=[event.uid]),
    }


def attendance_context(event: EventPage, registration) -> dict:
    """For a learner holding a place: the check-in form while a session's window is open, and their attendance.

    The form shows for open sessions not yet recorded; the attendance per session shows from the moment
    check-in first opens (or once anything is recorded), with the verdict: credit issued, or why not (yet).
    """
    if registration is None or registration.status != RegistrationStatus.REGISTERED or not event.takes_attendance:
        return {}
    now = timezone.now()
    registration.event = event  # the page being served, with its sessions already read
    summary = attendance_selectors.attendance_summary(registration)
    recorded = {line.session.pk for line in summary.sessions if line.state != "not_recorded"}
    open_now = attendance.open_sessions(event, now) if not event.is_cancelled else []
    first = event.first_session
    started = first is not None and attendance.check_in_window(first)[0] <= now
    return {
        "check_in_sessions": [session for session in open_now if session.pk not in recorded],
        "check_in_url": reverse("events:check_in", args=[event.uid]),
        "my_attendance": summary,
        "attendance_started": started or bool(recorded),
    }


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
