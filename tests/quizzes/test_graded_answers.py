"""Grades written onto an attempt's answers (quizzes.graded_answers): one UPDATE on PostgreSQL, a DELETE and a
multi-row INSERT on SQLite, the same rows either way, and exactly the grades scoring computed."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes import graded_answers, scoring, services
from quizzes.models import AttemptAnswer
from tests.quizzes.test_attempts import answer_all, critical_answer, right_answer

pytestmark = pytest.mark.django_db


def rows(attempt):
    return [
        (
            answer.slot,
            answer.response,
            answer.points,
            answer.max_points,
            answer.state,
            answer.details,
            answer.version_id,
        )
        for answer in AttemptAnswer.objects.filter(attempt=attempt).order_by("slot")
    ]


def mixed(item):
    """Right on even slots, left blank on every third, a critical error where a case offers one."""
    if item["slot"] % 3 == 0:
        return {}
    if item["type"] == "case_scenario" and any(o["critical"] for s in item["steps"] for o in s["options"]):
        return critical_answer(item)
    return right_answer(item) if item["slot"] % 2 == 0 else {}


def test_the_grades_written_are_the_grades_scoring_computed(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    answer_all(attempt, learner, pick=mixed)
    before = {row[0]: row for row in rows(attempt)}
    services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
    result = scoring.grade_attempt(attempt.items, {str(slot): row[1] for slot, row in before.items()})
    written = rows(attempt)
    assert len(written) == len(attempt.items)
    for (slot, response, points, max_points, state, details, version_id), item, graded in zip(
        written, attempt.items, result.questions, strict=True
    ):
        assert slot == item["slot"] and response == before[slot][1]  # the responses are kept as saved
        assert (points, max_points, state, details) == (
            Decimal(graded.points),
            Decimal(graded.max_points),
            graded.state,
            graded.as_dict(),
        )
        assert version_id is not None
    assert {row[4] for row in written} != {written[0][4]}  # a mix of states, not one for all


def test_postgresql_writes_what_sqlite_writes_in_one_statement(quiz, learner):
    if connection.vendor != "postgresql":
        pytest.skip("the one-statement UPDATE is PostgreSQL's")
    attempt, _ = services.start_attempt(quiz, learner)
    answer_all(attempt, learner, pick=mixed)
    answers = list(AttemptAnswer.objects.filter(attempt=attempt).order_by("slot"))
    result = scoring.grade_attempt(attempt.items, {str(a.slot): a.response for a in answers})
    for answer, question in zip(answers, result.questions, strict=True):
        answer.points, answer.max_points = question.points, question.max_points
        answer.state, answer.details = question.state, question.as_dict()
    with CaptureQueriesContext(connection) as captured:
        graded_answers.write_grades(attempt_id=attempt.pk, answers=answers)
    assert len(captured) == 1 and captured[0]["sql"].startswith("UPDATE")
    updated = rows(attempt)
    # The same answers through the path SQLite takes.
    AttemptAnswer.objects.filter(attempt=attempt)._raw_delete(AttemptAnswer.objects.db)
    AttemptAnswer.objects.bulk_create(answers)
    assert rows(attempt) == updated
    assert {row[4] for row in updated} != {updated[0][4]}


def saved_rows(attempt):
    return list(
        AttemptAnswer.objects.filter(attempt=attempt)
        .order_by("slot")
        .values_list("slot", "response", "saved_seq", "saved_at")
    )


def test_saved_responses_are_written_in_one_statement_and_as_bulk_update_writes_them(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    responses = {item["slot"]: mixed(item) for item in attempt.items}
    with CaptureQueriesContext(connection) as captured:
        result = services.save_answers(attempt.pk, learner, responses, attempt.sequence, items=attempt.items)
    changed = [slot for slot, response in responses.items() if response]
    assert result.saved_slots == sorted(changed) and result.sequence == 1
    updates = [query["sql"] for query in captured if query["sql"].startswith("UPDATE")]
    assert len(updates) == 2  # the answers, then the attempt's save number
    # The attempt's questions came from the caller: the lock does not read them again.
    lock = next(query["sql"] for query in captured if 'FROM "quizzes_quizattempt"' in query["sql"])
    assert '"items"' not in lock
    written = saved_rows(attempt)
    items = attempt.item_by_slot()
    assert [(slot, response) for slot, response, _seq, _at in written] == [
        (slot, scoring.clean_response(items[slot], responses[slot]) if responses[slot] else {})
        for slot in sorted(responses)
    ]
    assert {(seq, at is not None) for slot, _r, seq, at in written if slot in changed} == {(1, True)}
    # The same answers through Django's bulk_update (SQLite's path) leave the same rows.
    answers = list(AttemptAnswer.objects.filter(attempt=attempt, slot__in=changed))
    AttemptAnswer.objects.filter(attempt=attempt).update(response={}, saved_seq=0, saved_at=None)
    AttemptAnswer.objects.bulk_update(answers, graded_answers.RESPONSE_COLUMNS)
    assert saved_rows(attempt) == written


def test_a_save_without_the_questions_reads_them_under_the_lock(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    item = attempt.items[0]
    with CaptureQueriesContext(connection) as captured:
        services.save_answers(attempt.pk, learner, {item["slot"]: right_answer(item)}, attempt.sequence)
    lock = next(query["sql"] for query in captured if 'FROM "quizzes_quizattempt"' in query["sql"])
    assert '"items"' in lock
    assert AttemptAnswer.objects.get(attempt=attempt, slot=item["slot"]).saved_seq == 1
