"""Reading-time and CE-content arithmetic. Pure functions: no database, no Wagtail objects.

NCBTMB counts home-study hours from the material itself: 12,000 words of reading or one hour of
video is one CE, at about 200 words a minute. The editor compares the declared hours with this.
"""

import math
import re
from decimal import ROUND_FLOOR, Decimal

WORDS_PER_MINUTE = 200
WORDS_PER_CE_HOUR = 12_000
VIDEO_MINUTES_PER_CE_HOUR = 60

_WORD = re.compile(r"[\w’'-]+", re.UNICODE)


def count_words(*texts: str) -> int:
    """Words in the given plain texts (markup already stripped)."""
    return sum(len(_WORD.findall(text or "")) for text in texts)


def reading_minutes(word_count: int, video_minutes: int = 0) -> int:
    """Minutes a learner needs: reading at 200 words a minute, rounded up, plus video time."""
    if word_count < 0 or video_minutes < 0:
        raise ValueError("word count and video minutes cannot be negative")
    reading = math.ceil(word_count / WORDS_PER_MINUTE) if word_count else 0
    return reading + video_minutes


def _exact_ce_hours(word_count: int, video_minutes: int) -> Decimal:
    if word_count < 0 or video_minutes < 0:
        raise ValueError("word count and video minutes cannot be negative")
    return Decimal(word_count) / WORDS_PER_CE_HOUR + Decimal(video_minutes) / VIDEO_MINUTES_PER_CE_HOUR


def content_ce_hours(word_count: int, video_minutes: int = 0) -> Decimal:
    """CE hours the content supports, to two decimal places for display (not rounded to half hours)."""
    return _exact_ce_hours(word_count, video_minutes).quantize(Decimal("0.01"))


def supported_half_hours(word_count: int, video_minutes: int = 0) -> Decimal:
    """The most CE hours, in half-hour steps, that the content can justify."""
    hours = _exact_ce_hours(word_count, video_minutes)
    return (hours * 2).to_integral_value(rounding=ROUND_FLOOR) / 2


def declared_hours_exceed_content(declared: Decimal, word_count: int, video_minutes: int = 0) -> bool:
    """True when a course claims more CE hours than its words and video can support."""
    return Decimal(declared) > _exact_ce_hours(word_count, video_minutes)


def is_half_hour_increment(hours: Decimal) -> bool:
    """CE hours must be whole or half hours (NCBTMB increments)."""
    return (Decimal(hours) * 2) % 1 == 0


def format_minutes(minutes: int) -> str:
    """'45 min', '1 h', '1 h 20 min' — how reading time is shown to learners."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h" if rest == 0 else f"{hours} h {rest} min"


def format_hours(hours: Decimal | None) -> str:
    """'2', '2.5': CE hours without trailing zeros ('' for none)."""
    if hours is None:
        return ""
    return f"{Decimal(hours).normalize():f}"


def format_ce_hours(hours: Decimal) -> str:
    """'1 CE', '0.5 CEs', '6 CEs': NCBTMB's unit is the CE, never the CEU."""
    number = format_hours(hours)
    return f"{number} CE" if hours == 1 else f"{number} CEs"
