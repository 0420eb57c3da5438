"""Reads for the provider's attendance pages: the sessions with their counts, one session's roster, each
registrant's verdict and credit, the audit history, and the credit earned, row by row, for the board.

Each read costs the same queries however many people registered: attendance, names and credit records
are read for the whole event at once, and verdicts come from the pure rule over the rows already read.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db.models import Count
from django.utils import timezone

from accounts.selectors import legal_names_for
from credit.models import CreditRecord

from . import attendance_rules, schedule
from .attendance_credit import marks_from
from .choices import RegistrationStatus
from .models import AttendanceChange, AttendanceSource, EventPage, EventSession, Registration, SessionAttendance

HOW = {AttendanceSource.ROSTER: "on the roster", AttendanceSource.CHECK_IN: "by check-in code"}


def local_moment(moment: datetime, zone: str) -> str:
    """Sat 14 Mar 2026, 9:05 AM EDT: a moment as the people in the room saw the clock."""
    local = schedule.to_local(moment, zone)
    return f"{schedule.format_day(local.date())}, {schedule.format_clock(local)} {schedule.zone_abbreviation(local)}"


def person(user) -> str:
    if user is None:
        return "a removed account"
    return user.get_full_name() or user.get_username()


def describe(state: dict | None, *, length_minutes: int) -> str:
    """An attendance value in words: "not taken", "absent", "present for 300 of 480 minutes", with its note."""
    if state is None:
        return "not taken"
    if not state.get("present"):
        words = "absent"
    elif state.get("minutes_attended") is None:
        words = "present (whole session)"
    else:
        words = f"present for {state['minutes_attended']} of {length_minutes} minutes"
    note = state.get("note") or ""
    return f"{words}, note “{note}”" if note else words


def marking_closed_reason(*, event: EventPage, session: EventSession, now: datetime | None = None) -> str:
    """Why attendance cannot be marked for this session now, or "" when it can."""
    if not event.takes_attendance:
        return (
            "This event takes no attendance on Touchstone: on-demand listings, and events that register on the "
            "provider's own site, record completion elsewhere."
        )
    if session.starts_at > (now or timezone.now()):
        return (
            f"This session starts {local_moment(session.starts_at, event.time_zone)}. Attendance can be taken "
            "once it has started; until then the roster shows who is coming."
        )
    return ""


def registered(event: EventPage) -> list[Registration]:
    """Who holds a place, first registered first, with their accounts and credit records."""
    return list(
        Registration.objects.registered()
        .filter(event=event)
        .select_related("learner", "credit_record")
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class SessionLine:
    session: EventSession
    present: int
    absent: int
    not_taken: int


def session_lines(*, event: EventPage, places: int) -> list[SessionLine]:
    """Each session with how many of the `places` registered were marked present, absent, or not yet."""
    counts = {
        (row["session_id"], row["present"]): row["n"]
        for row in SessionAttendance.objects.filter(
            session__page=event, registration__status=RegistrationStatus.REGISTERED
        )
        .values("session_id", "present")
        .annotate(n=Count("pk"))
    }
    lines = []
    for session in event.session_list:
        present, absent = counts.get((session.pk, True), 0), counts.get((session.pk, False), 0)
        lines.append(SessionLine(session, present, absent, max(places - present - absent, 0)))
    return lines


@dataclass(frozen=True)
class RegistrantLine:
    registration: Registration
    name: str
    verdict: attendance_rules.Verdict

    @property
    def record(self) -> CreditRecord | None:
        return self.registration.credit_record


def registrant_lines(*, event: EventPage, registrations: list[Registration]) -> list[RegistrantLine]:
    """Each registrant's verdict over every session (the rule credit follows) and their credit record."""
    taken: dict[int, dict[int, SessionAttendance]] = {registration.pk: {} for registration in registrations}
    for row in SessionAttendance.objects.filter(registration__in=registrations):
        taken[row.registration_id][row.session_id] = row
    names = legal_names_for(registration.learner for registration in registrations)
    return [
        RegistrantLine(
            registration=registration,
            name=names[registration.learner_id],
            verdict=attendance_rules.verdict(marks_from(event.session_list, taken[registration.pk])),
        )
        for registration in registrations
    ]


@dataclass(frozen=True)
class RosterRow:
    registration: Registration
    name: str
    mark: SessionAttendance | None
    mark_label: str
    marked: str  # "by Dana Coordinator on the roster, Sat 14 Mar 2026, 5:10 PM EDT", or ""


def roster_rows(*, event: EventPage, session: EventSession, registrations: list[Registration]) -> list[RosterRow]:
    """One row per registration holding a place: the current mark for the session and who made it how."""
    marks = {
        row.registration_id: row
        for row in SessionAttendance.objects.filter(session=session, registration__in=registrations).select_related(
            "marked_by"
        )
    }
    names = legal_names_for(registration.learner for registration in registrations)
    rows = []
    for registration in registrations:
        mark = marks.get(registration.pk)
        marked = ""
        if mark is not None:
            marked = (
                f"by {person(mark.marked_by)} {HOW.get(mark.source, mark.source)}, "
                f"{local_moment(mark.marked_at, event.time_zone)}"
            )
        rows.append(
            RosterRow(
                registration=registration,
                name=names[registration.learner_id],
                mark=mark,
                mark_label=describe(mark.as_audit() if mark else None, length_minutes=session.length_minutes),
                marked=marked,
            )
        )
    return rows


@dataclass(frozen=True)
class AuditEntry:
    change: AttendanceChange
    when: str
    by: str
    how: str
    learner: str
    session: str
    before: str
    after: str


def audit_entries(*, event: EventPage, changes: list[AttendanceChange]) -> list[AuditEntry]:
    """Audit changes (newest first, as given) in words, times in the event's time zone."""
    sessions = {session.pk: session for session in event.session_list}
    names = legal_names_for(change.registration.learner for change in changes)
    entries = []
    for change in changes:
        session = sessions.get(change.session_id)
        length = session.length_minutes if session else 0
        entries.append(
            AuditEntry(
                change=change,
                when=local_moment(change.changed_at, event.time_zone),
                by=person(change.changed_by),
                how=HOW.get(change.source, change.source),
                learner=names[change.registration.learner_id],
                session=session.when if session else "a removed session",
                before=describe(change.before, length_minutes=length),
                after=describe(change.after, length_minutes=length),
            )
        )
    return entries


def changes_for(event: EventPage):
    """Every attendance change at the event, newest first, ready for `audit_entries`."""
    return (
        AttendanceChange.objects.filter(session__page=event)
        .select_related("registration__learner", "changed_by")
        .order_by("-changed_at", "-pk")
    )


# -- the roster of credit earned, as a board reporting system (CE Broker) takes it ---------------------

CREDIT_ROSTER_COLUMNS = (
    "Legal name",
    "Licences",
    "Course title",
    "Course number",
    "Approval numbers",
    "Completion date",
    "CE hours",
    "Categories",
    "Delivery",
    "Place",
)


def _hours(value) -> str:
    try:
        return f"{Decimal(str(value)).normalize():f}"
    except InvalidOperation:
        return str(value)


def _licences(snapshot: list[dict]) -> str:
    """MA12345 (FL); 123456 (NCBTMB Board Certification): each number with the state it licenses in."""
    return "; ".join(
        f"{licence.get('number', '')} ({licence.get('state') or licence.get('profile') or licence.get('body', '')})"
        for licence in snapshot
    )


def _approvals(approvals: list[dict]) -> str:
    """NCBTMB: provider 450001-00, course C-12: each approving body's numbers for this class."""
    parts = []
    for approval in approvals:
        numbers = [
            f"{label} {approval[key]}"
            for key, label in (("provider_number", "provider"), ("course_number", "course"))
            if approval.get(key)
        ]
        parts.append(f"{approval.get('body', '')}: {', '.join(numbers)}" if numbers else approval.get("body", ""))
    return "; ".join(parts)


def credit_roster(*, event: EventPage) -> list[list[str]]:
    """One row per attendee whose attendance earned credit, as their credit record has it, by name."""
    records = CreditRecord.objects.filter(registration__event=event).order_by("learner_name", "pk")
    return [
        [
            record.learner_name,
            _licences(record.licences or []),
            record.course_title,
            record.course_number,
            _approvals(record.approvals or []),
            record.completed_on.isoformat(),
            _hours(record.ce_hours),
            "; ".join(f"{item['name']} {_hours(item['hours'])}" for item in record.hours_by_category or []),
            record.course_type,
            record.place,
        ]
        for record in records
    ]
