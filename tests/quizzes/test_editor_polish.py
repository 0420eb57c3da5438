"""The question editor and case scenarios: the client's age said once, an h1, a named tag field."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from quizzes.question_types.case_scenario import client_title
from tests.quizzes import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("client", "age", "title"),
    [
        ("Marta, a retired teacher", 58, "Marta, a retired teacher, aged 58"),
        ("Rosa, a 34-year-old nurse", 34, "Rosa, a 34-year-old nurse"),  # the description already says it
        ("Rosa, 34, a nurse", 34, "Rosa, 34, a nurse"),
        ("Rosa, a nurse of 340 patients", 34, "Rosa, a nurse of 340 patients, aged 34"),  # 340 is not 34
        ("Rosa, a nurse", None, "Rosa, a nurse"),
        ("  Rosa,   a nurse ", None, "Rosa, a nurse"),
    ],
)
def test_client_title_gives_the_age_once(client, age, title):
    assert client_title(client, age) == title


def test_the_bank_lists_a_case_with_the_age_once():
    question = factories.case_scenario(client="Rosa, a 34-year-old nurse", client_age=34, prompt="What now?")
    assert str(question) == "Rosa, a 34-year-old nurse: What now?"
    other = factories.case_scenario(client="Marta, a retired teacher", client_age=58, prompt="What now?")
    assert str(other) == "Marta, a retired teacher, aged 58: What now?"


def test_the_vignette_names_the_client_once():
    question = factories.case_scenario(client="Rosa, a 34-year-old nurse", client_age=34)
    html = render_to_string("quizzes/includes/vignette.html", {"vignette": question.vignette()})
    assert "Rosa, a 34-year-old nurse</p>" in html
    assert "aged" not in html


def test_the_preview_shows_the_case_title_once(admin_client):
    question = factories.case_scenario(client="Rosa, a 34-year-old nurse", client_age=34)
    response = question.serve_preview(RequestFactory().get("/"), "")
    html = response.render().content.decode()
    assert "Rosa, a 34-year-old nurse" in html
    assert "aged 34" not in html and "nurse, 34" not in html


def test_question_editors_have_an_h1_and_a_named_tag_field(admin_client):
    for question in factories.one_of_each():
        url = f"/admin/snippets/quizzes/{question._meta.model_name}/edit/{question.pk}/"
        html = admin_client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert '<h1 class="w-sr-only">' in html
        assert "quizzes/js/tag-label.js" in html  # names tag-it's typing box after the Tags label
    add = admin_client.get("/admin/snippets/quizzes/truefalsequestion/add/").content.decode()
    assert add.count("<h1") == 1
