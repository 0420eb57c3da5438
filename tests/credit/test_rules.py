"""The renewal rule engine: caps, minimums, two-category courses, cycle boundaries, suggestions."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credit.rules import (
    MAXIMUM,
    MINIMUM,
    CreditItem,
    Requirement,
    Rule,
    evaluate,
    fixed_cycle_end,
    is_valid_month_day,
    suggest,
)

START, END, TODAY = date(2025, 1, 1), date(2026, 12, 31), date(2026, 3, 1)
D = Decimal


def item(key, hours, *, on=date(2025, 6, 1), delivery="live_on_site", categories=None, title=None):
    return CreditItem(
        key=key,
        title=title or key,
        completed_on=on,
        hours=hours,
        delivery_method=delivery,
        category_hours=categories or {},
    )


def run(requirement, items, **window):
    return evaluate(requirement, items, **{"cycle_start": START, "cycle_end": END, "today": TODAY, **window})


NCBTMB = Requirement(
    hours_required=24,
    rules=(Rule("Ethics", MINIMUM, 3, {"ethics"}), Rule("Self-care", MAXIMUM, 4, {"self-care"})),
)


def test_empty_transcript_needs_everything():
    result = run(NCBTMB, [])
    assert result.counted == 0 and result.hours_missing == 24
    assert [progress.missing for progress in result.minimums_missing] == [3]
    assert not result.complete
    assert result.hours_still_needed == 24
    assert result.percent == 0


def test_meeting_total_and_minimum_completes():
    result = run(
        NCBTMB, [item("a", 21, categories={"hands-on-technique": None}), item("b", 3, categories={"ethics": None})]
    )
    assert result.counted == 24
    assert result.complete
    assert result.percent == 100


def test_total_met_but_minimum_missing_is_not_complete():
    result = run(NCBTMB, [item("a", 30, categories={"hands-on-technique": None})])
    assert result.hours_missing == 0
    assert not result.complete
    assert result.minimums_missing[0].missing == 3
    assert result.hours_still_needed == 3


def test_self_care_cap_limits_what_counts():
    result = run(NCBTMB, [item("a", 6, categories={"self-care": None}), item("b", 3, categories={"ethics": None})])
    assert result.earned == 9
    assert result.counted == 7  # 4 of the 6 self-care hours
    cap = result.rules[1]
    assert (cap.counted, cap.over) == (4, 2)
    assert result.items[0].capped == 2


def test_cap_fills_in_the_order_credit_was_earned():
    early = item("early", 3, on=date(2025, 2, 1), categories={"self-care": None})
    late = item("late", 3, on=date(2025, 9, 1), categories={"self-care": None})
    result = run(NCBTMB, [late, early])
    outcomes = {outcome.item.key: outcome for outcome in result.items}
    assert outcomes["early"].counted == 3
    assert outcomes["late"].counted == 1


def test_course_counting_in_two_categories_splits_its_hours():
    communication_ethics = item("c", 3, categories={"communication": D("2"), "ethics": D("1")})
    result = run(NCBTMB, [communication_ethics])
    ethics = result.rules[0]
    assert ethics.counted == 1 and ethics.missing == 2
    assert result.counted == 3


def test_course_counting_all_its_hours_in_two_categories_counts_once_in_total():
    both = item("b", 3, categories={"ethics": None, "laws-rules": None})
    requirement = Requirement(10, (Rule("Ethics", MINIMUM, 2, {"ethics"}), Rule("Laws", MINIMUM, 2, {"laws-rules"})))
    result = run(requirement, [both])
    assert result.counted == 3  # the course is 3 hours, whatever it counts for
    assert all(progress.satisfied for progress in result.rules)


def test_rule_over_several_categories_never_counts_more_than_the_course():
    both = item("b", 2, categories={"ethics": None, "laws-rules": None})
    requirement = Requirement(10, (Rule("Ethics or law", MINIMUM, 4, {"ethics", "laws-rules"}),))
    assert run(requirement, [both]).rules[0].counted == 2


def test_minimum_and_cap_on_the_same_category():
    texas = Requirement(
        12,
        (
            Rule("Human trafficking", MINIMUM, 1, {"human-trafficking"}),
            Rule("Human trafficking counted", MAXIMUM, 3, {"human-trafficking"}),
            Rule("First aid", MAXIMUM, 6, {"first-aid-cpr"}),
        ),
    )
    items = [
        item("ht", 5, categories={"human-trafficking": None}),
        item("cpr", 8, categories={"first-aid-cpr": None}),
    ]
    result = run(texas, items)
    assert result.counted == 9  # 3 + 6
    assert result.rules[0].satisfied
    assert result.hours_missing == 3


def test_live_in_person_minimum_and_online_cap():
    florida = Requirement(
        24,
        (
            Rule("In person", MINIMUM, 12, delivery_methods={"live_on_site"}),
            Rule("Online", MAXIMUM, 12, delivery_methods={"live_webinar", "on_demand"}),
        ),
    )
    items = [item("web", 10, delivery="live_webinar"), item("home", 10, delivery="on_demand"), item("live", 6)]
    result = run(florida, items)
    assert result.counted == 18  # 12 online + 6 in person
    in_person, online = result.rules
    assert in_person.missing == 6
    assert online.over == 8
    assert result.hours_still_needed == 6


def test_florida_live_minimum_counts_only_hands_on_technique():
    # As shipped since credit 0005: Florida's 12 live hours are in person and hands-on, like Georgia's.
    live_hands_on = Rule("Live hands-on", MINIMUM, 12, {"hands-on-technique"}, delivery_methods={"live_on_site"})
    florida = Requirement(24, (live_hands_on,))
    lecture = item("lecture", 8, categories={"ethics": None})
    workshop = item("workshop", 6, categories={"hands-on-technique": D(4), "ethics": D(2)})
    webinar = item("webinar", 6, delivery="live_webinar", categories={"hands-on-technique": None})
    (rule,) = run(florida, [lecture, workshop, webinar]).rules
    assert rule.earned == 4  # only the workshop's hands-on hours
    assert rule.missing == 8


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2025, 11, 1), 24, date(2027, 10, 31)),  # Georgia
        (date(2025, 11, 1), 12, date(2026, 10, 31)),
        (date(2025, 1, 31), 1, date(2025, 2, 27)),  # the next cycle starts on the last day of February
        (date(2023, 3, 1), 12, date(2024, 2, 29)),
    ],
)
def test_fixed_cycle_ends_the_day_before_the_next_one_starts(start, months, end):
    assert fixed_cycle_end(start, months=months) == end


def test_fixed_cycle_needs_a_length_and_a_real_day():
    with pytest.raises(ValueError):
        fixed_cycle_end(date(2025, 11, 1), months=0)
    assert is_valid_month_day(11, 1) and is_valid_month_day(2, 28)
    assert not is_valid_month_day(2, 29) and not is_valid_month_day(4, 31) and not is_valid_month_day(13, 1)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)), st.integers(min_value=1, max_value=120))
def test_fixed_cycles_follow_on_without_gaps(start, months):
    end = fixed_cycle_end(start, months=months)
    assert end >= start
    following = end + timedelta(days=1)
    assert (following.year * 12 + following.month) - (start.year * 12 + start.month) == months


def test_home_study_cap_new_york():
    new_york = Requirement(36, (Rule("Home study", MAXIMUM, 12, delivery_methods={"on_demand"}),))
    items = [item(f"h{n}", 5, delivery="on_demand", on=date(2025, 1, n + 1)) for n in range(4)]
    result = run(new_york, items)
    assert result.counted == 12
    assert [outcome.counted for outcome in result.items] == [5, 5, 2, 0]


def test_two_caps_on_the_same_hours_never_count_twice_over():
    requirement = Requirement(
        36,
        (
            Rule("Self-care", MAXIMUM, 4, {"self-care"}),
            Rule("Home study", MAXIMUM, 12, delivery_methods={"on_demand"}),
        ),
    )
    items = [
        item("home", 12, delivery="on_demand", on=date(2025, 1, 1)),
        item("care", 4, categories={"self-care": None}, on=date(2025, 1, 2)),
        item("both", 2, delivery="on_demand", categories={"self-care": None}, on=date(2025, 1, 3)),
    ]
    result = run(requirement, items)
    assert result.items[2].counted == 0
    assert result.counted == 16


def test_cycle_boundaries_are_inclusive_and_nothing_carries_over():
    items = [
        item("before", 5, on=START - timedelta(days=1)),
        item("first-day", 1, on=START),
        item("last-day", 2, on=END),
        item("after", 7, on=END + timedelta(days=1)),
    ]
    result = run(NCBTMB, items)
    assert result.counted == 3
    assert [outcome.in_cycle for outcome in result.items] == [False, True, True, False]
    assert len(result.counted_items) == 2


def test_days_left_counts_down_and_goes_negative():
    assert run(NCBTMB, []).days_left == (END - TODAY).days
    assert run(NCBTMB, [], today=END).days_left == 0
    assert run(NCBTMB, [], today=END + timedelta(days=3)).days_left == -3


def test_cycle_must_end_after_it_starts():
    with pytest.raises(ValueError):
        run(NCBTMB, [], cycle_start=END, cycle_end=START)


def test_unknown_rule_kind_is_refused():
    with pytest.raises(ValueError):
        Rule("Odd", "sometimes", 1)


def test_half_hours_add_up_exactly():
    result = run(Requirement(2), [item("a", "0.5"), item("b", "1.5")])
    assert result.counted == D("2.0")
    assert result.complete


def test_suggestions_rank_courses_that_close_the_gap():
    ethics = item("course:1", 3, categories={"ethics": None}, title="Ethics in Practice")
    self_care = item("course:2", 3, categories={"self-care": None}, title="Body Mechanics")
    technique = item("course:3", 6, categories={"hands-on-technique": None}, title="Swedish Foundations")
    have = [item("a", 10, categories={"self-care": D("4"), "hands-on-technique": D("6")})]
    found = suggest(NCBTMB, have, [self_care, technique, ethics], cycle_start=START, cycle_end=END, today=TODAY)
    titles = [suggestion.offer.title for suggestion in found]
    # Both shrink the shortfall by 6 (ethics: 3 total + 3 ethics); the shorter course comes first.
    # Self-care is capped out already, so it would not help at all.
    assert titles == ["Ethics in Practice", "Swedish Foundations"]
    assert found[0].helps_with == ("Ethics", "Total hours")
    assert found[1].helps_with == ("Total hours",)


def test_no_suggestions_when_complete_or_cycle_over():
    complete = [item("a", 21), item("b", 3, categories={"ethics": None})]
    offer = item("course:1", 3, categories={"ethics": None})
    assert suggest(NCBTMB, complete, [offer], cycle_start=START, cycle_end=END, today=TODAY) == []
    assert suggest(NCBTMB, [], [offer], cycle_start=START, cycle_end=END, today=END + timedelta(days=1)) == []


# ---------------------------------------------------------------------------------------------
# Properties over random transcripts
# ---------------------------------------------------------------------------------------------

CATEGORIES = ["ethics", "self-care", "hands-on-technique", "first-aid-cpr"]
DELIVERIES = ["live_on_site", "live_webinar", "on_demand"]

half_hours = st.integers(min_value=1, max_value=40).map(lambda n: D(n) / 2)
items_strategy = st.lists(
    st.builds(
        lambda n, hours, day, delivery, cats: item(
            f"i{n}", hours, on=START + timedelta(days=day), delivery=delivery, categories=dict.fromkeys(cats)
        ),
        st.integers(0, 10_000),
        half_hours,
        st.integers(-60, 800),
        st.sampled_from(DELIVERIES),
        st.sets(st.sampled_from(CATEGORIES), max_size=2),
    ),
    max_size=12,
    unique_by=lambda credit: credit.key,
)
rules_strategy = st.lists(
    st.builds(
        lambda label, kind, hours, cats, deliveries: Rule(label, kind, hours, cats, deliveries),
        st.sampled_from(["A", "B", "C", "D"]),
        st.sampled_from([MINIMUM, MAXIMUM]),
        st.integers(0, 20),
        st.sets(st.sampled_from(CATEGORIES), max_size=2),
        st.one_of(st.none(), st.sets(st.sampled_from(DELIVERIES), min_size=1).map(frozenset)),
    ),
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(items=items_strategy, rules=rules_strategy, required=st.integers(1, 48))
def test_properties_of_any_evaluation(items, rules, required):
    result = run(Requirement(required, tuple(rules)), items)
    in_cycle = [credit for credit in items if START <= credit.completed_on <= END]
    # Counted hours are never more than earned, and each item counts between 0 and its hours.
    assert 0 <= result.counted <= result.earned == sum((credit.hours for credit in in_cycle), D(0))
    for outcome in result.items:
        assert 0 <= outcome.counted <= outcome.item.hours
        assert outcome.counted + outcome.capped == (outcome.item.hours if outcome.in_cycle else 0)
    # No cap is ever exceeded, and minimums never count more than the counted total.
    for progress in result.rules:
        if progress.rule.kind == MAXIMUM:
            assert progress.counted <= progress.rule.hours
        else:
            assert progress.counted <= result.counted
            assert progress.missing == max(D(0), progress.rule.hours - progress.counted)
    assert result.complete == (result.hours_missing == 0 and all(p.satisfied for p in result.rules if p.is_minimum))


@settings(max_examples=100, deadline=None)
@given(items=items_strategy, extra=items_strategy, rules=rules_strategy)
def test_more_credit_never_lowers_the_count_without_caps(items, extra, rules):
    minimums_only = tuple(rule for rule in rules if rule.kind == MINIMUM)
    requirement = Requirement(24, minimums_only)
    keys = {credit.key for credit in items}
    more = items + [credit for credit in extra if credit.key not in keys]
    assert run(requirement, more).counted >= run(requirement, items).counted
    assert run(requirement, more).shortfall <= run(requirement, items).shortfall


@settings(max_examples=100, deadline=None)
@given(items=items_strategy, rules=rules_strategy)
def test_order_of_input_does_not_matter(items, rules):
    requirement = Requirement(24, tuple(rules))
    assert run(requirement, items).counted == run(requirement, list(reversed(items))).counted
