"""Who may read which course's report: administrators every course, an instructor the courses they teach.

"Teach" means listed among the course's instructors with their account linked (courses.Instructor.user), as on
the course page and certificates. To anyone else a course's report does not exist: the views answer 404.
"""

from __future__ import annotations

from django.db.models import QuerySet

from courses.models import CoursePage

# Cached on the user object for the request, like Wagtail's page permissions: the menu asks on every admin page.
_CACHE = "_course_report_ids"


def report_courses(user) -> QuerySet:
    """The courses whose reports the user may read, by title."""
    if not (user and user.is_authenticated and user.is_active):
        return CoursePage.objects.none()
    courses = CoursePage.objects.all() if user.is_superuser else CoursePage.objects.filter(instructors__user=user)
    return courses.order_by("title")


def report_course_ids(user) -> frozenset[int]:
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = frozenset(report_courses(user).values_list("pk", flat=True))
        if user is not None and user.is_authenticated:
            setattr(user, _CACHE, cached)
    return cached


def may_read_report(user, course_id: int) -> bool:
    return course_id in report_course_ids(user)
