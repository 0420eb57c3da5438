"""Read queries for event listings, shaped so a page costs the same queries however many events it shows."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from courses.choices import DeliveryMethod
from courses.models import CECategory, CoursePage
from credit.rules import Rule

from .choices import EventStatus, RegistrationStatus
from .models import EventCECategory, EventCourseLink, EventPage, EventSession, ProviderPage, Registration

HOME_EVENT_COUNT = 3
COURSE_EVENT_COUNT = 3
PROVIDER_EVENT_COUNT = 12
# The renewal tracker looks at no more than this many upcoming events, soonest first.
RENEWAL_CANDIDATE_COUNT = 100


def listed_events() -> QuerySet[EventPage]:
    """Live events whose provider's profile is live too (a provider is public once approved)."""
    return EventPage.objects.live().filter(provider__live=True)


def with_schedule(events: QuerySet[EventPage], now: datetime | None = None) -> QuerySet[EventPage]:
    """Annotate first_start, last_end and next_start (the first session not yet over) from the sessions."""
    now = now or timezone.now()
    sessions = EventSession.objects.filter(page=OuterRef("pk"))
    return events.annotate(
        first_start=Subquery(sessions.order_by("starts_at").values("starts_at")[:1]),
        last_end=Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]),
        next_start=Subquery(sessions.filter(ends_at__gte=now).order_by("starts_at").values("starts_at")[:1]),
    )


def upcoming(events: QuerySet[EventPage], now: datetime | None = None) -> QuerySet[EventPage]:
    """Events not over yet (including ones under way), soonest first."""
    now = now or timezone.now()
    return with_schedule(events, now).filter(last_end__gte=now).order_by("next_start", "title", "pk")


def past(events: QuerySet[EventPage], now: datetime | None = None) -> QuerySet[EventPage]:
    """Events that have ended, most recent first."""
    now = now or timezone.now()
    return with_schedule(events, now).filter(last_end__lt=now).order_by("-last_end", "title", "pk")


def filter_events(
    events: QuerySet[EventPage],
    *,
    category: CECategory | None = None,
    delivery: str | None = None,
    hands_on: bool = False,
    region: str | None = None,
    city: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    min_hours: Decimal | None = None,
    provider: ProviderPage | None = None,
) -> QuerySet[EventPage]:
    """Narrow a listing. Dates are local to each event: "from 14 March" means 14 March where it happens."""
    if category is not None:
        events = events.filter(Exists(EventCECategory.objects.filter(page=OuterRef("pk"), category=category)))
    if delivery:
        events = events.filter(delivery_method=delivery)
    if hands_on:
        events = events.filter(hands_on=True)
    if region:
        events = events.filter(region__iexact=region)
    if city and city.strip():
        events = events.filter(city__icontains=city.strip())
    if date_from or date_to:
        sessions = EventSession.objects.filter(page=OuterRef("pk"))
        if date_from:
            sessions = sessions.filter(ends_on__gte=date_from)
        if date_to:
            sessions = sessions.filter(starts_on__lte=date_to)
        events = events.filter(Exists(sessions))
    if min_hours is not None:
        events = events.filter(ce_hours__gte=min_hours)
    if provider is not None:
        events = events.filter(provider=provider)
    return events


def with_card_data(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """Everything a card, the event page or a calendar entry shows, in a fixed number of queries."""
    return events.select_related("provider").prefetch_related(
        Prefetch("sessions", queryset=EventSession.objects.order_by("starts_at", "pk")),
        Prefetch("ce_category_links", queryset=EventCECategory.objects.select_related("category")),
        "instructors",
    )


def next_events(limit: int = HOME_EVENT_COUNT) -> list[EventPage]:
    """What the home page shows: the next events that are going ahead."""
    events = upcoming(listed_events().exclude(status=EventStatus.CANCELLED))
    return list(with_card_data(events)[:limit])


def related_events(course: CoursePage, limit: int = COURSE_EVENT_COUNT) -> list[EventPage]:
    """Upcoming events for a course page: ones linked to it first, then ones in the same CE categories."""
    explicit = Exists(EventCourseLink.objects.filter(page=OuterRef("pk"), course=course))
    shared_category = Exists(EventCECategory.objects.filter(page=OuterRef("pk"), category__course_links__page=course))
    events = (
        upcoming(listed_events().exclude(status=EventStatus.CANCELLED))
        .annotate(is_linked=explicit)
        .filter(Q(is_linked=True) | shared_category)
        # A live course lists its own offerings in a panel of their own (course_offerings).
        .exclude(offering_of=course)
        .order_by("-is_linked", "next_start", "title", "pk")
    )
    return list(with_card_data(events)[:limit])


def course_offerings(course: CoursePage) -> list[EventPage]:
    """Scheduled offerings of a live course not over yet and going ahead, soonest first."""
    events = upcoming(listed_events().filter(offering_of=course).exclude(status=EventStatus.CANCELLED))
    return list(with_card_data(events))


def provider_events(provider: ProviderPage, limit: int = PROVIDER_EVENT_COUNT) -> list[EventPage]:
    return list(with_card_data(upcoming(listed_events().filter(provider=provider)))[:limit])


def listed_regions() -> list[str]:
    """States and regions that listed events take place in, for the region filter."""
    regions = listed_events().exclude(region="").order_by("region").values_list("region", flat=True).distinct()
    seen: dict[str, str] = {}
    for region in regions:
        seen.setdefault(region.strip().casefold(), region.strip())
    return sorted(seen.values(), key=str.casefold)


def listed_providers() -> QuerySet[ProviderPage]:
    return ProviderPage.objects.live().order_by("title")


def event_by_uid(uid) -> EventPage | None:
    return with_card_data(listed_events().filter(uid=uid)).first()


def _could_count_towards(rule: Rule) -> Q | None:
    """Events whose credit a rule could count: its ways of studying and any of its categories (None: every event)."""
    condition = Q()
    if rule.delivery_methods is not None:
        condition &= Q(delivery_method__in=rule.delivery_methods)
    if rule.categories:
        condition &= Q(
            Exists(EventCECategory.objects.filter(page=OuterRef("pk"), category__slug__in=sorted(rule.categories)))
        )
    return condition or None


def renewal_candidates(*, rules: Iterable[Rule], ends_by: date, now: datetime | None = None) -> list[EventPage]:
    """Upcoming live events a learner can still register for that could count towards any of `rules`.

    Going ahead (not cancelled, postponed or full), listed (page and provider live), live (in person or
    webinar), first session still ahead, registration deadline not past, and over by `ends_by` (the
    latest cycle end asked about). Soonest first, with sessions and CE categories: three queries
    whatever the number of rules. Dates are days in each event's own time zone, so the deadline and the
    end are filtered a day wide here and exactly by the caller, which knows each event's zone.
    """
    now = now or timezone.now()
    conditions = [_could_count_towards(rule) for rule in rules]
    if not conditions:
        return []
    events = with_schedule(
        listed_events().filter(
            status=EventStatus.SCHEDULED,
            delivery_method__in=(DeliveryMethod.LIVE_ON_SITE, DeliveryMethod.LIVE_WEBINAR),
        ),
        now,
    )
    if None not in conditions:
        events = events.filter(reduce(or_, conditions))
    events = events.filter(
        Q(registration_deadline__isnull=True) | Q(registration_deadline__gte=now.astimezone(UTC).date() - timedelta(1)),
        first_start__gt=now,
        last_end__lt=datetime.combine(ends_by + timedelta(days=2), time.min, tzinfo=UTC),
    )
    events = events.order_by("first_start", "title", "pk").prefetch_related(
        Prefetch("sessions", queryset=EventSession.objects.order_by("starts_at", "pk")),
        Prefetch("ce_category_links", queryset=EventCECategory.objects.select_related("category")),
    )
    return list(events[:RENEWAL_CANDIDATE_COUNT])


# -- registrations ------------------------------------------------------------------------------


def live_event_by_uid(uid) -> EventPage | None:
    """A listed event (live, under a live provider) by its calendar ID, for the registration forms."""
    return listed_events().filter(uid=uid).first()


def active_registration(*, event: EventPage, learner) -> Registration | None:
    if not learner.is_authenticated:
        return None
    return Registration.objects.active().filter(event=event, learner=learner).first()


def waiting_place(registration: Registration) -> int | None:
    """1 for the first person on the waiting list, and so on; None when not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = (
        Registration.objects.waiting()
        .filter(event_id=registration.event_id)
        .filter(
            Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
    )
    return ahead.count() + 1


def held_places(*, learner, events: list[EventPage]) -> dict[int, str]:
    """The learner's active registration status ("registered" or "waiting") at each of `events`, by event id."""
    if not events:
        return {}
    rows = Registration.objects.active().filter(learner=learner, event__in=events).values_list("event_id", "status")
    return dict(rows)


def places_taken(event: EventPage) -> int:
    return Registration.objects.registered().filter(event=event).count()


def learner_registrations(*, learner) -> list[Registration]:
    """Every place the learner holds or waits for, read once for the dashboard's events panel.

    Each comes with its event (provider, offering, sessions in time order), its attendance and credit
    record, `first_start` and `last_end` of its sessions, and `place` on a waiting list: what `my_events`,
    `attendance_selectors.attended_events` and `attendance_credit.settle_ended_among` each need, so the
    panel reads the learner's places in one go rather than three times. The first start and last end come
    from the sessions already read, and places in line from one more query only for a learner who waits
    somewhere (subqueries on every place cost the dashboard more to build than they saved).
    """
    registrations = (
        Registration.objects.active()
        .filter(learner=learner)
        .select_related("event", "event__provider", "event__offering_of", "credit_record")
        .prefetch_related(
            Prefetch("event__sessions", queryset=EventSession.objects.order_by("starts_at", "pk")), "attendance"
        )
    )
    result = list(registrations)
    for registration in result:
        sessions = list(registration.event.sessions.all())
        registration.first_start = sessions[0].starts_at if sessions else None
        registration.last_end = max((session.ends_at for session in sessions), default=None)
        registration.place = None
    waiting = [registration for registration in result if registration.status == RegistrationStatus.WAITING]
    if waiting:
        places = _waiting_places([registration.pk for registration in waiting])
        for registration in waiting:
            registration.place = places.get(registration.pk, 0) + 1
    return result


def _waiting_ahead() -> Subquery:
    """How many people wait ahead of the outer registration on its event's waiting list (first come, first
    served; the id settles two sign-ups in the same instant)."""
    return Subquery(
        Registration.objects.waiting()
        .filter(event=OuterRef("event"))
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )


def _waiting_places(registration_ids: list[int]) -> dict[int, int]:
    """How many people wait ahead of each of these waiting registrations, in one query."""
    rows = (
        Registration.objects.filter(pk__in=registration_ids).annotate(ahead=_waiting_ahead()).values_list("pk", "ahead")
    )
    return {pk: ahead or 0 for pk, ahead in rows}


def my_events(
    *, learner, now: datetime | None = None, registrations: list[Registration] | None = None
) -> list[Registration]:
    """The learner's active registrations for events not yet over, soonest first, each with `place` set.

    `registrations`: the learner's places as `learner_registrations` read them, to pick from instead.
    """
    now = now or timezone.now()
    if registrations is not None:
        upcoming = [held for held in registrations if held.last_end is not None and held.last_end >= now]
        return sorted(upcoming, key=lambda held: (held.first_start, held.pk))
    sessions = EventSession.objects.filter(page=OuterRef("event"))
    registrations = (
        Registration.objects.active()
        .filter(learner=learner)
        .annotate(
            ahead=_waiting_ahead(),
            first_start=Subquery(sessions.order_by("starts_at").values("starts_at")[:1]),
            last_end=Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]),
        )
        .filter(last_end__gte=now)
        .select_related("event", "event__provider")
        .prefetch_related("event__sessions")
        .order_by("first_start", "pk")
    )
    result = list(registrations)
    for registration in result:
        registration.place = (
            (registration.ahead or 0) + 1 if registration.status == RegistrationStatus.WAITING else None
        )
    return result
