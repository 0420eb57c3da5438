"""The question bank's review: who drafts, who approves, and the "Question review" workflow.

Run after every migrate (see :func:`teams.setup.run_after_migrate`) and safe to run again. Instructors
draft questions for their courses and submit them; course editors approve (which publishes) or
publish directly, lock and unlock, and look after the shared bank. The courses app creates both groups
and the "Course editor approval" task; this reuses that task, so one editors' queue holds pages and
questions alike.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from courses.services import COURSE_EDITORS_GROUP, INSTRUCTORS_GROUP, QUESTION_BANK_MODELS, REVIEW_TASK
from teams.authoring import permissions

QUESTION_REVIEW_WORKFLOW = "Question review"
QUESTION_MODELS = tuple(model for model in QUESTION_BANK_MODELS if model != "questioncategory")

# Instructors may lock a question while they rework it; publishing stays with the reviewers.
INSTRUCTOR_BANK_PERMISSIONS = [("quizzes", f"lock_{model}") for model in QUESTION_MODELS]
COURSE_EDITOR_BANK_PERMISSIONS = [
    ("quizzes", "manage_shared_bank"),
    *(("quizzes", f"{action}_{model}") for model in QUESTION_MODELS for action in ("publish", "lock", "unlock")),
]


@transaction.atomic
def ensure_question_review() -> None:
    """Grant the drafting and publishing rights and send every question type through "Question review"."""
    from quizzes.models import Question

    question_models = [Question, *Question.__subclasses__()]
    _create_snippet_permissions(question_models)
    instructors, _ = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    instructors.permissions.add(*permissions(INSTRUCTOR_BANK_PERMISSIONS))
    editors, _ = Group.objects.get_or_create(name=COURSE_EDITORS_GROUP)
    editors.permissions.add(*permissions(COURSE_EDITOR_BANK_PERMISSIONS))

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=QUESTION_REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Wagtail looks a snippet's workflow up by its own content type, so each question type is assigned.
    for model in question_models:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def _create_snippet_permissions(models) -> None:
    """The publish, lock and unlock permissions Wagtail gives draftable snippets.

    Wagtail creates them after its own apps migrate, which is after this set-up runs; these are the same
    rows (same codename and name), so Wagtail finds them already there.
    """
    for model in models:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        for action in ("publish", "lock", "unlock"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model._meta.model_name}",
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )
