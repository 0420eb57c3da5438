"""Events' admin registrations: the read-only registrations list of each event. The views live in `events/admin/`."""

from django.urls import path
from wagtail import hooks

from .admin import registrations


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [path("events/<int:event_id>/registrations/", registrations.registrations_view, name=registrations.URL_NAME)]


hooks.register("register_page_header_buttons", registrations.header_buttons)
hooks.register("register_page_listing_more_buttons", registrations.listing_buttons)
