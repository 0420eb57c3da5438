"""What boards ask to see on a certificate: place (Texas), length in hours (Florida), the provider's note,
and signatures (NCBTMB), with the images set in the admin."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage
from pypdf import PdfReader
from wagtail.images import get_image_model

from credit import pdf, services
from credit.models import ProviderSettings
from tests import factories
from tests.credit import factories as credit_factories
from tests.credit.test_certificates import pdf_text

pytestmark = pytest.mark.django_db


def signature_image(title: str):
    canvas = PillowImage.new("RGB", (240, 60), "white")
    wave = 7 + len(title) % 11  # a different stroke per title, so each is its own image in the PDF
    for x in range(20, 220):
        canvas.putpixel((x, 30 + (x % wave) - 5), (20, 30, 90))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def record_for(delivery_method: str, *, place: str = "", instructors=None, ce_hours="1"):
    credit_factories.provider(certificate_note="Keep this certificate for six years.")
    course = factories.course(
        title=f"A {delivery_method} course", delivery_method=delivery_method, ce_hours=ce_hours, instructors=instructors
    )
    learner = credit_factories.learner(f"learner-{delivery_method}")
    return services.write_credit_record(learner, course, completed_at=timezone.now(), tested=True, place=place)


def image_count(content: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    ("delivery", "place", "printed_place", "length"),
    [
        ("on_demand", "", "Online home study", "1 hour of home study (50-minute hours)"),
        ("live_webinar", "", "Live webinar", "1 classroom hour (50-minute hours)"),
        ("live_on_site", "Tampa, FL", "Tampa, FL", "1 classroom hour (50-minute hours)"),
    ],
)
def test_every_certificate_prints_its_place_and_length(catalogue, delivery, place, printed_place, length):
    record = record_for(delivery, place=place)
    assert record.place == printed_place
    text = pdf_text(pdf.certificate_pdf(record.certificates.get()))
    assert f"Place {printed_place}" in text
    assert f"Length {length}" in text


def test_length_counts_half_hours(catalogue):
    record = record_for("on_demand", ce_hours="2.5")
    assert record.length_in_hours == "2.5 hours of home study (50-minute hours)"


def test_the_providers_note_is_printed_as_it_stood_at_completion(catalogue):
    record = record_for("on_demand")
    credit_factories.provider(certificate_note="A later note.")
    text = pdf_text(pdf.certificate_pdf(record.certificates.get()))
    assert "Keep this certificate for six years." in text
    assert "A later note." not in text


def test_signatures_appear_above_the_names_they_belong_to(catalogue):
    teacher = factories.instructor("Daniel Reyes", with_user=False)
    teacher.signature = signature_image("daniel-signature")
    teacher.save()
    record = record_for("live_webinar", instructors=[teacher])
    certificate = record.certificates.get()
    without_admin = pdf.certificate_pdf(certificate)
    assert image_count(without_admin) == 1  # the instructor's; the QR code is drawn, not an image

    provider = ProviderSettings.load()
    provider.administrator_signature = signature_image("alex-signature")
    provider.save()
    assert image_count(pdf.certificate_pdf(certificate)) == 2

    # A new signatory's signature never lands above the name of the one the record holds.
    provider.administrator_name = "Jordan Lee"
    provider.save()
    assert image_count(pdf.certificate_pdf(certificate)) == 1


def test_a_missing_signature_file_prints_no_image_and_no_error(catalogue):
    provider = credit_factories.provider()
    provider.administrator_signature = signature_image("gone")
    provider.save()
    record = record_for("on_demand")
    provider.administrator_signature.file.delete(save=False)
    assert pdf.signatures(record)["administrator"] is None
    assert "Alex Morgan" in pdf_text(pdf.certificate_pdf(record.certificates.get()))


def test_administrators_set_signatures_in_the_admin(client, django_user_model, catalogue):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw-12345-abc"))
    settings_page = client.get(reverse("wagtailsettings:edit", args=["credit", "providersettings"]), follow=True)
    assert 'name="administrator_signature"' in settings_page.content.decode()
    teacher = factories.instructor("Daniel Reyes", with_user=False)
    instructor_page = client.get(reverse("wagtailsnippets_courses_instructor:edit", args=[teacher.pk]))
    assert 'name="signature"' in instructor_page.content.decode()
