"""The quiz builder in a browser: several questions added at once from a chooser opened on the quiz's course,
and a single-choice question's "right answer" boxes acting as one group of radio buttons."""

from decimal import Decimal

from quizzes.models import QuizPage
from tests import factories
from tests.quizzes import factories as quiz_factories


def _admin(page, live_server):
    factories.user("builder", password="builder-pass-123", is_superuser=True, is_staff=True)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("builder")
    page.get_by_label("Password").fill("builder-pass-123")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


def test_add_several_questions_at_once_from_the_quiz_course(page, live_server):
    course = factories.course(title="Contraindications and Client Safety")
    other = factories.course(title="Swedish Technique Foundations")
    already = quiz_factories.true_false(prompt="A fever is a reason to postpone.", course=course)
    first = quiz_factories.true_false(prompt="Varicose veins need light pressure.", course=course)
    second = quiz_factories.true_false(prompt="Lymphoedema limbs need no care.", course=course, points=Decimal("2"))
    quiz_factories.true_false(prompt="Effleurage glides over the skin.", course=other)
    quiz = quiz_factories.quiz(course, questions=[already], title="Safety check")

    page = _admin(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{quiz.pk}/edit/")
    page.locator("#id_question_links-OPEN_MODAL").click()
    modal = page.locator(".modal")
    modal.get_by_text("Varicose veins need light pressure.").wait_for()
    assert modal.get_by_text("Effleurage glides over the skin.").count() == 0  # another course's question
    row = modal.locator("tr", has_text="A fever is a reason to postpone.")
    assert row.locator("input[type=checkbox]").count() == 0 and row.get_by_text("Already in this quiz").count() == 1
    modal.locator(f"#chooser-modal-select-{second.pk}").check()
    modal.locator(f"#chooser-modal-select-{first.pk}").check()
    modal.get_by_role("button", name="Confirm selection").click()
    page.locator("#id_question_links-2-question").wait_for(state="attached")

    # Reopened before saving, the chooser doesn't offer the questions just added.
    page.locator("#id_question_links-OPEN_MODAL").click()
    modal.get_by_text("Varicose veins need light pressure.").wait_for()
    assert modal.locator(f"#chooser-modal-select-{first.pk}").is_disabled()
    assert modal.locator(f"#chooser-modal-select-{second.pk}").is_disabled()
    modal.locator("button.close").click()
    modal.wait_for(state="detached")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()

    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    chosen = [link.question_id for link in draft.question_links.all()]
    assert chosen[0] == already.pk and sorted(chosen[1:]) == sorted([first.pk, second.pk])
    assert "Pass mark 70 % = 2.8 of 4 points." in " ".join(
        page.locator("[data-quiz-points]").first.inner_text().split()
    )

    # After saving, the server marks them.
    page.locator("#id_question_links-OPEN_MODAL").click()
    modal.get_by_text("Varicose veins need light pressure.").wait_for()
    assert modal.locator(f"#chooser-modal-select-{first.pk}").count() == 0


def test_single_choice_right_answers_act_as_radio_buttons(page, live_server):
    page = _admin(page, live_server)
    page.goto(f"{live_server.url}/admin/snippets/quizzes/singlechoicequestion/add/")
    boxes = page.locator("input[data-single-right-answer]")
    boxes.first.wait_for()
    assert boxes.first.get_attribute("type") == "radio"
    boxes.nth(0).check()
    boxes.nth(1).check()
    assert not boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
