"""Ordering: steps to put in sequence, such as the flow of a session.

Items hold ``items`` = [{id, text, feedback}] in the order shown and ``correct_order`` = [id, …].
"""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, InlinePanel

from quizzes import posted, responses, scoring

from .base import QuestionType, has_duplicates, live_forms, text_only


class Ordering(QuestionType):
    key = scoring.ORDERING
    label = "Ordering"
    icon = "order"
    description = "Steps to put in sequence, such as the flow of a session."
    model = "quizzes.OrderingQuestion"
    grader = scoring.Grader(clean=responses.clean_order, grade=scoring.grade_ordering)

    def answer_panels(self):
        return [
            FieldPanel("scoring"),
            InlinePanel(
                "items",
                heading="Items, in the right order",
                label="Item",
                min_num=2,
                help_text="Add the items in their right sequence; learners see them shuffled.",
            ),
        ]

    def admin_problems(self, form):
        items = live_forms(form.formsets["items"])
        problems = []
        if len(items) < 2:
            problems.append("Give at least two items to put in order.")
        if has_duplicates(entry.cleaned_data.get("text") for entry in items):
            problems.append("Two items have the same text; learners couldn't tell them apart.")
        return problems

    def snapshot(self, question, tokens, *, shuffle_options, rng):
        items = [{"id": tokens.new(), "text": entry.text, "feedback": entry.feedback} for entry in question.items.all()]
        correct = [entry["id"] for entry in items]
        shown = list(items)
        # Always shuffled, and never shown already in the right order.
        if len(shown) > 1:
            while [entry["id"] for entry in shown] == correct:
                rng.shuffle(shown)
        return {"scoring": question.scoring, "items": shown, "correct_order": correct}

    def public(self, item):
        return {"items": text_only(item["items"])}

    def prepare(self, question, item, response):
        saved = response.get("order") or []
        by_id = {entry["id"]: entry for entry in item["items"]}
        order = saved if set(saved) == set(by_id) else [entry["id"] for entry in item["items"]]
        question["rows"] = [{"entry": by_id[entry_id], "position": pos} for pos, entry_id in enumerate(order, 1)]
        question["positions"] = list(range(1, len(order) + 1))

    def read(self, data, item, name):
        entries = item["items"]
        positions: dict[str, int] = {}
        for entry in entries:
            value = posted.one(data, f"{name}-{entry['id']}")
            if value is None:
                continue
            position = posted.whole_number(value, "A position")
            if not 1 <= position <= len(entries):
                raise posted.MalformedAnswer(f"Positions go from 1 to {len(entries)}.")
            positions[entry["id"]] = position
        if not positions:
            return {}
        if len(positions) != len(entries) or len(set(positions.values())) != len(entries):
            raise posted.UnfinishedAnswer(f"Give each item a different position, from 1 to {len(entries)}.")
        return {"order": sorted(positions, key=positions.get)}

    def describe(self, entry, *, preview):
        by_id = {entry_["id"]: entry_ for entry_ in entry.item["items"]}
        for position, item_id in enumerate(entry.response.get("order") or [], start=1):
            part = entry.parts.get(item_id, {})
            entry.rows.append(
                {"position": position, "text": by_id[item_id]["text"], "correct": bool(part.get("correct"))}
            )
        if entry.show_key:
            entry.right_order = [by_id[item_id] for item_id in entry.item["correct_order"]]
