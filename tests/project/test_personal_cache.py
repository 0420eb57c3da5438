"""A learner's own pages kept until something of theirs changes (pagecache.personal): never another
learner's page, never a stale one after their records change, never a form that fails to post."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pagecache import generation, personal

from credit import services
from credit.models import Licence
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db

DASHBOARD = "/learning/"
# A kept dashboard costs no query: the session, the learner's token, their user row and the page come from caches.
KEPT_DASHBOARD_QUERIES = 0


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def dashboard(client: Client) -> str:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def warmed(client: Client) -> str:
    """The dashboard as the learner sees it once it is kept: the first visit sets the CSRF cookie, the second
    makes and keeps the page, the third is the kept one."""
    for _ in range(3):
        page = dashboard(client)
    return page


@pytest.fixture
def sam(catalogue):
    learner = credit_factories.learner("sam", legal_name="Samira Haddad", first_name="Samira")
    course, modules = credit_factories.home_study_course(title="Swedish Massage Foundations", modules=3)
    services.enrol(learner, course)
    return learner, course, modules


def test_a_kept_dashboard_costs_no_query(sam):
    client = browser(sam[0])
    first = warmed(client)
    with CaptureQueriesContext(connection) as captured:
        again = dashboard(client)
    assert len(captured.captured_queries) <= KEPT_DASHBOARD_QUERIES
    assert again == first and "Swedish Massage Foundations" in again


def test_a_learner_never_gets_another_learners_kept_page(sam, catalogue):
    other = credit_factories.learner("lee", legal_name="Lee Park")
    other_course, _ = credit_factories.home_study_course(title="Chair Massage Essentials", modules=1)
    services.enrol(other, other_course)
    warmed(browser(sam[0]))
    lees = warmed(browser(other))
    assert "Chair Massage Essentials" in lees and "Swedish Massage Foundations" not in lees


def test_the_same_learner_in_another_browser_gets_forms_that_post_there(sam):
    learner, course, _ = sam
    warmed(browser(learner))
    second = Client(enforce_csrf_checks=True)
    second.force_login(learner)
    page = warmed(second)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "the dashboard holds a form"
    response = second.post(reverse("credit:leave", args=[course.pk]), {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302


def test_finishing_a_module_shows_on_the_next_dashboard(sam):
    learner, course, modules = sam
    client = browser(learner)
    before = warmed(client)
    services.mark_module_complete(learner, modules[0], course)  # an update(), not a save: forgets explicitly
    after = dashboard(client)
    assert after != before
    assert "1 of" in after or "33%" in after or 'value="33"' in after


def test_moving_to_another_module_changes_where_continue_points(sam):
    learner, course, modules = sam
    client = browser(learner)
    client.get(modules[0].url)
    assert f"Continue: {modules[0].title}" in warmed(client)
    client.get(modules[2].url)
    assert f"Continue: {modules[2].title}" in dashboard(client)


def test_a_licence_added_by_the_learner_shows_at_once(sam):
    learner, _, _ = sam
    client = browser(learner)
    assert "MA99999" not in warmed(client)
    credit_factories.licence(learner, number="MA99999")
    assert Licence.objects.filter(user=learner).exists()
    page = dashboard(client)
    assert "Florida" in page or "MA99999" in page


def test_a_message_is_shown_once_and_never_kept(sam):
    learner, course, _ = sam
    client = browser(learner)
    warmed(client)
    response = client.post(reverse("credit:leave", args=[course.pk]), follow=True)
    shown = response.content.decode()
    assert "ve left Swedish Massage Foundations" in shown  # the apostrophe is escaped in the page
    later = dashboard(client)
    assert "ve left Swedish Massage Foundations" not in later


def test_a_cache_that_cannot_be_reached_serves_the_dashboard_made_afresh(sam, monkeypatch):
    learner, _, _ = sam
    client = browser(learner)
    warmed(client)

    def unreachable():
        raise ConnectionError("cache down")

    monkeypatch.setattr(generation, "page_cache", unreachable)
    assert "Swedish Massage Foundations" in dashboard(client)


def test_kept_for_learner_reads_again_after_the_learner_is_forgotten(sam):
    learner = sam[0]
    reads = []

    def read():
        reads.append(1)
        return len(reads)

    assert personal.kept_for_learner(learner.pk, "test:value", read) == 1
    assert personal.kept_for_learner(learner.pk, "test:value", read) == 1
    personal.forget_learner(learner.pk)
    assert personal.kept_for_learner(learner.pk, "test:value", read) == 2


# ---------------------------------------------------------------------------------------------
# Module pages: kept but for the progress part, which is made on every request
# ---------------------------------------------------------------------------------------------


def module_page(client: Client, module) -> str:
    response = client.get(module.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_kept_module_page_still_counts_the_visit_and_shows_the_time_just_recorded(catalogue):
    from datetime import timedelta

    from django.utils import timezone

    from credit.models import ModuleProgress

    learner = credit_factories.learner("mo")
    course, modules = credit_factories.live_course(title="Trigger Point Basics", modules=2, minimum_module_minutes=10)
    services.enrol(learner, course)
    client = browser(learner)
    for _ in range(3):
        first = module_page(client, modules[0])
    assert "spent 0 minutes here" in first
    ModuleProgress.objects.filter(user=learner).update(last_seen_at=timezone.now() - timedelta(minutes=4))
    later = module_page(client, modules[0])
    assert "spent 4 minutes here" in later  # the part after the body is made for this request
    assert ModuleProgress.objects.get(user=learner, module=modules[0]).visit_count == 4


def test_finishing_a_module_ticks_it_on_the_next_kept_module_page(sam):
    learner, course, modules = sam
    client = browser(learner)
    for _ in range(3):
        page = module_page(client, modules[1])
    assert "(completed)" not in page
    services.mark_module_complete(learner, modules[0], course)
    assert "(completed)" in module_page(client, modules[1])


def test_two_learners_on_one_module_page_each_see_their_own(sam, catalogue):
    learner, course, modules = sam
    services.mark_module_complete(learner, modules[0], course)
    other = credit_factories.learner("newcomer", legal_name="Nia Newcomer")
    for _ in range(3):
        module_page(browser(learner), modules[0])
    theirs = module_page(browser(other), modules[0])
    assert "(completed)" not in theirs and "Enrol in" in theirs


def test_an_authors_pages_are_never_kept(sam, django_user_model, monkeypatch):
    _, _, modules = sam
    kept = []
    monkeypatch.setattr(personal.default_cache, "set", lambda key, *args, **kwargs: kept.append(key))
    author = django_user_model.objects.create_superuser("author", "author@example.com", "pw-12345-abc")
    client = browser(author)
    for _ in range(3):
        module_page(client, modules[0])
        dashboard(client)
    assert not [key for key in kept if ":page:" in key]
    learner_client = browser(sam[0])
    for _ in range(2):
        dashboard(learner_client)
    assert [key for key in kept if ":page:" in key]  # the same steps keep a learner's page


# ---------------------------------------------------------------------------------------------
# The signed-in person's own row (accounts.backends.KeptUserBackend)
# ---------------------------------------------------------------------------------------------


def test_a_deactivated_account_is_signed_out_on_its_next_request(sam):
    learner = sam[0]
    client = browser(learner)
    warmed(client)
    learner.is_active = False
    learner.save()
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_password_changed_elsewhere_signs_out_this_browser(sam):
    learner = sam[0]
    client = browser(learner)
    warmed(client)
    learner.set_password("a-new-pass-phrase-2026")
    learner.save()
    assert client.get(DASHBOARD).status_code == 302


def test_a_learner_made_staff_sees_the_authoring_link_on_the_next_page(sam):
    learner = sam[0]
    client = browser(learner)
    assert ">Authoring<" not in warmed(client)
    learner.is_staff = True
    learner.save()
    assert ">Authoring<" in dashboard(client)


def test_a_session_from_before_the_kept_backend_still_works(sam):
    learner = sam[0]
    client = Client()
    client.force_login(learner, backend="django.contrib.auth.backends.ModelBackend")
    assert "Swedish Massage Foundations" in dashboard(client)


def test_the_kept_account_row_outlives_changes_to_the_learners_records(sam):
    """Finishing a module (or submitting a quiz, enrolling) forgets the learner's kept pages, not their user row,
    which every request reads; a save of the row itself forgets it (the tests above)."""
    learner, course, modules = sam
    client = browser(learner)
    before = warmed(client)
    services.mark_module_complete(learner, modules[0], course)
    with CaptureQueriesContext(connection) as captured:
        page = dashboard(client)
    assert page != before  # made afresh for the change
    assert not [query for query in captured if '"auth_user"' in query["sql"]]
    personal.forget_account(learner.pk)
    with CaptureQueriesContext(connection) as captured:
        dashboard(client)
    assert [query for query in captured if '"auth_user"' in query["sql"]]
