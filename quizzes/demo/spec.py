"""Plain data for the demo question bank and quizzes, and small helpers to write it compactly.

Each question names the module (by slug) and section (by anchor) its review link points to; the
loader looks both up in the demo courses and stops with an error if either is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


def words(value: str) -> str:
    """Collapse the line breaks and indentation of a triple-quoted string into single spaces."""
    return " ".join(value.split())


@dataclass(frozen=True)
class QuestionSpec:
    reference: str
    kind: str
    prompt: str
    explanation: str
    module: str
    anchor: str
    category: str
    points: Decimal = Decimal("1")
    tags: tuple[str, ...] = ()
    fields: dict = field(default_factory=dict)
    children: tuple = ()


@dataclass(frozen=True)
class QuizSpec:
    slug: str
    title: str
    intro: str
    questions: tuple[str, ...] = ()
    draws: tuple[tuple[str, int], ...] = ()
    settings: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CourseQuestions:
    course_slug: str
    categories: dict[str, str]
    questions: tuple[QuestionSpec, ...]
    quizzes: tuple[QuizSpec, ...]


def option(text: str, feedback: str, right: bool = False) -> tuple[str, bool, str]:
    return (words(text), right, words(feedback))


def single(reference, prompt, options, *, explanation, review, category, points="1", tags=()) -> QuestionSpec:
    return QuestionSpec(
        reference,
        "single_choice",
        words(prompt),
        words(explanation),
        *review,
        category,
        Decimal(points),
        tuple(tags),
        {},
        tuple(options),
    )


def multiple(
    reference, prompt, options, *, explanation, review, category, scoring="partial", points="1", tags=()
) -> QuestionSpec:
    return QuestionSpec(
        reference,
        "multiple_response",
        words(prompt),
        words(explanation),
        *review,
        category,
        Decimal(points),
        tuple(tags),
        {"scoring": scoring},
        tuple(options),
    )


def true_false(
    reference, statement, answer: bool, *, if_true, if_false, explanation, review, category, points="1", tags=()
) -> QuestionSpec:
    return QuestionSpec(
        reference,
        "true_false",
        words(statement),
        words(explanation),
        *review,
        category,
        Decimal(points),
        tuple(tags),
        {"correct_answer": answer, "feedback_true": words(if_true), "feedback_false": words(if_false)},
    )


def pair(prompt: str, answer: str, feedback: str = "") -> tuple[str, str, str]:
    return (words(prompt), words(answer), words(feedback))


def matching(reference, prompt, pairs, *, explanation, review, category, points="1", tags=()) -> QuestionSpec:
    """``pairs``: pair(prompt, answer, feedback); a pair with an empty prompt is a distractor."""
    return QuestionSpec(
        reference,
        "matching",
        words(prompt),
        words(explanation),
        *review,
        category,
        Decimal(points),
        tuple(tags),
        {},
        tuple(pairs),
    )


def item(text: str, feedback: str) -> tuple[str, str]:
    return (words(text), words(feedback))


def ordering(
    reference, prompt, items, *, explanation, review, category, scoring="adjacent", points="1", tags=()
) -> QuestionSpec:
    """``items`` in their right sequence."""
    return QuestionSpec(
        reference,
        "ordering",
        words(prompt),
        words(explanation),
        *review,
        category,
        Decimal(points),
        tuple(tags),
        {"scoring": scoring},
        tuple(items),
    )


def choice(text: str, weight: str | int, feedback: str, *, critical: bool = False) -> tuple[str, Decimal, bool, str]:
    return (words(text), Decimal(str(weight)), critical, words(feedback))


def step(prompt: str, options, *, kind: str = "single", safety: bool = True) -> tuple[str, str, bool, tuple]:
    """A decision step. ``safety=False`` only where no option could harm the client (aftercare, paperwork)."""
    return (words(prompt), kind, safety, tuple(options))


def case(
    reference,
    prompt,
    *,
    client,
    age,
    complaint,
    history="",
    medications="",
    observations="",
    steps,
    explanation,
    review,
    category,
    points="4",
    tags=(),
) -> QuestionSpec:
    return QuestionSpec(
        reference,
        "case_scenario",
        words(prompt),
        words(explanation),
        *review,
        category,
        Decimal(points),
        tuple(tags),
        {
            "client": words(client),
            "client_age": age,
            "presenting_complaint": words(complaint),
            "health_history": words(history),
            "medications": words(medications),
            "observations": words(observations),
        },
        tuple(steps),
    )
