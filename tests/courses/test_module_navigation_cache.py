"""A module's course and sibling list are kept per page-cache generation and change with the next publish."""

import pytest

from tests import factories
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db


def _page(client, module) -> str:
    response = client.get(module.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_newly_published_module_shows_in_the_navigation_on_the_next_request(client, catalogue):
    course = factories.course(title="Navigation kept")
    first = factories.module(course, title="Effleurage basics")
    client.force_login(credit_factories.learner("sam"))
    assert "Module 1 of 1" in _page(client, first)

    factories.module(course, title="Petrissage basics")
    page = _page(client, first)
    assert "Module 1 of 2" in page
    assert "Petrissage basics" in page


def test_a_renamed_course_and_sibling_show_on_the_next_request(client, catalogue):
    course = factories.course(title="Old course name")
    first = factories.module(course, title="Effleurage basics")
    second = factories.module(course, title="Old sibling name")
    client.force_login(credit_factories.learner("sam"))
    page = _page(client, first)
    assert "Old course name" in page and "Old sibling name" in page

    course.title = "New course name"
    course.save_revision().publish()
    second.title = "New sibling name"
    second.save_revision().publish()
    page = _page(client, first)
    assert "New course name" in page and "New sibling name" in page
    assert "Old course name" not in page and "Old sibling name" not in page


def test_an_unpublished_module_leaves_the_navigation_on_the_next_request(client, catalogue):
    course = factories.course(title="Unpublish kept")
    first = factories.module(course, title="Effleurage basics")
    second = factories.module(course, title="Tapotement basics")
    client.force_login(credit_factories.learner("sam"))
    assert "Tapotement basics" in _page(client, first)

    second.unpublish()
    page = _page(client, first)
    assert "Tapotement basics" not in page
    assert "Module 1 of 1" in page
