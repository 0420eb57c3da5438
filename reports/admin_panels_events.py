"""The provider's "Upcoming events" panel on the Wagtail admin home page, and the "Report" button on events.

The panel shows to accounts on a provider's team (events.services.add_provider_account): their next events
that take registration on Touchstone, with places taken, the waiting list and capacity, each linking to the
event's report. It costs the same queries however many events and registrations there are.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import HeaderButton, ListingButton

from events.admin.registrations import can_see_registrations
from events.models import EventPage

from . import event_report
from .views_events import EVENT, LIST


class UpcomingEventsPanel(Component):
    name = "upcoming_events"
    template_name = "reports/events/upcoming_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        # Events that take registration on Touchstone: one registering on the provider's site has no figures here.
        events = EventPage.objects.filter(provider__team_group__user=self.user, registration_url="")
        lines = event_report.upcoming_events(events=events)
        return {
            "lines": [(line, reverse(EVENT, args=[line.event.pk])) for line in lines],
            "report_url": reverse(LIST),
        }


def upcoming_events_panel(user) -> UpcomingEventsPanel | None:
    """The panel for an account on a provider's team; None for anyone else (one query)."""
    if not user.is_authenticated or not event_report.providers_of(user).exists():
        return None
    return UpcomingEventsPanel(user)


def report_buttons(page, user, *, listing: bool):
    if isinstance(page.specific_deferred, EventPage) and can_see_registrations(user, page):
        url = reverse(EVENT, args=[page.pk])
        if listing:
            yield ListingButton("Report", url=url, icon_name="table", priority=47)
        else:
            yield HeaderButton("Report", url=url, icon_name="table", priority=42)
