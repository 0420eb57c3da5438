"""`load_demo` builds the same events as before the demo became data files: compared with a saved snapshot."""

import os
from io import StringIO

import pytest

from courses import demo as courses_demo
from events import demo as events_demo
from home import demo as home_demo
from tests.events import demo_snapshot

pytestmark = pytest.mark.django_db


def load_events_demo() -> dict:
    output = StringIO()
    accounts = events_demo.load(output)
    return demo_snapshot.describe(accounts=accounts, output=output.getvalue())


def test_events_demo_builds_the_snapshot_and_reloading_keeps_it():
    # The same order as `load_demo`: accounts, then the catalogue (events link to its courses), then events.
    home_demo.load(StringIO())
    courses_demo.load(StringIO())
    described = demo_snapshot.dump(load_events_demo())
    if os.environ.get("UPDATE_DEMO_SNAPSHOT"):
        demo_snapshot.SNAPSHOT_PATH.write_text(described)
    assert described == demo_snapshot.SNAPSHOT_PATH.read_text()

    assert demo_snapshot.dump(load_events_demo()) == described
