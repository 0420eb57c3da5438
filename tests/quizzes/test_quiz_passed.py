"""The `passed` that `quiz_attempt_graded` carries (the learner's grade for the quiz, which credit's completion
acts on) is what the quiz's grading method gives over every graded attempt, whichever shortcut grading took."""

import pytest

from quizzes import selectors, services
from tests.quizzes import factories
from tests.quizzes.test_attempts import answer_all, right_answer

pytestmark = pytest.mark.django_db


# Fail and pass in an order that changes the grade under every method.
OUTCOMES = [False, True, False, False, True, True, False]


@pytest.mark.parametrize("method", ["highest", "latest", "first", "average"])
@pytest.mark.parametrize("outcomes", [OUTCOMES, [not outcome for outcome in OUTCOMES]])
def test_the_signal_carries_the_quizs_grade_after_every_attempt(
    course, learner, questions, graded_signals, method, outcomes
):
    quiz = factories.quiz(course, questions=questions, grading_method=method, pass_mark=80)
    for number, passes in enumerate(outcomes, start=1):
        attempt, created = services.start_attempt(quiz, learner)
        assert created and attempt.number == number
        if passes:
            answer_all(attempt, learner, pick=right_answer)
        services.submit_attempt(attempt.pk, learner, sequence=attempt.sequence)
        assert graded_signals[-1]["attempt"].passed is passes
        assert graded_signals[-1]["passed"] is selectors.quiz_result(learner, quiz).passed
    assert len(graded_signals) == len(outcomes)
