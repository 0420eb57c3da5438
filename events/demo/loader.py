"""Turns the demo specs into pages, sessions and accounts, updating what an earlier run made.

Dates are counted from today, so the demo always has upcoming and past events. Running it again
updates the same pages, sessions (keeping their calendar IDs) and accounts instead of adding more,
and publishes a page again only when its content changed.

Attendance at past events is taken through the attendance service, as the provider's team would take it
on the roster, so the credit it earns is issued by the real services (an attended offering of a live
course completes that course). A mark that already stands changes nothing, so loading again adds no
audit entries and issues nothing twice.
"""

import json
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.demo import DemoAccount, ensure_user
from courses.models import CECategory, CoursePage

from .. import attendance, schedule
from ..choices import Currency, RegistrationStatus
from ..models import (
    EventApproval,
    EventCECategory,
    EventCourseLink,
    EventInstructor,
    EventPage,
    EventSession,
    ProviderApproval,
    ProviderPage,
    Registration,
)
from ..services import add_provider_account, ensure_events_index, ensure_provider_setup
from .spec import (
    AttendanceSpec,
    DemoDataError,
    EventSpec,
    ProviderSpec,
    RegistrationsSpec,
    read_attendance,
    read_events,
    read_providers,
    read_registrations,
    rich_text,
)

# Every demo provider and event is in the United States and priced in US dollars.
COUNTRY = "United States"
CURRENCY = Currency.USD


def _local(day: int, at) -> datetime:
    """A naive wall-clock time `day` days from today (the site's today), for the event's zone to read."""
    return datetime.combine(timezone.localdate() + timedelta(days=day), at)


def _sync_children(manager, model, rows: list[dict]) -> None:
    """Update existing child rows in order (keeping their ids), add or drop the rest."""
    existing = list(manager.all())
    kept = []
    for position, values in enumerate(rows):
        item = existing[position] if position < len(existing) else model()
        for name, value in values.items():
            setattr(item, name, value)
        item.sort_order = position
        kept.append(item)
    manager.set(kept)


def _comparable(value):
    """Serialised page data, with StreamField JSON parsed: its key order differs between databases."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    return value


def _publish_if_changed(page, parent, is_new: bool, before) -> bool:
    if is_new:
        parent.add_child(instance=page)
        page.save_revision().publish()
        return True
    if _comparable(page.serializable_data()) != before or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
        return True
    return False


def _load_provider(index, spec: ProviderSpec) -> ProviderPage:
    page = ProviderPage.objects.child_of(index).filter(slug=spec.slug).first()
    is_new = page is None
    page = page or ProviderPage(slug=spec.slug)
    before = None if is_new else _comparable(page.serializable_data())
    today = timezone.localdate()
    for name in (
        "title",
        "contact_email",
        "contact_phone",
        "website",
        "street_address",
        "city",
        "region",
        "postal_code",
        "time_zone",
        "signatory_name",
        "signatory_title",
    ):
        setattr(page, name, getattr(spec, name))
    page.description = rich_text(spec.description)
    page.country = COUNTRY
    _sync_children(
        page.approvals,
        ProviderApproval,
        [
            {
                "approving_body": approval.approving_body,
                "approval_number": approval.approval_number,
                "expires_on": (
                    today + timedelta(days=approval.expires_in_days) if approval.expires_in_days is not None else None
                ),
            }
            for approval in spec.approvals
        ],
    )
    _publish_if_changed(page, index, is_new, before)
    page.refresh_from_db()
    return page


def _load_event(provider: ProviderPage, spec: EventSpec, categories: dict, courses: dict) -> EventPage:
    page = EventPage.objects.child_of(provider).filter(slug=spec.slug).first()
    is_new = page is None
    page = page or EventPage(slug=spec.slug)
    before = None if is_new else _comparable(page.serializable_data())
    today = timezone.localdate()
    values = {
        "title": spec.title,
        "summary": spec.summary,
        "description": rich_text(spec.description),
        "prerequisites": spec.prerequisites,
        "status": spec.status,
        "time_zone": spec.time_zone,
        "delivery_method": spec.delivery,
        "hands_on": spec.hands_on,
        "venue": spec.venue,
        "street_address": spec.street_address,
        "city": spec.city,
        "region": spec.region,
        "postal_code": spec.postal_code,
        "country": COUNTRY,
        "online_platform": spec.online_platform,
        "joining_details": spec.joining_details,
        "ce_hours": spec.ce_hours,
        "cost": spec.cost,
        "currency": CURRENCY,
        "certificate_fee": spec.certificate_fee,
        "capacity": spec.capacity,
        "registration_details": spec.registration_details,
        "registration_url": spec.registration_url,
        "registration_deadline": (
            today + timedelta(days=spec.registration_deadline_days)
            if spec.registration_deadline_days is not None
            else None
        ),
        "cancellation_policy": spec.cancellation_policy,
    }
    for name, value in values.items():
        setattr(page, name, value)
    # A scheduled offering of a live catalogue course, when the catalogue demo has the course.
    page.offering_of = courses.get(spec.offering_of) if spec.offering_of else None
    objectives = list(spec.objectives)
    if [block.value for block in page.learning_objectives] != objectives:
        page.learning_objectives = [("objective", text) for text in objectives]
    _sync_children(
        page.sessions,
        EventSession,
        [
            {
                "starts_at": schedule.to_utc(_local(session.day, session.starts), spec.time_zone),
                "ends_at": schedule.to_utc(_local(session.last_day, session.ends), spec.time_zone),
            }
            for session in spec.sessions
        ],
    )
    _sync_children(
        page.instructors,
        EventInstructor,
        [
            {"name": instructor.name, "credentials": instructor.credentials, "bio": instructor.bio}
            for instructor in spec.instructors
        ],
    )
    _sync_children(
        page.ce_category_links,
        EventCECategory,
        [{"category": categories[link.category], "hours": link.hours} for link in spec.categories],
    )
    _sync_children(
        page.approvals,
        EventApproval,
        [
            {"approving_body": approval.approving_body, "approval_number": approval.approval_number}
            for approval in spec.approvals
        ],
    )
    # Courses come from the catalogue demo; link the ones that exist.
    _sync_children(
        page.course_links,
        EventCourseLink,
        [{"course": courses[slug]} for slug in spec.courses if slug in courses],
    )
    _publish_if_changed(page, provider, is_new, before)
    return page


def _load_registrations(spec: RegistrationsSpec, events: dict[str, EventPage]) -> int:
    """Registrations in the listed order: places up to the capacity, then the waiting list. No e-mails.

    A learner who already has an active registration keeps it, so loading again changes nothing.
    """
    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in={name for registration in spec.registrations for name in registration.learners}
        )
    }
    made = 0
    now = timezone.now()
    for registration in spec.registrations:
        event = events[registration.event]
        for position, name in enumerate(registration.learners):
            if name not in users:
                raise DemoDataError(f"registrations.yaml: no demo account is called {name!r}.")
            if Registration.objects.active().filter(event=event, learner=users[name]).exists():
                continue
            taken = Registration.objects.registered().filter(event=event).count()
            full = event.capacity is not None and taken >= event.capacity
            status = RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED
            made_now = Registration.objects.create(event=event, learner=users[name], status=status)
            if registration.days_ago:
                # Backdated, a second apart, so the waiting list keeps the listed order.
                when = now - timedelta(days=registration.days_ago[position]) + timedelta(seconds=position)
                Registration.objects.filter(pk=made_now.pk).update(created_at=when)
            made += 1
    return made


def _take_attendance(entries: tuple[AttendanceSpec, ...], events: dict[str, EventPage]) -> int:
    """Mark each learner's sessions on the roster as the provider's account; credit follows where it is earned."""
    User = get_user_model()
    changed = 0
    for entry in entries:
        by = User.objects.filter(username=entry.taken_by).first()
        if by is None:
            raise DemoDataError(f"attendance.yaml: no demo account is called {entry.taken_by!r}.")
        event = EventPage.objects.get(pk=events[entry.event].pk)
        for learner in entry.learners:
            registration = Registration.objects.registered().get(event=event, learner__username=learner.learner)
            for session, mark in zip(event.session_list, learner.sessions, strict=True):
                changed += attendance.mark(
                    session=session,
                    registration_id=registration.pk,
                    present=mark.present,
                    minutes=mark.minutes,
                    note=mark.note,
                    by=by,
                ).changed
    return changed


def load(stdout) -> list[DemoAccount]:
    """Load the demo providers, their accounts and their events; the accounts are returned for the sign-in list."""
    providers_spec = read_providers()
    events_spec = read_events(providers_spec)
    ensure_provider_setup()
    index, _ = ensure_events_index()
    categories = {category.slug: category for category in CECategory.objects.all()}
    unknown = sorted({link.category for spec in events_spec for link in spec.categories} - set(categories))
    if unknown:
        raise DemoDataError(f"events.yaml: no CE category has the slug(s) {', '.join(unknown)}.")
    course_slugs = {slug for spec in events_spec for slug in (*spec.courses, spec.offering_of) if slug}
    courses = {course.slug: course for course in CoursePage.objects.filter(slug__in=course_slugs)}

    providers = {}
    for spec in providers_spec:
        provider = _load_provider(index, spec)
        add_provider_account(provider, ensure_user(spec.account))
        providers[spec.slug] = provider
    events = {spec.slug: _load_event(providers[spec.provider], spec, categories, courses) for spec in events_spec}
    registrations_spec = read_registrations(events_spec)
    for account in registrations_spec.learners:
        ensure_user(account)
    _load_registrations(registrations_spec, events)
    _take_attendance(read_attendance(events_spec, registrations_spec), events)

    stdout.write(f"Events ready: {len(providers_spec)} providers and {len(events_spec)} events under {index.url}.")
    return [spec.account for spec in providers_spec] + list(registrations_spec.learners)
