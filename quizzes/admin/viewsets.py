"""The "Question bank" admin menu: every question in one list, one listing and editor per type, and the
categories. The per-type entries are built from the question-type registry. Every one of them shows a
user only their courses' questions (see :mod:`quizzes.admin.scoping`)."""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from quizzes.models import Question, QuestionCategory
from quizzes.question_types import registry
from quizzes.question_types.base import QuestionType, question_edit_handler

from .chooser import QuestionChooserViewSet, ScopedChooserViewSet
from .filters import QuestionCategoryFilterSet, QuestionFilterSet, type_filterset
from .scoping import CourseScopedViewSetMixin
from .views import UPDATED, AllQuestionsIndexView, ChooseQuestionTypeView, TypeColumn, open_specific_editor


class AllQuestionsViewSet(CourseScopedViewSetMixin, SnippetViewSet):
    model = Question
    icon = "list-ul"
    menu_label = "All questions"
    menu_name = "all-questions"
    index_view_class = AllQuestionsIndexView
    chooser_viewset_class = QuestionChooserViewSet
    filterset_class = QuestionFilterSet
    search_fields = ["prompt", "explanation", "reference"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = question_edit_handler([])

    @cached_property
    def list_display(self):
        return [
            "__str__",
            TypeColumn("type", label="Type"),
            "reference",
            "course",
            "category",
            UPDATED,
        ]

    @property
    def add_view(self):
        return ChooseQuestionTypeView.as_view()

    @property
    def edit_view(self):
        return open_specific_editor


def question_viewset(question_type: QuestionType) -> type[SnippetViewSet]:
    """The listing and editor of one type, with the panels the type declares."""
    model = question_type.model_class
    return type(
        f"{model.__name__}ViewSet",
        (CourseScopedViewSetMixin, SnippetViewSet),
        {
            "model": model,
            "chooser_viewset_class": ScopedChooserViewSet,
            "icon": question_type.icon,
            "menu_label": model._meta.verbose_name_plural.capitalize(),
            "list_display": ["__str__", "reference", "course", "category", UPDATED],
            "filterset_class": type_filterset(model),
            "search_fields": ["prompt", "explanation", "reference"],
            "search_backend_name": None,
            "copy_view_enabled": False,
            "edit_handler": question_type.edit_handler(),
        },
    )


class QuestionCategoryViewSet(CourseScopedViewSetMixin, SnippetViewSet):
    model = QuestionCategory
    chooser_viewset_class = ScopedChooserViewSet
    icon = "folder-inverse"
    menu_label = "Categories"
    list_display = ["name", "course"]
    filterset_class = QuestionCategoryFilterSet
    search_fields = ["name", "description"]
    search_backend_name = None


class QuestionBankViewSetGroup(SnippetViewSetGroup):
    items = (
        AllQuestionsViewSet,
        *(question_viewset(question_type) for question_type in registry.all()),
        QuestionCategoryViewSet,
    )
    menu_icon = "help"
    menu_label = "Question bank"
    menu_name = "question-bank"
    menu_order = 250
