"""The admin dashboard's panels for administrators and course editors; they live in `home.admin_panels`."""

from wagtail import hooks

from .admin_panels import add_panels

hooks.register("construct_homepage_panels", add_panels)
