"""The event listing: upcoming by default, filters, archive, pagination, bad input and query budget."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.pages import EVENTS_PER_PAGE
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


def test_upcoming_events_soonest_first_and_past_ones_in_the_archive(client, gulf):
    later = ef.event(gulf, title="Later workshop", sessions=[(ef.local(30, 9), ef.local(30, 17))])
    sooner = ef.event(gulf, title="Sooner workshop", sessions=[(ef.local(3, 9), ef.local(3, 17))])
    ef.event(gulf, title="Finished workshop", sessions=[(ef.local(-3, 9), ef.local(-3, 17))])
    ef.event(gulf, title="Older workshop", sessions=[(ef.local(-30, 9), ef.local(-30, 17))])

    response = client.get("/events/")
    assert response.status_code == 200
    assert titles(response) == [sooner.title, later.title]
    assert "2 upcoming events." in response.content.decode()

    archive = client.get("/events/past/")
    assert archive.status_code == 200
    assert titles(archive) == ["Finished workshop", "Older workshop"]  # most recent first
    assert "<h1>Past events</h1>" in archive.content.decode()


def test_an_event_under_way_is_still_upcoming(client, gulf):
    ef.event(
        gulf,
        title="On-demand ethics",
        delivery_method="on_demand",
        time_zone="UTC",
        sessions=[(ef.local(-10, 9), ef.local(60, 17))],
    )
    assert titles(client.get("/events/")) == ["On-demand ethics"]
    assert "Now" in client.get("/events/").content.decode()


def test_cancelled_events_are_listed_and_marked(client, gulf):
    ef.event(gulf, title="Sports massage", status="cancelled")
    html = client.get("/events/").content.decode()
    assert "Sports massage" in html
    assert "event-card--cancelled" in html
    assert ">Cancelled<" in html
    assert "Cancelled: </span>Sports massage" in html  # screen readers hear it in the link


def test_drafts_and_unpublished_providers_are_not_listed(client, gulf, events_index):
    ef.event(gulf, title="Draft workshop", publish=False)
    hidden_provider = ef.provider("New Provider", publish=False)
    hidden = ef.event(hidden_provider, title="Event of an unapproved provider")
    response = client.get("/events/")
    assert titles(response) == []
    assert client.get(hidden.url).status_code == 404


FILTER_CASES = [
    ("category=ethics", {"Ethics webinar"}),
    ("delivery=live_webinar", {"Ethics webinar"}),
    ("hands_on=on", {"Prenatal massage"}),
    ("region=Florida", {"Prenatal massage", "Trigger points"}),
    ("region=washington", {"Myofascial release"}),
    ("city=tamp", {"Prenatal massage"}),
    ("city=%20Seattle%20", {"Myofascial release"}),
    ("min_hours=7", {"Prenatal massage", "Myofascial release"}),
    ("min_hours=6.5", {"Prenatal massage", "Myofascial release"}),
    ("provider=cascade-myofascial-education", {"Myofascial release"}),
    ("hands_on=on&region=Florida", {"Prenatal massage"}),
    ("hands_on=on&region=Washington", set()),
    ("category=hands-on-technique&delivery=live_on_site&min_hours=6.5", {"Prenatal massage", "Myofascial release"}),
    ("", {"Prenatal massage", "Trigger points", "Ethics webinar", "Myofascial release"}),
]


def test_filters(client, gulf, cascade):
    ef.event(gulf, title="Prenatal massage", hands_on=True, ce_hours="14", city="Tampa", region="Florida")
    ef.event(gulf, title="Trigger points", ce_hours="6", city="Orlando", region="Florida")
    ef.event(gulf, title="Ethics webinar", delivery_method="live_webinar", categories=("ethics",), ce_hours="3")
    ef.event(
        cascade,
        title="Myofascial release",
        ce_hours="21",
        city="Seattle",
        region="Washington",
        time_zone="America/Los_Angeles",
    )
    for query, expected in FILTER_CASES:
        response = client.get(f"/events/?{query}")
        assert response.status_code == 200, query
        assert not response.context["filter_form"].errors, query
        assert set(titles(response)) == expected, query


def test_region_choices_are_the_listed_regions(client, gulf):
    ef.event(gulf, title="Prenatal massage", region="Florida")
    ef.event(gulf, title="Hot stones", city="Savannah", region="Georgia")
    html = client.get("/events/").content.decode()
    assert '<option value="Florida">Florida</option>' in html
    assert '<option value="Georgia">Georgia</option>' in html
    response = client.get("/events/?region=Oregon")
    assert "State or region: Select a valid choice." in response.content.decode()
    assert len(titles(response)) == 2


def test_date_range_uses_each_events_local_dates(client, gulf):
    day = timezone.localdate() + timedelta(days=20)
    # 8 PM in Los Angeles on `day` is already the next day in UTC.
    ef.event(
        gulf,
        title="Evening webinar",
        delivery_method="live_webinar",
        time_zone="America/Los_Angeles",
        sessions=[(ef.local(day, 20), ef.local(day, 21, 30))],
    )
    ef.event(
        gulf,
        title="Three-day workshop",
        sessions=[(ef.local(day + timedelta(days=d), 9), ef.local(day + timedelta(days=d), 17)) for d in (5, 6, 7)],
    )
    on_day = client.get(f"/events/?date_from={day:%Y-%m-%d}&date_to={day:%Y-%m-%d}")
    assert titles(on_day) == ["Evening webinar"]
    next_day = day + timedelta(days=1)
    assert titles(client.get(f"/events/?date_from={next_day:%Y-%m-%d}&date_to={next_day:%Y-%m-%d}")) == []
    # Overlap: a range touching the middle day of the workshop finds it.
    middle = day + timedelta(days=6)
    assert titles(client.get(f"/events/?date_from={middle:%Y-%m-%d}")) == ["Three-day workshop"]
    assert titles(client.get(f"/events/?date_to={middle:%Y-%m-%d}")) == ["Evening webinar", "Three-day workshop"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date_from=2027-13-45", "From: Enter a valid date."),
        ("date_from=2027-05-10&date_to=2027-05-01", "is after the “Until” date"),
        ("category=not-a-category", "CE category: Select a valid choice."),
        ("delivery=teleport", "Delivery: Select a valid choice."),
        ("min_hours=lots", "At least (CE hours): Enter a number."),
        ("min_hours=-2", "greater than or equal to 0"),
        ("provider=nobody", "Provider: Select a valid choice."),
        ("city=" + "x" * 200, "City: Ensure this value has at most 80 characters"),
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(client, gulf, query, message):
    ef.event(gulf, title="Prenatal massage", region="Florida")
    response = client.get(f"/events/?{query}&region=Florida")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors" role="alert"' in html
    assert message.replace("“", "&ldquo;").replace("”", "&rdquo;") in html or message in html
    # The filters that were fine still apply.
    assert titles(response) == ["Prenatal massage"]


def test_bad_page_numbers_fall_back_to_a_real_page(client, gulf):
    ef.event(gulf, title="Only event")
    for page in ("abc", "999", "-1", "0"):
        response = client.get(f"/events/?page={page}")
        assert response.status_code == 200
        assert titles(response) == ["Only event"]


def test_pagination_keeps_the_filters(client, gulf):
    for n in range(EVENTS_PER_PAGE + 2):
        ef.event(gulf, title=f"Workshop {n:02d}", hands_on=True, sessions=[(ef.local(5 + n, 9), ef.local(5 + n, 17))])
    ef.event(gulf, title="Lecture", sessions=[(ef.local(4, 9), ef.local(4, 17))])

    first = client.get("/events/?hands_on=on")
    assert len(titles(first)) == EVENTS_PER_PAGE
    assert "Lecture" not in titles(first)
    assert 'href="?hands_on=on&amp;page=2"' in first.content.decode()
    second = client.get("/events/?hands_on=on&page=2")
    assert titles(second) == ["Workshop 12", "Workshop 13"]


def test_feed_links_carry_the_filters(client, gulf):
    ef.event(gulf, title="Prenatal massage", hands_on=True)
    html = client.get("/events/?hands_on=on&region=Florida&page=1").content.decode()
    assert 'href="webcal://testserver/calendar/events.ics?hands_on=on&amp;region=Florida"' in html
    assert 'value="http://testserver/calendar/events.ics?hands_on=on&amp;region=Florida"' in html


def _listing_queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/events/", "/events/past/", "/events/?hands_on=on&region=Florida&category=ethics"])
def test_listing_costs_the_same_queries_for_2_and_10_events(client, gulf, cascade, path, settings):
    settings.PAGE_CACHE_ENABLED = False  # the queries of making the listing, not of sending a kept one

    def add(count: int, offset: int) -> None:
        for n in range(count):
            days = offset + n if "past" not in path else -(offset + n)
            ef.event(
                gulf if n % 2 else cascade,
                hands_on=True,
                categories=("ethics", "hands-on-technique"),
                sessions=[(ef.local(days, 9), ef.local(days, 17)), (ef.local(days + 1, 9), ef.local(days + 1, 17))],
            )

    add(2, 3)
    client.get(path)  # warm per-process caches (site root paths, content types)
    few = _listing_queries(client, path)
    add(8, 20)
    client.get(path)  # publishing started a new page-cache generation: fill what is kept under it again
    many = _listing_queries(client, path)
    assert len(client.get(path).context["events"]) == 10
    assert many == few
