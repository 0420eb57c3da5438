"""The quiz builder: adding questions from a chooser on the quiz's course, refusing duplicates, the quiz's points
and pass mark in points, and the question editors' messages beside the option or step they concern."""

import json
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from courses.models import Instructor
from courses.services import INSTRUCTORS_GROUP, sync_course_team
from quizzes.models import QuizPage, QuizRandomDraw
from tests import factories as base
from tests.quizzes import factories
from tests.quizzes.test_admin import ADD_CASE, ADD_SINGLE, case_form, form_data, single_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def instructor_client(client, course):
    """Daniel, who teaches the course: its questions are his to author."""
    user = base.user("daniel")
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    course.instructors.add(Instructor.objects.create(name="Daniel Reyes", credentials="LMT", user=user))
    course.save()
    sync_course_team(course)
    client.force_login(user)
    return client


CHOOSE = "/admin/snippets/choose/quizzes/question/"
CHOOSE_RESULTS = "/admin/snippets/choose/quizzes/question/results/"
CHOSEN_MULTIPLE = "/admin/snippets/choose/quizzes/question/chosen-multiple/"


def chooser_url(html: str) -> str:
    """The URL the quiz editor's "Add question" button opens the chooser at."""
    soup = BeautifulSoup(html, "html.parser")
    definition = soup.find("script", id="id_question_links-CHOOSER_WIDGET")
    assert definition is not None, "the fixed questions are not a multiple chooser panel"
    return _find_key(json.loads(definition.string), "modalUrl")


def _find_key(value, key):
    if isinstance(value, dict):
        if key in value:
            return value[key]
        value = list(value.values())
    if isinstance(value, list):
        for entry in value:
            found = _find_key(entry, key)
            if found is not None:
                return found
    return None


def table_rows(html: str) -> dict[str, BeautifulSoup]:
    """The chooser's result rows, by the question text each starts with."""
    soup = BeautifulSoup(html, "html.parser")
    return {row.find("td", class_="title").get_text(" ", strip=True): row for row in soup.select("tbody tr")}


def test_the_chooser_opens_on_the_quiz_course_and_marks_questions_already_in_it(admin_client, quiz, course, questions):
    other_course = base.course(title="Swedish Technique Foundations")
    elsewhere = factories.single_choice(prompt="Which stroke uses cupped hands?", course=other_course)
    unused = factories.true_false(prompt="Effleurage glides over the skin.", course=course, points=Decimal("2.5"))

    url = chooser_url(admin_client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode())
    path, query = urlsplit(url).path, parse_qs(urlsplit(url).query)
    assert path == CHOOSE and query == {"course": [str(course.pk)], "quiz": [str(quiz.pk)]}

    modal = admin_client.get(path, {**query, "multiple": "1"}).json()["html"]
    assert f'<option value="{course.pk}" selected>' in modal
    rows = table_rows(modal)
    assert not any("cupped hands" in title for title in rows)
    headings = [cell.get_text(" ", strip=True) for cell in BeautifulSoup(modal, "html.parser").select("thead th")]
    for heading in ("Type", "Points", "Status", "Used in", "In this quiz"):
        assert heading in headings

    new_row = next(row for title, row in rows.items() if title.startswith("Effleurage glides"))
    assert new_row.find("input", attrs={"name": "id", "value": str(unused.pk)}) is not None
    cells = [cell.get_text(" ", strip=True) for cell in new_row.find_all("td")]
    assert "True or false" in cells and "2.5" in cells and "Live" in cells and "Not in a quiz" in cells

    added_row = next(row for title, row in rows.items() if title.startswith(str(questions[0])[:30]))
    assert added_row.find("input", attrs={"name": "id"}) is None
    assert "Already in this quiz" in added_row.get_text(" ", strip=True)
    assert "1 quiz" in added_row.get_text(" ", strip=True)

    # Choosing one at a time: a question already in the quiz is not a link to choose it.
    single = admin_client.get(CHOOSE_RESULTS, {"course": course.pk, "quiz": quiz.pk}).content.decode()
    single_rows = table_rows(single)
    added = next(row for title, row in single_rows.items() if title.startswith(str(questions[0])[:30]))
    assert added.find("a", attrs={"data-chooser-modal-choice": True}) is None
    fresh = next(row for title, row in single_rows.items() if title.startswith("Effleurage glides"))
    assert fresh.find("a", attrs={"data-chooser-modal-choice": True}) is not None

    # "Any course" shows the rest of the bank.
    everything = admin_client.get(CHOOSE_RESULTS, {"course": "", "quiz": quiz.pk, "multiple": "1"}).content.decode()
    assert elsewhere.prompt in everything


def test_a_new_quiz_opens_the_chooser_on_the_course_it_is_added_to(admin_client, course):
    url = chooser_url(admin_client.get(f"/admin/pages/add/quizzes/quizpage/{course.pk}/").content.decode())
    assert parse_qs(urlsplit(url).query) == {"course": [str(course.pk)]}


def test_choosing_several_drops_those_already_in_the_quiz(admin_client, quiz, course, questions):
    first = factories.true_false(prompt="Effleurage glides over the skin.", course=course)
    second = factories.true_false(prompt="Tapotement is percussive.", course=course)
    response = admin_client.get(
        CHOSEN_MULTIPLE, {"id": [second.pk, questions[0].pk, first.pk], "quiz": quiz.pk, "multiple": "1"}
    )
    chosen = response.json()["result"]
    assert sorted(str(item["id"]) for item in chosen) == sorted([str(first.pk), str(second.pk)])


def test_searching_and_confirming_keep_the_quiz(admin_client, quiz, course, questions):
    """The modal's search form and its "Confirm selection" carry the quiz, so a search still marks the questions
    already in it and a confirmed selection still drops them."""
    modal = admin_client.get(CHOOSE, {"course": course.pk, "quiz": quiz.pk, "multiple": "1"}).json()["html"]
    soup = BeautifulSoup(modal, "html.parser")
    for form in (
        soup.find("form", attrs={"data-chooser-modal-search": True}),
        soup.find("form", attrs={"data-multiple-choice-form": True}),
    ):
        assert parse_qs(urlsplit(form["action"]).query).get("quiz") == [str(quiz.pk)]


def add_rows(data: dict, question_ids: list[int]) -> dict:
    """Rows appended to the fixed list, as the multiple chooser adds them, one per question picked."""
    start = int(data["question_links-TOTAL_FORMS"][0])
    for offset, question_id in enumerate(question_ids):
        prefix = f"question_links-{start + offset}"
        data.update({f"{prefix}-id": [""], f"{prefix}-ORDER": [str(start + offset + 1)]})
        data[f"{prefix}-question"] = [str(question_id)]
    data["question_links-TOTAL_FORMS"] = [str(start + len(question_ids))]
    return data


def test_questions_picked_together_are_added_in_order(admin_client, quiz, course, questions):
    picked = [
        factories.true_false(prompt=f"Statement {n} about effleurage.", course=course) for n in ("one", "two", "three")
    ]
    edit_url = f"/admin/pages/{quiz.pk}/edit/"
    data = add_rows(form_data(admin_client.get(edit_url).content.decode(), "page-edit-form"), [q.pk for q in picked])
    data["action-publish"] = ["action-publish"]
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    quiz.refresh_from_db()
    order = list(quiz.question_links.order_by("sort_order").values_list("question_id", flat=True))
    assert order == [question.pk for question in questions] + [question.pk for question in picked]


def test_a_duplicate_that_still_arrives_is_named_beside_its_row(admin_client, quiz, questions):
    edit_url = f"/admin/pages/{quiz.pk}/edit/"
    data = add_rows(form_data(admin_client.get(edit_url).content.decode(), "page-edit-form"), [questions[1].pk])
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the duplicate data" not in html
    row = BeautifulSoup(html, "html.parser").find(id="inline_child_question_links-6")
    message = row.find(class_="error-message").get_text(" ", strip=True)
    assert f"“{questions[1]}” is already in this quiz, as question 2." in message
    assert QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object().question_links.count() == 6


def points_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    return " ".join(" ".join(panel.get_text(" ", strip=True).split()) for panel in soup.select("[data-quiz-points]"))


def test_the_editor_shows_the_quiz_points_and_the_pass_mark_in_points(admin_client, quiz, course, questions):
    # Five questions worth 1 point and a case scenario worth 4: 9 points; 70 % of 9 is 6.3.
    text = points_text(admin_client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode())
    assert "Fixed questions: 6 questions, 9 points." in text
    assert "Pass mark 70 % = 6.3 of 9 points." in text

    questions[0].live = False
    questions[0].save()
    pool = factories.category("Strokes", course)
    for points in ("1", "1", "3"):
        factories.true_false(category=pool, points=Decimal(points))
    draft = quiz.get_latest_revision_as_object()
    draft.pass_mark = 50
    draft.random_draws.add(QuizRandomDraw(category=pool, count=2))
    draft.save_revision()
    text = points_text(admin_client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode())
    assert "Fixed questions: 5 questions, 8 points. 1 draft question left out" in text
    assert "Drawn at random from “Strokes”: 2 questions, 2 to 4 points" in text
    assert "Pass mark 50 % = 5 of 10 points up to 6 of 12 points, depending on the questions drawn." in text


def test_the_points_follow_what_was_posted_when_a_save_fails(admin_client, quiz, questions):
    edit_url = f"/admin/pages/{quiz.pk}/edit/"
    data = form_data(admin_client.get(edit_url).content.decode(), "page-edit-form")
    data["question_links-5-DELETE"] = ["1"]  # drop the case scenario (4 points)
    data["pass_mark"] = ["80"]
    data["title"] = [""]  # and fail the save
    html = admin_client.post(edit_url, data).content.decode()
    assert "Pass mark 80 % = 4 of 5 points." in points_text(html)


def test_single_choice_right_answers_are_radio_buttons_and_two_are_refused_beside_them(
    instructor_client, course, module
):
    editor = instructor_client.get(ADD_SINGLE).content.decode()
    assert "data-single-right-answer" in editor and "quizzes/js/single-right-answer.js" in editor

    response = instructor_client.post(
        ADD_SINGLE, single_form(course, module, [("Effleurage", True), ("Hacking", False), ("Cupping", True)])
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for index, flagged in ((0, True), (1, False), (2, True)):
        option = soup.find(id=f"inline_child_options-{index}")
        assert ("Only one option can be the right answer" in option.get_text(" ", strip=True)) is flagged


def test_case_scenario_problems_sit_beside_their_step_and_option(instructor_client, course, module):
    data = case_form(course, module)
    data["steps-0-options-1-weight"] = "2"  # a critical option that earns points
    soup = BeautifulSoup(instructor_client.post(ADD_CASE, data).content.decode(), "html.parser")
    critical = soup.find(id="inline_child_steps-0-options-1").get_text(" ", strip=True)
    assert "A critical option can't earn points; set its weight to 0." in critical
    assert "can't earn points" not in soup.find(id="inline_child_steps-0-options-0").get_text(" ", strip=True)
    assert "see the messages beside them" in soup.get_text(" ", strip=True)

    data = case_form(course, module)
    data["steps-0-options-0-weight"] = "0"
    data["steps-0-options-1-text"] = data["steps-0-options-0-text"]
    soup = BeautifulSoup(instructor_client.post(ADD_CASE, data).content.decode(), "html.parser")
    step = soup.find(id="inline_child_steps-0")
    assert "Give at least one safe option of this step a positive weight." in step.get_text(" ", strip=True)
    second = soup.find(id="inline_child_steps-0-options-1").get_text(" ", strip=True)
    assert "Another option of this step has the same text." in second


def test_points_and_weights_are_explained_in_the_editors(instructor_client):
    case_editor = instructor_client.get(ADD_CASE).content.decode()
    assert "Points and weights" in case_editor
    assert "share of the step, not points in the quiz" in case_editor
    single_editor = instructor_client.get(ADD_SINGLE).content.decode()
    assert "a quiz&#x27;s pass mark is a share of its questions&#x27; points" in single_editor
