from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
        post_migrate.connect(signal_handlers.ensure_authoring_setup, sender=self)
