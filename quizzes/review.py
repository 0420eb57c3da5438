"""What the review of a graded attempt shows, built from the attempt's own snapshot.

Review never reads the current questions: it shows the wording, options and key the attempt was
given. Only the remediation link is refreshed (to the module's current address) when the module still
exists, so a moved module doesn't leave a dead link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import scoring
from .choices import ReviewDetail
from .question_types import registry

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
    # rows, steps and right_order are filled by the question's type (``describe`` in quizzes.question_types).

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def template(self) -> str:
        return registry.get(self.item["type"]).review_template


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
        # The type fills the rows its review template lists: what was chosen, whether it was right, feedback.
        registry.get(item["type"]).describe(entry, preview=preview)
        entries.append(entry)
    return entries
