"""The renewal tracker page, the shipped requirement profiles, and the roster export."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from credit import selectors, services
from credit.models import RequirementProfile
from tests import factories
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db


def test_profiles_ship_for_ncbtmb_and_four_states():
    profiles = {profile.slug: profile for profile in RequirementProfile.objects.prefetch_related("rules__categories")}
    assert set(profiles) >= {
        "ncbtmb-board-certification",
        "florida-massage-therapist",
        "georgia-massage-therapist",
        "texas-massage-therapist",
        "new-york-massage-therapist",
    }
    ncbtmb = selectors.requirement_for(profiles["ncbtmb-board-certification"])
    assert ncbtmb.hours_required == 24
    assert {(rule.label, rule.kind, rule.hours) for rule in ncbtmb.rules} == {
        ("Ethics", "minimum", 3),
        ("Self-care", "maximum", 4),
    }
    florida = selectors.requirement_for(profiles["florida-massage-therapist"])
    in_person = next(rule for rule in florida.rules if rule.kind == "minimum" and rule.delivery_methods)
    assert in_person.hours == 12 and in_person.delivery_methods == {"live_on_site"}
    texas = selectors.requirement_for(profiles["texas-massage-therapist"])
    caps = {rule.label: rule.hours for rule in texas.rules if rule.kind == "maximum"}
    assert set(caps.values()) == {3, 6}
    new_york = selectors.requirement_for(profiles["new-york-massage-therapist"])
    assert new_york.hours_required == 36
    assert new_york.rules[0].delivery_methods == {"on_demand"} and new_york.rules[0].hours == 12


def test_editing_a_profile_changes_the_evaluation_without_code():
    learner = credit_factories.learner("sam")
    credit_factories.licence(learner, "ncbtmb-board-certification")
    credit_factories.outside_credit(learner, hours="6", categories=("self-care",))
    assert selectors.renewal_overview(learner)[0].evaluation.counted == 4
    # Saved as the snippet editor saves it: the kept requirements (per page-cache generation) are forgotten.
    rule = RequirementProfile.objects.get(slug="ncbtmb-board-certification").rules.get(label="Self-care")
    rule.hours = Decimal("6")
    rule.save()
    assert selectors.renewal_overview(learner)[0].evaluation.counted == 6


def test_a_saved_profile_shows_on_the_dashboard_at_the_next_request(client):
    learner = credit_factories.learner("sam")
    credit_factories.licence(learner, "ncbtmb-board-certification")
    client.force_login(learner)
    assert "of 24 hours counted" in client.get(reverse("credit:dashboard")).content.decode()

    profile = RequirementProfile.objects.get(slug="ncbtmb-board-certification")
    profile.hours_required = 30
    profile.save()
    assert "of 30 hours counted" in client.get(reverse("credit:dashboard")).content.decode()


def test_suggested_courses_follow_publishing_and_credit_at_the_next_request(client, catalogue):
    learner = credit_factories.learner("sam")
    credit_factories.licence(learner, "florida-massage-therapist")
    client.force_login(learner)
    ethics = factories.course(title="Ethics and Boundaries", categories=["ethics"], delivery_method="live_on_site")
    assert "Ethics and Boundaries" in client.get(reverse("credit:renewal")).content.decode()  # the list is kept

    factories.course(title="Ethics in Practice", categories=["ethics"], delivery_method="live_on_site")
    html = client.get(reverse("credit:renewal")).content.decode()
    assert "Ethics in Practice" in html and "Ethics and Boundaries" in html

    ethics.unpublish()
    assert "Ethics and Boundaries" not in client.get(reverse("credit:renewal")).content.decode()


def test_tracker_shows_counted_hours_missing_categories_days_left_and_suggestions(client, catalogue):
    learner = credit_factories.learner("sam")
    today = timezone.localdate()
    credit_factories.licence(
        learner, "florida-massage-therapist", start=today - timedelta(days=100), end=today + timedelta(days=200)
    )
    credit_factories.outside_credit(learner, hours="10", categories=("hands-on-technique",), delivery="on_demand")
    credit_factories.outside_credit(
        learner, hours="6", categories=("self-care",), delivery="live_webinar", title="Body care"
    )
    credit_factories.outside_credit(
        learner, hours="2", categories=("ethics",), on=today - timedelta(days=400), title="Too old"
    )
    factories.course(title="Ethics and Boundaries", categories=["ethics"], delivery_method="live_on_site", ce_hours="2")
    client.force_login(learner)

    html = client.get(reverse("credit:renewal")).content.decode()

    assert "Florida massage therapist licence" in html
    assert "12 of 24 hours" in html  # 16 online hours earned, 12 may count
    assert "4 h over the limit" in html
    assert "200 days left" in html
    assert "2 h of ethics" in html and "12 h of live, in-person hands-on hours" in html
    assert "Ethics and Boundaries" in html
    assert "Too old" not in html  # completed before the cycle


def test_completing_a_course_moves_the_tracker(client, catalogue):
    learner = credit_factories.learner("sam")
    credit_factories.licence(learner, "ncbtmb-board-certification")
    course, modules = credit_factories.live_course(title="Swedish Technique Foundations", ce_hours="6")
    client.force_login(learner)
    assert "0 of 24 hours" in client.get(reverse("credit:renewal")).content.decode()
    assert "Swedish Technique Foundations" in client.get(reverse("credit:renewal")).content.decode()  # suggested
    credit_factories.complete_course(learner, course, modules)
    html = client.get(reverse("credit:renewal")).content.decode()
    assert "6 of 24 hours" in html


def test_tracker_without_licences_invites_to_add_one(client):
    client.force_login(credit_factories.learner("sam"))
    assert "Add a licence" in client.get(reverse("credit:renewal")).content.decode()


def test_cycle_that_has_ended_says_so(client):
    learner = credit_factories.learner("sam")
    credit_factories.licence(learner, start=date(2020, 1, 1), end=date(2021, 12, 31))
    client.force_login(learner)
    assert "Cycle ended" in client.get(reverse("credit:renewal")).content.decode()


# ---------------------------------------------------------------------------------------------
# Roster
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def roster_setup(catalogue):
    teacher = factories.instructor("Maya Okafor")
    course, _ = credit_factories.live_course(
        title="Swedish Technique Foundations", course_number="TS-101", ce_hours="6", instructors=[teacher]
    )
    other, _ = credit_factories.live_course(title="Other", course_number="TS-999")
    sam = credit_factories.learner("sam")
    credit_factories.licence(sam, number="MA12345")
    credit_factories.licence(sam, "ncbtmb-board-certification", number="NC-777")
    lee = credit_factories.learner("lee", legal_name="Lee Park")
    # Live courses complete through attendance now; the roster only reads the records, so write them directly.
    credit_factories.provider()
    for learner, completed in ((sam, course), (lee, course), (lee, other)):
        services.write_credit_record(learner, completed, completed_at=timezone.now(), tested=False)
    return teacher.user, course, other


def roster_params(course, **overrides):
    today = timezone.localdate()
    return {
        "course": course.pk,
        "start": (today - timedelta(days=1)).isoformat(),
        "end": today.isoformat(),
        **overrides,
    }


def test_instructor_downloads_the_roster_csv(client, roster_setup):
    teacher, course, _ = roster_setup
    client.force_login(teacher)
    assert client.get(reverse("credit:roster")).status_code == 200
    response = client.get(reverse("credit:roster"), {**roster_params(course), "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Name",
        "Licence number",
        "Licence state",
        "Course number",
        "Completion date",
        "CE hours",
        "Place",
        "Issued by",
    ]
    body = sorted(rows[1:])
    today = timezone.localdate().isoformat()
    where = ["In person (place not recorded)", "Touchstone Continuing Education"]
    assert body == [
        ["Lee Park", "", "", "TS-101", today, "6", *where],
        ["Samira Haddad", "MA12345", "FL", "TS-101", today, "6", *where],
        ["Samira Haddad", "NC-777", "", "TS-101", today, "6", *where],
    ]


def test_roster_respects_the_date_range(client, roster_setup):
    teacher, course, _ = roster_setup
    client.force_login(teacher)
    past = {"start": "2020-01-01", "end": "2020-12-31"}
    html = client.get(reverse("credit:roster"), roster_params(course, **past)).content.decode()
    assert "Nobody completed this course in those dates" in html


def test_instructor_cannot_export_another_course(client, roster_setup):
    teacher, _, other = roster_setup
    client.force_login(teacher)
    response = client.get(reverse("credit:roster"), {**roster_params(other), "format": "csv"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_learners_get_a_404_for_the_roster(client, roster_setup):
    client.force_login(credit_factories.learner("nosy", legal_name="Nosy Person"))
    assert client.get(reverse("credit:roster")).status_code == 404


def test_administrators_see_every_course(client, roster_setup, django_user_model):
    _, course, other = roster_setup
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc"))
    response = client.get(reverse("credit:roster"), {**roster_params(other), "format": "csv"})
    assert "TS-999" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"course": "abc", "start": "x", "end": "y"},
        {"course": "1", "start": "2025-05-01", "end": "2025-01-01"},
        {"start": "2025-13-45"},
    ],
)
def test_bad_roster_input_is_a_message(client, roster_setup, params):
    teacher, _, _ = roster_setup
    client.force_login(teacher)
    response = client.get(reverse("credit:roster"), params)
    assert response.status_code == 200
    assert 'class="field__error"' in response.content.decode() or "form-errors" in response.content.decode()
