"""Live CE end to end: a learner registers, checks in with the code the provider shows, and after the
class downloads a certificate that anyone can verify; on a phone too."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from credit.models import Certificate
from events.models import EventSession
from events.services import add_provider_account
from tests import factories
from tests.browser.conftest import login
from tests.events import factories as ef
from tests.events.registration_helpers import open_event


@pytest.fixture
def workshop(db):
    gulf = ef.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")
    staff = factories.user("gulfstaff", password="provider-pass-123", first_name="Dana", last_name="Coordinator")
    add_provider_account(gulf, staff)
    return open_event(gulf, title="Assisted Stretching for the Hips", capacity=12, hands_on=True)


def _move_session(event, *, starts_in: timedelta, length: timedelta) -> None:
    start = timezone.now() + starts_in
    EventSession.objects.filter(page=event).update(
        starts_at=start, ends_at=start + length, starts_on=timezone.localdate(), ends_on=timezone.localdate()
    )


def test_register_check_in_with_the_code_then_download_and_verify_the_certificate(
    browser, live_server, workshop, axe_check
):
    factories.user("sam", password="touchstone-learner", first_name="Samira", last_name="Haddad")
    learner = browser.new_context(viewport={"width": 390, "height": 844}).new_page()  # a phone
    learner.set_default_timeout(15_000)
    login(learner, live_server, "sam", "touchstone-learner")
    learner.goto(live_server.url + workshop.url)
    learner.get_by_role("button", name="Register", exact=True).click()
    learner.wait_for_load_state()
    assert learner.get_by_text("You're registered for Assisted Stretching for the Hips").is_visible()

    # Class day: the session started ten minutes ago. The provider opens the attendance page for the code.
    _move_session(workshop, starts_in=-timedelta(minutes=10), length=timedelta(hours=3))
    provider = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    provider.set_default_timeout(15_000)
    provider.goto(f"{live_server.url}/admin/login/")
    provider.get_by_label("Username").fill("gulfstaff")
    provider.get_by_label("Password").fill("provider-pass-123")
    provider.get_by_role("button", name="Sign in").click()
    provider.wait_for_load_state()
    provider.goto(f"{live_server.url}/admin/events/{workshop.pk}/attendance/")
    code = provider.locator(".attendance-code").first.inner_text().strip()
    assert re.fullmatch(r"[2-9A-Z]{6}", code)

    learner.goto(live_server.url + workshop.url)
    learner.get_by_label(re.compile("type the six-character code shown in the room")).fill("WRONG1")
    learner.get_by_role("button", name="Check in").click()
    learner.wait_for_load_state()
    assert learner.get_by_text("That code does not match").is_visible()
    learner.get_by_label(re.compile("type the six-character code")).fill(code.lower())
    learner.get_by_role("button", name="Check in").click()
    learner.wait_for_load_state()
    assert learner.get_by_text("You're checked in").first.is_visible()
    assert learner.get_by_text("Credit is issued when the event ends").is_visible()
    axe_check(learner)

    # The class is over: the learner's next visit finds the credit, dated and placed as the class was.
    _move_session(workshop, starts_in=-timedelta(hours=4), length=timedelta(hours=3))
    learner.goto(live_server.url + workshop.url)
    assert learner.get_by_text("Attended in full: your credit is on your transcript.").is_visible()
    certificate_link = learner.get_by_role("link", name=re.compile("Download your certificate"))
    response = learner.request.get(live_server.url + certificate_link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    axe_check(learner)

    certificate = Certificate.objects.get(record__user__username="sam")
    assert certificate.downloaded_at is not None
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/learning/verify/{certificate.code}/")
    body = visitor.locator("main").inner_text()
    assert "Samira Haddad" in body and "Assisted Stretching for the Hips" in body
    assert "Tampa, FL" in body and "Gulf Coast Bodywork Institute" in body
    axe_check(visitor)
    for context in (learner.context, provider.context, visitor.context):
        context.close()
