"""Admin screens for credit data: they render, and editable rules are edited there."""

import pytest
from django.urls import reverse

from credit.models import ApprovingBody, ProviderSettings, RequirementProfile
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc"))
    return client


def test_course_editor_shows_approvals_and_enrolment_settings(admin_client, catalogue):
    course, _ = credit_factories.live_course()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "Approval numbers" in html
    assert "minimum minutes on each module" in html.lower()
    assert "id_enrolment_open" in html


def test_requirement_profiles_and_approving_bodies_are_snippets(admin_client):
    profile = RequirementProfile.objects.get(slug="texas-massage-therapist")
    for url in (
        reverse("wagtailsnippets_credit_requirementprofile:list"),
        reverse("wagtailsnippets_credit_requirementprofile:edit", args=[profile.pk]),
        reverse("wagtailsnippets_credit_approvingbody:add"),
    ):
        assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        reverse("wagtailsnippets_credit_approvingbody:add"),
        {
            "name": "Florida Board of Massage Therapy",
            "short_name": "FL",
            "provider_number": "MCE-1234",
            "show_on_certificates": "on",
        },
    )
    assert response.status_code == 302
    assert ApprovingBody.objects.filter(provider_number="MCE-1234").exists()


def test_provider_details_are_a_site_setting(admin_client):
    response = admin_client.get(reverse("wagtailsettings:edit", args=["credit", "providersettings"]), follow=True)
    assert response.status_code == 200 and "Organisation name" in response.content.decode()
    url = response.redirect_chain[-1][0]
    admin_client.post(
        url,
        {
            "organisation_name": "Bayfront CE",
            "address": "1 Main St",
            "email": "ce@bayfront.example",
            "phone": "",
            "administrator_name": "Jo Smith",
            "administrator_title": "Director",
            "certificate_note": "",
        },
    )
    assert ProviderSettings.load().organisation_name == "Bayfront CE"


def test_outside_ce_listing_is_read_only_for_admins(admin_client):
    learner = credit_factories.learner("sam")
    entry = credit_factories.outside_credit(learner)
    assert admin_client.get(reverse("outside_credit:index")).status_code == 200
    assert admin_client.get(reverse("outside_credit:inspect", args=[entry.pk])).status_code == 200
    assert admin_client.get(f"/admin/outside_credit/edit/{entry.pk}/").status_code == 404
