"""Certificate PDFs, the public verification page, revoke and reissue, and who may download what."""

import io

import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from credit import codes, pdf
from credit.models import Certificate
from tests import factories
from tests.credit import factories as credit_factories

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.fixture
def record(catalogue):
    credit_factories.provider()
    credit_factories.approving_body()
    course, modules = credit_factories.home_study_course(
        title="Swedish Technique Foundations", ce_hours="6", course_number="TS-101"
    )
    learner = credit_factories.learner("sam")
    credit_factories.licence(learner, number="MA12345")
    return credit_factories.complete_course(learner, course, modules)


def test_certificate_pdf_holds_the_board_fields(client, record):
    client.force_login(record.user)
    response = client.get(reverse("credit:certificate", args=[record.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    certificate = record.certificates.get()
    for expected in (
        "Certificate of Achievement",
        "Samira Haddad",
        "Swedish Technique Foundations",
        "TS-101",
        "6 CEs",
        "MA12345",
        "Touchstone Continuing Education",
        "ce@touchstone.example",
        "451234-26",
        "Alex Morgan",
        certificate.display_code,
        "Hands-on technique",
    ):
        assert expected in text, expected
    assert "CEU" not in text


def test_home_study_and_tested_courses_earn_a_certificate_of_achievement(record):
    from credit.choices import CertificateKind

    assert CertificateKind.for_course(tested=False, delivery_method="on_demand").label == "Certificate of Achievement"
    assert CertificateKind.for_course(tested=True, delivery_method="live_on_site").label == "Certificate of Achievement"
    assert CertificateKind.for_course(tested=False, delivery_method="live_webinar").label == "Certificate of Completion"


def test_every_download_is_the_same_document(client, record):
    client.force_login(record.user)
    first = client.get(reverse("credit:certificate", args=[record.pk])).content
    second = client.get(reverse("credit:certificate", args=[record.pk]), HTTP_HOST="other.example").content
    assert first == second


def test_qr_code_points_at_the_public_verification_page(record, settings):
    settings.CREDIT_VERIFY_BASE_URL = "https://learn.example.org/"
    certificate = record.certificates.get()
    url = pdf.verification_url(certificate.code)
    assert url == f"https://learn.example.org/learning/verify/{certificate.code}/"
    assert pdf.qr_data_uri(url).startswith("data:image/svg+xml")


def test_another_learner_gets_a_404_for_the_certificate(client, record):
    client.force_login(credit_factories.learner("someone-else", legal_name="Other Person"))
    assert client.get(reverse("credit:certificate", args=[record.pk])).status_code == 404
    certificate = record.certificates.get()
    assert client.get(reverse("credit:certificate_copy", args=[record.pk, certificate.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, record):
    response = client.get(reverse("credit:certificate", args=[record.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_administrators_can_download_any_certificate(client, record, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc"))
    assert client.get(reverse("credit:certificate", args=[record.pk])).status_code == 200


def test_verification_shows_name_course_hours_date_and_status_only(client, record):
    certificate = record.certificates.get()
    response = client.get(reverse("credit:verify"), {"code": certificate.display_code.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Valid" in html and "Samira Haddad" in html and "Swedish Technique Foundations" in html
    assert "6 CEs" in html
    assert record.completed_on.strftime("%B") in html
    assert "MA12345" not in html and "sam@example.com" not in html  # nothing more than the five facts
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_qr_link_opens_the_result_directly(client, record):
    certificate = record.certificates.get()
    response = client.get(reverse("credit:verify_code", args=[certificate.code]))
    assert "This certificate is genuine" in response.content.decode()


@pytest.mark.parametrize("typed", ["", "nonsense", "ZZZZ-ZZZZ-ZZZZ-ZZZZ", "%00%ff", "x" * 300, "<script>"])
def test_unknown_or_malformed_codes_never_fail(client, record, typed):
    response = client.get(reverse("credit:verify"), {"code": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samira Haddad" not in html
    assert "No certificate has this code" in html or 'class="field__error"' in html


def test_unknown_code_in_the_path_is_not_a_500(client, record):
    assert client.get("/learning/verify/not-a-code/").status_code == 200


def test_lookups_are_rate_limited(client, record, settings):
    settings.CREDIT_VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(reverse("credit:verify"), {"code": codes.new_code()}).status_code == 200
    response = client.get(reverse("credit:verify"), {"code": record.certificates.get().code})
    assert response.status_code == 429
    assert "Samira Haddad" not in response.content.decode()
    assert "Too many look-ups" in response.content.decode()


def test_the_empty_form_does_not_count_against_the_limit(client, settings):
    settings.CREDIT_VERIFY_RATE_LIMIT = 1
    for _ in range(3):
        assert client.get(reverse("credit:verify")).status_code == 200


def test_admin_revokes_with_a_reason_and_verification_says_so(client, record, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc")
    client.force_login(admin)
    certificate = record.certificates.get()
    url = reverse("credit_records:revoke", args=[record.pk, certificate.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 200  # the reason is required
    response = client.post(url, {"reason": "Issued in error: attendance not confirmed."})
    assert response.status_code == 302
    assert response.url == reverse("credit_records:inspect", args=[record.pk])  # back to the record

    certificate.refresh_from_db()
    assert not certificate.is_valid and certificate.revoked_by == admin
    assert certificate.revoked_reason == "Issued in error: attendance not confirmed."
    html = client.get(reverse("credit:verify_code", args=[certificate.code])).content.decode()
    assert "Revoked" in html and "attendance" not in html  # the reason stays private
    assert client.post(url, {"reason": "again"}).status_code == 302  # revoking twice is harmless


def test_learner_cannot_download_a_revoked_certificate(client, record):
    from credit import services

    services.revoke_certificate(record.certificates.get(), by=None, reason="error")
    client.force_login(record.user)
    assert client.get(reverse("credit:certificate", args=[record.pk])).status_code == 404


def test_admin_reissues_with_a_corrected_name_and_a_new_code(client, record, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc")
    client.force_login(admin)
    old = record.certificates.get()
    response = client.post(
        reverse("credit_records:reissue", args=[record.pk]), {"name": "Samira A. Haddad", "reason": "Name corrected"}
    )
    assert response.status_code == 302
    assert response.url == reverse("credit_records:inspect", args=[record.pk])  # back to the record

    new = Certificate.objects.exclude(pk=old.pk).get()
    old.refresh_from_db()
    assert not old.is_valid and new.is_valid and new.code != old.code
    assert new.name_on_certificate == "Samira A. Haddad"
    client.force_login(record.user)
    text = pdf_text(client.get(reverse("credit:certificate", args=[record.pk])).content)
    assert "Samira A. Haddad" in text and new.display_code in text
    assert "Revoked" in client.get(reverse("credit:verify_code", args=[old.code])).content.decode()


def test_only_credit_administrators_can_revoke(client, record):
    certificate = record.certificates.get()
    client.force_login(factories.user("nobody"))
    response = client.post(reverse("credit_records:revoke", args=[record.pk, certificate.pk]), {"reason": "x"})
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.is_valid
