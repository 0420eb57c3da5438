"""Course reports in the Wagtail admin: the list of courses the user may read, one course's report, and the
learner table as CSV. Who may read what is in :mod:`reports.course_access`; the figures in
:mod:`reports.course_report`; the drawings in :mod:`reports.course_charts`."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.models import CoursePage
from pageparts.spreadsheet import safe_cell

from . import course_learners, course_report, event_report
from .course_access import may_read_report, report_courses
from .course_charts import course_charts
from .course_forms import CourseReportFilterForm

INDEX_CRUMB = {"url": "", "label": "Courses and events"}


def _course_or_404(user, course_id) -> CoursePage:
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None or not may_read_report(user, course.pk):
        raise Http404("No such course among those you may report on.")
    return course


class CourseReportIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Reports › Courses and events: the courses the user may read reports of, with learners studying now and
    completions this month, and the way to the events report for those who run events."""

    template_name = "reports/course/index.html"
    page_title = "Courses and events"
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        courses = list(report_courses(self.request.user).only("pk", "title", "live"))
        context["event_reports"] = event_report.can_read_reports(self.request.user)
        if not courses and not context["event_reports"]:
            raise PermissionDenied  # Wagtail sends them back to the dashboard with "you may not"
        figures = course_report.learners_in_progress_and_completed_this_month(courses=courses)
        context["courses"] = [
            {
                "course": course,
                "url": reverse("course_reports:report", args=[course.pk]),
                "in_progress": figures.get(course.pk, (0, 0))[0],
                "completed_this_month": figures.get(course.pk, (0, 0))[1],
            }
            for course in courses
        ]
        return context


class CourseReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/course/report.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.course = _course_or_404(request.user, kwargs["course_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Report: {self.course.title}"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("course_reports:index"), "label": "Courses and events"}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.course.title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CourseReportFilterForm(self.request.GET or None)
        period = form.period()
        report = course_report.course_report(course=self.course, since=period["since"], until=period["until"])
        learners = course_learners.learner_page(course=self.course, page=self.request.GET.get("p", 1), **period)
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            course=self.course,
            form=form,
            report=report,
            charts=course_charts(report),
            learners=learners,
            page_query=query.urlencode(),
            csv_url=reverse("course_reports:learners_csv", args=[self.course.pk])
            + (f"?{query.urlencode()}" if query else ""),
        )
        return context


CSV_HEADER = ["Learner", "Email", "Enrolled", "Modules completed", "Modules", "Last activity", "Completed", "Status"]
CSV_HEADER += ["CE hours"]


def _day(value) -> str:
    return timezone.localtime(value).date().isoformat() if value else ""


def learners_csv(request, course_id):
    """The whole learner table (every page) for the period and sort chosen on the report."""
    course = _course_or_404(request.user, course_id)
    form = CourseReportFilterForm(request.GET or None)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{slugify(course.title) or 'course'}-learners-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for row in course_learners.all_learner_rows(course=course, **form.period()):
        cells = [row.name, row.email, _day(row.enrolled_at), row.modules_done, row.module_count]
        cells += [_day(row.last_activity_at), _day(row.completed_at), row.status, row.ce_hours or ""]
        writer.writerow([safe_cell(cell) for cell in cells])
    return response
