"""Learner-facing quiz URLs, under /quizzes/ (the quiz's own page lives in the course page tree)."""

from django.urls import path

from . import views

app_name = "quizzes"
urlpatterns = [
    path("<int:quiz_id>/start/", views.start, name="start"),
    path("attempts/<int:attempt_id>/", views.take, name="take"),
    path("attempts/<int:attempt_id>/answer/", views.autosave, name="autosave"),
    path("attempts/<int:attempt_id>/submit/", views.submit, name="submit"),
    path("attempts/<int:attempt_id>/review/", views.review, name="review"),
]
