"""Matching: pairs to match, such as a stroke and what it does.

Items hold ``prompts`` = [{id, text, answer, feedback}] and ``answers`` = [{id, text}]; an answer
with no prompt is a distractor.
"""

from __future__ import annotations

from wagtail.admin.panels import InlinePanel

from quizzes import posted, responses, scoring

from .base import QuestionType, has_duplicates, live_forms, text_only


class Matching(QuestionType):
    key = scoring.MATCHING
    label = "Matching"
    icon = "link"
    description = "Pairs to match: a stroke and what it does, a condition and the action it calls for."
    model = "quizzes.MatchingQuestion"
    grader = scoring.Grader(clean=responses.clean_matches, grade=scoring.grade_matching)

    def answer_panels(self):
        return [InlinePanel("pairs", heading="Pairs", label="Pair", min_num=2)]

    def admin_problems(self, form):
        pairs = live_forms(form.formsets["pairs"])
        problems = []
        if sum(1 for pair in pairs if pair.cleaned_data.get("prompt")) < 2:
            problems.append("Give at least two pairs with a prompt.")
        if has_duplicates(pair.cleaned_data.get("answer") for pair in pairs):
            problems.append("Two pairs have the same answer; learners couldn't tell them apart.")
        for pair in pairs:
            if pair.cleaned_data.get("prompt") and not pair.cleaned_data.get("feedback"):
                problems.append(f"Add feedback for the pair “{pair.cleaned_data['prompt']}”.")
        return problems

    def snapshot(self, question, tokens, *, shuffle_options, rng):
        prompts, answers = [], []
        for pair in question.pairs.all():
            answer_id = tokens.new()
            answers.append({"id": answer_id, "text": pair.answer})
            if pair.prompt:
                prompts.append(
                    {"id": tokens.new(), "text": pair.prompt, "answer": answer_id, "feedback": pair.feedback}
                )
        # The answer column is always shuffled: in authoring order it would line up with the prompts.
        rng.shuffle(answers)
        if shuffle_options:
            rng.shuffle(prompts)
        return {"prompts": prompts, "answers": answers}

    def public(self, item):
        return {"prompts": text_only(item["prompts"]), "answers": text_only(item["answers"])}

    def prepare(self, question, item, response):
        matches = response.get("matches") or {}
        question["rows"] = [{"prompt": prompt, "chosen": matches.get(prompt["id"], "")} for prompt in item["prompts"]]

    def read(self, data, item, name):
        matches = {}
        for prompt in item["prompts"]:
            answer = posted.one(data, f"{name}-{prompt['id']}")
            if answer:
                matches[prompt["id"]] = answer
        return {"matches": matches} if matches else {}

    def describe(self, entry, *, preview):
        item, show_key = entry.item, entry.show_key
        answers = {answer["id"]: answer["text"] for answer in item["answers"]}
        matches = entry.response.get("matches") or {}
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
