"""The transcript: credit earned here, CE added from elsewhere with its certificate, CSV and PDF exports."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image, PngImagePlugin
from pypdf import PdfReader

from credit import uploads
from credit.models import OutsideCredit
from tests.credit import factories as credit_factories
from tests.credit.test_codes_and_uploads import MINIMAL_PDF, POLYGLOT_PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner():
    return credit_factories.learner("sam")


def png_upload(name="certificate.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def form_data(**overrides):
    data = {
        "title": "Pregnancy Massage Essentials",
        "provider": "Gulf Coast Massage Institute",
        "completed_on": (timezone.localdate() - timedelta(days=30)).isoformat(),
        "hours": "4",
        "categories": [],
        "delivery_method": "live_on_site",
        "certificate_number": "GC-2231",
    }
    data.update(overrides)
    return data


def test_learner_adds_outside_ce_with_a_certificate(client, learner):
    from courses.models import CECategory

    client.force_login(learner)
    ethics = CECategory.objects.get(slug="ethics")
    response = client.post(
        reverse("credit:outside_add"), {**form_data(categories=[ethics.pk]), "certificate_file": png_upload()}
    )
    assert response.status_code == 302
    entry = OutsideCredit.objects.get(user=learner)
    assert entry.certificate_content_type == "image/png"
    assert list(entry.categories.all()) == [ethics]
    html = client.get(reverse("credit:transcript")).content.decode()
    assert "Pregnancy Massage Essentials" in html and "Gulf Coast Massage Institute" in html

    file_response = client.get(reverse("credit:outside_certificate", args=[entry.pk]))
    assert file_response.status_code == 200
    assert file_response["Content-Type"] == "image/png"
    assert file_response["X-Content-Type-Options"] == "nosniff"


def test_uploads_are_stored_outside_public_media(learner, settings):
    entry = OutsideCredit(user=learner)
    with pytest.raises(ValueError):
        entry.certificate_file.storage.url("x.pdf")
    assert str(entry.certificate_file.storage.location).startswith(str(settings.PRIVATE_MEDIA_ROOT))


def test_a_pdf_named_like_an_image_is_stored_as_a_pdf(client, learner):
    client.force_login(learner)
    upload = SimpleUploadedFile("scan.png", MINIMAL_PDF, content_type="image/png")
    client.post(reverse("credit:outside_add"), {**form_data(), "certificate_file": upload})
    entry = OutsideCredit.objects.get()
    assert entry.certificate_content_type == "application/pdf"
    assert entry.certificate_file.name.endswith(".pdf")


def test_a_real_pdf_is_stored_under_a_generated_name(client, learner):
    client.force_login(learner)
    upload = SimpleUploadedFile("../../Sam Smith <script>.pdf", MINIMAL_PDF, content_type="application/pdf")
    response = client.post(reverse("credit:outside_add"), {**form_data(), "certificate_file": upload})
    assert response.status_code == 302
    entry = OutsideCredit.objects.get()
    assert entry.certificate_content_type == "application/pdf"
    assert re.fullmatch(r"outside-certificates/[0-9a-f]{32}\.pdf", entry.certificate_file.name)
    with entry.certificate_file.open("rb") as stored:
        assert stored.read() == MINIMAL_PDF


def test_a_png_upload_is_stored_redrawn(client, learner):
    client.force_login(learner)
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "hidden note")
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(buffer, format="PNG", pnginfo=text)
    upload = SimpleUploadedFile("scan.png", buffer.getvalue() + b"<html>trailing</html>", content_type="image/png")
    client.post(reverse("credit:outside_add"), {**form_data(), "certificate_file": upload})
    entry = OutsideCredit.objects.get()
    assert re.fullmatch(r"outside-certificates/[0-9a-f]{32}\.png", entry.certificate_file.name)
    with entry.certificate_file.open("rb") as stored:
        data = stored.read()
    assert b"hidden note" not in data and b"<html>" not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "PNG" and picture.size == (20, 10)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("certificate.pdf", POLYGLOT_PDF, "This PDF is damaged or incomplete"),
        ("certificate.pdf", b"Certificate of completion: Sam Smith, 4 CE hours\n", "a PDF or an image we can read"),
    ],
)
def test_pdfs_that_do_not_open_are_refused_with_a_message(client, learner, name, content, message):
    client.force_login(learner)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(reverse("credit:outside_add"), {**form_data(), "certificate_file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OutsideCredit.objects.exists()


def test_certificates_download_as_attachments_that_browsers_must_not_sniff(client, learner):
    client.force_login(learner)
    client.post(reverse("credit:outside_add"), {**form_data(), "certificate_file": png_upload()})
    entry = OutsideCredit.objects.get()
    response = client.get(reverse("credit:outside_certificate", args=[entry.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="certificate-{entry.pk}.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("certificate.pdf", b"<html><script>alert(1)</script></html>"),
        ("certificate.png", b"MZ\x90\x00 not an image"),
        ("certificate.exe", b"MZ\x90\x00"),
        ("certificate.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
    ],
)
def test_wrong_file_types_are_refused_with_a_message(client, learner, name, content):
    client.force_login(learner)
    response = client.post(
        reverse("credit:outside_add"), {**form_data(), "certificate_file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert "a PDF or an image we can read" in response.content.decode()
    assert not OutsideCredit.objects.exists()


def test_files_over_the_size_limit_are_refused(client, learner, settings, monkeypatch):
    settings.CREDIT_UPLOAD_MAX_BYTES = 1024
    client.force_login(learner)

    def never(data):  # the size alone refuses it: the content is never read or parsed
        raise AssertionError("an oversized upload was read")

    monkeypatch.setattr(uploads, "accept", never)
    big = SimpleUploadedFile("big.pdf", MINIMAL_PDF + b" " * 2048 + b"%%EOF")
    response = client.post(reverse("credit:outside_add"), {**form_data(), "certificate_file": big})
    assert response.status_code == 200
    assert "certificates can be up to 1.0" in response.content.decode()
    assert not OutsideCredit.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours", "2.25", "whole or half hours"),
        ("hours", "-1", "greater than or equal to 0.5"),
        ("hours", "lots", "Enter a number"),
        ("hours", "500", "more than 100 hours"),
        ("completed_on", "2999-01-01", "in the future"),
        ("completed_on", "31/02/2024", "Enter a valid date"),
        ("delivery_method", "carrier-pigeon", "Select a valid choice"),
        ("categories", ["999999"], "Select a valid choice"),
        ("title", "", "This field is required"),
    ],
)
def test_bad_values_get_a_message_not_a_500(client, learner, field, value, message):
    client.force_login(learner)
    response = client.post(reverse("credit:outside_add"), form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_learner_edits_and_removes_an_entry(client, learner):
    entry = credit_factories.outside_credit(learner)
    client.force_login(learner)
    response = client.post(reverse("credit:outside_edit", args=[entry.pk]), form_data(title="Renamed"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Renamed"
    assert client.post(reverse("credit:outside_delete", args=[entry.pk])).status_code == 302
    assert not OutsideCredit.objects.exists()


def test_other_learners_get_404s_for_entries_and_files(client, learner):
    entry = credit_factories.outside_credit(learner)
    entry.certificate_file.save("c.pdf", SimpleUploadedFile("c.pdf", MINIMAL_PDF))
    client.force_login(credit_factories.learner("intruder", legal_name="Someone Else"))
    for name in ("credit:outside_edit", "credit:outside_delete", "credit:outside_certificate"):
        assert client.get(reverse(name, args=[entry.pk])).status_code == 404
    assert client.post(reverse("credit:outside_delete", args=[entry.pk])).status_code == 404
    assert OutsideCredit.objects.filter(pk=entry.pk).exists()
    assert "Ethics Refresher" not in client.get(reverse("credit:transcript")).content.decode()


def test_administrators_can_read_a_learners_certificate_file(client, learner, django_user_model):
    entry = credit_factories.outside_credit(learner)
    entry.certificate_file.save("c.pdf", SimpleUploadedFile("c.pdf", MINIMAL_PDF))
    OutsideCredit.objects.filter(pk=entry.pk).update(certificate_content_type="application/pdf")
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc"))
    response = client.get(reverse("credit:outside_certificate", args=[entry.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF


def test_entry_without_a_file_has_no_download(client, learner):
    entry = credit_factories.outside_credit(learner)
    client.force_login(learner)
    assert client.get(reverse("credit:outside_certificate", args=[entry.pk])).status_code == 404


def test_csv_export_lists_both_kinds_of_credit(client, learner, catalogue):
    course, modules = credit_factories.live_course(title="Swedish Technique Foundations", ce_hours="6")
    credit_factories.complete_course(learner, course, modules)
    credit_factories.outside_credit(learner, title='=HYPERLINK("http://evil")')
    client.force_login(learner)

    response = client.get(reverse("credit:transcript_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["Completion date", "Course", "Course number", "Provider", "CE hours"]
    titles = {row[1] for row in rows[1:]}
    assert "Swedish Technique Foundations" in titles
    assert '\'=HYPERLINK("http://evil")' in titles  # never a live formula in a spreadsheet
    assert any(row[4] == "6" for row in rows[1:])


def test_pdf_export_holds_the_transcript(client, learner, catalogue):
    course, modules = credit_factories.live_course(title="Swedish Technique Foundations", ce_hours="6")
    credit_factories.complete_course(learner, course, modules)
    credit_factories.outside_credit(learner)
    client.force_login(learner)
    response = client.get(reverse("credit:transcript_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Samira Haddad" in text and "Swedish Technique" in text and "Ethics Refresher" in text
    assert "6 CEs" in text
