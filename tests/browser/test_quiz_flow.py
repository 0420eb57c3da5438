"""A learner takes a demo quiz in Chromium: answers save as they go, survive a reload, and review links back.

Also: a second window that still shows the attempt after it was submitted can't change an answer; the
quiz works with JavaScript turned off; the timer submits by itself; and the pages pass axe and fit a phone.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import AttemptAnswer, QuizAttempt, QuizPage
from tests import factories
from tests.browser.conftest import login
from tests.quizzes import factories as quiz_factories


@pytest.fixture
def demo(demo):
    """The demo site (conftest's fixture), and its Swedish technique check."""
    return QuizPage.objects.get(slug="swedish-technique-check")


def saved(page, slot):
    """Wait until the autosave of that question has come back from the server."""
    page.wait_for_selector(f"[data-quiz-nav-slot='{slot}'].quiz-nav__item--answered")
    # expect() rather than wait_for_function: a string predicate is eval, which the site's CSP refuses.
    expect(page.locator("[data-quiz-save-status]")).to_contain_text("saved")


def answer_current_question(page):
    """Pick the first option of whatever the page shows (ordering questions keep their shown order)."""
    fieldset = page.locator("fieldset.question").first
    if fieldset.locator("input[type=radio]").count():
        fieldset.locator("input[type=radio]").first.check()
    elif fieldset.locator("input[type=checkbox]").count():
        fieldset.locator("input[type=checkbox]").first.check()
    elif fieldset.locator("select:not([data-ordering-position])").count():
        for select in fieldset.locator("select").all():
            select.select_option(index=1)
    else:
        fieldset.get_by_role("button", name=re.compile("^Move down")).first.click()


def test_learner_takes_a_demo_quiz_from_start_to_review(demo, page, browser, live_server, axe_check):
    login(page, live_server, "sam", "touchstone-learner")
    page.goto(live_server.url + demo.get_parent().url)
    page.get_by_role("link", name="Swedish technique check").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url("**/quizzes/attempts/**")
    attempt = QuizAttempt.objects.get(user__username="sam", quiz=demo)  # the credit demo passed another quiz
    axe_check(page)

    # Answer the first three questions; each is saved without a reload.
    for number in range(1, 4):
        answer_current_question(page)
        saved(page, number)
        page.get_by_role("button", name="Next").click()
        page.wait_for_url(f"**page={number + 1}")

    # A second window opens the same attempt before it is submitted.
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    stale = other.new_page()
    login(stale, live_server, "sam", "touchstone-learner")
    stale.goto(f"{live_server.url}/quizzes/attempts/{attempt.pk}/")

    # Reload midway: the answers are still there, and on the server.
    page.goto(f"{live_server.url}/quizzes/attempts/{attempt.pk}/")
    first_choice = page.locator("fieldset.question input[type=radio]").first
    assert first_choice.is_checked()
    assert AttemptAnswer.objects.filter(attempt=attempt).exclude(response={}).count() == 3
    assert page.locator("[data-quiz-answered]").inner_text() == "3"

    page.get_by_role("button", name="Finish attempt…").click()
    page.wait_for_url("**/submit/")
    assert page.get_by_role("heading", name="12 questions not answered").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Submit for grading").click()
    page.wait_for_url("**/review/")
    assert page.get_by_role("heading", level=1).inner_text() == "Results: Swedish technique check"
    remediation = page.get_by_role("link", name=re.compile("Review this:"))
    assert remediation.count() == 15
    axe_check(page)
    href = remediation.first.get_attribute("href")
    assert "#" in href
    remediation.first.click()
    page.wait_for_url("**" + href.split("#")[0] + "**")
    assert page.locator(f"#{href.split('#')[1]}").is_visible()

    # The stale window tries to change an answer after submission: refused, nothing changes.
    before = list(AttemptAnswer.objects.filter(attempt=attempt).order_by("slot").values_list("response", flat=True))
    stale.locator("fieldset.question input[type=radio]").nth(1).check()
    expect(stale.locator("[data-quiz-save-status]")).to_contain_text("has been submitted")
    assert stale.get_by_role("link", name="See your result").is_visible()
    after = list(AttemptAnswer.objects.filter(attempt=attempt).order_by("slot").values_list("response", flat=True))
    assert after == before
    # And the plain form in that window is refused as well: it lands on the result.
    other.close()
    assert QuizAttempt.objects.get(pk=attempt.pk).status == "graded"


@pytest.fixture
def small_quiz(transactional_db):
    course = factories.course(title="Contraindications and Client Safety")
    module = factories.module(
        course, title="Circulatory conditions", body=[("section", {"heading": "Clots", "anchor": "clots"})]
    )
    questions = quiz_factories.one_of_each(course)
    for question in questions:
        question.remediation_module = module
        question.remediation_anchor = "clots"
        question.save()
    learner = factories.user("learner", password="pass-word-123")
    return quiz_factories.quiz(course, questions=questions, title="Safety check"), learner


def test_the_quiz_works_without_javascript(small_quiz, browser, live_server):
    quiz, learner = small_quiz
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    login(page, live_server, learner.username, "pass-word-123")
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    for _ in range(6):
        answer_fieldset = page.locator("fieldset.question").first
        if answer_fieldset.locator("input[type=radio]").count():
            answer_fieldset.locator("input[type=radio]").first.check()
        if page.get_by_role("button", name="Next").count():
            page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Finish attempt…").click()
    page.get_by_role("button", name="Submit for grading").click()
    assert "Results: Safety check" in page.get_by_role("heading", level=1).inner_text()
    attempt = QuizAttempt.objects.get(user=learner)
    assert attempt.status == "graded"
    # Radios on single-choice, true/false and the scenario's first step, plus the ordering form (always posted).
    assert AttemptAnswer.objects.filter(attempt=attempt).exclude(response={}).count() >= 4
    context.close()


def test_ordering_buttons_move_items_and_save_the_order(small_quiz, page, live_server):
    quiz, learner = small_quiz
    login(page, live_server, learner.username, "pass-word-123")
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    attempt = QuizAttempt.objects.get(user=learner)
    slot = next(item["slot"] for item in attempt.items if item["type"] == "ordering")
    page.goto(f"{live_server.url}/quizzes/attempts/{attempt.pk}/?page={slot}")
    items = page.locator("[data-ordering-item] .ordering__text")
    first, second = items.nth(0).inner_text(), items.nth(1).inner_text()
    page.get_by_role("button", name=f"Move down: {first}").focus()
    page.keyboard.press("Enter")
    saved(page, slot)
    assert [items.nth(0).inner_text(), items.nth(1).inner_text()] == [second, first]
    order = AttemptAnswer.objects.get(attempt=attempt, slot=slot).response["order"]
    texts = {entry["id"]: entry["text"] for entry in attempt.items[slot - 1]["items"]}
    assert [texts[key] for key in order[:2]] == [second, first]


def test_the_timer_submits_when_time_runs_out(small_quiz, page, live_server):
    quiz, learner = small_quiz
    QuizPage.objects.filter(pk=quiz.pk).update(time_limit_minutes=10)
    login(page, live_server, learner.username, "pass-word-123")
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    attempt = QuizAttempt.objects.get(user=learner)
    page.locator("fieldset.question input[type=radio]").first.check()
    saved(page, 1)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=3))
    page.reload()
    assert page.get_by_role("timer").is_visible()
    page.wait_for_url("**/review/", timeout=15_000)
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.finish_reason == "time_expired"
    assert graded.answers.get(slot=1).response != {}


def test_the_timer_ends_a_one_minute_attempt_at_the_deadline_without_a_stale_page_warning(
    small_quiz, page, live_server
):
    quiz, learner = small_quiz
    QuizPage.objects.filter(pk=quiz.pk).update(time_limit_minutes=1)
    login(page, live_server, learner.username, "pass-word-123")
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    attempt = QuizAttempt.objects.get(user=learner)
    page.locator("fieldset.question input[type=radio]").first.check()
    saved(page, 1)
    # Most of the minute has gone by: about five seconds remain.
    now = timezone.now()
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        started_at=now - timedelta(seconds=55), deadline=now + timedelta(seconds=5)
    )
    submits = []
    page.on("response", lambda response: "/submit/" in response.url and submits.append(response.status))
    page.goto(f"{live_server.url}/quizzes/attempts/{attempt.pk}/?page=2")
    answer_current_question(page)
    saved(page, 2)
    page.wait_for_url("**/review/", timeout=20_000)
    assert "Results: Safety check" in page.get_by_role("heading", level=1).inner_text()
    assert "changed since this page was opened" not in page.content()
    assert 409 not in submits and len(submits) == 1  # one time-up submit, taken the first time
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.finish_reason == "time_expired"
    assert graded.submitted_at >= graded.deadline  # the page waited for the real deadline
    assert graded.answers.get(slot=1).response != {} and graded.answers.get(slot=2).response != {}


def test_quiz_pages_fit_a_phone(small_quiz, phone_page, live_server, axe_check):
    quiz, learner = small_quiz
    login(phone_page, live_server, learner.username, "pass-word-123")
    phone_page.goto(live_server.url + quiz.url)
    axe_check(phone_page)
    phone_page.get_by_role("button", name="Start the quiz").click()
    attempt = QuizAttempt.objects.get(user=learner)
    for item in attempt.items:
        phone_page.goto(f"{live_server.url}/quizzes/attempts/{attempt.pk}/?page={item['slot']}")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{item['type']} scrolls sideways on a phone ({width}px)"
    axe_check(phone_page)
