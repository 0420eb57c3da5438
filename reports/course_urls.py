"""The course reports' admin URLs, under /admin/reports/courses/ in the ``course_reports`` namespace."""

from django.urls import path

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from . import course_views

app_name = "course_reports"

urlpatterns = [
    path("", course_views.CourseReportIndexView.as_view(), name="index"),
    path("<page_id:course_id>/", course_views.CourseReportView.as_view(), name="report"),
    path("<page_id:course_id>/learners.csv", course_views.learners_csv, name="learners_csv"),
]
