"""The page's timer ending a timed attempt: taken as time-up a moment early, never as a stale page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes import services
from quizzes.choices import FinishReason
from quizzes.models import AttemptAnswer, QuizAttempt
from tests.quizzes import factories
from tests.quizzes.test_attempts import right_answer
from tests.quizzes.test_views import start

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lead(settings):
    settings.QUIZ_TIMER_LEAD_SECONDS = 5
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30


def timed(learner_client, course, questions, *, seconds_left: float) -> QuizAttempt:
    """A one-minute attempt whose deadline is ``seconds_left`` away, with the first question answered right."""
    quiz = factories.quiz(course, questions=questions, time_limit_minutes=1)
    attempt = start(learner_client, quiz)
    first = attempt.items[0]
    services.save_answers(attempt.pk, attempt.user, {first["slot"]: right_answer(first)}, 0)
    now = timezone.now()
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        started_at=now + timedelta(seconds=seconds_left) - timedelta(minutes=1),
        deadline=now + timedelta(seconds=seconds_left),
    )
    return QuizAttempt.objects.get(pk=attempt.pk)


def submit(learner_client, attempt, **data):
    return learner_client.post(reverse("quizzes:submit", args=[attempt.pk]), data)


def test_the_timer_two_seconds_early_is_time_up_with_the_saved_answers(learner_client, course, questions):
    attempt = timed(learner_client, course, questions, seconds_left=2)
    response = submit(learner_client, attempt, time_up="1")
    assert response.status_code == 302 and response.url == reverse("quizzes:review", args=[attempt.pk])
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.finish_reason == FinishReason.TIME_EXPIRED
    assert graded.score > Decimal("0")
    assert AttemptAnswer.objects.get(attempt=attempt, slot=attempt.items[0]["slot"]).response != {}
    review = learner_client.get(response.url)
    assert "changed since this page was opened" not in review.content.decode()


def test_the_timer_with_an_old_save_number_is_still_time_up(learner_client, course, questions):
    attempt = timed(learner_client, course, questions, seconds_left=1)
    response = submit(learner_client, attempt, time_up="1", seq="0")
    assert response.status_code == 302
    assert QuizAttempt.objects.get(pk=attempt.pk).finish_reason == FinishReason.TIME_EXPIRED


def test_time_up_thirty_seconds_early_is_an_ordinary_submit(learner_client, course, questions):
    attempt = timed(learner_client, course, questions, seconds_left=30)
    response = submit(learner_client, attempt, time_up="1")
    assert response.status_code == 409
    assert QuizAttempt.objects.get(pk=attempt.pk).is_open


def test_time_up_just_outside_the_lead_is_not_time_up(course, learner, questions):
    quiz = factories.quiz(course, questions=questions, time_limit_minutes=1)
    attempt, _ = services.start_attempt(quiz, learner)
    early = attempt.deadline - timedelta(seconds=6)
    with pytest.raises(services.StaleAnswer):
        services.submit_attempt(attempt.pk, learner, sequence=None, time_up=True, now=early)
    result = services.submit_attempt(attempt.pk, learner, sequence=None, time_up=True, now=early + timedelta(seconds=2))
    assert result.attempt.finish_reason == FinishReason.TIME_EXPIRED


def test_submit_pressed_in_a_stale_tab_near_the_deadline_is_still_409(learner_client, course, questions):
    attempt = timed(learner_client, course, questions, seconds_left=2)
    response = submit(learner_client, attempt, seq="0")  # the tab was opened before the answer was saved
    assert response.status_code == 409
    assert "changed since this page was opened" in response.content.decode()
    assert QuizAttempt.objects.get(pk=attempt.pk).is_open


def test_the_page_tells_the_timer_the_time_left_to_the_millisecond(learner_client, course, questions):
    attempt = timed(learner_client, course, questions, seconds_left=4.5)
    html = learner_client.get(reverse("quizzes:take", args=[attempt.pk])).content.decode()
    assert 'data-seconds-left="4"' in html
    milliseconds = int(html.split('data-milliseconds-left="')[1].split('"')[0])
    assert 4000 < milliseconds <= 4500


def test_without_javascript_an_expired_attempt_is_finalised_on_the_next_page(learner_client, course, questions):
    attempt = timed(learner_client, course, questions, seconds_left=-60)
    response = learner_client.get(reverse("quizzes:take", args=[attempt.pk]))
    assert response.status_code == 302 and response.url == reverse("quizzes:review", args=[attempt.pk])
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.finish_reason == FinishReason.TIME_EXPIRED and graded.score > Decimal("0")
