from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from wagtail.signals import page_published


def ensure_authoring_setup(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs) -> None:
    """After migrate: the authoring groups and workflow exist on every install.

    post_migrate reaches apps in INSTALLED_APPS order, so permissions of apps listed after this one
    may not exist yet: create them first (what Django itself does in data migrations).
    """
    from .services import ensure_authoring_setup as ensure

    if using != DEFAULT_DB_ALIAS:
        return
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    ensure()


def sync_team_on_publish(sender, instance, **kwargs) -> None:
    from .services import sync_course_team

    sync_course_team(instance)


def register() -> None:
    from .models import CoursePage

    page_published.connect(sync_team_on_publish, sender=CoursePage, dispatch_uid="courses_sync_team")
