"""A 403 inside the admin renders in the admin, with a way back; elsewhere the site's own error page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from config.views import permission_denied
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(catalogue):
    maya = factories.instructor("Maya Okafor")
    daniel = factories.instructor("Daniel Reyes")
    factories.course(title="Swedish Technique Foundations", instructors=[maya])
    safety = factories.course(title="Contraindications and Client Safety", instructors=[daniel])
    return {"maya": maya.user, "safety": safety}


def test_an_author_refused_in_the_admin_stays_in_the_admin(client, courses):
    client.force_login(courses["maya"])
    response = client.get(f"/admin/pages/{courses['safety'].pk}/edit/", HTTP_REFERER="http://testserver/admin/pages/")
    assert response.status_code == 403
    assert "admin_403.html" in [template.name for template in response.templates]
    html = response.content.decode()
    assert 'id="wagtail-sidebar"' in html  # the admin's own layout, with its menu
    assert "You cannot change “Contraindications and Client Safety”." in html
    assert '<a class="button" href="http://testserver/admin/pages/">Back to the previous page</a>' in html
    assert 'href="/admin/">Go to the dashboard</a>' in html
    assert "Browse courses" not in html  # not the public error page


def test_no_back_link_to_another_site_or_the_same_page(client, courses):
    client.force_login(courses["maya"])
    url = f"/admin/pages/{courses['safety'].pk}/edit/"
    for referrer in ("https://elsewhere.example/admin/", f"http://testserver{url}", ""):
        html = client.get(url, HTTP_REFERER=referrer).content.decode()
        assert "Back to the previous page" not in html, referrer
        assert "Go to the dashboard" in html


def test_a_403_outside_the_admin_is_the_sites_page(courses):
    request = RequestFactory().get("/learning/certificates/1/")
    request.user = courses["maya"]  # an author, but not in the admin
    response = permission_denied(request, PermissionDenied("Not yours."))
    assert response.status_code == 403
    html = response.content.decode()
    assert "You don&#x27;t have access to this page" in html
    assert "Not yours." not in html


def test_a_learner_under_admin_urls_gets_the_sites_page(db):
    request = RequestFactory().get("/admin/pages/3/edit/")
    request.user = factories.user("sam")
    response = permission_denied(request, PermissionDenied())
    assert "wagtail-sidebar" not in response.content.decode()
