"""A learner registers for a workshop, finds it on the dashboard and cancels; a waiting learner is promoted."""

import re

import pytest
from django.core import mail

from tests import factories
from tests.browser.conftest import login
from tests.events import factories as ef
from tests.events.registration_helpers import open_event


@pytest.fixture
def workshop(db):
    gulf = ef.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")
    return open_event(gulf, title="Cupping for Massage Therapists", capacity=1, cost="180")


def test_learner_signs_in_registers_sees_it_on_the_dashboard_and_cancels(page, live_server, workshop, axe_check):
    factories.user("sam", password="touchstone-learner", first_name="Samira")
    page.goto(live_server.url + workshop.url)
    assert page.get_by_text("Pay the provider directly").is_visible()
    page.get_by_role("link", name="Sign in to register").click()
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill("touchstone-learner")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(re.escape(workshop.url) + "$"))

    page.get_by_role("button", name="Register", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("You're registered for Cupping for Massage Therapists").is_visible()
    axe_check(page)
    assert mail.outbox[-1].attachments[0][0].endswith(".ics")

    page.goto(live_server.url + "/learning/")
    my_events = page.locator("section", has=page.get_by_role("heading", name="My events"))
    assert my_events.get_by_role("link", name="Cupping for Massage Therapists").is_visible()
    assert my_events.get_by_text("Registered").is_visible()
    axe_check(page)
    my_events.get_by_role("button", name="Cancel my registration for Cupping for Massage Therapists").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your registration for Cupping for Massage Therapists is cancelled.").is_visible()
    assert page.get_by_role("button", name="Register", exact=True).is_visible()


def test_a_waiting_learner_is_promoted_when_the_registered_one_cancels(browser, live_server, workshop):
    factories.user("first", password="pass-word-123")
    second_user = factories.user("second", password="pass-word-123")
    first = browser.new_context().new_page()
    second = browser.new_context().new_page()

    login(first, live_server, "first", "pass-word-123")
    first.goto(live_server.url + workshop.url)
    first.get_by_role("button", name="Register", exact=True).click()
    first.wait_for_load_state()
    assert first.get_by_text("You're registered").first.is_visible()

    login(second, live_server, "second", "pass-word-123")
    second.goto(live_server.url + workshop.url)
    assert second.get_by_text("This event is full.").is_visible()
    second.get_by_role("button", name="Join the waiting list").click()
    second.wait_for_load_state()
    assert second.get_by_text("You are number 1 on the waiting list").is_visible()

    mail.outbox.clear()
    first.get_by_role("button", name="Cancel my registration").click()
    first.wait_for_load_state()
    assert first.get_by_text("is cancelled").is_visible()

    second.goto(live_server.url + "/learning/")
    assert second.locator("#my-events-heading + ul").get_by_text("Registered").is_visible()
    assert [message.to for message in mail.outbox] == [[second_user.email]]
    assert mail.outbox[0].subject == "A place came free – you're registered: Cupping for Massage Therapists"
    for context in (first.context, second.context):
        context.close()
