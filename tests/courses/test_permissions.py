"""Instructors edit only the courses they teach, submit for review, and never publish."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow, WorkflowState

from courses.services import COURSE_EDITORS_GROUP, INSTRUCTORS_GROUP, REVIEW_WORKFLOW, sync_course_team
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(catalogue):
    maya = factories.instructor("Maya Okafor")
    daniel = factories.instructor("Daniel Reyes")
    swedish = factories.course(title="Swedish Technique Foundations", instructors=[maya])
    safety = factories.course(title="Contraindications and Client Safety", instructors=[daniel])
    return {
        "maya": maya.user,
        "daniel": daniel.user,
        "swedish": swedish,
        "safety": safety,
        "swedish_module": factories.module(swedish, title="Effleurage"),
        "safety_module": factories.module(safety, title="Screening"),
    }


def test_groups_and_workflow_exist_after_migrate():
    assert Group.objects.filter(name=INSTRUCTORS_GROUP).exists()
    assert Group.objects.filter(name=COURSE_EDITORS_GROUP).exists()
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    assert workflow.workflow_pages.filter(page__depth=1).exists()
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [COURSE_EDITORS_GROUP]


def test_publishing_a_course_gives_its_instructors_a_team(team):
    maya, swedish = team["maya"], team["swedish"]
    assert maya.groups.filter(name=INSTRUCTORS_GROUP).exists()
    assert swedish.team_group in maya.groups.all()
    perms = swedish.permissions_for_user(maya)
    assert perms.can_edit()
    assert perms.can_add_subpage()
    assert not perms.can_publish()
    assert not team["safety"].permissions_for_user(maya).can_edit()


def test_removing_an_instructor_takes_their_rights_away(team):
    swedish, maya = team["swedish"], team["maya"]
    swedish.instructors.clear()
    swedish.save_revision().publish()
    assert not swedish.team_group.user_set.filter(pk=maya.pk).exists()
    assert not swedish.permissions_for_user(maya).can_edit()


def test_instructor_edits_own_module_in_the_admin(client, team):
    client.force_login(team["maya"])
    response = client.get(f"/admin/pages/{team['swedish_module'].pk}/edit/")
    assert response.status_code == 200


def test_instructor_gets_403_on_another_instructors_course(client, team):
    client.force_login(team["maya"])
    assert client.get(f"/admin/pages/{team['safety'].pk}/edit/").status_code == 403
    assert client.get(f"/admin/pages/{team['safety_module'].pk}/edit/").status_code == 403
    response = client.post(f"/admin/pages/{team['safety_module'].pk}/edit/", {"title": "Hijacked"})
    assert response.status_code == 403
    team["safety_module"].refresh_from_db()
    assert team["safety_module"].title == "Screening"


def test_instructor_cannot_reach_users_or_settings(client, team):
    client.force_login(team["maya"])
    for url in ["/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/workflows/list/"]:
        response = client.get(url)
        # Wagtail answers a missing permission with a redirect to the dashboard or a 403.
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.rstrip("/") == "/admin", url


def test_instructor_submits_for_review_and_an_editor_publishes(client, team):
    maya = team["maya"]
    module = factories.module(
        team["swedish"], title="Effleurage", body=[("section", {"heading": "Gliding", "anchor": ""})]
    )
    client.force_login(maya)
    edit_url = f"/admin/pages/{module.pk}/edit/"
    form = client.get(edit_url).context["form"]
    data = {**_form_data(form), "title": "Effleurage, revised", "action-submit": "Submit to Course review"}
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content[:2000]

    module.refresh_from_db()
    assert module.title == "Effleurage"  # not published by the instructor
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(module.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    editor = factories.user("jordan")
    editor.groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(module, editor)
    task_state.task.specific.on_action(task_state, editor, "approve")
    module.refresh_from_db()
    assert module.title == "Effleurage, revised"
    assert module.live


def test_sync_course_team_is_idempotent(team):
    swedish = team["swedish"]
    first = sync_course_team(swedish)
    second = sync_course_team(swedish)
    assert first == second
    assert first.page_permissions.count() == second.page_permissions.count()


def _form_data(form) -> dict:
    """The values an editor's browser would post back for an unchanged Wagtail edit form."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    page = form.instance
    blocks = [(child.block_type, child.block.get_prep_value(child.value)) for child in page.body]
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield(blocks),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )


def test_instructor_can_upload_and_choose_images(client, team):
    client.force_login(team["maya"])
    assert client.get("/admin/images/multiple/add/").status_code == 200
    assert client.get("/admin/images/chooser/").status_code == 200
    assert client.get("/admin/documents/multiple/add/").status_code == 200


def test_renaming_a_team_onto_an_existing_group_name_keeps_the_old_name(team):
    swedish = team["swedish"]
    Group.objects.create(name="Course team: TAKEN-1")
    swedish.course_number = "TAKEN-1"
    swedish.save_revision().publish()  # must not fail on the unique group name
    swedish.team_group.refresh_from_db()
    assert swedish.team_group.name != "Course team: TAKEN-1"
