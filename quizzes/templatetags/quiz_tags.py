from django import template

from ..selectors import course_quizzes as select_course_quizzes

register = template.Library()


@register.inclusion_tag("quizzes/includes/course_quizzes.html", takes_context=True)
def course_quizzes(context, course):
    """The course's quizzes, with the signed-in learner's standing on each."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"quizzes": select_course_quizzes(course, user), "request": request}
