"""Pure time-zone and date rules for events: no database."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events import schedule

NEW_YORK = "America/New_York"


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("local", "zone", "expected"),
    [
        (datetime(2027, 1, 14, 10, 0), NEW_YORK, utc(2027, 1, 14, 15, 0)),  # EST, UTC-5
        (datetime(2027, 7, 14, 10, 0), NEW_YORK, utc(2027, 7, 14, 14, 0)),  # EDT, UTC-4
        (datetime(2027, 1, 14, 10, 0), "America/Los_Angeles", utc(2027, 1, 14, 18, 0)),
        (datetime(2027, 1, 14, 10, 0), "America/Phoenix", utc(2027, 1, 14, 17, 0)),
        (datetime(2027, 7, 14, 10, 0), "America/Phoenix", utc(2027, 7, 14, 17, 0)),  # no daylight saving
        (datetime(2027, 1, 14, 10, 0), "Asia/Kolkata", utc(2027, 1, 14, 4, 30)),
    ],
)
def test_wall_clock_time_becomes_utc(local, zone, expected):
    assert schedule.to_utc(local, zone) == expected


def test_daylight_saving_boundary_shifts_utc_by_an_hour():
    # US clocks go forward at 02:00 on Sunday 8 March 2026: 10:00 is 15:00Z on Saturday, 14:00Z on Sunday.
    assert schedule.to_utc(datetime(2026, 3, 7, 10), NEW_YORK) == utc(2026, 3, 7, 15)
    assert schedule.to_utc(datetime(2026, 3, 8, 10), NEW_YORK) == utc(2026, 3, 8, 14)
    # and back at 02:00 on Sunday 1 November 2026.
    assert schedule.to_utc(datetime(2026, 10, 31, 10), NEW_YORK) == utc(2026, 10, 31, 14)
    assert schedule.to_utc(datetime(2026, 11, 1, 10), NEW_YORK) == utc(2026, 11, 1, 15)


def test_skipped_time_is_refused_with_an_explanation():
    with pytest.raises(schedule.LocalTimeError, match="does not exist in America/New_York"):
        schedule.to_utc(datetime(2026, 3, 8, 2, 30), NEW_YORK)


def test_repeated_time_is_refused_with_an_explanation():
    with pytest.raises(schedule.LocalTimeError, match="happens twice"):
        schedule.to_utc(datetime(2026, 11, 1, 1, 30), NEW_YORK)


def test_aware_times_are_simply_converted():
    assert schedule.to_utc(utc(2026, 5, 1, 12), NEW_YORK) == utc(2026, 5, 1, 12)


ZONES = ["America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"]


@given(
    moment=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)),
    zone=st.sampled_from(ZONES),
)
def test_every_valid_wall_clock_time_round_trips(moment, zone):
    moment = moment.replace(microsecond=0)
    try:
        stored = schedule.to_utc(moment, zone)
    except schedule.LocalTimeError:
        return  # skipped or repeated by a clock change: refused, never guessed
    assert stored.tzinfo is UTC
    assert schedule.to_local(stored, zone).replace(tzinfo=None) == moment


@pytest.mark.parametrize("name", ["", "Mars/Olympus_Mons", "../../etc/passwd", "america/new_york", "EST5EDT "])
def test_unknown_time_zones_are_rejected(name):
    assert schedule.is_known_time_zone(name) is False


def test_time_zone_choices_lead_with_north_american_zones():
    groups = schedule.time_zone_choices()
    common = dict(groups[0][1])
    assert list(common)[0] == NEW_YORK
    everything = [value for value, _ in groups[1][1]]
    assert "Europe/London" in everything and "Etc/GMT+5" not in everything
    assert all(schedule.is_known_time_zone(value) for value in [*common, *everything])


def test_session_on_one_day_names_the_zone_once():
    start, end = utc(2027, 1, 14, 15), utc(2027, 1, 14, 22)
    assert schedule.format_session(start, end, NEW_YORK) == "Thu 14 Jan 2027, 10:00 AM – 5:00 PM EST"
    assert schedule.format_session(utc(2027, 7, 14, 14), utc(2027, 7, 14, 21), NEW_YORK) == (
        "Wed 14 Jul 2027, 10:00 AM – 5:00 PM EDT"
    )


def test_session_across_a_clock_change_shows_both_abbreviations():
    # 01:00 EST to 04:00 EDT on 8 March 2026 (two real hours).
    text = schedule.format_session(utc(2026, 3, 8, 6), utc(2026, 3, 8, 8), NEW_YORK)
    assert text == "Sun 8 Mar 2026, 1:00 AM EST – 4:00 AM EDT"


def test_session_over_several_days_names_both_days():
    text = schedule.format_session(utc(2026, 2, 1, 14), utc(2026, 5, 31, 3, 59), NEW_YORK)
    assert text == "Sun 1 Feb 2026, 9:00 AM EST – Sat 30 May 2026, 11:59 PM EDT"


def test_local_dates_follow_the_event_zone_not_utc():
    # 8 PM Pacific on 5 March is already 6 March in UTC.
    evening = schedule.to_utc(datetime(2026, 3, 5, 20), "America/Los_Angeles")
    assert evening.date() == date(2026, 3, 6)
    assert schedule.to_local(evening, "America/Los_Angeles").date() == date(2026, 3, 5)


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (date(2027, 1, 17), date(2027, 1, 17), "17 Jan 2027"),
        (date(2027, 1, 17), date(2027, 1, 18), "17–18 Jan 2027"),
        (date(2027, 1, 30), date(2027, 2, 2), "30 Jan – 2 Feb 2027"),
        (date(2026, 12, 28), date(2027, 1, 2), "28 Dec 2026 – 2 Jan 2027"),
    ],
)
def test_date_ranges(first, last, text):
    assert schedule.format_date_range(first, last) == text


@pytest.mark.parametrize(
    ("hour", "minute", "text"),
    [(0, 0, "12:00 AM"), (9, 5, "9:05 AM"), (12, 0, "12:00 PM"), (13, 30, "1:30 PM"), (23, 59, "11:59 PM")],
)
def test_clock(hour, minute, text):
    assert schedule.format_clock(datetime(2027, 1, 1, hour, minute)) == text


def test_zone_abbreviation_falls_back_to_an_offset():
    assert schedule.zone_abbreviation(schedule.to_local(utc(2027, 1, 1, 12), NEW_YORK)) == "EST"
    assert schedule.zone_abbreviation(schedule.to_local(utc(2027, 1, 1, 12), "America/Sao_Paulo")) == "UTC-03"
