"""Cancel event and Postpone event: the provider's team changes a live event at once, with a reason, and
registrants hear of it; other edits still go through Event review and are neither lost nor published."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageLogEntry, Workflow, WorkflowPage, WorkflowState

from courses.services import COURSE_EDITORS_GROUP, REVIEW_WORKFLOW
from events import registrations
from events.choices import EventStatus, RegistrationStatus
from events.models import Registration
from events.services import EVENT_REVIEW_TASK, add_provider_account, ensure_provider_setup
from events.status_changes import StatusChangeError, cancel_event, postpone_event
from tests import factories
from tests.events import factories as ef
from tests.events.admin_forms import edit_form_data
from tests.events.registration_helpers import open_event

pytestmark = pytest.mark.django_db

REASON = "Our instructor is unwell and we could not find a replacement."


@pytest.fixture
def renee(gulf):
    user = factories.user("renee")
    add_provider_account(gulf, user)
    return user


@pytest.fixture
def workshop(gulf):
    """A Gulf Coast workshop with two people registered and one waiting."""
    event = open_event(gulf, title="Prenatal Massage Essentials", capacity=2)
    for name in ("ana", "ben", "cleo"):
        registrations.register(event=event, learner=factories.user(name, first_name=name.title()))
    mail.outbox.clear()
    return event


def cancel_url(event):
    return reverse("events_cancel", args=[event.pk])


def postpone_url(event):
    return reverse("events_postpone", args=[event.pk])


def calendar_entry(client, event):
    response = client.get(f"/calendar/events/{event.uid}.ics")
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")[0]


def approve(event, editor):
    state = WorkflowState.objects.get(object_id=str(event.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")


def course_editor():
    editor = factories.user("jordan")
    editor.groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    return editor


def submit_edit(client, event, **changes):
    data = edit_form_data(client, event, **changes)
    data["action-submit"] = "action-submit"
    return client.post(f"/admin/pages/{event.pk}/edit/", data)


# -- cancelling ------------------------------------------------------------------------------------------------


def test_the_providers_team_cancels_at_once_and_every_registrant_is_told_why(
    client, renee, workshop, django_capture_on_commit_callbacks
):
    client.force_login(renee)
    edit = client.get(f"/admin/pages/{workshop.pk}/edit/")
    assert cancel_url(workshop).encode() in edit.content and postpone_url(workshop).encode() in edit.content
    form = client.get(cancel_url(workshop))
    assert form.status_code == 200
    assert "Everyone registered or waiting (3 registrants)" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(workshop), {"reason": f"  {REASON}  "})
    assert response.status_code == 302
    assert response["Location"] == reverse("events_registrations", args=[workshop.pk])

    workshop.refresh_from_db()
    assert workshop.live and workshop.status == EventStatus.CANCELLED
    assert workshop.status_reason == REASON.rstrip(".")
    assert workshop.status_changed_at is not None
    # No review: published at once, as Renee, and no workflow was started.
    assert workshop.live_revision.user == renee
    assert not WorkflowState.objects.filter(object_id=str(workshop.pk)).exists()
    actions = set(PageLogEntry.objects.filter(page=workshop, user=renee).values_list("action", flat=True))
    assert {"wagtail.publish", "events.cancel"} <= actions
    assert REASON.rstrip(".") in client.get(f"/admin/pages/{workshop.pk}/history/").content.decode()

    # Registered and waiting alike, each once, with the reason and the cancelled calendar entry.
    assert sorted(message.to[0].split("@")[0] for message in mail.outbox) == ["ana", "ben", "cleo"]
    message = mail.outbox[0]
    assert message.subject == "Cancelled by the provider: Prenatal Massage Essentials"
    assert f"Their reason: {REASON}" in message.body
    filename, ics, mimetype = message.attachments[0]
    assert mimetype == "text/calendar" and "STATUS:CANCELLED" in ics and "SEQUENCE:1" in ics

    # The page, the listing card and the calendar file say so.
    client.logout()
    page = client.get(workshop.url).content.decode()
    assert f"<strong>Cancelled</strong> by the provider: {REASON} This event will not take place." in page
    listing = client.get(workshop.get_parent().get_parent().url).content.decode()
    assert f"by the provider: {REASON}" in listing
    entry = calendar_entry(client, workshop)
    assert entry["STATUS"] == "CANCELLED" and entry["SEQUENCE"] == 1
    assert REASON in str(entry["DESCRIPTION"])


def test_a_cancelled_event_stays_cancelled(client, renee, workshop):
    cancel_event(event=workshop, user=renee, reason="Venue closed")
    client.force_login(renee)

    for url in (cancel_url(workshop), postpone_url(workshop)):
        page = client.get(url)
        assert page.status_code == 200 and b"This event is already cancelled." in page.content
        assert b"Cancel the event now" not in page.content and b"Postpone the event now" not in page.content
        refused = client.post(url, {"reason": "Again", "new_date": ""})
        assert refused.status_code == 400 and b"already cancelled" in refused.content
    edit = client.get(f"/admin/pages/{workshop.pk}/edit/").content.decode()
    assert cancel_url(workshop) not in edit and postpone_url(workshop) not in edit
    with pytest.raises(StatusChangeError, match="already cancelled"):
        postpone_event(event=workshop, user=renee, reason="Later")

    # The editor will not put it back on the schedule either.
    data = edit_form_data(client, workshop, status="scheduled")
    response = client.post(f"/admin/pages/{workshop.pk}/edit/", data)
    assert response.status_code == 200
    assert b"A cancelled event stays cancelled" in response.content
    workshop.refresh_from_db()
    assert workshop.status == EventStatus.CANCELLED


# -- postponing ------------------------------------------------------------------------------------------------


def test_postponing_to_a_new_date_tells_registrants_and_keeps_their_places(
    client, renee, workshop, django_capture_on_commit_callbacks
):
    new_date = timezone.localdate() + timedelta(days=40)
    client.force_login(renee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(postpone_url(workshop), {"reason": "The venue flooded.", "new_date": new_date})
    assert response.status_code == 302

    workshop.refresh_from_db()
    assert workshop.status == EventStatus.POSTPONED and workshop.postponed_to == new_date
    assert workshop.status_reason == "The venue flooded"
    assert Registration.objects.filter(event=workshop, status=RegistrationStatus.REGISTERED).count() == 2
    assert len(mail.outbox) == 3
    message = mail.outbox[0]
    assert message.subject == "Postponed: Prenatal Massage Essentials"
    assert "Their reason: The venue flooded." in message.body
    assert f"New date: {new_date:%A %-d %B %Y}." in message.body

    client.logout()
    expected = f"Postponed</strong>: The venue flooded. New date: {new_date:%A %-d %B %Y}."
    assert expected in client.get(workshop.url).content.decode()
    assert "The venue flooded. New date:" in client.get(workshop.get_parent().url).content.decode()
    entry = calendar_entry(client, workshop)
    assert entry["STATUS"] == "TENTATIVE" and entry["SEQUENCE"] == 1
    assert "Reason: The venue flooded." in str(entry["DESCRIPTION"])
    assert registrations.closed_reason(event=workshop).startswith("This event has been postponed")


def test_postponing_without_a_date_says_new_dates_are_to_be_announced(client, renee, workshop):
    client.force_login(renee)
    assert client.post(postpone_url(workshop), {"reason": "Instructor injured", "new_date": ""}).status_code == 302
    workshop.refresh_from_db()
    assert workshop.postponed_to is None
    assert "Instructor injured. New dates to be announced." in client.get(workshop.url).content.decode()
    # Already postponed: the form says how to go on, rather than postponing twice.
    again = client.get(postpone_url(workshop))
    assert b"already postponed" in again.content and b"Postpone the event now" not in again.content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": ""}, "Give a reason"),
        ({"reason": "   . "}, "Give a reason"),
        ({"reason": "x" * 301}, "Keep the reason to 300 characters"),
        ({"reason": "Flood", "new_date": "2020-01-01"}, "The new date has passed"),
        ({"reason": "Flood", "new_date": "31/02/2030"}, "Enter the new date as year-month-day"),
    ],
)
def test_bad_input_is_a_form_error_and_changes_nothing(client, renee, workshop, data, message):
    client.force_login(renee)
    response = client.post(postpone_url(workshop), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    workshop.refresh_from_db()
    assert workshop.status == EventStatus.SCHEDULED and workshop.status_reason == ""
    assert len(mail.outbox) == 0


def test_an_event_that_is_over_or_not_live_cannot_be_changed(client, renee, gulf):
    over = open_event(gulf, sessions=[(ef.local(-3, 9), ef.local(-3, 17))])
    draft = open_event(gulf, publish=False)
    client.force_login(renee)
    assert b"This event is over" in client.get(cancel_url(over)).content
    assert client.post(cancel_url(over), {"reason": "Too late"}).status_code == 400
    assert b"This event is not live yet" in client.get(postpone_url(draft)).content
    over.refresh_from_db()
    assert over.status == EventStatus.SCHEDULED


# -- other edits keep their review ----------------------------------------------------------------------------


def test_cancelling_keeps_edits_waiting_for_review_unpublished_and_unlost(
    client, renee, workshop, django_capture_on_commit_callbacks
):
    client.force_login(renee)
    assert submit_edit(client, workshop, title="Prenatal Massage Essentials (revised)").status_code == 302
    state = WorkflowState.objects.get(object_id=str(workshop.pk))
    assert state.workflow.name == "Event review" and state.status == WorkflowState.STATUS_IN_PROGRESS
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(cancel_url(workshop), {"reason": "Venue closed"}).status_code == 302

    workshop.refresh_from_db()
    # Live: the old title, cancelled. The revised title is still a draft, still in review, and cancelled too.
    assert workshop.title == "Prenatal Massage Essentials" and workshop.status == EventStatus.CANCELLED
    assert workshop.has_unpublished_changes
    draft = workshop.get_latest_revision_as_object()
    assert draft.title == "Prenatal Massage Essentials (revised)"
    assert (draft.status, draft.status_reason) == (EventStatus.CANCELLED, "Venue closed")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert len(mail.outbox) == 3

    # Approving the review publishes the edits without undoing the cancellation, and tells no one twice.
    with django_capture_on_commit_callbacks(execute=True):
        approve(workshop, course_editor())
    workshop.refresh_from_db()
    assert workshop.title == "Prenatal Massage Essentials (revised)"
    assert (workshop.status, workshop.status_reason) == (EventStatus.CANCELLED, "Venue closed")
    assert not [message for message in mail.outbox[3:] if message.subject.startswith("Cancelled")]


def test_a_postponed_event_goes_back_on_the_schedule_through_the_editor(
    client, renee, workshop, django_capture_on_commit_callbacks
):
    postpone_event(event=workshop, user=renee, reason="Venue flooded")
    client.force_login(renee)
    response = submit_edit(
        client,
        workshop,
        status="scheduled",
        **{"sessions-0-starts_at": "2030-01-14 09:00", "sessions-0-ends_at": "2030-01-14 17:00"},
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.status == EventStatus.POSTPONED  # waiting for review

    with django_capture_on_commit_callbacks(execute=True):
        approve(workshop, course_editor())
    workshop.refresh_from_db()
    assert workshop.status == EventStatus.SCHEDULED
    assert workshop.first_session.starts_at.year == 2030
    assert registrations.closed_reason(event=workshop) == ""
    # A later postponement is news again.
    assert not Registration.objects.filter(event=workshop).exclude(notified_status="").exists()
    page = client.get(workshop.url).content.decode()
    assert "Venue flooded" not in page
    assert calendar_entry(client, workshop)["STATUS"] == "CONFIRMED"


def test_providers_pages_and_events_go_through_event_review_and_courses_keep_course_review(gulf, renee, workshop):
    assert workshop.get_workflow().name == "Event review"
    assert gulf.get_workflow().name == "Event review"
    task = workshop.get_workflow().tasks.get().specific
    assert task.name == EVENT_REVIEW_TASK
    assert list(task.groups.values_list("name", flat=True)) == [COURSE_EDITORS_GROUP]
    assert factories.course().get_workflow().name == REVIEW_WORKFLOW

    # A provider from before Event review (left to the site-wide Course review) moves to it after migrate.
    WorkflowPage.objects.filter(page=gulf).update(workflow=Workflow.objects.get(name=REVIEW_WORKFLOW))
    assert workshop.get_workflow().name == REVIEW_WORKFLOW
    ensure_provider_setup()
    assert workshop.get_workflow().name == "Event review"
    # A workflow an administrator chose for a provider is kept.
    chosen = Workflow.objects.create(name="Trusted provider")
    WorkflowPage.objects.filter(page=gulf).update(workflow=chosen)
    ensure_provider_setup()
    assert workshop.get_workflow() == chosen


# -- who may ---------------------------------------------------------------------------------------------------


def test_another_provider_gets_a_404_and_changes_nothing(client, workshop, cascade):
    stranger = factories.user("cascadestaff")
    add_provider_account(cascade, stranger)
    client.force_login(stranger)
    for url in (cancel_url(workshop), postpone_url(workshop)):
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "Mischief"}).status_code == 404
    assert client.get(reverse("events_cancel", args=[999999])).status_code == 404
    workshop.refresh_from_db()
    assert workshop.status == EventStatus.SCHEDULED and len(mail.outbox) == 0


def test_cascade_cancels_its_own_event_in_its_own_time_zone(client, cascade):
    staff = factories.user("cascadestaff")
    add_provider_account(cascade, staff)
    event = open_event(cascade, time_zone="America/Los_Angeles")
    client.force_login(staff)
    assert client.post(cancel_url(event), {"reason": "Wildfire smoke"}).status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED


def test_course_editors_and_administrators_may_learners_may_not(client, workshop):
    client.force_login(course_editor())
    assert client.get(cancel_url(workshop)).status_code == 200
    client.force_login(factories.user("root", is_superuser=True, is_staff=True))
    assert client.post(postpone_url(workshop), {"reason": "Storm warning"}).status_code == 302
    client.force_login(factories.user("learner"))
    response = client.post(cancel_url(workshop), {"reason": "Nope"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    workshop.refresh_from_db()
    assert workshop.status == EventStatus.POSTPONED


def test_the_page_listing_offers_both_actions_to_the_team(client, renee, gulf, workshop):
    client.force_login(renee)
    listing = client.get(reverse("wagtailadmin_explore", args=[gulf.pk])).content.decode()
    assert cancel_url(workshop) in listing and postpone_url(workshop) in listing
