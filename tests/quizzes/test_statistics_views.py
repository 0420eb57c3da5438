"""The quiz statistics report in the admin: who may see it, its filter form, the figures and flags it shows,
its CSV, the way to it from the quiz, and the instructor's "Questions to review" panel.

The statistics themselves are stood in for (``quizzes.statistics.quiz_statistics`` and
``questions_to_review``): this file tests the report, not the arithmetic.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import COURSE_EDITORS_GROUP
from quizzes import statistics
from quizzes.statistics import Flag, OptionStatistics, QuestionStatistics, QuizStatistics, StepStatistics
from tests import factories
from tests.quizzes import factories as quiz_factories

pytestmark = pytest.mark.django_db


def option(index, text, *, correct=False, critical=False, chosen=0, share=0.0, top=None, bottom=None):
    return OptionStatistics(index, text, correct, critical, chosen, share, top, bottom)


def question_stats(version_id, title="Which stroke glides over the skin?", **fields) -> QuestionStatistics:
    values = {
        "question_id": version_id,
        "version_id": version_id,
        "version_number": 1,
        "version_count": 1,
        "title": title,
        "type_label": "Single choice",
        "slot_numbers": [version_id],
        "answers": 30,
        "facility": 66.6666,
        "sd": 47.14,
        "discrimination": 35.25,
        "discriminative_efficiency": 50.0,
        "steps": [
            StepStatistics(
                0,
                "",
                [
                    option(0, "Effleurage", correct=True, chosen=20, share=2 / 3, top=0.9, bottom=0.4),
                    option(1, "Petrissage", chosen=10, share=1 / 3, top=0.1, bottom=0.6),
                ],
                None,
            )
        ],
        "flags": [],
        "edit_url": f"/admin/snippets/quizzes/singlechoicequestion/edit/{version_id}/",
    }
    values.update(fields)
    return QuestionStatistics(**values)


def case_stats(version_id) -> QuestionStatistics:
    return question_stats(
        version_id,
        title="Marta's calf is warm and swollen: what do you do?",
        type_label="Case scenario",
        version_number=2,
        version_count=3,
        discrimination=-12.34,
        flags=[
            Flag("discrimination", "Learners who did well overall did worse here (discrimination -12.3)."),
            Flag("distractor", "More of the top third chose “Work the calf gently” than of the bottom third."),
        ],
        steps=[
            StepStatistics(
                1,
                "What do you do first?",
                [
                    option(0, "Refer the client to a physician today", correct=True, chosen=20, share=2 / 3),
                    option(1, "Work the calf gently", critical=True, chosen=10, share=1 / 3, top=0.5, bottom=0.1),
                ],
                1 / 3,
            ),
            StepStatistics(2, "What do you record?", [option(0, '=HYPERLINK("x")', chosen=3, share=0.1)], None),
        ],
    )


def quiz_stats(quiz, *, attempts=30, questions=None, **fields) -> QuizStatistics:
    values = {
        "quiz_id": quiz.pk,
        "attempts_chosen": statistics.FIRST,
        "since": None,
        "until": None,
        "attempts": attempts,
        "mean": Decimal("71.25"),
        "median": Decimal("75"),
        "sd": Decimal("12.5"),
        "pass_rate": 63.333,
        "critical_error_rate": 10.0,
        "reliability": 0.8123,
        "reliability_name": "KR-20",
        "sem": 5.45,
        "score_distribution": [(band, 3) for band in range(0, 100, 10)],
        "questions": questions if questions is not None else [question_stats(1), case_stats(2)],
    }
    values.update(fields)
    return QuizStatistics(**values)


@pytest.fixture
def maya(db):
    return factories.instructor("Maya Okafor")


@pytest.fixture
def course(catalogue, maya):
    return factories.course(title="Swedish Technique Foundations", instructors=[maya])


@pytest.fixture
def quiz(course):
    question = quiz_factories.single_choice(course=course)
    return quiz_factories.quiz(course, questions=[question], title="Effleurage check", pass_mark=70)


@pytest.fixture
def calls(monkeypatch, quiz):
    """Stand in for the statistics engine; record what the report asked for."""
    made = []

    def fake(*, quiz, attempts=statistics.FIRST, since=None, until=None):
        made.append({"quiz": quiz, "attempts": attempts, "since": since, "until": until})
        return quiz_stats(quiz)

    monkeypatch.setattr(statistics, "quiz_statistics", fake)
    return made


def url(quiz, **query):
    base = reverse("quizzes_admin:quiz_statistics", args=[quiz.pk])
    return base + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


# --- who may see it ---------------------------------------------------------------------------


def test_the_course_instructor_sees_the_report(client, maya, quiz, calls):
    client.force_login(maya.user)
    response = client.get(url(quiz))
    assert response.status_code == 200
    assert calls == [{"quiz": quiz, "attempts": "first", "since": None, "until": None}]  # the default


def test_course_editors_and_administrators_see_it(client, quiz, calls):
    editor = factories.user("jordan")
    editor.groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    admin = factories.user("admin", is_superuser=True, is_staff=True)
    for user in (editor, admin):
        client.force_login(user)
        assert client.get(url(quiz)).status_code == 200


def test_another_course_instructor_is_refused(client, catalogue, quiz, calls):
    daniel = factories.instructor("Daniel Reyes")
    factories.course(title="Contraindications and Client Safety", instructors=[daniel])
    client.force_login(daniel.user)
    assert client.get(url(quiz)).status_code == 403
    assert calls == []


def test_an_unknown_quiz_is_not_found(client, maya, quiz, calls):
    client.force_login(maya.user)
    assert client.get(reverse("quizzes_admin:quiz_statistics", args=[quiz.pk + 999])).status_code == 404
    # A course is a page too, but not a quiz.
    assert client.get(reverse("quizzes_admin:quiz_statistics", args=[quiz.get_parent().pk])).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, quiz, calls):
    response = client.get(url(quiz))
    assert response.status_code == 302 and "/login/" in response["Location"]


# --- the filter form --------------------------------------------------------------------------


@pytest.fixture
def maya_client(client, maya):
    client.force_login(maya.user)
    return client


def test_the_filters_reach_the_statistics(maya_client, quiz, calls):
    response = maya_client.get(url(quiz, attempts="first", since="2026-09-01", until="2026-10-31"))
    assert response.status_code == 200
    assert calls[-1] == {"quiz": quiz, "attempts": "first", "since": date(2026, 9, 1), "until": date(2026, 10, 31)}
    assert "from 1 September 2026 to 31 October 2026" in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ({"since": "2026-10-31", "until": "2026-09-01"}, "The end date is before the start date"),
        ({"since": "31/31/2026"}, "Enter a valid date"),
        ({"attempts": "best"}, "Select a valid choice"),
    ],
)
def test_bad_filters_are_form_errors(maya_client, quiz, calls, query, message):
    response = maya_client.get(url(quiz, **query))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert calls == []


@pytest.mark.parametrize(
    "query",
    [
        {"since": "%00"},
        {"since": "99999-01-01"},
        {"until": "0000-00-00"},
        {"attempts": "x" * 5000},
        {"since": "2026-02-30"},
        {"since": "9999-12-31", "until": "9999-12-31"},
        {"format": "pdf"},
    ],
)
def test_hostile_filters_are_never_a_server_error(maya_client, quiz, calls, query):
    assert maya_client.get(url(quiz, **query)).status_code in (200, 400)


# --- what it shows ----------------------------------------------------------------------------


def test_the_summary_explains_each_figure(maya_client, quiz, calls):
    html = maya_client.get(url(quiz)).content.decode()
    for text in (
        "Based on 30 attempts",
        "71.3 %",  # the mean, to one decimal
        "75.0 %",
        "12.5 % points",
        "63.3 %",
        "10.0 %",
        "Reliability (KR-20)",
        "0.81",
        "5.5 % points",
        "The share of attempts that reached the pass mark (70 %).",
    ):
        assert text in html, text


def test_questions_table_flags_and_distractor_analysis(maya_client, quiz, calls):
    html = maya_client.get(url(quiz)).content.decode()
    # The table: a row per version, linking to its detail section.
    assert 'id="row-question-2"' in html and 'href="#question-2"' in html
    assert "2 of 3" in html and "66.7 %" in html and "-12.3" in html
    assert "Low discrimination, Distractor to check" in html
    # Questions to review: the flags' messages and the way to the editor.
    review = html.split('id="questions-to-review"')[1].split("</ul>\n")[0]
    assert "discrimination -12.3" in review
    assert "/admin/snippets/quizzes/singlechoicequestion/edit/2/" in html
    assert "Which stroke glides" not in review  # not flagged
    # The detail section: shares overall and by third, the key in words, per step with its critical rate.
    assert 'id="question-2"' in html
    assert "Step 1: What do you do first?" in html
    assert "Critical-choice rate: 33.3 %" in html
    assert "Critical safety error" in html and "Right answer" in html
    assert "90.0 %" in html and "40.0 %" in html
    assert "n/a" in html  # no top third for that option


def test_charts_show_the_scores_and_each_question(maya_client, quiz, calls):
    html = maya_client.get(url(quiz)).content.decode()
    assert html.count('role="img"') >= 2
    assert "<figcaption>Scores</figcaption>" in html and "<figcaption>Facility and discrimination</figcaption>" in html
    assert "90–100 %" in html
    # Each point's row in the chart's table links to the question's row in the big table.
    assert '<a href="#row-question-2">' in html
    assert "Very hard below 20" in html and "Low discrimination below 20" in html  # the guides


def test_nothing_to_review(maya_client, quiz, monkeypatch):
    monkeypatch.setattr(statistics, "quiz_statistics", lambda **kwargs: quiz_stats(quiz, questions=[question_stats(1)]))
    assert "No question needs reviewing" in maya_client.get(url(quiz)).content.decode()


def test_missing_figures_show_a_dash(maya_client, quiz, monkeypatch):
    bare = quiz_stats(
        quiz, attempts=1, sd=None, reliability=None, sem=None, questions=[question_stats(1, discrimination=None)]
    )
    monkeypatch.setattr(statistics, "quiz_statistics", lambda **kwargs: bare)
    html = maya_client.get(url(quiz)).content.decode()
    assert "—" in html and "can't be worked out yet" in html


def test_no_graded_attempts_says_so(maya_client, quiz, monkeypatch):
    empty = quiz_stats(quiz, attempts=0, mean=None, median=None, sd=None, questions=[], score_distribution=[])
    monkeypatch.setattr(statistics, "quiz_statistics", lambda **kwargs: empty)
    html = maya_client.get(url(quiz, since="2026-01-01")).content.decode()
    assert "No graded attempts from 1 January 2026" in html
    assert "Question by question" not in html and "Download" not in html


def test_queries_do_not_grow_with_the_questions(maya_client, quiz, monkeypatch):
    def counted(questions):
        stats = quiz_stats(quiz, questions=questions)
        monkeypatch.setattr(statistics, "quiz_statistics", lambda **kwargs: stats)
        maya_client.get(url(quiz))  # what is kept between requests (her own row, the site) is kept for both
        with CaptureQueriesContext(connection) as queries:
            assert maya_client.get(url(quiz)).status_code == 200
        return len(queries)

    few = counted([question_stats(1)])
    many = counted([question_stats(n) for n in range(1, 41)] + [case_stats(41)])
    assert many == few
    assert few <= 25


# --- the CSV ----------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_has_a_row_per_version_then_its_options(maya_client, quiz, calls):
    response = maya_client.get(url(quiz, format="csv", attempts="last"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    disposition = response["Content-Disposition"]
    assert f'filename="{quiz.slug}-statistics-' in disposition and disposition.endswith('.csv"')
    assert calls[-1]["attempts"] == "last"
    rows = read_csv(response)
    header = rows[0]
    assert header[:3] == ["Row", "Slots", "Question"]
    assert [row[0] for row in rows[1:]] == ["question", "option", "option", "question", "option", "option", "option"]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Facility (%)"] == "66.7" and first["Discrimination"] == "35.3" and first["Version"] == "1 of 1"
    case = dict(zip(header, rows[4], strict=True))
    assert case["Discrimination"] == "-12.3"  # a figure stays a number
    assert "discrimination -12.3" in case["Flags"]
    step_one = dict(zip(header, rows[5], strict=True))
    assert step_one["Step"] == "1: What do you do first?" and step_one["Right answer"] == "yes"
    assert step_one["Share (%)"] == "66.7" and step_one["Step critical-choice rate (%)"] == "33.3"


def test_csv_text_that_looks_like_a_formula_is_kept_as_text(maya_client, quiz, calls):
    rows = read_csv(maya_client.get(url(quiz, format="csv")))
    options = [row[12] for row in rows if row[0] == "option"]
    assert '\'=HYPERLINK("x")' in options


def test_csv_with_bad_filters_is_the_form_again(maya_client, quiz, calls):
    response = maya_client.get(url(quiz, format="csv", since="2026-10-31", until="2026-09-01"))
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")


# --- ways in ------------------------------------------------------------------------------------


def test_the_quiz_editor_has_a_statistics_button_for_its_instructor_only(client, maya, catalogue, quiz):
    client.force_login(maya.user)
    edit = reverse("wagtailadmin_pages:edit", args=[quiz.pk])
    assert url(quiz) in client.get(edit).content.decode()
    daniel = factories.instructor("Daniel Reyes")
    factories.course(title="Contraindications and Client Safety", instructors=[daniel])
    client.force_login(daniel.user)
    assert url(quiz) not in client.get(reverse("wagtailadmin_explore", args=[quiz.get_parent().pk])).content.decode()


def test_the_course_listing_offers_statistics(client, maya, quiz):
    client.force_login(maya.user)
    html = client.get(reverse("wagtailadmin_explore", args=[quiz.get_parent().pk])).content.decode()
    assert url(quiz) in html


def test_the_dashboard_lists_questions_to_review(client, maya, quiz, monkeypatch):
    flagged = case_stats(2)
    seen = []

    def fake(*, quizzes):
        seen.append(list(quizzes))
        return [(quiz, flagged)]

    monkeypatch.setattr(statistics, "questions_to_review", fake, raising=False)
    client.force_login(maya.user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert seen == [[quiz]]
    assert "Questions to review" in html
    assert f"{url(quiz)}#question-2" in html
    assert "discrimination -12.3" in html and flagged.edit_url in html


def test_the_dashboard_panel_is_for_instructors(client, quiz, monkeypatch):
    monkeypatch.setattr(statistics, "questions_to_review", lambda **kwargs: pytest.fail("not asked"), raising=False)
    editor = factories.user("jordan")
    editor.groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    client.force_login(editor)
    assert "quiz-questions-to-review" not in client.get(reverse("wagtailadmin_home")).content.decode()
