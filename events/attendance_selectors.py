"""What a learner sees of their own attendance: per session, the verdict, and the credit it earned.

Read on the event page (one registration) and on the dashboard's "My events" (the events they attended),
with the attendance rows prefetched so the dashboard costs the same queries however many events it lists.
Selectors only: nothing here writes (credit is issued or withdrawn when attendance is marked).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from courses.choices import DeliveryMethod
from credit.models import CreditRecord

from . import attendance_rules
from .choices import EventStatus, RegistrationStatus
from .models import EventPage, EventSession, Registration, SessionAttendance

# The dashboard lists this many attended events, the most recent first; the transcript keeps the rest.
ATTENDED_EVENT_COUNT = 10


@dataclass(frozen=True)
class SessionLine:
    """One session as the learner's attendance stands: "present", "partial", "absent" or "not_recorded"."""

    session: EventSession
    state: str
    minutes: int | None = None

    @property
    def label(self) -> str:
        return {
            "present": "Present",
            "partial": f"Partial: {self.minutes} of {self.session.length_minutes} minutes",
            "absent": "Absent",
            "not_recorded": "Not yet recorded",
        }[self.state]


@dataclass(frozen=True)
class AttendanceSummary:
    registration: Registration
    sessions: list[SessionLine]
    verdict: attendance_rules.Verdict
    record: CreditRecord | None  # the credit this attendance earned, if issued

    @property
    def event(self) -> EventPage:
        return self.registration.event

    @property
    def falls_short(self) -> bool:
        """A recorded session was missed or only partly attended: no credit unless the provider corrects it."""
        return any(line.state in ("absent", "partial") for line in self.sessions)

    @property
    def is_over(self) -> bool:
        """Credit is issued once the last session has ended."""
        last = self.event.last_session
        return last is not None and last.ends_at <= timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.event.status == EventStatus.CANCELLED


def _line(session: EventSession, row: SessionAttendance | None) -> SessionLine:
    if row is None:
        return SessionLine(session, "not_recorded")
    if not row.present:
        return SessionLine(session, "absent")
    if row.minutes_attended is not None and row.minutes_attended < session.length_minutes:
        return SessionLine(session, "partial", row.minutes_attended)
    return SessionLine(session, "present")


def _summary(registration: Registration, rows: list[SessionAttendance], record: CreditRecord | None):
    taken = {row.session_id: row for row in rows}
    sessions = registration.event.session_list
    marks = [
        attendance_rules.SessionMark(
            label=session.when,
            length_minutes=session.length_minutes,
            taken=session.pk in taken,
            present=bool(taken.get(session.pk) and taken[session.pk].present),
            minutes=taken[session.pk].minutes_attended if session.pk in taken else None,
        )
        for session in sessions
    ]
    return AttendanceSummary(
        registration=registration,
        sessions=[_line(session, taken.get(session.pk)) for session in sessions],
        verdict=attendance_rules.verdict(marks),
        record=record,
    )


def _course_records(learner, registrations: list[Registration]) -> dict[int, CreditRecord]:
    """Course records an offering earned but is not linked to (the course's quiz was passed later), by registration."""
    unlinked = [r for r in registrations if not r.credit_record_id and r.event.offering_of_id and r.event.last_session]
    if not unlinked:
        return {}
    records = CreditRecord.objects.filter(user=learner, course_id__in={r.event.offering_of_id for r in unlinked})
    by_key = {(record.course_id, record.completed_at): record for record in records}
    found = {}
    for registration in unlinked:
        record = by_key.get((registration.event.offering_of_id, registration.event.last_session.ends_at))
        if record is not None:
            found[registration.pk] = record
    return found


def attendance_summary(registration: Registration) -> AttendanceSummary:
    """The learner's attendance at one event they hold a place at, for the event page."""
    rows = list(SessionAttendance.objects.filter(registration=registration))
    record = registration.credit_record if registration.credit_record_id else None
    record = record or _course_records(registration.learner, [registration]).get(registration.pk)
    return _summary(registration, rows, record)


def attended_events(
    *,
    learner,
    now: datetime | None = None,
    limit: int = ATTENDED_EVENT_COUNT,
    registrations: list[Registration] | None = None,
) -> list[AttendanceSummary]:
    """Past events the learner held a place at, the most recent first, each with its credit outcome.

    `registrations`: the learner's places as `selectors.learner_registrations` read them, to pick from.
    """
    now = now or timezone.now()
    if registrations is not None:
        return _attended_among(learner, registrations, now=now, limit=limit)
    sessions = EventSession.objects.filter(page=OuterRef("event"))
    registrations = list(
        Registration.objects.filter(learner=learner, status=RegistrationStatus.REGISTERED, event__live=True)
        # Events that take attendance here (see EventPage.takes_attendance).
        .filter(event__registration_url="")
        .exclude(event__delivery_method=DeliveryMethod.ON_DEMAND)
        .annotate(last_end=Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]))
        .filter(last_end__lt=now)
        .select_related("event", "event__provider", "event__offering_of", "credit_record")
        .prefetch_related(
            Prefetch("event__sessions", queryset=EventSession.objects.order_by("starts_at", "pk")),
            "attendance",
        )
        .order_by("-last_end", "-pk")[:limit]
    )
    unlinked = _course_records(learner, registrations)
    return [
        _summary(
            registration,
            list(registration.attendance.all()),
            registration.credit_record or unlinked.get(registration.pk),
        )
        for registration in registrations
    ]


def _attended_among(
    learner, registrations: list[Registration], *, now: datetime, limit: int
) -> list[AttendanceSummary]:
    """`attended_events` picked from places already read, with the same tests as its query."""
    past = [
        held
        for held in registrations
        if held.status == RegistrationStatus.REGISTERED
        and held.event.live
        and held.event.registration_url == ""  # events that take attendance here (EventPage.takes_attendance)
        and held.event.delivery_method != DeliveryMethod.ON_DEMAND
        and held.last_end is not None
        and held.last_end < now
    ]
    past.sort(key=lambda held: (held.last_end, held.pk), reverse=True)
    past = past[:limit]
    unlinked = _course_records(learner, past)
    return [_summary(held, list(held.attendance.all()), held.credit_record or unlinked.get(held.pk)) for held in past]
