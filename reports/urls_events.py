"""Addresses of the providers' event reports, inside the Wagtail admin (registered in wagtail_hooks.py)."""

from django.urls import path

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from . import views_events

urlpatterns = [
    path("reports/events/", views_events.events_report_view, name=views_events.LIST),
    path("reports/events/report.csv", views_events.events_report_csv_view, name=views_events.CSV),
    path("reports/events/<page_id:event_id>/", views_events.event_report_view, name=views_events.EVENT),
]
