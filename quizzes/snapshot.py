"""What of an attempt's snapshot each audience may see.

The snapshot (``QuizAttempt.items``) holds the answer key. Before grading, templates and JSON get
only :func:`public_item`, a whitelist of what the learner needs to answer; nothing that marks an
option right, no feedback, no explanation, no right order. Each question type declares its own part
of that whitelist (``public`` in quizzes.question_types).
"""

from __future__ import annotations

from typing import Any

from .question_types import registry


def public_item(item: dict[str, Any]) -> dict[str, Any]:
    """The question as the learner sees it while answering."""
    public = {
        "slot": item["slot"],
        "type": item["type"],
        "type_label": item.get("type_label", ""),
        "points": item["points"],
        "prompt": item["prompt"],
    }
    public.update(registry.get(item["type"]).public(item))
    return public


def answering_question(item: dict[str, Any], *, number: int, response: dict[str, Any] | None) -> dict[str, Any]:
    """What a type's answering template gets for one question: its public item, its number, the saved
    response and the template that shows it."""
    return prepare_question(
        {
            "item": public_item(item),
            "number": number,
            "response": response or {},
            "template": registry.get(item["type"]).template,
        }
    )


def prepare_question(question: dict) -> dict:
    """Add what each type's answering template needs to show the saved answer (``question`` has item, response)."""
    item = question["item"]
    registry.get(item["type"]).prepare(question, item, question["response"] or {})
    return question
