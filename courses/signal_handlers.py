from wagtail.signals import page_published


def sync_team_on_publish(sender, instance, **kwargs) -> None:
    from .services import sync_course_team

    sync_course_team(instance)


def register() -> None:
    from .models import CoursePage

    page_published.connect(sync_team_on_publish, sender=CoursePage, dispatch_uid="courses_sync_team")
