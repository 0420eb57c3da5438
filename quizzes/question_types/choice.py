"""What the three option-list types share: single choice, multiple response and true or false.

Their items hold ``options`` = [{id, text, feedback, correct}]; the learner sees the text of each.
"""

from __future__ import annotations

import random
from abc import abstractmethod
from typing import Any

from .base import QuestionType, Tokens, has_duplicates, live_forms, text_only


def choice_body(options, tokens: Tokens, *, shuffle: bool, rng: random.Random) -> list[dict[str, Any]]:
    """An attempt's options from the question's option rows, each with a fresh token."""
    body = [
        {"id": tokens.new(), "text": option.text, "feedback": option.feedback, "correct": bool(option.is_correct)}
        for option in options
    ]
    if shuffle:
        rng.shuffle(body)
    return body


class ChoiceType(QuestionType):
    """A list of options, some right."""

    def public(self, item):
        return {"options": text_only(item["options"])}

    @abstractmethod
    def chosen(self, response: dict[str, Any]) -> set:
        """The option ids a response chose."""

    def prepare(self, question, item, response):
        question["chosen"] = self.chosen(response)

    def describe(self, entry, *, preview):
        chosen = self.chosen(entry.response)
        show_key = entry.show_key
        for option in entry.item["options"]:
            picked = option["id"] in chosen
            if not show_key and not picked:
                continue
            entry.rows.append(
                {
                    "text": option["text"],
                    "chosen": picked,
                    "correct": option["correct"] if show_key else None,
                    # Feedback for what the learner chose, and for right answers they missed.
                    "feedback": option["feedback"] if show_key and (picked or option["correct"] or preview) else "",
                }
            )


def option_list_problems(form) -> tuple[list[str], int]:
    """The checks every option list needs, and how many options are marked right."""
    options = live_forms(form.formsets["options"])
    right = sum(1 for option in options if option.cleaned_data.get("is_correct"))
    problems = []
    if len(options) < 2:
        problems.append("Give at least two options.")
    return problems, right


def duplicate_option_problems(form) -> list[str]:
    options = live_forms(form.formsets["options"])
    if has_duplicates(option.cleaned_data.get("text") for option in options):
        return ["Two options have the same text."]
    return []
