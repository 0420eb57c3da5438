"""Remembered routes, sites, section links and view restrictions (site/pagecache/routes.py, restrictions.py):
a signed-in learner, whom the page cache never serves, still gets the right page after every kind of change."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests import factories
from tests.events import factories as event_factories


@pytest.fixture
def learner_client(db):
    browser = Client()
    browser.force_login(factories.user("sam"))
    return browser


@pytest.fixture
def two_modules(home, course, module):
    return module, factories.module(course, title="Petrissage")


def queries(browser: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(url).status_code == 200
    return len(captured)


def test_each_address_leads_to_its_own_page(learner_client, two_modules):
    first, second = two_modules
    for _ in range(2):  # the second round comes from the remembered routes
        assert "<h1>Effleurage</h1>" in learner_client.get(first.url).content.decode()
        assert "<h1>Petrissage</h1>" in learner_client.get(second.url).content.decode()


def test_a_remembered_route_saves_the_tree_walk(learner_client, two_modules):
    first, _ = two_modules
    learner_client.get(first.url)
    remembered = queries(learner_client, first.url)
    cache.clear()
    assert queries(learner_client, first.url) > remembered


def test_an_unpublished_module_is_gone_for_a_signed_in_learner(learner_client, two_modules):
    first, _ = two_modules
    learner_client.get(first.url)
    first.unpublish()
    assert learner_client.get(first.url).status_code == 404


def test_a_renamed_module_answers_at_its_new_address(learner_client, two_modules):
    first, _ = two_modules
    old_url = first.url
    learner_client.get(old_url)
    first.slug = "effleurage-strokes"
    first.save_revision().publish()
    first.refresh_from_db()
    assert learner_client.get(first.url).status_code == 200
    assert learner_client.get(old_url).status_code in (301, 404)


def test_a_module_made_private_after_a_visit_is_private(learner_client, two_modules):
    first, _ = two_modules
    learner_client.get(first.url)
    PageViewRestriction.objects.create(page=first, restriction_type="password", password="swedish")
    assert 'type="password"' in learner_client.get(first.url).content.decode()


def test_a_new_events_section_shows_in_the_header(learner_client, home, course):
    assert "Events</a>" not in learner_client.get(course.url).content.decode()
    event_factories.events_index()
    assert "Events</a>" in learner_client.get(course.url).content.decode()


def test_the_authoring_link_follows_admin_access(learner_client, home, course):
    assert "Authoring" not in learner_client.get(course.url).content.decode()
    editors = Group.objects.create(name="Perf editors")
    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    get_user_model().objects.get(username="sam").groups.add(editors)
    assert "Authoring" in learner_client.get(course.url).content.decode()


def test_the_authoring_link_goes_when_admin_access_is_taken_away(learner_client, home, course):
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    sam = get_user_model().objects.get(username="sam")
    sam.user_permissions.add(access)
    assert "Authoring" in learner_client.get(course.url).content.decode()  # kept for sam from here on
    sam.user_permissions.remove(access)
    assert "Authoring" not in learner_client.get(course.url).content.decode()

    editors = Group.objects.create(name="Perf editors")
    editors.permissions.add(access)
    sam.groups.add(editors)
    assert "Authoring" in learner_client.get(course.url).content.decode()
    editors.permissions.remove(access)
    assert "Authoring" not in learner_client.get(course.url).content.decode()
    editors.permissions.add(access)
    assert "Authoring" in learner_client.get(course.url).content.decode()
    sam.groups.clear()
    assert "Authoring" not in learner_client.get(course.url).content.decode()
    sam.groups.add(editors)
    assert "Authoring" in learner_client.get(course.url).content.decode()
    editors.delete()
    assert "Authoring" not in learner_client.get(course.url).content.decode()


def _reads_the_module(browser: Client, url: str) -> bool:
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(url).status_code == 200
    return any("courses_modulepage" in query["sql"] for query in captured)


def test_a_learner_is_given_the_page_kept_with_its_route(learner_client, two_modules):
    first, _ = two_modules
    learner_client.get(first.url)  # Wagtail routes; the route is remembered
    assert _reads_the_module(learner_client, first.url)  # loaded once through the route, and kept with it
    assert not _reads_the_module(learner_client, first.url)
    cache.clear()
    learner_client.get(first.url)
    assert _reads_the_module(learner_client, first.url)


def test_a_published_change_reaches_a_learner_given_the_kept_page(learner_client, two_modules):
    first, _ = two_modules
    for _ in range(3):
        learner_client.get(first.url)
    first.title = "Effleurage strokes"
    first.save_revision().publish()
    assert "<h1>Effleurage strokes</h1>" in learner_client.get(first.url).content.decode()


def test_a_draft_leaves_the_kept_page_as_published(learner_client, two_modules):
    first, _ = two_modules
    for _ in range(3):
        learner_client.get(first.url)
    first.title = "Effleurage, a draft"
    first.save_revision()
    page = learner_client.get(first.url).content.decode()
    assert "<h1>Effleurage</h1>" in page and "a draft" not in page


def test_an_author_is_given_the_page_as_the_database_holds_it(home, two_modules):
    """An author's user bar reads the page's draft state, which a draft save changes without a new generation."""
    first, _ = two_modules
    author = Client()
    author.force_login(factories.user("maya", is_superuser=True, is_staff=True))
    for _ in range(2):
        author.get(first.url)
    assert _reads_the_module(author, first.url)
    assert _reads_the_module(author, first.url)
