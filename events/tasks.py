"""E-mails to registrants, sent in the background with the event's calendar file attached."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

SUBJECTS = {
    "registered": "You're registered: {title}",
    "waiting": "You're on the waiting list: {title}",
    "promoted": "A place came free – you're registered: {title}",
    "cancelled": "Cancelled by the provider: {title}",
    "postponed": "Postponed: {title}",
}


@task()
def send_registration_email(registration_id: int, notice: str) -> int:
    """Tell a registrant about their registration (`notice` is a key of SUBJECTS), with the event's .ics."""
    from . import calendars, selectors
    from .models import Registration

    registration = (
        Registration.objects.select_related("learner", "event", "event__provider").filter(pk=registration_id).first()
    )
    if registration is None or not registration.learner.email or notice not in SUBJECTS:
        return 0
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "notice": notice,
        "place": selectors.waiting_place(registration),
        "event_url": event.get_full_url(),
        "dashboard_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("credit:dashboard"),
    }
    message = EmailMultiAlternatives(
        SUBJECTS[notice].format(title=event.title),
        render_to_string("events/email/registration.txt", context),
        to=[registration.learner.email],
    )
    message.attach(f"{event.slug}.ics", calendars.build_calendar([event], name=event.title), "text/calendar")
    return message.send()


@task()
def settle_attendance_credit(registration_id: int) -> bool:
    """After an event ends: issue the credit its complete attendance earned (nothing if already issued)."""
    from .attendance_credit import settle_ended
    from .models import Registration

    settle_ended(Registration.objects.filter(pk=registration_id).select_related("event"))
    return True
