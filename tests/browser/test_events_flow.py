"""A learner finds a hands-on workshop in their state and puts it in their calendar."""

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import login
from tests.events import factories as ef


def next_january() -> date:
    return date(timezone.localdate().year + 1, 1, 14)


@pytest.fixture
def listed_events(db):
    gulf = ef.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")
    cascade = ef.provider("Cascade Myofascial Education", time_zone="America/Los_Angeles")
    day = next_january()
    workshop = ef.event(
        gulf,
        title="Prenatal Massage: Positioning and Safety",
        hands_on=True,
        city="Tampa",
        region="Florida",
        sessions=[
            (ef.local(day, 10), ef.local(day, 17)),
            (ef.local(day.replace(day=15), 9), ef.local(day.replace(day=15), 16)),
        ],
    )
    ef.event(gulf, title="Florida Laws and Rules", delivery_method="live_webinar", categories=("laws-rules",))
    ef.event(gulf, title="Swedish Review Day", city="Orlando", region="Florida")  # in Florida, not hands-on
    ef.event(
        cascade,
        title="Myofascial Release for the Lower Back",
        hands_on=True,
        city="Portland",
        region="Oregon",
        time_zone="America/Los_Angeles",
    )
    ef.event(
        gulf, title="Cancelled Sports Massage", hands_on=True, status="cancelled", region="Florida", city="Jacksonville"
    )
    return workshop


def test_learner_filters_opens_a_workshop_and_downloads_its_calendar(page, live_server, listed_events, axe_check):
    factories.user("sam", password="touchstone-learner")
    login(page, live_server, "sam", "touchstone-learner")

    page.goto(live_server.url + "/events/")
    assert page.get_by_role("heading", level=1).inner_text() == "Events"
    assert page.locator(".event-card").count() == 5
    axe_check(page)

    page.get_by_label("Hands-on workshops only").check()
    page.wait_for_url("**hands_on=on**")
    page.get_by_label("State or region").select_option("Florida")
    page.wait_for_url("**region=Florida**")
    expect(page.locator(".event-card")).to_have_count(2)  # not wait_for_function: the CSP refuses eval
    cards = page.locator(".event-card")
    assert "2 upcoming events match your filters." in page.locator(".results-count").inner_text()
    assert "Cancelled" in cards.filter(has_text="Cancelled Sports Massage").inner_text()
    # The subscribe link follows the filters.
    assert "region=Florida" in page.get_by_role("link", name="Subscribe in your calendar app").get_attribute("href")

    cards.get_by_role("link", name="Prenatal Massage: Positioning and Safety").click()
    page.wait_for_url(f"**{listed_events.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Prenatal Massage: Positioning and Safety"
    day = next_january()
    assert f"{day:%a} 14 Jan {day.year}, 10:00 AM – 5:00 PM EST" in page.locator(".session-list").inner_text()
    axe_check(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == f"{listed_events.slug}.ics"
    with open(download.path(), "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    entries = calendar.walk("VEVENT")
    assert len(entries) == 2
    assert entries[0].start.astimezone(UTC) == datetime(day.year, 1, 14, 15, 0, tzinfo=UTC)
    assert str(entries[0]["SUMMARY"]) == "Prenatal Massage: Positioning and Safety (session 1 of 2)"


def test_filters_work_without_javascript(browser, live_server, listed_events):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/events/")
    page.get_by_label("Hands-on workshops only").check()
    page.get_by_label("State or region").select_option("Oregon")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**region=Oregon**")
    assert page.locator(".event-card").count() == 1
    assert "Myofascial Release for the Lower Back" in page.locator(".event-card").inner_text()

    page.goto(live_server.url + "/events/?date_from=2030-05-10&date_to=2030-05-01")
    assert "is after the “Until” date" in page.get_by_role("alert").inner_text()
    context.close()


def test_event_pages_fit_a_phone_screen(phone_page, live_server, listed_events, axe_check):
    for path in ["/events/", listed_events.url]:
        phone_page.goto(live_server.url + path)
        scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 390, f"{path} scrolls sideways on a phone ({scroll_width}px)"
    axe_check(phone_page)
