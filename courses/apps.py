from django.apps import AppConfig


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        from teams.setup import run_after_migrate

        from . import signal_handlers
        from .services import ensure_authoring_setup

        signal_handlers.register()
        # The authoring groups and the review workflow exist on every install.
        run_after_migrate(self, ensure_authoring_setup)
