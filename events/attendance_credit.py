"""From attendance to credit: what an attended event's record copies, and issuing or withdrawing it.

A standalone workshop or webinar issues its own record once every session is attended in full. An
offering of a live course completes that course instead (the credit app asks `attended_offering`, which
is registered as its offering finder in apps.py), so a course's quiz still counts where it requires one.

The issuer is the event's provider, not the site-wide one: its name, contact, signatory and approval
numbers, with the event's own approval numbers as the course numbers. The record is dated the last
session's day in the event's time zone and stamped with the place ("Tampa, FL" or "Live webinar").
"""

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from pagecache.personal import forget_learner

from credit import live, services
from credit.models import CreditRecord

from . import attendance_rules
from .choices import RegistrationStatus
from .models import EventPage, Registration, SessionAttendance


def marks_for(registration: Registration) -> list[attendance_rules.SessionMark]:
    taken = {row.session_id: row for row in SessionAttendance.objects.filter(registration=registration)}
    return marks_from(registration.event.session_list, taken)


def marks_from(sessions, taken: dict[int, SessionAttendance]) -> list[attendance_rules.SessionMark]:
    """The marks of one registration from its attendance rows by session id (rosters read them for everyone)."""
    marks = []
    for session in sessions:
        row = taken.get(session.pk)
        marks.append(
            attendance_rules.SessionMark(
                label=session.when,
                length_minutes=session.length_minutes,
                taken=row is not None,
                present=bool(row and row.present),
                minutes=row.minutes_attended if row else None,
            )
        )
    return marks


def verdict_for(registration: Registration) -> attendance_rules.Verdict:
    return attendance_rules.verdict(marks_for(registration))


def _hours(value) -> str:
    return str(Decimal(value).normalize())


def _categories(page, default_hours) -> list[dict]:
    return [
        {"slug": link.category.slug, "name": link.category.name, "hours": str(link.hours or default_hours)}
        for link in page.ce_category_links.select_related("category").order_by("sort_order")
    ]


def _approvals(event: EventPage, on) -> list[dict]:
    """The provider's approvals in force on the day, each with the event's number from the same body."""
    provider = event.provider
    event_numbers = {approval.approving_body.strip().casefold(): approval for approval in event.approvals.all()}
    approvals = []
    for approval in provider.approvals.all() if provider else []:
        if approval.expires_on is not None and approval.expires_on < on:
            continue
        numbered = event_numbers.pop(approval.approving_body.strip().casefold(), None)
        approvals.append(
            {
                "body": approval.approving_body,
                "short_name": "",
                "provider_number": approval.approval_number,
                "course_number": numbered.approval_number if numbered else "",
            }
        )
    for numbered in event_numbers.values():
        approvals.append(
            {
                "body": numbered.approving_body,
                "short_name": "",
                "provider_number": "",
                "course_number": numbered.approval_number,
            }
        )
    return approvals


def offering_for(event: EventPage) -> live.Offering:
    """What a record of this event copies, as the event stands now."""
    course = event.offering_of.specific if event.offering_of_id else None
    provider = event.provider
    last = event.last_session
    completed_on = last.local_end.date()
    approvals = _approvals(event, completed_on)
    number = course.course_number if course else next((a["course_number"] for a in approvals if a["course_number"]), "")
    source = course or event
    signatory = (
        ", ".join(part for part in (provider.signatory_name, provider.signatory_title) if part) if provider else ""
    )
    return live.Offering(
        title=source.title,
        number=number,
        ce_hours=source.ce_hours,
        hours_by_category=_categories(source, source.ce_hours),
        delivery_method=event.delivery_method,
        hands_on=event.hands_on,
        completed_at=last.ends_at,
        completed_on=completed_on,
        place=event.credit_place,
        provider_name=provider.title if provider else "",
        provider_contact=provider.contact if provider else "",
        provider_signatory=signatory,
        signature_image_id=provider.signature_id if provider and provider.signatory_name else None,
        approvals=approvals,
        instructors="; ".join(str(instructor) for instructor in event.instructors.all()),
    )


def attended_offering(*, user, course) -> live.Offering | None:
    """The credit app's offering finder: the latest offering of `course` this learner attended in full."""
    registrations = (
        Registration.objects.filter(
            learner=user, status=RegistrationStatus.REGISTERED, event__offering_of=course, event__live=True
        )
        .select_related("event", "event__provider")
        .order_by("-created_at")
    )
    for registration in registrations:
        if registration.event.takes_attendance and verdict_for(registration).complete:
            return offering_for(registration.event)
    return None


def _course_record(registration: Registration) -> CreditRecord | None:
    """The course record this offering issued (a quiz passed later may have issued it, unlinked)."""
    event = registration.event
    if registration.credit_record_id:
        return registration.credit_record
    if not event.offering_of_id or event.last_session is None:
        return None
    return CreditRecord.objects.filter(
        user=registration.learner, course_id=event.offering_of_id, completed_at=event.last_session.ends_at
    ).first()


def is_over(event: EventPage, now: datetime | None = None) -> bool:
    last = event.last_session
    return last is not None and last.ends_at <= (now or timezone.now())


@transaction.atomic
def settle_credit(*, registration: Registration) -> str:
    """Issue or withdraw the credit this registration's attendance earns; say what happened, or "".

    Credit is issued only once the last session has ended: a check-in proves arrival, and the provider
    may still record that someone left early. Withdrawing (attendance reversed) happens at once.
    """
    registration = Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    event = registration.event
    verdict = verdict_for(registration)
    record = _course_record(registration)
    if verdict.complete and registration.status == RegistrationStatus.REGISTERED:
        if record is not None:
            return ""
        if not is_over(event):
            _settle_when_over(registration, event)
            return "Credit follows when the event ends."
        if event.offering_of_id:
            record = services.join_live_course(user=registration.learner, course=event.offering_of.specific)
            if record is None:
                return "Attendance complete; credit follows once the course's quiz is passed."
        else:
            record = live.issue_live_credit(user=registration.learner, course=None, offering=offering_for(event))
        Registration.objects.filter(pk=registration.pk).update(credit_record=record)
        forget_learner(registration.learner_id)
        return "Credit issued."
    if record is None:
        return ""
    if live.withdraw_live_credit(record=record):
        return "Credit withdrawn: attendance is no longer complete."
    return "Credit stands: its certificate was downloaded. An administrator can revoke it."


def _settle_when_over(registration: Registration, event: EventPage) -> None:
    """Queue the credit for a minute after the last session ends, where the task backend can defer.

    Pages the learner and the provider open settle ended events too (`settle_ended`), so credit never
    waits on a worker that is not running.
    """
    from .tasks import settle_attendance_credit

    if not settle_attendance_credit.get_backend().supports_defer:
        return
    task = settle_attendance_credit.using(run_after=event.last_session.ends_at + timedelta(minutes=1))
    transaction.on_commit(lambda: task.enqueue(registration_id=registration.pk), robust=True)


def settle_ended(registrations) -> int:
    """Issue the credit due for ended events among these registrations (those without credit yet).

    Returns how many were settled."""
    now = timezone.now()
    settled = 0
    for registration in registrations:
        if (
            registration.status == RegistrationStatus.REGISTERED
            and registration.credit_record_id is None
            and registration.event.takes_attendance
            and is_over(registration.event, now)
            and verdict_for(registration).complete
        ):
            settle_credit(registration=registration)
            settled += 1
    return settled


def settle_ended_among(registrations) -> int:
    """`settle_ended_for` a learner, among places already read with their attendance and sessions
    (`selectors.learner_registrations`): the same candidates, found without another query."""
    candidates = []
    for registration in registrations:
        if registration.status != RegistrationStatus.REGISTERED or registration.credit_record_id is not None:
            continue
        present_at = sum(1 for mark in registration.attendance.all() if mark.present)
        if present_at and present_at >= len(registration.event.sessions.all()):
            candidates.append(registration)
    return settle_ended(candidates)


def settle_ended_for(*, learner=None, event: EventPage | None = None) -> None:
    """`settle_ended` for a learner's places, or an event's, where attendance was recorded."""
    registrations = Registration.objects.filter(status=RegistrationStatus.REGISTERED, credit_record__isnull=True)
    if learner is not None:
        registrations = registrations.filter(learner=learner)
    if event is not None:
        registrations = registrations.filter(event=event)
    # One query finds the candidates: present at as many sessions as the event has (minutes are checked after).
    candidates = (
        registrations.annotate(
            present_at=Count("attendance", filter=Q(attendance__present=True), distinct=True),
            sessions=Count("event__sessions", distinct=True),
        )
        .filter(present_at__gt=0, present_at__gte=F("sessions"))
        .select_related("event")
    )
    settle_ended(candidates)
