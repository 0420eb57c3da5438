from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports for the people who run the training: instructors (their courses), providers (their events)
    and administrators (the site). They read every domain app and none reads them: the layer just under
    the project (docs/architecture.md). The quiz statistics stay in the quizzes app: they read only quizzes."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Reports"
