"""A provider reads its events in figures: the home page's Upcoming events panel, the events report with its
totals, and one event's report with its charts and their tables; every page passes axe.

Runs on the demo: Gulf Coast's past *Assisted Stretching for the Hips and Hamstrings* (four places: two
attended in full, one partly, one no-show; two credit records) and its full upcoming *Swedish Technique
Foundations* offering (four places, one waiting) (events/demo/data/).
"""

from django.urls import reverse

from events.models import EventPage
from tests.browser.test_admin_accessibility import admin_login

PAST = "Assisted Stretching for the Hips and Hamstrings"
UPCOMING = "Swedish Technique Foundations"


def test_provider_reads_the_events_report_and_one_events_report(demo, page, live_server, axe_check):
    past = EventPage.objects.get(slug="assisted-stretching-hips-and-hamstrings")
    upcoming = EventPage.objects.get(slug="swedish-technique-foundations-tampa")
    admin_login(page, live_server, "gulfcoast", "touchstone-provider")

    # The home page: upcoming events with places taken, the waiting list and capacity.
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    panel = page.locator("#provider-upcoming-events-section")
    row = panel.get_by_role("row", name=UPCOMING)
    assert row.get_by_role("cell").all_inner_texts()[1:] == ["4", "1", "4"]
    axe_check(page)

    # The events report: every Gulf Coast event in the default range, none of Cascade's.
    page.goto(live_server.url + reverse("reports_events"))
    main = page.locator("main")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Events report")
    assert PAST in main.inner_text() and "Cascade" not in main.inner_text()
    cells = main.get_by_role("row", name=PAST).get_by_role("cell").all_inner_texts()
    # Dates, capacity, registered, waiting, cancelled, fill rate, in full, partly, no-shows, not recorded, credit.
    assert cells[1:10] == ["12", "4", "0", "0", "33 %", "2", "1", "1", "0"]
    assert cells[10].startswith("2 ")
    axe_check(page)

    # A bad range is a form error, not an empty report.
    page.get_by_label("From", exact=True).fill("2026-05-01")
    page.get_by_label("To", exact=True).fill("2026-04-01")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert "before the “From” date" in main.inner_text()

    # One event's report: the charts (svg) with their tables.
    page.goto(live_server.url + reverse("reports_event", args=[past.pk]))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Event report")
    figures = page.locator("figure")
    assert figures.count() == 2
    for index in range(2):
        figure = figures.nth(index)
        assert figure.locator("svg[role=img]").count() == 1
        figure.locator("summary").click()
        assert figure.locator("table tbody tr").count() >= 1
    assert "Attendance per session" in page.locator("main").inner_text()
    axe_check(page)

    page.goto(live_server.url + reverse("reports_event", args=[upcoming.pk]))
    assert "4" in page.get_by_role("row", name="Registered").inner_text()
    axe_check(page)
