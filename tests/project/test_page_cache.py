"""The page cache (site/pagecache): kept pages for visitors without a session, forgotten when what they show
changes, and never kept or sent when they are personal or carry a CSRF token."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

from credit import services as credit_services
from tests import factories
from tests.events import factories as ef


def get(client: Client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def html(client: Client, url: str) -> str:
    return get(client, url).content.decode()


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()


def test_second_anonymous_request_is_served_from_the_cache(client, home, course):
    first = get(client, course.url)
    second = get(client, course.url)
    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    for response in (first, second):
        assert "public" in response["Cache-Control"]
        assert "max-age=0" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
        assert not response.cookies


def test_a_query_string_is_a_page_of_its_own(client, home, course):
    get(client, "/courses/")
    assert get(client, "/courses/?category=hands-on-technique")["X-Cache"] == "miss"
    assert get(client, "/courses/?category=hands-on-technique")["X-Cache"] == "hit"


def test_a_published_change_shows_on_the_page_the_catalogue_and_home(client, home, course):
    for url in (course.url, "/courses/", "/"):
        assert "Swedish Technique Foundations" in html(client, url)
        assert get(client, url)["X-Cache"] == "hit"

    publish(course, title="Swedish Massage Essentials")

    for url in (course.url, "/courses/", "/"):
        page = html(client, url)
        assert "Swedish Massage Essentials" in page, url
        assert "Swedish Technique Foundations" not in page, url


def test_a_saved_draft_does_not_change_what_visitors_see(client, home, course):
    html(client, course.url)
    course.title = "A draft title"
    course.save_revision()
    assert "A draft title" not in html(client, course.url)
    assert "A draft title" not in html(client, "/courses/")


def test_an_unpublished_course_is_gone_from_its_address_and_the_catalogue(client, home, course):
    url = course.url
    html(client, url), html(client, "/courses/")
    course.unpublish()
    assert client.get(url).status_code == 404
    assert "Swedish Technique Foundations" not in html(client, "/courses/")
    assert "Swedish Technique Foundations" not in html(client, "/")


def test_a_deleted_course_is_gone_from_its_address_and_the_catalogue(client, home, course):
    url = course.url
    html(client, url), html(client, "/courses/"), html(client, "/")
    course.delete()
    assert client.get(url).status_code == 404
    assert "Swedish Technique Foundations" not in html(client, "/courses/")
    assert "Swedish Technique Foundations" not in html(client, "/")


def test_a_moved_module_leaves_one_course_page_and_joins_the_other(client, home, course, module):
    other = factories.course(title="Contraindications and Client Safety")
    old_url = module.url
    assert "Effleurage" in html(client, course.url)
    assert "Effleurage" not in html(client, other.url)
    html(client, old_url)

    module.move(other, pos="last-child")

    assert "Effleurage" not in html(client, course.url)
    assert "Effleurage" in html(client, other.url)
    moved = client.get(old_url)  # Wagtail leaves a redirect at the old address
    assert moved.status_code == 301
    module.refresh_from_db()
    assert moved["Location"].endswith(module.url)
    assert module.url.startswith(other.url)


def test_renaming_a_ce_category_shows_on_the_course_page(client, home, course):
    assert "Hands-on technique" in html(client, course.url)
    category = factories.category("hands-on-technique")
    category.name = "Manual Therapy Technique"
    category.save()
    assert "Manual Therapy Technique" in html(client, course.url)


def test_editing_an_instructor_shows_on_the_course_page(client, home, catalogue):
    teacher = factories.instructor("Maya Okafor", with_user=False)
    course = factories.course(title="Taught course", instructors=[teacher])
    assert "Maya Okafor" in html(client, course.url)
    teacher.name = "Maya Okafor-Reyes"
    teacher.save()
    assert "Maya Okafor-Reyes" in html(client, course.url)


@pytest.fixture
def gulf(db, home):
    ef.events_index()
    return ef.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")


def test_an_event_change_shows_on_the_event_index_the_provider_page_and_the_calendar_files(client, gulf):
    event = ef.event(gulf, title="Lymphatic Drainage Basics")
    feed = "/calendar/events.ics"
    own_ics = f"/calendar/events/{event.uid}.ics"
    pages = (event.url, "/events/", gulf.url, feed, own_ics)
    for url in pages:
        assert "Lymphatic Drainage Basics" in html(client, url), url
        assert get(client, url)["X-Cache"] == "hit", url

    publish(event, title="Lymphatic Drainage in Practice")

    for url in pages:
        assert "Lymphatic Drainage in Practice" in html(client, url), url


def test_a_registration_changes_the_places_left_that_visitors_see(client, gulf):
    event = ef.event(gulf, title="Small workshop", registration_url="", capacity=2)
    assert "2 places left." in html(client, event.url)
    learner = factories.user()
    learner_client = Client()
    learner_client.force_login(learner)
    assert learner_client.post(f"/calendar/events/{event.uid}/register/").status_code == 302
    assert "1 place left." in html(client, event.url)


def test_a_signed_in_learner_never_gets_the_kept_anonymous_page(client, home, course):
    anonymous = html(client, course.url)
    assert "Log in to enrol" in anonymous
    learner = factories.user("sam")
    signed_in = Client()
    signed_in.force_login(learner)
    response = get(signed_in, course.url)
    assert response.get("X-Cache") is None
    assert "Log in to enrol" not in response.content.decode()
    assert "My learning" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_learners_page_is_kept_for_nobody(client, home, course):
    enrolled, other = factories.user("sam"), factories.user("alex")
    credit_services.enrol(enrolled, course)
    sam, alex = Client(), Client()
    sam.force_login(enrolled)
    alex.force_login(other)

    assert "Leave course" in html(sam, course.url)
    alex_page = html(alex, course.url)
    assert "Leave course" not in alex_page
    assert "Enrol in this course" in alex_page
    anonymous = get(client, course.url)
    assert anonymous["X-Cache"] == "miss"
    assert "Leave course" not in anonymous.content.decode()
    assert "My learning" not in anonymous.content.decode()


def test_the_login_form_posts_after_an_earlier_anonymous_visit(home):
    browser = Client(enforce_csrf_checks=True)
    factories.user("sam", password="pass-word-123")
    html(browser, "/")
    first = get(browser, "/accounts/login/")
    second = get(browser, "/accounts/login/")
    assert second.get("X-Cache") is None
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', second.content.decode()).group(1)
    response = browser.post(
        "/accounts/login/", {"username": "sam", "password": "pass-word-123", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302, response.content[:500]
    assert first.status_code == 200


def test_a_page_with_a_password_form_is_never_kept_and_its_form_posts(home, course):
    PageViewRestriction.objects.create(page=course, restriction_type="password", password="swedish")
    browser = Client(enforce_csrf_checks=True)
    get(browser, course.url)
    again = get(browser, course.url)
    assert again.get("X-Cache") is None
    assert "private" in again["Cache-Control"]
    page = again.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    action = re.search(r'<form[^>]*action="([^"]+)"', page).group(1).replace("&amp;", "&")
    response = browser.post(action, {"password": "swedish", "return_url": course.url, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "Swedish Technique Foundations" in html(browser, course.url)


def test_making_a_page_private_stops_serving_the_kept_copy(client, home, course):
    html(client, course.url)
    PageViewRestriction.objects.create(page=course, restriction_type="login")
    assert client.get(course.url).status_code == 302


def test_learning_accounts_and_search_pages_are_never_kept(client, home, course):
    for url in ("/learning/", "/accounts/login/", "/accounts/signup/", "/search/?q=swedish"):
        client.get(url)
        assert client.get(url).get("X-Cache") is None, url


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it was asked to purge."""

    purged: list[str] = []

    def purge(self, url) -> None:
        self.purged.append(url)


def test_a_configured_cdn_is_purged_of_the_event_and_every_page_that_lists_it(
    gulf, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.project.test_page_cache.RecordingBackend"}}
    event = ef.event(gulf, title="Lymphatic Drainage Basics")
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(event, title="Lymphatic Drainage in Practice")
    paths = {urlsplit(url).path for url in RecordingBackend.purged}
    assert {event.url, gulf.url, "/events/", "/", "/calendar/events.ics"} <= paths


def test_a_cache_that_cannot_be_reached_serves_the_page_made_afresh(client, home, course, monkeypatch):
    class Unreachable:
        def get(self, *args, **kwargs):
            raise ConnectionError("Redis is away")

        add = set = get

    monkeypatch.setattr("pagecache.middleware.page_cache", Unreachable)
    monkeypatch.setattr("pagecache.generation.page_cache", Unreachable)
    response = get(client, course.url)
    assert "Swedish Technique Foundations" in response.content.decode()
    assert response.get("X-Cache") is None
