"""The statistics report end to end: real graded attempts made through quizzes.services, the real statistics
engine, the page, the CSV and the dashboard panel."""

import csv
import io

import pytest
from django.urls import reverse

from tests import factories
from tests.quizzes import factories as quiz_factories
from tests.quizzes.graded import graded_attempts, wrong_answer
from tests.quizzes.test_attempts import right_answer

pytestmark = pytest.mark.django_db

EASY_PROMPT = "Before a session, do you ask about the client's health?"


def everyone_right_on_the_easy_one(item):
    """Weaker learners miss everything except the question everyone knows."""
    return right_answer(item) if item["prompt"] == EASY_PROMPT else wrong_answer(item)


@pytest.fixture
def setting(catalogue):
    maya = factories.instructor("Maya Okafor")
    course = factories.course(title="Swedish Technique Foundations", instructors=[maya])
    questions = [
        quiz_factories.single_choice(course=course, prompt="Which stroke glides over the skin?"),
        quiz_factories.single_choice(course=course, prompt="Which stroke kneads the muscle?"),
        quiz_factories.true_false(course=course, prompt=EASY_PROMPT),
    ]
    quiz = quiz_factories.quiz(course, questions=questions, title="Swedish technique check")
    graded_attempts(quiz, right=6, wrong=6, wrong_pick=everyone_right_on_the_easy_one)
    return maya.user, quiz, questions


def test_the_report_shows_real_figures_and_flags(client, setting):
    user, quiz, questions = setting
    client.force_login(user)
    report = reverse("quizzes_admin:quiz_statistics", args=[quiz.pk])
    response = client.get(report)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Based on 12 attempts" in html
    assert "Reliability (" in html
    assert html.count('role="img"') == 2
    review = html.split('id="questions-to-review"')[1].split("</section>")[0]
    assert EASY_PROMPT.replace("'", "&#x27;") in review  # everyone got it right
    assert "Which stroke glides" not in review

    rows = list(csv.reader(io.StringIO(client.get(report + "?format=csv").content.decode("utf-8-sig"))))
    question_rows = [row for row in rows[1:] if row[0] == "question"]
    assert len(question_rows) == 3
    assert {row[6] for row in question_rows} >= {"50.0", "100.0"}  # facility of the hard and the easy ones


def test_the_dashboard_panel_lists_the_flagged_question(client, setting):
    user, quiz, _ = setting
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split("quiz-questions-to-review", 1)[1]
    assert reverse("quizzes_admin:quiz_statistics", args=[quiz.pk]) in panel
    assert EASY_PROMPT.replace("'", "&#x27;") in panel
