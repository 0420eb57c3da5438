"""Training providers and their events: Home → Events (index) → provider → event.

One module per concern: `providers` (the listing and provider pages), `events` (the event page),
`sessions` (when it happens), `registrations` and `attendance` (who comes, who came) and `links`
(what an event lists beside its schedule). `base` holds what provider and event pages share.
Import models from here: `from events.models import EventPage`.
"""

from .attendance import AttendanceChange, AttendanceSource, SessionAttendance
from .base import DEFAULT_TIME_ZONE, PostalAddressMixin, time_zone_select, validate_time_zone
from .events import EventPage
from .links import EventApproval, EventCECategory, EventCourseLink, EventInstructor
from .providers import RESERVED_PROVIDER_SLUGS, EventIndexPage, ProviderApproval, ProviderPage
from .registrations import ACTIVE_STATUSES, Registration
from .sessions import EventSession

__all__ = [
    "ACTIVE_STATUSES",
    "AttendanceChange",
    "AttendanceSource",
    "DEFAULT_TIME_ZONE",
    "RESERVED_PROVIDER_SLUGS",
    "EventApproval",
    "EventCECategory",
    "EventCourseLink",
    "EventIndexPage",
    "EventInstructor",
    "EventPage",
    "EventSession",
    "PostalAddressMixin",
    "ProviderApproval",
    "ProviderPage",
    "Registration",
    "SessionAttendance",
    "time_zone_select",
    "validate_time_zone",
]
