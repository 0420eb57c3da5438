from django.db import DEFAULT_DB_ALIAS
from wagtail.signals import page_published


def ensure_authoring_setup(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs) -> None:
    """After migrate: the authoring groups and workflow exist on every install."""
    from home.authoring import create_all_permissions

    from .services import ensure_authoring_setup as ensure

    if using != DEFAULT_DB_ALIAS:
        return
    create_all_permissions(using)
    ensure()


def sync_team_on_publish(sender, instance, **kwargs) -> None:
    from .services import sync_course_team

    sync_course_team(instance)


def register() -> None:
    from .models import CoursePage

    page_published.connect(sync_team_on_publish, sender=CoursePage, dispatch_uid="courses_sync_team")
