"""The demo's data files are read strictly: a typo stops the demo and says where it is."""

from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

from courses.choices import DeliveryMethod
from events.choices import EventStatus
from events.demo import spec
from events.demo.spec import DemoDataError, EventSpec, SessionSpec

MINIMAL_EVENT = {
    "provider": "gulf",
    "title": "Florida Laws and Rules",
    "slug": "florida-laws-and-rules",
    "summary": "Two hours.",
    "description": ["The statute in plain language.", "<h3>Who should come</h3>"],
    "objectives": ["Describe the scope of practice."],
    "instructors": [{"name": "Marcus Bell", "credentials": "LMT, JD"}],
    "sessions": [{"day": 10, "starts": "18:00", "ends": "20:00"}],
    "delivery": "live_webinar",
    "ce_hours": "2",
    "categories": [{"category": "laws-rules"}],
    "cost": "35",
    "registration_details": "Register online.",
    "cancellation_policy": "Full refund until the day before.",
}


def event(**changes) -> EventSpec:
    return spec.build(EventSpec, {**MINIMAL_EVENT, **changes}, "events[0]")


def test_values_become_enums_decimals_times_and_named_sessions():
    built = event(status="postponed", sessions=[{"day": -30, "starts": "09:00", "end_day": 150, "ends": "23:30"}])
    assert built.delivery is DeliveryMethod.LIVE_WEBINAR
    assert built.status is EventStatus.POSTPONED
    assert built.ce_hours == Decimal("2") and built.cost == Decimal("35")
    assert built.sessions == (SessionSpec(day=-30, starts=time(9), ends=time(23, 30), end_day=150),)
    assert built.sessions[0].last_day == 150
    assert event().sessions[0].last_day == 10
    assert event().status is EventStatus.SCHEDULED
    assert spec.rich_text(built.description) == "<p>The statute in plain language.</p><h3>Who should come</h3>"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"delivery": "webinar"}, r"events\[0\]\.delivery: 'webinar' is not one of on_demand, live_webinar"),
        ({"status": "delayed"}, r"events\[0\]\.status: 'delayed' is not one of scheduled"),
        ({"sessions": [{"day": 1, "starts": 540, "ends": "20:00"}]}, r"sessions\[0\]\.starts: write the time"),
        ({"sessions": [{"day": 1, "starts": "9:00", "ends": "20:00"}]}, r"sessions\[0\]\.starts: write the time"),
        ({"sessions": [{"day": 1, "starts": "25:00", "ends": "20:00"}]}, "is not a time of day"),
        ({"sessions": [{"day": "1", "starts": "09:00", "ends": "20:00"}]}, r"sessions\[0\]\.day: expected int"),
        ({"sessions": [{"day": 1, "starts": "09:00"}]}, r"sessions\[0\]: missing key\(s\) ends"),
        ({"sessions": [(6, 10, 0, 6, 12, 0)]}, r"sessions\[0\]: expected a mapping"),
        ({"ce_hours": 6.5}, r"ce_hours: write the number in quotes"),
        ({"cost": "thirty"}, "'thirty' is not a number"),
        ({"hands_on": "yes"}, "hands_on: expected bool"),
        ({"capacity": True}, "capacity: expected a whole number"),
        ({"objectives": "One objective"}, "objectives: expected a list"),
        ({"venu": "Studio B"}, r"events\[0\]: unknown key\(s\) venu"),
        ({"instructors": [{"name": "Dana", "credentials": "LMT", "biography": ""}]}, r"unknown key\(s\) biography"),
    ],
)
def test_mistakes_are_refused_with_their_place(changes, message):
    with pytest.raises(DemoDataError, match=message):
        event(**changes)


@pytest.mark.parametrize("required", ["registration_details", "cancellation_policy", "sessions", "delivery"])
def test_required_keys_must_be_given(required):
    data = {key: value for key, value in MINIMAL_EVENT.items() if key != required}
    with pytest.raises(DemoDataError, match=rf"missing key\(s\) {required}"):
        spec.build(EventSpec, data, "events[0]")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_events_must_name_a_known_provider(tmp_path):
    providers = spec.read_providers()
    path = write(
        tmp_path,
        "events:\n  - provider: nobody\n"
        + "".join(f"    {key}: {value!r}\n" for key, value in MINIMAL_EVENT.items() if key != "provider").replace(
            "'", '"'
        ),
    )
    with pytest.raises(DemoDataError, match=r"events\.yaml: events\[0\]\.provider: no provider has the slug 'nobody'"):
        spec.read_events(providers, path)


def test_only_shared_wording_may_stand_beside_the_entries(tmp_path):
    providers = spec.read_providers()
    assert spec.read_events(providers, write(tmp_path, "wording:\n  policy: &policy Text\nevents: []\n")) == ()
    with pytest.raises(DemoDataError, match=r"unknown top-level key\(s\) extra"):
        spec.read_events(providers, write(tmp_path, "extra: 1\nevents: []\n"))
    with pytest.raises(DemoDataError, match="expected a top-level events: list"):
        spec.read_events(providers, write(tmp_path, "- just a list\n"))


def test_the_shipped_data_files_read_cleanly():
    providers = spec.read_providers()
    events = spec.read_events(providers)
    assert [provider.account.username for provider in providers] == ["gulfcoast", "cascade"]
    assert len(events) == 16
    registrations = spec.read_registrations(events)
    assert [registration.event for registration in registrations.registrations] == [
        "trigger-point-therapy-neck-and-shoulders",
        "trigger-point-referral-patterns-upper-body",
        "assisted-stretching-hips-and-hamstrings",
        "swedish-technique-foundations-tampa",
        "client-communication-and-consent-live-webinar",
    ]
    assert registrations.registrations[2].days_ago == (60, 45, 33, 20)
    assert registrations.registrations[0].days_ago == ()
    attendance = spec.read_attendance(events, registrations)
    assert [(entry.event, entry.taken_by) for entry in attendance] == [
        ("assisted-stretching-hips-and-hamstrings", "gulfcoast"),
        ("client-communication-and-consent-live-webinar", "gulfcoast"),
    ]
    priya = next(learner for learner in attendance[0].learners if learner.learner == "priya")
    assert priya.sessions == (
        spec.SessionMarkSpec(present=True, minutes=210, note="Left at lunch for a family emergency"),
    )
    offerings = {event.slug: event.offering_of for event in events if event.offering_of}
    assert offerings == {
        "client-communication-and-consent-live-webinar": "client-communication-and-consent",
        "swedish-technique-foundations-tampa": "swedish-technique-foundations",
    }
    assert {event.status for event in events} == set(EventStatus)
    assert {event.delivery for event in events} == {
        DeliveryMethod.LIVE_ON_SITE,
        DeliveryMethod.LIVE_WEBINAR,
        DeliveryMethod.ON_DEMAND,
    }


def test_registrations_must_name_an_event_that_registers_here(tmp_path):
    events = spec.read_events(spec.read_providers())
    learners = "learners: []\n"
    with pytest.raises(DemoDataError, match="no event has the slug 'nope'"):
        spec.read_registrations(
            events, write(tmp_path, learners + "registrations:\n  - {event: nope, learners: [sam]}\n")
        )
    with pytest.raises(DemoDataError, match="registers on the provider's site"):
        spec.read_registrations(
            events, write(tmp_path, learners + "registrations:\n  - {event: florida-laws-and-rules, learners: [sam]}\n")
        )
    with pytest.raises(DemoDataError, match="unknown key"):
        spec.read_registrations(events, write(tmp_path, learners + "registrations: []\nextra: 1\n"))
    slug = "trigger-point-therapy-neck-and-shoulders"
    for days, message in (("[3]", "one number of days per learner"), ("[1, 5]", "in the order the learners")):
        with pytest.raises(DemoDataError, match=message):
            spec.read_registrations(
                events,
                write(
                    tmp_path,
                    learners + f"registrations:\n  - {{event: {slug}, learners: [sam, lee], days_ago: {days}}}\n",
                ),
            )


def test_attendance_is_taken_only_at_past_events_for_learners_with_a_place(tmp_path):
    events = spec.read_events(spec.read_providers())
    registrations = spec.read_registrations(events)

    def attendance(entry: str):
        return spec.read_attendance(events, registrations, write(tmp_path, f"attendance:\n  - {entry}\n"))

    with pytest.raises(DemoDataError, match="is not over yet"):
        attendance("{event: trigger-point-therapy-neck-and-shoulders, taken_by: gulfcoast, learners: []}")
    with pytest.raises(DemoDataError, match="'grace' is not registered for it"):
        attendance(
            "{event: assisted-stretching-hips-and-hamstrings, taken_by: gulfcoast, "
            "learners: [{learner: grace, sessions: [{present: true}]}]}"
        )
    with pytest.raises(DemoDataError, match="one mark for each of its 1 sessions"):
        attendance(
            "{event: assisted-stretching-hips-and-hamstrings, taken_by: gulfcoast, "
            "learners: [{learner: sam, sessions: []}]}"
        )
    with pytest.raises(DemoDataError, match=r"sessions\[0\]\.minutes: expected a whole number"):
        attendance(
            "{event: assisted-stretching-hips-and-hamstrings, taken_by: gulfcoast, "
            "learners: [{learner: sam, sessions: [{minutes: yes}]}]}"
        )
