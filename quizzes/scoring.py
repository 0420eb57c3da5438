"""Grading rules, as pure functions over plain data: no database, no Django models.

An attempt is graded from two things it stores: the *items* it showed (a snapshot of each question,
answer key included, taken when the attempt started) and the learner's *responses*. Keeping the rules
here, away from the models, lets every rule be tested exhaustively and lets a snapshot be graded the
same way years later, whatever has happened to the question since.

Item shapes (dicts, as stored in the attempt's snapshot; ids are per-attempt tokens):

- ``single_choice`` and ``true_false``: ``options`` = [{id, text, feedback, correct}]
- ``multiple_response``: ``options`` as above and ``scoring`` = "partial" | "all_or_nothing"
- ``matching``: ``prompts`` = [{id, text, answer, feedback}], ``answers`` = [{id, text}]
- ``ordering``: ``items`` = [{id, text, feedback}], ``correct_order`` = [id, …],
  ``scoring`` = "all_or_nothing" | "position" | "adjacent"
- ``case_scenario``: ``steps`` = [{id, prompt, kind: "single" | "multiple",
  options: [{id, text, feedback, weight, critical}]}]

Every item also has ``points`` (a decimal string). Response shapes (after :func:`clean_response`):
``{"choice": id}``, ``{"choices": [id, …]}``, ``{"matches": {prompt_id: answer_id}}``,
``{"order": [id, …]}``, ``{"steps": {step_id: [option_id, …]}}``; ``{}`` means not answered.

Each shape has a pure grader (``grade_*``) here and a cleaner (``clean_*``) in ``quizzes.responses``.
Which type uses which is declared by the type itself in ``quizzes.question_types``; its registry points
the type's key at a :class:`Grader` through :func:`register_grader`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from .responses import (  # noqa: F401  (part of scoring's API: what grading raises and reads)
    MULTIPLE_STEP,
    SINGLE_STEP,
    InvalidResponse,
    clean_choice,
    clean_choices,
    clean_matches,
    clean_order,
    clean_steps,
    is_answered,
)

SINGLE_CHOICE = "single_choice"
MULTIPLE_RESPONSE = "multiple_response"
TRUE_FALSE = "true_false"
MATCHING = "matching"
ORDERING = "ordering"
CASE_SCENARIO = "case_scenario"

# How many options a case-scenario step lets the learner choose (values of quizzes.choices.StepKind).

PARTIAL = "partial"
ALL_OR_NOTHING = "all_or_nothing"
POSITION = "position"
ADJACENT = "adjacent"

CORRECT = "correct"
PARTIALLY_CORRECT = "partial"
INCORRECT = "incorrect"
UNANSWERED = "unanswered"

HIGHEST = "highest"
LATEST = "latest"
FIRST = "first"
AVERAGE = "average"

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PartResult:
    """One graded part: an option, a matching prompt, an ordering item or a scenario step."""

    key: str
    correct: bool
    earned: Fraction = Fraction(0)
    possible: Fraction = Fraction(1)
    chosen: bool = False
    critical: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "correct": self.correct,
            "earned": str(_to_decimal(self.earned)),
            "possible": str(_to_decimal(self.possible)),
            "chosen": self.chosen,
            "critical": self.critical,
        }


@dataclass(frozen=True)
class QuestionResult:
    points: Decimal
    max_points: Decimal
    fraction: Fraction
    state: str
    critical: bool = False
    parts: tuple[PartResult, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "points": str(self.points),
            "max_points": str(self.max_points),
            "state": self.state,
            "critical": self.critical,
            "parts": [part.as_dict() for part in self.parts],
        }


@dataclass(frozen=True)
class AttemptResult:
    score: Decimal
    max_score: Decimal
    percent: Decimal
    critical: bool
    questions: tuple[QuestionResult, ...]


@dataclass(frozen=True)
class AttemptOutcome:
    """What a graded attempt contributes to the quiz grade."""

    number: int
    percent: Decimal
    passed: bool
    critical_failure: bool = False  # failed because of a critical safety error, on a quiz that fails those


@dataclass(frozen=True)
class QuizGrade:
    percent: Decimal | None
    passed: bool
    attempts: int


# ---------------------------------------------------------------------------------------------
# Responses (each shape's cleaner is in quizzes/responses.py)
# ---------------------------------------------------------------------------------------------


def clean_response(item: Mapping[str, Any], raw: Any) -> dict[str, Any]:
    """Check a response against its item and return it in normal form; raise InvalidResponse if it can't fit.

    An empty response (None, {}, or empty values) is valid and means "not answered". The item's type
    says which cleaner applies (see :func:`grader_for`).
    """
    if raw is None or raw == {}:
        return {}
    if not isinstance(raw, Mapping):
        raise InvalidResponse("The answer must be an object.")
    return grader_for(item["type"]).clean(item, raw)


# ---------------------------------------------------------------------------------------------
# Graders: one per type, each returning the fraction of the question earned and its parts
# ---------------------------------------------------------------------------------------------


def grade_single(item: Mapping[str, Any], response: Mapping[str, Any]) -> tuple[Fraction, list[PartResult], bool]:
    choice = response.get("choice")
    parts = [
        PartResult(
            key=option["id"],
            correct=bool(option["correct"]),
            earned=Fraction(1 if option["correct"] and option["id"] == choice else 0),
            possible=Fraction(1 if option["correct"] else 0),
            chosen=option["id"] == choice,
        )
        for option in item["options"]
    ]
    right = any(part.chosen and part.correct for part in parts)
    return Fraction(1 if right else 0), parts, False


def grade_multiple(item: Mapping[str, Any], response: Mapping[str, Any]) -> tuple[Fraction, list[PartResult], bool]:
    """Partial credit: each right option chosen earns 1/k, each wrong one costs 1/k (k right options), floor 0."""
    chosen = set(response.get("choices") or [])
    options = item["options"]
    k = sum(1 for option in options if option["correct"])
    if k == 0:
        return Fraction(0), [], False
    step = Fraction(1, k)
    parts = []
    total = Fraction(0)
    for option in options:
        picked = option["id"] in chosen
        earned = Fraction(0)
        if picked:
            earned = step if option["correct"] else -step
        total += earned
        parts.append(
            PartResult(
                key=option["id"],
                correct=bool(option["correct"]),
                earned=earned,
                possible=step if option["correct"] else Fraction(0),
                chosen=picked,
            )
        )
    if item.get("scoring") == ALL_OR_NOTHING:
        exact = chosen == {option["id"] for option in options if option["correct"]}
        return Fraction(1 if exact else 0), parts, False
    return max(Fraction(0), min(Fraction(1), total)), parts, False


def grade_matching(item: Mapping[str, Any], response: Mapping[str, Any]) -> tuple[Fraction, list[PartResult], bool]:
    matches = response.get("matches") or {}
    prompts = item["prompts"]
    if not prompts:
        return Fraction(0), [], False
    share = Fraction(1, len(prompts))
    parts = []
    for prompt in prompts:
        picked = matches.get(prompt["id"])
        right = picked is not None and picked == prompt["answer"]
        parts.append(
            PartResult(
                key=prompt["id"],
                correct=right,
                earned=share if right else Fraction(0),
                possible=share,
                chosen=picked is not None,
            )
        )
    return sum((part.earned for part in parts), Fraction(0)), parts, False


def ordering_credit(order: Sequence[str], correct: Sequence[str], scoring: str) -> tuple[Fraction, list[bool]]:
    """The credit for an order, and for each position whether that item is counted right.

    - ``all_or_nothing``: full credit only for the exact sequence.
    - ``position``: each item in its right position earns 1/n.
    - ``adjacent``: each neighbouring pair in the learner's order that also sits together, in that
      order, in the right sequence earns 1/(n−1). One item moved out of place costs at most two
      pairs, so a learner who knows the flow of a session but slips on one step keeps most credit.
      An item counts as right when it is the first of a right pair or the second of one.
    """
    n = len(correct)
    if not order or n == 0:
        return Fraction(0), [False] * len(order)
    exact = list(order) == list(correct)
    if scoring == ALL_OR_NOTHING or n == 1:
        return Fraction(1 if exact else 0), [exact] * len(order)
    if scoring == POSITION:
        flags = [order[i] == correct[i] for i in range(n)]
        return Fraction(sum(flags), n), flags
    follows = {correct[i]: correct[i + 1] for i in range(n - 1)}
    good_pairs = [follows.get(order[i]) == order[i + 1] for i in range(n - 1)]
    flags = [False] * n
    for i, good in enumerate(good_pairs):
        if good:
            flags[i] = flags[i + 1] = True
    return Fraction(sum(good_pairs), n - 1), flags


def grade_ordering(item: Mapping[str, Any], response: Mapping[str, Any]) -> tuple[Fraction, list[PartResult], bool]:
    order = response.get("order") or []
    correct = list(item["correct_order"])
    credit, flags = ordering_credit(order, correct, item.get("scoring", ADJACENT))
    parts = [PartResult(key=key, correct=flag, chosen=True) for key, flag in zip(order, flags, strict=True)]
    return credit, parts, False


def step_maximum(step: Mapping[str, Any]) -> Fraction:
    weights = [Fraction(str(option["weight"])) for option in step["options"]]
    if step["kind"] == SINGLE_STEP:
        return max([Fraction(0), *weights])
    return sum((weight for weight in weights if weight > 0), Fraction(0))


def grade_case(item: Mapping[str, Any], response: Mapping[str, Any]) -> tuple[Fraction, list[PartResult], bool]:
    """Each step earns the weights of the options chosen (between 0 and the step's best); a critical
    safety error anywhere scores the whole scenario 0."""
    chosen_by_step = response.get("steps") or {}
    parts = []
    earned_total = Fraction(0)
    possible_total = Fraction(0)
    critical = False
    for step in item["steps"]:
        chosen = set(chosen_by_step.get(step["id"]) or [])
        possible = step_maximum(step)
        raw = sum(
            (Fraction(str(option["weight"])) for option in step["options"] if option["id"] in chosen), Fraction(0)
        )
        step_critical = any(option["critical"] for option in step["options"] if option["id"] in chosen)
        critical = critical or step_critical
        earned = max(Fraction(0), min(possible, raw))
        earned_total += earned
        possible_total += possible
        parts.append(
            PartResult(
                key=step["id"],
                correct=possible > 0 and earned == possible and not step_critical,
                earned=earned,
                possible=possible,
                chosen=bool(chosen),
                critical=step_critical,
            )
        )
    if critical or possible_total == 0:
        return Fraction(0), parts, critical
    return earned_total / possible_total, parts, False


# ---------------------------------------------------------------------------------------------
# Which grader grades which type
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grader:
    """How one question type's responses are checked and graded: two pure functions over its item.

    ``clean(item, raw)`` returns the response in normal form or raises InvalidResponse (``raw`` is a
    non-empty mapping); ``grade(item, cleaned)`` returns the fraction earned, the parts, and whether
    a critical safety error was made.
    """

    clean: Callable[[Mapping[str, Any], Mapping[str, Any]], dict[str, Any]]
    grade: Callable[[Mapping[str, Any], Mapping[str, Any]], tuple[Fraction, list[PartResult], bool]]


# Filled by the question-type registry (quizzes.question_types.registry), which points each type's key
# at its grader here. Scoring itself names no type, so it stays free of models and admin code.
_GRADERS: dict[str, Grader] = {}


def register_grader(key: str, grader: Grader) -> None:
    _GRADERS[key] = grader


def unregister_grader(key: str) -> None:
    _GRADERS.pop(key, None)


def grader_for(kind: str) -> Grader:
    try:
        return _GRADERS[kind]
    except KeyError:
        raise InvalidResponse(f"Unknown question type {kind!r}.") from None


def grade_question(item: Mapping[str, Any], response: Mapping[str, Any] | None) -> QuestionResult:
    """Grade one response against its item. The response is cleaned first, so forged ids raise InvalidResponse."""
    cleaned = clean_response(item, response)
    max_points = Decimal(str(item["points"]))
    fraction, parts, critical = grader_for(item["type"]).grade(item, cleaned)
    fraction = max(Fraction(0), min(Fraction(1), fraction))
    points = _to_decimal(Fraction(max_points) * fraction)
    if not is_answered(cleaned):
        state = UNANSWERED
    elif fraction == 1:
        state = CORRECT
    elif fraction == 0:
        state = INCORRECT
    else:
        state = PARTIALLY_CORRECT
    return QuestionResult(
        points=points, max_points=max_points, fraction=fraction, state=state, critical=critical, parts=tuple(parts)
    )


def grade_attempt(
    items: Sequence[Mapping[str, Any]], responses: Mapping[str, Mapping[str, Any] | None]
) -> AttemptResult:
    """Grade every item; ``responses`` maps each item's ``slot`` (as a string) to its response."""
    results = tuple(_grade_or_blank(item, responses.get(str(item["slot"]))) for item in items)
    score = sum((result.points for result in results), Decimal("0"))
    max_score = sum((result.max_points for result in results), Decimal("0"))
    return AttemptResult(
        score=score,
        max_score=max_score,
        percent=percentage(score, max_score),
        critical=any(result.critical for result in results),
        questions=results,
    )


def _grade_or_blank(item: Mapping[str, Any], response: Mapping[str, Any] | None) -> QuestionResult:
    # Responses are cleaned when saved; one that no longer fits (a hand-edited row) counts as unanswered
    # rather than stopping the whole attempt from being graded.
    try:
        return grade_question(item, response)
    except InvalidResponse:
        return grade_question(item, {})


def percentage(score: Decimal, max_score: Decimal) -> Decimal:
    if max_score <= 0:
        return Decimal("0.00")
    return (Decimal(score) * 100 / Decimal(max_score)).quantize(CENT, rounding=ROUND_HALF_UP)


def attempt_passed(percent: Decimal, pass_mark: int | Decimal, *, critical: bool, critical_fails_quiz: bool) -> bool:
    """An attempt passes on the pass mark, unless it made a critical safety error and the quiz fails those."""
    if critical and critical_fails_quiz:
        return False
    return Decimal(percent) >= Decimal(pass_mark)


def quiz_grade(method: str, outcomes: Sequence[AttemptOutcome], pass_mark: int | Decimal) -> QuizGrade:
    """The learner's grade for a quiz from their graded attempts, by the quiz's grading method.

    - highest: the best attempt, a passing attempt always ranking above a failing one;
    - latest / first: that attempt as it was graded;
    - average: the mean percentage, which must reach the pass mark, and the latest attempt must be
      free of a critical error that fails the quiz (an unsafe latest attempt can't be averaged away).
    """
    if not outcomes:
        return QuizGrade(percent=None, passed=False, attempts=0)
    ordered = sorted(outcomes, key=lambda outcome: outcome.number)
    if method == FIRST:
        chosen = ordered[0]
    elif method == LATEST:
        chosen = ordered[-1]
    elif method == AVERAGE:
        mean = (sum((Decimal(o.percent) for o in ordered), Decimal("0")) / len(ordered)).quantize(
            CENT, rounding=ROUND_HALF_UP
        )
        return QuizGrade(
            percent=mean,
            passed=mean >= Decimal(pass_mark) and not ordered[-1].critical_failure,
            attempts=len(ordered),
        )
    else:
        chosen = max(ordered, key=lambda outcome: (outcome.passed, Decimal(outcome.percent), -outcome.number))
    return QuizGrade(percent=Decimal(chosen.percent), passed=chosen.passed, attempts=len(ordered))


def _to_decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)
