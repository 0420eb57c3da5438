"""Cancel event and Postpone event in the admin: the provider's team changes a live event at once, with a reason.

Who may use them is who may see the event's registrations (the provider's own team, course editors,
administrators); to anyone else the event is not found (404). The change itself is
`events.status_changes`; these views ask for the reason (and new date) and report. Plain forms: they
work without JavaScript.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.log_actions import LogFormatter

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from ..choices import EventStatus
from ..models import EventPage
from ..status_changes import (
    CANCEL,
    POSTPONE,
    StatusChangeError,
    cancel_event,
    people_to_tell,
    postpone_event,
    refusal,
)
from .registrations import URL_NAME as REGISTRATIONS_URL
from .registrations import can_see_registrations
from .status_forms import CancelEventForm, PostponeEventForm

CANCEL_URL, POSTPONE_URL = "events_cancel", "events_postpone"


def _event(request: HttpRequest, event_id: int) -> EventPage:
    event = get_object_or_404(EventPage, pk=event_id)
    if not can_see_registrations(request.user, event):
        raise Http404("No event of yours has that ID.")
    return event


def _people(count: int) -> str:
    return f"{count} registrant{'s' if count != 1 else ''}"


def _apply(request: HttpRequest, event: EventPage, form) -> EventPage:
    data = form.cleaned_data
    if isinstance(form, PostponeEventForm):
        return postpone_event(event=event, user=request.user, reason=data["reason"], new_date=data["new_date"])
    return cancel_event(event=event, user=request.user, reason=data["reason"])


def _status_view(request: HttpRequest, event_id: int, *, status: str) -> HttpResponse:
    event = _event(request, event_id)
    form_class = CancelEventForm if status == EventStatus.CANCELLED else PostponeEventForm
    told = people_to_tell(event)
    http_status = 200
    if request.method == "POST":
        form = form_class(request.POST, event=event)
        if form.is_valid():
            try:
                changed = _apply(request, event, form)
            except StatusChangeError as error:
                form.add_error(None, str(error))
            else:
                word = "cancelled" if status == EventStatus.CANCELLED else "postponed"
                messages.success(
                    request,
                    f"“{changed.title}” is {word}, live now. {_people(told)} will be e-mailed with your reason "
                    "and the updated calendar file.",
                )
                return redirect(REGISTRATIONS_URL, event.pk)
        http_status = 400
    else:
        form = form_class(event=event)
    return TemplateResponse(
        request,
        "events/admin/status_change.html",
        {
            "event": event,
            "form": form,
            "postpone": status == EventStatus.POSTPONED,
            "refused": refusal(event=event, status=status),
            "told": _people(told),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
            "registrations_url": reverse(REGISTRATIONS_URL, args=[event.pk]),
        },
        status=http_status,
    )


def cancel_view(request: HttpRequest, event_id: int) -> HttpResponse:
    return _status_view(request, event_id, status=EventStatus.CANCELLED)


def postpone_view(request: HttpRequest, event_id: int) -> HttpResponse:
    return _status_view(request, event_id, status=EventStatus.POSTPONED)


def urls() -> list:
    return [
        path("events/<page_id:event_id>/cancel/", cancel_view, name=CANCEL_URL),
        path("events/<page_id:event_id>/postpone/", postpone_view, name=POSTPONE_URL),
    ]


def header_buttons(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, EventPage) or not can_see_registrations(user, page):
        return
    # The editor may show a draft; what can change at once is the live event.
    event = EventPage.objects.filter(pk=page.pk).first()
    if event is None:
        return
    if not refusal(event=event, status=EventStatus.CANCELLED):
        yield HeaderButton("Cancel event", url=reverse(CANCEL_URL, args=[page.pk]), icon_name="cross", priority=42)
    if not refusal(event=event, status=EventStatus.POSTPONED):
        yield HeaderButton("Postpone event", url=reverse(POSTPONE_URL, args=[page.pk]), icon_name="time", priority=43)


def listing_buttons(page, user, next_url=None):
    # A listing shows many pages: no per-page status queries here; the form says when a change cannot be made.
    if isinstance(page.specific_deferred, EventPage) and page.live and can_see_registrations(user, page):
        yield ListingButton("Cancel event", url=reverse(CANCEL_URL, args=[page.pk]), icon_name="cross", priority=47)
        yield ListingButton("Postpone event", url=reverse(POSTPONE_URL, args=[page.pk]), icon_name="time", priority=48)


class _StatusChangeFormatter(LogFormatter):
    """The page history shows the reason (and new date) as the entry's comment."""

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        new_date = f" New date: {data['new_date']}." if data.get("new_date") else ""
        return f"{data.get('reason', '')}{new_date}"


class _CancelledFormatter(_StatusChangeFormatter):
    label = "Cancel event"
    message = "Cancelled at once, without review"


class _PostponedFormatter(_StatusChangeFormatter):
    label = "Postpone event"
    message = "Postponed at once, without review"


def register_log_actions(actions) -> None:
    """The page history says who cancelled or postponed the event, and why."""
    actions.register_action(CANCEL)(_CancelledFormatter)
    actions.register_action(POSTPONE)(_PostponedFormatter)
