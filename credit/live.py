"""Live credit: credit that follows attendance at a workshop, a webinar or an offering of a live course.

Boards count live and webinar hours only when attendance was taken, so a live course never completes
from module clicks alone (see completion.py). The credit app knows nothing of events (events sit above
it in the layers); the events app tells it what it needs:

- `register_offering_finder(fn)`: for a live course, the offering the learner attended in full, as an
  `Offering` (who issued it, when and where it was held), or None;
- `issue_live_credit` / `withdraw_live_credit`: called when attendance becomes complete, or is reversed.

The record copies the offering, not the site-wide provider: a provider's workshop is issued by that
provider, with its own approval numbers and signatory, dated the last session's day where it was held.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from pagecache.personal import forget_learner

from accounts.selectors import legal_name_for

from .models import Certificate, CreditRecord
from .selectors import licences_for


@dataclass(frozen=True)
class Offering:
    """What a record of attended live CE copies, gathered by the events app from the event."""

    title: str
    number: str  # the course number, or the event's own approval number
    ce_hours: Decimal
    hours_by_category: list[dict]  # [{slug, name, hours}]
    delivery_method: str
    hands_on: bool
    completed_at: datetime  # the end of the last session
    completed_on: date  # the last session's day in the event's time zone
    place: str  # "City, ST" or "Live webinar"
    provider_name: str
    provider_contact: str = ""
    provider_signatory: str = ""
    signature_image_id: int | None = None
    approvals: list[dict] = field(default_factory=list)  # [{body, short_name, provider_number, course_number}]
    instructors: str = ""


OfferingFinder = Callable[..., Offering | None]
_finders: list[OfferingFinder] = []


def register_offering_finder(finder: OfferingFinder) -> OfferingFinder:
    """Register `finder(*, user, course) -> Offering | None`; the events app registers one when it loads."""
    if finder not in _finders:
        _finders.append(finder)
    return finder


def attended_offering(*, user, course) -> Offering | None:
    """The live offering of `course` the learner attended in full, if any finder knows of one."""
    for finder in _finders:
        offering = finder(user=user, course=course)
        if offering is not None:
            return offering
    return None


def snapshot(*, user, offering: Offering, tested: bool) -> dict:
    """The record's fields: the learner as they stand now, the class as it was held."""
    return {
        "learner_name": legal_name_for(user),
        "licences": [licence.snapshot() for licence in licences_for(user)],
        "course_title": offering.title[:255],
        "course_number": offering.number[:40],
        "ce_hours": offering.ce_hours,
        "hours_by_category": offering.hours_by_category,
        "delivery_method": offering.delivery_method,
        "tested": tested,
        "hands_on": offering.hands_on,
        "completed_at": offering.completed_at,
        "completed_on": offering.completed_on,
        "provider_name": offering.provider_name[:150],
        "provider_contact": offering.provider_contact[:300],
        "provider_signatory": offering.provider_signatory[:250],
        "signature_image_id": offering.signature_image_id,
        "approvals": offering.approvals,
        "instructors": offering.instructors[:400],
        "place": offering.place[:150],
        "certificate_note": "",
    }


def issue_live_credit(*, user, course, offering: Offering, tested: bool = False) -> CreditRecord:
    """Write the record and its certificate once. `course` is None for a standalone workshop or webinar.

    The caller holds a lock on what the credit is for (the registration); for a course, the database's
    one-record-per-course constraint makes a concurrent second call return the first record.
    """
    if course is not None:
        existing = CreditRecord.objects.filter(user=user, course=course).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            record = CreditRecord.objects.create(
                user=user, course=course, **snapshot(user=user, offering=offering, tested=tested)
            )
            Certificate.objects.create(
                record=record, name_on_certificate=record.learner_name, issued_at=offering.completed_at
            )
    except IntegrityError:
        return CreditRecord.objects.get(user=user, course=course)
    return record


def can_withdraw(record: CreditRecord) -> bool:
    """Credit can be withdrawn quietly until a certificate of it has been downloaded; after that, revoke."""
    return not record.certificates.filter(downloaded_at__isnull=False).exists()


@transaction.atomic
def withdraw_live_credit(*, record: CreditRecord) -> bool:
    """Take back credit issued from attendance that was then reversed. False when it must be revoked instead.

    Nobody has downloaded its certificate, so nothing a board could see is lost; the events app keeps the
    audit of the attendance change that caused it.
    """
    record = CreditRecord.objects.select_for_update().get(pk=record.pk)
    if not can_withdraw(record):
        return False
    # The ledger refuses deletes through its own manager; this is the one sanctioned way out.
    models.QuerySet(Certificate).filter(record=record).delete()
    models.QuerySet(CreditRecord).filter(pk=record.pk).delete()
    forget_learner(record.user_id)
    return True


def note_download(*, certificate: Certificate) -> None:
    """Remember the first download of a certificate: from then on its credit can only be revoked."""
    if certificate.downloaded_at is None:
        Certificate.objects.filter(pk=certificate.pk, downloaded_at__isnull=True).update(downloaded_at=timezone.now())
        forget_learner(certificate.record.user_id)
