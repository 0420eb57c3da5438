"""Sign up, profile with legal name and licences, password reset by e-mail (through a task) and change."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import LearnerProfile
from credit.models import Licence, RequirementProfile
from tests import factories
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db
User = get_user_model()


def signup_data(**overrides):
    data = {
        "username": "samira",
        "legal_name": "  Samira   Haddad ",
        "email": "samira@example.com",
        "password1": "a-long-massage-password-91",
        "password2": "a-long-massage-password-91",
    }
    data.update(overrides)
    return data


def test_sign_up_logs_in_and_keeps_the_legal_name(client):
    response = client.post(reverse("accounts:signup"), signup_data())
    assert response.status_code == 302 and response["Location"] == reverse("credit:dashboard")
    user = User.objects.get(username="samira")
    assert user.learner_profile.legal_name == "Samira Haddad"
    assert (user.first_name, user.last_name, user.email) == ("Samira", "Haddad", "samira@example.com")
    assert client.get(reverse("credit:dashboard")).status_code == 200


def test_sign_up_follows_a_safe_next_only(client):
    response = client.post(reverse("accounts:signup") + "?next=/courses/", signup_data())
    assert response["Location"] == "/courses/"
    client.logout()
    response = client.post(
        reverse("accounts:signup") + "?next=https://evil.example/", signup_data(username="other", email="o@example.com")
    )
    assert response["Location"] == reverse("credit:dashboard")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password2": "different-password-12"}, "didn’t match"),
        ({"email": "not-an-email"}, "valid email"),
        ({"legal_name": "   "}, "This field is required"),
        ({"username": "bad name!"}, "Enter a valid username"),
        ({"password1": "123", "password2": "123"}, "too short"),
    ],
)
def test_bad_sign_up_input_gets_messages(client, overrides, message):
    response = client.post(reverse("accounts:signup"), signup_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="samira").exists()


def test_duplicate_email_and_username_are_refused(client):
    factories.user("samira")
    User.objects.create_user("other", "Samira@Example.com", "pw-12345-abcdef")
    response = client.post(reverse("accounts:signup"), signup_data())
    html = response.content.decode()
    assert "already exists" in html and "already uses this e-mail" in html


def test_signed_in_users_skip_the_sign_up_form(client):
    client.force_login(factories.user())
    assert client.get(reverse("accounts:signup"))["Location"] == reverse("credit:dashboard")


def test_profile_updates_legal_name_and_email(client):
    user = factories.user("sam")
    client.force_login(user)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Add your legal name" in html
    response = client.post(reverse("accounts:profile"), {"legal_name": "Samira Haddad", "email": "new@example.com"})
    assert response.status_code == 302
    assert LearnerProfile.objects.get(user=user).legal_name == "Samira Haddad"
    user.refresh_from_db()
    assert user.email == "new@example.com"


def test_profile_refuses_someone_elses_email(client):
    User.objects.create_user("taken", "taken@example.com", "x-pw-123456")
    client.force_login(factories.user("sam"))
    response = client.post(reverse("accounts:profile"), {"legal_name": "Sam", "email": "TAKEN@example.com"})
    assert "Another account already uses this e-mail" in response.content.decode()


def test_learner_adds_edits_and_removes_a_licence(client):
    user = credit_factories.learner("sam")
    client.force_login(user)
    florida = RequirementProfile.objects.get(slug="florida-massage-therapist")
    data = {
        "requirement_profile": florida.pk,
        "licence_number": " MA12345 ",
        "cycle_start": "2025-09-01",
        "cycle_end": "2027-08-31",
    }
    assert client.post(reverse("licences:add"), data).status_code == 302
    licence = Licence.objects.get(user=user)
    assert licence.licence_number == "MA12345" and licence.state == "FL"
    assert "MA12345" in client.get(reverse("accounts:profile")).content.decode()

    data["licence_number"] = "MA99999"
    client.post(reverse("licences:edit", args=[licence.pk]), data)
    licence.refresh_from_db()
    assert licence.licence_number == "MA99999"
    client.post(reverse("licences:delete", args=[licence.pk]))
    assert not Licence.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"cycle_end": "2024-01-01"}, "must end after it starts"),
        ({"cycle_start": "not a date"}, "Enter a valid date"),
        ({"requirement_profile": "99999"}, "Select a valid choice"),
        ({"licence_number": "   "}, "This field is required"),
    ],
)
def test_bad_licence_input_gets_messages(client, overrides, message):
    client.force_login(credit_factories.learner("sam"))
    florida = RequirementProfile.objects.get(slug="florida-massage-therapist")
    data = {
        "requirement_profile": florida.pk,
        "licence_number": "MA1",
        "cycle_start": "2025-09-01",
        "cycle_end": "2027-08-31",
    }
    data.update(overrides)
    response = client.post(reverse("licences:add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_one_licence_per_body(client):
    user = credit_factories.learner("sam")
    credit_factories.licence(user)
    client.force_login(user)
    florida = RequirementProfile.objects.get(slug="florida-massage-therapist")
    data = {
        "requirement_profile": florida.pk,
        "licence_number": "MA2",
        "cycle_start": "2025-09-01",
        "cycle_end": "2027-08-31",
    }
    assert "already have a licence with this body" in client.post(reverse("licences:add"), data).content.decode()


def test_licence_pages_keep_their_addresses_beside_the_profile():
    # Credit owns the licence pages; the project mounts them where they always were.
    assert reverse("licences:add") == "/accounts/licences/add/"
    assert reverse("licences:edit", args=[7]) == "/accounts/licences/7/"
    assert reverse("licences:delete", args=[7]) == "/accounts/licences/7/delete/"


def test_someone_elses_licence_is_not_found(client):
    owner = credit_factories.learner("sam")
    licence = credit_factories.licence(owner, start=date(2025, 1, 1), end=date(2026, 12, 31))
    client.force_login(credit_factories.learner("other", legal_name="Other"))
    for name in ("licences:edit", "licences:delete"):
        assert client.get(reverse(name, args=[licence.pk])).status_code == 404
        assert client.post(reverse(name, args=[licence.pk])).status_code == 404
    assert Licence.objects.filter(pk=licence.pk).exists()


def test_password_reset_is_mailed_through_a_task_and_works(client):
    from django_tasks.signals import task_enqueued

    enqueued = []

    def spy(sender, task_result, **kwargs):
        enqueued.append(task_result)

    task_enqueued.connect(spy)
    self_cleanup = lambda: task_enqueued.disconnect(spy)  # noqa: E731
    User.objects.create_user("sam", "sam@example.com", "old-password-123")

    response = client.post(reverse("password_reset"), {"email": "sam@example.com"})
    assert response.status_code == 302
    self_cleanup()
    assert len(enqueued) == 1
    assert enqueued[0].task.name == "send_email" and enqueued[0].kwargs["to"] == ["sam@example.com"]
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "brand-new-pass-456", "new_password2": "brand-new-pass-456"}
    )
    assert User.objects.get(username="sam").check_password("brand-new-pass-456")


def test_password_reset_for_an_unknown_address_looks_the_same(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert "Check your e-mail" in response.content.decode()
    assert mail.outbox == []


def test_password_change(client):
    user = User.objects.create_user("sam", "sam@example.com", "old-password-123")
    client.force_login(user)
    assert client.get(reverse("password_change")).status_code == 200
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "old-password-123",
            "new_password1": "new-password-789x",
            "new_password2": "new-password-789x",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("new-password-789x")


def test_login_page_links_to_sign_up_and_reset(client):
    html = client.get(reverse("login")).content.decode()
    assert reverse("accounts:signup") in html and reverse("password_reset") in html


def test_header_shows_my_learning_when_signed_in(client, home):
    client.force_login(factories.user())
    html = client.get("/").content.decode()
    assert "My learning" in html and "Profile" in html
