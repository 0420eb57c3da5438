"""What the review of a graded attempt shows, built from the attempt's own snapshot.

Review never reads the current questions: it shows the wording, options and key the attempt was
given. Only the remediation link is refreshed (to the module's current address) when the module still
exists, so a moved module doesn't leave a dead link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from . import scoring
from .choices import ReviewDetail

STATE_LABELS = {
    scoring.CORRECT: "Right",
    scoring.PARTIALLY_CORRECT: "Partly right",
    scoring.INCORRECT: "Wrong",
    scoring.UNANSWERED: "Not answered",
}
LEVELS = {ReviewDetail.SCORE: 0, ReviewDetail.CORRECTNESS: 1, ReviewDetail.FULL: 2}


@dataclass
class ReviewEntry:
    number: int
    item: dict
    response: dict
    state: str
    points: str
    max_points: str
    critical: bool
    show_key: bool
    remediation: dict | None
    parts: dict[str, dict] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    steps: list[dict] = field(default_factory=list)
    right_order: list[dict] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def template(self) -> str:
        return f"quizzes/review/{self.item['type']}.html"


def shows(level: str, needed: str) -> bool:
    return LEVELS.get(level, 0) >= LEVELS[needed]


def build_review(
    items: list[dict], answers: dict[int, Any], level: str, module_urls: dict[int, str], *, preview: bool = False
) -> list:
    """One entry per question, with what ``level`` allows. ``answers`` maps slot → AttemptAnswer.

    ``preview`` (the admin's answer-key preview) shows the feedback of every option.
    """
    if not shows(level, ReviewDetail.CORRECTNESS):
        return []
    show_key = shows(level, ReviewDetail.FULL)
    entries = []
    for number, item in enumerate(items, start=1):
        answer = answers.get(item["slot"])
        response = (answer.response if answer else None) or {}
        details = (answer.details if answer else None) or {}
        parts = {part["key"]: part for part in details.get("parts", [])}
        remediation = item.get("remediation")
        if remediation:
            remediation = dict(remediation)
            current = module_urls.get(remediation.get("module_id"))
            if current:
                anchor = remediation.get("anchor")
                remediation["url"] = f"{current}#{anchor}" if anchor else current
        entry = ReviewEntry(
            number=number,
            item=item,
            response=response,
            state=(answer.state if answer else "") or scoring.UNANSWERED,
            points=details.get("points", "0"),
            max_points=details.get("max_points", item["points"]),
            critical=bool(details.get("critical")),
            show_key=show_key,
            remediation=remediation,
            parts=parts,
        )
        _describe(entry, preview)
        entries.append(entry)
    return entries


def _describe(entry: ReviewEntry, preview: bool = False) -> None:
    """Rows the type's review template lists: what was chosen, whether it was right, feedback to show."""
    item, response, show_key = entry.item, entry.response, entry.show_key
    kind = item["type"]
    if kind in (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE, scoring.MULTIPLE_RESPONSE):
        chosen = {response.get("choice")} if "choice" in response else set(response.get("choices") or [])
        for option in item["options"]:
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
    elif kind == scoring.MATCHING:
        answers = {answer["id"]: answer["text"] for answer in item["answers"]}
        matches = response.get("matches") or {}
        for prompt in item["prompts"]:
            picked = matches.get(prompt["id"])
            part = entry.parts.get(prompt["id"], {})
            entry.rows.append(
                {
                    "prompt": prompt["text"],
                    "chosen": answers.get(picked, "") if picked else "",
                    "correct": bool(part.get("correct")),
                    "right_answer": answers.get(prompt["answer"], "") if show_key else "",
                    "feedback": prompt.get("feedback", "") if show_key else "",
                }
            )
    elif kind == scoring.ORDERING:
        by_id = {entry_["id"]: entry_ for entry_ in item["items"]}
        for position, item_id in enumerate(response.get("order") or [], start=1):
            part = entry.parts.get(item_id, {})
            entry.rows.append(
                {"position": position, "text": by_id[item_id]["text"], "correct": bool(part.get("correct"))}
            )
        if show_key:
            entry.right_order = [by_id[item_id] for item_id in item["correct_order"]]
    elif kind == scoring.CASE_SCENARIO:
        chosen_by_step = response.get("steps") or {}
        for step in item["steps"]:
            chosen = set(chosen_by_step.get(step["id"]) or [])
            part = entry.parts.get(step["id"], {})
            best = scoring.step_maximum(step)
            options = []
            for option in step["options"]:
                picked = option["id"] in chosen
                if not show_key and not picked:
                    continue
                weight = Fraction(str(option["weight"]))
                options.append(
                    {
                        "text": option["text"],
                        "chosen": picked,
                        "critical": option["critical"] if (show_key or picked) else False,
                        "best": show_key and weight > 0 and weight == best and not option["critical"],
                        "weight": option["weight"] if show_key else None,
                        "feedback": option["feedback"]
                        if show_key and (picked or preview or weight > 0 or option["critical"])
                        else "",
                    }
                )
            entry.steps.append(
                {
                    "prompt": step["prompt"],
                    "kind": step["kind"],
                    "options": options,
                    "answered": bool(chosen),
                    "correct": bool(part.get("correct")),
                    "critical": bool(part.get("critical")),
                    "earned": part.get("earned"),
                    "possible": part.get("possible"),
                }
            )
