"""quiz_statistics end to end: real attempts taken and graded through quizzes.services, the figures checked
against numpy and scipy computing the textbook formulas on the same response matrix."""

import math
import random
from datetime import UTC, date, datetime
from decimal import Decimal

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from scipy import stats

from quizzes import services
from quizzes.models import AttemptAnswer, QuizAttempt
from quizzes.statistics import ALL, FIRST, GRADED, LAST, questions_to_review, quiz_statistics
from tests import factories as base
from tests.quizzes import factories
from tests.quizzes.test_attempts import critical_answer, right_answer

pytestmark = pytest.mark.django_db

SC_TEXTS = ["Right", "Wrong", "Also wrong"]


def pick(choices):
    """A pick for answer_all: ``choices`` maps question id to the option texts to choose (others: right)."""

    def answer(item):
        texts = choices.get(item["question_id"])
        if texts is None or "options" not in item:
            return right_answer(item)
        ids = [option["id"] for option in item["options"] if option["text"] in texts]
        if item["type"] == "multiple_response":
            return {"choices": ids}
        return {"choice": ids[0]} if ids else {}

    return answer


def take(quiz, user, choices, *, when=None):
    attempt, _ = services.start_attempt(quiz, user, now=when)
    answer = pick(choices)
    services.save_answers(attempt.pk, user, {item["slot"]: answer(item) for item in attempt.items}, 0, now=when)
    return services.submit_attempt(attempt.pk, user, sequence=1, now=when).attempt


def build_quiz(course, **fields):
    questions = [
        factories.single_choice(),
        factories.single_choice(),
        factories.single_choice(),
        factories.multiple_response(),
        factories.true_false(),
    ]
    return factories.quiz(course, questions=questions, counts_towards_completion=False, **fields), questions


def random_choices(questions, rng, ability):
    choices = {}
    for question in questions:
        if question.type_key == "multiple_response":
            choices[question.pk] = [text for text in "ABCD" if (rng.random() < ability) == (text in "AB")]
        elif question.type_key == "true_false":
            choices[question.pk] = ["True" if rng.random() < ability else "False"]
        else:
            choices[question.pk] = [SC_TEXTS[0] if rng.random() < ability else rng.choice(SC_TEXTS[1:])]
    return choices


def textbook_alpha(matrix):
    k = matrix.shape[1]
    return k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / matrix.sum(axis=1).var(ddof=1))


def thirds(percents):
    ordered = sorted(percents)
    size = math.ceil(len(ordered) / 3)
    return ordered[size - 1], ordered[len(ordered) - size]


def chose_option(choices, question, option):
    texts = choices.get(question.question_id)
    return option.correct if texts is None else option.text in texts  # not in choices: answered right


def check_against_numpy(result, attempt_ids, choices_by_attempt):
    """Every figure of ``result`` recomputed from the graded answers of ``attempt_ids``."""
    attempts = {a.pk: a for a in QuizAttempt.objects.filter(pk__in=attempt_ids)}
    percent = np.array([float(a.percent) for a in attempts.values()])
    assert result.attempts == len(attempts)
    assert float(result.mean) == pytest.approx(percent.mean(), abs=0.006)
    assert float(result.median) == pytest.approx(np.median(percent), abs=0.006)
    assert float(result.sd) == pytest.approx(percent.std(ddof=1), abs=0.006)
    assert result.pass_rate == pytest.approx(100 * np.mean([a.passed for a in attempts.values()]))
    answers = list(AttemptAnswer.objects.filter(attempt_id__in=attempt_ids).order_by("attempt_id", "slot"))
    # Reliability is over questions (not positions), when every attempt answered the same questions.
    questions = sorted({answer.question_id for answer in answers})
    ids = sorted(attempts)
    matrix = np.zeros((len(ids), len(questions)))
    for answer in answers:
        matrix[ids.index(answer.attempt_id), questions.index(answer.question_id)] = float(answer.points)
    if len(answers) == len(ids) * len(questions):
        assert result.reliability == pytest.approx(textbook_alpha(matrix))
        assert result.sem == pytest.approx(percent.std(ddof=1) * math.sqrt(1 - textbook_alpha(matrix)))
    else:
        assert result.reliability is None  # random draws: the attempts don't share their questions
    low, high = thirds([attempt.percent for attempt in attempts.values()])  # exact decimals, as stored
    for question in result.questions:
        rows = [answer for answer in answers if answer.version_id == question.version_id]
        item = np.array([float(answer.points) for answer in rows])
        rest = np.array([float(attempts[answer.attempt_id].score) for answer in rows]) - item
        top = float(rows[0].max_points)
        assert question.answers == len(rows)
        assert question.slot_numbers == sorted({answer.slot for answer in rows})
        assert question.facility == pytest.approx(100 * item.mean() / top)
        if len(rows) > 1:
            assert question.sd == pytest.approx(100 * item.std(ddof=1) / top)
        else:  # a question drawn once has no sample SD
            assert question.sd is None and question.discriminative_efficiency is None
        if item.std() and rest.std():
            assert question.discrimination == pytest.approx(100 * stats.pearsonr(item, rest).statistic)
            cov_max = np.cov(np.sort(item), np.sort(rest), ddof=1)[0, 1]
            assert question.discriminative_efficiency == pytest.approx(100 * np.cov(item, rest)[0, 1] / cov_max)
        else:
            assert question.discrimination is None
        for step in question.steps:
            for option in step.options:
                chose = [a for a in rows if chose_option(choices_by_attempt[a.attempt_id], question, option)]
                assert option.chosen == len(chose), option
                assert option.share == pytest.approx(len(chose) / len(rows))
                in_top = [a for a in rows if attempts[a.attempt_id].percent >= high]
                in_bottom = [a for a in rows if attempts[a.attempt_id].percent <= low]
                if low < high and in_top:
                    expected = len([a for a in chose if a in in_top]) / len(in_top)
                    assert option.share_top == pytest.approx(expected)
                if low < high and in_bottom:
                    expected = len([a for a in chose if a in in_bottom]) / len(in_bottom)
                    assert option.share_bottom == pytest.approx(expected)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_quiz_taken_by_fifteen_learners_matches_numpy(course, seed):
    quiz, questions = build_quiz(course)
    rng = random.Random(seed)
    choices_by_attempt = {}
    for index in range(15):
        choices = random_choices(questions, rng, ability=(index + 1) / 16)
        attempt = take(quiz, base.user(f"learner-{seed}-{index}"), choices)
        choices_by_attempt[attempt.pk] = choices
    result = quiz_statistics(quiz=quiz, attempts=ALL)
    assert result.reliability_name == "Cronbach's α"  # the multiple response question gives partial credit
    assert sum(count for _, count in result.score_distribution) == 15
    assert [question.question_id for question in result.questions] == [question.pk for question in questions]
    assert all(question.version_count == 1 and question.edit_url for question in result.questions)
    assert str(questions[0].pk) in result.questions[0].edit_url
    check_against_numpy(result, list(choices_by_attempt), choices_by_attempt)


def test_a_shuffled_quiz_is_reliable_per_question_not_per_position(course):
    # Each attempt shows the questions in its own order: α is over the questions, whatever their position
    # (per position, a question's score would be mixed with the others', as the demo's final assessment was).
    quiz, questions = build_quiz(course, shuffle_questions=True)
    rng = random.Random(3)
    choices_by_attempt = {}
    for index in range(15):
        choices = random_choices(questions, rng, ability=(index + 1) / 16)
        attempt = take(quiz, base.user(f"shuffled-{index}"), choices)
        choices_by_attempt[attempt.pk] = choices
    orders = {tuple(item["question_id"] for item in attempt.items) for attempt in QuizAttempt.objects.filter(quiz=quiz)}
    assert len(orders) > 1  # shuffled
    result = quiz_statistics(quiz=quiz, attempts=ALL)
    assert result.reliability is not None
    check_against_numpy(result, list(choices_by_attempt), choices_by_attempt)


def test_random_draws_analyse_each_question_over_the_attempts_that_saw_it(course):
    pool = factories.category("Draw pool")
    drawn = [factories.single_choice(category=pool) for _ in range(5)]
    fixed = factories.true_false()
    quiz = factories.quiz(course, questions=[fixed], draws=[(pool, 2)], counts_towards_completion=False)
    rng = random.Random(7)
    choices_by_attempt = {}
    for index in range(12):
        choices = random_choices([fixed, *drawn], rng, 0.6)
        attempt = take(quiz, base.user(f"drawer-{index}"), choices)
        choices_by_attempt[attempt.pk] = choices
    result = quiz_statistics(quiz=quiz, attempts=ALL)
    seen = [question for question in result.questions if question.question_id in {q.pk for q in drawn}]
    assert seen and all(question.answers < 12 for question in seen)
    assert sum(question.answers for question in seen) == 24
    check_against_numpy(result, list(choices_by_attempt), choices_by_attempt)


def test_an_edited_question_is_analysed_per_version(course):
    quiz, questions = build_quiz(course)
    choices_by_attempt = {}
    for index in range(4):
        choices = {questions[0].pk: [SC_TEXTS[index % 2]]}
        choices_by_attempt[take(quiz, base.user(f"before-{index}"), choices).pk] = choices
    questions[0].prompt = "Which is right, now?"
    questions[0].save()
    for index in range(3):
        choices = {questions[0].pk: [SC_TEXTS[2]]}
        choices_by_attempt[take(quiz, base.user(f"after-{index}"), choices).pk] = choices
    result = quiz_statistics(quiz=quiz, attempts=ALL)
    edited = [question for question in result.questions if question.question_id == questions[0].pk]
    assert [(q.version_number, q.version_count, q.answers) for q in edited] == [(1, 2, 4), (2, 2, 3)]
    assert edited[1].title == "Which is right, now?" and edited[1].facility == 0
    assert edited[0].facility == 50
    check_against_numpy(result, list(choices_by_attempt), choices_by_attempt)


def test_attempt_choices_and_date_range(course):
    quiz, questions = build_quiz(course, max_attempts=5)
    day = [datetime(2026, 3, d, 12, tzinfo=UTC) for d in (1, 2, 3)]
    wrong = {question.pk: ["Wrong", "C", "False"] for question in questions}
    ann, bo = base.user("ann"), base.user("bo")
    ann_1 = take(quiz, ann, wrong, when=day[0])  # 0 %
    ann_2 = take(quiz, ann, {}, when=day[1])  # 100 %
    ann_3 = take(quiz, ann, wrong, when=day[2])  # 0 %
    bo_1 = take(quiz, bo, {}, when=day[0])
    bo_2 = take(quiz, bo, wrong, when=day[2])

    def chosen(choice, **dates):
        result = quiz_statistics(quiz=quiz, attempts=choice, **dates)
        return result.attempts, result.mean

    assert chosen(ALL) == (5, Decimal("40.00"))
    assert chosen(FIRST) == (2, Decimal("50.00"))  # ann_1 and bo_1
    assert chosen(LAST) == (2, Decimal("0.00"))  # ann_3 and bo_2
    assert chosen(GRADED) == (2, Decimal("100.00"))  # highest: ann_2 and bo_1 (the earliest of equals)
    assert chosen(ALL, since=date(2026, 3, 2)) == (3, Decimal("33.33"))
    assert chosen(ALL, since=date(2026, 3, 1), until=date(2026, 3, 1)) == (2, Decimal("50.00"))
    assert chosen(FIRST, since=date(2026, 3, 2)) == (0, None)
    for method, expected in (
        ("latest", (2, Decimal("0.00"))),
        ("first", (2, Decimal("50.00"))),
        ("average", (5, Decimal("40.00"))),
    ):
        quiz.grading_method = method
        assert chosen(GRADED) == expected, method
    assert {ann_1.pk, ann_2.pk, ann_3.pk, bo_1.pk, bo_2.pk}
    with pytest.raises(ValueError):
        quiz_statistics(quiz=quiz, attempts="best")


def flagged_quiz(course):
    """Twelve learners: four strong, eight weak. Question 0 everyone gets right, question 1 only one
    learner; on question 2 the strong ones fall for "Also wrong" while the weak ones choose "Right"."""
    quiz, questions = build_quiz(course)
    easy, hard, trap, *others = questions
    for index in range(12):
        strong = index < 4
        choices = {
            easy.pk: ["Right"],
            hard.pk: ["Right" if index == 0 else "Wrong"],
            trap.pk: ["Also wrong" if strong else "Right"],
            **{
                question.pk: (["Right", "A", "B", "True"] if strong else ["Wrong", "C", "False"]) for question in others
            },
        }
        take(quiz, base.user(f"flag-{index}"), choices)
    return quiz, questions


def test_flags(course):
    quiz, (easy, hard, trap, *_) = flagged_quiz(course)
    result = quiz_statistics(quiz=quiz)
    codes = {question.question_id: sorted(flag.code for flag in question.flags) for question in result.questions}
    assert codes[easy.pk] == ["easy"]
    assert codes[hard.pk] == ["hard"]
    assert codes[trap.pk] == ["discrimination", "distractor"]
    trap_stats = next(question for question in result.questions if question.question_id == trap.pk)
    assert "Also wrong" in next(flag.message for flag in trap_stats.flags if flag.code == "distractor")
    assert result.flagged == [question for question in result.questions if question.flags]


def test_questions_to_review_is_cached_until_the_next_graded_attempt(course):
    quiz, (easy, *_) = flagged_quiz(course)
    first = questions_to_review(quizzes=[quiz])
    assert {question.question_id for _, question in first} >= {easy.pk}
    with CaptureQueriesContext(connection) as cached:
        assert questions_to_review(quizzes=[quiz]) == first
    assert len(cached) == 1
    take(quiz, base.user("late"), {easy.pk: ["Wrong"]})
    with CaptureQueriesContext(connection) as renewed:
        again = questions_to_review(quizzes=[quiz])
    assert len(renewed) > 1
    assert next(q for _, q in again if q.question_id == easy.pk).answers == 13


def test_queries_do_not_grow_with_questions_or_attempts(course):
    def count(questions, learners):
        kinds = [factories.single_choice, factories.multiple_response, factories.case_scenario, factories.ordering]
        quiz = factories.quiz(
            course, questions=[kinds[i % 4]() for i in range(questions)], counts_towards_completion=False
        )
        for index in range(learners):
            take(quiz, base.user(f"q{questions}-{index}"), {})
        with CaptureQueriesContext(connection) as captured:
            quiz_statistics(quiz=quiz)
        return len(captured)

    small = count(4, 3)
    assert small == count(8, 7)
    # The chosen attempts' totals, the median and thirds, the answers grouped by position and score, the
    # versions, per version (its sums and score counts together), the option counts, the critical options'
    # answers.
    assert small == 7


def test_case_scenario_steps_and_their_critical_rate(course):
    case = factories.case_scenario()
    quiz = factories.quiz(course, questions=[case, factories.true_false()], counts_towards_completion=False)
    for index in range(5):
        user = base.user(f"case-{index}")
        attempt, _ = services.start_attempt(quiz, user)
        case_pick = critical_answer if index < 2 else right_answer
        answers = {
            item["slot"]: case_pick(item) if item["type"] == "case_scenario" else right_answer(item)
            for item in attempt.items
        }
        services.save_answers(attempt.pk, user, answers, 0)
        services.submit_attempt(attempt.pk, user, sequence=1)
    result = quiz_statistics(quiz=quiz)
    assert result.critical_error_rate == 40
    stats_of_case = next(question for question in result.questions if question.question_id == case.pk)
    first, second = stats_of_case.steps
    assert (first.number, second.number) == (1, 2)
    assert first.critical_rate == pytest.approx(2 / 5) and second.critical_rate is None
    critical = next(option for option in first.options if option.critical)
    assert critical.chosen == 2 and not critical.correct
    assert sorted((option.text, option.correct, option.chosen) for option in second.options) == [
        ("A diagnosis of DVT", False, 0),
        ("That you advised a medical check", True, 5),
        ("What you saw and felt", True, 5),
    ]


def test_the_choice_constants_are_the_same_in_both_modules():
    from quizzes import statistics, statistics_queries

    assert [c for c, _ in statistics.ATTEMPT_CHOICES] == [
        statistics_queries.FIRST,  # the default, listed first
        statistics_queries.GRADED,
        statistics_queries.LAST,
        statistics_queries.ALL,
    ]


def test_no_attempts_gives_empty_statistics(course):
    quiz, _ = build_quiz(course)
    result = quiz_statistics(quiz=quiz)
    assert result.attempts == 0 and result.mean is None and result.questions == []
    assert [band for band, _ in result.score_distribution] == list(range(0, 100, 10))


def test_a_graded_row_without_a_score_is_left_out_rather_than_breaking_the_report(course):
    """Grading always stores a score; a graded row without one (by hand, or an import) is not analysed."""
    quiz = factories.quiz(course, questions=[factories.true_false()])
    now = datetime.now(UTC)
    for _ in range(4):
        QuizAttempt.objects.create(
            quiz=quiz, user=base.user(), number=1, status="graded", started_at=now, submitted_at=now, pass_mark=70,
            passed=False,
        )  # fmt: skip
    assert quiz_statistics(quiz=quiz).attempts == 0
    assert questions_to_review(quizzes=[quiz]) == []
