"""A provider's events in figures: places taken, the waiting list, who came, and the CE credit it earned.

Read for the provider's events report (one line per event, totals over a date range), one event's report
(sign-ups over time, attendance per session) and the provider's "Upcoming events" panel. Every figure is
an SQL aggregate, so a report costs the same queries however many events and registrations it covers.

The attendance words follow the rule credit follows (events/attendance_rules.py), over registrations that
hold a place:

- attended in full: present for the whole of every session: their credit follows;
- attended partly: present for some of it (left early, came late, missed a day): no credit;
- no-show: attendance was taken and they were never marked present;
- not recorded: no attendance taken for them yet (an event still to come, or a roster left unmarked).

Credit issued counts the credit records attendance earned: a standalone workshop's own record, or, for an
offering of a live course, the course record it completed (linked to the registration, or issued later
when the course's quiz was passed, on the offering's last session).

Selectors only: nothing here writes. Credit for an ended event is settled when its attendance page is
opened, or by the task queued when attendance was marked, so a report never issues credit itself.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from wagtail.permission_policies.pages import PagePermissionPolicy

from credit.models import CreditRecord
from events import schedule
from events.choices import RegistrationStatus
from events.models import EventPage, EventSession, ProviderPage, Registration, SessionAttendance

UPCOMING_PANEL_COUNT = 5
# Sign-ups are counted per day when they spread over no more than this many days, per week beyond it.
DAILY_UP_TO_DAYS = 42
# Per week, the oldest weeks beyond this many are counted together as "earlier".
WEEKS_SHOWN = 52


class SessionMinutes(Func):
    """A session's length in whole minutes, in SQL (EventSession.length_minutes, for a joined session)."""

    output_field = IntegerField()

    def __init__(self, prefix: str = "session__", **extra):
        # ends − starts: the SQL below subtracts the second expression from the first.
        super().__init__(F(f"{prefix}ends_at"), F(f"{prefix}starts_at"), **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(CAST(ROUND((julianday(%(expressions)s)) * 86400) AS INTEGER) / 60)",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(FLOOR(EXTRACT(EPOCH FROM (%(expressions)s)) / 60) AS INTEGER)",
            arg_joiner=" - ",
            **extra,
        )


# -- whose events ---------------------------------------------------------------------------------------


def reportable_events(user) -> QuerySet[EventPage]:
    """The events whose report this user may read: those they may edit (their provider's team, course editors,
    who review events), or every event for a superuser. The same rule as the registrations and attendance
    pages (events.admin.registrations.can_see_registrations), so a listed event's report always opens."""
    if not user.is_authenticated or not user.is_active:
        return EventPage.objects.none()
    if user.is_superuser:
        return EventPage.objects.all()
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    return EventPage.objects.filter(pk__in=pages.values("pk"))


def can_read_reports(user) -> bool:
    """Whether the events report is for this user at all: a superuser, or someone who may edit an event or a
    provider page (a provider's team, course editors)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    return (
        EventPage.objects.filter(pk__in=pages.values("pk")).exists()
        or ProviderPage.objects.filter(pk__in=pages.values("pk")).exists()
    )


def providers_of(user) -> QuerySet[ProviderPage]:
    """The providers whose team this account is on (its provider group; see events.services)."""
    if not user.is_authenticated:
        return ProviderPage.objects.none()
    return ProviderPage.objects.filter(team_group__user=user)


# -- per event figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attendance:
    in_full: int = 0
    partly: int = 0
    no_show: int = 0
    not_recorded: int = 0

    @property
    def recorded(self) -> int:
        return self.in_full + self.partly + self.no_show


@dataclass(frozen=True)
class EventFigures:
    event: EventPage
    first_day: date | None
    last_day: date | None
    capacity: int | None
    registered: int  # holding a place (confirmed)
    waiting: int
    cancelled: int
    attendance: Attendance
    credits: int  # credit records issued for attending it
    credit_hours: Decimal

    @property
    def dates(self) -> str:
        if self.first_day is None:
            return ""
        return schedule.format_date_range(self.first_day, self.last_day or self.first_day)

    @property
    def fill_rate(self) -> int | None:
        """Places taken as a whole percentage of capacity; None when places are unlimited."""
        if not self.capacity:
            return None
        return round(100 * self.registered / self.capacity)

    @property
    def registers_here(self) -> bool:
        """False for an event that takes registration on the provider's own site: Touchstone counts nobody."""
        return not self.event.registration_url

    @property
    def is_past(self) -> bool:
        return self.last_day is not None and self.last_day < timezone.localdate()


def _registration_figures(event_ids: list[int]) -> dict[int, dict]:
    """Per event: places, waiting list, cancellations, attendance and credit, in one aggregate query."""
    placed = Q(status=RegistrationStatus.REGISTERED)
    attendance = SessionAttendance.objects.filter(registration=OuterRef("pk")).order_by()
    in_full = attendance.filter(present=True).annotate(length=SessionMinutes())
    in_full = in_full.filter(Q(minutes_attended__isnull=True) | Q(minutes_attended__gte=F("length")))

    def count_of(rows) -> Coalesce:
        return Coalesce(Subquery(rows.values("registration").annotate(n=Count("pk")).values("n")[:1]), 0)

    sessions = EventSession.objects.filter(page=OuterRef("event")).order_by()
    last_end = sessions.order_by("-ends_at").values("ends_at")[:1]
    # An offering's course record issued after the event (its quiz passed later) is not linked to the place.
    course_record = CreditRecord.objects.filter(
        user=OuterRef("learner"), course=OuterRef("event__offering_of"), completed_at=OuterRef("last_end")
    )
    rows = (
        Registration.objects.filter(event_id__in=event_ids)
        .order_by()
        .annotate(
            session_count=Coalesce(Subquery(sessions.values("page").annotate(n=Count("pk")).values("n")[:1]), 0),
            sessions_in_full=count_of(in_full),
            sessions_present=count_of(attendance.filter(present=True)),
            sessions_marked=count_of(attendance),
            last_end=Subquery(last_end),
            course_hours=Subquery(course_record.values("ce_hours")[:1]),
        )
        .annotate(
            credited=Q(credit_record__isnull=False) | Q(event__offering_of__isnull=False, course_hours__isnull=False)
        )
        .values("event_id")
        .annotate(
            registered=Count("pk", filter=placed),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            in_full=Count("pk", filter=placed & Q(session_count__gt=0, sessions_in_full__gte=F("session_count"))),
            present=Count("pk", filter=placed & Q(sessions_present__gt=0)),
            no_show=Count("pk", filter=placed & Q(sessions_marked__gt=0, sessions_present=0)),
            not_recorded=Count("pk", filter=placed & Q(sessions_marked=0)),
            credits=Count("pk", filter=Q(credited=True)),
            credit_hours=Sum(
                Coalesce("credit_record__ce_hours", "course_hours"),
                output_field=DecimalField(max_digits=9, decimal_places=1),
            ),
        )
        .order_by("event_id")
    )
    return {row.pop("event_id"): row for row in rows}


def _figures(event: EventPage, row: dict | None) -> EventFigures:
    row = row or {}
    in_full = row.get("in_full", 0)
    return EventFigures(
        event=event,
        first_day=event.first_day,
        last_day=event.last_day,
        capacity=event.capacity,
        registered=row.get("registered", 0),
        waiting=row.get("waiting", 0),
        cancelled=row.get("cancelled", 0),
        attendance=Attendance(
            in_full=in_full,
            # Present for some of it but not the whole of every session.
            partly=row.get("present", 0) - in_full,
            no_show=row.get("no_show", 0),
            not_recorded=row.get("not_recorded", 0),
        ),
        credits=row.get("credits", 0),
        credit_hours=row.get("credit_hours") or Decimal("0"),
    )


def with_days(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """Annotate first_day and last_day (local calendar days, in the event's zone) and first_start."""
    return events.annotate(
        first_day=Min("sessions__starts_on"), last_day=Max("sessions__ends_on"), first_start=Min("sessions__starts_at")
    )


def event_figures(
    *, events: QuerySet[EventPage], start: date | None = None, end: date | None = None
) -> list[EventFigures]:
    """Each event held (in part) between `start` and `end` (either may be open), soonest first, with its
    figures. Events without sessions have no dates and are left out. Two queries, however many events."""
    events = with_days(events).filter(first_day__isnull=False)
    if start is not None:
        events = events.filter(last_day__gte=start)
    if end is not None:
        events = events.filter(first_day__lte=end)
    events = list(events.select_related("provider").order_by("first_start", "title", "pk"))
    rows = _registration_figures([event.pk for event in events]) if events else {}
    return [_figures(event, rows.get(event.pk)) for event in events]


@dataclass(frozen=True)
class Totals:
    events: int
    capacity: int  # places offered by the events that have a limit
    registered: int
    registered_limited: int  # places taken at the events that have a limit (what fill rate compares)
    waiting: int
    cancelled: int
    attendance: Attendance
    credits: int
    credit_hours: Decimal

    @property
    def fill_rate(self) -> int | None:
        if not self.capacity:
            return None
        return round(100 * self.registered_limited / self.capacity)


def totals(figures: Iterable[EventFigures]) -> Totals:
    """The figures added up (over the lines already read: no query)."""
    figures = list(figures)
    limited = [line for line in figures if line.capacity]
    return Totals(
        events=len(figures),
        capacity=sum(line.capacity for line in limited),
        registered=sum(line.registered for line in figures),
        registered_limited=sum(line.registered for line in limited),
        waiting=sum(line.waiting for line in figures),
        cancelled=sum(line.cancelled for line in figures),
        attendance=Attendance(
            in_full=sum(line.attendance.in_full for line in figures),
            partly=sum(line.attendance.partly for line in figures),
            no_show=sum(line.attendance.no_show for line in figures),
            not_recorded=sum(line.attendance.not_recorded for line in figures),
        ),
        credits=sum(line.credits for line in figures),
        credit_hours=sum((line.credit_hours for line in figures), Decimal("0")),
    )


def one_event_figures(*, event: EventPage) -> EventFigures:
    event = with_days(EventPage.objects.filter(pk=event.pk)).select_related("provider").get()
    return _figures(event, _registration_figures([event.pk]).get(event.pk))


def upcoming_events(*, events: QuerySet[EventPage], limit: int = UPCOMING_PANEL_COUNT, today: date | None = None):
    """The next events not over yet, soonest first, with their figures (the provider's home panel)."""
    today = today or timezone.localdate()
    events = with_days(events).filter(last_day__gte=today).exclude(status="cancelled")
    events = list(events.select_related("provider").order_by("first_start", "title", "pk")[:limit])
    rows = _registration_figures([event.pk for event in events]) if events else {}
    return [_figures(event, rows.get(event.pk)) for event in events]


# -- one event: sign-ups over time and attendance per session --------------------------------------------


@dataclass(frozen=True)
class Period:
    label: str  # "Mon 9 Mar" or "Week of 9 Mar 2026"
    starts_on: date
    registrations: int
    unit: str = "day"  # "day" or "week"


def _day_label(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def signups_over_time(*, event: EventPage, first_day: date | None, today: date | None = None) -> list[Period]:
    """Registrations made (whatever became of them) per day, or per week when sign-ups spread over more than
    six weeks, from the first sign-up to the event's first day (or today, if sooner). Days are the event's."""
    counts = dict(
        Registration.objects.filter(event=event)
        .annotate(day=TruncDate("created_at", tzinfo=schedule.get_zone(event.time_zone)))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
        .values_list("day", "n")
    )
    if not counts:
        return []
    today = today or timezone.localdate(timezone=schedule.get_zone(event.time_zone))  # the event's today too
    begin = min(counts)
    finish = max(max(counts), min(first_day or today, today))
    if (finish - begin).days <= DAILY_UP_TO_DAYS:
        days = [begin + timedelta(days=n) for n in range((finish - begin).days + 1)]
        return [Period(_day_label(day), day, counts.get(day, 0)) for day in days]
    week_of = {day: day - timedelta(days=day.weekday()) for day in counts}
    first_week, last_week = begin - timedelta(days=begin.weekday()), finish - timedelta(days=finish.weekday())
    weeks = [first_week + timedelta(weeks=n) for n in range((last_week - first_week).days // 7 + 1)]
    by_week = dict.fromkeys(weeks, 0)
    for day, n in counts.items():
        by_week[week_of[day]] += n
    periods = [Period(f"Week of {week.day} {week:%b %Y}", week, by_week[week], "week") for week in weeks]
    if len(periods) > WEEKS_SHOWN:
        older, periods = periods[:-WEEKS_SHOWN], periods[-WEEKS_SHOWN:]
        earlier = Period("Earlier", older[0].starts_on, sum(period.registrations for period in older), "week")
        periods = [earlier, *periods]
    return periods


@dataclass(frozen=True)
class SessionAttendanceLine:
    session: EventSession
    in_full: int
    partly: int
    absent: int
    not_recorded: int


def session_attendance(*, event: EventPage, places: int) -> list[SessionAttendanceLine]:
    """Each session with how many of the `places` were present for all of it, part of it, absent, or not yet
    marked. One query, however many people registered."""
    length = SessionMinutes()
    whole = Q(present=True) & (Q(minutes_attended__isnull=True) | Q(minutes_attended__gte=F("length")))
    counts = {
        row["session_id"]: row
        for row in SessionAttendance.objects.filter(
            session__page=event, registration__status=RegistrationStatus.REGISTERED
        )
        .annotate(length=length)
        .values("session_id")
        .annotate(
            # Named apart from the `present` field, which the filters read.
            whole_n=Count("pk", filter=whole),
            present_n=Count("pk", filter=Q(present=True)),
            absent_n=Count("pk", filter=Q(present=False)),
        )
        .order_by("session_id")
    }
    lines = []
    for session in event.session_list:
        row = counts.get(session.pk, {"whole_n": 0, "present_n": 0, "absent_n": 0})
        marked = row["present_n"] + row["absent_n"]
        lines.append(
            SessionAttendanceLine(
                session=session,
                in_full=row["whole_n"],
                partly=row["present_n"] - row["whole_n"],
                absent=row["absent_n"],
                not_recorded=max(places - marked, 0),
            )
        )
    return lines


def report_day(value: datetime | date | None) -> str:
    """A day as reports print it: 9 Mar 2026."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return f"{day.day} {day:%b %Y}"
