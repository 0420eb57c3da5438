"""CE hours and block validation, as an editor meets it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from courses.blocks import SectionHeadingBlock, VideoBlock, video_embed_url
from courses.models import CourseCECategory, CoursePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("hours", "valid"), [("1", True), ("2.5", True), ("0.5", True), ("1.25", False), ("0", False)])
def test_ce_hours_must_be_whole_or_half(hours, valid):
    field = CoursePage._meta.get_field("ce_hours")
    if valid:
        assert field.clean(Decimal(hours), CoursePage()) == Decimal(hours)
    else:
        with pytest.raises(ValidationError):
            field.clean(Decimal(hours), CoursePage())


@pytest.mark.parametrize(
    ("hours", "message"),
    [("1.3", "CE hours must be whole or half hours"), ("1.25", "CE hours must be whole or half hours")],
)
def test_ce_hours_error_reaches_the_editor_form(admin_client, catalogue, hours, message):
    response = admin_client.post(
        f"/admin/pages/add/courses/coursepage/{catalogue.pk}/",
        {
            "title": "Odd hours",
            "slug": "odd-hours",
            "summary": "A course",
            "description": '{"blocks":[{"key":"a","text":"About","type":"unstyled","depth":0,'
            '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            "learning_objectives-count": "0",
            "course_number": "ODD-1",
            "ce_hours": hours,
            "delivery_method": "on_demand",
            "level": "introductory",
            "ce_category_links-TOTAL_FORMS": "1",
            "ce_category_links-INITIAL_FORMS": "0",
            "ce_category_links-MIN_NUM_FORMS": "1",
            "ce_category_links-MAX_NUM_FORMS": "1000",
            "ce_category_links-0-category": str(factories.category().pk),
            "ce_category_links-0-hours": "",
            "ce_category_links-0-ORDER": "1",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200  # the form comes back with errors, nothing saved
    assert message in response.content.decode()
    assert not CoursePage.objects.filter(slug="odd-hours").exists()


def test_category_hours_must_be_half_hours(course):
    link = CourseCECategory(page=course, category=factories.category("ethics"), hours=Decimal("0.3"))
    with pytest.raises(ValidationError):
        link.full_clean()


def test_section_anchor_must_be_a_slug():
    block = SectionHeadingBlock()
    assert block.clean({"heading": "Gliding", "anchor": "gliding-strokes"})["anchor"] == "gliding-strokes"
    with pytest.raises(ValidationError):
        block.clean({"heading": "Gliding", "anchor": "Not A Slug!"})


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://www.youtube.com/watch?v=abc123", "https://www.youtube-nocookie.com/embed/abc123"),
        ("https://youtu.be/abc123", "https://www.youtube-nocookie.com/embed/abc123"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://example.org/lesson.mp4", None),
    ],
)
def test_video_embed_urls(url, embed):
    assert video_embed_url(url) == embed


@pytest.mark.parametrize("url", ["https://example.org/page.html", "https://www.youtube.com/channel/xyz"])
def test_video_block_rejects_links_that_are_not_one_video(url):
    with pytest.raises(ValidationError):
        VideoBlock().clean({"title": "Demo", "url": url, "duration_minutes": 5, "transcript": ""})
