"""The read side other apps rely on (notes/CONTRACT.md): results by grading method, in a fixed number of queries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes import services
from quizzes.choices import AttemptStatus, FinishReason
from quizzes.models import QuizAttempt
from quizzes.selectors import latest_quiz_results, passed_quiz_ids, quiz_overview
from quizzes.signals import quiz_attempt_graded
from tests.quizzes import factories
from tests.quizzes.test_attempts import right_answer

pytestmark = pytest.mark.django_db


def take(quiz, user, *, right: bool):
    attempt, _ = services.start_attempt(quiz, user)
    if right:
        services.save_answers(attempt.pk, user, {item["slot"]: right_answer(item) for item in attempt.items}, 0)
    services.submit_attempt(attempt.pk, user, sequence=1 if right else 0)


def test_passed_quiz_ids_follows_each_grading_method(course, learner, other_learner):
    question = factories.true_false()
    highest = factories.quiz(course, questions=[question], grading_method="highest")
    latest = factories.quiz(course, questions=[question], grading_method="latest")
    first = factories.quiz(course, questions=[question], grading_method="first")
    average = factories.quiz(course, questions=[question], grading_method="average", pass_mark=50)
    untouched = factories.quiz(course, questions=[question])
    for quiz in (highest, latest, first, average):
        take(quiz, learner, right=True)
        take(quiz, learner, right=False)
    ids = [highest.pk, latest.pk, first.pk, average.pk, untouched.pk]
    assert passed_quiz_ids(learner, ids) == {highest.pk, first.pk, average.pk}
    assert passed_quiz_ids(other_learner, ids) == set()
    results = latest_quiz_results(learner, ids)
    assert set(results) == {highest.pk, latest.pk, first.pk, average.pk}
    assert results[average.pk].percent == Decimal("50.00") and results[average.pk].attempts_used == 2
    assert results[latest.pk].passed is False and results[latest.pk].percent == 0


def test_open_attempts_count_as_used_but_not_graded(course, learner, quiz):
    services.start_attempt(quiz, learner)
    result = latest_quiz_results(learner, [quiz.pk])[quiz.pk]
    assert result.in_progress and result.attempts_used == 1 and result.graded_attempts == 0
    assert result.percent is None and result.passed is False


def test_one_query_whatever_the_number_of_quizzes(course, learner):
    question = factories.true_false()
    quizzes = [factories.quiz(course, questions=[question]) for _ in range(8)]
    for quiz in quizzes:
        take(quiz, learner, right=True)
    for ids in ([quizzes[0].pk, quizzes[1].pk], [quiz.pk for quiz in quizzes]):
        with CaptureQueriesContext(connection) as captured:
            passed = passed_quiz_ids(learner, ids)
        assert len(captured) == 1 and passed == set(ids)


def test_anonymous_and_empty_inputs_cost_nothing(quiz, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        assert passed_quiz_ids(AnonymousUser(), [quiz.pk]) == set()
        assert latest_quiz_results(AnonymousUser(), [quiz.pk]) == {}


def test_a_failing_receiver_rolls_the_grade_back(quiz, learner):
    attempt, _ = services.start_attempt(quiz, learner)

    def broken(sender, **kwargs):
        raise RuntimeError("credit could not be recorded")

    quiz_attempt_graded.connect(broken)
    try:
        with pytest.raises(RuntimeError):
            services.submit_attempt(attempt.pk, learner, sequence=0)
    finally:
        quiz_attempt_graded.disconnect(broken)
    reloaded = QuizAttempt.objects.get(pk=attempt.pk)
    assert reloaded.is_open and reloaded.score is None
    assert set(reloaded.answers.values_list("state", flat=True)) == {""}


# --- the quiz page: the selector reads, serving the page finalises ------------------------------


def expired_attempt(course, learner, questions):
    quiz = factories.quiz(course, questions=questions, time_limit_minutes=10)
    attempt, _ = services.start_attempt(quiz, learner)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    return quiz, attempt


def test_quiz_overview_writes_nothing_even_with_an_expired_attempt(course, learner, questions, settings):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    quiz, attempt = expired_attempt(course, learner, questions)
    with CaptureQueriesContext(connection) as queries:
        overview = quiz_overview(quiz, learner)
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "SAVEPOINT"))
    ]
    assert writes == []
    assert overview["open_attempt"].pk == attempt.pk
    assert QuizAttempt.objects.get(pk=attempt.pk).is_open


def test_opening_the_quiz_page_still_finalises_an_expired_attempt(course, learner, questions, settings, client):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    quiz, attempt = expired_attempt(course, learner, questions)
    client.force_login(learner)
    response = client.get(quiz.url)
    assert response.status_code == 200
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.status == AttemptStatus.GRADED and graded.finish_reason == FinishReason.TIME_EXPIRED
    assert response.context["open_attempt"] is None
    assert [a.pk for a in response.context["graded_attempts"]] == [attempt.pk]
