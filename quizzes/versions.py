"""Question versions for the statistics: what an attempt showed, without what differs between attempts.

An attempt's snapshot (``QuizAttempt.items``) holds the question as it was shown: its own option order
and per-attempt tokens. Two attempts saw the same *version* of a question when everything that could
change a learner's answer was the same: the prompt, the vignette, each option's text and whether it is
right (or its weight and whether it is a critical safety error), the scoring rule and the points.
Feedback, explanations and remediation links are left out: they are read after answering.

:func:`canonical` strips an item to that content, with options in one fixed order (by text), so the
statistics can count choices of "option 2 of version 3" across attempts that shuffled them.
:func:`fingerprint` names a version; :func:`chosen_options` turns a response into (step, option) pairs
of that fixed order. Pure functions over the snapshot's plain data: no Django, no database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any


def _order(options: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(options, key=lambda option: (option["text"].casefold(), option["text"]))


def _choice_options(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"text": option["text"], "correct": bool(option.get("correct"))} for option in _order(item["options"])]


def _step_options(step: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"text": option["text"], "weight": str(option.get("weight", "0")), "critical": bool(option.get("critical"))}
        for option in _order(step["options"])
    ]


def canonical(item: dict[str, Any]) -> dict[str, Any]:
    """The content of a snapshot item that defines its version, options in their fixed order.

    Choice types get ``options`` = [{text, correct}]; case scenarios ``vignette`` and ``steps`` =
    [{prompt, kind, options: [{text, weight, critical}]}] (steps keep their order: it is the story's);
    ordering gets ``items`` (the texts in the right order); matching ``pairs`` = [[prompt, answer], …]
    sorted, and ``answers`` (every answer text, distractors included) sorted.
    """
    content: dict[str, Any] = {"type": item["type"], "prompt": item["prompt"], "points": str(item["points"])}
    if "scoring" in item:
        content["scoring"] = item["scoring"]
    kind = item["type"]
    if kind == "case_scenario":
        content["vignette"] = item.get("vignette", "")
        content["steps"] = [
            {"prompt": step["prompt"], "kind": step["kind"], "options": _step_options(step)} for step in item["steps"]
        ]
    elif "options" in item:
        content["options"] = _choice_options(item)
    elif kind == "ordering":
        texts = {entry["id"]: entry["text"] for entry in item["items"]}
        content["items"] = [texts[entry_id] for entry_id in item["correct_order"]]
    elif kind == "matching":
        answers = {answer["id"]: answer["text"] for answer in item["answers"]}
        content["pairs"] = sorted([prompt["text"], answers.get(prompt["answer"], "")] for prompt in item["prompts"])
        content["answers"] = sorted(answers.values())
    return content


def fingerprint(content: dict[str, Any]) -> str:
    """A stable name for a version's content (hex SHA-256 of its canonical JSON)."""
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def chosen_options(item: dict[str, Any], response: dict[str, Any]) -> list[tuple[int, int]]:
    """The options a response chose, as (step, option) pairs: ``step`` is 0 for a question without steps,
    n for step n of a case scenario; ``option`` is the option's index in :func:`canonical`'s order.

    Ordering and matching have no options to choose and give []. Unknown tokens are skipped.
    """
    if item["type"] == "case_scenario":
        by_step = response.get("steps") or {}
        pairs: list[tuple[int, int]] = []
        for number, step in enumerate(item["steps"], start=1):
            picked = set(by_step.get(step["id"]) or [])
            options = _order(step["options"])
            pairs.extend((number, index) for index, option in enumerate(options) if option["id"] in picked)
        return pairs
    if "options" not in item:
        return []
    picked = {response["choice"]} if "choice" in response else set(response.get("choices") or [])
    return [(0, index) for index, option in enumerate(_order(item["options"])) if option["id"] in picked]
