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
    """A live (on-site) course, which can complete on its modules alone, with its modules."""
    fields.setdefault("delivery_method", "live_on_site")
    course = factories.course(**fields)
    return course, [factories.module(course, title=f"Part {n + 1}") for n in range(modules)]


def complete_course(user, course, modules) -> CreditRecord:
    services.enrol(user, course)
    record = None
    for module in modules:
        _, record = services.mark_module_complete(user, module, course)
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
