"""The "Question bank" admin menu: every question in one list, one editor per type, and the categories."""

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from courses.models import CoursePage, ModulePage

from .choices import QuestionStatus
from .models import QUESTION_TYPES, CaseScenarioQuestion, Question, QuestionCategory

TYPE_BY_KEY = {model.type_key: model for model in QUESTION_TYPES}


class QuestionFilterSet(WagtailFilterSet):
    type = django_filters.ChoiceFilter(
        label="Type",
        choices=[(model.type_key, model.type_label) for model in QUESTION_TYPES],
        method="filter_type",
        empty_label="Any type",
    )
    course = django_filters.ModelChoiceFilter(queryset=CoursePage.objects.order_by("title"), empty_label="Any course")
    category = django_filters.ModelChoiceFilter(queryset=QuestionCategory.objects.all(), empty_label="Any category")
    status = django_filters.ChoiceFilter(choices=QuestionStatus.choices, empty_label="Any status")

    class Meta:
        model = Question
        fields = ["type", "course", "category", "status"]

    def filter_type(self, queryset, name, value):
        model = TYPE_BY_KEY.get(value)
        return queryset.instance_of(model) if model else queryset


class TypeFilterSet(QuestionFilterSet):
    """The per-type listings: the same filters, less the type."""

    class Meta:
        model = Question
        fields = ["course", "category", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("type", None)


def _viewset_for(instance):
    return getattr(type(instance), "snippet_viewset", None)


class AllQuestionsIndexView(IndexView):
    """Every type in one list; each row opens the editor of its own type."""

    def _type_permission(self, instance, action: str) -> bool:
        return policy_registry.get_by_type(type(instance)).user_has_permission(self.request.user, action)

    def get_edit_url(self, instance):
        viewset = _viewset_for(instance)
        if viewset and viewset.model is not Question and self._type_permission(instance, "change"):
            return reverse(viewset.get_url_name("edit"), args=[instance.pk])
        return None

    def get_delete_url(self, instance):
        viewset = _viewset_for(instance)
        if viewset and viewset.model is not Question and self._type_permission(instance, "delete"):
            return reverse(viewset.get_url_name("delete"), args=[instance.pk])
        return None

    def get_copy_url(self, instance):
        return None

    def get_inspect_url(self, instance):
        return None

    def get_add_url(self):
        if any(
            policy_registry.get_by_type(model).user_has_permission(self.request.user, "add") for model in QUESTION_TYPES
        ):
            return reverse(Question.snippet_viewset.get_url_name("add"))
        return None

    @cached_property
    def add_item_label(self):
        return "Add a question"


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
                "label": model.type_label,
                "description": TYPE_DESCRIPTIONS[model.type_key],
                "url": reverse(model.snippet_viewset.get_url_name("add")),
            }
            for model in QUESTION_TYPES
            if policy_registry.get_by_type(model).user_has_permission(user, "add")
        ]
        if not context["types"]:
            raise Http404
        return context


TYPE_DESCRIPTIONS = {
    "single_choice": "One right answer among several options.",
    "multiple_response": "Several right options; partial credit or all or nothing.",
    "true_false": "A statement the learner marks true or false.",
    "matching": "Pairs to match: a stroke and what it does, a condition and the action it calls for.",
    "ordering": "Steps to put in sequence, such as the flow of a session.",
    "case_scenario": "A client vignette and decision steps, with weighted options and critical safety errors.",
}


def open_specific_editor(request, pk):
    """The all-questions editor URL sends the editor to the editor of the question's own type."""
    question = get_object_or_404(Question, pk=pk)
    return redirect(type(question).snippet_viewset.get_url_name("edit"), pk=question.pk)


UPDATED = DateColumn("updated_at", label="Updated", sort_key="updated_at")


class TypeColumn(Column):
    def get_value(self, instance):
        return instance.type_label


class QuestionChooserFilterForm(BaseFilterForm):
    """Search and filters for the question chooser a quiz's fixed list uses."""

    q = forms.CharField(
        label="Search", required=False, widget=forms.TextInput(attrs={"placeholder": "Words or reference"})
    )
    type = forms.ChoiceField(
        required=False, choices=[("", "Any type")] + [(m.type_key, m.type_label) for m in QUESTION_TYPES]
    )
    course = forms.ModelChoiceField(
        required=False, queryset=CoursePage.objects.order_by("title"), empty_label="Any course"
    )
    category = forms.ModelChoiceField(
        required=False, queryset=QuestionCategory.objects.all(), empty_label="Any category"
    )

    def filter(self, objects):
        objects = super().filter(objects)
        data = self.cleaned_data if self.is_valid() else {}
        query = (data.get("q") or "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(
                Q(prompt__icontains=query) | Q(reference__icontains=query) | Q(explanation__icontains=query)
            )
        if data.get("type") in TYPE_BY_KEY:
            objects = objects.instance_of(TYPE_BY_KEY[data["type"]])
        if data.get("course"):
            objects = objects.filter(course=data["course"])
        if data.get("category"):
            objects = objects.filter(category=data["category"])
        return objects


class QuestionChooserColumns:
    filter_form_class = QuestionChooserFilterForm

    @property
    def columns(self):
        return [*super().columns, TypeColumn("type", label="Type"), Column("reference"), Column("course")]


class QuestionChooseView(QuestionChooserColumns, ChooseView):
    pass


class QuestionChooseResultsView(QuestionChooserColumns, ChooseResultsView):
    pass


class QuestionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView


class AllQuestionsViewSet(SnippetViewSet):
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

    @cached_property
    def list_display(self):
        return [
            "__str__",
            TypeColumn("type", label="Type"),
            "reference",
            "course",
            "category",
            "status",
            UPDATED,
        ]

    @property
    def add_view(self):
        return ChooseQuestionTypeView.as_view()

    @property
    def edit_view(self):
        return open_specific_editor


def question_viewset(question_model, icon: str) -> type[SnippetViewSet]:
    return type(
        f"{question_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": question_model,
            "icon": icon,
            "menu_label": question_model._meta.verbose_name_plural.capitalize(),
            "list_display": ["__str__", "reference", "course", "category", "status", UPDATED],
            "filterset_class": type(
                f"{question_model.__name__}FilterSet",
                (TypeFilterSet,),
                {"Meta": type("Meta", (), {"model": question_model, "fields": ["course", "category", "status"]})},
            ),
            "search_fields": ["prompt", "explanation", "reference"],
            "search_backend_name": None,
            "copy_view_enabled": False,
        },
    )


ICONS = {
    "single_choice": "radio-full",
    "multiple_response": "tasks",
    "true_false": "check",
    "matching": "link",
    "ordering": "order",
    "case_scenario": "user",
}


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-inverse"
    menu_label = "Categories"
    list_display = ["name", "course"]
    list_filter = ["course"]
    search_fields = ["name", "description"]
    search_backend_name = None


class QuestionBankViewSetGroup(SnippetViewSetGroup):
    items = (
        AllQuestionsViewSet,
        *(question_viewset(model, ICONS[model.type_key]) for model in QUESTION_TYPES),
        QuestionCategoryViewSet,
    )
    menu_icon = "help"
    menu_label = "Question bank"
    menu_name = "question-bank"
    menu_order = 250


register_snippet(QuestionBankViewSetGroup)


def module_sections(request, pk):
    """The sections of a module, for the "section to review" select in the question editor."""
    module = get_object_or_404(ModulePage, pk=pk)
    return JsonResponse({"sections": [{"value": anchor, "label": label} for anchor, label in module.section_anchors()]})


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    urls = [path("module-sections/<int:pk>/", module_sections, name="module_sections")]
    return [path("quizzes/", include((urls, "quizzes_admin"), namespace="quizzes_admin"))]


def _warn_about_safety_steps(request, instance):
    """A live case scenario whose safety step has no critical option lets a dangerous answer pass."""
    if not isinstance(instance, CaseScenarioQuestion) or instance.status != QuestionStatus.ACTIVE:
        return
    numbers = instance.safety_steps_without_critical_option()
    if numbers:
        listed = ", ".join(str(number) for number in numbers)
        messages.warning(
            request,
            f"“{instance}” is active, but safety step{'s' if len(numbers) > 1 else ''} {listed} "
            f"{'have' if len(numbers) > 1 else 'has'} no option marked as a critical safety error, so a learner "
            "who picks a dangerous answer there can still pass. Mark the dangerous options critical, or untick "
            "“safety decision” on a step where no option could harm the client.",
        )


hooks.register("after_create_snippet", _warn_about_safety_steps)
hooks.register("after_edit_snippet", _warn_about_safety_steps)
