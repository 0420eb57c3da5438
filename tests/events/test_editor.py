"""The event editor: times typed in the event's zone, and the checks that keep a listing truthful."""

from datetime import UTC, datetime

import pytest

from events.models import EventPage
from tests import factories
from tests.events import factories as ef
from tests.events.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(factories.user("alex", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def workshop(gulf):
    return ef.event(gulf, title="Trigger points", sessions=[(datetime(2030, 1, 14, 9), datetime(2030, 1, 14, 17))])


def post(client, page, data, action="action-publish"):
    if action:
        data[action] = action
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_the_editor_shows_and_reads_times_in_the_events_zone(admin_client, workshop):
    form_html = admin_client.get(f"/admin/pages/{workshop.pk}/edit/").content.decode()
    assert 'value="2030-01-14 09:00"' in form_html  # 14:00Z shown as 9:00 in New York

    data = edit_form_data(
        admin_client,
        workshop,
        time_zone="America/Los_Angeles",
        **{"sessions-0-starts_at": "2030-01-14 10:00", "sessions-0-ends_at": "2030-01-14 17:00"},
    )
    response = post(admin_client, workshop, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    session = EventPage.objects.get(pk=workshop.pk).sessions.get()
    assert session.starts_at == datetime(2030, 1, 14, 18, tzinfo=UTC)  # 10:00 Pacific
    assert session.ends_at == datetime(2030, 1, 15, 1, tzinfo=UTC)


def test_an_editor_in_another_time_zone_still_types_event_times(admin_client, workshop, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    data = edit_form_data(admin_client, workshop, **{"sessions-0-starts_at": "2030-01-14 10:00"})
    assert post(admin_client, workshop, data).status_code == 302
    assert EventPage.objects.get(pk=workshop.pk).sessions.get().starts_at == datetime(2030, 1, 14, 15, tzinfo=UTC)


def errors_of(response) -> str:
    assert response.status_code == 200, "expected the form back with errors"
    return response.content.decode()


def test_end_before_start_is_a_validation_error(admin_client, workshop):
    data = edit_form_data(
        admin_client, workshop, **{"sessions-0-starts_at": "2030-01-14 17:00", "sessions-0-ends_at": "2030-01-14 09:00"}
    )
    html = errors_of(post(admin_client, workshop, data))
    assert "The session ends before it starts" in html
    assert EventPage.objects.get(pk=workshop.pk).sessions.get().starts_at == datetime(2030, 1, 14, 14, tzinfo=UTC)
    # Even a draft cannot be saved with an impossible session.
    assert "The session ends before it starts" in errors_of(post(admin_client, workshop, data, action=None))


def test_a_time_skipped_by_daylight_saving_is_refused(admin_client, workshop):
    data = edit_form_data(
        admin_client, workshop, **{"sessions-0-starts_at": "2030-03-10 02:30", "sessions-0-ends_at": "2030-03-10 09:00"}
    )
    assert "does not exist in America/New_York" in errors_of(post(admin_client, workshop, data))


def test_overlapping_sessions_are_refused(admin_client, gulf):
    event = ef.event(
        gulf,
        sessions=[
            (datetime(2030, 1, 14, 9), datetime(2030, 1, 14, 17)),
            (datetime(2030, 1, 15, 9), datetime(2030, 1, 15, 17)),
        ],
    )
    data = edit_form_data(admin_client, event, **{"sessions-1-starts_at": "2030-01-14 16:00"})
    assert "Two sessions overlap" in errors_of(post(admin_client, event, data))


def test_on_site_events_need_a_venue_but_drafts_may_wait(admin_client, workshop):
    data = edit_form_data(admin_client, workshop, venue="", city="")
    html = errors_of(post(admin_client, workshop, data))
    assert "An on-site event needs its venue" in html and "An on-site event needs its city" in html

    data = edit_form_data(admin_client, workshop, venue="", city="")
    assert post(admin_client, workshop, data, action=None).status_code == 302  # saved as a draft


def test_webinars_need_joining_details(admin_client, workshop):
    data = edit_form_data(admin_client, workshop, delivery_method="live_webinar", joining_details="")
    assert "Say how participants join" in errors_of(post(admin_client, workshop, data))


def test_hands_on_webinar_is_refused(admin_client, workshop):
    data = edit_form_data(
        admin_client, workshop, delivery_method="live_webinar", hands_on="on", joining_details="Zoom link by e-mail."
    )
    assert "Hands-on practice happens in person" in errors_of(post(admin_client, workshop, data))


def test_registration_deadline_after_the_event_is_refused(admin_client, workshop):
    data = edit_form_data(admin_client, workshop, registration_deadline="2030-01-20")
    assert "The registration deadline is after the event ends." in errors_of(post(admin_client, workshop, data))


def test_ce_hours_come_in_half_hours(admin_client, workshop):
    data = edit_form_data(admin_client, workshop, ce_hours="2.3")
    assert "CE hours must be whole or half hours" in errors_of(post(admin_client, workshop, data))


def test_unknown_time_zone_is_refused(admin_client, workshop):
    data = edit_form_data(admin_client, workshop, time_zone="Mars/Olympus_Mons")
    html = errors_of(post(admin_client, workshop, data))
    assert "Mars/Olympus_Mons&#x27; is not a time zone name such as America/New_York" in html


def test_a_new_event_starts_in_its_providers_time_zone(admin_client, cascade):
    html = admin_client.get(f"/admin/pages/add/events/eventpage/{cascade.pk}/").content.decode()
    assert '<option value="America/Los_Angeles" selected>' in html


def test_previews_render_for_new_and_existing_events(admin_client, workshop, gulf):
    data = edit_form_data(admin_client, workshop, title="Trigger points, revised")
    assert admin_client.post(f"/admin/pages/{workshop.pk}/edit/preview/", data).json()["is_valid"]
    preview = admin_client.get(f"/admin/pages/{workshop.pk}/edit/preview/")
    assert preview.status_code == 200 and b"Trigger points, revised" in preview.content

    for key in list(data):  # the same values as a brand-new event
        if key.endswith("-id"):
            data[key] = ""
        elif key.endswith("INITIAL_FORMS"):
            data[key] = "0"
    data["slug"] = "trigger-points-new"
    create_url = f"/admin/pages/add/events/eventpage/{gulf.pk}/preview/"
    assert admin_client.post(create_url, data).json()["is_valid"]
    preview = admin_client.get(create_url)
    assert preview.status_code == 200 and b"Mon 14 Jan 2030, 9:00 AM" in preview.content


def test_an_offering_must_be_of_a_live_course_delivered_the_same_way_with_its_hours(admin_client, workshop, catalogue):
    home_study = factories.course(title="Ethics at Home", delivery_method="on_demand", ce_hours="6")
    webinar = factories.course(title="Consent Live", delivery_method="live_webinar", ce_hours="6")
    on_site = factories.course(title="Swedish Live", delivery_method="live_on_site", ce_hours="3")

    data = edit_form_data(admin_client, workshop, offering_of=str(home_study.pk))
    assert "only live courses have scheduled offerings" in errors_of(post(admin_client, workshop, data))
    data = edit_form_data(admin_client, workshop, offering_of=str(webinar.pk))
    assert "delivery to match" in errors_of(post(admin_client, workshop, data))
    data = edit_form_data(admin_client, workshop, offering_of=str(on_site.pk))
    assert "approved hours: 3." in errors_of(post(admin_client, workshop, data))

    data = edit_form_data(admin_client, workshop, offering_of=str(on_site.pk), ce_hours="3")
    assert post(admin_client, workshop, data).status_code == 302
    assert EventPage.objects.get(pk=workshop.pk).offering_of_id == on_site.pk
