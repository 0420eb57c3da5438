"""The case-scenario editor states the critical-option policy and warns about safety steps with no critical option."""

import pytest

from quizzes.models import CaseScenarioQuestion
from tests.quizzes.test_admin import ADD_CASE, case_form, instructor, instructor_client  # noqa: F401

SUBMIT = {"action-submit": "Submit to Question review"}
PUBLISH = {"action-publish": "Publish"}

pytestmark = pytest.mark.django_db

WARNING = "has no option marked as a critical safety error"


def safety_case(course, module, *, critical: bool, action: dict | None = None) -> dict:
    data = {**case_form(course, module), **(action or {})}
    data["steps-0-safety_decision"] = "on"
    if not critical:
        data.pop("steps-0-options-1-is_critical", None)
    return data


def test_the_editor_shows_when_an_option_is_critical(instructor_client):  # noqa: F811
    page = instructor_client.get(ADD_CASE).content.decode()
    assert "When is an option critical?" in page
    assert "delays emergency care" in page and "outside the therapist" in page
    assert 'name="steps-__prefix__-safety_decision"' in page or "safety_decision" in page


def test_submitting_a_case_with_an_uncritical_safety_step_warns(instructor_client, course, module):  # noqa: F811
    response = instructor_client.post(ADD_CASE, safety_case(course, module, critical=False, action=SUBMIT), follow=True)
    assert response.status_code == 200
    assert WARNING in response.content.decode()


def test_saving_a_live_case_with_an_uncritical_safety_step_warns(admin_client, course, module):
    response = admin_client.post(ADD_CASE, safety_case(course, module, critical=False, action=PUBLISH), follow=True)
    assert response.status_code == 200
    question = CaseScenarioQuestion.objects.get()
    assert question.safety_steps_without_critical_option() == [1]
    assert WARNING in response.content.decode()

    # Editing it again still warns; marking the dangerous option critical clears the warning.
    edit = f"/admin/snippets/quizzes/casescenarioquestion/edit/{question.pk}/"
    step = question.steps.get()
    data = safety_case(course, module, critical=False)
    data.update({"steps-INITIAL_FORMS": "1", "steps-0-id": str(step.pk)})
    options = list(step.options.order_by("sort_order"))
    data.update({"steps-0-options-INITIAL_FORMS": "2"})
    for index, option in enumerate(options):
        data[f"steps-0-options-{index}-id"] = str(option.pk)
    assert WARNING in admin_client.post(edit, data, follow=True).content.decode()
    data["steps-0-options-1-is_critical"] = "on"
    response = admin_client.post(edit, data, follow=True)
    assert WARNING not in response.content.decode()
    # Saved as a draft of the live question: the live version keeps its flaw until the draft is published.
    assert question.safety_steps_without_critical_option() == [1]
    response = admin_client.post(edit, {**data, **PUBLISH}, follow=True)
    assert question.safety_steps_without_critical_option() == []


def test_no_warning_for_a_case_with_a_critical_option(instructor_client, course, module):  # noqa: F811
    response = instructor_client.post(ADD_CASE, safety_case(course, module, critical=True, action=SUBMIT), follow=True)
    assert CaseScenarioQuestion.objects.exists()
    assert WARNING not in response.content.decode()


def test_no_warning_for_a_draft_or_a_step_that_is_not_a_safety_decision(instructor_client, course, module):  # noqa: F811
    draft = safety_case(course, module, critical=False)
    assert WARNING not in instructor_client.post(ADD_CASE, draft, follow=True).content.decode()
    paperwork = case_form(course, module, prompt="Another case: decide what to do.")
    paperwork.pop("steps-0-options-1-is_critical", None)  # safety_decision unticked too
    assert WARNING not in instructor_client.post(ADD_CASE, paperwork, follow=True).content.decode()
    assert CaseScenarioQuestion.objects.count() == 2
