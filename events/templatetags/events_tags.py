"""Event blocks for other apps' pages: the home page's next events, a course page's related events, and the
learning dashboard's "My events"."""

from django import template

from .. import selectors
from ..models import EventIndexPage

register = template.Library()


def _index() -> EventIndexPage | None:
    return EventIndexPage.objects.live().order_by("path").first()


@register.inclusion_tag("events/includes/home_events.html", takes_context=True)
def home_events(context) -> dict:
    return {"request": context.get("request"), "events": selectors.next_events(), "index": _index()}


@register.inclusion_tag("events/includes/course_events.html", takes_context=True)
def course_events(context, course) -> dict:
    return {"request": context.get("request"), "events": selectors.related_events(course), "index": _index()}


@register.inclusion_tag("events/includes/my_events.html", takes_context=True)
def my_events(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    registrations = selectors.my_events(learner=user) if user is not None and user.is_authenticated else []
    return {"request": request, "registrations": registrations, "index": _index()}
