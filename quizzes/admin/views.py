"""The question bank's admin views: the all-questions listing, choosing a type to add, and the module-sections
lookup the question editor's "section to review" select uses. The question chooser is in ``chooser``."""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import IndexView

from courses.models import CoursePage, ModulePage
from quizzes.bank_access import may_author
from quizzes.models import Question
from quizzes.question_types import registry

from .interchange import header_buttons as interchange_buttons


def _viewset_for(instance):
    return getattr(type(instance), "snippet_viewset", None)


def _may(user, model, action: str) -> bool:
    return policy_registry.get_by_type(model).user_has_permission(user, action)


class AllQuestionsIndexView(IndexView):
    """Every type in one list; each row opens the editor of its own type."""

    def get_edit_url(self, instance):
        viewset = _viewset_for(instance)
        if viewset and viewset.model is not Question and _may(self.request.user, type(instance), "change"):
            return reverse(viewset.get_url_name("edit"), args=[instance.pk])
        return None

    def get_delete_url(self, instance):
        viewset = _viewset_for(instance)
        if viewset and viewset.model is not Question and _may(self.request.user, type(instance), "delete"):
            return reverse(viewset.get_url_name("delete"), args=[instance.pk])
        return None

    def get_copy_url(self, instance):
        return None

    def get_inspect_url(self, instance):
        return None

    def get_add_url(self):
        if any(_may(self.request.user, question_type.model_class, "add") for question_type in registry.all()):
            return reverse(Question.snippet_viewset.get_url_name("add"))
        return None

    @cached_property
    def add_item_label(self):
        return "Add a question"

    @cached_property
    def header_buttons(self):
        # Import and export of whole banks (GIFT, Moodle XML, CSV) sit next to "Add a question".
        return [*super().header_buttons, *interchange_buttons(self.request.user)]


class ChooseQuestionTypeView(WagtailAdminTemplateMixin, TemplateView):
    """Adding "a question" starts by choosing its type."""

    template_name = "quizzes/admin/choose_question_type.html"
    page_title = "Add a question"
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["types"] = [
            {
                "label": question_type.label,
                "description": question_type.description,
                "url": reverse(question_type.model_class.snippet_viewset.get_url_name("add")),
            }
            for question_type in registry.all()
            if hasattr(question_type.model_class, "snippet_viewset") and _may(user, question_type.model_class, "add")
        ]
        if not context["types"]:
            raise Http404
        return context


def open_specific_editor(request, pk):
    """The all-questions editor URL sends the editor to the editor of the question's own type."""
    question = get_object_or_404(Question, pk=pk)
    return redirect(type(question).snippet_viewset.get_url_name("edit"), pk=question.pk)


UPDATED = DateColumn("updated_at", label="Updated", sort_key="updated_at")


class TypeColumn(Column):
    def get_value(self, instance):
        return instance.type_label


def module_sections(request, pk):
    """The sections of a module, for the "section to review" select in the question editor."""
    module = get_object_or_404(ModulePage, pk=pk)
    # Only for someone who may author questions for the module's course: a draft module's outline is not
    # another course's or a provider's to read.
    course_id = CoursePage.objects.ancestor_of(module).values_list("pk", flat=True).first()
    if course_id is None or not may_author(request.user, course_id):
        raise Http404("No such module in your courses.")
    return JsonResponse({"sections": [{"value": anchor, "label": label} for anchor, label in module.section_anchors()]})
