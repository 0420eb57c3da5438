"""Admin forms for questions: the review-section picker and the checks that span a question's options."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.urls import reverse
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from . import scoring


class SectionSelect(forms.Select):
    """A select of the chosen module's sections; a small script refreshes it when the module changes."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs={"data-quiz-section-select": "", **(attrs or {})}, choices=choices)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-sections-url"] = reverse("quizzes_admin:module_sections", args=[0])
        return context

    class Media:
        js = ["quizzes/js/section-select.js"]


def _live_forms(formset) -> list:
    """The child forms an editor kept: filled in and not marked for deletion."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        kept.append(form)
    return kept


class QuestionAdminForm(WagtailAdminModelForm):
    """Offers the remediation module's sections as choices and checks each type's options make sense."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remediation_anchor" in self.fields:
            field = self.fields["remediation_anchor"]
            current = self.initial.get("remediation_anchor") or ""
            choices = [("", "The whole module")] + self._section_choices()
            if current and current not in dict(choices):
                choices.append((current, f"{current} (no longer in the module)"))
            self.fields["remediation_anchor"] = forms.ChoiceField(
                label=field.label,
                help_text=field.help_text,
                required=False,
                choices=choices,
                widget=SectionSelect(),
            )

    def _chosen_module(self):
        from courses.models import ModulePage

        if self.is_bound:
            raw = self.data.get(self.add_prefix("remediation_module"))
            try:
                module_id = int(raw) if raw else None
            except (TypeError, ValueError):
                module_id = None
        else:
            module_id = self.instance.remediation_module_id
        if not module_id:
            return None
        return ModulePage.objects.filter(pk=module_id).first()

    def _section_choices(self) -> list[tuple[str, str]]:
        module = self._chosen_module()
        return list(module.section_anchors()) if module else []

    def clean(self):
        cleaned = super().clean()
        module = cleaned.get("remediation_module")
        anchor = cleaned.get("remediation_anchor") or ""
        if anchor and not module:
            self.add_error("remediation_anchor", "Choose the module first.")
        elif anchor and anchor not in dict(module.specific.section_anchors()):
            self.add_error("remediation_anchor", "That section is not in the module any more; choose another.")
        course = cleaned.get("course")
        if module is not None:
            from courses.models import CoursePage

            module_course = CoursePage.objects.ancestor_of(module).first()
            if course is None and module_course is not None:
                cleaned["course"] = module_course
                self.instance.course = module_course
            elif course is not None and module_course is not None and module_course.pk != course.pk:
                self.add_error("remediation_module", "This module belongs to another course.")
        return cleaned

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid:
            return False
        problems = self.option_problems()
        for problem in problems:
            self.add_error(None, problem)
        return not problems

    def option_problems(self) -> list[str]:
        """Checks across a question's options that a single field can't make."""
        kind = self._meta.model.type_key
        if kind in (scoring.SINGLE_CHOICE, scoring.MULTIPLE_RESPONSE):
            options = _live_forms(self.formsets["options"])
            right = sum(1 for form in options if form.cleaned_data.get("is_correct"))
            problems = []
            if len(options) < 2:
                problems.append("Give at least two options.")
            if kind == scoring.SINGLE_CHOICE and right != 1:
                problems.append("Mark exactly one option as the right answer.")
            if kind == scoring.MULTIPLE_RESPONSE and right < 1:
                problems.append("Mark at least one option as a right answer.")
            if _duplicates(form.cleaned_data.get("text") for form in options):
                problems.append("Two options have the same text.")
            return problems
        if kind == scoring.MATCHING:
            pairs = _live_forms(self.formsets["pairs"])
            problems = []
            if sum(1 for form in pairs if form.cleaned_data.get("prompt")) < 2:
                problems.append("Give at least two pairs with a prompt.")
            if _duplicates(form.cleaned_data.get("answer") for form in pairs):
                problems.append("Two pairs have the same answer; learners couldn't tell them apart.")
            for form in pairs:
                if form.cleaned_data.get("prompt") and not form.cleaned_data.get("feedback"):
                    problems.append(f"Add feedback for the pair “{form.cleaned_data['prompt']}”.")
            return problems
        if kind == scoring.ORDERING:
            items = _live_forms(self.formsets["items"])
            problems = []
            if len(items) < 2:
                problems.append("Give at least two items to put in order.")
            if _duplicates(form.cleaned_data.get("text") for form in items):
                problems.append("Two items have the same text; learners couldn't tell them apart.")
            return problems
        if kind == scoring.CASE_SCENARIO:
            return self._case_problems()
        return []

    def _case_problems(self) -> list[str]:
        problems = []
        steps = _live_forms(self.formsets["steps"])
        if not steps:
            problems.append("Add at least one decision step.")
        for number, step in enumerate(steps, start=1):
            options = _live_forms(step.formsets["options"])
            if len(options) < 2:
                problems.append(f"Step {number}: give at least two options.")
                continue
            weights = [form.cleaned_data.get("weight") or Decimal("0") for form in options]
            scoring_options = [
                w
                for w, form in zip(weights, options, strict=True)
                if w > 0 and not form.cleaned_data.get("is_critical")
            ]
            if not scoring_options:
                problems.append(f"Step {number}: give at least one safe option a positive weight.")
            for form, weight in zip(options, weights, strict=True):
                if form.cleaned_data.get("is_critical") and weight > 0:
                    problems.append(
                        f"Step {number}: the critical option “{form.cleaned_data.get('text')}” can't earn points; "
                        "set its weight to 0."
                    )
            if _duplicates(form.cleaned_data.get("text") for form in options):
                problems.append(f"Step {number}: two options have the same text.")
        return problems


class QuizPageForm(WagtailAdminPageForm):
    """Publishing a quiz needs questions that exist; a draft may be saved half-built."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid or self.is_deferred_validation:
            return valid
        problems = self.question_problems()
        for problem in problems:
            self.add_error(None, problem)
        return not problems

    def question_problems(self) -> list[str]:
        from .choices import QuestionStatus
        from .models import Question

        fixed = [form.cleaned_data.get("question") for form in _live_forms(self.formsets["question_links"])]
        fixed_ids = {question.pk for question in fixed if question is not None}
        draws = [form.cleaned_data for form in _live_forms(self.formsets["random_draws"])]
        problems = []
        if not fixed_ids and not draws:
            problems.append("Add at least one question, or a random draw from a category, before publishing.")
        for draw in draws:
            category, count = draw.get("category"), draw.get("count") or 0
            if category is None:
                continue
            available = (
                Question.objects.filter(category=category, status=QuestionStatus.ACTIVE)
                .exclude(pk__in=fixed_ids)
                .count()
            )
            if count > available:
                problems.append(
                    f"The category “{category}” has only {available} active question{'' if available == 1 else 's'} "
                    f"not already in the fixed list; it can't supply {count}."
                )
        return problems


def _duplicates(values) -> bool:
    seen = set()
    for value in values:
        key = " ".join((value or "").lower().split())
        if key in seen:
            return True
        seen.add(key)
    return False
