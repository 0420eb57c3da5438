"""What a learner may send for each answer shape, checked and put in normal form: pure, no Django.

A response is refused (InvalidResponse) when it can't belong to its item: an id the attempt never
showed, a list where one choice is expected, the same option twice, or more parts than any question
has. Graders in quizzes/scoring.py only ever see cleaned responses; the shapes are described there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

# Decision-step kinds in a case scenario (quizzes.choices.StepKind uses these values).
SINGLE_STEP = "single"
MULTIPLE_STEP = "multiple"

# Upper bounds that keep a forged response from costing real work: no question has more parts.
MAX_RESPONSE_PARTS = 200
MAX_ID_LENGTH = 64


class InvalidResponse(ValueError):
    """A response that doesn't fit its question: unknown ids, wrong shape, duplicates."""


def is_answered(response: Mapping[str, Any] | None) -> bool:
    if not response:
        return False
    return any(bool(value) for value in response.values())


def _ids(values: Any, what: str) -> list[str]:
    if not isinstance(values, list | tuple):
        raise InvalidResponse(f"{what} must be a list.")
    if len(values) > MAX_RESPONSE_PARTS:
        raise InvalidResponse(f"Too many {what}.")
    for value in values:
        _id(value, what)
    if len(set(values)) != len(values):
        raise InvalidResponse(f"The same {what} appears twice.")
    return list(values)


def _id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH:
        raise InvalidResponse(f"That is not a valid {what}.")
    return value


def _known(ids: Sequence[str], known: set[str], what: str) -> None:
    unknown = [value for value in ids if value not in known]
    if unknown:
        raise InvalidResponse(f"Unknown {what}: this answer doesn't belong to the question.")


def clean_choice(item: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """One option chosen (single choice, true or false): ``{"choice": id}``."""
    _only_keys(raw, {"choice"})
    choice = raw.get("choice")
    if choice in (None, ""):
        return {}
    _known([_id(choice, "option")], {option["id"] for option in item["options"]}, "option")
    return {"choice": choice}


def clean_choices(item: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Any number of options chosen (multiple response): ``{"choices": [id, …]}``, sorted."""
    _only_keys(raw, {"choices"})
    choices = _ids(raw.get("choices") or [], "option")
    _known(choices, {option["id"] for option in item["options"]}, "option")
    return {"choices": sorted(choices)} if choices else {}


def clean_matches(item: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """An answer per prompt (matching): ``{"matches": {prompt_id: answer_id}}``; blank answers dropped."""
    _only_keys(raw, {"matches"})
    matches = raw.get("matches") or {}
    if not isinstance(matches, Mapping) or len(matches) > MAX_RESPONSE_PARTS:
        raise InvalidResponse("Matches must be an object of prompt → answer.")
    prompts = {prompt["id"] for prompt in item["prompts"]}
    answers = {answer["id"] for answer in item["answers"]}
    cleaned = {}
    for prompt_id, answer_id in matches.items():
        _known([_id(prompt_id, "prompt")], prompts, "prompt")
        if answer_id in (None, ""):
            continue
        _known([_id(answer_id, "answer")], answers, "answer")
        cleaned[prompt_id] = answer_id
    return {"matches": cleaned} if cleaned else {}


def clean_order(item: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Every item in a position (ordering): ``{"order": [id, …]}``; a partial order is refused."""
    _only_keys(raw, {"order"})
    order = _ids(raw.get("order") or [], "item")
    if not order:
        return {}
    item_ids = {entry["id"] for entry in item["items"]}
    _known(order, item_ids, "item")
    if set(order) != item_ids:
        raise InvalidResponse("Put every item in a position, each position once.")
    return {"order": order}


def clean_steps(item: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Options chosen per step (case scenario): ``{"steps": {step_id: [option_id, …]}}``."""
    _only_keys(raw, {"steps"})
    steps = raw.get("steps") or {}
    if not isinstance(steps, Mapping) or len(steps) > MAX_RESPONSE_PARTS:
        raise InvalidResponse("Steps must be an object of step → options.")
    by_id = {step["id"]: step for step in item["steps"]}
    cleaned = {}
    for step_id, choices in steps.items():
        _known([_id(step_id, "step")], set(by_id), "step")
        step = by_id[step_id]
        chosen = _ids(choices or [], "option")
        _known(chosen, {option["id"] for option in step["options"]}, "option")
        if step["kind"] == SINGLE_STEP and len(chosen) > 1:
            raise InvalidResponse("Choose one option for this step.")
        if chosen:
            cleaned[step_id] = sorted(chosen)
    return {"steps": cleaned} if cleaned else {}


def _only_keys(raw: Mapping[str, Any], allowed: set[str]) -> None:
    extra = set(raw) - allowed
    if extra:
        raise InvalidResponse("The answer has fields this question doesn't use.")
