"""Learner-facing quiz URLs, under /quizzes/ (the quiz's own page lives in the course page tree)."""

from django.urls import path

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from . import views

app_name = "quizzes"
urlpatterns = [
    path("<page_id:quiz_id>/start/", views.start, name="start"),
    path("attempts/<id:attempt_id>/", views.take, name="take"),
    path("attempts/<id:attempt_id>/answer/", views.autosave, name="autosave"),
    path("attempts/<id:attempt_id>/submit/", views.submit, name="submit"),
    path("attempts/<id:attempt_id>/review/", views.review, name="review"),
]
