"""Editor panels for the question bank."""

import functools

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin import compare
from wagtail.admin.panels import InlinePanel, Panel


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


class NestedChildRelationComparison(compare.ChildRelationComparison):
    """The comparison of children inside a child, such as a case step's options.

    Wagtail's comparison view lists a child's fields but leaves a relation inside it blank; reviewers
    approving a case scenario need to see each option's text, weight and critical flag change.
    """

    def htmldiff(self):
        rows = []
        for child in self.get_child_comparisons():
            if child.is_addition():
                state, note = " addition", "Added. "
            elif child.is_deletion():
                state, note = " deletion", "Removed. "
            else:
                state, note = "", ""
            fields = format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((field.field_label(), field.htmldiff()) for field in child.get_field_comparisons()),
            )
            rows.append(
                format_html(
                    '<li class="comparison__child-object{}">{}<dl class="comparison__list">{}</dl></li>',
                    state,
                    note,
                    fields,
                )
            )
        return format_html("<ol>{}</ol>", mark_safe("".join(rows)))  # noqa: S308 - every row is built with format_html


class NestedInlinePanel(InlinePanel):
    """An InlinePanel inside another one (a case step's options) whose changes the comparison view shows."""

    class BoundPanel(InlinePanel.BoundPanel):
        def get_comparison(self):
            return [
                functools.partial(
                    NestedChildRelationComparison, comparison.args[0], *comparison.args[1:], **comparison.keywords
                )
                for comparison in super().get_comparison()
            ]
