"""The question chooser a quiz's fixed list uses.

It imports the models, so ``forms`` (which the models import) reaches it lazily; ``viewsets`` registers it.

The quiz editor opens it with the quiz's course already chosen in the course filter, and with the quiz's
id, so questions already in the quiz are shown as "Already in this quiz" and can't be picked again.
Several questions can be picked at once ("Add question" on the quiz editor); the listing shows each
question's type, points, status and how many quizzes already ask it. It offers only questions of the
user's own courses (quizzes.bank_access).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.chooser import CheckboxSelectColumn
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from courses.models import CoursePage
from quizzes.bank_access import courses_for, scope
from quizzes.models import Question, QuestionCategory, QuizPage

from .filters import QuestionChooserFilterForm
from .scoping import CourseScopedChooserViewSetMixin
from .views import TypeColumn

# The URL parameter naming the quiz being edited: its questions are shown as already added.
QUIZ_PARAMETER = "quiz"


def questions_in_quiz(user, quiz_id) -> set[int]:
    """The questions in the quiz's latest draft (what its editor shows), if this person may edit it."""
    try:
        quiz_id = int(quiz_id)
    except (TypeError, ValueError):
        return set()
    page = QuizPage.objects.filter(pk=quiz_id).first()
    if page is None or not page.permissions_for_user(user).can_edit():
        return set()
    draft = page.get_latest_revision_as_object()
    return {link.question_id for link in draft.question_links.all() if link.question_id}


class QuestionChooserWidget(AdminSnippetChooser):
    """The question chooser, opened with the quiz's course and the quiz itself in its URL."""

    def __init__(self, *, course_id: int | None = None, quiz_id: int | None = None, **kwargs):
        self.course_id = course_id
        self.quiz_id = quiz_id
        super().__init__(model=Question, **kwargs)

    def get_chooser_modal_url(self):
        url = super().get_chooser_modal_url()
        params = {}
        if self.course_id:
            params["course"] = self.course_id
        if self.quiz_id:
            params[QUIZ_PARAMETER] = self.quiz_id
        return f"{url}?{urlencode(params)}" if params else url


class PointsColumn(Column):
    def get_value(self, instance):
        # 1.00 reads as 1, 2.50 as 2.5.
        return f"{instance.points.normalize():f}" if instance.points is not None else ""


class StatusColumn(Column):
    """Live (approved, used in quizzes) or a draft; a live question with changes in review says so."""

    def get_value(self, instance):
        if not instance.live:
            return "Draft"
        return "Live, changes in draft" if instance.has_unpublished_changes else "Live"


class UsageColumn(Column):
    def get_value(self, instance):
        count = getattr(instance, "quiz_count", None) or 0
        return "Not in a quiz" if not count else f"{count} quiz{'' if count == 1 else 'zes'}"


class ChooseTitleColumn(TitleColumn):
    """The question's text; a question already in the quiz is neither a link nor a checkbox label."""

    def __init__(self, *args, already_added: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.already_added = already_added

    def get_link_url(self, instance, parent_context):
        return None if instance.pk in self.already_added else super().get_link_url(instance, parent_context)

    def get_label_id(self, instance, parent_context):
        return None if instance.pk in self.already_added else super().get_label_id(instance, parent_context)


class AlreadyAddedCheckboxColumn(CheckboxSelectColumn):
    cell_template_name = "quizzes/admin/chooser_select_cell.html"

    def __init__(self, *args, already_added: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.already_added = already_added

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["already_added"] = instance.pk in self.already_added
        return context


class AlreadyAddedColumn(Column):
    """Says, in words, which questions the quiz already has (for single choice, where there's no checkbox)."""

    def __init__(self, *args, already_added: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.already_added = already_added

    def get_value(self, instance):
        return "Already in this quiz" if instance.pk in self.already_added else ""


class QuestionChooserMixin:
    filter_form_class = QuestionChooserFilterForm

    def get_object_list(self):
        # Only the user's courses' questions (see quizzes.bank_access), with how many quizzes ask each.
        questions = scope(self.request.user, super().get_object_list())
        return questions.annotate(quiz_count=Count("quiz_links__page", distinct=True))

    def get_filter_form(self):
        form = super().get_filter_form()
        user = self.request.user
        if "course" in form.fields:
            form.fields["course"].queryset = courses_for(user)
        if "category" in form.fields:
            form.fields["category"].queryset = scope(user, QuestionCategory.objects.all())
        return form

    @cached_property
    def already_added(self) -> set[int]:
        return questions_in_quiz(self.request.user, self.request.GET.get(QUIZ_PARAMETER))

    @property
    def title_column(self):
        column = super().title_column
        return ChooseTitleColumn(
            column.name,
            label="Question",
            accessor=str,
            get_url=column._get_url_func,
            label_prefix=column.label_prefix,
            link_attrs=column.link_attrs,
            already_added=self.already_added,
        )

    @property
    def checkbox_column(self):
        return AlreadyAddedCheckboxColumn(
            "select", label="Select", width="1%", accessor="pk", already_added=self.already_added
        )

    @property
    def columns(self):
        return [
            *super().columns,
            TypeColumn("type", label="Type"),
            PointsColumn("points", label="Points"),
            StatusColumn("status", label="Status"),
            UsageColumn("usage", label="Used in"),
            Column("reference", label="Reference"),
            Column("course", label="Course"),
            AlreadyAddedColumn("added", label="In this quiz", already_added=self.already_added),
        ]


class QuestionChooseView(QuestionChooserMixin, ChooseView):
    pass


class QuestionChooseResultsView(QuestionChooserMixin, ChooseResultsView):
    pass


class QuestionChosenMultipleView(SnippetChosenMultipleView):
    """Questions picked together: any already in the quiz are dropped, so none is added twice."""

    def get_objects(self, pks):
        objects = scope(self.request.user, super().get_objects(pks))
        already = questions_in_quiz(self.request.user, self.request.GET.get(QUIZ_PARAMETER))
        return objects.exclude(pk__in=already) if already else objects


class QuestionChooserViewSet(CourseScopedChooserViewSetMixin, SnippetChooserViewSet):
    # The viewset hands this list to each of its views (over any the view class sets). Keeping the quiz in
    # the search, filter and page links and in "Confirm selection" keeps its questions marked as already added.
    preserve_url_parameters = ["multiple", QUIZ_PARAMETER]
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView
    chosen_multiple_view_class = QuestionChosenMultipleView


class _ScopedObjects:
    def get_object_list(self):
        return scope(self.request.user, super().get_object_list())


class ScopedChooseView(_ScopedObjects, ChooseView):
    pass


class ScopedChooseResultsView(_ScopedObjects, ChooseResultsView):
    pass


class ScopedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scope(self.request.user, super().get_objects(pks))


class ScopedChooserViewSet(CourseScopedChooserViewSetMixin, SnippetChooserViewSet):
    """The chooser of categories and of each question type: like their listings, it offers only what belongs to
    the user's own courses, and a category or question of another course's bank is a 404 here too."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_multiple_view_class = ScopedChosenMultipleView


def quiz_course_id(*, page, parent_page=None) -> int | None:
    """The course a quiz belongs to: its parent page (a new quiz's parent is the course it is added to)."""
    if parent_page is not None and page.pk is None:
        return parent_page.pk if parent_page.specific_class is CoursePage else None
    if page.pk is None:
        return None
    return CoursePage.objects.ancestor_of(page).values_list("pk", flat=True).first()
