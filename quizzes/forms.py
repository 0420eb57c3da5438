"""Reading a learner's answers from a posted form (the plain form and the autosave script post the same fields).

Each question on the page posts ``slot`` = s and ``seq-{s}``, the save number its answer was last
synchronised at. The answer fields are named ``q{s}`` or ``q{s}-{part}``; each question type reads its
own (see ``read`` in quizzes.question_types): ``q{s}`` for single choice and true/false (one value) and
multiple response (several), ``q{s}-{prompt}`` for matching (the answer chosen for a prompt),
``q{s}-{item}`` for ordering (the item's position, 1…n) and ``q{s}-{step}`` for a case scenario (the
option or options chosen at a step).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from .posted import MalformedAnswer, UnfinishedAnswer, values, whole_number
from .question_types import registry

__all__ = ["MalformedAnswer", "PostedAnswers", "UnfinishedAnswer", "read_answers", "read_item"]


@dataclass
class PostedAnswers:
    responses: dict[int, Any] = field(default_factory=dict)
    bases: dict[int, int] = field(default_factory=dict)
    problems: dict[int, str] = field(default_factory=dict)


def read_answers(data: QueryDict, items_by_slot: dict[int, dict]) -> PostedAnswers:
    """The responses and save numbers posted for the questions named in ``slot``."""
    raw_slots = values(data, "slot")
    if len(raw_slots) > len(items_by_slot):
        raise MalformedAnswer("More questions were posted than the attempt has.")
    posted = PostedAnswers()
    fallback = data.get("seq")
    for raw_slot in raw_slots:
        slot = whole_number(raw_slot, "The question number")
        item = items_by_slot.get(slot)
        if item is None:
            raise MalformedAnswer("That question isn't part of this attempt.")
        base = data.get(f"seq-{slot}", fallback)
        if base is None:
            raise MalformedAnswer("The page didn't say which version of your answers it showed. Reload the page.")
        posted.bases[slot] = whole_number(base, "The save number")
        try:
            posted.responses[slot] = read_item(data, item)
        except UnfinishedAnswer as problem:
            posted.problems[slot] = str(problem)
    return posted


def read_item(data: QueryDict, item: dict) -> dict[str, Any]:
    """One question's response, read by its type from the fields named ``q{slot}…``."""
    question_type = registry.find(item["type"])
    if question_type is None:
        raise MalformedAnswer("Unknown question type.")
    return question_type.read(data, item, f"q{item['slot']}")
