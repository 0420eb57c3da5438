"""The question types, by key. Adding a type is one module in this package and one ``register`` line below.

Registering a type also points its key at its grader in :mod:`quizzes.scoring`, so grading, the
snapshot, the learner's form, review and the admin all find it by the key each attempt item stores.
The admin menu (one listing and editor per type) is built once, when Wagtail loads its hooks, from
the types registered by then.
"""

from __future__ import annotations

from quizzes import scoring

from .base import QuestionType
from .case_scenario import CaseScenario
from .matching import Matching
from .multiple_response import MultipleResponse
from .ordering import Ordering
from .single_choice import SingleChoice
from .true_false import TrueFalse

_TYPES: dict[str, QuestionType] = {}


def register(question_type: QuestionType) -> QuestionType:
    if question_type.key in _TYPES:
        raise ValueError(f"A question type with the key {question_type.key!r} is already registered.")
    _TYPES[question_type.key] = question_type
    scoring.register_grader(question_type.key, question_type.grader)
    return question_type


def unregister(key: str) -> None:
    _TYPES.pop(key, None)
    scoring.unregister_grader(key)


def get(key: str) -> QuestionType:
    """The type with this key; KeyError for an unknown key."""
    return _TYPES[key]


def find(key: str) -> QuestionType | None:
    """The type with this key, or None (for input that may name no type, such as a posted form)."""
    return _TYPES.get(key)


def all() -> list[QuestionType]:  # noqa: A001 - the registry's listing, read as registry.all()
    """Every registered type, in the order editors see them."""
    return list(_TYPES.values())


def choices() -> list[tuple[str, str]]:
    """(key, label) for every type, for filters and selects."""
    return [(question_type.key, question_type.label) for question_type in _TYPES.values()]


register(SingleChoice())
register(MultipleResponse())
register(TrueFalse())
register(Matching())
register(Ordering())
register(CaseScenario())
