"""Taking attendance in the admin: the overview, a session's roster, the audit history and the credit roster CSV."""

import csv
import io

import pytest
from django.urls import reverse

from credit.models import CreditRecord
from events import attendance
from events.models import AttendanceChange, SessionAttendance
from events.services import add_provider_account
from tests import factories
from tests.credit import factories as cf
from tests.events import factories as ef
from tests.events.attendance_helpers import past_event, place_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def gulf_staff(gulf):
    staff = factories.user("gulfstaff", first_name="Dana", last_name="Coordinator")
    add_provider_account(gulf, staff)
    return staff


@pytest.fixture
def signed_in(client, gulf_staff):
    client.force_login(gulf_staff)
    return client


def roster_url(event, session=None):
    session = session or event.session_list[0]
    return reverse("events_roster", args=[event.pk, session.pk])


def overview_url(event):
    return reverse("events_attendance", args=[event.pk])


def history_url(event):
    return reverse("events_attendance_history", args=[event.pk])


def csv_url(event):
    return reverse("events_roster_csv", args=[event.pk])


def texts(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_team_marks_selected_people_present_and_credit_is_issued(signed_in, gulf, gulf_staff):
    event = past_event(gulf)
    ana = place_for(event, cf.learner("ana", legal_name="Ana Placed"))
    ben = place_for(event, cf.learner("ben", legal_name="Ben Second"))
    cleo = place_for(event, cf.learner("cleo", legal_name="Cleo Absent"))
    (session,) = event.session_list

    page = signed_in.get(roster_url(event))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ana Placed" in text and "ana@example.com" in text and session.check_in_code in text
    assert "Mark selected present" in text and "Not taken" in text

    response = signed_in.post(
        roster_url(event), {"action": "bulk", "mark": "present", "registrations": [ana.pk, ben.pk]}, follow=True
    )
    assert response.redirect_chain[-1] == (roster_url(event), 302)
    said = " ".join(texts(response))
    assert f"2 marked present for {session.when}." in said
    assert "Credit issued. Ana Placed, Ben Second." in said
    assert set(CreditRecord.objects.values_list("learner_name", flat=True)) == {"Ana Placed", "Ben Second"}
    assert not CreditRecord.objects.filter(user=cleo.learner).exists()
    assert set(AttendanceChange.objects.values_list("changed_by", flat=True)) == {gulf_staff.pk}
    assert "by Dana Coordinator on the roster" in response.content.decode()

    again = signed_in.post(
        roster_url(event), {"action": "bulk", "mark": "absent", "registrations": [cleo.pk]}, follow=True
    )
    assert f"1 marked absent for {session.when}." in " ".join(texts(again))

    overview = signed_in.get(overview_url(event)).content.decode()
    assert session.check_in_code in overview and "valid from 30 minutes before the start until the end" in overview
    assert "Complete: every session attended in full" in overview
    assert "Marked absent for" in overview
    assert csv_url(event) in overview and history_url(event) in overview


def test_part_of_a_session_is_recorded_but_earns_no_credit(signed_in, gulf):
    event = past_event(gulf)
    ana = place_for(event, cf.learner("ana", legal_name="Ana Placed"))
    response = signed_in.post(
        roster_url(event),
        {"action": "row", "registration": ana.pk, "attendance": "present", "minutes": "300", "note": "Left at 3"},
        follow=True,
    )
    assert response.status_code == 200
    assert any("Ana Placed marked present for 300 of 480 minutes" in message for message in texts(response))
    row = SessionAttendance.objects.get(registration=ana)
    assert row.present and row.minutes_attended == 300 and row.note == "Left at 3"
    assert not CreditRecord.objects.exists()
    overview = signed_in.get(overview_url(event)).content.decode()
    assert "300 of 480 minutes" in overview and "None" in overview


@pytest.mark.parametrize(
    ("minutes", "error"),
    [
        ("481", "This session is 480 minutes long"),
        ("-5", "greater than or equal to 0"),
        ("lots", "must be a whole number"),
    ],
)
def test_bad_minutes_are_a_form_error_on_the_row(signed_in, gulf, minutes, error):
    event = past_event(gulf)
    ana = place_for(event, cf.learner("ana", legal_name="Ana Placed"))
    response = signed_in.post(
        roster_url(event), {"action": "row", "registration": ana.pk, "attendance": "present", "minutes": minutes}
    )
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not SessionAttendance.objects.exists()


def test_unknown_people_bad_actions_and_unstarted_sessions_are_refused_readably(signed_in, gulf, cascade):
    event = past_event(gulf)
    ana = place_for(event, cf.learner("ana", legal_name="Ana Placed"))
    stranger = place_for(past_event(cascade), cf.learner("zed"))
    url = roster_url(event)
    for data in (
        {"action": "row", "registration": stranger.pk, "attendance": "present"},
        {"action": "row", "registration": "x", "attendance": "present"},
        {"action": "bulk", "mark": "present", "registrations": [ana.pk, stranger.pk]},
        {"action": "bulk", "mark": "present", "registrations": ["x"]},
        {"action": "bulk", "mark": "maybe", "registrations": [ana.pk]},
        {"action": "bulk", "mark": "present"},
        {"action": "row", "registration": ana.pk, "attendance": "absent", "minutes": "30"},
        {"action": "delete-everything"},
    ):
        response = signed_in.post(url, data)
        assert response.status_code == 400, data
        assert texts(response), data
    assert "holds no place at this event" in " ".join(
        texts(signed_in.post(url, {"action": "row", "registration": stranger.pk, "attendance": "present"}))
    )
    assert not SessionAttendance.objects.exists()

    upcoming = ef.event(gulf, registration_url="")
    bea = place_for(upcoming, cf.learner("bea"))
    page = signed_in.get(roster_url(upcoming))
    assert page.status_code == 200
    assert "Attendance can be taken once it has started" in page.content.decode()
    assert "disabled" in page.content.decode()
    refused = signed_in.post(roster_url(upcoming), {"action": "bulk", "mark": "present", "registrations": [bea.pk]})
    assert refused.status_code == 400 and "has started" in " ".join(texts(refused))
    assert not SessionAttendance.objects.exists()
    other_session = past_event(gulf).session_list[0]
    assert signed_in.get(roster_url(event, other_session)).status_code == 404


def test_another_providers_team_finds_none_of_it(client, gulf, cascade):
    event = past_event(gulf)
    ana = place_for(event, cf.learner("ana"))
    attendance.mark(session=event.session_list[0], registration_id=ana.pk, present=True, by=None)
    outsider = factories.user("cascadestaff")
    add_provider_account(cascade, outsider)
    client.force_login(outsider)
    for url in (overview_url(event), roster_url(event), history_url(event), csv_url(event)):
        assert client.get(url).status_code == 404, url
    posted = client.post(roster_url(event), {"action": "bulk", "mark": "absent", "registrations": [ana.pk]})
    assert posted.status_code == 404
    assert SessionAttendance.objects.get(registration=ana).present
    own = past_event(cascade)
    assert client.get(overview_url(own)).status_code == 200
    assert b"Attendance" in client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).content

    client.logout()
    response = client.get(roster_url(event))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_credit_roster_csv_lists_who_earned_credit_and_defuses_formulas(signed_in, gulf, gulf_staff):
    event = past_event(gulf, title="Pregnancy Massage", slug="pregnancy-massage")
    careful = cf.learner("careful", legal_name='=HYPERLINK("http://x.example")')
    cf.licence(careful, number="MA12345")
    cf.licence(careful, "ncbtmb-board-certification", number="-998877")
    earned = place_for(event, careful)
    partial = place_for(event, cf.learner("partial", legal_name="Pat Partial"))
    session = event.session_list[0]
    attendance.mark(session=session, registration_id=earned.pk, present=True, by=gulf_staff)
    attendance.mark(session=session, registration_id=partial.pk, present=True, minutes=60, by=gulf_staff)

    response = signed_in.get(csv_url(event))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="event-pregnancy-massage-roster.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Legal name",
        "Licences",
        "Course title",
        "Course number",
        "Approval numbers",
        "Completion date",
        "CE hours",
        "Categories",
        "Delivery",
        "Place",
    ]
    assert len(rows) == 2  # the partial attendee earned nothing
    (row,) = rows[1:]
    record = CreditRecord.objects.get(user=careful)
    assert row[0] == '\'=HYPERLINK("http://x.example")'
    assert "MA12345 (FL)" in row[1] and "-998877 (NCBTMB Board Certification)" in row[1]
    assert row[2] == "Pregnancy Massage"
    assert row[3] == record.course_number and record.course_number.startswith("C-")
    assert f"provider {record.approvals[0]['provider_number']}, course {record.course_number}" in row[4]
    assert row[5] == session.local_end.date().isoformat()
    assert row[6] == "6"
    assert row[7] == "Hands-on technique 6"
    assert row[8] == "Live, in person"
    assert row[9] == "Tampa, FL"


def test_the_audit_history_says_who_changed_what_from_what_to_what(signed_in, gulf, gulf_staff):
    event = past_event(gulf)
    ana = place_for(event, cf.learner("ana", legal_name="Ana Placed"))
    url = roster_url(event)
    signed_in.post(url, {"action": "row", "registration": ana.pk, "attendance": "present"})
    withdrawn = signed_in.post(
        url, {"action": "row", "registration": ana.pk, "attendance": "absent", "note": "Left at lunch"}, follow=True
    )
    assert any("Credit withdrawn" in message for message in texts(withdrawn))

    page = signed_in.get(history_url(event))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ana Placed" in text and "Dana Coordinator, on the roster" in text
    assert "Not taken" in text and "Present (whole session)" in text
    assert "Absent, note “Left at lunch”" in text
    assert "Credit issued." in text and "Credit withdrawn" in text
    assert text.index("Absent, note") < text.index("Credit issued.")  # newest first
    assert event.session_list[0].when in text
    assert event.zone_label in text


def test_the_roster_costs_the_same_queries_for_ten_people(signed_in, gulf, gulf_staff, django_assert_max_num_queries):
    event = past_event(gulf, sessions=2)
    session = event.session_list[0]
    for n in range(10):
        registration = place_for(event, cf.learner(f"learner{n}", legal_name=f"Learner {n}"))
        if n % 2:
            attendance.mark(session=session, registration_id=registration.pk, present=True, by=gulf_staff)
    with django_assert_max_num_queries(16):
        assert signed_in.get(roster_url(event, session)).status_code == 200
    with django_assert_max_num_queries(16):
        assert signed_in.get(overview_url(event)).status_code == 200
    with django_assert_max_num_queries(16):
        assert signed_in.get(history_url(event)).status_code == 200
