"""Self check-in from the event page: a plain POST form answered with a message, rate limited per learner."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from credit.models import CreditRecord
from events.models import AttendanceChange, EventSession, SessionAttendance
from tests.credit import factories as cf
from tests.events import factories as ef
from tests.events.attendance_helpers import place_for
from tests.events.check_in_helpers import event_on_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def check_in_url(event):
    return reverse("events:check_in", args=[event.uid])


def signed_in(client, registration):
    client.force_login(registration.learner)
    return client


def test_the_form_shows_while_the_session_is_on_and_the_right_code_checks_the_learner_in(client, gulf):
    event = event_on_now(gulf)
    registration = place_for(event)
    signed_in(client, registration)
    page = client.get(event.url)
    assert b"Check in: type the six-character code shown in the room" in page.content
    assert check_in_url(event).encode() in page.content
    code = event.session_list[0].check_in_code
    response = client.post(check_in_url(event), {"code": f"{code[:3].lower()} {code[3:]}"}, follow=True)
    assert response.redirect_chain[-1][0].startswith(event.url)
    assert b"You&#x27;re checked in" in response.content
    row = SessionAttendance.objects.get(registration=registration)
    assert row.present and row.source == "check_in" and row.marked_by == registration.learner
    # The form gives way to the learner's attendance, with the credit it earned.
    assert b"check-in-code" not in response.content
    assert b"Credit is issued when the event ends" in response.content
    assert not CreditRecord.objects.filter(user=registration.learner).exists()
    # Once the session is over, the next look at the page finds the credit issued.
    EventSession.objects.filter(pk=row.session_id).update(ends_at=timezone.now() - timedelta(minutes=1))
    response = client.get(event.url)
    assert b"Attended in full: your credit is on your transcript." in response.content
    record = CreditRecord.objects.get(user=registration.learner)
    assert reverse("credit:certificate", args=[record.pk]).encode() in response.content


def test_a_webinar_asks_for_the_code_shown_on_the_webinar(client, gulf):
    event = event_on_now(gulf, delivery_method="live_webinar")
    signed_in(client, place_for(event))
    assert b"type the six-character code shown on the webinar" in client.get(event.url).content


def test_a_wrong_code_says_so_and_shows_the_form_again(client, gulf):
    event = event_on_now(gulf)
    registration = place_for(event)
    signed_in(client, registration)
    response = client.post(check_in_url(event), {"code": "ZZZZZZ"}, follow=True)
    assert b"That code does not match the session on now" in response.content
    assert b'name="code"' in response.content
    assert not SessionAttendance.objects.exists()


def test_outside_the_window_the_learner_is_told_when_it_opens(client, gulf):
    event = ef.event(gulf, registration_url="")  # in ten days
    registration = place_for(event)
    signed_in(client, registration)
    page = client.get(event.url)
    assert b'name="code"' not in page.content
    response = client.post(check_in_url(event), {"code": event.session_list[0].check_in_code}, follow=True)
    assert b"Check-in is not open yet. It opens at" in response.content
    assert not SessionAttendance.objects.exists()


def test_someone_without_a_place_cannot_check_in_and_sees_no_form(client, gulf):
    event = event_on_now(gulf)
    client.force_login(cf.learner("walkin"))
    assert b'name="code"' not in client.get(event.url).content
    response = client.post(check_in_url(event), {"code": event.session_list[0].check_in_code}, follow=True)
    assert b"Only people with a place at this event can check in." in response.content
    assert not SessionAttendance.objects.exists()


def test_a_double_submit_records_one_check_in(client, gulf):
    event = event_on_now(gulf)
    registration = place_for(event)
    signed_in(client, registration)
    code = event.session_list[0].check_in_code
    client.post(check_in_url(event), {"code": code})
    response = client.post(check_in_url(event), {"code": code}, follow=True)
    assert b"You are already checked in" in response.content
    assert SessionAttendance.objects.filter(registration=registration).count() == 1
    assert AttendanceChange.objects.filter(registration=registration).count() == 1
    assert not CreditRecord.objects.filter(user=registration.learner).exists()  # not before the end


@override_settings(EVENTS_CHECK_IN_RATE="3/10m")
def test_after_too_many_wrong_codes_check_in_pauses_with_a_readable_429(client, gulf):
    event = event_on_now(gulf)
    registration = place_for(event)
    signed_in(client, registration)
    for _ in range(3):
        response = client.post(check_in_url(event), {"code": "ZZZZZZ"})
        assert response.status_code == 302
    response = client.post(check_in_url(event), {"code": "ZZZZZZ"})
    assert response.status_code == 429
    assert b"Too many check-in attempts" in response.content
    assert b"Try again in about" in response.content
    assert int(response["Retry-After"]) > 0
    # Paused even for the right code until the window passes; nothing is recorded.
    response = client.post(check_in_url(event), {"code": event.session_list[0].check_in_code})
    assert response.status_code == 429
    assert not SessionAttendance.objects.exists()
    # The limit is the learner's own: someone else in the room still checks in.
    other = place_for(event, username="colleague")
    client.force_login(other.learner)
    assert client.post(check_in_url(event), {"code": event.session_list[0].check_in_code}).status_code == 302
    assert SessionAttendance.objects.filter(registration=other).exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client, gulf):
    event = event_on_now(gulf)
    response = client.post(check_in_url(event), {"code": event.session_list[0].check_in_code})
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)
    assert "next=" in response["Location"]


def test_opening_the_check_in_address_is_a_readable_405(client, gulf):
    event = event_on_now(gulf)
    response = client.get(check_in_url(event))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert b"Check in from the event page" in response.content


def test_an_unknown_event_is_a_404_and_junk_codes_are_refused_calmly(client, gulf):
    event = event_on_now(gulf)
    registration = place_for(event)
    signed_in(client, registration)
    unknown = reverse("events:check_in", args=["00000000-0000-0000-0000-000000000000"])
    assert client.post(unknown, {"code": "ABCDEF"}).status_code == 404
    response = client.post(check_in_url(event), {"code": "x" * 5000}, follow=True)
    assert response.status_code == 200
    assert b"That code does not match" in response.content
    assert client.post(check_in_url(event), {}, follow=True).status_code == 200
