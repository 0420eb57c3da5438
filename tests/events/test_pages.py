"""Page tree rules, and what event, provider, course and home pages show."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import CoursePage
from events.models import EventIndexPage, EventPage, ProviderApproval, ProviderPage
from home.models import HomePage
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def test_tree_shape_is_enforced(events_index):
    assert EventIndexPage.can_create_at(factories.home_page()) is False  # one listing per site, and it exists
    assert ProviderPage.can_create_at(EventIndexPage()) is True
    assert EventPage.can_create_at(ProviderPage()) is True
    assert EventPage.can_create_at(EventIndexPage()) is False
    assert ProviderPage.can_create_at(HomePage()) is False
    assert EventPage.can_create_at(CoursePage()) is False
    assert EventPage.allowed_subpage_models() == []


def test_event_page_shows_what_ncbtmb_asks_a_listing_to_show(client, gulf):
    event = ef.event(
        gulf,
        title="Prenatal massage",
        sessions=[(ef.local(date(2030, 1, 14), 10), ef.local(date(2030, 1, 14), 17))],
        prerequisites="A current massage licence.",
        registration_url="https://provider.example/register",
        registration_deadline=date(2030, 1, 7),
        certificate_fee=Decimal("15"),
        capacity=18,
        cost="425",
    )
    html = client.get(event.url).content.decode()
    for text in [
        "Mon 14 Jan 2030, 10:00 AM – 5:00 PM EST",  # dates and times, in the event's zone
        "EST (America/New_York)",
        "Bayside Wellness Center",  # location
        "Tampa, Florida",
        "$425",  # cost
        "6 CEs",  # CE hours
        "A current massage licence.",  # prerequisites
        "Maya Okafor, LMT",  # instructor
        "Register online.",  # registration method
        "Mon 7 Jan 2030",  # deadline
        "Full refund up to 14 days before.",  # payment, cancellation and refund policy
        "$15 extra",  # certificate charge
        "Do the thing safely.",  # learning objectives
        "Live – On Site",  # delivery
        "NCBTMB: C-",  # approval number
        "NCBTMB Approved Provider 45",  # the provider's approval
        "Hands-on technique",  # category
        "Register with Gulf Coast Bodywork Institute",
    ]:
        assert text in html, text


def test_webinar_shows_joining_details_not_a_venue(client, gulf):
    webinar = ef.event(gulf, title="Florida laws", delivery_method="live_webinar", venue="")
    html = client.get(webinar.url).content.decode()
    assert "How to join" in html and "The link is e-mailed the day before." in html
    assert "<address" not in html

    workshop = ef.event(gulf, title="Trigger points")
    html = client.get(workshop.url).content.decode()
    assert "<address" in html and "How to join" not in html


def test_status_banners(client, gulf):
    cancelled = ef.event(gulf, status="cancelled", registration_url="https://provider.example/register")
    html = client.get(cancelled.url).content.decode()
    assert "<strong>Cancelled</strong>. This event will not take place." in html
    assert "https://provider.example/register" not in html.split("</header>")[0]  # no Register button
    postponed = client.get(ef.event(gulf, status="postponed").url).content.decode()
    assert "<strong>Postponed</strong>. New dates to be announced." in postponed
    assert "<strong>Full.</strong>" in client.get(ef.event(gulf, status="full").url).content.decode()
    past = ef.event(gulf, sessions=[(ef.local(-3, 9), ef.local(-3, 17))])
    assert "This event has ended." in client.get(past.url).content.decode()


def test_provider_page_lists_upcoming_events_and_approvals(client, gulf):
    ProviderApproval.objects.create(
        page=gulf, approving_body="Oregon Board", approval_number="CE-1", expires_on=date(2020, 1, 1)
    )
    ef.event(gulf, title="Prenatal massage")
    ef.event(gulf, title="Old workshop", sessions=[(ef.local(-3, 9), ef.local(-3, 17))])
    html = client.get(gulf.url).content.decode()
    assert "Prenatal massage" in html and "Old workshop" not in html
    assert "Expired" in html and "Oregon Board" in html
    assert f"?provider={gulf.slug}" in html
    assert f"webcal://testserver/calendar/events.ics?provider={gulf.slug}" in html


def test_home_page_shows_the_next_events_going_ahead(client, gulf):
    ef.event(gulf, title="Soonest", sessions=[(ef.local(2, 9), ef.local(2, 17))])
    ef.event(gulf, title="Cancelled one", status="cancelled", sessions=[(ef.local(1, 9), ef.local(1, 17))])
    for n in range(3):
        ef.event(gulf, title=f"Later {n}", sessions=[(ef.local(10 + n, 9), ef.local(10 + n, 17))])
    html = client.get("/").content.decode()
    assert "Next workshops and events" in html
    assert "Soonest" in html and "Later 1" in html
    assert "Later 2" not in html  # three at most
    assert "Cancelled one" not in html


def test_course_page_shows_related_upcoming_events(client, gulf):
    course = factories.course(title="Contraindications", categories=["contraindications-safety"])
    linked = ef.event(gulf, title="Linked workshop", categories=("ethics",), courses=(course,))
    shared = ef.event(
        gulf,
        title="Same category",
        categories=("contraindications-safety",),
        sessions=[(ef.local(1, 9), ef.local(1, 17))],
    )
    ef.event(gulf, title="Unrelated", categories=("ethics",))
    ef.event(gulf, title="Cancelled related", categories=("contraindications-safety",), status="cancelled")
    ef.event(
        gulf,
        title="Past related",
        categories=("contraindications-safety",),
        sessions=[(ef.local(-2, 9), ef.local(-2, 17))],
    )

    html = client.get(course.url).content.decode()
    assert "Upcoming events" in html
    assert html.index(linked.title) < html.index(shared.title)  # explicit links first
    for absent in ("Unrelated", "Cancelled related", "Past related"):
        assert absent not in html


def test_course_and_home_blocks_cost_the_same_queries_for_2_and_10_events(client, gulf, settings):
    settings.PAGE_CACHE_ENABLED = False  # the queries of making the pages, not of sending kept ones
    course = factories.course(title="Contraindications", categories=["hands-on-technique"])

    def count(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    for n in range(2):
        ef.event(gulf, courses=(course,), sessions=[(ef.local(3 + n, 9), ef.local(3 + n, 17))])
    # Each publish starts a new page-cache generation, which routes and section links are kept under:
    # one request each fills them again, so the counts compare pages made with the same things kept.
    count("/"), count(course.url)
    few_home, few_course = count("/"), count(course.url)
    for n in range(8):
        ef.event(gulf, courses=(course,), sessions=[(ef.local(20 + n, 9), ef.local(20 + n, 17))])
    count("/"), count(course.url)
    assert count("/") == few_home
    assert count(course.url) == few_course


def test_navigation_links_to_events(client, events_index):
    html = client.get("/").content.decode()
    assert '<a href="/events/">Events</a>' in html
    assert '<a href="/events/" aria-current="page">Events</a>' in client.get("/events/").content.decode()


def test_event_under_way_shows_now(client, gulf):
    ef.event(gulf, delivery_method="on_demand", sessions=[(ef.local(-1, 0), ef.local(30, 23))])
    html = client.get("/events/").content.decode()
    assert "date-tile--now" in html


def test_hands_on_needs_an_on_site_event(gulf):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Hands-on practice happens in person"):
        ef.event(gulf, delivery_method="live_webinar", hands_on=True)


def test_registration_deadline_and_times_use_the_event_date(client, gulf):
    today = timezone.localdate()
    event = ef.event(gulf, registration_deadline=today + timedelta(days=5))
    assert f"{today + timedelta(days=5):%a} {(today + timedelta(days=5)).day}" in client.get(event.url).content.decode()


def test_moving_an_event_to_another_provider_moves_its_listing(client, gulf, cascade):
    event = ef.event(gulf, title="Travelling workshop")
    event.move(cascade, pos="last-child")
    event.refresh_from_db()
    assert event.provider_id == cascade.pk
    response = client.get(f"/events/?provider={cascade.slug}")
    assert [listed.title for listed in response.context["events"]] == ["Travelling workshop"]


def test_a_provider_cannot_take_the_archives_address(events_index):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="taken by the events listing"):
        ef.provider("Past")


def test_providers_and_events_write_their_address_the_same_way():
    provider = ProviderPage(
        street_address="2210 Bayshore Boulevard\n  Suite 4  \n\n",
        city="Tampa",
        region="Florida",
        postal_code="33606",
        country="United States",
    )
    assert provider.address_lines == ["2210 Bayshore Boulevard", "Suite 4", "Tampa, Florida 33606", "United States"]
    # An event's venue heads its address; missing parts leave no empty lines or stray commas.
    event = EventPage(venue="Studio B", street_address="", city="", region="Oregon", postal_code="", country="")
    assert event.address_lines == ["Studio B", "Oregon"]
    postcode_only = EventPage(venue="", street_address="", city="", region="", postal_code="97214", country="")
    assert postcode_only.address_lines == ["97214"]
