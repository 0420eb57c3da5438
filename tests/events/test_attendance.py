"""Attendance marks, self check-in and the credit that follows full attendance."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from credit import live
from credit.models import CreditRecord
from events import attendance, schedule
from events.attendance import AttendanceError
from events.attendance_credit import settle_ended_for
from events.models import AttendanceChange, EventSession, SessionAttendance
from tests.credit import factories as cf
from tests.events import factories as ef
from tests.events.attendance_helpers import past_event, place_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return cf.learner("coordinator", legal_name="Dana Coordinator")


def test_full_attendance_of_every_session_issues_one_record_from_the_events_provider(gulf, staff):
    gulf.signatory_name, gulf.signatory_title = "Rosa Delgado", "Education Director"
    gulf.save_revision().publish()
    event = past_event(gulf, sessions=2, hands_on=True, ce_hours="12")
    registration = place_for(event)
    first, second = event.session_list
    attendance.mark(session=first, registration_id=registration.pk, present=True, by=staff)
    assert not CreditRecord.objects.filter(user=registration.learner).exists()
    result = attendance.mark(session=second, registration_id=registration.pk, present=True, by=staff)
    assert result.credit_effect == "Credit issued."
    again = attendance.mark(session=second, registration_id=registration.pk, present=True, by=staff)
    assert not again.changed
    record = CreditRecord.objects.get(user=registration.learner)
    assert record.course is None
    assert record.course_title == "Myofascial Release Intensive"
    assert record.provider_name == "Gulf Coast Bodywork Institute"
    assert record.provider_signatory == "Rosa Delgado, Education Director"
    assert record.place == "Tampa, FL"
    assert record.hands_on and record.delivery_method == "live_on_site"
    assert record.ce_hours == Decimal("12")
    assert record.completed_on == second.local_end.date()
    assert record.approvals[0]["provider_number"].startswith("45")
    assert record.approvals[0]["course_number"].startswith("C-")
    registration.refresh_from_db()
    assert registration.credit_record == record
    assert AttendanceChange.objects.filter(registration=registration).count() == 2


def test_partial_minutes_are_recorded_but_earn_nothing_and_say_why(gulf, staff):
    event = past_event(gulf)
    registration = place_for(event)
    (session,) = event.session_list
    attendance.mark(session=session, registration_id=registration.pk, present=True, minutes=300, by=staff)
    assert not CreditRecord.objects.filter(user=registration.learner).exists()
    from events.attendance_credit import verdict_for

    verdict = verdict_for(registration)
    assert not verdict.complete and verdict.final
    assert "300 of 480 minutes" in verdict.reason


def test_reversing_attendance_withdraws_credit_until_the_certificate_is_downloaded(gulf, staff):
    event = past_event(gulf)
    registration = place_for(event)
    (session,) = event.session_list
    attendance.mark(session=session, registration_id=registration.pk, present=True, by=staff)
    result = attendance.mark(
        session=session, registration_id=registration.pk, present=False, note="Left at lunch", by=staff
    )
    assert result.credit_effect.startswith("Credit withdrawn")
    assert not CreditRecord.objects.filter(user=registration.learner).exists()
    change = AttendanceChange.objects.filter(registration=registration).first()
    assert change.before == {"present": True, "minutes_attended": None, "note": ""}
    assert change.after["present"] is False and change.changed_by == staff
    # Present again, then the learner downloads: reversing no longer withdraws.
    attendance.mark(session=session, registration_id=registration.pk, present=True, by=staff)
    record = CreditRecord.objects.get(user=registration.learner)
    live.note_download(certificate=record.certificates.get())
    result = attendance.mark(session=session, registration_id=registration.pk, present=False, by=staff)
    assert "revoke" in result.credit_effect
    assert CreditRecord.objects.filter(pk=record.pk).exists()


def test_check_in_with_the_code_during_the_session(gulf):
    start = timezone.localtime() - timedelta(hours=1)
    event = ef.event(
        gulf,
        registration_url="",
        sessions=[(start.replace(tzinfo=None), (start + timedelta(hours=3)).replace(tzinfo=None))],
        time_zone=timezone.get_current_timezone_name(),
    )
    registration = place_for(event)
    (session,) = event.session_list
    with pytest.raises(AttendanceError, match="does not match"):
        attendance.check_in(event=event, learner=registration.learner, code="ZZZZZZ")
    code = session.check_in_code.lower()
    assert attendance.check_in(event=event, learner=registration.learner, code=f" {code[:3]}-{code[3:]} ").changed
    assert not attendance.check_in(event=event, learner=registration.learner, code=code).changed
    assert SessionAttendance.objects.get(registration=registration).source == "check_in"
    # A check-in proves arrival: credit waits for the end of the event (the provider may record an early exit).
    assert not CreditRecord.objects.filter(user=registration.learner).exists()
    EventSession.objects.filter(pk=session.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    settle_ended_for(learner=registration.learner)
    record = CreditRecord.objects.get(user=registration.learner)
    settle_ended_for(learner=registration.learner)
    assert CreditRecord.objects.filter(user=registration.learner).count() == 1
    assert record.completed_on == schedule.to_local(record.completed_at, event.time_zone).date()


def test_check_in_outside_the_window_is_refused(gulf):
    event = ef.event(gulf, registration_url="")
    registration = place_for(event)
    with pytest.raises(AttendanceError, match="not open yet"):
        attendance.check_in(event=event, learner=registration.learner, code=event.session_list[0].check_in_code)
