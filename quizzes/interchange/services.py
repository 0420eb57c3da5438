"""Writes for import: records become draft questions in a course's bank."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction

from courses.models import CoursePage
from quizzes import scoring
from quizzes.models import (
    MatchingPair,
    MatchingQuestion,
    MultipleResponseOption,
    MultipleResponseQuestion,
    OrderingItem,
    OrderingQuestion,
    Question,
    SingleChoiceOption,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)

from .records import QuestionRecord
from .selectors import references_in_use

DEFAULT_POINTS = Decimal("1")


@transaction.atomic
def create_draft_questions(*, course: CoursePage, records: Sequence[QuestionRecord], user=None) -> list[Question]:
    """Create each record as a draft question in the course's bank, in the file's order.

    Drafts are not used in quizzes: the author reviews each one (and adds what the file lacked, such as
    feedback for matching pairs) and submits it for review; it is asked once approved (Question review).
    A reference another question already uses is left blank, as the preview said.
    """
    taken = references_in_use(record.reference for record in records)
    created = []
    for record in records:
        reference = record.reference if record.reference and record.reference not in taken else ""
        if reference:
            taken.add(reference)
        question = _question(record)
        question.prompt = record.prompt
        question.explanation = record.explanation
        question.course = course
        question.points = record.points if record.points is not None else DEFAULT_POINTS
        question.live = False
        question.reference = reference
        if record.tags:
            question.tags.add(*record.tags)
        question.save()
        # The first revision, which the author completes and submits; a draft may still lack what the
        # file could not carry (an explanation), so it is not checked as a finished question yet.
        question.save_revision(user=user, clean=False)
        created.append(question)
    return created


def _ordered(children: list) -> list:
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def _question(record: QuestionRecord) -> Question:
    if record.type == scoring.SINGLE_CHOICE:
        question = SingleChoiceQuestion()
        question.options = _ordered(
            [SingleChoiceOption(text=o.text, is_correct=o.correct, feedback=o.feedback) for o in record.options]
        )
    elif record.type == scoring.MULTIPLE_RESPONSE:
        question = MultipleResponseQuestion(scoring=record.scoring or scoring.PARTIAL)
        question.options = _ordered(
            [MultipleResponseOption(text=o.text, is_correct=o.correct, feedback=o.feedback) for o in record.options]
        )
    elif record.type == scoring.TRUE_FALSE:
        question = TrueFalseQuestion(
            correct_answer=bool(record.correct_answer),
            feedback_true=record.feedback_true,
            feedback_false=record.feedback_false,
        )
    elif record.type == scoring.MATCHING:
        question = MatchingQuestion()
        question.pairs = _ordered(
            [MatchingPair(prompt=p.prompt, answer=p.answer, feedback=p.feedback) for p in record.pairs]
        )
    elif record.type == scoring.ORDERING:
        question = OrderingQuestion(scoring=record.scoring or scoring.ADJACENT)
        question.items = _ordered([OrderingItem(text=i.text, feedback=i.feedback) for i in record.items])
    else:
        raise ValueError(f"No question type to import {record.type!r} as.")
    return question
