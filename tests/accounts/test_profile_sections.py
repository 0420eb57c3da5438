"""Apps above accounts add sections to the profile page through accounts.profile_sections."""

import pytest
from django.urls import reverse

from accounts.profile_sections import register_profile_section, unregister_profile_section
from tests import factories

pytestmark = pytest.mark.django_db


def test_credit_adds_the_licences_section_and_others_can_add_theirs_in_order(client):
    client.force_login(factories.user("sam"))
    register_profile_section("test_late", order=90, template="<section>late {{ request.user.username }}</section>")
    register_profile_section("test_early", order=1, template="<section>early</section>")
    try:
        html = client.get(reverse("accounts:profile")).content.decode()
    finally:
        unregister_profile_section("test_late")
        unregister_profile_section("test_early")
    early, licences, late = (html.index(text) for text in ("early", "Licences and certifications", "late sam"))
    assert html.index("Name and e-mail") < early < licences < late < html.index("Change your password")
    assert "late sam" not in client.get(reverse("accounts:profile")).content.decode()
