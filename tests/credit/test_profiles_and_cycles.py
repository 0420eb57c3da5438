"""The shipped renewal profiles as corrected (credit 0005), and Georgia's fixed 1 November cycle on the licence form."""

from datetime import date
from importlib import import_module

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from credit import services
from credit.models import CreditRecord, Licence, RequirementProfile
from tests import factories
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db
MIGRATION = "0005_fill_places_and_correct_profiles"


def test_floridas_live_hours_must_be_hands_on_like_georgias():
    florida = RequirementProfile.objects.get(slug="florida-massage-therapist")
    live = florida.rules.get(delivery="in_person")
    assert live.label == "Live, in-person hands-on hours"
    assert [category.slug for category in live.categories.all()] == ["hands-on-technique"]
    georgia = RequirementProfile.objects.get(slug="georgia-massage-therapist").rules.get()
    assert [category.slug for category in georgia.categories.all()] == ["hands-on-technique"]


def test_florida_tracker_does_not_count_live_hours_without_hands_on_technique(client, catalogue):
    from credit.selectors import renewal_overview

    learner = credit_factories.learner("sam")
    credit_factories.licence(learner)
    credit_factories.outside_credit(learner, hours="12", categories=("ethics",), delivery="live_on_site")
    (progress,) = renewal_overview(learner)
    live = next(rule for rule in progress.evaluation.rules if rule.rule.label.startswith("Live, in-person"))
    assert live.missing == 12
    credit_factories.outside_credit(
        learner, hours="12", categories=("hands-on-technique",), delivery="live_on_site", title="Deep tissue"
    )
    (progress,) = renewal_overview(learner)
    live = next(rule for rule in progress.evaluation.rules if rule.rule.label.startswith("Live, in-person"))
    assert live.satisfied


def test_georgia_cycles_start_on_1_november_and_texas_says_its_minimum_is_an_assumption():
    georgia = RequirementProfile.objects.get(slug="georgia-massage-therapist")
    assert georgia.fixed_cycle_start == (11, 1) and georgia.cycle_months == 24
    assert RequirementProfile.objects.get(slug="florida-massage-therapist").fixed_cycle_start is None
    assert "assumption" in RequirementProfile.objects.get(slug="texas-massage-therapist").notes


def test_the_database_refuses_half_a_fixed_start():
    profile = RequirementProfile.objects.get(slug="new-york-massage-therapist")
    profile.cycle_start_month = 4
    with pytest.raises(ValidationError):
        profile.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        profile.save()
    profile.cycle_start_month, profile.cycle_start_day = 2, 30
    with pytest.raises(ValidationError, match="does not exist"):
        profile.full_clean()


def test_the_migration_fills_places_of_records_written_before_places_were_kept(catalogue):
    credit_factories.provider(certificate_note="Keep this for six years.")
    learner = credit_factories.learner("sam")
    webinar = factories.course(title="A webinar", delivery_method="live_webinar")
    record = services.write_credit_record(learner, webinar, completed_at=timezone.now(), tested=False)
    apps = MigrationExecutor(connection).loader.project_state(("credit", MIGRATION)).apps
    # As the record stood before 0005: no place, no note (the historical model can write it).
    apps.get_model("credit", "CreditRecord").objects.filter(pk=record.pk).update(place="", certificate_note="")
    import_module(f"credit.migrations.{MIGRATION}").fill_records(apps, None)
    record = CreditRecord.objects.get(pk=record.pk)
    assert (record.place, record.certificate_note) == ("Live webinar", "Keep this for six years.")


def licence_data(profile, **overrides):
    return {"requirement_profile": profile.pk, "licence_number": "GA-1", **overrides}


def test_a_georgia_licence_gets_its_cycle_end_from_the_profile(client):
    learner = credit_factories.learner("sam")
    client.force_login(learner)
    georgia = RequirementProfile.objects.get(slug="georgia-massage-therapist")
    form_page = client.get(reverse("licences:add")).content.decode()
    assert "November 1 to October 31, every 2 years" in form_page
    response = client.post(reverse("licences:add"), licence_data(georgia, cycle_start="2025-11-01", cycle_end=""))
    assert response.status_code == 302
    licence = Licence.objects.get(user=learner)
    assert (licence.cycle_start, licence.cycle_end) == (date(2025, 11, 1), date(2027, 10, 31))


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        ({"cycle_start": "2025-09-01", "cycle_end": "2027-08-31"}, "cycle_start", "Enter November 1 of the year"),
        ({"cycle_start": "2025-11-01", "cycle_end": "2027-08-31"}, "cycle_end", "ends on October 31, 2027"),
        ({"cycle_start": "", "cycle_end": ""}, "cycle_start", "This field is required"),
    ],
)
def test_other_georgia_dates_are_refused_with_a_clear_message(client, dates, field, message):
    client.force_login(credit_factories.learner("sam"))
    georgia = RequirementProfile.objects.get(slug="georgia-massage-therapist")
    response = client.post(reverse("licences:add"), licence_data(georgia, **dates))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Licence.objects.exists()


def test_other_boards_still_need_an_end_date(client):
    client.force_login(credit_factories.learner("sam"))
    florida = RequirementProfile.objects.get(slug="florida-massage-therapist")
    response = client.post(reverse("licences:add"), licence_data(florida, cycle_start="2025-09-01", cycle_end=""))
    assert "Enter the date your current cycle ends." in response.content.decode()
    assert not Licence.objects.exists()
