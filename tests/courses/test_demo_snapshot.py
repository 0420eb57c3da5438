"""`load_demo` builds the same catalogue and quizzes as before the demo became data files: compared with a snapshot.

The demo text was reviewed clinically; this test holds it to the character, in the form that reaches the
database (course and module fields, StreamField data, questions and their options, quiz settings).
"""

import os
from io import StringIO

import pytest

from courses import demo as courses_demo
from home import demo as home_demo
from quizzes import demo as quizzes_demo
from tests.courses import demo_snapshot

pytestmark = pytest.mark.django_db


def load_catalogue_and_quizzes() -> str:
    output = StringIO()
    courses_demo.load(output)
    quizzes_demo.load(output)
    return output.getvalue()


def test_catalogue_and_quiz_demo_build_the_snapshot_and_reloading_keeps_it():
    # The same order as `load_demo`: the accounts instructors sign in with, the catalogue, then its quizzes.
    home_demo.load(StringIO())
    first = demo_snapshot.describe(output=load_catalogue_and_quizzes())
    described = demo_snapshot.dump(first)
    if os.environ.get("UPDATE_DEMO_SNAPSHOT"):
        demo_snapshot.SNAPSHOT_PATH.write_text(described, encoding="utf-8")
    assert described == demo_snapshot.SNAPSHOT_PATH.read_text(encoding="utf-8")

    # A second run writes nothing: no new pages, revisions or rows, and it says the bank is up to date.
    again = demo_snapshot.describe(output=load_catalogue_and_quizzes())
    assert again.pop("output").endswith("(already up to date).")
    first.pop("output")
    assert again == first
