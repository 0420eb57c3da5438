"""Registrations and events whose sessions are under way or over, for the attendance tests."""

from events.choices import RegistrationStatus
from events.models import Registration
from tests.credit import factories as cf
from tests.events import factories as ef


def past_event(provider_page, *, days_ago: int = 3, sessions: int = 1, **fields):
    """An event whose sessions (9–5 local, on consecutive days) ended `days_ago` days ago or earlier."""
    fields.setdefault("title", "Myofascial Release Intensive")
    times = [(ef.local(-days_ago - n, 9), ef.local(-days_ago - n, 17)) for n in reversed(range(sessions))]
    return ef.event(provider_page, registration_url="", sessions=times, **fields)


def place_for(event, learner=None, **learner_fields):
    """A registration holding a place (made directly: registration closes when the event starts)."""
    learner = learner or cf.learner(**learner_fields)
    return Registration.objects.create(event=event, learner=learner, status=RegistrationStatus.REGISTERED)
