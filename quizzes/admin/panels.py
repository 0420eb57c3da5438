"""Editor panels for the question bank."""

from wagtail.admin.panels import Panel


class QuestionUsagePanel(Panel):
    """Tells the editor where a question is used, and that graded attempts keep the version they showed.

    Instructors fix typos and sharpen options after a quiz has run; they need to know that doing so
    is safe for learners who already took it, and that new attempts get the new wording.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Where this question is used")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "quizzes/panels/question_usage_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from quizzes.models import AttemptAnswer, QuizQuestion

            context = super().get_context_data(parent_context)
            question = self.instance
            context["quizzes"] = [
                link.page for link in QuizQuestion.objects.filter(question=question).select_related("page")
            ]
            context["attempt_count"] = AttemptAnswer.objects.filter(question=question).count()
            context["in_category_draws"] = bool(question.category_id) and question.category.quiz_draws.exists()
            return context
