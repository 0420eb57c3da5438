"""A read-only list of an event's registrations, for the provider's team and administrators.

Who may see it is who may edit the event page: the provider's own team (their group's page
permissions cover their pages alone), course editors and administrators. To
anyone else the event is not found (404), so another provider's events are not even confirmed to exist.
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.widgets import HeaderButton, ListingButton

from ..choices import RegistrationStatus
from ..models import EventPage, Registration

URL_NAME = "events_registrations"


def can_see_registrations(user, event: EventPage) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or event.permissions_for_user(user).can_edit()))


def registrations_view(request: HttpRequest, event_id: int) -> TemplateResponse:
    event = get_object_or_404(EventPage, pk=event_id)
    if not can_see_registrations(request.user, event):
        raise Http404("No event of yours has that ID.")
    rows = list(Registration.objects.filter(event=event).select_related("learner").order_by("created_at", "pk"))
    registered = [row for row in rows if row.status == RegistrationStatus.REGISTERED]
    waiting = [row for row in rows if row.status == RegistrationStatus.WAITING]
    cancelled = [row for row in rows if row.status == RegistrationStatus.CANCELLED]
    return TemplateResponse(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "registered": registered,
            "waiting": waiting,
            "cancelled": cancelled,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        },
    )


def _url(page) -> str:
    return reverse(URL_NAME, args=[page.pk])


def header_buttons(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and can_see_registrations(user, page):
        yield HeaderButton("Registrations", url=_url(page), icon_name="group", priority=40)


def listing_buttons(page, user, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and can_see_registrations(user, page):
        yield ListingButton("Registrations", url=_url(page), icon_name="group", priority=45)
