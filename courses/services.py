"""Writes that span models: the authoring groups, the review workflow and each course's team."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from .models import CoursePage

INSTRUCTORS_GROUP = "Instructors"
COURSE_EDITORS_GROUP = "Course editors"
REVIEW_WORKFLOW = "Course review"
REVIEW_TASK = "Course editor approval"

# What an instructor may do inside a course they teach: never publish, that is the editors' call.
COURSE_TEAM_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
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
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    *(("quizzes", f"{action}_{model}") for model in QUESTION_BANK_MODELS for action in ("add", "change", "view")),
]
COURSE_EDITOR_PERMISSIONS = INSTRUCTOR_PERMISSIONS + [
    *(("quizzes", f"delete_{model}") for model in QUESTION_BANK_MODELS),
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
    ("courses", "add_cecategory"),
    ("courses", "change_cecategory"),
    ("courses", "add_instructor"),
    ("courses", "change_instructor"),
]


def _permissions(pairs: list[tuple[str, str]]) -> list[Permission]:
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def _page_permissions(codenames: tuple[str, ...]) -> list[Permission]:
    return list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))


def _grant_page_permissions(group: Group, page: Page, codenames: tuple[str, ...]) -> None:
    for permission in _page_permissions(codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@transaction.atomic
def ensure_authoring_setup() -> None:
    """Create the Instructors and Course editors groups and the review workflow; safe to run again."""
    instructors, _ = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    instructors.permissions.add(*_permissions(INSTRUCTOR_PERMISSIONS))
    editors, _ = Group.objects.get_or_create(name=COURSE_EDITORS_GROUP)
    editors.permissions.add(*_permissions(COURSE_EDITOR_PERMISSIONS))

    root = Page.get_first_root_node()
    if root is None:
        return
    _grant_page_permissions(editors, root, COURSE_EDITOR_PAGE_PERMISSIONS)

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
    group = course.team_group
    name = f"Course team: {course.course_number}"
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
        CoursePage.objects.filter(pk=course.pk).update(team_group=group)
        course.team_group = group
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    _grant_page_permissions(group, course, COURSE_TEAM_PAGE_PERMISSIONS)

    users = [instructor.user for instructor in course.instructors.select_related("user") if instructor.user_id]
    group.user_set.set(users)
    instructors_group = Group.objects.get(name=INSTRUCTORS_GROUP)
    instructors_group.user_set.add(*users)
    return group
