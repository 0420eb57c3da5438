"""Tags the course and module pages use to show what other apps registered (see courses.panels_registry)."""

from django import template

from .. import panels_registry

register = template.Library()


@register.simple_tag(takes_context=True)
def course_panels(context, slot: str) -> str:
    """The parts registered for `slot`, rendered in this page's context."""
    return panels_registry.course_panels.render(slot, context)


@register.simple_tag(takes_context=True)
def completed_module_ids(context, course) -> set[int]:
    """Modules of the course the signed-in learner has finished (empty for anyone else, or an unsaved course)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if course is None or course.pk is None or user is None or not user.is_authenticated:
        return set()
    return panels_registry.completed_module_ids(user=user, course=course)
