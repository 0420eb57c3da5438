"""The renewal tracker's gap-suggestion hook: which missing rules an offer closes (pure), and the registry."""

from datetime import date
from decimal import Decimal

import pytest

from credit import renewal_suggestions as hook
from credit import rules

TODAY = date(2026, 6, 1)
CYCLE = {"cycle_start": date(2025, 9, 1), "cycle_end": date(2027, 8, 31), "today": TODAY}
LIVE = frozenset({"live_on_site", "live_webinar"})
IN_PERSON = frozenset({"live_on_site"})

FLORIDA = rules.Requirement(
    hours_required=24,
    rules=(
        rules.Rule("Prevention of medical errors", rules.MINIMUM, 2, categories={"medical-errors"}),
        rules.Rule("Ethics", rules.MINIMUM, 2, categories={"ethics"}),
        rules.Rule("Human trafficking", rules.MINIMUM, 1, categories={"human-trafficking"}),
        rules.Rule("Live, in-person hands-on", rules.MINIMUM, 12, {"hands-on-technique"}, IN_PERSON),
        rules.Rule("Online hours", rules.MAXIMUM, 12, delivery_methods={"live_webinar", "on_demand"}),
    ),
)


def item(key, hours, delivery, categories, on=TODAY):
    return rules.CreditItem(key, key, on, Decimal(hours), delivery, categories)


def florida_gaps(*earned: rules.CreditItem) -> tuple[hook.Gap, ...]:
    return hook.gaps_of(rules.evaluate(FLORIDA, earned, **CYCLE))


def labels(gaps) -> set[str]:
    return {gap.label for gap in gaps}


def test_gaps_are_the_missing_minimums_with_what_is_missing():
    gaps = florida_gaps(item("ethics", "2", "live_webinar", {"ethics": None}), item("w", "8", "live_on_site", {}))
    assert [(gap.label, gap.missing) for gap in gaps] == [
        ("Prevention of medical errors", 2),
        ("Human trafficking", 1),
        ("Live, in-person hands-on", 12),  # the 8 in-person hours listed no hands-on technique
    ]


def test_a_hands_on_workshop_closes_the_in_person_hands_on_rule_and_nothing_else():
    workshop = item("prenatal", "14", "live_on_site", {"hands-on-technique": "10", "contraindications-safety": "4"})
    assert labels(hook.gaps_closed(florida_gaps(), workshop)) == {"Live, in-person hands-on"}


def test_a_webinar_never_closes_an_in_person_rule_even_in_the_right_category():
    webinar = item("demo", "3", "live_webinar", {"hands-on-technique": None})
    assert hook.gaps_closed(florida_gaps(), webinar) == ()


def test_an_in_person_event_without_hands_on_technique_does_not_close_a_hands_on_rule():
    lecture = item("law", "2", "live_on_site", {"laws-rules": None})
    assert hook.gaps_closed(florida_gaps(), lecture) == ()


def test_a_category_rule_is_closed_by_any_way_of_studying_in_that_category():
    webinar = item("errors", "2", "live_webinar", {"medical-errors": None, "human-trafficking": "1"})
    assert labels(hook.gaps_closed(florida_gaps(), webinar)) == {"Prevention of medical errors", "Human trafficking"}


def test_a_rule_already_met_is_no_gap_so_nothing_closes_it():
    gaps = florida_gaps(item("errors", "2", "on_demand", {"medical-errors": None}))
    assert hook.gaps_closed(gaps, item("more", "2", "live_webinar", {"medical-errors": None})) == ()


def test_a_live_rule_without_categories_takes_any_live_event():
    live = rules.Requirement(12, (rules.Rule("Live hours", rules.MINIMUM, 6, delivery_methods=LIVE),))
    gaps = hook.gaps_of(rules.evaluate(live, [], **CYCLE))
    assert labels(hook.gaps_closed(gaps, item("w", "2", "live_webinar", {"self-care": None}))) == {"Live hours"}
    assert hook.gaps_closed(gaps, item("o", "2", "on_demand", {"self-care": None})) == ()


# -- the registry ------------------------------------------------------------------------------


def suggestion(title: str) -> hook.Suggestion:
    return hook.Suggestion(title, f"/{title}/", "1 Jul 2026", "Live webinar", Decimal("2"), ("Ethics",))


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test (the events app's own suggester is put back afterwards)."""
    monkeypatch.setattr(hook, "_suggesters", {})
    return hook


def wanting(key: int, gaps=None) -> hook.LicenceGaps:
    return hook.LicenceGaps(
        key=key, state="FL", cycle_end=date(2027, 8, 31), gaps=florida_gaps() if gaps is None else gaps
    )


def test_suggesters_are_asked_once_for_every_licence_that_misses_something(registry):
    calls = []

    def provider(*, licences, limit):
        calls.append(([wanted.key for wanted in licences], limit))
        return {wanted.key: [suggestion(f"a{wanted.key}"), suggestion(f"b{wanted.key}")] for wanted in licences}

    registry.register_gap_suggester("first", provider)
    registry.register_gap_suggester("second", lambda **_: {1: [suggestion("c1")], 99: [suggestion("stray")]})

    found = registry.suggestions_for([wanting(1), wanting(2), wanting(3, gaps=())], limit=3)

    assert calls == [([1, 2], 3)]  # licence 3 misses nothing, so it isn't asked about
    assert [s.title for s in found[1]] == ["a1", "b1", "c1"]
    assert [s.title for s in found[2]] == ["a2", "b2"]
    assert found[3] == [] and 99 not in found


def test_suggestions_are_cut_to_the_limit_across_suggesters(registry):
    registry.register_gap_suggester("one", lambda **_: {1: [suggestion("a"), suggestion("b")]})
    registry.register_gap_suggester("two", lambda **_: {1: [suggestion("c")]})
    assert [s.title for s in registry.suggestions_for([wanting(1)], limit=2)[1]] == ["a", "b"]


def test_nothing_is_asked_when_nothing_is_missing_or_nobody_registered(registry):
    def provider(**_):
        raise AssertionError("asked although no licence misses a rule")

    assert registry.suggestions_for([wanting(1)], limit=3) == {1: []}
    registry.register_gap_suggester("events", provider)
    assert registry.suggestions_for([wanting(1, gaps=())], limit=3) == {1: []}
    registry.unregister_gap_suggester("events")
    assert registry.suggestions_for([wanting(1)], limit=3) == {1: []}


def helping(title: str, *labels: str) -> hook.Suggestion:
    return hook.Suggestion(title, f"/{title}/", "1 Jul 2026", "Tampa, Florida", Decimal("6"), labels)


def test_the_choice_covers_every_missing_rule_it_can_before_repeating_one():
    ranked = [
        helping("tampa 1", "In person"),
        helping("tampa 2", "In person"),
        helping("tampa 3", "In person"),
        helping("errors webinar", "Medical errors"),
        helping("both", "In person", "Medical errors"),
        helping("trafficking", "Human trafficking"),
    ]
    assert [s.title for s in hook.choose(ranked, 3)] == ["tampa 1", "errors webinar", "trafficking"]
    assert [s.title for s in hook.choose(ranked, 4)] == ["tampa 1", "tampa 2", "errors webinar", "trafficking"]
    assert [s.title for s in hook.choose(ranked, 10)] == [s.title for s in ranked]
    assert hook.choose(ranked, 0) == []
