"""Real concurrency for attendance: threads, each with its own connection, check in or mark at once.

On PostgreSQL the registration row lock serves them one after the other; on SQLite writes are serialised
by the database. Either way nothing is written twice and exactly one credit record follows.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from credit.models import CreditRecord
from events import attendance
from events.models import AttendanceChange, SessionAttendance
from tests.baseline import ensure_baseline
from tests.credit import factories as cf
from tests.events import factories as ef
from tests.events.attendance_helpers import past_event, place_for
from tests.quizzes.test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def provider_page():
    ensure_baseline()
    ef.events_index()
    return ef.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")


def _errors(results):
    return [result for result in results if isinstance(result, Exception)]


def test_a_double_check_in_at_the_same_moment_records_once_and_credits_once(provider_page):
    start = timezone.localtime() - timedelta(minutes=20)
    event = ef.event(
        provider_page,
        registration_url="",
        sessions=[(start.replace(tzinfo=None), (start + timedelta(hours=2)).replace(tzinfo=None))],
        time_zone=timezone.get_current_timezone_name(),
    )
    registration = place_for(event)
    code = event.session_list[0].check_in_code

    results = run_together(2, lambda index: attendance.check_in(event=event, learner=registration.learner, code=code))

    assert not _errors(results), results
    assert sorted(result.changed for result in results) == [False, True]
    assert SessionAttendance.objects.filter(registration=registration).count() == 1
    assert AttendanceChange.objects.filter(registration=registration).count() == 1
    assert not CreditRecord.objects.exists()  # credit waits for the end of the event


def test_two_coordinators_marking_the_same_learner_at_once_issue_one_record(provider_page):
    event = past_event(provider_page)
    registration = place_for(event)
    session = event.session_list[0]
    coordinators = [cf.learner("coord-a"), cf.learner("coord-b")]

    results = run_together(
        2,
        lambda index: attendance.mark(
            session=session, registration_id=registration.pk, present=True, by=coordinators[index]
        ),
    )

    assert not _errors(results), results
    assert sorted(result.changed for result in results) == [False, True]
    assert CreditRecord.objects.filter(user=registration.learner).count() == 1
    registration.refresh_from_db()
    assert registration.credit_record is not None


def test_the_learner_and_the_provider_settling_an_ended_event_at_once_issue_one_record(provider_page):
    from events.attendance_credit import settle_ended_for

    event = past_event(provider_page)
    registration = place_for(event)
    session = event.session_list[0]
    # Checked in while it was on (no credit yet), then the session ended: two pages settle it at once.
    SessionAttendance.objects.create(
        registration=registration, session=session, present=True, source="check_in", marked_at=timezone.now()
    )

    results = run_together(
        2,
        lambda index: settle_ended_for(learner=registration.learner) if index else settle_ended_for(event=event),
    )

    assert not _errors(results), results
    assert CreditRecord.objects.filter(user=registration.learner).count() == 1
