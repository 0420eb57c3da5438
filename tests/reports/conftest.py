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


@pytest.fixture
def gulf_staff(gulf):
    from events.services import add_provider_account
    from tests import factories

    staff = factories.user("gulfstaff", first_name="Dana", last_name="Coordinator")
    add_provider_account(gulf, staff)
    return staff
