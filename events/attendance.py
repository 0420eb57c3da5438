"""Attendance writes: the provider's roster marks, the learner's own check-in, and their audit.

Every write locks the registration first, so a double submit or two people marking the same learner
at once are served one after the other, and the second finds nothing to change. Each change writes an
`AttendanceChange` (who, when, before, after) and settles the credit it affects (attendance_credit.py).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from . import schedule
from .attendance_credit import settle_credit
from .choices import RegistrationStatus
from .models import AttendanceChange, AttendanceSource, EventPage, EventSession, Registration, SessionAttendance
from .models.sessions import CHECK_IN_ALPHABET, CHECK_IN_LENGTH

# Learners may check in from a little before the session starts (arriving, joining early) until it ends.
CHECK_IN_OPENS_BEFORE = timedelta(minutes=30)


class AttendanceError(Exception):
    """The attendance cannot be recorded as asked; the message says why, in the reader's words."""


@dataclass(frozen=True)
class Marked:
    changed: bool  # False: it already said this (a repeated submit)
    credit_effect: str = ""


def _write(*, registration, session, present, minutes, note, by, source, now) -> Marked:
    """Record one mark with its audit entry (the caller holds the registration lock)."""
    row = SessionAttendance.objects.filter(registration=registration, session=session).first()
    before = row.as_audit() if row else None
    after = {"present": present, "minutes_attended": minutes if present else None, "note": note}
    if before == after:
        return Marked(changed=False)
    if row is None:
        row = SessionAttendance(registration=registration, session=session)
    row.present, row.minutes_attended, row.note = present, after["minutes_attended"], note
    row.source, row.marked_by, row.marked_at = source, by, now
    row.save()
    change = AttendanceChange.objects.create(
        registration=registration,
        session=session,
        changed_by=by,
        changed_at=now,
        source=source,
        before=before,
        after=after,
    )
    effect = settle_credit(registration=registration)
    if effect:
        AttendanceChange.objects.filter(pk=change.pk).update(credit_effect=effect[:200])
    return Marked(changed=True, credit_effect=effect)


def _check_minutes(session: EventSession, minutes: int | None) -> None:
    if minutes is not None and not 0 <= minutes <= session.length_minutes:
        raise AttendanceError(f"Minutes attended must be between 0 and the session's {session.length_minutes}.")


def _locked_registration(*, session: EventSession, registration_id: int) -> Registration:
    registration = (
        Registration.objects.select_for_update()
        .filter(pk=registration_id, event_id=session.page_id, status=RegistrationStatus.REGISTERED)
        .first()
    )
    if registration is None:
        raise AttendanceError("That person holds no place at this event, so their attendance cannot be taken.")
    return registration


@transaction.atomic
def mark(
    *, session: EventSession, registration_id: int, present: bool, minutes: int | None = None, note: str = "", by
) -> Marked:
    """The provider's mark for one learner and session: present (for how many minutes) or absent."""
    if session.starts_at > timezone.now():
        raise AttendanceError("This session has not started yet, so attendance cannot be taken.")
    _check_minutes(session, minutes)
    registration = _locked_registration(session=session, registration_id=registration_id)
    return _write(
        registration=registration,
        session=session,
        present=present,
        minutes=minutes,
        note=" ".join(note.split())[:300],
        by=by,
        source=AttendanceSource.ROSTER,
        now=timezone.now(),
    )


def mark_many(*, session: EventSession, registration_ids: list[int], present: bool, by) -> int:
    """Mark several learners present (whole session) or absent at once; returns how many changed."""
    changed = 0
    for registration_id in registration_ids:
        note = (
            SessionAttendance.objects.filter(registration_id=registration_id, session=session)
            .values_list("note", flat=True)
            .first()
        )
        changed += mark(
            session=session, registration_id=registration_id, present=present, note=note or "", by=by
        ).changed
    return changed


def check_in_window(session: EventSession) -> tuple[datetime, datetime]:
    return session.starts_at - CHECK_IN_OPENS_BEFORE, session.ends_at


def open_sessions(event: EventPage, now: datetime | None = None) -> list[EventSession]:
    """The event's sessions learners can check in to right now."""
    now = now or timezone.now()
    return [s for s in event.session_list if check_in_window(s)[0] <= now <= check_in_window(s)[1]]


def normalise_code(text: str) -> str | None:
    if not isinstance(text, str) or len(text) > 32:
        return None
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != CHECK_IN_LENGTH or any(ch not in CHECK_IN_ALPHABET for ch in cleaned):
        return None
    return cleaned


def _next_window(event: EventPage, now: datetime) -> str:
    upcoming = [s for s in event.session_list if check_in_window(s)[0] > now]
    if not upcoming:
        return "Check-in has closed: every session of this event is over. Ask the provider to mark your attendance."
    opens = schedule.to_local(check_in_window(upcoming[0])[0], event.time_zone)
    return (
        f"Check-in is not open yet. It opens at {schedule.format_clock(opens)} on {opens:%A %-d %B}, "
        "30 minutes before the session."
    )


@transaction.atomic
def check_in(*, event: EventPage, learner, code: str, now: datetime | None = None) -> Marked:
    """The learner checks in to the session on now with the code shown in the room or on the webinar."""
    now = now or timezone.now()
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, learner=learner, status=RegistrationStatus.REGISTERED)
        .first()
    )
    if registration is None:
        raise AttendanceError(
            "Only people with a place at this event can check in. Register first, or ask the provider."
        )
    sessions = open_sessions(event, now)
    if not sessions:
        raise AttendanceError(_next_window(event, now))
    cleaned = normalise_code(code)
    session = next((s for s in sessions if cleaned and s.check_in_code == cleaned), None)
    if session is None:
        raise AttendanceError(
            "That code does not match the session on now. Check the six characters shown in the room or on the "
            "webinar and try again."
        )
    existing = SessionAttendance.objects.filter(registration=registration, session=session).first()
    if existing is not None and existing.present:
        return Marked(changed=False)
    if existing is not None and existing.source == AttendanceSource.ROSTER:
        raise AttendanceError(
            "The provider has already recorded your attendance for this session; ask them to change it."
        )
    return _write(
        registration=registration,
        session=session,
        present=True,
        minutes=None,
        note="",
        by=learner,
        source=AttendanceSource.CHECK_IN,
        now=now,
    )
