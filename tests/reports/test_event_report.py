"""Providers' event reports: the figures (exact, from hand-made registrations and attendance), who may read
which event's report, the date-range form, the CSV, the home-page panel, and query budgets."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import attendance, schedule
from events.choices import RegistrationStatus
from events.models import EventPage, Registration
from events.services import add_provider_account
from reports import event_report
from tests import factories
from tests.credit import factories as cf
from tests.events import factories as ef
from tests.events.attendance_helpers import past_event, place_for

pytestmark = pytest.mark.django_db

LIST_URL = reverse("reports_events")
CSV_URL = reverse("reports_events_csv")


def report_url(event) -> str:
    return reverse("reports_event", args=[event.pk])


def waiting(event, username):
    return Registration.objects.create(event=event, learner=cf.learner(username), status=RegistrationStatus.WAITING)


def cancelled(event, username):
    return Registration.objects.create(
        event=event, learner=cf.learner(username), status=RegistrationStatus.CANCELLED, cancelled_at=timezone.now()
    )


@pytest.fixture
def cascade_staff(cascade):
    staff = factories.user("cascadestaff")
    add_provider_account(cascade, staff)
    return staff


@pytest.fixture
def admin_user(db):
    return factories.user("boss", is_superuser=True, is_staff=True)


@pytest.fixture
def world(gulf, cascade, gulf_staff):
    """Gulf's past two-day workshop (4 places: in full, partly, no-show, not recorded; 1 waiting, 1 cancelled),
    Gulf's upcoming workshop (full: 2 of 2 places, 1 waiting), and a Cascade workshop."""
    past = past_event(gulf, sessions=2, capacity=10, title="Prenatal Massage Intensive")
    ana, ben, cleo, dee = (place_for(past, cf.learner(name)) for name in ("ana", "ben", "cleo", "dee"))
    first, second = past.session_list
    for session in (first, second):
        attendance.mark(session=session, registration_id=ana.pk, present=True, by=gulf_staff)
    attendance.mark(session=first, registration_id=ben.pk, present=True, by=gulf_staff)
    attendance.mark(session=second, registration_id=ben.pk, present=True, minutes=120, by=gulf_staff)
    attendance.mark(session=first, registration_id=cleo.pk, present=False, by=gulf_staff)
    waiting(past, "wes")
    cancelled(past, "cal")
    upcoming = ef.event(
        gulf, title="Stretching Hips", registration_url="", capacity=2, sessions=[(ef.local(20, 9), ef.local(20, 17))]
    )
    place_for(upcoming, cf.learner("uma"))
    place_for(upcoming, cf.learner("ulf"))
    waiting(upcoming, "una")
    theirs = ef.event(cascade, title="Cascade Low Back", registration_url="", capacity=16)
    place_for(theirs, cf.learner("cid"))
    return {"past": past, "upcoming": upcoming, "theirs": theirs, "dee": dee}


# -- the figures ------------------------------------------------------------------------------------------


def test_each_event_has_exact_figures_and_the_totals_add_up(world, gulf):
    lines = event_report.event_figures(events=EventPage.objects.filter(provider=gulf))
    assert [line.event.title for line in lines] == ["Prenatal Massage Intensive", "Stretching Hips"]
    past, upcoming = lines
    assert (past.capacity, past.registered, past.waiting, past.cancelled) == (10, 4, 1, 1)
    assert past.attendance == event_report.Attendance(in_full=1, partly=1, no_show=1, not_recorded=1)
    assert (past.credits, past.credit_hours, past.fill_rate) == (1, Decimal("6"), 40)
    assert past.dates
    assert (upcoming.registered, upcoming.waiting, upcoming.fill_rate) == (2, 1, 100)
    assert upcoming.attendance == event_report.Attendance(not_recorded=2)
    assert upcoming.credits == 0
    total = event_report.totals(lines)
    assert (total.events, total.capacity, total.registered, total.waiting, total.cancelled) == (2, 12, 6, 2, 1)
    assert total.fill_rate == 50
    assert total.attendance == event_report.Attendance(in_full=1, partly=1, no_show=1, not_recorded=3)
    assert (total.credits, total.credit_hours) == (1, Decimal("6"))


def test_the_date_range_keeps_events_held_in_it(world, gulf):
    today = timezone.localdate()
    events = EventPage.objects.filter(provider=gulf)
    soon = event_report.event_figures(events=events, start=today, end=today + timedelta(days=30))
    assert [line.event.title for line in soon] == ["Stretching Hips"]
    before = event_report.event_figures(events=events, end=today)
    assert [line.event.title for line in before] == ["Prenatal Massage Intensive"]


def test_each_session_has_its_attendance_and_sign_ups_are_counted_per_day(world):
    past = world["past"]
    first, second = event_report.session_attendance(event=past, places=4)
    assert (first.in_full, first.partly, first.absent, first.not_recorded) == (2, 0, 1, 1)
    assert (second.in_full, second.partly, second.absent, second.not_recorded) == (1, 1, 0, 2)
    # Days are the event's, whatever the hour in UTC (at 01:00 UTC it is still yesterday in America).
    today = timezone.localdate(timezone=schedule.get_zone(past.time_zone))
    Registration.objects.filter(pk=world["dee"].pk).update(created_at=timezone.now() - timedelta(days=3))
    periods = event_report.signups_over_time(event=past, first_day=today)
    assert [period.registrations for period in periods] == [1, 0, 0, 5]
    assert periods[-1].starts_on == today


def test_sign_ups_spread_over_months_are_counted_per_week(world):
    upcoming = world["upcoming"]
    Registration.objects.filter(event=upcoming, learner__username="uma").update(
        created_at=timezone.now() - timedelta(days=100)
    )
    periods = event_report.signups_over_time(event=upcoming, first_day=timezone.localdate() + timedelta(days=20))
    assert periods[0].label.startswith("Week of") and periods[0].unit == "week"
    assert sum(period.registrations for period in periods) == 3
    # From the week of the first sign-up to this week (the event is later: sign-ups stop at today).
    today = timezone.localdate()
    first_week = today - timedelta(days=100 + (today - timedelta(days=100)).weekday())
    assert periods[0].starts_on == first_week
    assert periods[-1].starts_on == today - timedelta(days=today.weekday())
    assert len(periods) == (periods[-1].starts_on - first_week).days // 7 + 1


def test_an_offerings_course_record_issued_later_counts_as_credit(gulf, gulf_staff):
    course, _ = cf.live_course()
    event = past_event(
        gulf, delivery_method=course.delivery_method, ce_hours=str(course.ce_hours), offering_of=course, title="Offer"
    )
    learner = cf.learner("ola")
    registration = place_for(event, learner)
    from credit.models import CreditRecord

    record = CreditRecord(
        user=learner, course=course, **_snapshot_for(event, learner)
    )  # a course record, completed at the offering's end, not linked to the place
    record.save()
    (line,) = event_report.event_figures(events=EventPage.objects.filter(pk=event.pk))
    assert line.credits == 1
    assert line.credit_hours == course.ce_hours
    assert registration.credit_record_id is None


def _snapshot_for(event, learner) -> dict:
    from credit import live
    from events.attendance_credit import offering_for

    event = EventPage.objects.get(pk=event.pk)
    return live.snapshot(user=learner, offering=offering_for(event), tested=False)


def test_the_figures_cost_the_same_queries_however_many_events_and_registrations(world, gulf):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            event_report.event_figures(events=EventPage.objects.filter(provider=gulf))
        return len(queries)

    before = count()
    for n in range(3):
        extra = ef.event(gulf, registration_url="", capacity=5, sessions=[(ef.local(5 + n, 9), ef.local(5 + n, 12))])
        for m in range(3):
            place_for(extra, cf.learner(f"more{n}{m}"))
    assert count() == before == 2


# -- the pages --------------------------------------------------------------------------------------------


def test_the_provider_sees_their_events_with_figures_and_not_another_providers(client, world, gulf_staff):
    client.force_login(gulf_staff)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Prenatal Massage Intensive" in html and "Stretching Hips" in html
    assert "Cascade Low Back" not in html
    assert report_url(world["past"]) in html
    assert response.context["total"].registered == 6


def test_another_providers_event_report_is_not_found(client, world, cascade_staff, gulf_staff):
    client.force_login(cascade_staff)
    assert client.get(report_url(world["past"])).status_code == 404
    assert "Prenatal" not in client.get(LIST_URL).content.decode()
    client.force_login(gulf_staff)
    assert client.get(report_url(world["theirs"])).status_code == 404
    response = client.get(report_url(world["past"]))
    assert response.status_code == 200
    assert response.context["line"].attendance.in_full == 1
    html = response.content.decode()
    assert "Registrations over time" in html and "Attendance per session" in html
    # Two charts (sign-ups and attendance), each an accessible svg with its data as a table.
    assert html.count('role="img"') == 2 and html.count("Show the data as a table") == 2
    assert "Of the 4 people holding a place, 1 attended in full, 1 partly and 1 did not come" in html


def test_an_administrator_sees_every_provider(client, world, admin_user):
    client.force_login(admin_user)
    html = client.get(LIST_URL).content.decode()
    assert "Cascade Low Back" in html and "Prenatal Massage Intensive" in html
    assert "Cascade Myofascial Education" in html  # the provider column
    assert client.get(report_url(world["theirs"])).status_code == 200


def test_a_learner_is_sent_to_sign_in_and_an_instructor_away(client, world):
    client.force_login(cf.learner("lea"))
    for url in (LIST_URL, CSV_URL, report_url(world["past"])):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    instructor = factories.instructor().user
    from django.contrib.auth.models import Permission

    instructor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(instructor)
    response = client.get(LIST_URL)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert client.get(report_url(world["past"])).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-05-01", "end": "2026-04-01"}, "before the “From” date"),
        ({"start": "2026-13-01"}, "Enter a valid date"),
        ({"start": "1990-01-01", "end": "2030-01-01"}, "ten years or less"),
    ],
)
def test_bad_dates_are_form_errors(client, world, gulf_staff, query, message):
    client.force_login(gulf_staff)
    response = client.get(LIST_URL, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert client.get(CSV_URL, query).status_code == 400


def test_the_csv_has_a_line_per_event_a_total_and_no_formulas(client, world, gulf, gulf_staff):
    ef.event(gulf, title="=HYPERLINK(1)", registration_url="", sessions=[(ef.local(9, 9), ef.local(9, 12))])
    ef.event(gulf, title="@SUM(A1)", registration_url="", sessions=[(ef.local(10, 9), ef.local(10, 12))])
    client.force_login(gulf_staff)
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, *lines, total = rows
    assert header[0] == "Event" and header[-1] == "CE hours issued"
    by_title = {line[0]: line for line in lines}
    assert "'=HYPERLINK(1)" in by_title and "'@SUM(A1)" in by_title
    past = dict(zip(header, by_title["Prenatal Massage Intensive"], strict=True))
    assert past["Registered"] == "4" and past["Waiting list"] == "1" and past["Fill rate (%)"] == "40"
    assert past["Attended in full"] == "1" and past["No-shows"] == "1" and past["CE hours issued"] == "6"
    assert total[0].startswith("Total: 4 events")
    assert "Cascade Low Back" not in by_title


def test_the_list_costs_the_same_queries_however_many_events(client, world, gulf, gulf_staff):
    client.force_login(gulf_staff)

    def count() -> int:
        client.get(LIST_URL)  # what is kept between requests (the staff member's own row, the site) is kept
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST_URL).status_code == 200
        return len(queries)

    before = count()
    for n in range(3):
        extra = ef.event(gulf, registration_url="", capacity=5, sessions=[(ef.local(5 + n, 9), ef.local(5 + n, 12))])
        place_for(extra, cf.learner(f"extra{n}"))
    assert count() == before


# -- the home-page panel ----------------------------------------------------------------------------------


def test_the_provider_home_page_lists_upcoming_events_linking_to_their_reports(client, world, gulf, gulf_staff):
    elsewhere = ef.event(
        gulf, registration_url="https://gulf.example/register", sessions=[(ef.local(3, 9), ef.local(3, 12))]
    )
    client.force_login(gulf_staff)
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert 'id="provider-upcoming-events-section"' in html
    assert report_url(world["upcoming"]) in html
    assert report_url(world["past"]) not in html  # over
    assert report_url(elsewhere) not in html  # registers on the provider's own site: no figures here
    (line,) = event_report.upcoming_events(events=EventPage.objects.filter(provider=gulf, registration_url=""))
    assert (line.registered, line.waiting, line.capacity) == (2, 1, 2)


def test_the_panel_is_for_providers_only(client, world, admin_user):
    client.force_login(admin_user)
    assert 'id="provider-upcoming-events-section"' not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_panel_costs_the_same_queries_however_many_events(client, world, gulf, gulf_staff):
    from reports.admin_panels_events import UpcomingEventsPanel

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            UpcomingEventsPanel(gulf_staff).render_html({})
        return len(queries)

    before = count()
    for n in range(3):
        extra = ef.event(gulf, registration_url="", capacity=5, sessions=[(ef.local(5 + n, 9), ef.local(5 + n, 12))])
        place_for(extra, cf.learner(f"panel{n}"))
    assert count() == before == 2


def test_the_event_editor_and_explorer_link_to_the_events_report(client, world, gulf_staff):
    client.force_login(gulf_staff)
    edit = reverse("wagtailadmin_pages:edit", args=[world["past"].pk])
    assert report_url(world["past"]) in client.get(edit).content.decode()
    explore = reverse("wagtailadmin_explore", args=[world["past"].get_parent().pk])
    assert report_url(world["past"]) in client.get(explore).content.decode()


def test_an_events_report_costs_the_same_queries_however_many_registrations(client, world, gulf_staff):
    client.force_login(gulf_staff)
    past = world["past"]

    def count() -> int:
        client.get(report_url(past))  # what is kept between requests is kept for both counts
        with CaptureQueriesContext(connection) as queries:
            assert client.get(report_url(past)).status_code == 200
        return len(queries)

    before = count()
    for n in range(4):
        registration = place_for(past, cf.learner(f"late{n}"))
        for session in past.session_list:
            attendance.mark(session=session, registration_id=registration.pk, present=bool(n % 2), by=gulf_staff)
        waiting(past, f"wait{n}")
    assert count() == before


@pytest.mark.parametrize(
    "query",
    [
        {"start": "\x00"},
        {"start": "1" * 5000},
        {"start": "2026-02-30"},
        {"start": "0001-01-01"},
        {"end": "9999-12-31"},
        {"start": "9999-12-31", "end": "9999-12-31"},
        {"start": ["2026-01-01", "2027-01-01"]},
    ],
)
def test_hostile_dates_never_give_a_server_error(client, gulf_staff, query):
    client.force_login(gulf_staff)
    for url in (LIST_URL, CSV_URL):
        assert client.get(url, query).status_code in (200, 400)
