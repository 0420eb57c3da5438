"""What grading records for the statistics: each answer's question version and the options it chose."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from quizzes import services, statistics_records, versions
from quizzes.models import AttemptAnswer, ChosenOption, QuestionVersion, QuizAttempt
from tests import factories as base
from tests.quizzes.test_attempts import answer_all, right_answer

pytestmark = pytest.mark.django_db


def take(quiz, user, pick=right_answer):
    attempt, _ = services.start_attempt(quiz, user)
    answer_all(attempt, user, pick)
    return services.submit_attempt(attempt.pk, user, sequence=attempt.sequence).attempt


def test_grading_records_a_version_per_question_and_the_chosen_options(quiz, learner):
    attempt = take(quiz, learner)
    answers = {answer.slot: answer for answer in attempt.answers.select_related("version")}
    assert all(answer.version is not None for answer in answers.values())
    for item in attempt.items:
        version = answers[item["slot"]].version
        assert version.question_id == item["question_id"] and version.number == 1
        assert version.content == versions.canonical(item)
        assert version.fingerprint == versions.fingerprint(version.content)
        expected = versions.chosen_options(item, right_answer(item))
        chosen = ChosenOption.objects.filter(answer=answers[item["slot"]]).order_by("step", "option")
        assert [(row.step, row.option) for row in chosen] == sorted(expected)
        assert all(row.attempt_id == attempt.pk and row.version_id == version.pk for row in chosen)
    # Single choice, multiple response (2), true/false, and the case's two steps (1 + 2): matching and
    # ordering choose no options.
    assert ChosenOption.objects.filter(attempt=attempt).count() == 1 + 2 + 1 + 3


def test_the_same_content_shares_a_version_and_an_edit_makes_the_next_one(quiz, questions, learner, other_learner):
    first = take(quiz, learner)
    second = take(quiz, other_learner)
    assert QuestionVersion.objects.count() == len(questions)
    assert set(first.answers.values_list("version", flat=True)) == set(second.answers.values_list("version", flat=True))

    edited = questions[0]
    edited.prompt = "Which stroke opens a session?"
    edited.save()
    third = take(quiz, base.user("third"))
    versions_of_edited = list(QuestionVersion.objects.filter(question=edited).order_by("number"))
    assert [version.number for version in versions_of_edited] == [1, 2]
    assert versions_of_edited[1].content["prompt"] == "Which stroke opens a session?"
    assert third.answers.get(question=edited).version == versions_of_edited[1]
    # Feedback and option order are not part of a version.
    edited.explanation = "A new explanation."
    edited.save()
    fourth = take(quiz, base.user("fourth"))
    assert fourth.answers.get(question=edited).version == versions_of_edited[1]


def test_an_answer_to_a_deleted_question_gets_no_version(quiz, questions, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    answer_all(attempt, learner)
    questions[0].delete()
    graded = services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence).attempt
    orphan = graded.answers.get(question__isnull=True)
    assert orphan.version is None and not ChosenOption.objects.filter(answer=orphan).exists()
    assert graded.answers.filter(version__isnull=False).count() == len(questions) - 1


def forget_records():
    ChosenOption.objects.all().delete()
    AttemptAnswer.objects.update(version=None)
    QuestionVersion.objects.all().delete()


def snapshot_of_records():
    return (
        sorted(
            AttemptAnswer.objects.filter(version__isnull=False).values_list(
                "attempt_id", "slot", "version__question_id", "version__number", "version__fingerprint"
            )
        ),
        sorted(ChosenOption.objects.values_list("answer_id", "attempt_id", "version__fingerprint", "step", "option")),
    )


def test_record_for_statistics_backfills_graded_attempts_once(quiz, questions, learner, other_learner):
    take(quiz, learner)
    questions[1].prompt = "Choose every right answer."
    questions[1].save()
    take(quiz, other_learner)
    recorded = snapshot_of_records()
    forget_records()

    attempts = list(QuizAttempt.objects.all())
    assert statistics_records.record_for_statistics(attempts=attempts) == 2 * len(questions)
    assert snapshot_of_records() == recorded
    # Versions are numbered in the order the attempts were submitted, whatever order they come in.
    assert statistics_records.record_for_statistics(attempts=attempts) == 0
    assert snapshot_of_records() == recorded


def test_the_data_migration_backfills_with_historical_models(quiz, learner, other_learner):
    take(quiz, learner)
    take(quiz, other_learner)
    recorded = snapshot_of_records()
    forget_records()
    name = "0005_record_versions_of_graded_attempts"
    migration = importlib.import_module(f"quizzes.migrations.{name}")
    historical = MigrationExecutor(connection).loader.project_state(("quizzes", name)).apps
    migration.backfill(historical, None)
    assert snapshot_of_records() == recorded


def test_versions_number_in_submission_order_in_a_backfill(quiz, questions, learner, other_learner):
    early = take(quiz, learner)
    questions[0].prompt = "Edited once."
    questions[0].save()
    late = take(quiz, other_learner)
    forget_records()
    statistics_records.record_for_statistics(attempts=[late, early])
    numbers = dict(AttemptAnswer.objects.filter(question=questions[0]).values_list("attempt_id", "version__number"))
    assert numbers == {early.pk: 1, late.pk: 2}


def test_a_lost_version_number_is_taken_again(quiz, questions, learner, monkeypatch):
    """Another grading takes number 1 with other content between our read and our insert: the insert
    ignores the conflict, the read-back misses our version, and the next round numbers it 2."""
    attempt, _ = services.start_attempt(quiz, learner)
    answer_all(attempt, learner)
    manager = QuestionVersion.objects
    real_bulk_create = manager.bulk_create
    rounds = []

    def competing_bulk_create(rows, **kwargs):
        if not rounds:
            QuestionVersion.objects.create(
                question=questions[0], number=1, fingerprint="0" * 64, content={}, first_graded_at=attempt.started_at
            )
        rounds.append(len(rows))
        return real_bulk_create(rows, **kwargs)

    monkeypatch.setattr(manager, "bulk_create", competing_bulk_create)
    graded = services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence).attempt
    assert rounds == [len(questions), 1]
    assert graded.answers.get(question=questions[0]).version.number == 2
    assert graded.answers.filter(version__isnull=False).count() == len(questions)
