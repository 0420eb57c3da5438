"""Upcoming events that would close a licence's missing rules: a hook credit owns, filled from above.

credit sits below events (docs/architecture.md), so the renewal tracker cannot ask for workshops
itself. An app above registers a suggester here from its AppConfig.ready():

    register_gap_suggester("events", events_for_gaps)

`provider(*, licences, limit)` receives one `LicenceGaps` per licence that still misses a minimum
rule and returns, for each licence's `key`, at most `limit` `Suggestion`s, the most useful first. It is
called once per page for every licence together, so a page costs the same queries however many
licences it shows.

Pure: plain data and plain functions, no Django and no models, like `credit.rules`, which decides
what a piece of credit counts towards; `gaps_closed` asks the same question of something not yet taken.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import rules


@dataclass(frozen=True)
class Gap:
    """A minimum rule (live hours, hands-on technique, medical errors…) a licence still misses."""

    rule: rules.Rule
    missing: Decimal

    @property
    def label(self) -> str:
        return self.rule.label


@dataclass(frozen=True)
class LicenceGaps:
    """What one licence still needs, for a suggester: its missing rules, its state and its cycle."""

    key: int  # the licence's id; suggestions come back under it
    state: str  # the licensing body's two-letter state ("FL"); blank for a national certification
    cycle_end: date  # credit completed after this day no longer counts for the cycle
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class Suggestion:
    """Something a learner can sign up for, as the renewal tracker lists it."""

    title: str
    url: str
    when: str  # dates (and times) in the event's own time zone
    place: str  # "Tampa, Florida" or "Live webinar"
    ce_hours: Decimal
    helps_with: tuple[str, ...]  # labels of the missing rules it counts towards
    in_state: bool = False  # in person, in the licence's state


def gaps_of(evaluation: rules.Evaluation) -> tuple[Gap, ...]:
    """The minimums an evaluated cycle still misses, in the administrator's order."""
    return tuple(Gap(progress.rule, progress.missing) for progress in evaluation.minimums_missing)


def gaps_closed(gaps: Sequence[Gap], offer: rules.CreditItem) -> tuple[Gap, ...]:
    """The gaps some of the offer's hours would count towards, by the same rules that count credit.

    A live webinar never closes an in-person rule, and an event listed under ethics only never closes
    a medical-errors one; an offer whose hours match a rule moves it, however few the hours.
    """
    return tuple(gap for gap in gaps if gap.rule.matching_hours(offer) > rules.ZERO)


def choose(ranked: Sequence[Suggestion], limit: int) -> list[Suggestion]:
    """At most `limit` of the ranked suggestions, spread over the missing rules, kept in rank order.

    The best-ranked suggestion for each rule comes first in the choice, so three workshops for the
    in-person rule don't crowd out the only webinar on medical errors; the remaining places go by rank.
    """
    chosen: list[int] = []
    covered: set[str] = set()
    for index, suggestion in enumerate(ranked):
        if len(chosen) < limit and not covered.issuperset(suggestion.helps_with):
            chosen.append(index)
            covered.update(suggestion.helps_with)
    for index in range(len(ranked)):
        if len(chosen) >= limit:
            break
        if index not in chosen:
            chosen.append(index)
    return [ranked[index] for index in sorted(chosen)]


Suggester = Callable[..., Mapping[int, Sequence[Suggestion]]]
_suggesters: dict[str, Suggester] = {}


def register_gap_suggester(name: str, provider: Suggester) -> None:
    """`provider(*, licences, limit)` suggests for each licence; registering a name again replaces it."""
    _suggesters[name] = provider


def unregister_gap_suggester(name: str) -> None:
    _suggesters.pop(name, None)


def suggestions_for(licences: Sequence[LicenceGaps], *, limit: int) -> dict[int, list[Suggestion]]:
    """Every registered suggester's suggestions per licence key, at most `limit` each (none: empty lists)."""
    found: dict[int, list[Suggestion]] = {wanted.key: [] for wanted in licences}
    wanting = [wanted for wanted in licences if wanted.gaps]
    if not wanting:
        return found
    for provider in _suggesters.values():
        for key, suggestions in provider(licences=wanting, limit=limit).items():
            if key in found:
                found[key].extend(suggestions)
    return {key: suggestions[:limit] for key, suggestions in found.items()}
