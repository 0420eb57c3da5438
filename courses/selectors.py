"""Read queries for course pages, shaped so a page costs the same queries however big the course."""

from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page, Site

from .models import CECategory, CourseCECategory, CoursePage, ModulePage

CARD_IMAGE_SPEC = "fill-640x360"


def site_home() -> Page | None:
    """The home page: the root page of the default site (or of the first site, when none is the default).

    Found through Wagtail's sites rather than the project's home page model, so events does not depend
    on the project that hosts it.
    """
    site = Site.objects.select_related("root_page").order_by("-is_default_site", "pk").first()
    return site.root_page.specific if site is not None else None


def catalogue_courses(
    index: Page,
    *,
    category: CECategory | None = None,
    delivery: str | None = None,
    min_hours: Decimal | None = None,
    max_hours: Decimal | None = None,
) -> list[CoursePage]:
    """Live courses under the catalogue, filtered, each with `module_count` and its categories loaded."""
    from wagtail.images import get_image_model

    courses: QuerySet[CoursePage] = CoursePage.objects.live().descendant_of(index)
    if category is not None:
        courses = courses.filter(ce_category_links__category=category)
    if delivery:
        courses = courses.filter(delivery_method=delivery)
    if min_hours is not None:
        courses = courses.filter(ce_hours__gte=min_hours)
    if max_hours is not None:
        courses = courses.filter(ce_hours__lte=max_hours)
    courses = (
        courses.distinct()
        .order_by("title")
        .prefetch_related(
            Prefetch("ce_category_links", queryset=CourseCECategory.objects.select_related("category")),
            Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC)),
        )
    )
    return list(courses.annotate(module_count=Coalesce(Subquery(_live_module_count()), 0)))


def _live_module_count() -> QuerySet:
    """A subquery counting the live modules directly under the outer course."""
    return (
        ModulePage.objects.live()
        .filter(depth=OuterRef("depth") + 1, path__startswith=OuterRef("path"))
        .order_by()
        .values("depth")
        .annotate(count=Count("pk"))
        .values("count")
    )


# How long a module's kept course and sibling list live at most (a new page-cache generation replaces them sooner).
NAVIGATION_SECONDS = 6 * 3600


def course_and_modules(module: ModulePage) -> tuple[CoursePage | None, list[ModulePage]]:
    """The course a module belongs to and the course's live modules in order, kept per page-cache generation.

    Both change only when a page is published, unpublished, moved or deleted, each of which starts a new
    generation, so a learner going from module to module no longer looks them up (two queries) each time. A
    module not yet saved (a preview of a new page) is looked up afresh.
    """
    from pagecache.generation import kept

    if not module.pk:
        return _read_course_and_modules(module)
    return kept(
        f"courses:navigation:{module.pk}:{module.path}",
        lambda: _read_course_and_modules(module),
        seconds=NAVIGATION_SECONDS,
    )


def _read_course_and_modules(module: ModulePage) -> tuple[CoursePage | None, list[ModulePage]]:
    # Without their StreamFields (the modules' bodies, the course's objectives): the navigation, the progress
    # panel and the visit read titles, addresses and settings, and every request unpickles what is kept here.
    course = CoursePage.objects.ancestor_of(module).defer_streamfields().first()
    return course, list(ModulePage.objects.live().sibling_of(module).defer_streamfields().order_by("path"))


def module_navigation(module: ModulePage) -> dict:
    """The course a module belongs to, its sibling modules and the previous and next ones."""
    course = module.course
    siblings = module.course_modules
    position = next((i for i, sibling in enumerate(siblings) if sibling.pk == module.pk), None)
    previous_module = siblings[position - 1] if position not in (None, 0) else None
    next_module = siblings[position + 1] if position is not None and position + 1 < len(siblings) else None
    return {
        "course": course,
        "course_modules": siblings,
        "module_number": position + 1 if position is not None else None,
        "previous_module": previous_module,
        "next_module": next_module,
    }
