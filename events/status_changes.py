"""The provider's fast path: cancel or postpone a live event at once, without waiting for review.

Learners must hear of a cancelled class the same day, so these two changes skip the *Event review*
workflow that every other edit goes through. The change is published as a revision of its own,
logged as the person who made it: the live content with the new status, reason and (for a
postponement) new date, and nothing else.

Edits waiting in a draft, perhaps submitted for review, are neither published nor lost. Wagtail
would cancel the review on any publish; here it stays in progress, and the draft is saved again
with the same change on top, so approving it later publishes those edits without undoing the
cancellation. Publishing fires `page_published` as any publish does, so registrants are e-mailed
(`registrations.event_published`) and calendars see a higher SEQUENCE (`services.bump_sequence_if_changed`).

A postponed event goes back on the schedule through the editor (new session dates, status
Scheduled, submitted for review); a cancelled event stays cancelled.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import log
from wagtail.models import COMMENTS_RELATION_NAME, Revision
from wagtail.signals import page_published, published

from . import schedule
from .choices import EventStatus
from .models import EventPage, Registration

CANCEL, POSTPONE = "events.cancel", "events.postpone"
REASON_MAX_LENGTH = EventPage._meta.get_field("status_reason").max_length


class StatusChangeError(Exception):
    """The event cannot be cancelled or postponed as asked; the message says why, in the provider's words."""


def refusal(*, event: EventPage, status: str) -> str:
    """Why `event` cannot be given `status` (cancelled or postponed) now, or "" when it can."""
    if not event.live:
        return "This event is not live yet, so no one has registered: change its status in the editor and submit it."
    if event.is_cancelled:
        return "This event is already cancelled. A cancelled event stays cancelled."
    if status == EventStatus.POSTPONED and event.status == EventStatus.POSTPONED:
        return (
            "This event is already postponed. To put it back on the schedule, edit it: enter the new session "
            "dates, set the status to Scheduled and submit it for review."
        )
    if event.is_past:
        return "This event is over, so it can no longer be cancelled or postponed."
    return ""


def status_note(event: EventPage) -> str:
    """What follows the status word on the event page and card: " by the provider: <reason>." for a
    cancellation, ": <reason>. New date: Saturday 14 March 2026." for a postponement; "" otherwise."""
    if event.status == EventStatus.CANCELLED:
        return f" by the provider: {event.status_reason}." if event.status_reason else "."
    if event.status == EventStatus.POSTPONED:
        reason = f": {event.status_reason}." if event.status_reason else "."
        when = f"New date: {event.postponed_to:%A %-d %B %Y}." if event.postponed_to else "New dates to be announced."
        return f"{reason} {when}"
    return ""


def people_to_tell(event: EventPage) -> int:
    """How many registrants (registered or waiting) the change will be e-mailed to."""
    return Registration.objects.active().filter(event=event).count()


def cancel_event(*, event: EventPage, user, reason: str) -> EventPage:
    """Cancel the live event now, for `reason`; registrants are e-mailed."""
    return _change(event=event, user=user, status=EventStatus.CANCELLED, reason=reason, new_date=None)


def postpone_event(*, event: EventPage, user, reason: str, new_date: date | None = None) -> EventPage:
    """Postpone the live event now, for `reason`, to a new first day (None: new dates to be announced)."""
    return _change(event=event, user=user, status=EventStatus.POSTPONED, reason=reason, new_date=new_date)


@transaction.atomic
def _change(*, event: EventPage, user, status: str, reason: str, new_date: date | None) -> EventPage:
    live = EventPage.objects.select_for_update().get(pk=event.pk)
    problem = refusal(event=live, status=status)
    if problem:
        raise StatusChangeError(problem)
    reason = " ".join(reason.split())
    if not reason:
        raise StatusChangeError("Give a reason: learners read it in the e-mail and on the event page.")
    if len(reason) > REASON_MAX_LENGTH:
        raise StatusChangeError(f"Keep the reason to {REASON_MAX_LENGTH} characters.")
    if new_date is not None and new_date < schedule.to_local(timezone.now(), live.time_zone).date():
        raise StatusChangeError("The new date has passed: choose a later date, or leave it blank.")

    change = {"status": status, "status_reason": reason, "status_changed_at": timezone.now(), "postponed_to": new_date}
    # Edits waiting to be published: the latest revision, when it is newer than the live one.
    waiting = live.get_latest_revision() if live.has_unpublished_changes else None
    if waiting is not None and waiting.pk == live.live_revision_id:
        waiting = None
    scheduled_for = waiting.approved_go_live_at if waiting is not None else None

    for name, value in change.items():
        setattr(live, name, value)
    if live.go_live_at and live.go_live_at > timezone.now():
        live.go_live_at = None  # the change is news today, not on a scheduled day
    revision = live.save_revision(user=user, clean=False, log_action=False)
    _PublishKeepingReview(revision, user=user).execute(skip_permission_checks=True)

    if waiting is not None:
        _carry_into(waiting, change=change, user=user, approved_go_live_at=scheduled_for)
    log(
        instance=live,
        action=CANCEL if status == EventStatus.CANCELLED else POSTPONE,
        user=user,
        revision=revision,
        data={"reason": reason, "new_date": new_date.isoformat() if new_date else ""},
    )
    return EventPage.objects.get(pk=live.pk)


def _carry_into(draft: Revision, *, change: dict, user, approved_go_live_at) -> Revision:
    """Save the waiting edits again, with the status change on top, as the latest revision.

    Approving a review publishes the latest revision; without this it would be the status change
    alone, and the provider's edits would be lost.
    """
    page = draft.as_object()
    for name, value in change.items():
        setattr(page, name, value)
    return page.save_revision(user=user, clean=False, approved_go_live_at=approved_go_live_at)


class _PublishKeepingReview(PublishPageRevisionAction):
    """Wagtail's publish, less one step: it cancels a workflow in progress, and here the review must go on.

    The rest is what `PublishPageRevisionAction` and `PublishRevisionAction` do after a publish.
    `tests/events/test_status_changes.py` fails if a Wagtail upgrade changes what this skips.
    """

    def _after_publish(self):
        for comment in getattr(self.object, COMMENTS_RELATION_NAME).all().only("position"):
            comment.save(update_fields=["position"])
        page_published.send(sender=self.object.specific_class, instance=self.object.specific, revision=self.revision)
        published.send(sender=type(self.object), instance=self.object, revision=self.revision)
        self.object.update_aliases(revision=self.revision, _content=self.revision.content)
