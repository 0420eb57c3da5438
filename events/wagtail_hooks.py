"""Events' admin registrations: each event's read-only registrations list, its attendance pages (overview,
session rosters, audit history, the credit roster CSV), and Cancel event / Postpone event. The views live in
`events/admin/`."""

from django.urls import path
from wagtail import hooks

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from .admin import attendance, registrations, status_changes


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path("events/<page_id:event_id>/registrations/", registrations.registrations_view, name=registrations.URL_NAME)
    ]


@hooks.register("register_admin_urls")
def register_attendance_urls():
    return attendance.urls()


@hooks.register("register_admin_urls")
def register_status_change_urls():
    return status_changes.urls()


hooks.register("register_page_header_buttons", registrations.header_buttons)
hooks.register("register_page_listing_more_buttons", registrations.listing_buttons)
hooks.register("register_page_header_buttons", attendance.header_buttons)
hooks.register("register_page_listing_more_buttons", attendance.listing_buttons)
hooks.register("register_page_header_buttons", status_changes.header_buttons)
hooks.register("register_page_listing_more_buttons", status_changes.listing_buttons)
hooks.register("register_log_actions", status_changes.register_log_actions)
