"""What the demo question bank and quizzes are made of, and the helpers that shape each question.

The content lives in data files (data/<course-slug>.yaml, read by content.py); every question passes
through one helper here (`single`, `case`, `choice`...), which folds whitespace and decides the stored
shape, so the files never need to. Each question names the module (by slug) and section (by anchor)
its review link points to; the loader looks both up in the demo courses and stops with an error if
either is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from quizzes import scoring
from quizzes.choices import MultipleResponseScoring, OrderingScoring, StepKind

Review = tuple[str, str]  # (module slug, section anchor)
# `multiple` and `ordering` take a parameter named `scoring`, which hides the module inside them.
MULTIPLE_RESPONSE = scoring.MULTIPLE_RESPONSE
ORDERING = scoring.ORDERING


def words(value: str) -> str:
    """Collapse the line breaks and indentation of a triple-quoted string into single spaces."""
    return " ".join(value.split())


@dataclass(frozen=True)
class QuestionSpec:
    reference: str
    kind: str  # a question type key: scoring.SINGLE_CHOICE, scoring.CASE_SCENARIO...
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


def single(
    reference: str,
    prompt: str,
    options: Sequence[tuple[str, bool, str]],
    *,
    explanation: str,
    review: Review,
    category: str,
    points: Decimal | str = "1",
    tags: Sequence[str] = (),
) -> QuestionSpec:
    return QuestionSpec(
        reference,
        scoring.SINGLE_CHOICE,
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
    reference: str,
    prompt: str,
    options: Sequence[tuple[str, bool, str]],
    *,
    explanation: str,
    review: Review,
    category: str,
    scoring: MultipleResponseScoring = MultipleResponseScoring.PARTIAL,
    points: Decimal | str = "1",
    tags: Sequence[str] = (),
) -> QuestionSpec:
    return QuestionSpec(
        reference,
        MULTIPLE_RESPONSE,
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
    reference: str,
    statement: str,
    answer: bool,
    *,
    if_true: str,
    if_false: str,
    explanation: str,
    review: Review,
    category: str,
    points: Decimal | str = "1",
    tags: Sequence[str] = (),
) -> QuestionSpec:
    return QuestionSpec(
        reference,
        scoring.TRUE_FALSE,
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


def matching(
    reference: str,
    prompt: str,
    pairs: Sequence[tuple[str, str, str]],
    *,
    explanation: str,
    review: Review,
    category: str,
    points: Decimal | str = "1",
    tags: Sequence[str] = (),
) -> QuestionSpec:
    """``pairs``: pair(prompt, answer, feedback); a pair with an empty prompt is a distractor."""
    return QuestionSpec(
        reference,
        scoring.MATCHING,
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
    reference: str,
    prompt: str,
    items: Sequence[tuple[str, str]],
    *,
    explanation: str,
    review: Review,
    category: str,
    scoring: OrderingScoring = OrderingScoring.ADJACENT,
    points: Decimal | str = "1",
    tags: Sequence[str] = (),
) -> QuestionSpec:
    """``items`` in their right sequence."""
    return QuestionSpec(
        reference,
        ORDERING,
        words(prompt),
        words(explanation),
        *review,
        category,
        Decimal(points),
        tuple(tags),
        {"scoring": scoring},
        tuple(items),
    )


def choice(
    text: str, weight: Decimal | str | int, feedback: str, *, critical: bool = False
) -> tuple[str, Decimal, bool, str]:
    return (words(text), Decimal(str(weight)), critical, words(feedback))


def step(
    prompt: str,
    options: Sequence[tuple[str, Decimal, bool, str]],
    *,
    kind: StepKind = StepKind.SINGLE,
    safety: bool = True,
) -> tuple[str, StepKind, bool, tuple]:
    """A decision step. ``safety=False`` only where no option could harm the client (aftercare, paperwork)."""
    return (words(prompt), kind, safety, tuple(options))


def case(
    reference: str,
    prompt: str,
    *,
    client: str,
    age: int | None,
    complaint: str,
    history: str = "",
    medications: str = "",
    observations: str = "",
    steps: Sequence[tuple[str, StepKind, bool, tuple]],
    explanation: str,
    review: Review,
    category: str,
    points: Decimal | str = "4",
    tags: Sequence[str] = (),
) -> QuestionSpec:
    return QuestionSpec(
        reference,
        scoring.CASE_SCENARIO,
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
