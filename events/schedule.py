"""Time zones and dates for event schedules. Pure functions: no database, easy to test exhaustively.

Event times are stored as aware UTC datetimes plus the event's IANA time zone name. Providers type
wall-clock times in that zone; learners read them back in that zone, with its abbreviation, so a
10:00 start in New York says "10:00 AM EST" in January and "10:00 AM EDT" in July.
"""

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# The zones North American providers use most, offered first in the editor.
COMMON_TIME_ZONES = [
    ("America/New_York", "Eastern — New York, Miami, Atlanta"),
    ("America/Chicago", "Central — Chicago, Dallas, Austin"),
    ("America/Denver", "Mountain — Denver, Salt Lake City"),
    ("America/Phoenix", "Arizona — Phoenix (no daylight saving)"),
    ("America/Los_Angeles", "Pacific — Los Angeles, Seattle, Portland"),
    ("America/Anchorage", "Alaska — Anchorage"),
    ("Pacific/Honolulu", "Hawaii — Honolulu"),
    ("America/Puerto_Rico", "Atlantic — Puerto Rico"),
    ("America/Toronto", "Eastern — Toronto, Ottawa"),
    ("America/Vancouver", "Pacific — Vancouver"),
]


class LocalTimeError(ValueError):
    """A wall-clock time that does not exist, or exists twice, in a zone (daylight-saving changes)."""


@cache
def known_time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_known_time_zone(name: str) -> bool:
    return bool(name) and name in known_time_zones()


def get_zone(name: str) -> ZoneInfo:
    if not is_known_time_zone(name):
        raise ZoneInfoNotFoundError(f"Unknown time zone {name!r}")
    return ZoneInfo(name)


def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: the common North American zones, then every named zone."""
    common = [(name, f"{label} ({name})") for name, label in COMMON_TIME_ZONES]
    everything = sorted(
        name
        for name in known_time_zones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    )
    return [("United States and Canada", common), ("All time zones", [(name, name) for name in everything])]


def to_utc(local: datetime, zone_name: str) -> datetime:
    """Read a naive wall-clock time in `zone_name` and return it in UTC.

    Refuses times skipped when clocks go forward and times repeated when they go back, rather
    than silently guessing an hour: a workshop start is worth a question to the provider.
    """
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    zone = get_zone(zone_name)
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        # fold=0 and fold=1 disagree: the time is either skipped or repeated.
        round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        when = f"{format_clock(local)} on {format_day(local.date())}"
        if round_trip != local:
            raise LocalTimeError(
                f"{when} does not exist in {zone_name}: the clocks go forward that night. Choose a later time."
            )
        raise LocalTimeError(
            f"{when} happens twice in {zone_name}: the clocks go back that night. Choose another time."
        )
    return first.astimezone(UTC)


def to_local(moment: datetime, zone_name: str) -> datetime:
    """An aware datetime as wall-clock time in the zone (still aware, so it knows its abbreviation)."""
    return moment.astimezone(get_zone(zone_name))


def zone_abbreviation(local: datetime) -> str:
    """EST, EDT, PST… (or an offset such as +0530 where the zone has no letters)."""
    name = local.tzname() or ""
    if name and not name[0].isalpha():
        return "UTC" + name if name not in {"+00", "-00"} else "UTC"
    return name


def zone_abbreviations(moments: Iterable[datetime]) -> list[str]:
    """The abbreviations of local moments, each once, in the order they first appear: ["EST", "EDT"]."""
    found: list[str] = []
    for moment in moments:
        abbreviation = zone_abbreviation(moment)
        if abbreviation not in found:
            found.append(abbreviation)
    return found


def zone_label(moments: Iterable[datetime], zone_name: str) -> str:
    """The zone as learners know it on the event's days: "EST (America/New_York)", or "EST, then EDT (…)"
    when the clocks change during the event."""
    abbreviations = zone_abbreviations(moments)
    return f"{', then '.join(abbreviations)} ({zone_name})" if abbreviations else zone_name


def daily_hours(sessions: Sequence[tuple[datetime, datetime]]) -> str:
    """The daily hours of an event, from its sessions' local (start, end) in time order.

    "9:00 AM – 5:00 PM EST"; when the clocks change between two days, each day keeps its own zone:
    "9:00 AM – 5:00 PM, EST on Sat 7 Mar, EDT on Sun 8 Mar". Where the hours differ from day to day
    (or a session runs past midnight), when it starts: "Starts 9:00 AM EST; times vary by day".
    """
    if not sessions:
        return ""
    first_start = sessions[0][0]
    hours = {(format_clock(start), format_clock(end)) for start, end in sessions}
    if len(hours) != 1 or any(start.date() != end.date() for start, end in sessions):
        return f"Starts {format_clock(first_start)} {zone_abbreviation(first_start)}; times vary by day"
    start, end = hours.pop()
    runs: list[tuple[str, list[date]]] = []  # (abbreviation, days) for days in a row in the same zone
    for session_start, _ in sessions:
        abbreviation = zone_abbreviation(session_start)
        if runs and runs[-1][0] == abbreviation:
            runs[-1][1].append(session_start.date())
        else:
            runs.append((abbreviation, [session_start.date()]))
    if len(runs) == 1:
        return f"{start} – {end} {runs[0][0]}"
    parts = [
        f"{abbreviation} on {format_short_day(days[0])}"
        if len(days) == 1
        else f"{abbreviation} {format_short_day(days[0])} – {format_short_day(days[-1])}"
        for abbreviation, days in runs
    ]
    return f"{start} – {end}, {', '.join(parts)}"


def format_clock(moment: datetime) -> str:
    """10:00 AM, 1:30 PM."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def format_day(day: date) -> str:
    """Sat 17 Jan 2026."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_short_day(day: date) -> str:
    """Sat 7 Mar."""
    return f"{day:%a} {day.day} {day:%b}"


def format_session(start: datetime, end: datetime, zone_name: str) -> str:
    """One session in the event's own time, with the zone abbreviation.

    Sat 17 Jan 2026, 10:00 AM – 5:00 PM EST; a session crossing midnight (or an on-demand window)
    names both days, each with its own abbreviation in case the clocks changed in between.
    """
    local_start, local_end = to_local(start, zone_name), to_local(end, zone_name)
    if local_start.date() == local_end.date():
        start_zone, end_zone = zone_abbreviation(local_start), zone_abbreviation(local_end)
        start_label = format_clock(local_start) + (f" {start_zone}" if start_zone != end_zone else "")
        return f"{format_day(local_start.date())}, {start_label} – {format_clock(local_end)} {end_zone}"
    return (
        f"{format_day(local_start.date())}, {format_clock(local_start)} {zone_abbreviation(local_start)} – "
        f"{format_day(local_end.date())}, {format_clock(local_end)} {zone_abbreviation(local_end)}"
    )


def format_date_range(first: date, last: date) -> str:
    """17 Jan 2026; 17–18 Jan 2026; 30 Jan – 2 Feb 2026; 28 Dec 2026 – 2 Jan 2027."""
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
