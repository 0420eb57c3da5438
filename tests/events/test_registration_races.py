"""Real concurrency: threads, each with its own database connection, register for the same event at once."""

import pytest

from events import registrations
from events.choices import RegistrationStatus
from events.models import Registration
from tests import factories
from tests.baseline import ensure_baseline
from tests.events import factories as ef
from tests.events.registration_helpers import open_event
from tests.quizzes.test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def provider_page():
    ensure_baseline()
    ef.events_index()
    return ef.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")


def test_two_learners_taking_the_last_place_at_once_one_gets_it_and_the_other_waits(provider_page):
    event = open_event(provider_page, capacity=2)
    registrations.register(event=event, learner=factories.user("early"))
    learners = [factories.user("racer-a"), factories.user("racer-b")]

    results = run_together(2, lambda index: registrations.register(event=event, learner=learners[index]))

    assert not [result for result in results if isinstance(result, Exception)], results
    statuses = sorted(result.registration.status for result in results)
    assert statuses == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    assert Registration.objects.registered().filter(event=event).count() == 2


def test_a_double_submit_at_the_same_moment_registers_once(provider_page):
    event = open_event(provider_page, capacity=5)
    learner = factories.user("double")

    results = run_together(2, lambda index: registrations.register(event=event, learner=learner))

    assert not [result for result in results if isinstance(result, Exception)], results
    assert sorted(result.created for result in results) == [False, True]
    assert Registration.objects.filter(event=event, learner=learner).count() == 1


def test_a_cancellation_racing_a_new_registration_never_overfills_the_event(provider_page):
    event = open_event(provider_page, capacity=1)
    holder = registrations.register(event=event, learner=factories.user("holder")).registration
    registrations.register(event=event, learner=factories.user("waiting"))
    newcomer = factories.user("newcomer")

    def work(index):
        if index == 0:
            return registrations.cancel(registration=holder, learner=holder.learner)
        return registrations.register(event=event, learner=newcomer)

    results = run_together(2, work)

    assert not [result for result in results if isinstance(result, Exception)], results
    registered = Registration.objects.registered().filter(event=event)
    # The one place goes to the person who was waiting; the newcomer queues behind (or ahead, never beside).
    assert registered.count() == 1
    assert registered.get().learner.username == "waiting"
    assert Registration.objects.get(learner=newcomer).status == RegistrationStatus.WAITING
