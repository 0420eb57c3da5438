"""Editor panels for the question bank and the quiz page."""

import functools

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin import compare
from wagtail.admin.panels import InlinePanel, MultipleChooserPanel, Panel


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


class QuizQuestionsPanel(MultipleChooserPanel):
    """A quiz's fixed questions: "Add questions" picks several at once from the bank, opened on the quiz's
    course; each row's chooser refuses a question the quiz already has."""

    def get_form_options(self):
        from .forms import QuizQuestionFormSet

        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = QuizQuestionFormSet
        return options

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        @property
        def media(self):
            return super().media + forms.Media(js=["quizzes/js/quiz-question-chooser.js"])


class QuizPointsPanel(Panel):
    """What the quiz is worth and its pass mark in points, from what the editor shows (saved or just posted).

    Authors set points per question and a pass mark in percent; this tells them what "70 %" asks of a
    learner on this quiz, for example 14 of 20 points.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Points")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "quizzes/panels/quiz_points_panel.html"

        def get_context_data(self, parent_context=None):
            from quizzes.question_types.base import live_forms
            from quizzes.selectors import quiz_points

            context = super().get_context_data(parent_context)
            form, page = self.form, self.instance
            if form is not None and form.is_bound and hasattr(form, "cleaned_data"):
                # Re-shown after a failed save: count what the editor posted, not what is stored.
                links = [row.cleaned_data.get("question") for row in live_forms(form.formsets["question_links"])]
                question_ids = [question.pk for question in links if question is not None]
                draws = [
                    (row.cleaned_data["category"].pk, row.cleaned_data.get("count") or 0)
                    for row in live_forms(form.formsets["random_draws"])
                    if row.cleaned_data.get("category") is not None
                ]
                pass_mark = form.cleaned_data.get("pass_mark", page.pass_mark)
            else:
                question_ids = [link.question_id for link in page.question_links.all() if link.question_id]
                draws = [(draw.category_id, draw.count or 0) for draw in page.random_draws.all() if draw.category_id]
                pass_mark = page.pass_mark
            points = quiz_points(question_ids=question_ids, draws=draws, pass_mark=pass_mark or 0)
            context.update(
                points=points,
                fixed_points=_number(points.fixed_points),
                draws=[
                    {
                        "category": draw.category,
                        "count": draw.count,
                        "low": _number(draw.low),
                        "high": _number(draw.high),
                    }
                    for draw in points.draws
                ],
                low=_number(points.low),
                high=_number(points.high),
                pass_low=_number(points.pass_points(points.low)),
                pass_high=_number(points.pass_points(points.high)),
            )
            return context


def _number(value) -> str:
    """Points as editors write them: 20, 2.5, 12.75."""
    return f"{value.normalize():f}"


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
