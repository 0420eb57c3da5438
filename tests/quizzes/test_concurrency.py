"""Real concurrency: several threads, each with its own database connection, hit the same attempt at once."""

import threading

import pytest

from quizzes import services
from quizzes.models import QuestionVersion, QuizAttempt
from quizzes.signals import quiz_attempt_graded
from tests import factories as base
from tests.baseline import ensure_baseline
from tests.concurrency import run_together
from tests.quizzes import factories
from tests.quizzes.test_attempts import right_answer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setup():
    ensure_baseline()
    course = base.course(title="Contraindications and Client Safety")
    quiz = factories.quiz(course, questions=factories.one_of_each(course))
    learner = base.user("concurrent")
    return quiz, learner


def test_two_threads_submitting_the_same_attempt_give_one_graded_result(setup):
    quiz, learner = setup
    attempt, _ = services.start_attempt(quiz, learner)
    services.save_answers(attempt.pk, learner, {item["slot"]: right_answer(item) for item in attempt.items}, 0)
    signals = []
    lock = threading.Lock()

    def receiver(sender, attempt, **kwargs):
        with lock:
            signals.append(attempt.pk)

    quiz_attempt_graded.connect(receiver)
    try:
        results = run_together(2, lambda _: services.submit_attempt(attempt.pk, learner, sequence=1))
    finally:
        quiz_attempt_graded.disconnect(receiver)
    assert all(isinstance(result, services.SubmitResult) for result in results), results
    assert sorted(result.already_graded for result in results) == [False, True]
    assert signals == [attempt.pk]
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert graded.status == "graded" and graded.percent == 100


def test_two_tabs_saving_from_the_same_page_keep_one_answer(setup):
    quiz, learner = setup
    attempt, _ = services.start_attempt(quiz, learner)
    results = run_together(
        2, lambda index: services.save_answers(attempt.pk, learner, {3: {"choice": ["true", "false"][index]}}, 0)
    )
    saved = [result for result in results if isinstance(result, services.SaveResult)]
    refused = [result for result in results if isinstance(result, services.StaleAnswer)]
    assert len(saved) == 1 and len(refused) == 1, results
    answer = attempt.answers.get(slot=3)
    assert answer.response == {"choice": ["true", "false"][results.index(saved[0])]}
    assert QuizAttempt.objects.get(pk=attempt.pk).sequence == 1


def test_simultaneous_starts_make_one_attempt(setup):
    quiz, learner = setup
    results = run_together(3, lambda _: services.start_attempt(quiz, learner))
    assert all(isinstance(result, tuple) for result in results), results
    assert len({attempt.pk for attempt, _ in results}) == 1
    assert QuizAttempt.objects.filter(quiz=quiz, user=learner).count() == 1


def test_saving_while_submitting_never_changes_a_graded_attempt(setup):
    quiz, learner = setup
    attempt, _ = services.start_attempt(quiz, learner)

    def work(index):
        if index == 0:
            return services.submit_attempt(attempt.pk, learner, sequence=0)
        return services.save_answers(attempt.pk, learner, {3: {"choice": "true"}}, 0)

    results = run_together(2, work)
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    answer = graded.answers.get(slot=3)
    if isinstance(results[1], services.SaveResult):
        # The save went first, so the submit (made from an older page) was asked to confirm again.
        assert isinstance(results[0], services.StaleAnswer) and graded.is_open
    else:
        assert isinstance(results[1], services.AttemptClosed)
        assert answer.response == {} and answer.state == "unanswered"


def test_gradings_meeting_new_versions_at_once_share_and_number_them(setup):
    """Two learners saw different versions of one question and the same version of the others; both are
    graded at once: the shared versions are created once, the two of the edited one are numbered 1 and 2."""
    quiz, first = setup
    second = base.user("concurrent-2")
    edited = quiz.question_links.order_by("sort_order").first().question
    before, _ = services.start_attempt(quiz, first)
    edited.prompt = "Edited: which is right?"
    edited.save()
    after, _ = services.start_attempt(quiz, second)
    for attempt, learner in ((before, first), (after, second)):
        services.save_answers(attempt.pk, learner, {item["slot"]: right_answer(item) for item in attempt.items}, 0)
    pairs = [(before, first), (after, second)]
    results = run_together(2, lambda index: services.submit_attempt(pairs[index][0].pk, pairs[index][1], sequence=1))
    assert all(isinstance(result, services.SubmitResult) for result in results), results
    count = len(before.items)
    assert QuestionVersion.objects.count() == count + 1
    assert sorted(QuestionVersion.objects.filter(question=edited).values_list("number", flat=True)) == [1, 2]
    for attempt in (before, after):
        assert attempt.answers.filter(version__isnull=False).count() == count
