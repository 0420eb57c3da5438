"""Providers edit only their own page and events, and go through review before anything goes live."""

import pytest
from wagtail.models import WorkflowState

from events.services import add_provider_account
from tests import factories
from tests.events import factories as ef
from tests.events.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

XHR = {"X-Requested-With": "XMLHttpRequest"}


@pytest.fixture
def renee(gulf):
    user = factories.user("renee")
    add_provider_account(gulf, user)
    return user


@pytest.fixture
def gulf_event(gulf):
    return ef.event(gulf, title="Prenatal massage")


@pytest.fixture
def cascade_event(cascade):
    return ef.event(cascade, title="Myofascial release", time_zone="America/Los_Angeles")


def test_provider_edits_its_own_event_and_gets_403_on_another_providers(client, renee, gulf_event, cascade_event):
    client.force_login(renee)

    assert client.get(f"/admin/pages/{gulf_event.pk}/edit/").status_code == 200
    data = edit_form_data(client, gulf_event, title="Prenatal massage: positioning and safety")
    response = client.post(f"/admin/pages/{gulf_event.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    gulf_event.refresh_from_db()
    assert gulf_event.get_latest_revision_as_object().title == "Prenatal massage: positioning and safety"
    assert gulf_event.title == "Prenatal massage"  # a draft: the live page is unchanged

    forbidden = client.get(f"/admin/pages/{cascade_event.pk}/edit/")
    assert forbidden.status_code == 403
    assert "You don't have access to this" in forbidden.content.decode()
    assert b"Go to the dashboard" in forbidden.content  # the admin's own 403 page
    assert 'id="page-edit-form"' not in forbidden.content.decode()
    assert client.get(f"/admin/pages/{cascade_event.pk}/edit/", headers=XHR).status_code == 403
    assert client.post(f"/admin/pages/{cascade_event.pk}/edit/", data).status_code == 403
    assert client.get(f"/admin/pages/{cascade_event.pk}/edit/preview/").status_code == 403
    cascade_event.refresh_from_db()
    assert cascade_event.get_latest_revision_as_object().title == "Myofascial release"


def test_provider_edits_its_own_profile_only(client, renee, gulf, cascade):
    client.force_login(renee)
    assert client.get(f"/admin/pages/{gulf.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{cascade.pk}/edit/").status_code == 403


def test_provider_adds_events_under_its_own_page_only(client, renee, gulf, cascade, events_index):
    client.force_login(renee)
    assert client.get(f"/admin/pages/add/events/eventpage/{gulf.pk}/").status_code == 200
    assert client.get(f"/admin/pages/add/events/eventpage/{cascade.pk}/").status_code == 403
    assert client.get(f"/admin/pages/add/events/providerpage/{events_index.pk}/").status_code == 403
    assert client.get(f"/admin/pages/{cascade.pk}/add_subpage/").status_code == 403
    assert events_index.permissions_for_user(renee).can_add_subpage() is False


def test_provider_cannot_publish_but_submits_for_review(client, renee, gulf_event):
    client.force_login(renee)
    assert gulf_event.permissions_for_user(renee).can_publish() is False

    data = edit_form_data(client, gulf_event, title="Prenatal massage (new dates)")
    data["action-publish"] = "action-publish"
    client.post(f"/admin/pages/{gulf_event.pk}/edit/", data)
    gulf_event.refresh_from_db()
    assert gulf_event.title == "Prenatal massage"

    data = edit_form_data(client, gulf_event, title="Prenatal massage (new dates)")
    data["action-submit"] = "action-submit"
    response = client.post(f"/admin/pages/{gulf_event.pk}/edit/", data)
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(gulf_event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Event review"
    gulf_event.refresh_from_db()
    assert gulf_event.title == "Prenatal massage"


def test_course_editors_approve_provider_changes(client, renee, gulf_event):
    from django.contrib.auth.models import Group

    from courses.services import COURSE_EDITORS_GROUP

    editor = factories.user("jordan")
    editor.groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    client.force_login(renee)
    data = edit_form_data(client, gulf_event, title="Prenatal massage (new dates)")
    data["action-submit"] = "action-submit"
    client.post(f"/admin/pages/{gulf_event.pk}/edit/", data)

    state = WorkflowState.objects.get(object_id=str(gulf_event.pk))
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(gulf_event, editor)
    task_state.task.specific.on_action(task_state, editor, "approve")
    gulf_event.refresh_from_db()
    assert gulf_event.live and gulf_event.title == "Prenatal massage (new dates)"


def test_provider_team_group_is_created_when_a_provider_page_is_published(events_index):
    provider = ef.provider("Brand New Provider")
    assert provider.team_group is not None
    assert provider.team_group.name == "Provider: Brand New Provider"
    codenames = set(provider.team_group.page_permissions.values_list("permission__codename", flat=True))
    assert codenames == {"add_page", "change_page", "lock_page", "unlock_page"}


def test_providers_can_upload_logos(renee):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())
    assert permission_policy.user_has_permission(renee, "add")
    assert permission_policy.user_has_permission(renee, "choose")
