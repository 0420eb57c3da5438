"""The reports' registrations in the Wagtail admin. Each kind of report registers in its own function."""

from wagtail import hooks

# -- providers' event reports (reports/views_events.py) ---------------------------------------------------


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
