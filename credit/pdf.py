"""Certificates and transcripts as PDF, rendered from HTML templates by WeasyPrint in the request.

A certificate is drawn from its credit record and its own row, with the verification address taken
from settings (not the request), so every download of it is the same document. The one exception is
signatures: the administrator's and instructors' signature images are looked up when the PDF is drawn
and printed only above the name the record holds (a new signatory's image never lands above an old
name); credit from another provider's event names that provider's signature on the record. They are
embedded as data URIs read from storage, so WeasyPrint needs no network.
"""

import base64
import os
from datetime import datetime

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from courses.models import Instructor

from .models import Certificate, CreditRecord, ProviderSettings

# Where the system lacks HarfBuzz's subsetter, WeasyPrint subsets fonts with fontTools, which stamps each
# subset font with the current time: two downloads of one certificate would then differ by a few bytes.
# A fixed stamp (the reproducible-builds convention fontTools reads) keeps every download identical.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")

SIGNATURE_MAX_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}


def verification_url(code: str) -> str:
    return settings.CREDIT_VERIFY_BASE_URL.rstrip("/") + reverse("credit:verify_code", args=[code])


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=2, dark="#1f2a2e")


def image_data_uri(image) -> str | None:
    """A Wagtail image as a data URI, or None when it is missing, unreadable, too large or not a web image."""
    if image is None:
        return None
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    content_type = IMAGE_TYPES.get(extension)
    if content_type is None:
        return None
    try:
        with image.file.open("rb") as handle:
            data = handle.read(SIGNATURE_MAX_BYTES + 1)
    except OSError:
        return None
    if len(data) > SIGNATURE_MAX_BYTES:
        return None
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def signatures(record: CreditRecord) -> dict:
    """Signature images for the record's signatory and instructors, matched by the names the record holds.

    Credit issued from another provider's event carries that provider's signature on the record itself
    (`signature_image`): it is theirs to sign, whatever the site's own administrator is called.
    """
    administrator = None
    if record.signature_image_id:
        administrator = image_data_uri(record.signature_image)
    else:
        provider = ProviderSettings.load()
        signatory = ", ".join(part for part in (provider.administrator_name, provider.administrator_title) if part)
        if provider.administrator_signature_id and signatory and signatory == record.provider_signatory:
            administrator = image_data_uri(provider.administrator_signature)
    names = {name.strip() for name in record.instructors.split(";") if name.strip()}
    instructors = []
    if names:
        # By name, not by course: whoever taught it signs, even if the course lists other instructors now.
        first_names = {name.split(",")[0].strip() for name in names}
        candidates = Instructor.objects.filter(name__in=first_names, signature__isnull=False).select_related(
            "signature"
        )
        for instructor in sorted(candidates, key=lambda instructor: instructor.pk):
            uri = str(instructor) in names and image_data_uri(instructor.signature)
            if uri:
                instructors.append({"name": str(instructor), "image": uri})
    return {"administrator": administrator, "instructors": instructors}


def _write(html: str, *, created: datetime) -> bytes:
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    document_pdf = document.render()
    # Fixed metadata dates keep repeated downloads byte for byte the same.
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    document_pdf.metadata.created = stamp
    document_pdf.metadata.modified = stamp
    return document_pdf.write_pdf()


def certificate_pdf(certificate: Certificate) -> bytes:
    record = certificate.record
    url = verification_url(certificate.code)
    html = render_to_string(
        "credit/pdf/certificate.html",
        {
            "certificate": certificate,
            "record": record,
            "verification_url": url,
            "qr": qr_data_uri(url),
            "signatures": signatures(record),
        },
    )
    return _write(html, created=certificate.issued_at)


def transcript_pdf(*, learner_name: str, records, outside, generated: datetime) -> bytes:
    html = render_to_string(
        "credit/pdf/transcript.html",
        {"learner_name": learner_name, "records": records, "outside": outside, "generated": generated},
    )
    return _write(html, created=generated)
