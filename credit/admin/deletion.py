"""Why a course that carries credit can't be deleted, for the page-deletion hooks.

Credit records point at their course and are kept for at least six years, so such a course stays; an
editor unpublishes it instead to take it out of the catalogue.
"""

from django.contrib import messages
from django.utils.html import format_html

from courses.models import CoursePage


def courses_with_credit(pages) -> list[CoursePage]:
    """Courses at or under the given pages that hold credit records."""
    found = []
    for page in pages:
        courses = CoursePage.objects.filter(path__startswith=page.path, credit_records__isnull=False).distinct()
        found.extend(courses)
    return found


def refuse(request, courses) -> None:
    """Tell the editor which courses stop the deletion, and what to do instead."""
    names = ", ".join(f"{course.title} ({course.credit_records.count()} credit records)" for course in courses[:5])
    messages.error(
        request,
        format_html(
            "This can't be deleted: learners earned credit in {}. Credit records are kept for at least six years, "
            "so the course must stay. Unpublish it instead to take it out of the catalogue.",
            names,
        ),
    )
