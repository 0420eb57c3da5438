import pytest

# The providers' fixtures are the events tests' own: the same two providers under the same events index.
from tests.events.conftest import cascade, events_index, gulf  # noqa: F401


@pytest.fixture
def gulf_staff(gulf):  # noqa: F811  (the fixture imported above)
    from events.services import add_provider_account
    from tests import factories

    staff = factories.user("gulfstaff", first_name="Dana", last_name="Coordinator")
    add_provider_account(gulf, staff)
    return staff
