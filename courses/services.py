"""Writes that span models: the authoring groups, the review workflow and each course's team."""

from django.contrib.auth.models import Group
from django.db import transaction
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
