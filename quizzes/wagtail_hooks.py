"""Registrations only: the question bank menu, the quizzes admin URLs and the editor's safety warning.

What they register lives in :mod:`quizzes.admin`.
"""

from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin import urls as admin_urls
from .admin.safety import warn_about_safety_steps
from .admin.viewsets import QuestionBankViewSetGroup

register_snippet(QuestionBankViewSetGroup)


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [path("quizzes/", include(admin_urls, namespace="quizzes_admin"))]


hooks.register("after_create_snippet", warn_about_safety_steps)
hooks.register("after_edit_snippet", warn_about_safety_steps)
