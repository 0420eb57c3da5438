"""True or false: a statement the learner marks true or false.

The learner sees it as a single choice between "True" and "False", so it answers, grades and
reviews like one and uses single choice's templates; only its snapshot and editor differ.
"""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from quizzes import scoring

from .single_choice import SingleChoice

# The option ids of a true-or-false item; fixed, since two words give nothing away.
TRUE = "true"
FALSE = "false"


class TrueFalse(SingleChoice):
    key = scoring.TRUE_FALSE
    label = "True or false"
    icon = "check"
    description = "A statement the learner marks true or false."
    model = "quizzes.TrueFalseQuestion"
    template = "quizzes/questions/single_choice.html"
    review_template = "quizzes/review/single_choice.html"

    def answer_panels(self):
        return [
            FieldPanel("correct_answer"),
            FieldRowPanel([FieldPanel("feedback_true"), FieldPanel("feedback_false")]),
        ]

    def admin_problems(self, form):
        return []

    def snapshot(self, question, tokens, *, shuffle_options, rng):
        # "True" always comes first: shuffling two fixed words only confuses.
        return {
            "options": [
                {
                    "id": TRUE,
                    "text": "True",
                    "feedback": question.feedback_true,
                    "correct": question.correct_answer is True,
                },
                {
                    "id": FALSE,
                    "text": "False",
                    "feedback": question.feedback_false,
                    "correct": question.correct_answer is False,
                },
            ]
        }
