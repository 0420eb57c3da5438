"""Multiple response: several right options, graded with partial credit or all or nothing."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, InlinePanel

from quizzes import posted, responses, scoring

from .choice import ChoiceType, choice_body, duplicate_option_problems, option_list_problems


class MultipleResponse(ChoiceType):
    key = scoring.MULTIPLE_RESPONSE
    label = "Multiple response"
    icon = "tasks"
    description = "Several right options; partial credit or all or nothing."
    model = "quizzes.MultipleResponseQuestion"
    grader = scoring.Grader(clean=responses.clean_choices, grade=scoring.grade_multiple)

    def answer_panels(self):
        return [FieldPanel("scoring"), InlinePanel("options", heading="Options", label="Option", min_num=2)]

    def admin_problems(self, form):
        problems, right = option_list_problems(form)
        if right < 1:
            problems.append("Mark at least one option as a right answer.")
        return problems + duplicate_option_problems(form)

    def snapshot(self, question, tokens, *, shuffle_options, rng):
        return {
            "scoring": question.scoring,
            "options": choice_body(question.options.all(), tokens, shuffle=shuffle_options, rng=rng),
        }

    def chosen(self, response):
        return set(response.get("choices") or [])

    def read(self, data, item, name):
        choices = posted.values(data, name)
        return {"choices": choices} if choices else {}
