"""CE hours in the course editor: one half-hour message, and category hours that reconcile with the total."""

from decimal import Decimal

import pytest

from courses.ce_hours import HALF_HOUR_MESSAGE, category_hours_problem
from courses.models import CoursePage
from tests import factories
from tests.events.admin_forms import edit_form_data

D = Decimal


@pytest.mark.parametrize(
    ("ce_hours", "categories", "problem"),
    [
        ("6", [None], ""),  # one category, all the hours
        ("6", [None, None], ""),  # all the hours count in both
        ("6", ["4", "2"], ""),  # split exactly
        ("6", ["2", None], ""),  # two hours of ethics; all six count in technique
        ("6", ["6", None], ""),
        ("14", ["12", "5"], "add up to 17, more than the course's 14 CE hours"),
        ("14", ["12", "5", None], "add up to 17, more than"),
        ("6", ["4", "1.5"], "add up to 5.5, but the course carries 6 CE hours: 0.5 would count in no category"),
        ("6", ["2"], "4 would count in no category"),
        ("6", [], ""),
    ],
)
def test_category_hours_rule(ce_hours, categories, problem):
    found = category_hours_problem(
        ce_hours=D(ce_hours),
        category_hours=[None if hours is None else D(hours) for hours in categories],
        noun="course",
    )
    if problem:
        assert problem in found
    else:
        assert found == ""


@pytest.fixture
def split_course(catalogue):
    return factories.course(title="Ethics at the table", ce_hours="14", categories=("ethics", "hands-on-technique"))


def post(client, page, data):
    data["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_category_hours_over_the_course_hours_are_refused_beside_the_categories(admin_client, split_course):
    data = edit_form_data(
        admin_client, split_course, **{"ce_category_links-0-hours": "12", "ce_category_links-1-hours": "5"}
    )
    response = post(admin_client, split_course, data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["ce_category_links"].non_form_errors()
    assert errors == [
        "The categories' hours add up to 17, more than the course's 14 CE hours. An hour counts once: lower them "
        "so they add up to 14 at most (leave a category's hours blank when all the hours count there)."
    ]
    assert "add up to 17" in response.content.decode()
    assert not split_course.ce_category_links.exclude(hours=None).exists()


def test_category_hours_that_add_up_are_saved(admin_client, split_course):
    data = edit_form_data(
        admin_client, split_course, **{"ce_category_links-0-hours": "12", "ce_category_links-1-hours": "2"}
    )
    assert post(admin_client, split_course, data).status_code == 302
    assert sorted(split_course.ce_category_links.values_list("hours", flat=True)) == [D("2"), D("12")]


def test_the_check_reads_the_hours_typed_with_the_categories(admin_client, split_course):
    # Raising the course to 17 hours in the same save makes 12 + 5 right.
    data = edit_form_data(
        admin_client,
        split_course,
        ce_hours="17",
        **{"ce_category_links-0-hours": "12", "ce_category_links-1-hours": "5"},
    )
    assert post(admin_client, split_course, data).status_code == 302
    assert CoursePage.objects.get(pk=split_course.pk).ce_hours == D("17")


def test_a_deleted_category_does_not_count(admin_client, split_course):
    data = edit_form_data(
        admin_client,
        split_course,
        **{"ce_category_links-0-hours": "14", "ce_category_links-1-hours": "5", "ce_category_links-1-DELETE": "1"},
    )
    assert post(admin_client, split_course, data).status_code == 302
    assert list(split_course.ce_category_links.values_list("hours", flat=True)) == [D("14")]


@pytest.mark.parametrize("field", ["ce_hours", "ce_category_links-0-hours"])
def test_quarter_hours_get_the_half_hour_rule_once(admin_client, split_course, field):
    data = edit_form_data(admin_client, split_course, **{field: "1.25"})
    html = post(admin_client, split_course, data).content.decode()
    assert html.count(HALF_HOUR_MESSAGE) == 1
    assert "decimal place" not in html


def test_a_draft_may_leave_category_hours_unfinished(admin_client, split_course):
    data = edit_form_data(
        admin_client, split_course, **{"ce_category_links-0-hours": "12", "ce_category_links-1-hours": "5"}
    )
    response = admin_client.post(f"/admin/pages/{split_course.pk}/edit/", data)  # Save draft
    assert response.status_code == 302
    # Publishing the same draft is refused.
    assert post(admin_client, split_course, data).status_code == 200


def test_level_and_instructors_explain_themselves(admin_client, split_course):
    html = admin_client.get(f"/admin/pages/{split_course.pk}/edit/").content.decode()
    assert "Introductory: open to students and new therapists" in html
    assert "named on the course page and on certificates" in html
