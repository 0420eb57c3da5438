"""How a synthetic learner answers: pure functions over snapshot items and a seeded ``random.Random``.

Each learner has an *ability* (a normal score, 0 on average) and each question a *difficulty* and a
*discrimination* (a two-parameter logistic model, as in item response theory): a learner of higher ability
answers a discriminating question right more often, so the statistics find positive discrimination.
A few questions are deliberately weak, so the review flags have something to show:

- a *lure*: strong learners are drawn to one wrong option (negative discrimination, a "distractor" flag),
  only ever on a choice question (never a case scenario, so no strong learner is made to pick a critical
  safety error; a lure's role falling on another type leaves that question ordinary);
- an *easy* question almost everyone gets right, and a *hard* one almost nobody does.

The other questions discriminate well (item–rest correlations around 0.3–0.5), as a reviewed bank would:
the weak ones are weak by design, to show the flags, and say nothing about the questions' content.

Nothing here touches the database: :mod:`reports.scale.build` feeds it items and writes what it returns.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Which of the questions (sorted by id, counted from 0) are weak on purpose: position % CYCLE.
CYCLE = 12
LURE, EASY, HARD = 1, 5, 9
GUESS = 0.05  # the share a learner gets right whatever their ability (a lucky guess)
LURE_KINDS = frozenset({"single_choice", "true_false", "multiple_response"})
SKIP = 0.02  # the share of questions left unanswered


@dataclass(frozen=True)
class Trait:
    """How a question behaves: difficulty and discrimination of the logistic model, and whether its first
    wrong option lures strong learners."""

    difficulty: float
    discrimination: float
    lure: bool = False


def question_traits(kinds: Mapping[int, str], *, seed: int) -> dict[int, Trait]:
    """Each question's behaviour (``kinds``: question id -> snapshot type), by its place among the quiz's."""
    traits = {}
    for position, question_id in enumerate(sorted(kinds)):
        rng = random.Random(f"{seed}:question:{question_id}")
        role = position % CYCLE
        if role == LURE and kinds[question_id] in LURE_KINDS:
            traits[question_id] = Trait(difficulty=0.0, discrimination=-1.2, lure=True)
        elif role == EASY:
            traits[question_id] = Trait(difficulty=-6.0, discrimination=1.0)
        elif role == HARD:
            traits[question_id] = Trait(difficulty=4.0, discrimination=0.8)
        else:
            traits[question_id] = Trait(difficulty=rng.uniform(-1.5, 0.7), discrimination=rng.uniform(1.6, 2.8))
    return traits


def _order(options: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Options in the fixed order of :func:`quizzes.versions.canonical` (by text), whatever order was shown."""
    return sorted(options, key=lambda option: (option["text"].casefold(), option["text"]))


def chance_right(trait: Trait, ability: float) -> float:
    logistic = 1 / (1 + math.exp(-trait.discrimination * (ability - trait.difficulty)))
    if trait.difficulty >= 4.0:  # the hard question: no lucky guesses either
        return logistic
    return GUESS + (1 - GUESS) * logistic


def respond(item: dict[str, Any], trait: Trait, ability: float, rng: random.Random) -> dict[str, Any]:
    """A response to one snapshot item in the shape ``quizzes.scoring.clean_response`` returns."""
    if rng.random() < SKIP:
        return {}
    right = rng.random() < chance_right(trait, ability)
    kind = item["type"]
    if kind == "case_scenario":
        return {"steps": _steps(item, trait, ability, rng, right)}
    if kind in ("single_choice", "true_false"):
        return {"choice": _choice(item, trait, rng, right)}
    if kind == "multiple_response":
        return {"choices": _choices(item, trait, rng, right)}
    if kind == "matching":
        return {"matches": _matches(item, rng, right)}
    if kind == "ordering":
        return {"order": _order_response(item, rng, right)}
    return {}


def _wrong_option(options: Sequence[dict[str, Any]], trait: Trait, rng: random.Random) -> dict[str, Any]:
    """A wrong option; a lure question's first wrong option (in the fixed order) draws most wrong answers."""
    wrong = [option for option in _order(options) if not option["correct"]]
    if trait.lure and rng.random() < 0.85:
        return wrong[0]
    return rng.choice(wrong)


def _choice(item: dict[str, Any], trait: Trait, rng: random.Random, right: bool) -> str:
    options = item["options"]
    if right or all(option["correct"] for option in options):
        return next(option["id"] for option in options if option["correct"])
    return _wrong_option(options, trait, rng)["id"]


def _choices(item: dict[str, Any], trait: Trait, rng: random.Random, right: bool) -> list[str]:
    options = item["options"]
    correct = [option["id"] for option in options if option["correct"]]
    if right or len(correct) == len(options):
        return sorted(correct)
    chosen = list(correct)
    if len(chosen) > 1 and rng.random() < 0.6:
        chosen.remove(rng.choice(chosen))
    chosen.append(_wrong_option(options, trait, rng)["id"])
    return sorted(chosen)  # in the normal form saving stores (quizzes.responses)


def _matches(item: dict[str, Any], rng: random.Random, right: bool) -> dict[str, str]:
    matches = {prompt["id"]: prompt["answer"] for prompt in item["prompts"]}
    prompts = [prompt["id"] for prompt in item["prompts"]]
    if right:
        return matches
    if len(prompts) >= 2:  # a learner who doesn't know it mixes up some of the pairs, often most of them
        mixed = rng.sample(prompts, rng.randint(2, len(prompts)))
        answers = [matches[prompt] for prompt in mixed]
        for prompt, answer in zip(mixed, answers[1:] + answers[:1], strict=True):
            matches[prompt] = answer
    elif prompts:
        others = [answer["id"] for answer in item["answers"] if answer["id"] != matches[prompts[0]]]
        if others:
            matches[prompts[0]] = rng.choice(others)
    return matches


def _order_response(item: dict[str, Any], rng: random.Random, right: bool) -> list[str]:
    order = list(item["correct_order"])
    if not right and len(order) >= 2:  # one pair swapped, or a muddle
        if rng.random() < 0.5:
            index = rng.randrange(len(order) - 1)
            order[index], order[index + 1] = order[index + 1], order[index]
        else:
            while order == item["correct_order"]:
                rng.shuffle(order)
    return order


def _steps(item: dict[str, Any], trait: Trait, ability: float, rng: random.Random, right: bool) -> dict:
    """Each step of a case: a learner who "gets" the case is right at every step; otherwise each step is
    still right at half the learner's own chance, and a wrong step is seldom a critical safety error."""
    steps = {}
    for step in item["steps"]:
        step_right = right or rng.random() < chance_right(trait, ability) / 2
        options = step["options"]
        safe = [option for option in options if not option["critical"]]
        best = max(safe or options, key=lambda option: float(option["weight"]))
        if step["kind"] == "single":
            if step_right:
                chosen = [best["id"]]
            else:
                others = [option for option in options if option is not best]
                harmless = [option for option in others if not option["critical"]]
                pool = harmless if harmless and rng.random() < 0.8 else others or [best]
                chosen = [rng.choice(pool)["id"]]
        else:
            good = [option["id"] for option in safe if float(option["weight"]) > 0] or [best["id"]]
            chosen = list(good)
            if not step_right:
                if len(chosen) > 1:
                    chosen.remove(rng.choice(chosen))
                extra = [option["id"] for option in options if option["id"] not in chosen]
                if extra:
                    chosen.append(rng.choice(extra))
        steps[step["id"]] = sorted(chosen)
    return steps


def stable_ids(item: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The item with its per-attempt tokens (random, from ``secrets``) replaced by ``prefix`` + a counter,
    in the order they first appear, so the same seed writes the same snapshots."""
    tokens: dict[str, str] = {}
    TEXTS = ("text", "prompt", "feedback", "explanation")  # noqa: N806  (words, never tokens)

    def collect(entries: Iterable[dict[str, Any]]) -> None:
        for entry in entries:
            if "id" in entry:
                tokens.setdefault(entry["id"], f"{prefix}{len(tokens) + 1}")
            collect(entry.get("options") or [])

    for key in ("options", "prompts", "answers", "items", "steps"):
        collect(item.get(key) or [])

    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return tokens.get(value, value)
        if isinstance(value, list):
            return [swap(entry) for entry in value]
        if isinstance(value, dict):
            return {key: entry if key in TEXTS else swap(entry) for key, entry in value.items()}
        return value

    return swap(item)
