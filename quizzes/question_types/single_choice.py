"""Single choice: one right answer among several options."""

from __future__ import annotations

from wagtail.admin.panels import InlinePanel

from quizzes import posted, responses, scoring

from .choice import ChoiceType, choice_body, duplicate_option_problems, option_list_problems


class SingleChoice(ChoiceType):
    key = scoring.SINGLE_CHOICE
    label = "Single choice"
    icon = "radio-full"
    description = "One right answer among several options."
    model = "quizzes.SingleChoiceQuestion"
    grader = scoring.Grader(clean=responses.clean_choice, grade=scoring.grade_single)

    def answer_panels(self):
        return [InlinePanel("options", heading="Options", label="Option", min_num=2)]

    def admin_problems(self, form):
        problems, right = option_list_problems(form)
        if right != 1:
            problems.append("Mark exactly one option as the right answer.")
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
