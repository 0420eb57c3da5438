"""Registrations only. Each kind of report keeps its registrations in its own functions.

Course reports (for a course's instructors and administrators): the admin URLs, Reports › "Courses and
events" in the menu and the instructor's "My courses" panel on the admin home page. What they register
lives in reports.course_views and reports.admin_panels.

Providers' event reports (for a provider's team, course editors and administrators): the admin URLs, the
provider's "Upcoming events" panel and the "Report" button on events. They live in reports.views_events,
reports.urls_events and reports.admin_panels_events.
"""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import course_urls
from .admin_panels import my_courses_panel

# --- Course reports -------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_course_report_urls():
    return [path("reports/courses/", include(course_urls, namespace="course_reports"))]


# "Courses and events" in Wagtail's own Reports menu, shown to everyone there (no query on every admin page):
# its page lists the courses the user teaches and, for those who run events, the events report; someone with
# neither goes back to the dashboard.
@hooks.register("register_reports_menu_item")
def register_course_reports_menu_item():
    return MenuItem(
        "Courses and events", reverse("course_reports:index"), name="courses-and-events", icon_name="table", order=50
    )


@hooks.register("construct_homepage_panels")
def add_my_courses_panel(request, panels):
    panel = my_courses_panel(request.user)
    if panel is not None:
        panels.append(panel)


# --- Providers' event reports ---------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_event_report_urls():
    from . import urls_events

    return urls_events.urlpatterns


@hooks.register("construct_homepage_panels")
def add_upcoming_events_panel(request, panels):
    from .admin_panels_events import upcoming_events_panel

    panel = upcoming_events_panel(request.user)
    if panel is not None:
        panels.append(panel)


def _event_report_header_buttons(page, user, view_name, next_url=None):
    from .admin_panels_events import report_buttons

    yield from report_buttons(page, user, listing=False)


def _event_report_listing_buttons(page, user, next_url=None):
    from .admin_panels_events import report_buttons

    yield from report_buttons(page, user, listing=True)


hooks.register("register_page_header_buttons", _event_report_header_buttons)
hooks.register("register_page_listing_more_buttons", _event_report_listing_buttons)
