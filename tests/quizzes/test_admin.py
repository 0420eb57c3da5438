"""Authoring the question bank in the Wagtail admin, driven with the Django test client."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from courses.models import Instructor
from courses.services import INSTRUCTORS_GROUP, sync_course_team
from quizzes import services
from quizzes.models import CaseScenarioQuestion, QuizPage, SingleChoiceQuestion
from tests import factories as base
from tests.quizzes import factories
from tests.quizzes.test_attempts import right_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def instructor(course):
    """Daniel, who teaches the course: its questions are his to author."""
    user = base.user("daniel")
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    course.instructors.add(Instructor.objects.create(name="Daniel Reyes", credentials="LMT", user=user))
    course.save()
    sync_course_team(course)
    return user


@pytest.fixture
def instructor_client(client, instructor):
    client.force_login(instructor)
    return client


def approve(question):
    """Publish the question's latest version, as a course editor's approval does."""
    question.get_latest_revision().publish()
    return type(question).objects.get(pk=question.pk)


def formset(prefix, rows, minimum=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": str(minimum),
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-id"] = ""
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        for key, value in row.items():
            if isinstance(value, dict):
                data.update(formset(f"{prefix}-{index}-{key}", value["rows"], value.get("min", 0)))
            elif value is True:
                data[f"{prefix}-{index}-{key}"] = "on"
            elif value is not False:
                data[f"{prefix}-{index}-{key}"] = value
    return data


def common_fields(course_page, module, **overrides):
    data = {
        "prompt": "A client arrives for her regular session. Decide what to do.",
        "explanation": "Warmth, swelling and tenderness in one calf can mean a clot: stop and refer.",
        "course": str(course_page.pk),
        "category": "",
        "tags": "dvt, circulation",
        "points": "2",
        "remediation_module": str(module.pk),
        "remediation_anchor": "clots",
    }
    data.update(overrides)
    return data


def case_form(course, module, **overrides):
    data = common_fields(course, module, **overrides)
    data.update(
        {
            "client": "Ines, a warehouse supervisor",
            "client_age": "46",
            "presenting_complaint": "Aching left calf since a long drive.",
            "health_history": "On the contraceptive pill.",
            "medications": "",
            "observations": "The left calf is warm, red and swollen.",
        }
    )
    data.update(
        formset(
            "steps",
            [
                {
                    "prompt": "What do you do with the leg?",
                    "kind": "single",
                    "options": {
                        "min": 2,
                        "rows": [
                            {
                                "text": "Leave the leg alone and urge her to see a doctor today",
                                "weight": "3",
                                "is_critical": False,
                                "feedback": "Right: a suspected clot needs medical assessment first.",
                            },
                            {
                                "text": "Use firm effleurage to move the swelling",
                                "weight": "0",
                                "is_critical": True,
                                "feedback": "Pressure over a clot can break it loose toward the lungs.",
                            },
                        ],
                    },
                }
            ],
            minimum=1,
        )
    )
    return data


ADD_CASE = "/admin/snippets/quizzes/casescenarioquestion/add/"


def test_instructor_creates_a_case_scenario_and_a_learner_who_picks_the_critical_option_fails_it(
    instructor_client, course, module, learner
):
    response = instructor_client.post(ADD_CASE, case_form(course, module))
    assert response.status_code == 302, response.content.decode()[-3000:]
    question = CaseScenarioQuestion.objects.get()
    assert not question.live  # a draft until a course editor approves it
    question = approve(question)
    step = question.steps.get()
    assert [option.is_critical for option in step.options.all()] == [False, True]
    assert sorted(tag.name for tag in question.tags.all()) == ["circulation", "dvt"]

    quiz = factories.quiz(course, questions=[question, factories.true_false()], pass_mark=50)
    attempt, _ = services.start_attempt(quiz, learner)
    case_item = next(item for item in attempt.items if item["type"] == "case_scenario")
    tf_item = next(item for item in attempt.items if item["type"] == "true_false")
    critical = next(option["id"] for option in case_item["steps"][0]["options"] if option["critical"])
    services.save_answers(
        attempt.pk,
        learner,
        {
            case_item["slot"]: {"steps": {case_item["steps"][0]["id"]: [critical]}},
            tf_item["slot"]: right_answer(tf_item),
        },
        0,
    )
    result = services.submit_attempt(attempt.pk, learner, sequence=1)
    graded = result.attempt
    case_answer = graded.answers.get(slot=case_item["slot"])
    assert case_answer.points == 0 and case_answer.details["critical"] is True
    assert graded.critical_error is True
    assert graded.passed is False  # 1 of 3 points would fail anyway; the critical error fails it regardless


def test_critical_option_fails_the_attempt_even_with_a_passing_score(instructor_client, course, module, learner):
    instructor_client.post(ADD_CASE, case_form(course, module, points="1"))
    question = approve(CaseScenarioQuestion.objects.get())
    others = [factories.true_false() for _ in range(4)]
    quiz = factories.quiz(course, questions=[question, *others], pass_mark=70)
    attempt, _ = services.start_attempt(quiz, learner)
    answers = {}
    for item in attempt.items:
        if item["type"] == "case_scenario":
            step = item["steps"][0]
            answers[item["slot"]] = {"steps": {step["id"]: [o["id"] for o in step["options"] if o["critical"]]}}
        else:
            answers[item["slot"]] = right_answer(item)
    services.save_answers(attempt.pk, learner, answers, 0)
    graded = services.submit_attempt(attempt.pk, learner, sequence=1).attempt
    assert graded.percent == 80 and graded.passed is False


def test_case_scenario_checks(instructor_client, course, module):
    data = case_form(course, module)
    data["steps-0-options-1-weight"] = "2"  # a critical option that earns points
    response = instructor_client.post(ADD_CASE, data)
    assert response.status_code == 200
    assert "can&#x27;t earn points" in response.content.decode()
    data = case_form(course, module)
    data["steps-0-options-0-weight"] = "0"
    response = instructor_client.post(ADD_CASE, data)
    assert "Give at least one safe option of this step a positive weight." in response.content.decode()
    assert not CaseScenarioQuestion.objects.exists()


def single_form(course_page, module, options, **overrides):
    overrides.setdefault("prompt", "Which stroke glides?")
    data = common_fields(course_page, module, **overrides)
    data.update(
        formset(
            "options",
            [{"text": text, "is_correct": right, "feedback": f"About {text}."} for text, right in options],
            minimum=2,
        )
    )
    return data


ADD_SINGLE = "/admin/snippets/quizzes/singlechoicequestion/add/"


def test_single_choice_needs_exactly_one_right_option(instructor_client, course, module):
    response = instructor_client.post(
        ADD_SINGLE, single_form(course, module, [("Effleurage", True), ("Hacking", True)])
    )
    assert response.status_code == 200
    assert "Only one option can be the right answer" in response.content.decode()
    response = instructor_client.post(
        ADD_SINGLE, single_form(course, module, [("Effleurage", True), ("Hacking", False)])
    )
    assert response.status_code == 302
    assert SingleChoiceQuestion.objects.get().options.count() == 2


def test_section_must_belong_to_the_module(instructor_client, course, module):
    response = instructor_client.post(
        ADD_SINGLE,
        single_form(course, module, [("Effleurage", True), ("Hacking", False)], remediation_anchor="no-such-section"),
    )
    assert response.status_code == 200
    assert not SingleChoiceQuestion.objects.exists()


def test_section_choices_come_from_the_module(admin_client, course, module):
    question = factories.single_choice(course=course, remediation_module=module, remediation_anchor="clots")
    html = admin_client.get(f"/admin/snippets/quizzes/singlechoicequestion/edit/{question.pk}/").content.decode()
    assert '<option value="clots" selected>Clots and the legs</option>' in html
    assert "Contraindication: Deep vein thrombosis" in html
    sections = admin_client.get(reverse("quizzes_admin:module_sections", args=[module.pk])).json()["sections"]
    assert {"value": "clots", "label": "Clots and the legs"} in sections
    assert admin_client.get(reverse("quizzes_admin:module_sections", args=[999999])).status_code == 404


def test_course_is_taken_from_the_module_and_must_match_it(instructor_client, admin_client, course, module):
    other_course = base.course(title="Swedish Technique Foundations")
    response = instructor_client.post(
        ADD_SINGLE, single_form(course, module, [("Effleurage", True), ("Hacking", False)], course="")
    )
    assert response.status_code == 302
    assert SingleChoiceQuestion.objects.get().course_id == course.pk
    response = admin_client.post(
        ADD_SINGLE,
        single_form(course, module, [("Effleurage", True), ("Kneading", False)], course=str(other_course.pk)),
    )
    assert "This module belongs to another course." in response.content.decode()


def test_question_bank_listing_filters_and_search(admin_client, course, questions):
    other = factories.single_choice(prompt="Which stroke uses cupped hands?")
    listing = "/admin/snippets/quizzes/question/"
    html = admin_client.get(listing).content.decode()
    for question in questions:
        assert str(question)[:40] in html
    case = questions[-1]
    assert f"/admin/snippets/quizzes/casescenarioquestion/edit/{case.pk}/" in html

    by_type = admin_client.get(listing, {"type": "case_scenario"}).content.decode()
    assert "Read the case and choose what to do." in by_type and "cupped hands" not in by_type

    by_course = admin_client.get(listing, {"course": course.pk}).content.decode()
    assert "cupped hands" not in by_course and str(questions[0])[:40] in by_course

    pool = factories.category("Contraindications", course)
    other.category = pool
    other.save()
    by_category = admin_client.get(listing, {"category": pool.pk}).content.decode()
    assert "cupped hands" in by_category and str(questions[0])[:40] not in by_category

    found = admin_client.get(listing, {"q": "cupped"}).content.decode()
    assert "cupped hands" in found and str(questions[0])[:40] not in found

    for model in (
        "singlechoicequestion",
        "multipleresponsequestion",
        "truefalsequestion",
        "matchingquestion",
        "orderingquestion",
        "casescenarioquestion",
        "questioncategory",
    ):
        assert admin_client.get(f"/admin/snippets/quizzes/{model}/").status_code == 200
        assert admin_client.get(f"/admin/snippets/quizzes/{model}/add/").status_code == 200


def test_all_questions_editor_url_opens_the_type_editor(admin_client, questions):
    case = questions[-1]
    response = admin_client.get(f"/admin/snippets/quizzes/question/edit/{case.pk}/")
    assert response.status_code == 302
    assert response.url == f"/admin/snippets/quizzes/casescenarioquestion/edit/{case.pk}/"
    edit = admin_client.get(response.url).content.decode()
    assert "Not in any quiz yet." in edit


def test_editor_warns_that_changes_only_reach_new_attempts(admin_client, quiz, learner, questions):
    services.start_attempt(quiz, learner)
    html = admin_client.get(f"/admin/snippets/quizzes/singlechoicequestion/edit/{questions[0].pk}/").content.decode()
    assert "Safety check" in html
    assert "keeps the wording, options and answer key it showed" in html


def test_preview_shows_the_question_as_the_learner_will_see_it(admin_client, course, module):
    preview_url = "/admin/snippets/quizzes/casescenarioquestion/preview/"
    response = admin_client.post(preview_url, case_form(course, module))
    assert response.json()["is_valid"] is True
    learner_view = admin_client.get(preview_url, {"mode": ""}).content.decode()
    assert "Ines, a warehouse supervisor" in learner_view
    assert "Use firm effleurage to move the swelling" in learner_view
    assert "Pressure over a clot" not in learner_view
    key_view = admin_client.get(preview_url, {"mode": "answers"}).content.decode()
    assert "Pressure over a clot can break it loose toward the lungs." in key_view


def test_instructors_can_author_but_not_delete_questions(instructor_client, questions):
    assert instructor_client.get("/admin/snippets/quizzes/question/").status_code == 200
    assert instructor_client.get(ADD_CASE).status_code == 200
    case = questions[-1]
    assert instructor_client.get(f"/admin/snippets/quizzes/casescenarioquestion/edit/{case.pk}/").status_code == 200
    assert instructor_client.get(f"/admin/snippets/quizzes/casescenarioquestion/delete/{case.pk}/").status_code in (
        302,
        403,
    )
    assert CaseScenarioQuestion.objects.filter(pk=case.pk).exists()


def test_quiz_page_belongs_under_a_course(course):
    from courses.models import CourseIndexPage, CoursePage, ModulePage

    assert QuizPage.can_create_at(CoursePage()) is True
    assert QuizPage.can_create_at(CourseIndexPage()) is False
    assert QuizPage.can_create_at(ModulePage()) is False


def test_quiz_settings_are_validated(course, questions):
    from django.core.exceptions import ValidationError

    quiz = QuizPage(title="Final", slug="final", review_timing="after_last")
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert "review_timing" in error.value.message_dict


def test_quiz_page_editor_opens_for_a_course(admin_client, quiz, course):
    assert admin_client.get(f"/admin/pages/{quiz.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/add/quizzes/quizpage/{course.pk}/").status_code == 200


def form_data(html: str, form_id: str) -> dict:
    """Every field of a rendered form with its current value, as the browser would post it."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or "__prefix__" in name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            chosen = [option.get("value", "") for option in field.find_all("option") if option.has_attr("selected")]
            data.setdefault(name, []).extend(chosen or ([] if field.has_attr("multiple") else [""]))
        elif field.name == "textarea":
            data.setdefault(name, []).append(field.text)
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data.setdefault(name, []).append(field.get("value", ""))
    return data


def test_quiz_page_preview_and_publish_through_the_admin(admin_client, quiz, questions):
    edit_url = f"/admin/pages/{quiz.pk}/edit/"
    data = form_data(admin_client.get(edit_url).content.decode(), "page-edit-form")
    data["pass_mark"] = ["85"]
    data["title"] = ["Safety check, revised"]
    preview = admin_client.post(f"/admin/pages/{quiz.pk}/edit/preview/", data)
    assert preview.json()["is_valid"] is True
    shown = admin_client.get(f"/admin/pages/{quiz.pk}/edit/preview/").content.decode()
    assert "Safety check, revised" in shown and "85%" in shown

    data["action-publish"] = ["action-publish"]
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    quiz.refresh_from_db()
    assert quiz.pass_mark == 85
    assert quiz.question_links.count() == 6


def test_quiz_page_admin_refuses_after_last_review_without_a_limit(admin_client, quiz):
    edit_url = f"/admin/pages/{quiz.pk}/edit/"
    data = form_data(admin_client.get(edit_url).content.decode(), "page-edit-form")
    data["review_timing"] = ["after_last"]
    data["max_attempts"] = [""]
    data["action-publish"] = ["action-publish"]
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200
    assert "needs a maximum number of attempts" in response.content.decode()
    quiz.refresh_from_db()
    assert quiz.review_timing == "after_each"


def test_question_chooser_searches_and_filters(admin_client, questions):
    results = "/admin/snippets/choose/quizzes/question/results/"
    case = questions[-1]
    case.reference = "TS201-CASE-DVT"
    case.save()
    html = admin_client.get(results, {"q": "dvt"}).content.decode()
    assert "Marta, a retired teacher" in html and str(questions[0])[:30] not in html
    by_type = admin_client.get(results, {"type": "true_false"}).content.decode()
    assert "True or false" in by_type and "Marta" not in by_type
    chooser = admin_client.get("/admin/snippets/choose/quizzes/question/").json()["html"]
    assert 'name="type"' in chooser and 'name="course"' in chooser


def test_a_quiz_draft_may_be_empty_but_publishing_needs_questions(admin_client, course, questions):
    add_url = f"/admin/pages/add/quizzes/quizpage/{course.pk}/"
    data = form_data(admin_client.get(add_url).content.decode(), "page-edit-form")
    data.update({"title": ["Work in progress"], "slug": ["work-in-progress"]})
    assert admin_client.post(add_url, data).status_code == 302  # saved as a draft
    draft = QuizPage.objects.get(slug="work-in-progress")
    assert not draft.live

    edit_url = f"/admin/pages/{draft.pk}/edit/"
    data = form_data(admin_client.get(edit_url).content.decode(), "page-edit-form")
    data["action-publish"] = ["action-publish"]
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200
    assert "Add at least one question" in response.content.decode()

    pool = factories.category("Small pool", course)
    factories.single_choice(category=pool)
    data.update(
        {
            "random_draws-TOTAL_FORMS": ["1"],
            "random_draws-0-category": [str(pool.pk)],
            "random_draws-0-count": ["3"],
            "random_draws-0-ORDER": ["1"],
            "random_draws-0-id": [""],
        }
    )
    response = admin_client.post(edit_url, data)
    assert "has only 1 live question" in response.content.decode()
    data["random_draws-0-count"] = ["1"]
    assert admin_client.post(edit_url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.question_count == 1
