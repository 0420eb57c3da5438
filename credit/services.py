"""Writes that span models: enrolment, study time, module completion, the credit ledger and certificates.

Completion is decided here the moment a requirement is met, inside the transaction that met it, and
deciding it again changes nothing (a unique constraint backs that up).
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from pagecache.personal import forget_learner

from accounts.selectors import legal_name_for
from courses.models import CoursePage, ModulePage
from quizzes.models import QuizPage
from quizzes.selectors import passed_quiz_ids

from . import completion, live
from .choices import place_for_delivery
from .models import ApprovingBody, Certificate, CreditRecord, Enrolment, ModuleProgress, ProviderSettings
from .selectors import licences_for
from .visits import record_activity


class EnrolmentClosed(Exception):
    """The course takes no new learners."""


class NotEnrolled(Exception):
    """The learner is not (or no longer) enrolled in the course."""


class NotEnoughTime(Exception):
    def __init__(self, minutes_short: int):
        self.minutes_short = minutes_short
        super().__init__(f"{minutes_short} more minutes needed")


class CertificateAlreadyRevoked(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Enrolment
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def enrol(user, course: CoursePage) -> Enrolment:
    """Enrol, or come back to a course left earlier (its progress is still there).

    A closed course refuses newcomers; someone who was enrolled before may still return.
    """
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course).first()
    if enrolment is None:
        if not course.enrolment_open:
            raise EnrolmentClosed
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(user=user, course=course)
        except IntegrityError:  # a second click raced the first one
            enrolment = Enrolment.objects.get(user=user, course=course)
    if enrolment.left_at is not None:
        enrolment.left_at = None
        enrolment.save(update_fields=["left_at"])
    # Modules finished while away count now: the course may already be complete.
    decide_completion(user, course)
    return enrolment


@transaction.atomic
def leave(user, course: CoursePage) -> Enrolment:
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course, left_at__isnull=True).first()
    if enrolment is None:
        raise NotEnrolled
    enrolment.left_at = timezone.now()
    enrolment.save(update_fields=["left_at"])
    return enrolment


def active_enrolment(user, course_id: int) -> Enrolment | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrolment.objects.filter(user=user, course_id=course_id, left_at__isnull=True).first()


@transaction.atomic
def mark_module_complete(user, module: ModulePage, course: CoursePage, *, now: datetime | None = None):
    """Mark a module complete (time permitting) and decide the course there and then.

    Returns (progress, credit record or None). Raises NotEnrolled or NotEnoughTime.
    """
    now = now or timezone.now()
    progress = record_activity(user, module, course, visit=False, now=now)
    if progress is None:
        raise NotEnrolled
    if progress.completed_at is None:
        short = completion.minutes_short(progress.seconds_spent, course.minimum_module_minutes)
        if short:
            raise NotEnoughTime(short)
        ModuleProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=now)
        forget_learner(user.pk)
        progress.refresh_from_db()
    return progress, decide_completion(user, course, now=now)


# ---------------------------------------------------------------------------------------------
# Completion and the credit ledger
# ---------------------------------------------------------------------------------------------


def required_module_ids(course: CoursePage) -> list[int]:
    return list(ModulePage.objects.live().child_of(course).values_list("pk", flat=True))


def required_quiz_ids(course: CoursePage) -> list[int]:
    """Live quizzes of the course that count towards completion."""
    return list(
        QuizPage.objects.live().child_of(course).filter(counts_towards_completion=True).values_list("pk", flat=True)
    )


def course_requirements(course: CoursePage) -> completion.CourseRequirements:
    return completion.CourseRequirements.build(
        required_module_ids(course), required_quiz_ids(course), course.delivery_method
    )


def learner_state(
    user, course: CoursePage, requirements: completion.CourseRequirements, *, attended: bool = False
) -> completion.LearnerState:
    done = ModuleProgress.objects.filter(
        user=user, module_id__in=requirements.module_ids, completed_at__isnull=False
    ).values_list("module_id", flat=True)
    passed = passed_quiz_ids(user, requirements.quiz_ids) if requirements.quiz_ids else set()
    return completion.LearnerState.build(done, passed, attended=attended)


@transaction.atomic
def decide_completion(user, course: CoursePage, *, now: datetime | None = None) -> CreditRecord | None:
    """Write the credit record if every requirement is now met; return the learner's record, if any.

    A live course also needs an offering attended in full; its record is then issued by the offering's
    provider and dated the day of the class (see live.py), not the moment of the last click.
    """
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course, left_at__isnull=True).first()
    existing = CreditRecord.objects.filter(user=user, course=course).first()
    if existing is not None or enrolment is None:
        return existing
    requirements = course_requirements(course)
    offering = live.attended_offering(user=user, course=course) if requirements.needs_attendance else None
    state = learner_state(user, course, requirements, attended=offering is not None)
    decision = completion.decide(requirements, state)
    if not decision.complete:
        return None
    now = now or timezone.now()
    if offering is not None:
        record = live.issue_live_credit(user=user, course=course, offering=offering, tested=requirements.tested)
    else:
        record = write_credit_record(user, course, completed_at=now, tested=requirements.tested)
    Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(completed_at=now)
    forget_learner(user.pk)
    return record


@transaction.atomic
def join_live_course(*, user, course: CoursePage) -> CreditRecord | None:
    """A learner who attended an offering of a live course is enrolled in it (open or not) and decided."""
    enrolment, _ = Enrolment.objects.select_for_update().get_or_create(user=user, course=course)
    if enrolment.left_at is not None:
        Enrolment.objects.filter(pk=enrolment.pk).update(left_at=None)
        forget_learner(user.pk)
    return decide_completion(user, course)


def credit_snapshot(user, course: CoursePage, *, completed_at: datetime, tested: bool, place: str = "") -> dict:
    """Everything a board asks to see, copied as it stands now so later edits never reach the record.

    `place` is where the class was held ("City, ST"); without it, the way of studying stands in for it
    ("Online home study", "Live webinar").
    """
    provider = ProviderSettings.load()
    course_approvals = {approval.approving_body_id: approval.approval_number for approval in course.approvals.all()}
    bodies = [
        body for body in ApprovingBody.objects.filter(show_on_certificates=True) if body.is_current(completed_at.date())
    ]
    approvals = [
        {
            "body": body.name,
            "short_name": body.short_name,
            "provider_number": body.provider_number,
            "course_number": course_approvals.get(body.pk, ""),
        }
        for body in bodies
    ]
    categories = [
        {"slug": link.category.slug, "name": link.category.name, "hours": str(link.hours or course.ce_hours)}
        for link in course.ce_category_links.select_related("category").order_by("sort_order")
    ]
    signatory = ", ".join(part for part in (provider.administrator_name, provider.administrator_title) if part)
    return {
        "learner_name": legal_name_for(user),
        "licences": [licence.snapshot() for licence in licences_for(user)],
        "course_title": course.title,
        "course_number": course.course_number,
        "ce_hours": course.ce_hours,
        "hours_by_category": categories,
        "delivery_method": course.delivery_method,
        "tested": tested,
        "completed_at": completed_at,
        "completed_on": timezone.localdate(completed_at),
        "provider_name": provider.organisation_name,
        "provider_contact": provider.contact[:300],
        "provider_signatory": signatory[:250],
        "approvals": approvals,
        "instructors": "; ".join(str(instructor) for instructor in course.instructors.all())[:400],
        "place": (place.strip() or place_for_delivery(course.delivery_method))[:150],
        "certificate_note": provider.certificate_note.strip(),
    }


def write_credit_record(
    user, course: CoursePage, *, completed_at: datetime, tested: bool, place: str = ""
) -> CreditRecord:
    """Create the record and its first certificate, once. A concurrent second call gets the first record."""
    snapshot = credit_snapshot(user, course, completed_at=completed_at, tested=tested, place=place)
    try:
        with transaction.atomic():
            record = CreditRecord.objects.create(user=user, course=course, **snapshot)
            Certificate.objects.create(record=record, name_on_certificate=record.learner_name, issued_at=completed_at)
    except IntegrityError:
        return CreditRecord.objects.get(user=user, course=course)
    return record


def record_quiz_result(user, quiz: QuizPage, *, passed: bool) -> CreditRecord | None:
    """A graded quiz attempt: if it passed a quiz that counts, the course may be complete now.

    Runs inside the grading transaction (see the quiz_attempt_graded receiver). Taking a course's quiz
    is taking part in the course, so a learner who isn't enrolled is enrolled, if the course is open.
    """
    if not passed or not quiz.counts_towards_completion:
        return None
    course = CoursePage.objects.live().filter(pk=quiz.get_parent().pk).first()
    if course is None:
        return None
    if active_enrolment(user, course.pk) is None:
        try:
            enrol(user, course)  # decides completion as well
        except EnrolmentClosed:
            return None
    return decide_completion(user, course)


# ---------------------------------------------------------------------------------------------
# Certificates: revoke and reissue (administrators)
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def revoke_certificate(certificate: Certificate, *, by, reason: str) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise CertificateAlreadyRevoked
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoked_reason=reason.strip()[:300], revoked_by=by
    )
    certificate.refresh_from_db()
    forget_learner(certificate.record.user_id)
    return certificate


@transaction.atomic
def reissue_certificate(record: CreditRecord, *, by, reason: str, name: str = "") -> Certificate:
    """Revoke the current certificate (if any) and issue a new one with a new code.

    The name may be corrected (a typo, a change of legal name); everything else comes from the record.
    """
    reason = reason.strip()[:300]
    for current in Certificate.objects.select_for_update().filter(record=record, revoked_at__isnull=True):
        Certificate.objects.filter(pk=current.pk).update(
            revoked_at=timezone.now(),
            revoked_reason=f"Replaced by a reissued certificate: {reason}"[:300],
            revoked_by=by,
        )
    return Certificate.objects.create(
        record=record,
        name_on_certificate=(" ".join(name.split()) or record.learner_name)[:150],
        issued_by=by,
        reissue_reason=reason,
    )
