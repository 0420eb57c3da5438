"""Register and cancel: plain POST forms on the event page, answered with a message and a redirect back.

A learner's registration is looked up together with its owner, so someone else's simply isn't found (404).
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from . import registrations, selectors
from .choices import RegistrationStatus
from .models import Registration


def _sign_in(event) -> HttpResponse:
    return redirect(f"{settings.LOGIN_URL}?{urlencode({'next': event.url})}")


def _confirmation(registration: Registration) -> str:
    if registration.status == RegistrationStatus.REGISTERED:
        return f"You're registered for {registration.event.title}. We've e-mailed you the details and a calendar file."
    place = selectors.waiting_place(registration)
    return (
        f"{registration.event.title} is full, so you're on the waiting list: number {place}. "
        "If a place comes free you'll be registered at once and we'll e-mail you."
    )


@require_POST
def register(request: HttpRequest, uid) -> HttpResponse:
    event = selectors.live_event_by_uid(uid)
    if event is None:
        raise Http404("No published event has that calendar ID.")
    if not request.user.is_authenticated:
        return _sign_in(event)
    try:
        result = registrations.register(event=event, learner=request.user)
    except registrations.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if result.created:
            messages.success(request, _confirmation(result.registration))
        else:
            messages.info(
                request, "You had already registered: nothing has changed. " + _confirmation(result.registration)
            )
    return redirect(event.url)


@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{settings.LOGIN_URL}?{urlencode({'next': request.POST.get('next', '/')})}")
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk, learner=request.user)
    event = registration.event.specific
    try:
        registrations.cancel(registration=registration, learner=request.user)
    except registrations.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Your registration for {event.title} is cancelled.")
    return redirect(event.url if event.live else "credit:dashboard")
