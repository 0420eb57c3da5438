"""Certificates and transcripts as PDF, rendered from HTML templates by WeasyPrint in the request.

A certificate is drawn only from its credit record and its own row, with the verification address
taken from settings (not the request), so every download of it is the same document.
"""

from datetime import datetime

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Certificate


def verification_url(code: str) -> str:
    return settings.CREDIT_VERIFY_BASE_URL.rstrip("/") + reverse("credit:verify_code", args=[code])


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=2, dark="#1f2a2e")


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
        {"certificate": certificate, "record": record, "verification_url": url, "qr": qr_data_uri(url)},
    )
    return _write(html, created=certificate.issued_at)


def transcript_pdf(*, learner_name: str, records, outside, generated: datetime) -> bytes:
    html = render_to_string(
        "credit/pdf/transcript.html",
        {"learner_name": learner_name, "records": records, "outside": outside, "generated": generated},
    )
    return _write(html, created=generated)
