"""Writes that span models: the authoring groups, the review workflow, each course's team and its module order."""

from typing import Literal

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from teams.authoring import (
    UPLOAD_PERMISSIONS,
    grant_collection_permissions,
    grant_page_permissions,
    permissions,
    team_group,
)

from .models import CoursePage

INSTRUCTORS_GROUP = "Instructors"
COURSE_EDITORS_GROUP = "Course editors"
REVIEW_WORKFLOW = "Course review"
REVIEW_TASK = "Course editor approval"

COURSE_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "delete_page")

# Instructors author question banks: every question type, the shared listing and categories.
QUESTION_BANK_MODELS = (
    "question",
    "singlechoicequestion",
    "multipleresponsequestion",
    "truefalsequestion",
    "matchingquestion",
    "orderingquestion",
    "casescenarioquestion",
    "questioncategory",
)
INSTRUCTOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *(("quizzes", f"{action}_{model}") for model in QUESTION_BANK_MODELS for action in ("add", "change", "view")),
]
COURSE_EDITOR_UPLOAD_PERMISSIONS = UPLOAD_PERMISSIONS + [
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
]
COURSE_EDITOR_PERMISSIONS = INSTRUCTOR_PERMISSIONS + [
    *(("quizzes", f"delete_{model}") for model in QUESTION_BANK_MODELS),
    ("courses", "add_cecategory"),
    ("courses", "change_cecategory"),
    ("courses", "add_instructor"),
    ("courses", "change_instructor"),
]


@transaction.atomic
def ensure_authoring_setup() -> None:
    """Create the Instructors and Course editors groups and the review workflow; safe to run again."""
    instructors, _ = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    instructors.permissions.add(*permissions(INSTRUCTOR_PERMISSIONS))
    grant_collection_permissions(instructors, UPLOAD_PERMISSIONS)
    editors, _ = Group.objects.get_or_create(name=COURSE_EDITORS_GROUP)
    editors.permissions.add(*permissions(COURSE_EDITOR_PERMISSIONS))
    grant_collection_permissions(editors, COURSE_EDITOR_UPLOAD_PERMISSIONS)

    root = Page.get_first_root_node()
    if root is None:
        return
    grant_page_permissions(editors, root, COURSE_EDITOR_PAGE_PERMISSIONS)

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Every page on the site goes through course review unless a closer page names another workflow.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


@transaction.atomic
def sync_course_team(course: CoursePage) -> Group:
    """Give the course's instructors (those with accounts) edit rights on it, and nobody else.

    Wagtail grants page permissions to groups, so each course has a team group of its own.
    """
    group = team_group(course, f"Course team: {course.course_number}")

    users = [instructor.user for instructor in course.instructors.select_related("user") if instructor.user_id]
    group.user_set.set(users)
    instructors_group = Group.objects.get(name=INSTRUCTORS_GROUP)
    instructors_group.user_set.add(*users)
    return group


def can_order_modules(*, user, course: CoursePage) -> bool:
    """Who may put a course's modules (and quizzes) in order: whoever may edit the course itself.

    That is the course's own team, course editors and administrators. Wagtail's own drag-and-drop
    asks for publish rights, which instructors do not have; order is structure, not content, so
    they reorder through our "Order modules" page instead (see docs/authoring.md).
    """
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or course.permissions_for_user(user).can_edit()


@transaction.atomic
def move_in_course(*, user, course: CoursePage, page: Page, direction: Literal["up", "down"]) -> bool:
    """Move a module one place earlier ("up") or later ("down") in its course; False when it is already at that end.

    A page moves past the nearest page of its own kind, so modules move among modules and quizzes
    among quizzes (learners see the two as separate lists). Only the page tree's order changes: no
    revision, nothing to publish; Wagtail logs the move as "Reordered" in the page's history.
    Learners' progress is keyed by module, so it follows the module wherever it goes.
    """
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    # One reorder at a time per course: tree paths are read and rewritten below.
    Page.objects.select_for_update().filter(pk=course.pk).first()
    page = Page.objects.get(pk=page.pk)  # fresh: the tree may have moved since the caller loaded it
    if not page.is_child_of(course):
        raise ValueError(f"{page} is not a page of {course}")
    same_kind = Page.objects.child_of(course).filter(content_type_id=page.content_type_id).exclude(pk=page.pk)
    if direction == "up":
        neighbour, position = same_kind.filter(path__lt=page.path).order_by("-path").first(), "left"
    else:
        neighbour, position = same_kind.filter(path__gt=page.path).order_by("path").first(), "right"
    if neighbour is None:
        return False
    # The permission to order was checked by the caller (can_order_modules); Wagtail's own check
    # here is for moving to another parent, which needs delete rights instructors do not have.
    MovePageAction(page, neighbour, pos=position, user=user).execute(skip_permission_checks=True)
    return True
