"""The events demo: two providers with accounts, a varied set of events, and idempotent reloading."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Revision

from events import demo
from events.choices import RegistrationStatus
from events.models import EventPage, EventSession, ProviderPage, Registration
from events.selectors import listed_events, past, upcoming
from home import demo as home_demo

pytestmark = pytest.mark.django_db


def load() -> list:
    # As in load_demo: the accounts (sam among them) exist before the events demo registers anyone.
    home_demo.load(StringIO())
    return demo.load(StringIO())


def test_demo_sets_up_providers_accounts_and_varied_events(client):
    accounts = load()

    assert [account.username for account in accounts] == [
        "gulfcoast",
        "cascade",
        "priya",
        "marcus",
        "elena",
        "tomas",
        "grace",
    ]
    assert {account.role for account in accounts} == {"Provider", "Learner"}
    for account in accounts:
        assert client.login(username=account.username, password=account.password)
    gulf = ProviderPage.objects.get(slug="gulf-coast-bodywork-institute")
    renee = get_user_model().objects.get(username="gulfcoast")
    assert gulf.permissions_for_user(renee).can_edit()
    assert not ProviderPage.objects.get(slug="cascade-myofascial-education").permissions_for_user(renee).can_edit()

    events = list(listed_events())
    assert len(events) >= 10
    assert ProviderPage.objects.live().count() == 2
    assert upcoming(listed_events()).count() >= 5 and past(listed_events()).count() >= 2
    assert any(event.status == "cancelled" for event in events)
    assert any(event.hands_on and event.sessions.count() > 1 for event in events)  # multi-day hands-on workshop
    assert any(event.delivery_method == "live_webinar" for event in events)
    assert any(event.delivery_method == "on_demand" for event in events)
    assert len({event.region for event in events if event.region}) >= 3
    assert len({event.time_zone for event in events}) >= 3


def test_demo_registers_sam_and_fills_one_event_with_a_waiting_list():
    load()
    sam = Registration.objects.get(learner__username="sam", event__slug="trigger-point-therapy-neck-and-shoulders")
    assert sam.status == RegistrationStatus.REGISTERED and sam.event.first_session.starts_at > timezone.now()
    assert not sam.event.registration_url
    full = EventPage.objects.get(slug="trigger-point-referral-patterns-upper-body")
    assert Registration.objects.registered().filter(event=full).count() == full.capacity
    assert [r.learner.username for r in Registration.objects.waiting().filter(event=full)] == ["tomas", "grace"]
    registrations = Registration.objects.count()
    load()
    assert Registration.objects.count() == registrations


def test_demo_dates_are_relative_to_today():
    load()
    now = timezone.now()
    nearest = EventSession.objects.filter(starts_at__gte=now).order_by("starts_at").first()
    assert (nearest.starts_at - now).days < 30


def test_demo_loads_twice_without_duplicates_or_new_revisions():
    load()
    counts = (EventPage.objects.count(), EventSession.objects.count(), ProviderPage.objects.count())
    uids = set(EventSession.objects.values_list("uid", flat=True))
    revisions = Revision.objects.count()
    sequences = dict(EventPage.objects.values_list("pk", "sequence"))
    registrations = set(Registration.objects.values_list("pk", "status"))

    load()

    assert (EventPage.objects.count(), EventSession.objects.count(), ProviderPage.objects.count()) == counts
    assert set(EventSession.objects.values_list("uid", flat=True)) == uids
    assert Revision.objects.count() == revisions
    assert dict(EventPage.objects.values_list("pk", "sequence")) == sequences
    assert set(Registration.objects.values_list("pk", "status")) == registrations


def test_demo_pages_render(client):
    load()
    for path in ["/", "/events/", "/events/past/", *[event.url for event in EventPage.objects.live()]]:
        assert client.get(path).status_code == 200, path
