"""Question banks belong to courses and go live through review.

Maya teaches TS-101, Daniel TS-201; Jordan is a course editor; the admin is a superuser; Gulf Coast is a
provider. Daniel's DVT case is in his live final, fixed and through the "Client cases" draw.
"""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow, WorkflowContentType, WorkflowState

from courses.services import COURSE_EDITORS_GROUP
from events.services import add_provider_account
from quizzes import services
from quizzes.bank_setup import QUESTION_REVIEW_WORKFLOW
from quizzes.models import CaseScenarioQuestion, Question, QuestionCategory, QuizPage, SingleChoiceQuestion
from tests import factories as base
from tests.events import factories as event_factories
from tests.quizzes import factories
from tests.quizzes.test_admin import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(catalogue):
    maya = base.instructor("Maya Okafor")
    daniel = base.instructor("Daniel Reyes")
    swedish = base.course(title="Swedish Technique Foundations", course_number="TS-101", instructors=[maya])
    safety = base.course(title="Contraindications and Client Safety", course_number="TS-201", instructors=[daniel])
    jordan = base.user("jordan")
    jordan.groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    provider_account = base.user("gulfcoast")
    add_provider_account(event_factories.provider("Gulf Coast Massage Institute"), provider_account)
    client_cases = factories.category("Client cases", safety)
    dvt = factories.case_scenario(course=safety, category=client_cases, reference="TS201-CASE-DVT")
    factories.true_false(course=safety, category=client_cases, prompt="Fever is an absolute contraindication.")
    strokes = factories.category("Swedish strokes", swedish)
    effleurage = factories.single_choice(course=swedish, category=strokes, prompt="Which stroke opens a session?")
    shared = factories.true_false(prompt="Consent can be withdrawn at any time.")
    final = factories.quiz(safety, questions=[dvt], draws=[(client_cases, 1)], title="TS-201 final")
    return {
        "maya": maya.user,
        "daniel": daniel.user,
        "jordan": jordan,
        "admin": base.user("admin", is_superuser=True, is_staff=True),
        "provider": provider_account,
        "swedish": swedish,
        "safety": safety,
        "client_cases": client_cases,
        "strokes": strokes,
        "dvt": dvt,
        "effleurage": effleurage,
        "shared": shared,
        "final": final,
    }


CHOOSER = "/admin/snippets/choose/quizzes/question/"


def url(question, name, *args):
    return reverse(type(question).snippet_viewset.get_url_name(name), args=[question.pk, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def listing(client, model="question"):
    return client.get(f"/admin/snippets/quizzes/{model}/").content.decode()


# --- who sees what ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "sees", "hidden"),
    [
        ("maya", {"effleurage"}, {"dvt", "shared"}),
        ("daniel", {"dvt"}, {"effleurage", "shared"}),
        ("jordan", {"dvt", "effleurage", "shared"}, set()),
        ("admin", {"dvt", "effleurage", "shared"}, set()),
    ],
)
def test_the_bank_lists_only_your_courses_questions(client, bank, who, sees, hidden):
    signed_in(client, bank[who])
    html = listing(client)
    cases = listing(client, "casescenarioquestion")
    for name in sees:
        assert str(bank[name])[:40] in html, name
    for name in hidden:
        assert str(bank[name])[:40] not in html, name
    assert ("Marta" in cases) == ("dvt" in sees)


def test_the_course_filter_offers_only_your_courses(client, bank):
    html = listing(signed_in(client, bank["maya"]))
    assert "Swedish Technique Foundations" in html
    assert "Contraindications and Client Safety" not in html


def test_categories_are_listed_per_course(client, bank):
    html = listing(signed_in(client, bank["maya"]), "questioncategory")
    assert "Swedish strokes" in html and "Client cases" not in html
    assert "Client cases" in listing(signed_in(client, bank["jordan"]), "questioncategory")


def test_a_provider_does_not_see_the_question_bank(client, bank):
    signed_in(client, bank["provider"])
    assert "Question bank" not in client.get("/admin/").content.decode()
    for path in ["/admin/snippets/quizzes/question/", "/admin/snippets/quizzes/casescenarioquestion/"]:
        response = client.get(path)
        assert response.status_code in (302, 403, 404), path
    assert client.get(url(bank["dvt"], "edit")).status_code in (302, 403, 404)
    # Wagtail's choosers open for any admin user; this one offers a provider nothing.
    results = client.get(f"{CHOOSER}results/").content.decode()
    assert "Marta" not in results and "opens a session" not in results and "Consent can be" not in results


# --- another instructor's question ------------------------------------------------------------

OBJECT_VIEWS = ["edit", "delete", "history", "usage", "lock", "unlock", "unpublish", "preview_on_edit"]


def test_another_instructors_question_is_not_found_in_any_view(client, bank):
    signed_in(client, bank["maya"])
    dvt = bank["dvt"]
    for name in OBJECT_VIEWS:
        assert client.get(url(dvt, name)).status_code == 404, name
    assert client.get(f"/admin/snippets/quizzes/question/edit/{dvt.pk}/").status_code == 404
    compare = f"/admin/snippets/quizzes/casescenarioquestion/history/{dvt.pk}/revisions/compare/earliest...latest/"
    assert client.get(compare).status_code == 404
    assert client.get(f"{CHOOSER}chosen/{dvt.pk}/").status_code == 404
    multiple = client.get(f"{CHOOSER}chosen-multiple/", {"id": [dvt.pk, bank["effleurage"].pk]})
    assert "Marta" not in multiple.content.decode() and "opens a session" in multiple.content.decode()
    # The 404 is the admin's own readable page, not a server error.
    assert client.get(url(dvt, "edit")).status_code == 404


def test_maya_cannot_change_daniels_live_case(client, bank):
    signed_in(client, bank["maya"])
    dvt = bank["dvt"]
    response = client.post(url(dvt, "edit"), {"prompt": "Hijacked", "action-publish": "1"})
    assert response.status_code == 404
    assert CaseScenarioQuestion.objects.get(pk=dvt.pk).prompt == dvt.prompt
    assert not dvt.revisions.exists()


def test_your_own_question_opens_in_every_view(client, bank):
    signed_in(client, bank["maya"])
    mine = bank["effleurage"]
    for name in ["edit", "history", "usage"]:
        assert client.get(url(mine, name)).status_code == 200, name


def test_the_chooser_offers_only_your_courses_questions(client, bank):
    signed_in(client, bank["maya"])
    results = client.get(f"{CHOOSER}results/").content.decode()
    assert "opens a session" in results
    assert "Marta" not in results and "Consent can be withdrawn" not in results
    chooser = client.get(CHOOSER).json()["html"]
    assert "Contraindications and Client Safety" not in chooser and "Client cases" not in chooser


# --- what instructors may create ---------------------------------------------------------------

ADD_TRUE_FALSE = "/admin/snippets/quizzes/truefalsequestion/add/"


def true_false_form(**overrides):
    data = {
        "prompt": "Effleurage warms the tissue.",
        "explanation": "Gliding strokes bring blood to the surface.",
        "correct_answer": "True",
        "feedback_true": "Yes.",
        "feedback_false": "It does warm it.",
        "course": "",
        "category": "",
        "tags": "",
        "points": "1",
        "reference": "",
        "remediation_module": "",
        "remediation_anchor": "",
    }
    data.update(overrides)
    return data


def test_instructors_cannot_add_to_another_course_or_the_shared_bank(client, bank):
    signed_in(client, bank["maya"])
    into_daniels = client.post(ADD_TRUE_FALSE, true_false_form(course=str(bank["safety"].pk)))
    assert into_daniels.status_code == 200
    shared = client.post(ADD_TRUE_FALSE, true_false_form())
    assert "only course editors add to the shared bank" in shared.content.decode()
    into_his_category = client.post(
        ADD_TRUE_FALSE, true_false_form(course=str(bank["swedish"].pk), category=str(bank["client_cases"].pk))
    )
    assert into_his_category.status_code == 200
    assert not bank["client_cases"].questions.filter(prompt="Effleurage warms the tissue.").exists()
    assert not Question.objects.filter(prompt="Effleurage warms the tissue.").exists()


def test_a_new_question_starts_as_a_draft_and_is_never_drawn(client, bank, learner):
    signed_in(client, bank["daniel"])
    data = true_false_form(course=str(bank["safety"].pk), category=str(bank["client_cases"].pk))
    data["action-publish"] = "1"  # not his to do: it is saved as a draft
    assert client.post(ADD_TRUE_FALSE, data).status_code == 302
    new = Question.objects.get(prompt="Effleurage warms the tissue.")
    assert new.course == bank["safety"] and not new.live
    drawn = {item["question_id"] for _ in range(12) for item in services.build_items(bank["final"])}
    assert new.pk not in drawn


def test_a_category_belongs_to_one_of_your_courses(client, bank):
    signed_in(client, bank["maya"])
    add = "/admin/snippets/quizzes/questioncategory/add/"
    assert client.post(add, {"name": "Sneaky", "course": str(bank["safety"].pk), "description": ""}).status_code == 200
    assert client.post(add, {"name": "Sneaky", "course": "", "description": ""}).status_code == 200
    assert (
        client.post(add, {"name": "Draping", "course": str(bank["swedish"].pk), "description": ""}).status_code == 302
    )
    assert list(QuestionCategory.objects.filter(name__in=["Sneaky", "Draping"]).values_list("name", flat=True)) == [
        "Draping"
    ]
    assert client.get(url(bank["client_cases"], "edit")).status_code == 404


def test_course_editors_keep_the_shared_bank(client, bank):
    signed_in(client, bank["jordan"])
    data = {**true_false_form(prompt="Ask before every session."), "action-publish": "1"}
    assert client.post(ADD_TRUE_FALSE, data).status_code == 302
    shared = Question.objects.get(prompt="Ask before every session.")
    assert shared.course is None and shared.live


# --- review ----------------------------------------------------------------------------------


def test_question_review_is_set_up_for_every_question_type():
    workflow = Workflow.objects.get(name=QUESTION_REVIEW_WORKFLOW)
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [COURSE_EDITORS_GROUP]
    assigned = {link.content_type.model for link in WorkflowContentType.objects.filter(workflow=workflow)}
    assert {"singlechoicequestion", "casescenarioquestion", "truefalsequestion", "matchingquestion"} <= assigned
    assert CaseScenarioQuestion.get_default_workflow() == workflow


def edit_data(client, question) -> dict:
    return form_data(client.get(url(question, "edit")).content.decode(), "w-editor-form")


def test_an_edit_to_a_live_question_waits_for_approval(client, bank, learner):
    dvt, final = bank["dvt"], bank["final"]
    before, _ = services.start_attempt(final, learner)
    right_text = "Skip the leg and refer the client to a physician today"

    signed_in(client, bank["daniel"])
    data = edit_data(client, dvt)
    data["steps-0-options-0-text"] = ["Stop, and refer the client to a physician today"]
    data["steps-0-options-0-weight"] = ["3"]
    data["action-submit"] = ["Submit to Question review"]
    response = client.post(url(dvt, "edit"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]

    live = CaseScenarioQuestion.objects.get(pk=dvt.pk)
    assert live.live and live.has_unpublished_changes
    assert live.steps.first().options.first().text == right_text  # learners still get the approved version
    state = WorkflowState.objects.get(object_id=str(dvt.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == QUESTION_REVIEW_WORKFLOW

    other = base.user("other-learner")
    while_pending, _ = services.start_attempt(final, other)
    case_item = next(item for item in while_pending.items if item["type"] == "case_scenario")
    assert right_text in [option["text"] for option in case_item["steps"][0]["options"]]

    # Jordan sees the change in the comparison (options, weights, critical flags) and approves it.
    signed_in(client, bank["jordan"])
    compare = client.get(
        f"/admin/snippets/quizzes/casescenarioquestion/history/{dvt.pk}/revisions/compare/live...latest/"
    )
    assert compare.status_code == 200
    shown = BeautifulSoup(compare.content.decode(), "html.parser").find("main").get_text(" ", strip=True)
    assert "Stop, and refer the client to a physician today" in shown
    assert "Weight 2.00 3" in shown and "Critical safety error True" in shown
    task_state = state.current_task_state
    response = client.post(url(dvt, "workflow_action", "approve", task_state.pk), {})
    assert response.status_code in (200, 302)

    approved = CaseScenarioQuestion.objects.get(pk=dvt.pk)
    first = approved.steps.first().options.first()
    assert first.text == "Stop, and refer the client to a physician today" and first.weight == Decimal("3")
    assert [o.is_critical for o in approved.steps.first().options.all()] == [False, True, False]
    assert not approved.has_unpublished_changes
    # The attempt taken before the edit keeps the version it showed.
    before.refresh_from_db()
    old_item = next(item for item in before.items if item["type"] == "case_scenario")
    assert right_text in [option["text"] for option in old_item["steps"][0]["options"]]


def test_an_instructor_cannot_publish_past_review(client, bank):
    signed_in(client, bank["daniel"])
    dvt = bank["dvt"]
    data = edit_data(client, dvt)
    data["prompt"] = ["Published without review?"]
    data["action-publish"] = ["1"]
    client.post(url(dvt, "edit"), data)
    assert CaseScenarioQuestion.objects.get(pk=dvt.pk).prompt != "Published without review?"


def test_history_of_your_question_lists_its_versions(client, bank):
    signed_in(client, bank["daniel"])
    dvt = bank["dvt"]
    data = edit_data(client, dvt)
    data["prompt"] = ["Read Ines's case and decide."]
    assert client.post(url(dvt, "edit"), data).status_code == 302
    history = client.get(url(dvt, "history"))
    assert history.status_code == 200


@pytest.mark.parametrize("index", range(6))
def test_a_revision_restores_the_question_type_with_its_children(course, index):
    stored = Question.objects.get(pk=factories.one_of_each(course)[index].pk)
    revision = stored.save_revision()
    restored = revision.as_object()
    assert type(restored) is type(stored)
    assert snapshot(restored) == snapshot(stored)
    revision.publish()
    assert snapshot(Question.objects.get(pk=stored.pk)) == snapshot(stored)


def snapshot(question) -> str:
    """What an attempt would store, with its random option ids blanked, so two versions compare equal."""
    import json
    import random
    import re

    item = question.to_item(1, rng=random.Random(7))
    return re.sub(r'"[0-9a-f]{8}"', '"id"', json.dumps(item, sort_keys=True, default=str))


def test_a_demo_style_draft_keeps_the_concrete_type_in_the_bank_listing(client, bank):
    signed_in(client, bank["admin"])
    draft = factories.single_choice(course=bank["swedish"], live=False, prompt="Where do you start petrissage?")
    html = listing(client)
    assert "Where do you start petrissage?" in html
    assert f"/admin/snippets/quizzes/singlechoicequestion/edit/{draft.pk}/" in html
    assert isinstance(Question.objects.get(pk=draft.pk), SingleChoiceQuestion)


# --- the quiz editor keeps to the author's own bank ----------------------------------------------


def test_a_quiz_takes_only_the_authors_own_questions_and_categories(client, bank):
    quiz = factories.quiz(bank["swedish"], questions=[bank["effleurage"]], title="TS-101 check")
    client = signed_in(client, bank["maya"])
    edit_url = f"/admin/pages/{quiz.pk}/edit/"
    page = client.get(edit_url).content.decode()
    assert "Client cases" not in page  # Daniel's category is not offered for a draw

    data = form_data(page, "page-edit-form")
    data.update(
        {
            "question_links-TOTAL_FORMS": ["2"],
            "question_links-1-question": [str(bank["dvt"].pk)],
            "question_links-1-ORDER": ["2"],
            "question_links-1-id": [""],
            "random_draws-TOTAL_FORMS": ["1"],
            "random_draws-0-category": [str(bank["client_cases"].pk)],
            "random_draws-0-count": ["1"],
            "random_draws-0-ORDER": ["1"],
            "random_draws-0-id": [""],
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This question is not in your courses&#x27; bank" in html
    assert "This category is not in your courses&#x27; bank" in html
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert [link.question_id for link in draft.question_links.all()] == [bank["effleurage"].pk]
