"""Parts other apps add to a quiz's results page, which never names the apps above quizzes.

Credit shows there whether the course is now complete (with the certificate) or what is left to do; it
registers that part from its AppConfig.ready():

    quiz_result_panels.register(
        "credit_notice", slot=QUIZ_RESULT, order=10, template="{% load credit_tags %}{% course_credit_notice quiz %}"
    )

`template` is rendered in the results page's own context (`quiz`, `attempt`, `request`...).
"""

from pageparts import PanelRegistry

# Slot on the results page: under the score, before any safety callout.
QUIZ_RESULT = "quiz_result"

quiz_result_panels = PanelRegistry({QUIZ_RESULT})
