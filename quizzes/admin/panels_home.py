"""The instructor's dashboard panel "Questions to review": flagged questions across the quizzes of the
courses they teach, each linking to its place in the quiz's statistics and to its editor.

Shown only to someone listed as an instructor of a course; course editors and administrators reach every
quiz's report from the quiz itself. The flags come from :func:`quizzes.statistics.questions_to_review`
(graded attempts, cached per quiz until its next graded attempt).
"""

from __future__ import annotations

import functools
import operator

from wagtail.admin.ui.components import Component

from quizzes import statistics
from quizzes.bank_access import taught_course_ids
from quizzes.models import QuizPage

from .statistics_figures import anchor
from .statistics_report import report_url

SHOWN = 15  # questions listed before "and N more"; the reports have the rest


def taught_quizzes(user) -> list[QuizPage]:
    """The quizzes of the courses the user teaches, in tree order."""
    from courses.models import CoursePage

    courses = list(CoursePage.objects.filter(pk__in=taught_course_ids(user)))
    if not courses:
        return []
    within = functools.reduce(operator.or_, (QuizPage.objects.child_of_q(course) for course in courses))
    return list(QuizPage.objects.filter(within).order_by("path"))


class QuestionsToReviewPanel(Component):
    name = "quiz_questions_to_review"
    template_name = "quizzes/admin/statistics/home_panel.html"
    order = 205  # above the moderation panels: an instructor's own quizzes first

    def __init__(self, quizzes: list[QuizPage]):
        self.quizzes = quizzes

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        found = statistics.questions_to_review(quizzes=self.quizzes)
        context["items"] = [
            {
                "quiz": quiz,
                "question": question,
                "url": f"{report_url(quiz.pk)}#{anchor(question)}",
            }
            for quiz, question in found[:SHOWN]
        ]
        context["more"] = max(len(found) - SHOWN, 0)
        return context


def add_questions_to_review(request, panels):
    """construct_homepage_panels: the panel, for instructors with at least one quiz."""
    quizzes = taught_quizzes(request.user)
    if quizzes:
        panels.append(QuestionsToReviewPanel(quizzes))
