"""Calendar files and feeds, parsed back with icalendar: UIDs, time zones, sessions, status, SEQUENCE."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from events import calendars, schedule
from events.models import EventPage, EventSession
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def next_january() -> date:
    return date(timezone.localdate().year + 1, 1, 14)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_event_ics_has_every_session_in_its_time_zone(client, gulf):
    day = next_january()
    event = ef.event(
        gulf,
        title="Prenatal massage",
        sessions=[
            (ef.local(day, 10), ef.local(day, 17)),
            (ef.local(day + timedelta(days=1), 9), ef.local(day + timedelta(days=1), 16)),
        ],
    )
    response = client.get(f"/calendar/events/{event.uid}.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = parse(response)

    entries = calendar.walk("VEVENT")
    assert len(entries) == 2
    first, second = entries
    # 10:00 America/New_York in January is 15:00 UTC.
    assert first.start == datetime(day.year, 1, 14, 10, tzinfo=ZoneInfo("America/New_York"))
    assert first.start.astimezone(UTC) == datetime(day.year, 1, 14, 15, tzinfo=UTC)
    assert first.end.astimezone(UTC) == datetime(day.year, 1, 14, 22, tzinfo=UTC)
    assert second.start.astimezone(UTC) == datetime(day.year, 1, 15, 14, tzinfo=UTC)
    assert "DTSTART;TZID=America/New_York:" in response.content.decode()
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]

    sessions = list(event.sessions.order_by("starts_at"))
    assert [str(entry["UID"]) for entry in entries] == [str(session.uid) for session in sessions]
    assert all("http" not in str(entry["UID"]) for entry in entries)
    assert str(first["SUMMARY"]) == "Prenatal massage (session 1 of 2)"
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(first["URL"]).endswith(event.url)
    assert "Tampa, Florida" in str(first["LOCATION"])
    assert "Hands-on technique" in first.categories
    assert first["ORGANIZER"] == f"mailto:{gulf.contact_email}"
    assert "CE hours: 6 CEs" in str(first["DESCRIPTION"])


def test_a_multi_day_workshop_across_the_daylight_saving_change(client, gulf):
    # US clocks go forward early on Sunday 8 March 2026. The same 10:00 local start is 15:00Z, then 14:00Z.
    event = ef.event(
        gulf,
        title="Weekend workshop",
        sessions=[
            (datetime(2026, 3, 7, 10), datetime(2026, 3, 7, 17)),
            (datetime(2026, 3, 8, 10), datetime(2026, 3, 8, 17)),
        ],
    )
    calendar = parse(client.get(f"/calendar/events/{event.uid}.ics"))
    starts = [entry.start.astimezone(UTC) for entry in calendar.walk("VEVENT")]
    assert starts == [datetime(2026, 3, 7, 15, tzinfo=UTC), datetime(2026, 3, 8, 14, tzinfo=UTC)]
    timezone_component = calendar.timezones[0]
    assert {str(sub["TZNAME"]) for sub in timezone_component.subcomponents} == {"EST", "EDT"}

    page = client.get(event.url).content.decode()
    assert "Sat 7 Mar 2026, 10:00 AM – 5:00 PM EST" in page
    assert "Sun 8 Mar 2026, 10:00 AM – 5:00 PM EDT" in page


def test_cancelled_event_says_so(client, gulf):
    event = ef.event(gulf, title="Sports massage", status="cancelled")
    entry = parse(client.get(f"/calendar/events/{event.uid}.ics")).walk("VEVENT")[0]
    assert str(entry["STATUS"]) == "CANCELLED"
    assert str(entry["SUMMARY"]) == "Cancelled: Sports massage"


def test_on_demand_window_does_not_block_the_calendar(client, gulf):
    event = ef.event(gulf, delivery_method="on_demand", sessions=[(ef.local(-5, 9), ef.local(90, 23))])
    entry = parse(client.get(f"/calendar/events/{event.uid}.ics")).walk("VEVENT")[0]
    assert str(entry["TRANSP"]) == "TRANSPARENT"
    assert "Joining: The link is e-mailed" in str(entry["DESCRIPTION"])


def test_sequence_rises_when_a_published_change_alters_the_calendar(client, gulf):
    event = ef.event(gulf, title="Trigger points")
    assert event.sequence == 0
    uids = set(EventSession.objects.filter(page=event).values_list("uid", flat=True))

    # A change calendars don't show (promote tab) is not an update.
    event.seo_title = "Trigger point workshop in Tampa"
    publish(event)
    assert event.sequence == 0

    session = event.sessions.get()
    session.starts_at += timedelta(hours=1)
    event.sessions.set([session])
    publish(event)
    assert event.sequence == 1

    event.status = "cancelled"
    publish(event)
    assert event.sequence == 2

    # Publishing an older revision does not roll the sequence back; it is another change.
    event.get_latest_revision()
    first_revision = event.revisions.order_by("created_at", "pk").first()
    first_revision.publish()
    event.refresh_from_db()
    assert event.sequence == 3
    assert set(EventSession.objects.filter(page=event).values_list("uid", flat=True)) == uids

    entry = parse(client.get(f"/calendar/events/{event.uid}.ics")).walk("VEVENT")[0]
    assert entry["SEQUENCE"] == 3
    assert str(entry["UID"]) in {str(uid) for uid in uids}


def test_a_copied_event_gets_new_calendar_ids(gulf):
    event = ef.event(
        gulf, title="Trigger points", sessions=[(ef.local(5, 9), ef.local(5, 17)), (ef.local(6, 9), ef.local(6, 17))]
    )
    copy = event.copy(update_attrs={"title": "Trigger points (again)", "slug": "trigger-points-again"})
    copy = EventPage.objects.get(pk=copy.pk)
    assert copy.uid != event.uid
    assert copy.sequence == 0
    original = set(event.sessions.values_list("uid", flat=True))
    copied = set(copy.sessions.values_list("uid", flat=True))
    assert len(copied) == 2 and not original & copied
    assert copy.provider_id == gulf.pk


def test_unknown_or_unpublished_event_is_a_404(client, gulf):
    draft = ef.event(gulf, publish=False)
    assert client.get(f"/calendar/events/{draft.uid}.ics").status_code == 404
    assert client.get("/calendar/events/4f1c1d5e-0000-4000-8000-000000000000.ics").status_code == 404
    assert client.get("/calendar/events/not-a-uuid.ics").status_code == 404


def test_feed_honours_the_listing_filters(client, gulf, cascade):
    ef.event(gulf, title="Prenatal massage", hands_on=True, region="Florida")
    ef.event(gulf, title="Florida laws", delivery_method="live_webinar", categories=("laws-rules",))
    ef.event(cascade, title="Myofascial release", hands_on=True, city="Portland", region="Oregon")

    everything = parse(client.get("/calendar/events.ics"))
    assert {str(entry["SUMMARY"]) for entry in everything.walk("VEVENT")} == {
        "Prenatal massage",
        "Florida laws",
        "Myofascial release",
    }
    assert str(everything["X-WR-CALNAME"]) == "Touchstone events"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in client.get("/calendar/events.ics").content.decode()

    response = client.get("/calendar/events.ics?hands_on=on&region=Florida")
    feed = parse(response)
    assert [str(entry["SUMMARY"]) for entry in feed.walk("VEVENT")] == ["Prenatal massage"]
    assert str(feed["X-WR-CALNAME"]) == "Touchstone events: Hands-on, Florida"
    assert "Content-Disposition" not in response  # subscribed, not downloaded

    by_provider = parse(client.get(f"/calendar/events.ics?provider={cascade.slug}"))
    assert [str(entry["SUMMARY"]) for entry in by_provider.walk("VEVENT")] == ["Myofascial release"]
    assert {tz.tz_name for tz in by_provider.timezones} == {"America/New_York"}


def test_feed_keeps_recently_ended_events_but_not_old_ones(client, gulf):
    ef.event(gulf, title="Last week", sessions=[(ef.local(-7, 9), ef.local(-7, 17))])
    ef.event(gulf, title="Last quarter", sessions=[(ef.local(-90, 9), ef.local(-90, 17))])
    ef.event(gulf, title="Next week", sessions=[(ef.local(7, 9), ef.local(7, 17))])
    feed = parse(client.get("/calendar/events.ics"))
    assert [str(entry["SUMMARY"]) for entry in feed.walk("VEVENT")] == ["Last week", "Next week"]


@pytest.mark.parametrize(
    "query",
    ["date_from=someday", "date_from=2027-05-10&date_to=2027-05-01", "category=nope", "min_hours=x", "provider=nobody"],
)
def test_feed_with_bad_filters_is_a_readable_400(client, gulf, query):
    response = client.get(f"/calendar/events.ics?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith("This calendar feed's address has filters that are not valid:")


def test_feed_costs_the_same_queries_for_2_and_10_events(client, gulf, cascade, settings):
    settings.PAGE_CACHE_ENABLED = False  # the queries of making the feed, not of sending a kept one

    def add(count: int, offset: int) -> None:
        for n in range(count):
            ef.event(
                gulf if n % 2 else cascade,
                categories=("ethics", "hands-on-technique"),
                sessions=[
                    (ef.local(offset + n, 9), ef.local(offset + n, 17)),
                    (ef.local(offset + n + 1, 9), ef.local(offset + n + 1, 17)),
                ],
            )

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/calendar/events.ics").status_code == 200
        return len(captured)

    add(2, 3)
    count_queries()
    few = count_queries()
    add(8, 20)
    count_queries()  # publishing started a new page-cache generation: fill what is kept under it again
    many = count_queries()
    assert len(parse(client.get("/calendar/events.ics")).walk("VEVENT")) == 20
    assert many == few


def test_event_page_offers_add_to_calendar_links(client, gulf):
    event = ef.event(gulf, title="Prenatal massage")
    html = client.get(event.url).content.decode()
    assert f'href="/calendar/events/{event.uid}.ics" download' in html
    assert f'href="webcal://testserver/calendar/events.ics?provider={gulf.slug}"' in html


def test_session_times_are_stored_in_utc_with_local_dates(gulf):
    event = ef.event(
        gulf,
        time_zone="America/Los_Angeles",
        delivery_method="live_webinar",
        sessions=[(datetime(2027, 3, 5, 20), datetime(2027, 3, 5, 21))],
    )
    session = event.sessions.get()
    assert session.starts_at == datetime(2027, 3, 6, 4, tzinfo=UTC)
    assert session.starts_on == date(2027, 3, 5)
    assert schedule.zone_abbreviation(session.local_start) == "PST"


def test_fingerprint_is_stable_and_sensitive():
    data = {"title": "Prenatal massage", "sessions": [["a", "2027-01-14T15:00:00+00:00"]]}
    assert calendars.fingerprint(data) == calendars.fingerprint(dict(reversed(list(data.items()))))
    assert calendars.fingerprint(data) != calendars.fingerprint({**data, "title": "Prenatal massage II"})
