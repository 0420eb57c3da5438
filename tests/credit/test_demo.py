"""The credit demo: sam gets licences, progress and outside CE; running it twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from credit.demo import florida_cycle
from credit.models import (
    ApprovingBody,
    CreditRecord,
    Enrolment,
    Licence,
    ModuleProgress,
    OutsideCredit,
    ProviderSettings,
)
from quizzes.models import QuizAttempt

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Licence.objects.count(),
        OutsideCredit.objects.count(),
        Enrolment.objects.count(),
        ModuleProgress.objects.count(),
        ModuleProgress.objects.filter(completed_at__isnull=False).count(),
        ApprovingBody.objects.count(),
        CreditRecord.objects.count(),
        QuizAttempt.objects.count(),
    )


def test_demo_gives_sam_something_to_track_and_is_idempotent(client, db):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first
    # Licences, outside entries, enrolments (all three demo courses), progress rows (3 + 2; none in the live
    # webinar course, which completes through attendance), completed modules, approvals, credit records (sam's
    # webinar course and workshop and marcus's workshop, all from attendance the events demo took), one quiz
    # attempt.
    assert first == (2, 3, 3, 5, 3, 1, 3, 1)
    record = CreditRecord.objects.get(course__isnull=False)
    assert (record.course_number, record.ce_hours, record.certificate_title) == (
        "TS-301",
        3,
        "Certificate of Achievement",
    )
    assert "Credit demo ready" in out.getvalue()
    assert ProviderSettings.load().organisation_name == "Touchstone Continuing Education"

    from django.contrib.auth import get_user_model

    sam = get_user_model().objects.get(username="sam")
    assert sam.learner_profile.legal_name == "Samira Haddad"
    client.force_login(sam)
    dashboard = client.get(reverse("credit:dashboard")).content.decode()
    assert "Continue: Tapotement" in dashboard
    renewal = client.get(reverse("credit:renewal")).content.decode()
    assert "Florida massage therapist licence" in renewal and "NCBTMB Board Certification" in renewal
    # The On Demand course can't be clicked through: sam's recorded study time honours its minimum,
    # so no home-study credit of sam's was earned faster than the course allows.
    from courses.models import CoursePage

    assert CoursePage.objects.get(slug="contraindications-and-client-safety").minimum_module_minutes == 8
    completed = ModuleProgress.objects.filter(user=sam, completed_at__isnull=False).select_related("course")
    assert completed.filter(course__minimum_module_minutes__gt=0).exists()
    for row in completed:
        assert row.seconds_spent >= row.course.minimum_module_minutes * 60, row.module_id
    for record in CreditRecord.objects.filter(user=sam, delivery_method="on_demand"):
        rows = completed.filter(course=record.course)
        assert all(row.seconds_spent >= record.course.minimum_module_minutes * 60 for row in rows)
    entry = OutsideCredit.objects.get(title="Ethics and Boundaries in Bodywork")
    response = client.get(reverse("credit:outside_certificate", args=[entry.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_demo_without_the_catalogue_still_runs(db):
    from credit import demo
    from home import demo as home_demo

    out = io.StringIO()
    home_demo.load(out)
    demo.load(out)
    assert "no enrolments" in out.getvalue()
    assert Licence.objects.count() == 2


@pytest.mark.parametrize(
    ("today", "cycle"),
    [
        ("2026-11-23", ("2025-09-01", "2027-08-31")),
        ("2027-08-31", ("2025-09-01", "2027-08-31")),
        ("2027-09-01", ("2027-09-01", "2029-08-31")),
        ("2026-01-05", ("2025-09-01", "2027-08-31")),
    ],
)
def test_florida_cycle_contains_today(today, cycle):
    from datetime import date

    start, end = florida_cycle(date.fromisoformat(today))
    assert (start.isoformat(), end.isoformat()) == cycle
