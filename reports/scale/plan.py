"""What each quiz asks synthetic learners: its questions' snapshot items, built once per question.

An attempt started through ``quizzes.services`` snapshots every question again (``Question.to_item``)
and queries the bank each time; a hundred thousand attempts can't afford that. Here each question is
snapshotted a few times up front (``VARIANTS`` option orders, with a seeded ``random.Random``, its random
tokens replaced by stable ones) and each attempt copies one of them: the same items an attempt would
store, and the same question versions (:func:`quizzes.versions.canonical` ignores order and tokens).
Which questions an attempt gets follows ``quizzes.question_sets.choose_questions``: the fixed ones in order,
then each random draw from its category, shuffled when the quiz says so.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from quizzes.models import QuizPage
from quizzes.question_sets import read_outline, read_questions

from .simulate import Trait, question_traits, stable_ids

VARIANTS = 4


@dataclass
class QuizPlan:
    quiz: QuizPage
    fixed: list[int]  # question ids, in the quiz's order
    draws: list[tuple[list[int], int]]  # (the category's question ids, how many to draw)
    variants: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # question id -> snapshot items
    traits: dict[int, Trait] = field(default_factory=dict)

    @property
    def question_ids(self) -> set[int]:
        return set(self.fixed) | {pk for pool, _ in self.draws for pk in pool}


def quiz_plan(quiz: QuizPage, *, seed: int) -> QuizPlan:
    fixed, outline_draws = read_outline(quiz)
    plan = QuizPlan(quiz=quiz, fixed=fixed, draws=[(pool, count) for count, pool in outline_draws])
    questions = sorted(read_questions(plan.question_ids).values(), key=lambda question: question.pk)
    for question in questions:
        plan.variants[question.pk] = [
            stable_ids(
                question.to_item(
                    0, shuffle_options=quiz.shuffle_options, rng=random.Random(f"{seed}:{question.pk}:{number}")
                ),
                f"q{question.pk}v{number}o",
            )
            for number in range(VARIANTS)
        ]
    plan.traits = question_traits({pk: items[0]["type"] for pk, items in plan.variants.items()}, seed=seed)
    return plan


def pick_items(plan: QuizPlan, rng: random.Random) -> list[dict[str, Any]]:
    """The snapshot of a new attempt: which questions, in which order, each in one of its variants."""
    chosen = list(plan.fixed)
    taken = set(chosen)
    for pool, count in plan.draws:
        available = [pk for pk in pool if pk not in taken]
        picked = rng.sample(available, min(count, len(available)))
        chosen.extend(picked)
        taken.update(picked)
    if plan.quiz.shuffle_questions:
        rng.shuffle(chosen)
    return [
        {**rng.choice(plan.variants[pk]), "slot": slot}
        for slot, pk in enumerate((pk for pk in chosen if pk in plan.variants), start=1)
    ]
