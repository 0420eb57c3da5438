"""Single choice: one right answer among several options."""

from __future__ import annotations

from django import forms
from wagtail.admin.panels import FieldPanel, InlinePanel

from quizzes import posted, responses, scoring

from .base import Problem, live_forms
from .choice import ChoiceType, choice_body, duplicate_option_problems, option_list_problems

ONE_RIGHT_ANSWER = "Only one option can be the right answer: untick all but one."


class RightAnswerInput(forms.CheckboxInput):
    """The "right answer" box of one option. A checkbox without JavaScript (the server refuses two ticks, beside
    them); a small script turns the boxes of a question's options into one group of radio buttons."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"data-single-right-answer": "", **(attrs or {})})

    class Media:
        js = ["quizzes/js/single-right-answer.js"]


class SingleChoice(ChoiceType):
    key = scoring.SINGLE_CHOICE
    label = "Single choice"
    icon = "radio-full"
    description = "One right answer among several options."
    model = "quizzes.SingleChoiceQuestion"
    grader = scoring.Grader(clean=responses.clean_choice, grade=scoring.grade_single)

    def answer_panels(self):
        return [
            InlinePanel(
                "options",
                heading="Options",
                label="Option",
                min_num=2,
                help_text="Mark one option as the right answer.",
                panels=[
                    FieldPanel("text"),
                    FieldPanel("is_correct", widget=RightAnswerInput()),
                    FieldPanel("feedback"),
                ],
            )
        ]

    def admin_problems(self, form):
        problems, right = option_list_problems(form)
        ticked = [option for option in live_forms(form.formsets["options"]) if option.cleaned_data.get("is_correct")]
        if right == 0:
            problems.append("Mark one option as the right answer.")
        elif right > 1:
            problems.extend(Problem(ONE_RIGHT_ANSWER, option, "is_correct") for option in ticked)
        return problems + duplicate_option_problems(form)

    def snapshot(self, question, tokens, *, shuffle_options, rng):
        return {"options": choice_body(question.options.all(), tokens, shuffle=shuffle_options, rng=rng)}

    def chosen(self, response):
        return {response.get("choice")} if "choice" in response else set()

    def prepare(self, question, item, response):
        # The answering template compares each option with the one saved (None when unanswered).
        question["chosen"] = {response.get("choice")}

    def read(self, data, item, name):
        choice = posted.one(data, name)
        return {"choice": choice} if choice else {}
