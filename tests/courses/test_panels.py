"""The course editor's CE panel: content totals beside the declared hours."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def edit_page(admin_client, course) -> str:
    response = admin_client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_home_study_course_with_too_little_content_warns(admin_client, catalogue):
    course = factories.course(title="Thin course", ce_hours="2", delivery_method="on_demand")
    factories.module(course, body=[("text", "<p>" + "word " * 3000 + "</p>")], intro="")
    html = edit_page(admin_client, course)
    assert "3000 words" in html
    assert "supports <strong>0.25 CE hours</strong>" in html
    assert "The declared hours exceed what the content supports" in html


def test_home_study_course_with_enough_content_does_not_warn(admin_client, catalogue):
    course = factories.course(title="Full course", ce_hours="0.5", delivery_method="on_demand")
    factories.module(course, body=[("text", "<p>" + "word " * 6000 + "</p>")], intro="")
    html = edit_page(admin_client, course)
    assert "supports <strong>0.50 CE hours</strong>" in html
    assert "exceed" not in html


def test_video_minutes_count_toward_the_content(admin_client, catalogue):
    course = factories.course(title="Video course", ce_hours="1", delivery_method="on_demand")
    factories.module(
        course,
        intro="",
        body=[("video", {"title": "Demo", "url": "https://vimeo.com/123", "duration_minutes": 60, "transcript": ""})],
    )
    html = edit_page(admin_client, course)
    assert "60 minutes of video" in html
    assert "exceed" not in html


def test_live_course_explains_class_time_instead_of_warning(admin_client, catalogue):
    course = factories.course(title="Workshop", ce_hours="6", delivery_method="live_on_site")
    factories.module(course)
    html = edit_page(admin_client, course)
    assert "Live hours are counted from class time" in html
    assert "exceed" not in html


def test_the_panel_names_modules_learners_cannot_open_yet(admin_client, catalogue):
    from wagtail.models import Workflow

    from courses.services import REVIEW_WORKFLOW

    course = factories.course(title="Growing course", ce_hours="1", delivery_method="on_demand")
    factories.module(course, title="Published module")
    factories.module(course, title="Unfinished module", publish=False)
    in_review = factories.module(course, title="Module under review", publish=False)
    changed = factories.module(course, title="Published, changes waiting")
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    author = factories.user("maya-author")
    for page in (in_review, changed):
        page.save_revision(user=author)
        workflow.start(page, author)

    html = edit_page(admin_client, course)
    assert "The 4 modules hold" in html  # all four are counted...
    assert "learners can't open them yet" in html  # ...and the panel says which are not published
    assert "<li>“Unfinished module” (draft)</li>" in html
    assert "<li>“Module under review” (in review)</li>" in html
    assert "“Published module”" not in html
    assert "Changes in review to “Published, changes waiting”" in html


def test_a_course_with_every_module_published_lists_none(admin_client, catalogue):
    course = factories.course(title="Finished course", ce_hours="1", delivery_method="on_demand")
    factories.module(course, title="Published module")
    html = edit_page(admin_client, course)
    assert "not published" not in html and "Changes in review" not in html
