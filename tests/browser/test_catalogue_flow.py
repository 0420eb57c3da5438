"""A visitor goes home → catalogue → course → module, on desktop and phone, with no serious a11y issues."""

import pytest

from tests import factories


@pytest.fixture
def published_course(db):
    course = factories.course(title="Swedish Technique Foundations", ce_hours="3", summary="The five Swedish strokes.")
    factories.module(
        course,
        title="Effleurage",
        body=[
            ("section", {"heading": "Gliding strokes", "anchor": ""}),
            ("text", "<p>Effleurage opens and closes a session.</p>"),
            factories.technique_block(),
            factories.contraindication_block(),
            factories.dialogue_block(),
            ("callout", {"kind": "safety", "title": "Check in", "body": "<p>Ask about pressure.</p>"}),
        ],
    )
    factories.module(course, title="Petrissage")
    return course


def test_visitor_reaches_a_module_from_the_home_page(page, live_server, published_course, axe_check):
    page.goto(live_server.url + "/")
    axe_check(page)
    page.get_by_role("link", name="Browse the course catalogue").click()

    page.wait_for_url("**/courses/")
    assert page.get_by_role("heading", level=1).inner_text() == "Courses"
    card = page.locator(".course-card", has_text="Swedish Technique Foundations")
    assert "3 CEs" in card.inner_text()
    assert "On Demand" in card.inner_text()
    axe_check(page)

    card.get_by_role("link", name="Swedish Technique Foundations").click()
    page.wait_for_url("**/swedish-technique-foundations/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Swedish Technique Foundations"
    assert page.get_by_role("link", name="Effleurage").first.is_visible()
    axe_check(page)

    page.get_by_role("link", name="Start with module 1").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Effleurage"
    assert page.get_by_role("heading", name="Deep vein thrombosis").is_visible()
    assert page.get_by_text("How is this pressure for you?").is_visible()
    axe_check(page)


def test_catalogue_filters_work_without_reloading(page, live_server, published_course):
    factories.course(title="Ethics in Practice", categories=["ethics"], delivery_method="live_webinar", ce_hours="3")
    page.goto(live_server.url + "/courses/")
    page.get_by_label("Delivery").select_option(label="Live – Webinar")
    page.wait_for_url("**delivery=live_webinar**")
    assert page.locator(".course-card").count() == 1
    assert "Ethics in Practice" in page.locator(".course-card").inner_text()


def test_pages_fit_a_phone_screen(phone_page, live_server, published_course, axe_check):
    for path in ["/", "/courses/", published_course.url]:
        phone_page.goto(live_server.url + path)
        scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 390, f"{path} scrolls sideways on a phone ({scroll_width}px)"
    axe_check(phone_page)
