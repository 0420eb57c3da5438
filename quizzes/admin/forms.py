"""Admin forms: the question editor (review-section picker, each type's checks across its options, the
user's own courses and categories), the category editor, and the quiz page (publishing needs questions
that exist; a question is in a quiz once)."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from quizzes.bank_access import courses_for, manages_shared_bank, may_author, scope
from quizzes.question_types import registry
from quizzes.question_types.base import Problem, live_forms

SHARED_BANK = "Shared bank (no course)"
OUTSIDE_OWN_QUESTION = "This question is not in your courses' bank (or no longer exists); choose one of yours."
OUTSIDE_OWN_CATEGORY = "This category is not in your courses' bank (or no longer exists); choose one of yours."


def offer_own_courses(form) -> None:
    """Offer only the courses (and categories) the user may author, as plain selects.

    Without a user (a form built in code) the choices stay open; the admin always passes one.
    """
    user = form.for_user
    if user is None:
        return
    if "course" in form.fields:
        field = form.fields["course"]
        field.widget = forms.Select()
        field.queryset = courses_for(user)
        field.empty_label = SHARED_BANK if manages_shared_bank(user) else "Choose one of your courses"
    if "category" in form.fields:
        from quizzes.models import QuestionCategory

        form.fields["category"].queryset = scope(user, QuestionCategory.objects.select_related("course"))


class QuestionCategoryForm(WagtailAdminModelForm):
    """A category belongs to one of the user's courses; only course editors keep shared ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_own_courses(self)

    def clean(self):
        cleaned = super().clean()
        if self.for_user is not None and "course" in cleaned:
            course = cleaned.get("course")
            if not may_author(self.for_user, course.pk if course else None):
                self.add_error("course", "Choose one of your courses: only course editors keep shared categories.")
        return cleaned


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


class QuestionAdminForm(WagtailAdminModelForm):
    """Offers the remediation module's sections as choices and checks each type's options make sense."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_own_courses(self)
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
        self._check_bank(cleaned)
        return cleaned

    def _check_bank(self, cleaned) -> None:
        """The question stays in the user's own courses, and its category in the question's course.

        A category feeds random draws: a question put into another course's category would appear in
        that course's quizzes, so a category must be the question's own course's, or shared.
        """
        course = cleaned.get("course")
        category = cleaned.get("category")
        user = self.for_user
        if "course" in self.errors:
            return
        if user is not None and not may_author(user, course.pk if course else None):
            if course is None:
                self.add_error("course", "Choose one of your courses: only course editors add to the shared bank.")
            else:
                # Only reached when the course was taken from the module: a course field offers only yours.
                self.add_error("remediation_module", "This module is in a course you don't teach.")
        if category is not None and category.course_id is not None:
            if course is None or category.course_id != course.pk:
                self.add_error("category", "This category belongs to another course; choose one of this course's.")
        elif category is not None and user is not None and not manages_shared_bank(user):
            self.add_error("category", "Only course editors put questions into shared categories.")

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid:
            return False
        problems = self.option_problems()
        placed = False
        for problem in problems:
            if isinstance(problem, Problem):
                # Beside the option or step it concerns, where the editor is looking when they fix it.
                problem.form.add_error(problem.field, problem.message)
                placed = True
            else:
                self.add_error(None, problem)
        if placed:
            self.add_error(None, "Some options or steps need a change: see the messages beside them.")
        return not problems

    def option_problems(self) -> list[str | Problem]:
        """Checks across a question's options that a single field can't make; each type names its own."""
        question_type = registry.find(self._meta.model.type_key)
        return question_type.admin_problems(self) if question_type else []


class QuizQuestionFormSet(BaseChildFormSet):
    """A quiz's fixed questions: each one's chooser opens on the quiz's course, and a question is listed once.

    ``course_id`` and ``quiz_id`` are set by :class:`QuizPageForm` before any row is built.
    """

    course_id: int | None = None
    quiz_id: int | None = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "question" in form.fields:
            from .chooser import QuestionChooserWidget

            form.fields["question"].widget = QuestionChooserWidget(course_id=self.course_id, quiz_id=self.quiz_id)
            form.fields["question"].error_messages["invalid_choice"] = OUTSIDE_OWN_QUESTION

    def validate_unique(self):
        # Named beside the second copy, instead of Django's "Please correct the duplicate data for page and
        # question" above the list.
        kept = sorted(live_forms(self), key=lambda form: form.cleaned_data.get("ORDER") or 0)
        seen = {}
        for position, form in enumerate(kept, start=1):
            question = form.cleaned_data.get("question")
            if question is None:
                continue
            if question.pk in seen:
                form.add_error(
                    "question",
                    f"“{question}” is already in this quiz, as question {seen[question.pk]}. Delete this row.",
                )
            else:
                seen[question.pk] = position
        super().validate_unique()


class QuizPageForm(WagtailAdminPageForm):
    """Publishing a quiz needs questions that exist; a draft may be saved half-built."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        links = self.formsets.get("question_links")
        if isinstance(links, QuizQuestionFormSet):
            from .chooser import quiz_course_id

            links.course_id = quiz_course_id(page=self.instance, parent_page=self.parent_page)
            links.quiz_id = self.instance.pk
        self._offer_own_categories()

    def _offer_own_categories(self) -> None:
        """Random draws offer only the categories of the user's courses (the bank is per course)."""
        draws = self.formsets.get("random_draws")
        if draws is None or self.for_user is None:
            return
        from quizzes.models import QuestionCategory

        categories = scope(self.for_user, QuestionCategory.objects.select_related("course"))
        build = draws.add_fields

        def add_fields(form, index):
            build(form, index)
            if "category" in form.fields:
                form.fields["category"].queryset = categories
                form.fields["category"].error_messages["invalid_choice"] = OUTSIDE_OWN_CATEGORY

        draws.add_fields = add_fields  # rows and the "add" template are built lazily, after this

    def _kept_from_before(self, relation: str, field: str) -> set[int]:
        """What the quiz's latest draft already holds: kept even if it is not the user's to choose now."""
        if self.instance.pk is None:
            return set()
        draft = self.instance.get_latest_revision_as_object()
        return {getattr(row, f"{field}_id") for row in getattr(draft, relation).all()}

    def _outside_own_bank(self) -> bool:
        """Mark rows that pick another course's question or category; True when there were any."""
        user = self.for_user
        if user is None:
            return False
        found = False
        kept_questions = self._kept_from_before("question_links", "question")
        for form in live_forms(self.formsets["question_links"]):
            question = form.cleaned_data.get("question")
            if question is not None and question.pk not in kept_questions and not may_author(user, question.course_id):
                form.add_error("question", OUTSIDE_OWN_QUESTION)
                found = True
        kept_categories = self._kept_from_before("random_draws", "category")
        for form in live_forms(self.formsets["random_draws"]):
            category = form.cleaned_data.get("category")
            if category is not None and category.pk not in kept_categories and not may_author(user, category.course_id):
                form.add_error("category", OUTSIDE_OWN_CATEGORY)
                found = True
        return found

    def is_valid(self) -> bool:
        valid = super().is_valid()
        outside = self._outside_own_bank()  # checked even when other fields failed, so every row says so
        if not valid or outside:
            return False
        if self.is_deferred_validation:
            return True
        problems = self.question_problems()
        for problem in problems:
            self.add_error(None, problem)
        return not problems

    def question_problems(self) -> list[str]:
        # Imported here: the quiz page model names this form, so models load before it is used.
        from quizzes.models import Question

        fixed = [form.cleaned_data.get("question") for form in live_forms(self.formsets["question_links"])]
        fixed_ids = {question.pk for question in fixed if question is not None}
        draws = [form.cleaned_data for form in live_forms(self.formsets["random_draws"])]
        problems = []
        if not fixed_ids and not draws:
            problems.append("Add at least one question, or a random draw from a category, before publishing.")
        for draw in draws:
            category, count = draw.get("category"), draw.get("count") or 0
            if category is None:
                continue
            available = Question.objects.filter(category=category, live=True).exclude(pk__in=fixed_ids).count()
            if count > available:
                problems.append(
                    f"The category “{category}” has only {available} live question{'' if available == 1 else 's'} "
                    f"not already in the fixed list; it can't supply {count}."
                )
        return problems
