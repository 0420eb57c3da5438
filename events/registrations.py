"""Registration writes: register, cancel, promote from the waiting list, and tell registrants of changes.

Every write that counts places locks the event row first (`select_for_update`), so two learners taking
the last place at once are served one after the other: one gets it, the other joins the waiting list.
E-mails are queued after the transaction commits (see `tasks.send_registration_email`).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import schedule
from .choices import EventStatus, RegistrationStatus
from .models import EventPage, Registration
from .models.registrations import NOTICE_STATUSES


class RegistrationError(Exception):
    """The registration cannot be made or changed as asked; the message says why, in the learner's words."""


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    created: bool  # False: the learner was already registered or waiting (a repeated submit)


def takes_registration_here(event: EventPage) -> bool:
    """Events with an external registration link register on the provider's own site."""
    return not event.registration_url


def closed_reason(*, event: EventPage, now: datetime | None = None) -> str:
    """Why new registrations are refused now, or "" when they are open."""
    now = now or timezone.now()
    if not takes_registration_here(event):
        return f"{event.provider.title if event.provider else 'The provider'} takes registrations on its own site."
    if event.status == EventStatus.CANCELLED:
        return "This event has been cancelled, so it no longer takes registrations."
    if event.status == EventStatus.POSTPONED:
        return "This event has been postponed. Registration opens again when the new dates are announced."
    first = event.first_session
    if first is None:
        return "This event has no dates yet, so registration is not open."
    if first.starts_at <= now:
        return "Registration closed when the event started."
    if event.registration_deadline and schedule.to_local(now, event.time_zone).date() > event.registration_deadline:
        return f"The registration deadline was {event.registration_deadline:%A %-d %B %Y}."
    return ""


def has_free_place(event: EventPage) -> bool:
    if event.status == EventStatus.FULL:
        return False
    if event.capacity is None:
        return True
    return Registration.objects.registered().filter(event=event).count() < event.capacity


def _lock(event: EventPage) -> EventPage:
    return EventPage.objects.select_for_update().get(pk=event.pk)


def _email_after_commit(registration: Registration, notice: str) -> None:
    from .tasks import send_registration_email

    transaction.on_commit(
        lambda: send_registration_email.enqueue(registration_id=registration.pk, notice=notice), robust=True
    )


@transaction.atomic
def register(*, event: EventPage, learner) -> RegistrationResult:
    """Give the learner a place, or a place on the waiting list when the event is full."""
    event = _lock(event)
    existing = Registration.objects.active().filter(event=event, learner=learner).first()
    if existing is not None:
        return RegistrationResult(registration=existing, created=False)
    reason = closed_reason(event=event)
    if reason:
        raise RegistrationError(reason)
    status = RegistrationStatus.REGISTERED if has_free_place(event) else RegistrationStatus.WAITING
    registration = Registration.objects.create(event=event, learner=learner, status=status)
    _email_after_commit(registration, status)
    return RegistrationResult(registration=registration, created=True)


@transaction.atomic
def cancel(*, registration: Registration, learner) -> Registration:
    """The learner gives up their place (or waiting-list place); the next person waiting moves up at once."""
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk, learner=learner)
    if not registration.is_active:
        raise RegistrationError("That registration was already cancelled.")
    if event.is_past:
        raise RegistrationError("This event is over, so its registrations can no longer be changed.")
    held_place = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    if held_place:
        promote_waiting(event=event)
    return registration


def promote_waiting(*, event: EventPage) -> list[Registration]:
    """Fill free places from the waiting list, in order, and tell each person promoted. Call with the event locked."""
    if (
        event.status in NOTICE_STATUSES
        or event.first_session is None
        or event.first_session.starts_at <= timezone.now()
    ):
        return []
    promoted = []
    for registration in Registration.objects.waiting().filter(event=event):
        if not has_free_place(event):
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        _email_after_commit(registration, "promoted")
        promoted.append(registration)
    return promoted


@transaction.atomic
def event_published(*, event: EventPage) -> None:
    """After a provider publishes: tell registrants of a cancellation or postponement, once; fill new places."""
    event = _lock(event)
    active = Registration.objects.active().filter(event=event)
    if event.status in NOTICE_STATUSES:
        for registration in active.exclude(notified_status=event.status):
            registration.notified_status = event.status
            registration.save(update_fields=["notified_status", "updated_at"])
            _email_after_commit(registration, event.status)
        return
    # Back on: a later cancellation or postponement is news again.
    active.exclude(notified_status="").update(notified_status="")
    promote_waiting(event=event)
