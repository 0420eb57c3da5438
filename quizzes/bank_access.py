"""Who may author which part of the question bank.

A question (and a question category) belongs to one course, or to the shared bank when its course is
blank. "Your courses" are the ones whose pages you may edit in Wagtail: an instructor through the
course's team group (see courses.services.sync_course_team), a course editor through the permission
on the site root, an administrator always. Instructors see, preview, edit and choose only their
courses' questions and categories; the shared bank is for those with the ``manage_shared_bank``
permission (course editors) and administrators. Outside that, a question does not exist for them:
the admin answers 404.

Read-only helpers: they never write.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

MANAGE_SHARED_BANK = "quizzes.manage_shared_bank"

# Cached on the user object for the request, as Wagtail caches page permissions.
_CACHE = "_quiz_bank_course_ids"


def courses_for(user) -> QuerySet:
    """The courses whose questions the user may author: those whose pages they may edit."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from courses.models import CoursePage

    if not (user and user.is_authenticated and user.is_active):
        return CoursePage.objects.none()
    return PagePermissionPolicy(CoursePage).instances_user_has_permission_for(user, "change").order_by("title")


def course_ids_for(user) -> frozenset[int]:
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = frozenset(courses_for(user).values_list("pk", flat=True))
        if user is not None:
            setattr(user, _CACHE, cached)
    return cached


def manages_shared_bank(user) -> bool:
    """Course editors and administrators look after the questions and categories no course owns."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(MANAGE_SHARED_BANK))


def may_author(user, course_id: int | None) -> bool:
    """Whether the user may see and edit what belongs to this course (None: the shared bank)."""
    if course_id is None:
        return manages_shared_bank(user)
    return course_id in course_ids_for(user)


def scope(user, queryset: QuerySet) -> QuerySet:
    """Questions or categories (anything with a ``course``) narrowed to what the user may author."""
    if user is not None and user.is_active and user.is_superuser:
        return queryset
    allowed = Q(course_id__in=course_ids_for(user))
    if manages_shared_bank(user):
        allowed |= Q(course__isnull=True)
    return queryset.filter(allowed)


def may_read_quiz_statistics(user, course_id: int | None) -> bool:
    """Whether the user may read how a quiz of this course performed: whoever may author its course's bank
    (the course's instructors, course editors, administrators). Learners' answers are pooled there, so the
    shared bank's rule does not apply: a quiz always sits in a course."""
    if not (user and user.is_authenticated and user.is_active) or course_id is None:
        return False
    return user.is_superuser or course_id in course_ids_for(user)


def taught_course_ids(user) -> list[int]:
    """The courses the user teaches (listed on the course as one of its instructors), for their dashboard."""
    from courses.models import CoursePage

    if not (user and user.is_authenticated and user.is_active):
        return []
    return list(CoursePage.objects.filter(instructors__user=user).values_list("pk", flat=True))
