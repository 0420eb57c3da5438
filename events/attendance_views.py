"""Self check-in: the learner types the session's code on the event page; a plain POST answered with a message.

Codes are six characters from a 31-letter alphabet, so guessing one is slow, and failed attempts are
counted per learner (django-ratelimit, `EVENTS_CHECK_IN_RATE`): past the limit the learner is told when to
try again, and asked to let the provider mark them instead.
"""

import math

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django_ratelimit.core import get_usage

from . import attendance, selectors

RATE_GROUP = "events-check-in"


def _failures(request: HttpRequest, *, count: bool) -> dict | None:
    """The learner's failed check-ins in the current window; `count` adds this one."""
    rate = settings.EVENTS_CHECK_IN_RATE
    return get_usage(request, group=RATE_GROUP, key="user", rate=rate, method="POST", increment=count)


def _too_many(request: HttpRequest, event, usage: dict) -> HttpResponse:
    minutes = max(1, math.ceil(max(usage.get("time_left", 0), 0) / 60))
    context = {"event": event, "minutes": minutes}
    response = render(request, "events/check_in_limited.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def _not_allowed(request: HttpRequest) -> HttpResponse:
    context = {
        "status": 405,
        "title": "Check in from the event page",
        "message": "This address only takes the check-in form. Open the event page and type the session's code there.",
    }
    response = render(request, "error.html", context, status=405)
    response["Allow"] = "POST"
    return response


def check_in(request: HttpRequest, uid) -> HttpResponse:
    if request.method != "POST":
        return _not_allowed(request)
    event = selectors.live_event_by_uid(uid)
    if event is None:
        raise Http404("No published event has that calendar ID.")
    if not request.user.is_authenticated:
        return redirect(f"{settings.LOGIN_URL}?{urlencode({'next': event.url})}")
    usage = _failures(request, count=False)
    if usage is not None and usage["should_limit"]:
        return _too_many(request, event, usage)
    try:
        result = attendance.check_in(event=event, learner=request.user, code=request.POST.get("code", ""))
    except attendance.AttendanceError as error:
        usage = _failures(request, count=True)
        if usage is not None and usage["should_limit"]:
            return _too_many(request, event, usage)
        messages.error(request, str(error))
        return redirect(f"{event.url}#check-in")
    if not result.changed:
        messages.info(request, "You are already checked in to this session: nothing has changed.")
    elif result.credit_effect == "Credit issued.":
        messages.success(request, "You're checked in. You attended in full: your credit is on your transcript.")
    else:
        effect = f" {result.credit_effect}" if result.credit_effect else ""
        if result.credit_effect == "Credit follows when the event ends.":
            effect = " Credit follows when the event ends, provided you stay to the end."
        messages.success(request, f"You're checked in to {event.title}. Your attendance is recorded.{effect}")
    return redirect(f"{event.url}#my-attendance")
