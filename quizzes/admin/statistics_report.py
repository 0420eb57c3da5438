"""A quiz's statistics report in the admin: how the quiz and each question performed, and the CSV of it.

Open to whoever may read the quiz's course's results: the course's instructors, course editors and
administrators (:func:`quizzes.bank_access.may_read_quiz_statistics`); anyone else with admin access gets
403, and a quiz id that matches no quiz 404. The figures come from :func:`quizzes.statistics.quiz_statistics`
(called through the module, so tests can stand in for it); this module only chooses and presents them.
"""

from __future__ import annotations

import csv
from datetime import date

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton, ListingButton

from quizzes import statistics
from quizzes.bank_access import may_read_quiz_statistics
from quizzes.models import QuizPage

from . import statistics_figures as figures
from .statistics_charts import report_charts

URL_NAME = "quizzes_admin:quiz_statistics"


class StatisticsFilterForm(forms.Form):
    """Which attempts to count, and between which days (both inclusive). Read from the query string."""

    attempts = forms.ChoiceField(
        label="Attempts to count", choices=statistics.ATTEMPT_CHOICES, required=False, initial=statistics.FIRST
    )
    since = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        cleaned["attempts"] = cleaned.get("attempts") or statistics.FIRST
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date. Choose an end on or after the start.")
        return cleaned


def may_see(user, quiz: QuizPage) -> bool:
    course = quiz.course
    return course is not None and may_read_quiz_statistics(user, course.pk)


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _period(since: date | None, until: date | None) -> str:
    if since and until:
        return f"from {_day(since)} to {_day(until)}"
    if since:
        return f"from {_day(since)}"
    if until:
        return f"up to {_day(until)}"
    return "since the quiz opened"


class QuizStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "quizzes/admin/statistics/report.html"
    page_title = "Quiz statistics"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.quiz = get_object_or_404(QuizPage, pk=kwargs["quiz_id"])
        if not may_see(request.user, self.quiz):
            # A 403 in the admin's own layout (the site's admin_403 page): Wagtail would turn PermissionDenied
            # into a silent trip to the dashboard.
            reason = f"The statistics of “{self.quiz.title}” are for its course's instructors and course editors."
            context = {"reason": reason, "dashboard_url": reverse("wagtailadmin_home")}
            return TemplateResponse(request, "admin_403.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.quiz.title

    def get_breadcrumbs_items(self):
        course = self.quiz.course
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("wagtailadmin_explore", args=[course.pk]), "label": course.title},
            {"url": reverse("wagtailadmin_pages:edit", args=[self.quiz.pk]), "label": self.quiz.title},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        self.form = StatisticsFilterForm(request.GET)
        if not self.form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        data = self.form.cleaned_data
        self.stats = statistics.quiz_statistics(
            quiz=self.quiz, attempts=data["attempts"], since=data["since"], until=data["until"]
        )
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(quiz=self.quiz, form=self.form, stats=None)
        if self.form.is_valid():
            data = self.form.cleaned_data
            stats = self.stats
            context.update(
                stats=stats,
                period=_period(data["since"], data["until"]),
                attempts_label=dict(statistics.ATTEMPT_CHOICES)[data["attempts"]],
                summary=figures.summary(stats, pass_mark=self.quiz.pass_mark),
                questions=figures.question_views(stats),
                flagged=[(question, figures.anchor(question)) for question in stats.flagged],
                csv_url=f"?{self._query(format='csv')}",
                charts=report_charts(stats),
            )
        return context

    def _query(self, **extra) -> str:
        query = self.request.GET.copy()
        query.pop("format", None)
        for key, value in extra.items():
            query[key] = value
        return query.urlencode()

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="{self.quiz.slug}-statistics-{stamp}.csv"'
        response.write("\ufeff")  # the byte-order mark tells Excel the file is UTF-8
        csv.writer(response).writerows(figures.csv_rows(self.stats))
        return response


def report_url(quiz_id: int) -> str:
    return reverse(URL_NAME, args=[quiz_id])


def header_buttons(page, user, view_name, next_url=None):
    """On a quiz in the page editor: a way to its statistics, for those who may read them."""
    specific = page.specific_deferred
    if isinstance(specific, QuizPage) and may_see(user, specific):
        yield HeaderButton("Statistics", url=report_url(page.pk), icon_name="table", priority=74)


def listing_buttons(page, user, next_url=None):
    specific = page.specific_deferred
    if isinstance(specific, QuizPage) and may_see(user, specific):
        yield ListingButton("Statistics", url=report_url(page.pk), icon_name="table", priority=74)
