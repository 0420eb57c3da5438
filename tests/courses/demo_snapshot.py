"""A normalised, deterministic description of what the catalogue and quiz demos put in the database.

It covers the course catalogue (`courses.demo`) and the question bank and quizzes (`quizzes.demo`):
pages with every column and their StreamField data, tree order, revisions, CE category links,
instructors, course teams, hero images; questions by reference with every field and child
(options, pairs, items, case steps with their safety flag, case options with weight and critical
flag); quiz pages with their settings, fixed questions and random draws; question categories.

Left out because they change from load to load: database ids, tree paths (the order is kept as
list order and `url_path`), timestamps, revision ids, StreamField block ids, and the random suffix
Wagtail adds to image file names (the image's file hash stands in for its bytes).

`tests/courses/demo_snapshot.json` holds this description as the demo made it before its content
became data files; `test_demo_snapshot.py` proves the data-file loaders still build exactly that.
Regenerate it (only on purpose, after a reviewed content change) with
`UPDATE_DEMO_SNAPSHOT=1 pytest tests/courses/test_demo_snapshot.py`.
"""

import re
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import Group
from django.db import models
from wagtail.fields import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from courses.models import CourseIndexPage, CoursePage, ModulePage
from quizzes.models import Question, QuestionCategory, QuizPage
from tests.demo_snapshots import dump, group_description  # noqa: F401  (dump: used by the snapshot tests)

SNAPSHOT_PATH = Path(__file__).with_name("demo_snapshot.json")
RANDOM_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}(?=\.\w+$)")

# Columns that change from load to load, or that the tree already says through list order and `url_path`.
VOLATILE_FIELDS = {
    "id",
    "page_ptr",
    "question_ptr",
    "path",
    "content_type",
    "polymorphic_ctype",
    "translation_key",
    "locale",
    "owner",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "locked_at",
    "locked_by",
    "created_at",
    "updated_at",
}


def _without_ids(data):
    """Stream data as stored, minus the random block ids (of blocks and of list items)."""
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {key: _without_ids(value) for key, value in data.items() if not (is_block and key == "id")}
    return data


def _value(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, StreamValue):
        return _without_ids(list(value.raw_data))
    if isinstance(value, RichText):
        return value.source
    if isinstance(value, models.Model):
        return getattr(value, "slug", None) or getattr(value, "username", None) or str(value)
    return value


def _fields(obj: models.Model, *, skip: set[str] = frozenset()) -> dict:
    described = {}
    for field in obj._meta.concrete_fields:
        if field.name in skip or field.name in VOLATILE_FIELDS:
            continue
        described[field.name] = _value(getattr(obj, field.name))
    return described


def _children(manager, *, skip: set[str]) -> list[dict]:
    return [_fields(child, skip={"id", *skip}) for child in manager.all().order_by("sort_order", "pk")]


def _page(page: Page, *, skip: set[str] = frozenset()) -> dict:
    return {
        "type": type(page).__name__,
        "url_path": page.url_path,
        "depth": page.depth,
        "revisions": page.revisions.count(),
        "live_matches_latest": page.live_revision_id == page.latest_revision_id,
        **_fields(page, skip=skip),
    }


def _image(image) -> dict | None:
    if image is None:
        return None
    return {
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "file_hash": image.file_hash,
        "file_stored": image.file.storage.exists(image.file.name),
        # Wagtail adds "_" and seven random characters when a file of that name is already stored.
        "file_name": RANDOM_SUFFIX.sub("", image.file.name),
    }


def _group(group: Group | None) -> dict | None:
    return group_description(group, collections=False)


def _course(course: CoursePage) -> dict:
    return {
        **_page(course, skip={"hero_image", "team_group"}),
        "hero_image": _image(course.hero_image),
        "team_group": _group(course.team_group),
        "ce_category_links": [
            {"category": link.category.slug, "hours": _value(link.hours), "sort_order": link.sort_order}
            for link in course.ce_category_links.all().order_by("sort_order", "pk")
        ],
        "instructors": [
            _fields(instructor, skip={"photo"}) | {"photo": _image(instructor.photo)}
            for instructor in course.instructors.all().order_by("name", "pk")
        ],
    }


def _question(question: Question) -> dict:
    described = {
        "type": type(question).__name__,
        "type_key": question.type_key,
        **_fields(question, skip={"course", "category", "remediation_module"}),
        "course": question.course.slug,
        "category": question.category.name if question.category else None,
        "remediation_module": question.remediation_module.slug if question.remediation_module else None,
        "tags": sorted(tag.name for tag in question.tags.all()),
    }
    for relation in ("options", "pairs", "items"):
        if hasattr(question, relation):
            described[relation] = _children(getattr(question, relation), skip={"question"})
    if hasattr(question, "steps"):
        described["steps"] = [
            {**_fields(step, skip={"question"}), "options": _children(step.options, skip={"step"})}
            for step in question.steps.all().order_by("sort_order", "pk")
        ]
    return described


def _quiz(quiz: QuizPage) -> dict:
    return {
        **_page(quiz),
        "questions": [
            {"sort_order": link.sort_order, "question": link.question.reference}
            for link in quiz.question_links.all().order_by("sort_order", "pk")
        ],
        "random_draws": [
            {"sort_order": draw.sort_order, "category": draw.category.name, "count": draw.count}
            for draw in quiz.random_draws.all().order_by("sort_order", "pk")
        ],
    }


def describe(*, output: str) -> dict:
    """Everything the catalogue and quiz demos made, given what their `load` functions wrote."""
    return {
        "output": output,
        "catalogue": [_page(index) for index in CourseIndexPage.objects.order_by("path")],
        "courses": [_course(course) for course in CoursePage.objects.order_by("path")],
        "modules": [_page(module) for module in ModulePage.objects.order_by("path")],
        "question_categories": [
            {"course": category.course.slug, "name": category.name, "description": category.description}
            for category in QuestionCategory.objects.select_related("course").order_by("course__path", "name")
        ],
        "questions": [_question(question) for question in Question.objects.order_by("reference")],
        "quizzes": [_quiz(quiz) for quiz in QuizPage.objects.order_by("path")],
    }
