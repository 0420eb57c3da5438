"""Calendar files (plain GET addresses that calendar apps download or subscribe to), and the registration forms."""

from django.urls import path

from . import registration_views, views

app_name = "events"
urlpatterns = [
    path("events.ics", views.events_feed, name="feed"),
    path("events/<uuid:uid>.ics", views.event_calendar, name="event_calendar"),
    path("events/<uuid:uid>/register/", registration_views.register, name="register"),
    path("registrations/<int:pk>/cancel/", registration_views.cancel, name="cancel_registration"),
]
