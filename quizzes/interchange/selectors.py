"""Reads for import and export: which courses an author may fill, and questions as records for the writers."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from courses.models import CoursePage
from quizzes import scoring
from quizzes.models import (
    MatchingQuestion,
    MultipleResponseQuestion,
    OrderingQuestion,
    Question,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)

from .formats import Format
from .records import Item, Option, Pair, QuestionRecord

# The models an import may create: every type Moodle shares with Touchstone.
IMPORTED_MODELS = (
    SingleChoiceQuestion,
    MultipleResponseQuestion,
    TrueFalseQuestion,
    MatchingQuestion,
    OrderingQuestion,
)
CASE_SCENARIO_REASON = (
    "Case scenarios (a client vignette with weighted steps and critical errors) have no equivalent in Moodle or "
    "in the CSV template."
)


def authorable_courses(user) -> QuerySet[CoursePage]:
    """The courses whose pages the user may edit: an instructor's own courses; every course for editors."""
    if not user.is_authenticated or not user.is_active:
        return CoursePage.objects.none()
    if user.is_superuser:
        return CoursePage.objects.order_by("title")
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return CoursePage.objects.filter(pk__in=pages.values("pk")).order_by("title")


def _may(user, model, action: str) -> bool:
    return policy_registry.get_by_type(model).user_has_permission(user, action)


def may_import(user) -> bool:
    return all(_may(user, model, "add") for model in IMPORTED_MODELS) and authorable_courses(user).exists()


def may_export(user) -> bool:
    return _may(user, Question, "view") and authorable_courses(user).exists()


def references_in_use(references: Iterable[str]) -> set[str]:
    wanted = {reference for reference in references if reference}
    if not wanted:
        return set()
    return set(Question.objects.filter(reference__in=wanted).values_list("reference", flat=True))


def plan_import(records: list[QuestionRecord]) -> list[QuestionRecord]:
    """Note on each record what the bank will change: a reference already used is left blank."""
    taken = references_in_use(record.reference for record in records)
    seen: set[str] = set()
    for record in records:
        if not record.reference:
            continue
        if record.reference in taken or record.reference in seen:
            record.notes.append(f"The reference “{record.reference}” is already used; it will be left blank.")
        seen.add(record.reference)
    return records


def course_questions(course: CoursePage, ids: Iterable[int] = ()) -> list[Question]:
    """The course's questions (all, or those of ``ids``), oldest first, as their own types."""
    questions = Question.objects.filter(course=course).order_by("pk")
    ids = list(ids)
    if ids:
        questions = questions.filter(pk__in=ids)
    return list(questions)


def question_record(question: Question) -> QuestionRecord:
    """A bank question as a record for the writers."""
    record = QuestionRecord(
        type=question.type_key,
        prompt=question.prompt,
        explanation=question.explanation,
        points=question.points,
        reference=question.reference,
        tags=sorted(tag.name for tag in question.tags.all()),
    )
    if question.type_key in (scoring.SINGLE_CHOICE, scoring.MULTIPLE_RESPONSE):
        record.options = [
            Option(text=option.text, correct=option.is_correct, feedback=option.feedback)
            for option in question.options.all()
        ]
        record.scoring = getattr(question, "scoring", "")
    elif question.type_key == scoring.TRUE_FALSE:
        record.correct_answer = question.correct_answer
        record.feedback_true, record.feedback_false = question.feedback_true, question.feedback_false
    elif question.type_key == scoring.MATCHING:
        record.pairs = [
            Pair(prompt=pair.prompt, answer=pair.answer, feedback=pair.feedback) for pair in question.pairs.all()
        ]
    elif question.type_key == scoring.ORDERING:
        record.items = [Item(text=item.text, feedback=item.feedback) for item in question.items.all()]
        record.scoring = question.scoring
    return record


def export_rows(questions: list[Question], file_format: Format) -> list[dict]:
    """Each question with whether the format can hold it and, if not, why; for the export page."""
    rows = []
    for question in questions:
        if question.type_key == scoring.CASE_SCENARIO:
            reason = CASE_SCENARIO_REASON
        else:
            reason = file_format.cannot_write(question_record(question))
        rows.append({"question": question, "reason": reason})
    return rows
