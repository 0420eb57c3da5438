"""`load_demo` runs each app's demo loader in an explicit order, not in INSTALLED_APPS order."""

from importlib import import_module
from importlib.util import find_spec
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from home.management.commands.load_demo import DEMO_LOADERS


@pytest.mark.django_db
def test_load_demo_runs_the_listed_loaders_in_their_order(monkeypatch):
    ran = []
    for name in DEMO_LOADERS:
        monkeypatch.setattr(import_module(name), "load", lambda stdout, name=name: ran.append(name) or [])

    call_command("load_demo", stdout=StringIO())

    # Accounts first, then the catalogue, the quizzes under it, the credit that needs both, then events,
    # and the synthetic learners of the reports last.
    assert ran == ["home.demo", "courses.demo", "quizzes.demo", "credit.demo", "events.demo", "reports.demo"]


def test_every_app_demo_is_listed():
    # A demo loader that is not in the list would never run: list it where its dependencies put it.
    # (accounts.demo only defines the demo people, which home.demo creates; it has no loader of its own.)
    demos = {
        f"{config.name}.demo"
        for config in apps.get_app_configs()
        if find_spec(config.name) is not None
        and find_spec(f"{config.name}.demo") is not None
        and hasattr(import_module(f"{config.name}.demo"), "load")
    }
    assert demos == set(DEMO_LOADERS)
