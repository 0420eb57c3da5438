"""Builders for credit tests: enrolled learners, completed courses, licences and outside CE."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from accounts.models import LearnerProfile
from courses.models import CoursePage
from credit import services
from credit.models import ApprovingBody, CreditRecord, Licence, OutsideCredit, ProviderSettings, RequirementProfile
from tests import factories


def learner(username: str | None = None, *, legal_name: str = "Samira Haddad", **fields):
    user = factories.user(username, **fields)
    LearnerProfile.objects.create(user=user, legal_name=legal_name)
    return user


def licence(user, profile_slug: str = "florida-massage-therapist", *, number: str = "MA12345", start=None, end=None):
    today = timezone.localdate()
    return Licence.objects.create(
        user=user,
        requirement_profile=RequirementProfile.objects.get(slug=profile_slug),
        licence_number=number,
        cycle_start=start or date(today.year - 1, 1, 1),
        cycle_end=end or date(today.year + 1, 12, 31),
    )


def live_course(*, modules: int = 2, **fields) -> tuple[CoursePage, list]:
    """A live (on-site) course with its preparation modules; it completes through an attended offering."""
    fields.setdefault("delivery_method", "live_on_site")
    course = factories.course(**fields)
    return course, [factories.module(course, title=f"Part {n + 1}") for n in range(modules)]


def attend_offering(user, course, *, ended_minutes_ago: int = 1):
    """An offering of a live course that just ended, attended in full by `user`; returns the registration."""
    from datetime import timedelta

    from events import attendance
    from events.choices import RegistrationStatus
    from events.models import EventPage, ProviderPage, Registration
    from tests.events import factories as ef

    end = timezone.localtime() - timedelta(minutes=ended_minutes_ago)
    start = end - timedelta(hours=3)
    course = course.specific
    event = EventPage.objects.filter(offering_of=course).first() or ef.event(
        ProviderPage.objects.first() or ef.provider("Offering Provider"),
        title=f"{course.title} (offering)",
        registration_url="",
        delivery_method=course.delivery_method,
        ce_hours=str(course.ce_hours),
        sessions=[(start.replace(tzinfo=None), end.replace(tzinfo=None))],
        time_zone=timezone.get_current_timezone_name(),
        offering_of=course,
    )
    registration, _ = Registration.objects.get_or_create(
        event=event, learner=user, status=RegistrationStatus.REGISTERED
    )
    for session in event.session_list:
        attendance.mark(session=session, registration_id=registration.pk, present=True, by=None)
    return registration


def home_study_course(*, modules: int = 2, **fields) -> tuple[CoursePage, list]:
    """An On Demand course: its modules and a one-question test that counts towards completion."""
    from tests.quizzes import factories as quiz_factories

    course, module_pages = live_course(modules=modules, delivery_method="on_demand", **fields)
    quiz_factories.quiz(course, title="Final test", questions=[quiz_factories.true_false(correct=True)], pass_mark=70)
    return course, module_pages


def pass_counting_quizzes(user, course) -> None:
    from quizzes.models import QuizPage
    from tests.credit.test_quiz_completion import take_quiz

    for quiz in QuizPage.objects.live().child_of(course).filter(counts_towards_completion=True):
        take_quiz(user, quiz)


def complete_course(user, course, modules) -> CreditRecord:
    """Complete a course the way its learners do: modules and tests, or for a live course an attended offering."""
    services.enrol(user, course)
    record = None
    for module in modules:
        _, record = services.mark_module_complete(user, module, course)
    if record is None and course.delivery_method == "on_demand":
        pass_counting_quizzes(user, course)
    elif record is None:
        attend_offering(user, course)
    record = record or CreditRecord.objects.filter(user=user, course=course).first()
    assert record is not None, "the course should be complete"
    return record


def provider(**fields) -> ProviderSettings:
    settings = ProviderSettings.load()
    values = {
        "organisation_name": "Touchstone Continuing Education",
        "address": "12 Harbor Street\nTampa, FL 33602",
        "email": "ce@touchstone.example",
        "administrator_name": "Alex Morgan",
        "administrator_title": "Education Director",
        **fields,
    }
    for key, value in values.items():
        setattr(settings, key, value)
    settings.save()
    return settings


def approving_body(name="National Certification Board for Therapeutic Massage & Bodywork", number="451234-26"):
    return ApprovingBody.objects.create(name=name, short_name="NCBTMB", provider_number=number)


def outside_credit(
    user, *, hours="3", categories=("ethics",), on=None, delivery="live_webinar", title="Ethics Refresher"
):
    from courses.models import CECategory

    entry = OutsideCredit.objects.create(
        user=user,
        title=title,
        provider="Another Provider",
        completed_on=on or timezone.localdate(),
        hours=Decimal(hours),
        delivery_method=delivery,
    )
    entry.categories.set(CECategory.objects.filter(slug__in=categories))
    return entry
