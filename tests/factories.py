"""Builders for test data. Plain functions: each returns saved, published objects."""

from decimal import Decimal
from itertools import count

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import Page, Site

from courses.models import CECategory, CourseCECategory, CourseIndexPage, CoursePage, Instructor, ModulePage
from home.models import HomePage

_sequence = count(1)


def home_page() -> HomePage:
    return HomePage.objects.get()


def catalogue(parent: Page | None = None) -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    parent = parent or home_page()
    page = CourseIndexPage(title="Courses", slug="courses", intro="<p>Every course.</p>")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def category(slug: str = "hands-on-technique") -> CECategory:
    return CECategory.objects.get(slug=slug)


def course(
    *,
    title: str | None = None,
    parent: Page | None = None,
    ce_hours: Decimal | str = "2",
    delivery_method: str = "on_demand",
    categories: list[str] | tuple[str, ...] = ("hands-on-technique",),
    instructors: list[Instructor] | None = None,
    publish: bool = True,
    **fields,
) -> CoursePage:
    n = next(_sequence)
    title = title or f"Course {n}"
    page = CoursePage(
        title=title,
        slug=slugify(title),
        summary=fields.pop("summary", "A short course for testing."),
        description=fields.pop("description", "<p>About the course.</p>"),
        course_number=fields.pop("course_number", f"TS-{n:03d}"),
        ce_hours=Decimal(str(ce_hours)),
        delivery_method=delivery_method,
        live=publish,
        **fields,
    )
    for slug in categories:
        page.ce_category_links.add(CourseCECategory(category=category(slug)))
    if instructors:
        page.instructors.set(instructors)
    (parent or catalogue()).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def technique_block(stroke: str = "Superficial effleurage", family: str = "effleurage") -> tuple[str, dict]:
    return (
        "technique",
        {
            "stroke": stroke,
            "family": family,
            "purpose": "Warms the tissue and spreads the lubricant.",
            "contact_surfaces": ["palms", "forearm"],
            "direction": "Toward the heart",
            "pressure": "light",
            "tempo": "slow",
            "indications": ["Opening a session"],
            "cautions": ["Lighter over bony areas"],
        },
    )


def contraindication_block(condition: str = "Deep vein thrombosis") -> tuple[str, dict]:
    return (
        "contraindication",
        {
            "condition": condition,
            "severity": "absolute",
            "scope": "general",
            "actions": ["postpone", "refer"],
            "rationale": "A clot could be dislodged.",
        },
    )


def dialogue_block(title: str = "Checking pressure") -> tuple[str, dict]:
    return (
        "client_dialogue",
        {
            "situation": "pressure_check_in",
            "title": title,
            "lines": [
                {"speaker": "therapist", "text": "How is this pressure for you?"},
                {"speaker": "client", "text": "A little lighter, please."},
            ],
            "teaching_point": "Ask open questions.",
        },
    )


def module(
    course_page: CoursePage,
    *,
    title: str | None = None,
    body: list[tuple[str, object]] | None = None,
    intro: str = "What this module covers.",
    publish: bool = True,
) -> ModulePage:
    n = next(_sequence)
    title = title or f"Module {n}"
    page = ModulePage(
        title=title,
        slug=f"{slugify(title)}-{n}",
        intro=intro,
        body=body
        if body is not None
        else [("section", {"heading": "Overview", "anchor": ""}), ("text", "<p>Some words.</p>")],
        live=publish,
    )
    course_page.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def user(username: str | None = None, *, password: str = "pass-word-123", **fields):
    n = next(_sequence)
    return get_user_model().objects.create_user(
        username=username or f"user{n}", password=password, email=f"{username or f'user{n}'}@example.com", **fields
    )


def instructor(name: str = "Maya Okafor", *, with_user: bool = True) -> Instructor:
    account = user(name.split()[0].lower() + str(next(_sequence))) if with_user else None
    return Instructor.objects.create(name=name, credentials="LMT", user=account)


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)
