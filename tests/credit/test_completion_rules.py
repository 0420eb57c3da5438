"""Course completion as a pure function: modules, quizzes, home study's test, live attendance, study time."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit.completion import CourseRequirements, LearnerState, counted_seconds, decide, minutes_short


def course(modules=(1, 2, 3), quizzes=(10,), delivery="on_demand"):
    return CourseRequirements.build(modules, quizzes, delivery)


def learner(done=(), passed=(), attended=False):
    return LearnerState.build(done, passed, attended=attended)


def test_complete_when_every_module_is_done_and_the_test_passed():
    decision = decide(course(), learner(done=(1, 2, 3), passed=(10,)))
    assert decision.complete
    assert (decision.steps_done, decision.steps_total, decision.percent) == (4, 4, 100)


def test_not_complete_while_a_module_is_missing():
    decision = decide(course(), learner(done=(1, 3), passed=(10,)))
    assert not decision.complete
    assert decision.missing_module_ids == {2}
    assert decision.percent == 75


def test_required_quiz_must_be_passed():
    requirements = course(quizzes=(10,))
    assert not decide(requirements, learner(done=(1, 2, 3))).complete
    assert decide(requirements, learner(done=(1, 2, 3), passed=(10,))).complete
    assert decide(requirements, learner(done=(1, 2, 3))).missing_quiz_ids == {10}


def test_passing_other_quizzes_does_not_count():
    assert not decide(course(quizzes=(10,)), learner(done=(1, 2, 3), passed=(11,))).complete


def test_home_study_without_a_test_can_never_award_credit():
    requirements = course(quizzes=())
    decision = decide(requirements, learner(done=(1, 2, 3)))
    assert not decision.complete
    assert not decision.can_award_credit
    assert requirements.needs_test and not requirements.tested


def test_home_study_with_a_passed_test_completes():
    decision = decide(course(quizzes=(10,), delivery="on_demand"), learner(done=(1, 2, 3), passed=(10,)))
    assert decision.complete and decision.can_award_credit


def test_a_course_with_nothing_in_it_is_never_complete():
    decision = decide(course(modules=(), quizzes=()), learner())
    assert not decision.complete
    assert decision.percent == 0


@pytest.mark.parametrize("delivery", ["live_on_site", "live_webinar"])
def test_a_live_course_completes_on_attendance_not_module_clicks(delivery):
    requirements = course(quizzes=(), delivery=delivery)
    assert requirements.needs_attendance and not requirements.module_ids
    clicked = decide(requirements, learner(done=(1, 2, 3)))
    assert not clicked.complete and clicked.missing_attendance
    assert decide(requirements, learner(attended=True)).complete


def test_a_live_course_with_a_counting_quiz_needs_attendance_and_the_quiz():
    requirements = course(modules=(), quizzes=(5,), delivery="live_on_site")
    assert not decide(requirements, learner(passed=(5,))).complete
    assert not decide(requirements, learner(attended=True)).complete
    decision = decide(requirements, learner(passed=(5,), attended=True))
    assert decision.complete and (decision.steps_done, decision.steps_total) == (2, 2)


@given(
    modules=st.sets(st.integers(1, 30), max_size=8),
    quizzes=st.sets(st.integers(100, 130), max_size=3),
    done=st.sets(st.integers(1, 30)),
    passed=st.sets(st.integers(100, 130)),
    delivery=st.sampled_from(["on_demand", "live_webinar", "live_on_site"]),
    attended=st.booleans(),
)
def test_completion_is_exactly_all_requirements_met(modules, quizzes, done, passed, delivery, attended):
    decision = decide(course(modules, quizzes, delivery), learner(done, passed, attended))
    if delivery == "on_demand":
        all_met = modules <= done and quizzes <= passed and bool(quizzes)
        steps_done = len(modules & done) + len(quizzes & passed)
    else:  # live: attendance and the counting quizzes; modules are preparation
        all_met = attended and quizzes <= passed
        steps_done = len(quizzes & passed) + int(attended)
    assert decision.complete == all_met
    assert 0 <= decision.percent <= 100
    assert decision.steps_done == steps_done


@pytest.mark.parametrize(
    ("seconds", "minimum", "short"),
    [(0, 0, 0), (0, 10, 10), (599, 10, 1), (600, 10, 0), (61, 2, 1), (59, 1, 1), (3600, 5, 0), (-5, 1, 1)],
)
def test_minutes_short(seconds, minimum, short):
    assert minutes_short(seconds, minimum) == short


@pytest.mark.parametrize(("gap", "counted"), [(None, 0), (0, 0), (-3, 0), (45.7, 45), (1800, 1800), (7200, 1800)])
def test_idle_time_is_capped(gap, counted):
    assert counted_seconds(gap, max_gap_seconds=1800) == counted
