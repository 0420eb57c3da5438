"""Reading a learner's answers from a posted form (the plain form and the autosave script post the same fields).

Field names, for the question in slot ``s``: ``q{s}`` (single choice, true/false: one value; multiple
response: several), ``q{s}-{prompt}`` (matching: the answer chosen for a prompt), ``q{s}-{item}``
(ordering: the item's position, 1…n), ``q{s}-{step}`` (case scenario: the option or options chosen
at a step). Each question on the page also posts ``slot`` = s and ``seq-{s}``, the save number its
answer was last synchronised at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from . import scoring

MAX_VALUES_PER_FIELD = 100


class MalformedAnswer(ValueError):
    """A post no honest page produces: unknown slots, non-numbers, too many values. Answered with a 400."""


class UnfinishedAnswer(ValueError):
    """An answer the learner has to fix (two items given the same position). Shown as a message."""


@dataclass
class PostedAnswers:
    responses: dict[int, Any] = field(default_factory=dict)
    bases: dict[int, int] = field(default_factory=dict)
    problems: dict[int, str] = field(default_factory=dict)


def _int(value: str | None, what: str) -> int:
    try:
        number = int(value or "")
    except ValueError:
        raise MalformedAnswer(f"{what} must be a whole number.") from None
    if number < 0 or number > 10**9:
        raise MalformedAnswer(f"{what} is out of range.")
    return number


def _values(data: QueryDict, name: str) -> list[str]:
    values = data.getlist(name)
    if len(values) > MAX_VALUES_PER_FIELD:
        raise MalformedAnswer("Too many values for one question.")
    return [value for value in values if value != ""]


def _one(data: QueryDict, name: str) -> str | None:
    values = _values(data, name)
    if len(values) > 1:
        raise MalformedAnswer("Only one answer can be chosen here.")
    return values[0] if values else None


def read_answers(data: QueryDict, items_by_slot: dict[int, dict]) -> PostedAnswers:
    """The responses and save numbers posted for the questions named in ``slot``."""
    raw_slots = _values(data, "slot")
    if len(raw_slots) > len(items_by_slot):
        raise MalformedAnswer("More questions were posted than the attempt has.")
    posted = PostedAnswers()
    fallback = data.get("seq")
    for raw_slot in raw_slots:
        slot = _int(raw_slot, "The question number")
        item = items_by_slot.get(slot)
        if item is None:
            raise MalformedAnswer("That question isn't part of this attempt.")
        base = data.get(f"seq-{slot}", fallback)
        if base is None:
            raise MalformedAnswer("The page didn't say which version of your answers it showed. Reload the page.")
        posted.bases[slot] = _int(base, "The save number")
        try:
            posted.responses[slot] = read_item(data, item)
        except UnfinishedAnswer as problem:
            posted.problems[slot] = str(problem)
    return posted


def read_item(data: QueryDict, item: dict) -> dict[str, Any]:
    name = f"q{item['slot']}"
    kind = item["type"]
    if kind in (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE):
        choice = _one(data, name)
        return {"choice": choice} if choice else {}
    if kind == scoring.MULTIPLE_RESPONSE:
        choices = _values(data, name)
        return {"choices": choices} if choices else {}
    if kind == scoring.MATCHING:
        matches = {}
        for prompt in item["prompts"]:
            answer = _one(data, f"{name}-{prompt['id']}")
            if answer:
                matches[prompt["id"]] = answer
        return {"matches": matches} if matches else {}
    if kind == scoring.ORDERING:
        return _read_order(data, item, name)
    if kind == scoring.CASE_SCENARIO:
        steps = {}
        for step in item["steps"]:
            key = f"{name}-{step['id']}"
            chosen = ([_one(data, key)] if step["kind"] == "single" else _values(data, key)) or []
            chosen = [value for value in chosen if value]
            if chosen:
                steps[step["id"]] = chosen
        return {"steps": steps} if steps else {}
    raise MalformedAnswer("Unknown question type.")


def _read_order(data: QueryDict, item: dict, name: str) -> dict[str, Any]:
    entries = item["items"]
    positions: dict[str, int] = {}
    for entry in entries:
        value = _one(data, f"{name}-{entry['id']}")
        if value is None:
            continue
        position = _int(value, "A position")
        if not 1 <= position <= len(entries):
            raise MalformedAnswer(f"Positions go from 1 to {len(entries)}.")
        positions[entry["id"]] = position
    if not positions:
        return {}
    if len(positions) != len(entries) or len(set(positions.values())) != len(entries):
        raise UnfinishedAnswer(f"Give each item a different position, from 1 to {len(entries)}.")
    return {"order": sorted(positions, key=positions.get)}
