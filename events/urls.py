"""Calendar files: plain GET addresses that calendar apps can download or subscribe to."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("events.ics", views.events_feed, name="feed"),
    path("events/<uuid:uid>.ics", views.event_calendar, name="event_calendar"),
]
