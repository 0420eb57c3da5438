"""What credit adds to pages owned by the apps below it, through the registries those apps offer.

Courses, quizzes and accounts never name credit: the course page shows the enrol button and progress
bar, a module page its mark-complete form, a quiz's results page the course's completion, and the
profile page the learner's licences, because credit registers them here (from CreditConfig.ready()).
"""

from accounts.profile_sections import register_profile_section
from courses.panels_registry import (
    COURSE_ACTIONS,
    MODULE_AFTER_BODY,
    register_completed_modules,
    register_course_panel,
)
from quizzes.result_panels import QUIZ_RESULT, quiz_result_panels


def register() -> None:
    from . import selectors

    register_course_panel(
        "credit_enrolment", slot=COURSE_ACTIONS, order=10, template="{% load credit_tags %}{% course_actions page %}"
    )
    register_course_panel(
        "credit_module_progress",
        slot=MODULE_AFTER_BODY,
        order=10,
        template="{% load credit_tags %}{% module_progress page course %}",
    )
    register_completed_modules("credit", selectors.completed_module_ids)
    quiz_result_panels.register(
        "credit_notice", slot=QUIZ_RESULT, order=10, template="{% load credit_tags %}{% course_credit_notice quiz %}"
    )
    register_profile_section("licences", order=10, template="{% load credit_tags %}{% profile_licences %}")
