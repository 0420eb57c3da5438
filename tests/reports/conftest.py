import pytest

from tests.events import factories as event_factories


@pytest.fixture
def events_index(db):
    return event_factories.events_index()


@pytest.fixture
def gulf(events_index):
    return event_factories.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")


@pytest.fixture
def cascade(events_index):
    return event_factories.provider(
        "Cascade Myofascial Education", city="Portland", region="Oregon", time_zone="America/Los_Angeles"
    )
