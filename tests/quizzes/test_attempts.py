"""Attempt integrity: one open attempt, maximum attempts, stale saves, deadlines, grading once."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes import services
from quizzes.choices import AttemptStatus, FinishReason
from quizzes.models import QuizAttempt
from tests.quizzes import factories

pytestmark = pytest.mark.django_db


def right_answer(item):
    kind = item["type"]
    if kind in ("single_choice", "true_false"):
        return {"choice": next(o["id"] for o in item["options"] if o["correct"])}
    if kind == "multiple_response":
        return {"choices": [o["id"] for o in item["options"] if o["correct"]]}
    if kind == "matching":
        return {"matches": {p["id"]: p["answer"] for p in item["prompts"]}}
    if kind == "ordering":
        return {"order": item["correct_order"]}
    return {
        "steps": {
            step["id"]: [max((o for o in step["options"] if not o["critical"]), key=lambda o: float(o["weight"]))["id"]]
            if step["kind"] == "single"
            else [o["id"] for o in step["options"] if float(o["weight"]) > 0]
            for step in item["steps"]
        }
    }


def critical_answer(item):
    """The right answer, except for one step where the critical safety error is chosen."""
    answer = right_answer(item)
    step = next(step for step in item["steps"] if any(o["critical"] for o in step["options"]))
    answer["steps"][step["id"]] = [next(o["id"] for o in step["options"] if o["critical"])]
    return answer


def answer_all(attempt, user, pick=right_answer):
    result = services.save_answers(
        attempt.pk, user, {item["slot"]: pick(item) for item in attempt.items}, attempt.sequence
    )
    attempt.refresh_from_db()
    return result


# --- starting ------------------------------------------------------------------------------------


def test_start_snapshots_questions_and_resumes_the_open_attempt(quiz, learner):
    attempt, created = services.start_attempt(quiz, learner)
    again, created_again = services.start_attempt(quiz, learner)
    assert created and not created_again
    assert again.pk == attempt.pk
    assert [item["slot"] for item in attempt.items] == [1, 2, 3, 4, 5, 6]
    assert attempt.answers.count() == 6
    assert attempt.max_score == Decimal("9")  # five 1-point questions and a 4-point case
    assert attempt.pass_mark == 70


def test_one_open_attempt_is_a_database_constraint(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(quiz=quiz, user=learner, number=2, started_at=timezone.now(), pass_mark=70)


def test_maximum_attempts_enforced(course, learner, questions):
    quiz = factories.quiz(course, questions=questions[:1], max_attempts=2)
    for _ in range(2):
        attempt, _ = services.start_attempt(quiz, learner)
        services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
    with pytest.raises(services.NoAttemptsLeft):
        services.start_attempt(quiz, learner)
    assert QuizAttempt.objects.filter(quiz=quiz, user=learner).count() == 2


def test_draft_questions_are_left_out(course, learner, questions):
    questions[0].unpublish()
    quiz = factories.quiz(course, questions=questions)
    attempt, _ = services.start_attempt(quiz, learner)
    assert questions[0].pk not in {item["question_id"] for item in attempt.items}
    assert len(attempt.items) == 5


def test_random_draw_from_a_category(course, learner):
    pool = factories.category("Strokes", course)
    drawn = [factories.single_choice(category=pool) for _ in range(6)]
    fixed = factories.true_false()
    quiz = factories.quiz(course, questions=[fixed], draws=[(pool, 3)])
    attempt, _ = services.start_attempt(quiz, learner)
    ids = [item["question_id"] for item in attempt.items]
    assert ids[0] == fixed.pk
    assert len(ids) == 4 and len(set(ids)) == 4
    assert set(ids[1:]) <= {question.pk for question in drawn}


def test_shuffled_questions_keep_their_order_on_reload(course, learner):
    questions = [factories.single_choice() for _ in range(8)]
    quiz = factories.quiz(course, questions=questions, shuffle_questions=True)
    attempt, _ = services.start_attempt(quiz, learner)
    order = [item["question_id"] for item in attempt.items]
    attempt.refresh_from_db()
    assert [item["question_id"] for item in QuizAttempt.objects.get(pk=attempt.pk).items] == order


def test_a_quiz_without_questions_cannot_start(course, learner):
    question = factories.single_choice(live=False)
    quiz = factories.quiz(course, questions=[question])
    with pytest.raises(services.QuizUnavailable):
        services.start_attempt(quiz, learner)


# --- saving --------------------------------------------------------------------------------------


def test_saving_bumps_the_sequence_only_when_something_changed(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    item = attempt.items[0]
    result = services.save_answers(attempt.pk, learner, {1: right_answer(item)}, 0)
    assert result.sequence == 1 and result.saved_slots == [1]
    same = services.save_answers(attempt.pk, learner, {1: right_answer(item)}, 1)
    assert same.sequence == 1 and same.saved_slots == []


def test_a_stale_page_cannot_overwrite_a_newer_answer(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    single = attempt.items[0]
    options = [o["id"] for o in single["options"]]
    # Tab A and tab B both opened the attempt at sequence 0. Tab A answers first.
    services.save_answers(attempt.pk, learner, {1: {"choice": options[0]}}, 0)
    with pytest.raises(services.StaleAnswer) as stale:
        services.save_answers(attempt.pk, learner, {1: {"choice": options[1]}}, 0)
    assert stale.value.slots == [1]
    assert attempt.answers.get(slot=1).response == {"choice": options[0]}
    # Tab B can still answer a question tab A didn't touch.
    services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)
    assert attempt.answers.get(slot=3).response == {"choice": "true"}


def test_a_conflict_saves_nothing_at_all(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)
    with pytest.raises(services.StaleAnswer):
        services.save_answers(attempt.pk, learner, {1: right_answer(attempt.items[0]), 3: {"choice": "false"}}, 0)
    assert attempt.answers.get(slot=1).response == {}


def test_forged_answers_are_refused_and_change_nothing(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)
    forged = [
        {99: {"choice": "x"}},  # a question not in the attempt
        {1: {"choice": "not-an-option"}},  # an option id from nowhere
        {3: {"choice": "true"}, 1: {"choices": ["a"]}},  # wrong shape
    ]
    for answers in forged:
        with pytest.raises(services.InvalidAnswer):
            services.save_answers(attempt.pk, learner, answers, 1)
    with pytest.raises(services.InvalidAnswer):
        services.save_answers(attempt.pk, learner, {3: {"choice": "false"}}, 7)  # a sequence from the future
    assert attempt.answers.get(slot=3).response == {"choice": "true"}
    assert QuizAttempt.objects.get(pk=attempt.pk).sequence == 1


def test_option_ids_from_another_attempt_are_refused(quiz, learner, other_learner):
    mine, _ = services.start_attempt(quiz, learner)
    theirs, _ = services.start_attempt(quiz, other_learner)
    their_option = theirs.items[0]["options"][0]["id"]
    with pytest.raises(services.InvalidAnswer):
        services.save_answers(mine.pk, learner, {1: {"choice": their_option}}, 0)


def test_another_learners_attempt_is_not_found(quiz, learner, other_learner):
    attempt, _ = services.start_attempt(quiz, learner)
    with pytest.raises(services.AttemptNotFound):
        services.save_answers(attempt.pk, other_learner, {3: {"choice": "true"}}, 0)
    with pytest.raises(services.AttemptNotFound):
        services.submit_attempt(attempt.pk, other_learner, sequence=0)
    assert QuizAttempt.objects.get(pk=attempt.pk).is_open


# --- submitting ----------------------------------------------------------------------------------


def test_submit_grades_once_and_signals_once(quiz, learner, graded_signals):
    attempt, _ = services.start_attempt(quiz, learner)
    answer_all(attempt, learner)
    first = services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
    second = services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
    assert not first.already_graded and second.already_graded
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.status == AttemptStatus.GRADED
    assert graded.score == Decimal("9.00") and graded.percent == Decimal("100.00")
    assert graded.passed is True
    assert len(graded_signals) == 1
    sent = graded_signals[0]
    assert sent["attempt"].pk == attempt.pk and sent["user"] == learner and sent["passed"] is True
    assert sent["quiz"].__class__.__name__ == "QuizPage" and sent["quiz"].pk == quiz.pk


def test_answers_to_a_submitted_attempt_are_refused(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    services.submit_attempt(attempt.pk, learner, sequence=0)
    with pytest.raises(services.AttemptClosed):
        services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)
    assert QuizAttempt.objects.get(pk=attempt.pk).answers.get(slot=3).response == {}


def test_submit_from_a_stale_confirmation_page_asks_again(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)
    with pytest.raises(services.StaleAnswer):
        services.submit_attempt(attempt.pk, learner, sequence=0)
    assert QuizAttempt.objects.get(pk=attempt.pk).is_open


def test_nothing_answered_scores_zero(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    services.submit_attempt(attempt.pk, learner, sequence=0)
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.score == 0 and graded.passed is False
    assert set(graded.answers.values_list("state", flat=True)) == {"unanswered"}


def test_a_critical_error_fails_the_quiz_whatever_the_score(quiz, learner, graded_signals):
    attempt, _ = services.start_attempt(quiz, learner)

    def pick(item):
        return critical_answer(item) if item["type"] == "case_scenario" else right_answer(item)

    answer_all(attempt, learner, pick)
    services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.percent == Decimal("55.56")  # 5 of 9: the scenario scores 0
    assert graded.critical_error is True and graded.passed is False
    case_answer = graded.answers.get(slot=6)
    assert case_answer.points == 0 and case_answer.details["critical"] is True
    assert graded_signals[0]["passed"] is False


def test_a_critical_error_only_zeroes_the_scenario_when_the_quiz_allows(course, learner, questions):
    quiz = factories.quiz(course, questions=questions, pass_mark=50, critical_error_fails_quiz=False)
    attempt, _ = services.start_attempt(quiz, learner)
    answer_all(
        attempt, learner, lambda item: critical_answer(item) if item["type"] == "case_scenario" else right_answer(item)
    )
    services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.critical_error is True and graded.passed is True


def test_editing_a_question_never_changes_a_graded_attempt(quiz, learner, questions):
    attempt, _ = services.start_attempt(quiz, learner)
    answer_all(attempt, learner)
    services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
    single = questions[0]
    single.prompt = "Reworded"
    for option in single.options.all():
        option.is_correct = not option.is_correct
        option.text = "Changed " + option.text
        option.save()
    single.save()
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.items[0]["prompt"] != "Reworded"
    assert graded.score == Decimal("9.00")
    assert graded.answers.get(slot=1).state == "correct"


def test_signal_reports_the_grade_by_grading_method(course, learner, questions, graded_signals):
    quiz = factories.quiz(course, questions=questions[:1], grading_method="latest")
    first, _ = services.start_attempt(quiz, learner)
    answer_all(first, learner)
    services.submit_attempt(first.pk, learner, sequence=first.sequence)
    second, _ = services.start_attempt(quiz, learner)
    services.submit_attempt(second.pk, learner, sequence=0)
    assert [signal["passed"] for signal in graded_signals] == [True, False]


# --- deadlines -----------------------------------------------------------------------------------


def timed_attempt(course, learner, questions, minutes=10):
    quiz = factories.quiz(course, questions=questions, time_limit_minutes=minutes)
    started = timezone.now() - timedelta(minutes=minutes, seconds=5)
    attempt, _ = services.start_attempt(quiz, learner, now=started)
    return quiz, attempt


def test_answers_within_the_grace_are_accepted(course, learner, questions, settings):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    _, attempt = timed_attempt(course, learner, questions)
    services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)  # 5 s after the deadline
    assert QuizAttempt.objects.get(pk=attempt.pk).is_open


def test_answers_after_deadline_and_grace_are_refused_and_the_attempt_finalised(course, learner, questions, settings):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    _, attempt = timed_attempt(course, learner, questions)
    item = attempt.items[0]
    services.save_answers(attempt.pk, learner, {1: right_answer(item)}, 0)
    later = timezone.now() + timedelta(seconds=60)
    with pytest.raises(services.TimeUp):
        services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 1, now=later)
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.status == AttemptStatus.GRADED and graded.finish_reason == FinishReason.TIME_EXPIRED
    # Finalised with the answer saved before the deadline, not as blank.
    assert graded.score == Decimal("1.00")
    assert graded.answers.get(slot=3).response == {}


def test_expired_attempt_is_finalised_when_the_learner_comes_back(course, learner, questions, settings):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    quiz, attempt = timed_attempt(course, learner, questions)
    services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    fresh, created = services.start_attempt(quiz, learner)
    assert created and fresh.number == 2
    old = QuizAttempt.objects.get(pk=attempt.pk)
    assert old.finish_reason == FinishReason.TIME_EXPIRED and old.score == Decimal("1.00")


def test_sweep_command_finalises_expired_attempts(course, learner, other_learner, questions, settings, graded_signals):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    quiz, attempt = timed_attempt(course, learner, questions)
    running, _ = services.start_attempt(quiz, other_learner)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    call_command("close_expired_attempts", verbosity=0)
    call_command("close_expired_attempts", verbosity=0)
    assert QuizAttempt.objects.get(pk=attempt.pk).status == AttemptStatus.GRADED
    assert QuizAttempt.objects.get(pk=running.pk).is_open
    assert len(graded_signals) == 1


def test_the_timer_can_submit_at_the_deadline_without_a_sequence(course, learner, questions, settings):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    _, attempt = timed_attempt(course, learner, questions)
    result = services.submit_attempt(attempt.pk, learner, sequence=None, time_up=True)
    assert result.attempt.finish_reason == FinishReason.TIME_EXPIRED


def test_time_up_is_ignored_before_the_deadline(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)
    services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)
    with pytest.raises(services.StaleAnswer):
        services.submit_attempt(attempt.pk, learner, sequence=None, time_up=True)
