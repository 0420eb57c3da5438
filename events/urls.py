"""Calendar files (plain GET addresses that calendar apps download or subscribe to), the registration forms and
self check-in."""

from django.urls import path

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from . import attendance_views, registration_views, views

app_name = "events"
urlpatterns = [
    path("events.ics", views.events_feed, name="feed"),
    path("events/<uuid:uid>.ics", views.event_calendar, name="event_calendar"),
    path("events/<uuid:uid>/register/", registration_views.register, name="register"),
    path("events/<uuid:uid>/check-in/", attendance_views.check_in, name="check_in"),
    path("registrations/<id:pk>/cancel/", registration_views.cancel, name="cancel_registration"),
]
