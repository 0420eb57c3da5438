"""The reports demo: synthetic learners on maya's and daniel's courses, replaced (not added) on a reload."""

import time
from io import StringIO

import pytest
from django.core.management import call_command

from home.management.commands.load_demo import DEMO_LOADERS
from quizzes.models import QuizAttempt
from reports import demo
from reports.scale import people
from tests.courses.conftest import demo_catalogue  # noqa: F401  (the module-scoped demo fixture)


def test_the_reports_demo_runs_last():
    assert DEMO_LOADERS[-1] == "reports.demo"


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_catalogue")
def test_the_demo_learners_take_the_instructors_courses_and_a_reload_replaces_them(settings):
    settings.DEMO_SYNTHETIC_LEARNERS = True
    out = StringIO()
    started = time.monotonic()
    demo.load(out)
    seconds = time.monotonic() - started
    attempts = QuizAttempt.objects.filter(user__username__startswith=people.PREFIX)
    first = (people.scale_users().count(), attempts.count())
    assert first[0] == demo.LEARNERS
    assert set(attempts.values_list("quiz__slug", flat=True)) >= {"swedish-technique-check", "final-assessment"}
    assert f"Reports demo ready: {demo.LEARNERS} synthetic learners" in out.getvalue()

    demo.load(StringIO())
    assert (people.scale_users().count(), attempts.count()) == first
    assert seconds < 30  # a few seconds on a quiet machine; this one is shared


@pytest.mark.django_db
def test_the_setting_turns_the_demo_learners_off(settings):
    settings.DEMO_SYNTHETIC_LEARNERS = False
    out = StringIO()
    assert demo.load(out) == []
    assert "skipped" in out.getvalue()
    assert not people.scale_users().exists()


@pytest.mark.django_db
def test_load_demo_twice_with_synthetic_learners(settings):
    # The whole load_demo with the reports demo on: the second run leaves the same learners.
    settings.DEMO_SYNTHETIC_LEARNERS = True
    call_command("load_demo", stdout=StringIO())
    count = people.scale_users().count()
    call_command("load_demo", stdout=StringIO())
    assert people.scale_users().count() == count == demo.LEARNERS
