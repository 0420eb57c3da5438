"""Wrong passwords lock a username and address pair for a while (django-axes); sign-ups and password-reset
requests are limited per address, and reset requests per e-mail too (django-ratelimit)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db
User = get_user_model()

PASSWORD = "a-long-massage-password-91"
LOCKOUT = override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=timedelta(minutes=15))


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()


@pytest.fixture
def ana(db):
    return User.objects.create_user("ana", "ana@example.com", PASSWORD)


@pytest.fixture
def ben(db):
    return User.objects.create_user("ben", "ben@example.com", PASSWORD)


def log_in(client, username, password, *, url="/accounts/login/", address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def lock(client, username, *, url="/accounts/login/", address="203.0.113.7"):
    for _ in range(3):
        log_in(client, username, "wrong-password", url=url, address=address)


@LOCKOUT
def test_wrong_passwords_below_the_limit_just_say_so(client, ana):
    for _ in range(2):
        response = log_in(client, "ana", "wrong-password")
        assert response.status_code == 200
    assert log_in(client, "ana", PASSWORD).status_code == 302


@LOCKOUT
def test_the_limit_locks_the_pair_with_a_readable_page(client, ana):
    lock(client, "ana")
    response = log_in(client, "ana", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Logging in to this account is paused" in html
    assert "Try again in 15 minutes" in html
    assert reverse("password_reset") in html
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session  # the right password was refused


@LOCKOUT
def test_another_user_and_another_address_are_not_affected(client, ana, ben):
    lock(client, "ana")
    assert log_in(client, "ben", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "ana", PASSWORD, address="198.51.100.20").status_code == 302


@LOCKOUT
def test_the_wagtail_admin_login_is_covered(client, ana):
    lock(client, "ana", url="/admin/login/")
    response = log_in(client, "ana", PASSWORD, url="/admin/login/")
    assert response.status_code == 429
    assert "Logging in to this account is paused" in response.content.decode()
    # The lock holds on the site's own login form too: same username, same address.
    assert log_in(client, "ana", PASSWORD).status_code == 429


@LOCKOUT
def test_the_lock_lifts_after_the_cool_off(client, ana):
    from axes.models import AccessAttempt

    lock(client, "ana")
    assert log_in(client, "ana", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, "ana", PASSWORD).status_code == 302


@LOCKOUT
def test_a_successful_login_clears_earlier_failures(client, ana):
    for _ in range(2):
        log_in(client, "ana", "wrong-password")
    assert log_in(client, "ana", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        assert log_in(client, "ana", "wrong-password").status_code == 200
    assert log_in(client, "ana", PASSWORD).status_code == 302


@LOCKOUT
def test_axes_reset_command_unlocks(client, ana):
    from django.core.management import call_command

    lock(client, "ana")
    call_command("axes_reset_username", "ana", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert log_in(client, "ana", PASSWORD).status_code == 302


def signup_data(n):
    return {
        "username": f"learner{n}",
        "legal_name": "Sam Lee",
        "email": f"learner{n}@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


@override_settings(ACCOUNTS_SIGNUP_RATE="2/h")
def test_sign_ups_are_limited_per_address(client):
    for n in range(2):
        assert client.post(reverse("accounts:signup"), signup_data(n), REMOTE_ADDR="203.0.113.7").status_code == 302
        client.logout()
    response = client.post(reverse("accounts:signup"), signup_data(3), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert not User.objects.filter(username="learner3").exists()
    # Another address may still sign up, and just looking at the form is never counted.
    assert client.get(reverse("accounts:signup"), REMOTE_ADDR="203.0.113.7").status_code == 200
    assert client.post(reverse("accounts:signup"), signup_data(4), REMOTE_ADDR="198.51.100.1").status_code == 302


@override_settings(ACCOUNTS_PASSWORD_RESET_RATE="2/h", ACCOUNTS_PASSWORD_RESET_EMAIL_RATE="100/h")
def test_password_resets_are_limited_per_address(client, ana):
    url = reverse("password_reset")
    for _ in range(2):
        assert client.post(url, {"email": "ana@example.com"}, REMOTE_ADDR="203.0.113.7").status_code == 302
    response = client.post(url, {"email": "ana@example.com"}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert "password reset requests" in response.content.decode()
    assert len(mail.outbox) == 2


@override_settings(ACCOUNTS_PASSWORD_RESET_RATE="100/h", ACCOUNTS_PASSWORD_RESET_EMAIL_RATE="2/h")
def test_password_resets_are_limited_per_email_across_addresses(client, ana):
    url = reverse("password_reset")
    assert client.post(url, {"email": "ana@example.com"}, REMOTE_ADDR="203.0.113.1").status_code == 302
    assert client.post(url, {"email": " ANA@example.com"}, REMOTE_ADDR="203.0.113.2").status_code == 302
    assert client.post(url, {"email": "ana@example.com"}, REMOTE_ADDR="203.0.113.3").status_code == 429
    # Someone else's e-mail from the same addresses is still answered.
    assert client.post(url, {"email": "ben@example.com"}, REMOTE_ADDR="203.0.113.3").status_code == 302
    assert len(mail.outbox) == 2
