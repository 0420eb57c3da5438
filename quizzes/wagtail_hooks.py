"""Registrations only: the question bank menu, the quizzes admin URLs, the editor's safety warning, the way
from a quiz to its statistics and the instructor's "Questions to review" dashboard panel.

What they register lives in :mod:`quizzes.admin`.
"""

from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin import statistics_report
from .admin import urls as admin_urls
from .admin.panels_home import add_questions_to_review
from .admin.safety import warn_about_safety_steps
from .admin.viewsets import QuestionBankViewSetGroup

register_snippet(QuestionBankViewSetGroup)


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [path("quizzes/", include(admin_urls, namespace="quizzes_admin"))]


hooks.register("after_create_snippet", warn_about_safety_steps)
hooks.register("after_edit_snippet", warn_about_safety_steps)
hooks.register("register_page_header_buttons", statistics_report.header_buttons)
hooks.register("register_page_listing_more_buttons", statistics_report.listing_buttons)
hooks.register("construct_homepage_panels", add_questions_to_review)
