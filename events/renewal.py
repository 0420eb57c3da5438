"""Events for the renewal tracker: upcoming workshops and webinars that close a licence's missing rules.

Credit owns the hook (`credit.renewal_suggestions`) and knows nothing of events; EventsConfig.ready()
registers `suggest_events` with it. One query for every licence on the page (`selectors.renewal_candidates`),
then, per licence, the rule engine decides which missing rules each event would count towards.
"""

from collections.abc import Sequence
from datetime import date, datetime

from django.utils import timezone

from credit import rules
from credit.renewal_suggestions import LicenceGaps, Suggestion, choose, gaps_closed

from . import regions, schedule, selectors
from .models import EventPage

WEBINAR_PLACE = "Live webinar"


def as_credit(event: EventPage) -> rules.CreditItem:
    """The credit attending the event would earn, as the rule engine reads it (dated its last day)."""
    last = event.last_session
    return rules.CreditItem(
        key=f"event:{event.pk}",
        title=event.title,
        completed_on=schedule.to_local(last.ends_at, event.time_zone).date(),
        hours=event.ce_hours,
        delivery_method=event.delivery_method,
        category_hours={link.category.slug: link.hours for link in event.ce_category_links.all()},
    )


def registration_open(event: EventPage, now: datetime) -> bool:
    """Before the first session, and not after the registration deadline (a day in the event's time zone)."""
    first = event.first_session
    if first is None or first.starts_at <= now:
        return False
    deadline = event.registration_deadline
    return deadline is None or schedule.to_local(now, event.time_zone).date() <= deadline


def _when(event: EventPage) -> str:
    return f"{event.date_range}, {event.time_summary}"


def _rank(event: EventPage, wanted: LicenceGaps) -> tuple[int, bool]:
    """In person in the licence's state first, then webinars, then in person elsewhere (soonest within each)."""
    in_state = event.is_on_site and regions.region_is_state(event.region, wanted.state)
    if in_state:
        return 0, True
    return (1 if event.is_webinar or not wanted.state else 2), False


def suggest_events(
    *, licences: Sequence[LicenceGaps], limit: int, now: datetime | None = None
) -> dict[int, list[Suggestion]]:
    """For each licence, at most `limit` upcoming events that count towards its missing rules.

    Ranked in person in the licence's state first, then webinars, then in person elsewhere, soonest first
    within each; the choice covers as many of the missing rules as it can (`choose`).
    """
    now = now or timezone.now()
    if not licences:
        return {}
    ends_by: date = max(wanted.cycle_end for wanted in licences)
    candidates = selectors.renewal_candidates(
        rules=[gap.rule for wanted in licences for gap in wanted.gaps], ends_by=ends_by, now=now
    )
    events = [(event, as_credit(event)) for event in candidates if registration_open(event, now)]
    found: dict[int, list[Suggestion]] = {}
    for wanted in licences:
        ranked = []
        for event, credit in events:
            closed = gaps_closed(wanted.gaps, credit)
            if not closed or credit.completed_on > wanted.cycle_end:
                continue
            tier, in_state = _rank(event, wanted)
            suggestion = Suggestion(
                title=event.title,
                url=event.url,
                when=_when(event),
                place=(event.place or "In person") if event.is_on_site else WEBINAR_PLACE,
                ce_hours=event.ce_hours,
                helps_with=tuple(gap.label for gap in closed),
                in_state=in_state,
            )
            ranked.append(((tier, event.first_session.starts_at, event.title, event.pk), suggestion))
        ranked.sort(key=lambda pair: pair[0])
        found[wanted.key] = choose([suggestion for _, suggestion in ranked], limit)
    return found
