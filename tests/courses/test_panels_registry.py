"""The registry through which quizzes, credit and events add their parts to course and module pages."""

import pytest
from django.template import Context, Template

from courses import panels_registry
from courses.panels_registry import (
    COURSE_ACTIONS,
    COURSE_ASIDE,
    MODULE_AFTER_BODY,
    PanelRegistry,
    register_completed_modules,
    register_course_panel,
    unregister_completed_modules,
    unregister_course_panel,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_panels():
    names = []

    def add(name, **kwargs):
        names.append(name)
        register_course_panel(name, **kwargs)

    yield add
    for name in names:
        unregister_course_panel(name)


def test_apps_above_courses_fill_the_course_page_slots():
    # The course page names no app above courses; these registrations are what put their parts there.
    slots = {
        panel.name: panel.slot
        for slot in panels_registry.course_panels.slots
        for panel in panels_registry.course_panels.panels_for(slot)
    }
    assert slots == {
        "credit_enrolment": COURSE_ACTIONS,
        "credit_module_progress": MODULE_AFTER_BODY,
        "quizzes": "course_after_modules",
        "events": COURSE_ASIDE,
        "events_offerings": "course_after_modules",
    }


def test_registered_parts_render_in_order_in_the_page_context(client, course, extra_panels):
    extra_panels("test_second", slot=COURSE_ASIDE, order=30, template="<p>second {{ page.course_number }}</p>")
    extra_panels("test_first", slot=COURSE_ASIDE, order=20, template="<p>first {{ page.title|upper }}</p>")
    html = client.get(course.url).content.decode()
    first = html.index(f"<p>first {course.title.upper()}</p>")
    second = html.index(f"<p>second {course.course_number}</p>")
    assert first < second


def test_a_registered_part_is_escaped_and_replaced_by_name():
    registry = PanelRegistry({"aside"})
    registry.register("part", slot="aside", order=50, template="{{ value }}")
    registry.register("part", slot="aside", order=50, template="[{{ value }}]")
    assert registry.render("aside", Context({"value": "<b>"})) == "[&lt;b&gt;]"


def test_unknown_slots_are_refused():
    with pytest.raises(ValueError, match="Unknown slot"):
        register_course_panel("test_bad", slot="course_footer", order=1, template="")
    with pytest.raises(ValueError):
        PanelRegistry({"a"}).register("x", slot="b", order=1, template="")


def test_nothing_registered_renders_nothing():
    assert PanelRegistry({"a"}).render("a", Context({})) == ""


def test_completed_modules_are_the_union_of_the_providers(rf, course):
    first, second, third = (factories.module(course, title=title) for title in ("One", "Two", "Three"))
    register_completed_modules("test_provider", lambda *, user, course: {third.pk})
    try:
        user = factories.user("sam")
        request = rf.get("/")
        request.user = user
        tag = Template("{% load course_tags %}{% completed_module_ids course as done %}{{ done|length }}")
        assert tag.render(Context({"request": request, "course": course})) == "1"
        assert panels_registry.completed_module_ids(user=user, course=course) == {third.pk}
    finally:
        unregister_completed_modules("test_provider")
    assert panels_registry.completed_module_ids(user=user, course=course) == set()
