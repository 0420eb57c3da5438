"""The event editor: category hours add up to the event's CE hours; one half-hour message; Status explained."""

from decimal import Decimal

import pytest

from courses.ce_hours import HALF_HOUR_MESSAGE
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
def long_workshop(gulf):
    return ef.event(gulf, title="Prenatal weekend", ce_hours="14", categories=("hands-on-technique", "ethics"))


def publish(client, page, data):
    data["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_twelve_plus_five_on_a_fourteen_hour_event_is_refused(admin_client, long_workshop):
    data = edit_form_data(
        admin_client, long_workshop, **{"ce_category_links-0-hours": "12", "ce_category_links-1-hours": "5"}
    )
    response = publish(admin_client, long_workshop, data)
    assert response.status_code == 200
    assert response.context["form"].formsets["ce_category_links"].non_form_errors() == [
        "The categories' hours add up to 17, more than the event's 14 CE hours. An hour counts once: lower them "
        "so they add up to 14 at most (leave a category's hours blank when all the hours count there)."
    ]


def test_hours_left_in_no_category_are_refused(admin_client, long_workshop):
    data = edit_form_data(
        admin_client, long_workshop, **{"ce_category_links-0-hours": "10", "ce_category_links-1-hours": "2"}
    )
    errors = publish(admin_client, long_workshop, data).context["form"].formsets["ce_category_links"].non_form_errors()
    assert "2 would count in no category" in errors[0]


def test_twelve_plus_two_is_saved(admin_client, long_workshop):
    data = edit_form_data(
        admin_client, long_workshop, **{"ce_category_links-0-hours": "12", "ce_category_links-1-hours": "2"}
    )
    assert publish(admin_client, long_workshop, data).status_code == 302
    page = EventPage.objects.get(pk=long_workshop.pk)
    assert sorted(page.ce_category_links.values_list("hours", flat=True)) == [Decimal("2"), Decimal("12")]


@pytest.mark.parametrize("field", ["ce_hours", "ce_category_links-0-hours"])
def test_quarter_hours_get_the_half_hour_rule_once(admin_client, long_workshop, field):
    html = publish(admin_client, long_workshop, edit_form_data(admin_client, long_workshop, **{field: "1.25"}))
    html = html.content.decode()
    assert html.count(HALF_HOUR_MESSAGE) == 1
    assert "decimal place" not in html


def test_status_explains_each_choice(admin_client, long_workshop):
    html = admin_client.get(f"/admin/pages/{long_workshop.pk}/edit/").content.decode()
    assert "Full: new registrations join the waiting list." in html
    assert "Cancelled: registration closes and calendars show the event as cancelled." in html
