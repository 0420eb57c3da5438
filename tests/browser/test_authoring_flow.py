"""Authoring on the demo, end to end in the browser: Maya (who writes TS-101 Swedish Technique Foundations) adds a
module and moves it up, writes a case scenario in her course's question bank, adds it and another question to her
quiz at once and submits everything for review; Jordan (course editor) approves all three from his dashboard; Sam
(a learner) then reads the new module in its place on the course page and is asked the new questions.
"""

import re

from django.urls import reverse
from playwright.sync_api import expect

from courses.models import CoursePage, ModulePage
from quizzes.models import CaseScenarioQuestion, QuizPage
from tests.browser.conftest import login
from tests.browser.test_admin_accessibility import admin_login, our_serious_violations
from tests.quizzes import factories as quiz_factories

MODULE_TITLE = "Draping and client comfort"
CASE_PROMPT = "What do you do before the massage?"
CASE_CLIENT = "Helen, a retired teacher"
SAFE = "Do not massage today; ask her to contact her doctor today."
CRITICAL = "Massage the calf firmly to ease the swelling."
# A question already approved in Maya's bank but not yet in her quiz.
BANK_PROMPT = "Before the massage, ask about any new pain or swelling in the legs."


def _message(page) -> str:
    return " ".join(page.locator(".messages").inner_text().split())


def _settled(page):
    """The page once its finite animations have run: the admin's messages fade in (axe would measure the contrast
    of a colour halfway through)."""
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter((animation) => Number.isFinite(animation.effect.getComputedTiming().endTime))
            .map((animation) => animation.finished.catch(() => null)))"""
    )
    return page


def _module_rows(page) -> list[str]:
    """The titles in the order page's Modules table, in order."""
    table = page.get_by_role("region", name="Modules")
    return [" ".join(text.split()) for text in table.locator("tbody th").all_inner_texts()]


def add_module(page, live_server, course: CoursePage, axe_check) -> None:
    page.goto(live_server.url + reverse("courses_module_order", args=[course.pk]))
    axe_check(page)
    page.get_by_role("link", name="Add a module").click()
    page.get_by_placeholder("Page title*").fill(MODULE_TITLE)
    page.get_by_role("textbox", name="Intro").fill("How to drape so the client stays warm, covered and in control.")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Section heading").click()
    page.get_by_role("textbox", name="Heading").fill("Why draping matters")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Course review").click()
    page.wait_for_url(f"**/admin/pages/{course.pk}/")
    assert f"Page '{MODULE_TITLE}' created and submitted for moderation." in _message(page)


def move_module_up(page, live_server, course: CoursePage, axe_check) -> None:
    page.goto(live_server.url + reverse("courses_module_order", args=[course.pk]))
    rows = _module_rows(page)
    assert rows[-1] == MODULE_TITLE  # a new module is added at the end
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=MODULE_TITLE))
    assert "Draft" in row.inner_text()  # waiting for review, not live
    row.get_by_role("button", name=re.compile(rf"^Move up\W+{re.escape(MODULE_TITLE)}$")).click()
    page.wait_for_load_state()
    assert f"“{MODULE_TITLE}” moved up." in _message(page)
    moved = _module_rows(page)
    assert moved[-2] == MODULE_TITLE and moved[-1] == rows[-2]
    axe_check(_settled(page))


def write_case(page, live_server) -> None:
    page.goto(live_server.url + "/admin/")
    page.get_by_role("button", name="Question bank").click()
    page.get_by_role("link", name="Case scenarios").click()
    page.get_by_role("link", name="Add case scenario").first.click()
    page.wait_for_url("**/casescenarioquestion/add/")
    page.get_by_role("textbox", name="Prompt").first.fill(CASE_PROMPT)
    page.get_by_role("textbox", name="Client*").fill(CASE_CLIENT)
    page.get_by_role("spinbutton", name="Client age").fill("67")
    page.get_by_role("textbox", name="Presenting complaint").fill("Stiff shoulders after a week of gardening.")
    page.get_by_role("textbox", name="Health history").fill("Takes warfarin since a heart valve replacement.")
    step = page.get_by_role("region", name="Decision steps, in order")
    step.get_by_role("textbox", name="Prompt").fill("Helen mentions a new painful, warm swelling in her left calf.")
    texts = step.get_by_role("textbox", name="Text")
    weights = step.get_by_role("spinbutton", name="Weight")
    feedback = step.get_by_role("textbox", name="Feedback")
    texts.nth(0).fill(SAFE)
    weights.nth(0).fill("1")
    feedback.nth(0).fill("A warm, painful calf may be a clot: she needs a doctor the same day.")
    texts.nth(1).fill(CRITICAL)
    weights.nth(1).fill("0")
    step.get_by_role("checkbox", name="Critical safety error").nth(1).check()
    feedback.nth(1).fill("Pressure over a suspected clot could dislodge it.")
    page.get_by_role("textbox", name="Explanation").fill(
        "A suspected clot is an absolute contraindication: refer the client, do not treat."
    )
    page.get_by_label("Course").select_option(label="Swedish Technique Foundations")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Question review").click()
    page.wait_for_url("**/admin/snippets/quizzes/casescenarioquestion/")
    assert "created and submitted for moderation" in _message(page)


def add_questions_to_quiz(page, live_server, quiz: QuizPage, case, bank) -> None:
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    page.wait_for_load_state("networkidle")
    # axe, less Wagtail's own known findings (the quiz's intro is a Draftail rich-text field).
    assert our_serious_violations(page) == []
    page.get_by_role("button", name="Add question").click()
    modal = page.locator(".modal")
    modal.get_by_role("table").wait_for()
    modal.get_by_role("textbox", name="Search").fill("before the massage")
    modal.get_by_text(BANK_PROMPT).wait_for()
    for question in (case, bank):
        row = modal.get_by_role("row").filter(has_text=question.prompt)
        assert "Not in a quiz" in row.inner_text()
    modal.get_by_role("checkbox", name=str(case)).check()
    modal.get_by_role("checkbox", name=BANK_PROMPT).check()
    modal.get_by_role("button", name="Confirm selection").click()
    modal.wait_for(state="detached")
    fixed = page.get_by_role("region", name="Fixed questions")
    expect(fixed.get_by_text(BANK_PROMPT)).to_be_visible()
    expect(fixed.get_by_text(CASE_PROMPT)).to_be_visible()
    assert our_serious_violations(_settled(page)) == []
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Course review").click()
    page.wait_for_url("**/admin/pages/*/")
    assert f"Page '{quiz.title}' has been submitted for moderation." in _message(page)


def approve_from_dashboard(page, titles: list[str]) -> None:
    review = page.get_by_role("region", name="Awaiting your review")
    for title in titles:
        row = review.get_by_role("row").filter(has_text=title)
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        row.wait_for(state="detached")


def quiz_prompts(page) -> list[str]:
    """Every question prompt of the attempt, page by page (one question per page in the demo quiz)."""
    prompts = []
    pages = page.locator(".quiz-nav__item").count()
    for number in range(1, pages + 1):
        button = page.locator(".quiz-nav").get_by_role("button", name=re.compile(rf"^Question {number}\b"))
        button.click()
        expect(button).to_have_attribute("aria-current", "step")  # that question's page has loaded
        prompts.append(" ".join(page.locator("#quiz-form").inner_text().split()))
    return prompts


def test_an_instructor_authors_an_editor_approves_and_a_learner_sees_it(demo, page, context, live_server, axe_check):
    course = CoursePage.objects.get(course_number="TS-101")
    quiz = QuizPage.objects.child_of(course).get()
    bank = quiz_factories.true_false(prompt=BANK_PROMPT, course=course)  # approved earlier, not in a quiz
    modules_before = list(ModulePage.objects.child_of(course).live().values_list("title", flat=True))
    questions_before = quiz.question_links.count()

    # Maya authors.
    admin_login(page, live_server, "maya", "touchstone-instructor")
    add_module(page, live_server, course, axe_check)
    move_module_up(page, live_server, course, axe_check)
    write_case(page, live_server)
    case = CaseScenarioQuestion.objects.get(prompt=CASE_PROMPT)
    assert not case.live and case.course_id == course.pk
    assert [option.is_critical for option in case.steps.get().options.all()] == [False, True]
    add_questions_to_quiz(page, live_server, quiz, case, bank)

    # Nothing is live yet: the learner's site is as it was.
    module = ModulePage.objects.get(title=MODULE_TITLE)
    waiting = QuizPage.objects.get(pk=quiz.pk)
    assert not module.live and waiting.has_unpublished_changes
    assert waiting.question_links.count() == questions_before

    # Jordan approves the module, the case and the quiz from his dashboard.
    context.clear_cookies()
    admin_login(page, live_server, "jordan", "touchstone-editor")
    approve_from_dashboard(page, [MODULE_TITLE, CASE_CLIENT, quiz.title])
    module.refresh_from_db()
    case.refresh_from_db()
    live_quiz = QuizPage.objects.get(pk=quiz.pk)
    assert module.live and case.live and not live_quiz.has_unpublished_changes
    assert {link.question_id for link in live_quiz.question_links.all()} >= {case.pk, bank.pk}

    # Sam reads the new module in its place, and the quiz asks the new questions.
    context.clear_cookies()
    login(page, live_server, "sam", "touchstone-learner")
    page.goto(live_server.url + course.url)
    listed = page.get_by_role("region", name="Modules").locator(".module-list__title").all_inner_texts()
    assert listed == [*modules_before[:-1], MODULE_TITLE, modules_before[-1]]

    page.goto(live_server.url + live_quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url("**/quizzes/attempts/**")
    prompts = quiz_prompts(page)
    assert len(prompts) == questions_before + 2
    case_page = next(text for text in prompts if CASE_PROMPT in text)
    assert "Helen, a retired teacher, aged 67" in case_page and SAFE in case_page and CRITICAL in case_page
    assert any(BANK_PROMPT in text for text in prompts)
