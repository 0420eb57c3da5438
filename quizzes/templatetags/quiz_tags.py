from django import template

from ..question_types.case_scenario import client_title
from ..result_panels import quiz_result_panels as result_panels
from ..selectors import course_quizzes as select_course_quizzes

register = template.Library()


@register.inclusion_tag("quizzes/includes/course_quizzes.html", takes_context=True)
def course_quizzes(context, course):
    """The course's quizzes, with the signed-in learner's standing on each."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"quizzes": select_course_quizzes(course, user), "request": request}


@register.simple_tag(takes_context=True)
def quiz_result_panels(context, slot: str) -> str:
    """The parts other apps registered for `slot` of the results page (see quizzes.result_panels)."""
    return result_panels.render(slot, context)


@register.filter
def case_client(vignette) -> str:
    """A case's client with the age said once ("Rosa, a 34-year-old nurse"; "Marta, aged 58")."""
    return client_title(vignette.get("client", ""), vignette.get("age"))
