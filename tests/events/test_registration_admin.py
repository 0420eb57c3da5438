"""The read-only registrations list in the Wagtail admin: the provider's own team and administrators only."""

import pytest
from django.urls import reverse

from events import registrations
from events.services import add_provider_account
from tests import factories
from tests.events import factories as ef
from tests.events.registration_helpers import open_event

pytestmark = pytest.mark.django_db


def url(event):
    return reverse("events_registrations", args=[event.pk])


def test_the_providers_team_sees_its_events_registrations_and_no_one_elses(client, gulf, cascade):
    event = open_event(gulf, capacity=1)
    other = open_event(cascade)
    registrations.register(event=event, learner=factories.user("placed", first_name="Ana", last_name="Placed"))
    registrations.register(event=event, learner=factories.user("queued", first_name="Ben", last_name="Queued"))
    staff = factories.user("gulfstaff")
    add_provider_account(gulf, staff)
    client.force_login(staff)

    page = client.get(url(event))
    assert page.status_code == 200
    text = page.content.decode()
    assert "1 of 1 places taken" in text and "1 waiting" in text
    assert text.index("Ana Placed") < text.index("Waiting list (1)") < text.index("Ben Queued")
    assert client.get(url(other)).status_code == 404
    assert client.get(reverse("events_registrations", args=[999999])).status_code == 404

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert url(event).encode() in edit.content


def test_administrators_see_every_event_and_learners_see_none(client, gulf):
    event = open_event(gulf)
    admin = factories.user("boss", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(url(event)).status_code == 200
    client.force_login(factories.user("learner"))
    # No admin access at all: Wagtail sends them to sign in.
    response = client.get(url(event))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_external_link_event_says_registrations_happen_elsewhere(client, gulf):
    event = ef.event(gulf, registration_url="https://provider.example/register")
    client.force_login(factories.user("root", is_superuser=True, is_staff=True))
    assert b"registers on your own site" in client.get(url(event)).content
