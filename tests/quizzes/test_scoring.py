"""The grading rules in quizzes.scoring: every type, its edges, and properties that hold for any input."""

from decimal import Decimal
from fractions import Fraction

import pytest

from quizzes import scoring
from quizzes.scoring import AttemptOutcome, InvalidResponse, clean_response, grade_attempt, grade_question


def option(id, correct=False, feedback=""):
    return {"id": id, "text": f"Option {id}", "feedback": feedback, "correct": correct}


def single(points="1"):
    return {
        "slot": 1,
        "type": scoring.SINGLE_CHOICE,
        "points": points,
        "options": [option("a"), option("b", True), option("c")],
    }


def true_false(answer=True):
    return {
        "slot": 1,
        "type": scoring.TRUE_FALSE,
        "points": "1",
        "options": [option("true", answer), option("false", not answer)],
    }


def multiple(scoring_mode=scoring.PARTIAL, points="3"):
    return {
        "slot": 1,
        "type": scoring.MULTIPLE_RESPONSE,
        "points": points,
        "scoring": scoring_mode,
        "options": [option("a", True), option("b", True), option("c"), option("d", True), option("e")],
    }


def matching():
    return {
        "slot": 1,
        "type": scoring.MATCHING,
        "points": "4",
        "prompts": [
            {"id": "p1", "text": "Effleurage", "answer": "x1", "feedback": ""},
            {"id": "p2", "text": "Petrissage", "answer": "x2", "feedback": ""},
            {"id": "p3", "text": "Tapotement", "answer": "x3", "feedback": ""},
            {"id": "p4", "text": "Friction", "answer": "x4", "feedback": ""},
        ],
        "answers": [{"id": f"x{n}", "text": f"Answer {n}"} for n in (3, 1, 5, 4, 2)],
    }


def ordering(mode=scoring.ADJACENT, n=5):
    ids = [f"i{k}" for k in range(1, n + 1)]
    return {
        "slot": 1,
        "type": scoring.ORDERING,
        "points": "2",
        "scoring": mode,
        "items": [{"id": key, "text": key, "feedback": ""} for key in reversed(ids)],
        "correct_order": ids,
    }


def case():
    return {
        "slot": 1,
        "type": scoring.CASE_SCENARIO,
        "points": "10",
        "steps": [
            {
                "id": "s1",
                "prompt": "What do you do first?",
                "kind": "single",
                "options": [
                    {"id": "s1a", "text": "Ask", "feedback": "", "weight": "2", "critical": False},
                    {"id": "s1b", "text": "Guess", "feedback": "", "weight": "0", "critical": False},
                    {
                        "id": "s1c",
                        "text": "Massage the calf",
                        "feedback": "Could dislodge a clot",
                        "weight": "0",
                        "critical": True,
                    },
                ],
            },
            {
                "id": "s2",
                "prompt": "Which of these apply?",
                "kind": "multiple",
                "options": [
                    {"id": "s2a", "text": "Refer", "feedback": "", "weight": "1", "critical": False},
                    {"id": "s2b", "text": "Document", "feedback": "", "weight": "1", "critical": False},
                    {"id": "s2c", "text": "Deep pressure", "feedback": "", "weight": "-1", "critical": False},
                ],
            },
        ],
    }


# --- single choice and true/false -------------------------------------------------------------


def test_single_choice_right_wrong_and_unanswered():
    assert grade_question(single(), {"choice": "b"}).points == Decimal("1.00")
    wrong = grade_question(single(), {"choice": "a"})
    assert wrong.points == 0 and wrong.state == scoring.INCORRECT
    blank = grade_question(single(), {})
    assert blank.points == 0 and blank.state == scoring.UNANSWERED
    assert grade_question(single(), None).state == scoring.UNANSWERED


def test_single_choice_scales_to_question_points():
    assert grade_question(single(points="2.5"), {"choice": "b"}).points == Decimal("2.50")


def test_true_false():
    assert grade_question(true_false(False), {"choice": "false"}).state == scoring.CORRECT
    assert grade_question(true_false(False), {"choice": "true"}).state == scoring.INCORRECT


def test_single_choice_rejects_unknown_and_several_options():
    with pytest.raises(InvalidResponse):
        grade_question(single(), {"choice": "zzz"})
    with pytest.raises(InvalidResponse):
        clean_response(single(), {"choices": ["a", "b"]})
    with pytest.raises(InvalidResponse):
        clean_response(single(), {"choice": 7})


# --- multiple response -------------------------------------------------------------------------


def test_multiple_response_partial_credit():
    # three right options (a, b, d): each right one is worth 1/3, each wrong one costs 1/3
    assert grade_question(multiple(), {"choices": ["a", "b", "d"]}).points == Decimal("3.00")
    assert grade_question(multiple(), {"choices": ["a", "b"]}).points == Decimal("2.00")
    assert grade_question(multiple(), {"choices": ["a", "b", "c"]}).points == Decimal("1.00")
    assert grade_question(multiple(), {"choices": ["a", "c", "e"]}).points == Decimal("0.00")  # floored at 0
    assert grade_question(multiple(), {"choices": ["a", "c"]}).state == scoring.INCORRECT


def test_multiple_response_every_option_chosen():
    every = {"choices": ["a", "b", "c", "d", "e"]}
    assert grade_question(multiple(), every).points == Decimal("1.00")  # 3/3 − 2/3
    assert grade_question(multiple(scoring.ALL_OR_NOTHING), every).points == 0


def test_multiple_response_all_or_nothing():
    assert grade_question(multiple(scoring.ALL_OR_NOTHING), {"choices": ["d", "a", "b"]}).points == Decimal("3.00")
    assert grade_question(multiple(scoring.ALL_OR_NOTHING), {"choices": ["a", "b"]}).points == 0


def test_multiple_response_rejects_unknown_and_duplicate_ids():
    with pytest.raises(InvalidResponse):
        grade_question(multiple(), {"choices": ["a", "nope"]})
    with pytest.raises(InvalidResponse):
        clean_response(multiple(), {"choices": ["a", "a"]})
    with pytest.raises(InvalidResponse):
        clean_response(multiple(), {"choices": "a"})


# --- matching ----------------------------------------------------------------------------------


def test_matching_credit_per_correct_pair():
    result = grade_question(matching(), {"matches": {"p1": "x1", "p2": "x2", "p3": "x5"}})
    assert result.points == Decimal("2.00")
    assert [part.correct for part in result.parts] == [True, True, False, False]
    assert result.state == scoring.PARTIALLY_CORRECT


def test_matching_all_right_and_nothing():
    full = {"matches": {f"p{n}": f"x{n}" for n in range(1, 5)}}
    assert grade_question(matching(), full).state == scoring.CORRECT
    assert grade_question(matching(), {"matches": {}}).state == scoring.UNANSWERED
    # A blank choice for a prompt is simply not answered.
    assert clean_response(matching(), {"matches": {"p1": ""}}) == {}


def test_matching_rejects_unknown_prompt_or_answer():
    with pytest.raises(InvalidResponse):
        clean_response(matching(), {"matches": {"p9": "x1"}})
    with pytest.raises(InvalidResponse):
        clean_response(matching(), {"matches": {"p1": "x9"}})
    with pytest.raises(InvalidResponse):
        clean_response(matching(), {"matches": ["p1", "x1"]})


# --- ordering ----------------------------------------------------------------------------------


def test_ordering_exact_sequence_scores_full_in_every_mode():
    for mode in (scoring.ALL_OR_NOTHING, scoring.POSITION, scoring.ADJACENT):
        assert grade_question(ordering(mode), {"order": ["i1", "i2", "i3", "i4", "i5"]}).points == Decimal("2.00")


def test_ordering_one_item_moved():
    # The first step moved to the end: every item is out of position, but three of four pairs hold.
    moved = {"order": ["i2", "i3", "i4", "i5", "i1"]}
    assert grade_question(ordering(scoring.ALL_OR_NOTHING), moved).points == 0
    assert grade_question(ordering(scoring.POSITION), moved).points == 0
    assert grade_question(ordering(scoring.ADJACENT), moved).points == Decimal("1.50")


def test_ordering_swapped_neighbours():
    swapped = {"order": ["i2", "i1", "i3", "i4", "i5"]}
    assert grade_question(ordering(scoring.POSITION), swapped).points == Decimal("1.20")  # 3 of 5 in place
    assert grade_question(ordering(scoring.ADJACENT), swapped).points == Decimal("1.00")  # 2 of 4 pairs


def test_ordering_reversed_scores_nothing_by_pairs():
    result = grade_question(ordering(scoring.ADJACENT), {"order": ["i5", "i4", "i3", "i2", "i1"]})
    assert result.points == 0 and result.state == scoring.INCORRECT


def test_ordering_credit_flags_each_position():
    credit, flags = scoring.ordering_credit(["b", "c", "a"], ["a", "b", "c"], scoring.ADJACENT)
    assert credit == Fraction(1, 2)
    assert flags == [True, True, False]


def test_ordering_must_place_every_item_once():
    with pytest.raises(InvalidResponse):
        clean_response(ordering(), {"order": ["i1", "i2"]})
    with pytest.raises(InvalidResponse):
        clean_response(ordering(), {"order": ["i1", "i1", "i2", "i3", "i4"]})
    with pytest.raises(InvalidResponse):
        clean_response(ordering(), {"order": ["i1", "i2", "i3", "i4", "x"]})


# --- case scenario ----------------------------------------------------------------------------


def test_case_scenario_weights():
    best = grade_question(case(), {"steps": {"s1": ["s1a"], "s2": ["s2a", "s2b"]}})
    assert best.points == Decimal("10.00") and best.state == scoring.CORRECT
    # step 1: 2 of 2; step 2: 1 + 1 − 1 = 1 of 2 → 3 of 4
    partial = grade_question(case(), {"steps": {"s1": ["s1a"], "s2": ["s2a", "s2b", "s2c"]}})
    assert partial.points == Decimal("7.50")
    # a negative weight never takes a step below zero
    floored = grade_question(case(), {"steps": {"s1": ["s1b"], "s2": ["s2c"]}})
    assert floored.points == 0


def test_case_scenario_critical_error_zeroes_the_whole_scenario():
    result = grade_question(case(), {"steps": {"s1": ["s1c"], "s2": ["s2a", "s2b"]}})
    assert result.points == 0
    assert result.critical is True
    assert result.parts[0].critical is True
    assert result.state == scoring.INCORRECT


def test_case_scenario_rejects_forged_steps_and_options():
    with pytest.raises(InvalidResponse):
        clean_response(case(), {"steps": {"s9": ["s1a"]}})
    with pytest.raises(InvalidResponse):
        clean_response(case(), {"steps": {"s1": ["s2a"]}})  # an option of another step
    with pytest.raises(InvalidResponse):
        clean_response(case(), {"steps": {"s1": ["s1a", "s1b"]}})  # two answers to a single-choice step


def test_case_scenario_every_option_chosen_in_the_multiple_step():
    result = grade_question(case(), {"steps": {"s2": ["s2a", "s2b", "s2c"]}})
    assert result.points == Decimal("2.50")  # step 1 unanswered (0 of 2), step 2: 1 of 2


# --- shapes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "b",
        ["b"],
        {"choice": "b", "extra": 1},
        {"choice": {"nested": True}},
        {"choice": "x" * 500},
    ],
)
def test_malformed_responses_are_rejected(raw):
    with pytest.raises(InvalidResponse):
        clean_response(single(), raw)


def test_oversized_lists_are_rejected():
    with pytest.raises(InvalidResponse):
        clean_response(multiple(), {"choices": [f"o{n}" for n in range(1000)]})


# --- attempts and quiz grades ------------------------------------------------------------------


def test_grade_attempt_totals_and_percent():
    items = [dict(single(), slot=1), dict(multiple(), slot=2), dict(case(), slot=3)]
    result = grade_attempt(items, {"1": {"choice": "b"}, "2": {"choices": ["a"]}, "3": {}})
    assert result.score == Decimal("2.00")
    assert result.max_score == Decimal("14")
    assert result.percent == Decimal("14.29")
    assert result.critical is False


def test_grade_attempt_with_nothing_answered():
    items = [dict(single(), slot=1), dict(ordering(), slot=2)]
    result = grade_attempt(items, {})
    assert result.score == 0 and result.percent == 0
    assert {question.state for question in result.questions} == {scoring.UNANSWERED}


def test_attempt_passed_rules():
    assert scoring.attempt_passed(Decimal("70"), 70, critical=False, critical_fails_quiz=True)
    assert not scoring.attempt_passed(Decimal("69.99"), 70, critical=False, critical_fails_quiz=True)
    assert not scoring.attempt_passed(Decimal("95"), 70, critical=True, critical_fails_quiz=True)
    assert scoring.attempt_passed(Decimal("95"), 70, critical=True, critical_fails_quiz=False)


def outcomes():
    return [
        AttemptOutcome(1, Decimal("60"), False),
        AttemptOutcome(2, Decimal("90"), False, critical_failure=True),
        AttemptOutcome(3, Decimal("75"), True),
        AttemptOutcome(4, Decimal("50"), False),
    ]


def test_quiz_grade_methods():
    assert scoring.quiz_grade(scoring.FIRST, outcomes(), 70) == scoring.QuizGrade(Decimal("60"), False, 4)
    assert scoring.quiz_grade(scoring.LATEST, outcomes(), 70) == scoring.QuizGrade(Decimal("50"), False, 4)
    # A passing attempt outranks a higher-scoring one failed by a critical error.
    assert scoring.quiz_grade(scoring.HIGHEST, outcomes(), 70) == scoring.QuizGrade(Decimal("75"), True, 4)
    assert scoring.quiz_grade(scoring.AVERAGE, outcomes(), 70) == scoring.QuizGrade(Decimal("68.75"), False, 4)
    assert scoring.quiz_grade(scoring.AVERAGE, outcomes()[:3], 70).passed is True
    assert scoring.quiz_grade(scoring.AVERAGE, outcomes()[:2], 70).passed is False  # latest unsafe
    assert scoring.quiz_grade(scoring.HIGHEST, [], 70) == scoring.QuizGrade(None, False, 0)
