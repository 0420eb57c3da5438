from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self) -> None:
        from courses.panels_registry import COURSE_AFTER_MODULES, register_course_panel
        from teams.setup import run_after_migrate

        from .bank_setup import ensure_question_review

        # The course page lists its quizzes after the modules, without knowing quizzes exist.
        register_course_panel(
            "quizzes", slot=COURSE_AFTER_MODULES, order=10, template="{% load quiz_tags %}{% course_quizzes page %}"
        )
        # Question edits go live through the "Question review" workflow on every install.
        run_after_migrate(self, ensure_question_review)
