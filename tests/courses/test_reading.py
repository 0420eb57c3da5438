"""Reading time and CE-content arithmetic (pure functions)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses import reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("one", 1), ("Effleurage glides toward the heart.", 5), ("client's right-to-stop", 2), ("  \n\t ", 0)],
)
def test_count_words(text, expected):
    assert reading.count_words(text) == expected


def test_count_words_adds_several_texts():
    assert reading.count_words("two words", "and three more") == 5


@pytest.mark.parametrize(
    ("words", "video", "minutes"),
    [(0, 0, 0), (1, 0, 1), (200, 0, 1), (201, 0, 2), (1000, 0, 5), (0, 12, 12), (450, 10, 13)],
)
def test_reading_minutes(words, video, minutes):
    assert reading.reading_minutes(words, video) == minutes


def test_negative_counts_are_rejected():
    with pytest.raises(ValueError):
        reading.reading_minutes(-1)
    with pytest.raises(ValueError):
        reading.content_ce_hours(0, -5)


@pytest.mark.parametrize(
    ("words", "video", "hours"),
    [(12_000, 0, "1.00"), (6_000, 0, "0.50"), (0, 60, "1.00"), (6_000, 30, "1.00"), (3_000, 0, "0.25")],
)
def test_content_ce_hours_follows_ncbtmb(words, video, hours):
    assert reading.content_ce_hours(words, video) == Decimal(hours)


@pytest.mark.parametrize(("words", "supported"), [(5_999, "0"), (6_000, "0.5"), (17_999, "1"), (18_000, "1.5")])
def test_supported_half_hours_rounds_down(words, supported):
    assert reading.supported_half_hours(words) == Decimal(supported)


def test_declared_hours_exceed_content():
    assert reading.declared_hours_exceed_content(Decimal("1"), 11_999) is True
    assert reading.declared_hours_exceed_content(Decimal("0.5"), 5_999) is True
    assert reading.declared_hours_exceed_content(Decimal("1"), 12_000) is False
    assert reading.declared_hours_exceed_content(Decimal("1.5"), 12_000, 30) is False


@pytest.mark.parametrize(("hours", "ok"), [("1", True), ("0.5", True), ("2.5", True), ("1.25", False), ("0.3", False)])
def test_half_hour_increments(hours, ok):
    assert reading.is_half_hour_increment(Decimal(hours)) is ok


@pytest.mark.parametrize(("minutes", "text"), [(0, "0 min"), (45, "45 min"), (60, "1 h"), (80, "1 h 20 min")])
def test_format_minutes(minutes, text):
    assert reading.format_minutes(minutes) == text


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=10**4))
def test_reading_time_never_undercounts(words, video):
    minutes = reading.reading_minutes(words, video)
    assert minutes * reading.WORDS_PER_MINUTE >= words + video * reading.WORDS_PER_MINUTE
    assert minutes - video < words / reading.WORDS_PER_MINUTE + 1


@pytest.mark.parametrize(
    ("hours", "text"),
    [("1", "1 CE"), ("1.0", "1 CE"), ("0.5", "0.5 CEs"), ("6", "6 CEs"), ("2.5", "2.5 CEs"), ("10", "10 CEs")],
)
def test_format_ce_hours(hours, text):
    assert reading.format_ce_hours(Decimal(hours)) == text


@pytest.mark.parametrize(
    ("hours", "text"),
    [(None, ""), (Decimal("2"), "2"), (Decimal("2.0"), "2"), (Decimal("2.5"), "2.5"), (Decimal("14.0"), "14")],
)
def test_format_hours(hours, text):
    assert reading.format_hours(hours) == text
