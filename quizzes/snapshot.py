"""What of an attempt's snapshot each audience may see.

The snapshot (``QuizAttempt.items``) holds the answer key. Before grading, templates and JSON get
only :func:`public_item`, a whitelist of what the learner needs to answer; nothing that marks an
option right, no feedback, no explanation, no right order.
"""

from __future__ import annotations

from typing import Any

from . import scoring


def public_item(item: dict[str, Any]) -> dict[str, Any]:
    """The question as the learner sees it while answering."""
    public = {
        "slot": item["slot"],
        "type": item["type"],
        "type_label": item.get("type_label", ""),
        "points": item["points"],
        "prompt": item["prompt"],
    }
    kind = item["type"]
    if kind in (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE, scoring.MULTIPLE_RESPONSE):
        public["options"] = [{"id": option["id"], "text": option["text"]} for option in item["options"]]
    elif kind == scoring.MATCHING:
        public["prompts"] = [{"id": prompt["id"], "text": prompt["text"]} for prompt in item["prompts"]]
        public["answers"] = [{"id": answer["id"], "text": answer["text"]} for answer in item["answers"]]
    elif kind == scoring.ORDERING:
        public["items"] = [{"id": entry["id"], "text": entry["text"]} for entry in item["items"]]
    elif kind == scoring.CASE_SCENARIO:
        public["vignette"] = item["vignette"]
        public["steps"] = [
            {
                "id": step["id"],
                "prompt": step["prompt"],
                "kind": step["kind"],
                "options": [{"id": option["id"], "text": option["text"]} for option in step["options"]],
            }
            for step in item["steps"]
        ]
    return public


def prepare_question(question: dict) -> dict:
    """Add what each type's answering template needs to show the saved answer (``question`` has item, response)."""
    item, response = question["item"], question["response"] or {}
    kind = item["type"]
    if kind in ("single_choice", "true_false"):
        question["chosen"] = {response.get("choice")}
    elif kind == "multiple_response":
        question["chosen"] = set(response.get("choices") or [])
    elif kind == "matching":
        matches = response.get("matches") or {}
        question["rows"] = [{"prompt": prompt, "chosen": matches.get(prompt["id"], "")} for prompt in item["prompts"]]
    elif kind == "ordering":
        saved = response.get("order") or []
        by_id = {entry["id"]: entry for entry in item["items"]}
        order = saved if set(saved) == set(by_id) else [entry["id"] for entry in item["items"]]
        question["rows"] = [{"entry": by_id[entry_id], "position": pos} for pos, entry_id in enumerate(order, 1)]
        question["positions"] = list(range(1, len(order) + 1))
    elif kind == "case_scenario":
        chosen = response.get("steps") or {}
        question["steps"] = [{"step": step, "chosen": set(chosen.get(step["id"]) or [])} for step in item["steps"]]
    return question
