"""Keeping each instructor inside their own courses' question bank, in every admin view.

Wagtail's snippet views check model permissions ("may change questions"), not which question. The
bank is per course (see :mod:`quizzes.bank_access`), so every view of a question or category is
wrapped here: listings and choosers start from the user's own questions, and a URL naming a question
or category the user may not author answers 404, whatever the view (edit, preview, history,
comparison, usage, workflow, lock, delete, chooser).

Models are imported inside functions: the models import this package's forms.
"""

from __future__ import annotations

import functools

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import URLPattern

from quizzes.bank_access import may_author, scope

_MISSING = object()


def owning_course_id(model, pk):
    """The course id the question or category with this pk belongs to; _MISSING when there is none."""
    from quizzes.models import Question

    queryset = Question.objects.non_polymorphic() if issubclass(model, Question) else model._default_manager
    try:
        found = list(queryset.filter(pk=pk).values_list("course_id", flat=True)[:1])
    except (TypeError, ValueError):
        return _MISSING
    return found[0] if found else _MISSING


def _guarded(view, model):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if "pk" in kwargs:
            course_id = owning_course_id(model, unquote(str(kwargs["pk"])))
            # A pk that matches nothing is left to the view, which answers 404 itself.
            if course_id is not _MISSING and not may_author(request.user, course_id):
                raise Http404("No such question in your courses.")
        return view(request, *args, **kwargs)

    return guarded


def guard_urlpatterns(urlpatterns: list, model) -> list:
    """The viewset's URL patterns, each view that names an object wrapped in the course check."""
    guarded = []
    for pattern in urlpatterns:
        if isinstance(pattern, URLPattern) and "pk" in pattern.pattern.regex.groupindex:
            pattern = URLPattern(pattern.pattern, _guarded(pattern.callback, model), pattern.default_args, pattern.name)
        guarded.append(pattern)
    return guarded


class CourseScopedViewSetMixin:
    """For a SnippetViewSet of questions or categories: scoped listing and guarded object URLs."""

    def get_queryset(self, request):
        return scope(request.user, self.model._default_manager.all())

    def get_urlpatterns(self):
        return guard_urlpatterns(super().get_urlpatterns(), self.model)


class CourseScopedChooserViewSetMixin:
    """For a chooser viewset: "chosen" URLs of questions outside the user's courses answer 404."""

    def get_urlpatterns(self):
        return guard_urlpatterns(super().get_urlpatterns(), self.model)
