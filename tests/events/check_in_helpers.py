"""Events whose session is on now, so learners can check in, for the check-in and learner-page tests."""

from datetime import timedelta

from django.utils import timezone

from tests.events import factories as ef


def event_on_now(provider_page, **fields):
    """An event taking registration here whose one session started an hour ago and ends in two hours."""
    start = timezone.localtime() - timedelta(hours=1)
    fields.setdefault("title", "Trigger Point Therapy Live")
    return ef.event(
        provider_page,
        registration_url="",
        sessions=[(start.replace(tzinfo=None), (start + timedelta(hours=3)).replace(tzinfo=None))],
        time_zone=timezone.get_current_timezone_name(),
        **fields,
    )
