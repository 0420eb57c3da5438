"""Filters for the question bank's listings and for the question chooser a quiz's fixed list uses."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm

from courses.models import CoursePage
from pageparts.ids import BoundedModelChoiceField
from quizzes.bank_access import courses_for, scope
from quizzes.models import Question, QuestionCategory
from quizzes.question_types import registry


def of_type(queryset, key: str):
    """The questions of the type with this key (the queryset unchanged for an unknown key)."""
    question_type = registry.find(key)
    return queryset.instance_of(question_type.model_class) if question_type else queryset


def your_courses(request):
    """The courses offered in the bank's filters: only those whose questions the user may author."""
    return courses_for(request.user) if request is not None else CoursePage.objects.none()


def your_categories(request):
    return (
        scope(request.user, QuestionCategory.objects.all()) if request is not None else QuestionCategory.objects.none()
    )


LIVE_CHOICES = [("true", "Live: quizzes ask it"), ("false", "Draft: not asked yet")]


class QuestionFilterSet(WagtailFilterSet):
    type = django_filters.ChoiceFilter(
        label="Type",
        choices=registry.choices,
        method="filter_type",
        empty_label="Any type",
    )
    course = django_filters.ModelChoiceFilter(queryset=your_courses, empty_label="Any of your courses")
    category = django_filters.ModelChoiceFilter(queryset=your_categories, empty_label="Any category")
    live = django_filters.ChoiceFilter(
        label="Status", choices=LIVE_CHOICES, method="filter_live", empty_label="Live or draft"
    )

    class Meta:
        model = Question
        fields = ["type", "course", "category", "live"]

    def filter_live(self, queryset, name, value):
        return queryset.filter(live=value == "true")

    def filter_type(self, queryset, name, value):
        return of_type(queryset, value)


class TypeFilterSet(QuestionFilterSet):
    """The per-type listings: the same filters, less the type."""

    class Meta:
        model = Question
        fields = ["course", "category", "live"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("type", None)


def type_filterset(model) -> type[TypeFilterSet]:
    return type(
        f"{model.__name__}FilterSet",
        (TypeFilterSet,),
        {"Meta": type("Meta", (), {"model": model, "fields": ["course", "category", "live"]})},
    )


class QuestionCategoryFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(queryset=your_courses, empty_label="Any of your courses")

    class Meta:
        model = QuestionCategory
        fields = ["course"]


class QuestionChooserFilterForm(BaseFilterForm):
    """Search and filters for the question chooser a quiz's fixed list uses."""

    q = forms.CharField(
        label="Search", required=False, widget=forms.TextInput(attrs={"placeholder": "Words or reference"})
    )
    type = forms.ChoiceField(required=False, choices=lambda: [("", "Any type"), *registry.choices()])
    course = BoundedModelChoiceField(
        required=False, queryset=CoursePage.objects.order_by("title"), empty_label="Any course"
    )
    category = BoundedModelChoiceField(
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
        if data.get("type"):
            objects = of_type(objects, data["type"])
        if data.get("course"):
            objects = objects.filter(course=data["course"])
        if data.get("category"):
            objects = objects.filter(category=data["category"])
        return objects
