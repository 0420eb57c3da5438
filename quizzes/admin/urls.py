"""The quizzes admin's own URLs, under /admin/quizzes/ in the ``quizzes_admin`` namespace."""

from django.urls import path

from .views import module_sections

app_name = "quizzes_admin"

urlpatterns = [path("module-sections/<int:pk>/", module_sections, name="module_sections")]
