"""Credit from a standalone workshop (no catalogue course behind the record) on every page that shows credit.

The record is issued the real way: attendance marked in full at a past Gulf Coast workshop in Tampa. Each
page must name the workshop's provider as the issuer, print where and how it was held, and never reach
for the course the record does not have.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from credit import pdf, selectors
from credit.models import CreditRecord
from events import attendance
from tests.credit import factories as cf
from tests.credit.test_certificate_contents import image_count, signature_image
from tests.credit.test_certificates import pdf_text
from tests.events import factories as ef
from tests.events.attendance_helpers import past_event, place_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.fixture
def gulf(db):
    ef.events_index()
    page = ef.provider("Gulf Coast Bodywork Institute", city="Tampa", region="Florida")
    page.signatory_name, page.signatory_title = "Rosa Delgado", "Education Director"
    page.signature = signature_image("rosa-signature")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def record(gulf) -> CreditRecord:
    # The site's own provider signs with another name and image: neither may reach this certificate.
    site = cf.provider()
    site.administrator_signature = signature_image("alex-signature")
    site.save()
    event = past_event(gulf, days_ago=5, sessions=2, hands_on=True, ce_hours="12", title="Deep Tissue Intensive")
    sam = cf.learner("sam")
    today = timezone.localdate()
    cf.licence(sam, "florida-massage-therapist", start=today - timedelta(days=100), end=today + timedelta(days=300))
    registration = place_for(event, sam)
    coordinator = cf.learner("coordinator", legal_name="Dana Coordinator")
    for session in event.session_list:
        attendance.mark(session=session, registration_id=registration.pk, present=True, by=coordinator)
    record = CreditRecord.objects.get(user=sam)
    assert record.course is None
    return record


def test_certificate_names_the_workshops_issuer_place_and_hands_on(record):
    certificate = record.certificates.get()
    content = pdf.certificate_pdf(certificate)
    text = pdf_text(content)
    for expected in (
        "Certificate of Completion",
        "Samira Haddad",
        "Deep Tissue Intensive",
        "Gulf Coast Bodywork Institute",
        "Place Tampa, FL",
        "Live, in person · Hands-on: yes",
        "12 classroom hours",
        "Rosa Delgado, Education Director",
        record.completed_on.strftime("%B %-d, %Y"),
        certificate.display_code,
    ):
        assert expected in text, expected
    assert "Touchstone Continuing Education" not in text
    assert "Alex Morgan" not in text
    # The provider's signature from the record, not the site administrator's (whose name differs anyway).
    assert pdf.signatures(record)["administrator"] is not None
    assert image_count(content) == 1


def test_without_the_providers_image_the_site_signature_is_not_borrowed(record):
    record.signature_image.delete()
    record = CreditRecord.objects.get(pk=record.pk)
    assert record.signature_image_id is None
    assert pdf.signatures(record)["administrator"] is None


def test_learner_downloads_it_and_anyone_verifies_it(client, record):
    client.force_login(record.user)
    response = client.get(reverse("credit:certificate", args=[record.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    certificate = record.certificates.get()
    client.logout()
    html = client.get(reverse("credit:verify_code", args=[certificate.code])).content.decode()
    for expected in (
        "This certificate is genuine",
        "Deep Tissue Intensive",
        "Live, in person · Hands-on: yes",
        "Tampa, FL",
        "Gulf Coast Bodywork Institute",
        record.completed_on.strftime("%-d %B %Y"),
    ):
        assert expected in html, expected


def test_transcript_dashboard_and_their_downloads(client, record):
    client.force_login(record.user)
    transcript = client.get(reverse("credit:transcript"))
    assert transcript.status_code == 200
    html = transcript.content.decode()
    assert "Deep Tissue Intensive" in html and "Gulf Coast Bodywork Institute" in html
    assert "Live, in person · Hands-on: yes · Tampa, FL" in html

    text = pdf_text(client.get(reverse("credit:transcript_pdf")).content)
    assert "Deep Tissue Intensive" in text and "Gulf Coast Bodywork Institute" in text and "Tampa, FL" in text

    rows = list(csv.DictReader(io.StringIO(client.get(reverse("credit:transcript_csv")).content.decode())))
    assert [(row["Course"], row["Provider"]) for row in rows] == [
        ("Deep Tissue Intensive", "Gulf Coast Bodywork Institute")
    ]

    dashboard = client.get(reverse("credit:dashboard"))
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert "Deep Tissue Intensive" in html and "Issued by Gulf Coast Bodywork Institute" in html
    assert reverse("credit:certificate", args=[record.pk]) in html


def test_credit_admin_lists_inspects_revokes_and_reissues_it(client, django_user_model, record):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc"))
    listing = client.get(reverse("credit_records:index"))
    assert listing.status_code == 200
    assert "Deep Tissue Intensive" in listing.content.decode()
    assert "Gulf Coast Bodywork Institute" in listing.content.decode()
    filtered = client.get(reverse("credit_records:index"), {"hands_on": "true", "delivery_method": "live_on_site"})
    assert filtered.status_code == 200 and "Deep Tissue Intensive" in filtered.content.decode()

    inspect = client.get(reverse("credit_records:inspect", args=[record.pk]))
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "Tampa, FL" in html and "Gulf Coast Bodywork Institute" in html and "Rosa Delgado" in html

    certificate = record.certificates.get()
    revoke_url = reverse("credit_records:revoke", args=[record.pk, certificate.pk])
    assert client.get(revoke_url).status_code == 200
    assert client.post(revoke_url, {"reason": "Issued in error"}).status_code == 302
    reissue_url = reverse("credit_records:reissue", args=[record.pk])
    assert "Gulf Coast Bodywork Institute" in client.get(reissue_url).content.decode()
    assert client.post(reissue_url, {"reason": "Attendance confirmed", "name": ""}).status_code == 302
    assert record.certificates.filter(revoked_at__isnull=True).count() == 1


def test_renewal_tracker_counts_it_as_live_hands_on_for_florida(client, record):
    (florida,) = selectors.renewal_overview(record.user)
    evaluation = florida.evaluation
    assert evaluation.counted == 12
    in_person = next(progress for progress in evaluation.rules if progress.rule.delivery_methods == {"live_on_site"})
    assert in_person.rule.label == "Live, in-person hands-on hours"
    assert in_person.counted == 12 and in_person.missing == 0
    client.force_login(record.user)
    html = client.get(reverse("credit:renewal")).content.decode()
    assert "12 of 24 hours" in html


def test_an_offering_held_by_the_provider_is_on_the_courses_roster_with_its_place(client, django_user_model, gulf):
    from tests import factories

    factories.catalogue()
    course = factories.course(
        title="Swedish Technique Foundations", course_number="TS-101", ce_hours="6", delivery_method="live_on_site"
    )
    event = past_event(gulf, days_ago=2, hands_on=True, ce_hours="6", offering_of=course, title="Swedish in Tampa")
    registration = place_for(event, cf.learner("sam"))
    (session,) = event.session_list
    attendance.mark(session=session, registration_id=registration.pk, present=True, by=registration.learner)
    record = CreditRecord.objects.get(user=registration.learner)
    assert record.course == course and record.place == "Tampa, FL"

    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc"))
    on = record.completed_on.isoformat()
    params = {"course": course.pk, "start": on, "end": on}
    assert "Gulf Coast Bodywork Institute" in client.get(reverse("credit:roster"), params).content.decode()
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("credit:roster"), {**params, "format": "csv"}).content.decode()))
    )
    assert [(row["Course number"], row["Place"], row["Issued by"]) for row in rows] == [
        ("TS-101", "Tampa, FL", "Gulf Coast Bodywork Institute")
    ]
