"""Zone abbreviations worked out per session: a weekend that spans a clock change is EST one day, EDT the next."""

from datetime import datetime

import pytest

from events import schedule
from tests.events import factories as ef

NEW_YORK = "America/New_York"


def local_pairs(days, zone=NEW_YORK, start=9, end=17):
    """(start, end) local aware times on each (year, month, day)."""
    return [
        (
            schedule.to_local(schedule.to_utc(datetime(*day, start), zone), zone),
            schedule.to_local(schedule.to_utc(datetime(*day, end), zone), zone),
        )
        for day in days
    ]


def test_daily_hours_in_one_zone_name_it_once():
    assert schedule.daily_hours(local_pairs([(2027, 1, 16), (2027, 1, 17)])) == "9:00 AM – 5:00 PM EST"


def test_a_weekend_across_the_spring_change_is_est_then_edt():
    # Clocks go forward in the early hours of Sunday 8 March 2026.
    text = schedule.daily_hours(local_pairs([(2026, 3, 7), (2026, 3, 8)]))
    assert text == "9:00 AM – 5:00 PM, EST on Sat 7 Mar, EDT on Sun 8 Mar"


def test_several_days_in_a_row_in_one_zone_are_one_run():
    # Clocks go back in the early hours of Sunday 1 November 2026.
    text = schedule.daily_hours(local_pairs([(2026, 10, 30), (2026, 10, 31), (2026, 11, 1), (2026, 11, 2)]))
    assert text == "9:00 AM – 5:00 PM, EDT Fri 30 Oct – Sat 31 Oct, EST Sun 1 Nov – Mon 2 Nov"


def test_varying_hours_say_when_the_first_day_starts():
    pairs = local_pairs([(2026, 3, 7)]) + local_pairs([(2026, 3, 8)], start=10, end=16)
    assert schedule.daily_hours(pairs) == "Starts 9:00 AM EST; times vary by day"


def test_zone_label_names_each_abbreviation_once_in_order():
    moments = [moment for pair in local_pairs([(2026, 3, 7), (2026, 3, 8)]) for moment in pair]
    assert schedule.zone_label(moments, NEW_YORK) == "EST, then EDT (America/New_York)"
    assert schedule.zone_label(moments[:2], NEW_YORK) == "EST (America/New_York)"
    assert schedule.zone_label([], NEW_YORK) == NEW_YORK


@pytest.fixture
def dst_weekend(gulf):
    return ef.event(
        gulf,
        title="Spring weekend",
        sessions=[
            (datetime(2026, 3, 7, 9), datetime(2026, 3, 7, 17)),
            (datetime(2026, 3, 8, 9), datetime(2026, 3, 8, 17)),
        ],
    )


def test_an_event_across_the_clock_change_shows_each_days_zone(dst_weekend):
    assert dst_weekend.time_summary == "9:00 AM – 5:00 PM, EST on Sat 7 Mar, EDT on Sun 8 Mar"
    assert dst_weekend.zone_label == "EST, then EDT (America/New_York)"
    assert [session.when for session in dst_weekend.session_list] == [
        "Sat 7 Mar 2026, 9:00 AM – 5:00 PM EST",
        "Sun 8 Mar 2026, 9:00 AM – 5:00 PM EDT",
    ]


def test_the_event_page_says_both_zones(client, dst_weekend):
    html = client.get(dst_weekend.url).content.decode()
    assert "Times are local to the event: EST, then EDT (America/New_York)." in html
    assert "9:00 AM – 5:00 PM EST" in html and "9:00 AM – 5:00 PM EDT" in html


def test_calendar_times_are_unchanged(dst_weekend):
    # Calendars carry each session as its own event with its own zone: 9 AM local both days.
    assert [session.local_start.hour for session in dst_weekend.session_list] == [9, 9]
    assert [session.starts_at.hour for session in dst_weekend.session_list] == [14, 13]
