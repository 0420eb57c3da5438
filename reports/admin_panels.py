"""The instructor's panel on the Wagtail admin home page: "My courses", with how each is going this month."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from courses.models import CoursePage

from .course_report import learners_in_progress_and_completed_this_month


def taught_courses(user) -> list[CoursePage]:
    """The courses the user is listed on as an instructor (administrators see every report, but not here)."""
    if not (user and user.is_authenticated and user.is_active):
        return []
    return list(CoursePage.objects.filter(instructors__user=user).only("pk", "title", "live").order_by("title"))


class MyCoursesPanel(Component):
    """Two queries, however many courses: the courses, then their figures in one aggregate."""

    name = "my_courses"
    order = 90  # above Wagtail's own panels (pages awaiting moderation: 100+)
    template_name = "reports/course/home_panel.html"

    def __init__(self, courses: list[CoursePage]):
        self.courses = courses

    def get_context_data(self, parent_context=None):
        figures = learners_in_progress_and_completed_this_month(courses=self.courses)
        return {
            "courses": [
                {
                    "course": course,
                    "url": reverse("course_reports:report", args=[course.pk]),
                    "in_progress": figures.get(course.pk, (0, 0))[0],
                    "completed_this_month": figures.get(course.pk, (0, 0))[1],
                }
                for course in self.courses
            ]
        }


def my_courses_panel(user) -> MyCoursesPanel | None:
    courses = taught_courses(user)
    return MyCoursesPanel(courses) if courses else None
