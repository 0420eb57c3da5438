"""Renewal requirements: how a learner's CE counts against a licensing body's rules. Pure functions, no DB.

The board's numbers (hours per cycle, minimums, caps) arrive as data; this module only knows how such
rules combine:

- Only credit completed inside the cycle counts (both ends included); nothing carries over.
- A course's hours in a category are the hours listed for it there, or all its hours when none are
  listed, so one course can count in two categories (a 3-hour course with 2 h of communication and
  1 h of ethics gives 1 h towards an ethics minimum).
- A cap ("at most 4 self-care hours count") limits how many matching hours reach the cycle total.
  Credit is counted in the order it was earned, so the earliest hours fill a cap first. When two caps
  bite on the same course the excesses are added up (never more than the course's hours): the tracker
  may under-count in that rare case, but it never shows more hours than a board would accept.
- A minimum ("at least 3 ethics hours") is met by counted hours that match it.
"""

from calendar import monthrange
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

ZERO = Decimal("0")
MINIMUM = "minimum"
MAXIMUM = "maximum"


def _dec(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass(frozen=True)
class CreditItem:
    """One piece of credit: a course completed here or CE the learner added from elsewhere."""

    key: str
    title: str
    completed_on: date
    hours: Decimal
    delivery_method: str
    # Category slug → hours in that category; None means all the item's hours count there.
    category_hours: Mapping[str, Decimal | None] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "hours", _dec(self.hours))
        object.__setattr__(
            self,
            "category_hours",
            {slug: (None if hours is None else _dec(hours)) for slug, hours in self.category_hours.items()},
        )

    def hours_in(self, categories: Iterable[str]) -> Decimal:
        """Hours this item carries in any of the categories (never more than the item itself)."""
        total = ZERO
        for slug in categories:
            if slug in self.category_hours:
                listed = self.category_hours[slug]
                total += self.hours if listed is None else min(listed, self.hours)
        return min(total, self.hours)


@dataclass(frozen=True)
class Rule:
    """A minimum or a cap over hours that match categories (any of them) and/or delivery methods."""

    label: str
    kind: str
    hours: Decimal
    categories: frozenset[str] = frozenset()
    delivery_methods: frozenset[str] | None = None

    def __post_init__(self):
        if self.kind not in (MINIMUM, MAXIMUM):
            raise ValueError(f"Unknown rule kind {self.kind!r}")
        object.__setattr__(self, "hours", _dec(self.hours))
        object.__setattr__(self, "categories", frozenset(self.categories))
        if self.delivery_methods is not None:
            object.__setattr__(self, "delivery_methods", frozenset(self.delivery_methods))

    def matching_hours(self, item: CreditItem) -> Decimal:
        """How many of the item's hours this rule looks at."""
        if self.delivery_methods is not None and item.delivery_method not in self.delivery_methods:
            return ZERO
        if self.categories:
            return item.hours_in(self.categories)
        return item.hours


@dataclass(frozen=True)
class Requirement:
    hours_required: Decimal
    rules: tuple[Rule, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "hours_required", _dec(self.hours_required))
        object.__setattr__(self, "rules", tuple(self.rules))


@dataclass(frozen=True)
class ItemOutcome:
    item: CreditItem
    in_cycle: bool
    counted: Decimal  # hours that reach the cycle total
    capped: Decimal  # hours left out because a cap was full


@dataclass(frozen=True)
class RuleProgress:
    rule: Rule
    earned: Decimal  # matching hours earned in the cycle, before caps
    counted: Decimal  # for a minimum: counted hours towards it; for a cap: hours counted under it
    missing: Decimal  # minimum only: hours still needed
    over: Decimal  # cap only: matching hours that did not count

    @property
    def is_minimum(self) -> bool:
        return self.rule.kind == MINIMUM

    @property
    def satisfied(self) -> bool:
        return self.missing == ZERO

    @property
    def percent(self) -> int:
        if self.rule.hours <= ZERO:
            return 100
        return min(100, int(self.counted * 100 / self.rule.hours))


@dataclass(frozen=True)
class Evaluation:
    hours_required: Decimal
    cycle_start: date
    cycle_end: date
    today: date
    items: tuple[ItemOutcome, ...]
    rules: tuple[RuleProgress, ...]
    earned: Decimal  # every hour earned in the cycle
    counted: Decimal  # hours that count after caps

    @property
    def hours_missing(self) -> Decimal:
        return max(ZERO, self.hours_required - self.counted)

    @property
    def minimums_missing(self) -> tuple[RuleProgress, ...]:
        return tuple(progress for progress in self.rules if progress.is_minimum and not progress.satisfied)

    @property
    def hours_still_needed(self) -> Decimal:
        """At least this many more hours are needed (minimums may be met by the same hours as the total)."""
        return max([self.hours_missing, *(progress.missing for progress in self.minimums_missing)])

    @property
    def shortfall(self) -> Decimal:
        """One figure for how far off the requirement is, used to rank suggestions."""
        return self.hours_missing + sum((progress.missing for progress in self.minimums_missing), ZERO)

    @property
    def complete(self) -> bool:
        return self.hours_missing == ZERO and not self.minimums_missing

    @property
    def percent(self) -> int:
        if self.hours_required <= ZERO:
            return 100
        return min(100, int(self.counted * 100 / self.hours_required))

    @property
    def days_left(self) -> int:
        """Days until the cycle ends (0 on the last day, negative once it has passed)."""
        return (self.cycle_end - self.today).days

    @property
    def counted_items(self) -> tuple[ItemOutcome, ...]:
        return tuple(outcome for outcome in self.items if outcome.in_cycle)


def is_valid_month_day(month: int, day: int) -> bool:
    """Whether the day exists in the month every year (29 February does not)."""
    try:
        date(2001, month, day)
    except (TypeError, ValueError):
        return False
    return True


def fixed_cycle_end(cycle_start: date, *, months: int) -> date:
    """The last day of a cycle that starts on cycle_start and lasts `months` whole months.

    1 November 2025 for 24 months ends on 31 October 2027 (the day before the next cycle starts).
    """
    if months < 1:
        raise ValueError("a cycle lasts at least one month")
    month_index = cycle_start.month - 1 + months
    year, month = cycle_start.year + month_index // 12, month_index % 12 + 1
    next_start = date(year, month, min(cycle_start.day, monthrange(year, month)[1]))
    return next_start - timedelta(days=1)


def in_cycle(completed_on: date, cycle_start: date, cycle_end: date) -> bool:
    return cycle_start <= completed_on <= cycle_end


def evaluate(
    requirement: Requirement,
    items: Iterable[CreditItem],
    *,
    cycle_start: date,
    cycle_end: date,
    today: date,
) -> Evaluation:
    """Count the items against the requirement for one cycle, caps applied, minimums checked."""
    if cycle_end < cycle_start:
        raise ValueError("The cycle ends before it starts.")
    caps = [rule for rule in requirement.rules if rule.kind == MAXIMUM]
    minimums = [rule for rule in requirement.rules if rule.kind == MINIMUM]
    cap_used = dict.fromkeys(range(len(caps)), ZERO)
    cap_earned = dict(cap_used)
    min_counted = dict.fromkeys(range(len(minimums)), ZERO)
    min_earned = dict(min_counted)

    outcomes: list[ItemOutcome] = []
    earned = counted_total = ZERO
    for item in sorted(items, key=lambda item: (item.completed_on, item.key)):
        if not in_cycle(item.completed_on, cycle_start, cycle_end):
            outcomes.append(ItemOutcome(item, False, ZERO, ZERO))
            continue
        earned += item.hours
        portions = [cap.matching_hours(item) for cap in caps]
        excesses = [
            max(ZERO, portion - (cap.hours - cap_used[index]))
            for index, (cap, portion) in enumerate(zip(caps, portions, strict=True))
        ]
        counted = item.hours - min(item.hours, sum(excesses, ZERO))
        for index, (portion, excess) in enumerate(zip(portions, excesses, strict=True)):
            cap_earned[index] += portion
            cap_used[index] += min(portion - excess, counted)
        for index, rule in enumerate(minimums):
            portion = rule.matching_hours(item)
            min_earned[index] += portion
            min_counted[index] += min(portion, counted)
        counted_total += counted
        outcomes.append(ItemOutcome(item, True, counted, item.hours - counted))

    progress: list[RuleProgress] = []
    cap_iter = iter(range(len(caps)))
    min_iter = iter(range(len(minimums)))
    for rule in requirement.rules:  # keep the order the administrator gave the rules
        if rule.kind == MAXIMUM:
            index = next(cap_iter)
            progress.append(
                RuleProgress(rule, cap_earned[index], cap_used[index], ZERO, cap_earned[index] - cap_used[index])
            )
        else:
            index = next(min_iter)
            missing = max(ZERO, rule.hours - min_counted[index])
            progress.append(RuleProgress(rule, min_earned[index], min_counted[index], missing, ZERO))

    return Evaluation(
        hours_required=requirement.hours_required,
        cycle_start=cycle_start,
        cycle_end=cycle_end,
        today=today,
        items=tuple(outcomes),
        rules=tuple(progress),
        earned=earned,
        counted=counted_total,
    )


@dataclass(frozen=True)
class Suggestion:
    """A catalogue course and what it would do for the requirement."""

    offer: CreditItem
    gain: Decimal  # how much the shortfall shrinks
    helps_with: tuple[str, ...]  # labels of minimums it moves, plus "total hours"


TOTAL_LABEL = "Total hours"


def suggest(
    requirement: Requirement,
    items: Sequence[CreditItem],
    offers: Iterable[CreditItem],
    *,
    cycle_start: date,
    cycle_end: date,
    today: date,
    limit: int = 5,
) -> list[Suggestion]:
    """Courses that would close the gap, the most useful first (ties: fewer hours, then title).

    Each offer is tried as if completed today; one that would not change the shortfall is left out.
    """
    window = {"cycle_start": cycle_start, "cycle_end": cycle_end}
    before = evaluate(requirement, items, today=today, **window)
    if before.complete or not in_cycle(today, cycle_start, cycle_end):
        return []
    missing_before = {progress.rule: progress.missing for progress in before.minimums_missing}
    found: list[Suggestion] = []
    for offer in offers:
        trial = replace(offer, completed_on=today)
        after = evaluate(requirement, [*items, trial], today=today, **window)
        gain = before.shortfall - after.shortfall
        if gain <= ZERO:
            continue
        helps = [
            progress.rule.label
            for progress in after.rules
            if progress.rule in missing_before and progress.missing < missing_before[progress.rule]
        ]
        if after.hours_missing < before.hours_missing:
            helps.append(TOTAL_LABEL)
        found.append(Suggestion(offer, gain, tuple(helps)))
    found.sort(key=lambda suggestion: (-suggestion.gain, suggestion.offer.hours, suggestion.offer.title))
    return found[:limit]
