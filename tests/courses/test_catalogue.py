"""The catalogue: what a visitor sees and how the filters behave, including bad input."""

import pytest

from courses.selectors import catalogue_courses
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(catalogue):
    swedish = factories.course(title="Swedish Technique Foundations", ce_hours="6", delivery_method="live_on_site")
    safety = factories.course(
        title="Contraindications and Client Safety", ce_hours="1", categories=["contraindications-safety"]
    )
    communication = factories.course(
        title="Client Communication and Consent",
        ce_hours="3",
        delivery_method="live_webinar",
        categories=["communication", "ethics"],
    )
    factories.course(title="Unpublished Draft Course", publish=False)
    for _ in range(3):
        factories.module(swedish)
    factories.module(safety)
    factories.module(swedish, publish=False)
    return {"swedish": swedish, "safety": safety, "communication": communication}


def titles(response) -> list[str]:
    return [course.title for course in response.context["courses"]]


def test_catalogue_lists_live_courses_with_facts(client, courses):
    response = client.get("/courses/")
    assert response.status_code == 200
    assert titles(response) == [
        "Client Communication and Consent",
        "Contraindications and Client Safety",
        "Swedish Technique Foundations",
    ]
    html = response.content.decode()
    assert "Unpublished Draft Course" not in html
    assert "6 CEs" in html and "Live – On Site" in html


def test_module_counts_include_only_live_modules(catalogue, courses):
    counts = {course.title: course.module_count for course in catalogue_courses(catalogue)}
    assert counts == {
        "Swedish Technique Foundations": 3,
        "Contraindications and Client Safety": 1,
        "Client Communication and Consent": 0,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=ethics", ["Client Communication and Consent"]),
        ("category=contraindications-safety", ["Contraindications and Client Safety"]),
        ("delivery=live_on_site", ["Swedish Technique Foundations"]),
        ("min_hours=2", ["Client Communication and Consent", "Swedish Technique Foundations"]),
        ("max_hours=3", ["Client Communication and Consent", "Contraindications and Client Safety"]),
        ("min_hours=2&max_hours=4", ["Client Communication and Consent"]),
        ("category=communication&delivery=on_demand", []),
    ],
)
def test_filters(client, courses, query, expected):
    response = client.get(f"/courses/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_a_course_in_two_categories_is_listed_once(client, courses):
    response = client.get("/courses/?min_hours=3&max_hours=3")
    assert titles(response) == ["Client Communication and Consent"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("category=no-such-category", "Select a valid choice"),
        ("delivery=teleportation", "Select a valid choice"),
        ("min_hours=lots", "Enter a number"),
        ("min_hours=5&max_hours=2", "minimum CE hours can"),
        ("max_hours=-1", "greater than or equal to 0"),
        ("min_hours=1e999", "less than or equal to 999"),
        ("min_hours=NaN", "Enter a number"),
    ],
)
def test_bad_filters_show_a_message_not_an_error(client, courses, query, message):
    response = client.get(f"/courses/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Showing every course instead" in html
    assert len(titles(response)) == 3


def test_empty_result_offers_a_way_back(client, courses):
    response = client.get("/courses/?category=first-aid-cpr")
    assert "No course matches these filters" in response.content.decode()


def test_home_page_features_courses(client, courses):
    response = client.get("/")
    assert response.status_code == 200
    assert "Swedish Technique Foundations" in response.content.decode()
