"""Registrations only. Each kind of report keeps its registrations in its own functions.

Course reports (for a course's instructors and administrators): the admin URLs, the "Reports" menu item and
the instructor's "My courses" panel on the admin home page. What they register lives in reports.course_views
and reports.admin_panels.
"""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import course_urls
from .admin_panels import my_courses_panel
from .course_access import report_course_ids

# --- Course reports -------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_course_report_urls():
    return [path("reports/courses/", include(course_urls, namespace="course_reports"))]


class CourseReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(report_course_ids(request.user))


@hooks.register("register_admin_menu_item")
def register_course_reports_menu_item():
    return CourseReportsMenuItem(
        "Reports", reverse("course_reports:index"), name="reports", icon_name="table", order=250
    )


@hooks.register("construct_homepage_panels")
def add_my_courses_panel(request, panels):
    panel = my_courses_panel(request.user)
    if panel is not None:
        panels.append(panel)
