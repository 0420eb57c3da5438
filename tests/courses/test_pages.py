"""Page tree rules and how course pages render for anonymous visitors."""

import pytest

from courses.models import CourseIndexPage, CoursePage, ModulePage
from home.models import HomePage
from tests import factories

pytestmark = pytest.mark.django_db


def test_tree_shape_is_enforced():
    assert CourseIndexPage.can_create_at(HomePage()) is True
    assert CoursePage.can_create_at(CourseIndexPage()) is True
    assert ModulePage.can_create_at(CoursePage()) is True
    # Nothing can be created in the wrong place.
    assert CoursePage.can_create_at(HomePage()) is False
    assert ModulePage.can_create_at(CourseIndexPage()) is False
    assert ModulePage.can_create_at(HomePage()) is False
    assert CourseIndexPage.can_create_at(CoursePage()) is False
    assert ModulePage.allowed_subpage_models() == []


def test_only_one_catalogue_per_home(catalogue, home):
    assert CourseIndexPage.can_create_at(home) is False


def test_course_page_lists_modules_in_order_with_reading_time(client, course):
    first = factories.module(course, title="Effleurage basics")
    factories.module(course, title="Petrissage basics")
    factories.module(course, title="Draft module", publish=False)

    response = client.get(course.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Effleurage basics") < html.index("Petrissage basics")
    assert "Draft module" not in html
    assert f"{first.reading_time}" in html
    assert "2 CEs" in html
    assert "On Demand" in html


def test_module_page_renders_domain_blocks_and_navigation(client, course, module):
    second = factories.module(course, title="Petrissage")

    response = client.get(module.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="gliding-strokes"' in html
    assert 'id="technique-superficial-effleurage"' in html
    assert 'id="contraindication-deep-vein-thrombosis"' in html
    assert "Absolute" in html and "Refer to a physician" in html
    assert "How is this pressure for you?" in html
    assert "Module 1 of 2" in html
    assert second.url in html  # "Next" link


def test_module_counts_words_on_save(course):
    page = factories.module(course, body=[("text", "<p>" + "word " * 450 + "</p>")], intro="")
    assert page.word_count == 450
    assert page.reading_minutes == 3  # 450 words at 200 a minute, rounded up


def test_module_counts_video_minutes(course):
    page = factories.module(
        course,
        intro="",
        body=[
            (
                "video",
                {
                    "title": "Demo",
                    "url": "https://www.youtube.com/watch?v=abc123",
                    "duration_minutes": 12,
                    "transcript": "",
                },
            )
        ],
    )
    assert page.video_minutes == 12
    assert page.reading_minutes >= 12


def test_unknown_page_is_a_readable_404(client, home):
    response = client.get("/courses/no-such-course/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
