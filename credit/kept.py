"""What the dashboard and the renewal tracker read that only an administrator or a publish changes, kept per
page-cache generation: each renewal requirement's rules, the courses open for enrolment, and each course's
live modules and quizzes.

A publish, unpublish, move or delete, or a saved snippet (requirement profiles and CE categories are
snippets) or requirement rule (`PAGE_CACHE_MODELS`), starts a new generation, and with it a new key.
"""

import hashlib
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q, prefetch_related_objects
from pagecache.generation import kept

from courses.models import CourseCECategory, CoursePage

from . import rules
from .choices import DELIVERY_SCOPE_METHODS
from .models import RequirementProfile, RequirementRule


def requirement_for(profile: RequirementProfile) -> rules.Requirement:
    """A requirement profile (with rules and their categories prefetched) as plain data."""
    return rules.Requirement(
        hours_required=profile.hours_required,
        rules=tuple(
            rules.Rule(
                label=rule.label,
                kind=rule.kind,
                hours=rule.hours,
                categories=frozenset(category.slug for category in rule.categories.all()),
                delivery_methods=DELIVERY_SCOPE_METHODS[rule.delivery],
            )
            for rule in profile.rules.all()
        ),
    )


# How long a kept set of requirements lives at most (a new page-cache generation replaces it sooner).
REQUIREMENTS_SECONDS = 6 * 3600


def requirements_by_profile(profiles: list[RequirementProfile]) -> dict[int, rules.Requirement]:
    """The requirement of each profile (its rules and their categories) as plain data, by profile id.

    Administrators edit requirement profiles as snippets; saving one (or a CE category) starts a new page-cache
    generation, so the answer is kept under it and the dashboard stops reading the rules (two queries) each time.
    """
    if not profiles:
        return _read_requirements(profiles)
    which = ",".join(str(pk) for pk in sorted({profile.pk for profile in profiles}))
    return kept(f"credit:requirements:{which}", lambda: _read_requirements(profiles), seconds=REQUIREMENTS_SECONDS)


def _read_requirements(profiles: list[RequirementProfile]) -> dict[int, rules.Requirement]:
    profiles = list({profile.pk: profile for profile in profiles}.values())
    prefetch_related_objects(
        profiles,
        Prefetch("rules", queryset=RequirementRule.objects.order_by("sort_order").prefetch_related("categories")),
    )
    return {profile.pk: requirement_for(profile) for profile in profiles}


# How long the kept list of courses open for enrolment lives at most (a new generation replaces it sooner).
OPEN_COURSES_SECONDS = 6 * 3600


def open_courses() -> list[tuple[CoursePage, dict[str, Decimal]]]:
    """Live courses open for enrolment, by title, each with its hours per CE category.

    Only a publish (or a saved CE category, a snippet) changes them, each of which starts a new page-cache
    generation, so the list is kept under it rather than read (two queries) on every dashboard.
    """
    return kept("credit:open-courses", _read_open_courses, seconds=OPEN_COURSES_SECONDS)


def _read_open_courses() -> list[tuple[CoursePage, dict[str, Decimal]]]:
    courses = (
        CoursePage.objects.live()
        .filter(enrolment_open=True)
        .prefetch_related(Prefetch("ce_category_links", queryset=CourseCECategory.objects.select_related("category")))
        .order_by("title")
    )
    found = []
    for course in courses:
        category_hours = {link.category.slug: link.hours for link in course.ce_category_links.all()}
        # Kept without the prefetched links: the hours above are all that is read of them.
        course._prefetched_objects_cache = {}
        found.append((course, category_hours))
    return found


def children_by_course(model, courses: list[CoursePage], **filters) -> dict[int, list]:
    """Live child pages of one type (modules, quizzes) of many courses in one query, in page order.

    Which pages are live under a course changes only with a publish, unpublish, move or delete, each of
    which starts a new page-cache generation, so the answer is kept under it.
    """
    if not courses:
        return {}
    wanted = ",".join(str(course.pk) for course in sorted(courses, key=lambda course: course.pk))
    which = hashlib.sha256(f"{model._meta.label_lower}:{sorted(filters.items())}:{wanted}".encode()).hexdigest()
    return kept(
        f"credit:children:{which}",
        lambda: _read_children_by_course(model, courses, **filters),
        seconds=CHILDREN_SECONDS,
    )


# How long a kept list of a course's modules or quizzes lives at most (a new generation replaces it sooner).
CHILDREN_SECONDS = 6 * 3600


def _read_children_by_course(model, courses: list[CoursePage], **filters) -> dict[int, list]:
    found: dict[int, list] = {course.pk: [] for course in courses}
    condition = reduce(or_, (Q(path__startswith=course.path, depth=course.depth + 1) for course in courses))
    by_path = {course.path: course.pk for course in courses}
    for page in model.objects.live().filter(condition, **filters).order_by("path"):
        course_id = by_path.get(page.path[: -model.steplen])
        if course_id is not None:
            found[course_id].append(page)
    return found
