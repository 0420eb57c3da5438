"""Registering and cancelling on the event page: places, the waiting list, deadlines, e-mails and bad input."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from events import registrations
from events.choices import RegistrationStatus
from events.models import Registration
from tests import factories
from tests.events import factories as ef
from tests.events.registration_helpers import open_event

pytestmark = pytest.mark.django_db


def register_url(event):
    return reverse("events:register", args=[event.uid])


def cancel_url(registration):
    return reverse("events:cancel_registration", args=[registration.pk])


def test_a_signed_in_learner_registers_and_cancels_with_plain_forms(client, gulf, django_capture_on_commit_callbacks):
    event = open_event(gulf, capacity=10)
    learner = factories.user("ana", first_name="Ana")
    client.force_login(learner)
    page = client.get(event.url)
    assert b"10 places left" in page.content
    assert b"Pay the provider directly" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), follow=True)
    assert response.redirect_chain[-1][0] == event.url
    assert b"You&#x27;re registered for Lymphatic Drainage Basics" in response.content
    registration = Registration.objects.get(learner=learner)
    assert registration.status == RegistrationStatus.REGISTERED
    assert b"Cancel my registration" in response.content
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert message.subject == "You're registered: Lymphatic Drainage Basics"
    filename, body, mimetype = message.attachments[0]
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    assert "BEGIN:VEVENT" in body and str(event.first_session.uid) in body
    assert "pay Gulf Coast Bodywork Institute directly" in message.body

    response = client.post(cancel_url(registration), follow=True)
    assert b"Your registration for Lymphatic Drainage Basics is cancelled." in response.content
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED and registration.cancelled_at is not None
    assert b"Register</button>" in response.content


def test_anonymous_visitors_are_asked_to_sign_in_and_come_back(client, gulf):
    event = open_event(gulf)
    page = client.get(event.url)
    assert b"Sign in to register" in page.content
    assert f"/accounts/login/?next={event.url.replace('/', '%2F')}".encode() in page.content
    response = client.post(register_url(event))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    assert not Registration.objects.exists()


def test_the_form_needs_a_csrf_token(gulf):
    from django.test import Client

    event = open_event(gulf)
    client = Client(enforce_csrf_checks=True)
    client.force_login(factories.user())
    assert client.post(register_url(event)).status_code == 403
    assert not Registration.objects.exists()


def test_events_with_an_external_link_keep_their_link_and_take_no_registration_here(client, gulf):
    event = ef.event(gulf, registration_url="https://provider.example/register")
    client.force_login(factories.user())
    page = client.get(event.url)
    assert b"Register with Gulf Coast Bodywork Institute" in page.content
    assert b"Sign in to register" not in page.content and b'id="register"' not in page.content
    response = client.post(register_url(event), follow=True)
    assert b"takes registrations on its own site" in response.content
    assert not Registration.objects.exists()


def test_a_full_event_puts_the_next_learner_on_the_waiting_list_and_says_their_place(
    client, gulf, django_capture_on_commit_callbacks
):
    event = open_event(gulf, capacity=1)
    registrations.register(event=event, learner=factories.user("first"))
    registrations.register(event=event, learner=factories.user("second"))
    third = factories.user("third")
    client.force_login(third)
    assert b"Join the waiting list" in client.get(event.url).content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), follow=True)
    assert b"you&#x27;re on the waiting list: number 2" in response.content
    assert b"You are number 2 on the waiting list" in response.content
    assert mail.outbox[-1].subject == "You're on the waiting list: Lymphatic Drainage Basics"
    assert "number 2" in mail.outbox[-1].body


def test_a_cancellation_promotes_the_next_person_waiting_and_tells_them(gulf, django_capture_on_commit_callbacks):
    event = open_event(gulf, capacity=1)
    first, second, third = (factories.user(name) for name in ("first", "second", "third"))
    held = registrations.register(event=event, learner=first).registration
    waiting_second = registrations.register(event=event, learner=second).registration
    waiting_third = registrations.register(event=event, learner=third).registration
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel(registration=held, learner=first)
    waiting_second.refresh_from_db()
    waiting_third.refresh_from_db()
    assert waiting_second.status == RegistrationStatus.REGISTERED and waiting_second.promoted_at is not None
    assert waiting_third.status == RegistrationStatus.WAITING
    assert [message.to for message in mail.outbox] == [[second.email]]
    assert mail.outbox[0].subject.startswith("A place came free")
    assert mail.outbox[0].attachments[0][2] == "text/calendar"


def test_leaving_the_waiting_list_promotes_no_one(gulf):
    event = open_event(gulf, capacity=1)
    registrations.register(event=event, learner=factories.user())
    waiting = registrations.register(event=event, learner=factories.user()).registration
    behind = registrations.register(event=event, learner=factories.user()).registration
    registrations.cancel(registration=waiting, learner=waiting.learner)
    behind.refresh_from_db()
    assert behind.status == RegistrationStatus.WAITING


def test_a_repeated_submit_creates_nothing_twice(client, gulf):
    event = open_event(gulf)
    client.force_login(factories.user())
    client.post(register_url(event))
    response = client.post(register_url(event), follow=True)
    assert Registration.objects.count() == 1
    assert b"You had already registered: nothing has changed." in response.content


def test_the_database_holds_one_active_registration_per_learner_and_event(gulf):
    event = open_event(gulf)
    learner = factories.user()
    Registration.objects.create(event=event, learner=learner, status=RegistrationStatus.REGISTERED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, learner=learner, status=RegistrationStatus.WAITING)
    # Cancelled ones are history: a learner may cancel and register again.
    Registration.objects.filter(learner=learner).update(
        status=RegistrationStatus.CANCELLED, cancelled_at=timezone.now()
    )
    registrations.register(event=event, learner=learner)
    assert Registration.objects.filter(learner=learner).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, learner=factories.user(), status=RegistrationStatus.CANCELLED)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"status": "cancelled"}, b"This event has been cancelled"),
        ({"status": "postponed"}, b"This event has been postponed"),
        ({"sessions": [(ef.local(-3, 9), ef.local(-3, 17))]}, b"Registration closed when the event started"),
        (
            {"sessions": [(ef.local(-1, 9), ef.local(2, 17))]},
            b"Registration closed when the event started",
        ),
        ({"registration_deadline": timezone.localdate() - timedelta(days=2)}, b"The registration deadline was"),
    ],
    ids=["cancelled", "postponed", "past", "under-way", "deadline"],
)
def test_closed_events_refuse_registration_with_a_clear_message(client, gulf, fields, reason):
    event = open_event(gulf, **fields)
    client.force_login(factories.user())
    assert reason in client.get(event.url).content
    response = client.post(register_url(event), follow=True)
    assert response.status_code == 200 and reason in response.content
    assert not Registration.objects.exists()


def test_the_deadline_day_itself_is_still_open(client, gulf):
    event = open_event(gulf, registration_deadline=timezone.localdate() + timedelta(days=1))
    client.force_login(factories.user())
    client.post(register_url(event))
    assert Registration.objects.count() == 1


def test_bad_addresses_get_404_not_500(client, gulf):
    draft = open_event(gulf, publish=False)
    owner = factories.user("owner")
    someone_elses = registrations.register(event=open_event(gulf), learner=owner).registration
    client.force_login(factories.user("intruder"))
    assert client.post(register_url(draft)).status_code == 404
    assert client.post("/calendar/events/00000000-0000-0000-0000-000000000000/register/").status_code == 404
    assert client.post(cancel_url(someone_elses)).status_code == 404
    assert client.post("/calendar/registrations/999999/cancel/").status_code == 404
    assert client.get(register_url(someone_elses.event)).status_code == 405
    someone_elses.refresh_from_db()
    assert someone_elses.status == RegistrationStatus.REGISTERED


def test_cancelling_twice_says_so(client, gulf):
    learner = factories.user()
    registration = registrations.register(event=open_event(gulf), learner=learner).registration
    client.force_login(learner)
    client.post(cancel_url(registration))
    response = client.post(cancel_url(registration), follow=True)
    assert b"That registration was already cancelled." in response.content


def test_my_events_on_the_dashboard_shows_places_and_waiting_list_numbers(client, gulf):
    learner = factories.user("dash")
    soon = open_event(gulf, title="Cupping Fundamentals", capacity=1)
    later = open_event(gulf, title="Reflexology Refresher", sessions=[(ef.local(20, 9), ef.local(20, 12))])
    gone = open_event(gulf, title="Past Workshop", sessions=[(ef.local(-5, 9), ef.local(-5, 12))])
    registrations.register(event=soon, learner=factories.user())
    registrations.register(event=soon, learner=learner)
    registrations.register(event=later, learner=learner)
    Registration.objects.create(event=gone, learner=learner, status=RegistrationStatus.REGISTERED)
    client.force_login(learner)
    page = client.get(reverse("credit:dashboard")).content.decode()
    assert "My events" in page
    assert page.index("Cupping Fundamentals") < page.index("Reflexology Refresher")
    assert "Waiting list: number 1" in page and "Registered" in page
    # An event that is over leaves the upcoming list for the attended one below it.
    assert "Past Workshop" not in page[: page.index('id="attended-events-heading"')]


def test_the_dashboard_counts_the_people_waiting_ahead_in_each_line(client, gulf):
    learner = factories.user("dash")
    first = open_event(gulf, title="Cupping Fundamentals", capacity=1)
    second = open_event(gulf, title="Reflexology Refresher", capacity=1)
    for event, ahead in ((first, 2), (second, 0)):
        registrations.register(event=event, learner=factories.user())  # holds the only place
        for _ in range(ahead):
            registrations.register(event=event, learner=factories.user())
        registrations.register(event=event, learner=learner)
    client.force_login(learner)
    page = client.get(reverse("credit:dashboard")).content.decode()
    assert "Waiting list: number 3" in page and "Waiting list: number 1" in page


def test_the_dashboard_says_when_there_are_no_events(client, events_index):
    client.force_login(factories.user())
    assert b"You haven't registered for any upcoming events." in client.get(reverse("credit:dashboard")).content


def test_a_provider_cancelling_or_postponing_tells_every_registrant_once(gulf, django_capture_on_commit_callbacks):
    event = open_event(gulf, capacity=1)
    registered, waiting = factories.user("reg"), factories.user("wait")
    registrations.register(event=event, learner=registered)
    registrations.register(event=event, learner=waiting)
    left = factories.user("left")
    mail.outbox.clear()

    event.status = "postponed"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([registered.email, waiting.email])
    assert all(message.subject == "Postponed: Lymphatic Drainage Basics" for message in mail.outbox)
    assert all(message.attachments[0][0].endswith(".ics") for message in mail.outbox)
    assert left.email not in [message.to[0] for message in mail.outbox]

    mail.outbox.clear()
    event.summary = "Still postponed, new summary."
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert mail.outbox == []

    event.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert len(mail.outbox) == 2 and mail.outbox[0].subject == "Cancelled by the provider: Lymphatic Drainage Basics"
    assert "STATUS:CANCELLED" in mail.outbox[0].attachments[0][1]


def test_raising_the_capacity_fills_places_from_the_waiting_list(gulf):
    event = open_event(gulf, capacity=1)
    registrations.register(event=event, learner=factories.user())
    waiting = registrations.register(event=event, learner=factories.user()).registration
    event.capacity = 2
    event.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED
