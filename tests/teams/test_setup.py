"""The one post-migrate mechanism: every app's permissions first, then the app's own set-up, on the default database."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate

from teams.setup import run_after_migrate

pytestmark = pytest.mark.django_db


class FakeAppConfig:
    """Enough of an AppConfig for Django's own post_migrate receivers, which skip apps without models."""

    label = name = "fake_app"
    models_module = None


def send(sender, using: str) -> None:
    from django.apps import apps

    post_migrate.send(sender=sender, app_config=sender, verbosity=0, interactive=False, using=using, plan=[], apps=apps)


def test_setup_runs_after_permissions_exist_and_only_for_the_default_database():
    sender = FakeAppConfig()
    seen = []
    run_after_migrate(sender, lambda: seen.append(Permission.objects.filter(codename="add_eventpage").exists()))
    try:
        Permission.objects.filter(codename="add_eventpage").delete()
        send(sender, "other")
        assert seen == []
        send(sender, DEFAULT_DB_ALIAS)
        # The permission deleted above was created again before the set-up ran.
        assert seen == [True]
    finally:
        post_migrate.disconnect(sender=sender, dispatch_uid="teams_setup_fake_app")


def test_courses_and_events_set_up_their_groups_after_migrate():
    from django.apps import apps

    Group.objects.filter(name__in=["Providers", "Course editors", "Instructors"]).delete()
    for label in ("courses", "events"):
        send(apps.get_app_config(label), DEFAULT_DB_ALIAS)
    assert set(Group.objects.values_list("name", flat=True)) >= {"Providers", "Course editors", "Instructors"}
