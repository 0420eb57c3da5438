"""Template tags for enrolment and progress on course and module pages, licences on the profile page, and the
dashboard's registered parts."""

from decimal import Decimal

from django import template

from courses.choices import DeliveryMethod
from courses.models import CoursePage, ModulePage
from courses.templatetags.ce_tags import ces

from ..completion import LIVE_METHODS, minutes_short
from ..dashboard_panels import dashboard_panels as dashboard_registry
from ..models import ModuleProgress
from ..selectors import course_progress, licences_for

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_panels(context, slot: str) -> str:
    """The parts other apps registered for a dashboard slot, rendered in the dashboard's context."""
    return dashboard_registry.render(slot, context)


@register.inclusion_tag("credit/includes/course_actions.html", takes_context=True)
def course_actions(context, course: CoursePage) -> dict:
    """Enrol, continue or see progress, under the course's title."""
    request = context["request"]
    user = request.user
    if course.pk is None:  # a preview of a course not saved yet: nothing to enrol in
        return {"request": request, "course": course, "preview": True, "modules": context.get("modules") or []}
    progress = course_progress(user, course) if user.is_authenticated else None
    enrolled = progress is not None and progress.enrolment is not None and progress.enrolment.is_active
    return {
        "request": request,
        "course": course,
        "progress": progress,
        "enrolled": enrolled,
        "modules": context.get("modules") or course.modules,
    }


@register.inclusion_tag("credit/includes/module_progress.html", takes_context=True)
def module_progress(context, module: ModulePage, course: CoursePage | None) -> dict:
    """The mark-complete form at the foot of a module, with time spent when the course sets a minimum."""
    request = context["request"]
    user = request.user
    # A live course earns credit by attending an offering: its modules are preparation, not credit.
    live_course = course is not None and course.delivery_method in LIVE_METHODS
    result = {"request": request, "module": module, "course": course, "enrolled": False, "live_course": live_course}
    if course is None or course.pk is None or module.pk is None or not user.is_authenticated:
        return result
    # The module page has already listed the course's live modules for its navigation.
    progress = course_progress(user, course, modules=context.get("course_modules"))
    if progress is None or progress.enrolment is None or not progress.enrolment.is_active:
        return result
    # The visit this request recorded says the time already (credit.wagtail_hooks); a preview records none.
    row = getattr(request, "credit_module_visit", None)
    if row is None or row.module_id != module.pk:
        row = ModuleProgress.objects.filter(user=user, module=module).first()
    seconds = row.seconds_spent if row else 0
    result.update(
        {
            "enrolled": True,
            "course_progress": progress,
            "module_done": module.pk in progress.completed_module_ids,
            "minimum_minutes": course.minimum_module_minutes,
            "minutes_spent": seconds // 60,
            "minutes_short": minutes_short(seconds, course.minimum_module_minutes),
        }
    )
    return result


@register.inclusion_tag("credit/includes/course_credit_notice.html", takes_context=True)
def course_credit_notice(context, quiz) -> dict:
    """On a quiz's results: the certificate when the course is now complete, else what is left to do."""
    request = context["request"]
    user = request.user
    course = CoursePage.objects.live().filter(pk=quiz.get_parent().pk).first() if quiz.pk else None
    if course is None or not user.is_authenticated:
        return {}
    progress = course_progress(user, course)
    if progress is None:
        return {}
    return {"course": course, "progress": progress, "record": progress.record}


@register.inclusion_tag("credit/includes/profile_licences.html", takes_context=True)
def profile_licences(context) -> dict:
    """The learner's licences, on their profile page (a section credit registers with accounts)."""
    return {"licences": licences_for(context["request"].user)}


# One way of writing CE hours site-wide ("2.5 CEs", never "CEUs"): the courses app's filter.
register.filter("ces", ces)


@register.filter
def hours(value) -> str:
    if value in (None, ""):
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return f"{number.normalize():f}"


@register.filter
def studied(record) -> str:
    """How and where a record's credit was studied, as boards read it: "Live, in person · Hands-on: yes · Tampa, FL".

    The place is named for classes held somewhere; a webinar's or home study's place only repeats its type.
    """
    parts = [record.course_type]
    if record.hands_on:
        parts.append("Hands-on: yes")
    if record.delivery_method == DeliveryMethod.LIVE_ON_SITE and record.place:
        parts.append(record.place)
    return " · ".join(parts)
