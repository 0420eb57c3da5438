"""`load_demo`'s question bank and quizzes: what it builds, running it again, and its review links."""

from collections import Counter

import pytest
from django.db import transaction

from courses.models import CoursePage, ModulePage
from quizzes import services
from quizzes.demo.content import read_question_bank
from quizzes.demo.loader import DemoContentError, find_module
from quizzes.models import CaseOption, Question, QuestionCategory, QuizPage, QuizQuestion, QuizRandomDraw
from tests import factories as base
from tests.courses.conftest import load_demo
from tests.quizzes.test_attempts import critical_answer, right_answer

pytestmark = pytest.mark.django_db

CONTRAINDICATIONS = "contraindications-and-client-safety"
CASE_TOPICS = {
    "fever",
    "dvt",
    "surgery",
    "pregnancy",
    "varicose veins",
    "rheumatoid arthritis",
    "low blood pressure",
    "cancer",
    "diabetes",
    "intoxication",
    "osteoporosis",
}


@pytest.fixture(scope="module")
def demo_bank(django_db_setup, django_db_blocker):
    """The whole load_demo (courses, then quizzes) once for this module, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


def counts():
    return (
        Question.objects.count(),
        CaseOption.objects.count(),
        QuestionCategory.objects.count(),
        QuizPage.objects.count(),
        QuizQuestion.objects.count(),
        QuizRandomDraw.objects.count(),
    )


def test_bank_covers_every_type_and_the_reference_contraindications(demo_bank):
    kinds = Counter(question.type_key for question in Question.objects.all())
    assert sum(kinds.values()) >= 40
    assert set(kinds) == {
        "single_choice",
        "multiple_response",
        "true_false",
        "matching",
        "ordering",
        "case_scenario",
    }
    cases = [question for question in Question.objects.all() if question.type_key == "case_scenario"]
    assert len(cases) >= 6
    topics = {tag.name for case in cases for tag in case.tags.all()} - {"case"}
    assert topics == CASE_TOPICS
    for case in cases:
        assert case.course.slug == CONTRAINDICATIONS
        options = [option for step in case.steps.all() for option in step.options.all()]
        assert any(option.is_critical for option in options), case.reference
        assert all(option.feedback for option in options)


def test_every_question_links_to_a_section_of_its_own_course(demo_bank):
    for question in Question.objects.select_related("remediation_module", "course"):
        module = question.remediation_module
        assert module is not None, question.reference
        assert module.get_parent().pk == question.course.pk
        assert question.remediation_anchor in dict(module.specific.section_anchors()), question.reference
        assert question.explanation


def test_each_course_has_a_quiz_and_contraindications_a_final_assessment(demo_bank):
    for course in CoursePage.objects.all():
        assert QuizPage.objects.live().child_of(course).exists(), course.slug
    final = QuizPage.objects.get(slug="final-assessment")
    assert final.get_parent().slug == CONTRAINDICATIONS
    assert final.counts_towards_completion and final.critical_error_fails_quiz
    assert final.time_limit_minutes == 30 and final.max_attempts == 3
    assert final.question_count == 12
    practice = QuizPage.objects.get(slug="contraindications-practice-quiz")
    assert practice.counts_towards_completion is False


def test_running_twice_adds_nothing(demo_bank):
    first = counts()
    load_demo()
    assert counts() == first


def test_running_again_repairs_edited_questions_in_place(demo_bank):
    question = Question.objects.get(reference="TS201-CASE-DVT")
    question.prompt = "Edited by hand"
    question.save()
    step = question.steps.first()
    step.options.filter(is_critical=True).delete()
    before = counts()
    load_demo()
    repaired = Question.objects.get(reference="TS201-CASE-DVT")
    assert repaired.pk == question.pk
    assert repaired.prompt != "Edited by hand"
    assert repaired.steps.first().options.filter(is_critical=True).exists()
    assert counts()[0] == before[0]


def test_a_missing_section_stops_the_load_loudly(demo_bank):
    course = CoursePage.objects.get(slug=CONTRAINDICATIONS)
    with pytest.raises(DemoContentError, match="no such section"):
        find_module(course, "circulatory-and-cardiovascular-conditions", "no-such-anchor")
    with pytest.raises(DemoContentError, match="not in"):
        find_module(course, "no-such-module", "")


def test_review_links_in_the_specs_exist(demo_bank):
    for content in read_question_bank():
        course = CoursePage.objects.get(slug=content.course_slug)
        for spec in content.questions:
            module = find_module(course, spec.module, spec.anchor)
            assert isinstance(module, ModulePage)


def test_the_final_assessment_can_be_taken_and_a_critical_error_fails_it(demo_bank):
    learner = base.user("finalist")
    final = QuizPage.objects.get(slug="final-assessment")
    attempt, _ = services.start_attempt(final, learner)
    kinds = Counter(item["type"] for item in attempt.items)
    assert len(attempt.items) == 12 and kinds["case_scenario"] == 6
    answers = {item["slot"]: right_answer(item) for item in attempt.items}
    services.save_answers(attempt.pk, learner, answers, 0)
    passed = services.submit_attempt(attempt.pk, learner, sequence=1).attempt
    assert passed.passed is True and passed.percent == 100

    second, _ = services.start_attempt(final, learner)
    answers = {
        item["slot"]: critical_answer(item) if item["type"] == "case_scenario" and index == 0 else right_answer(item)
        for index, item in enumerate(sorted(second.items, key=lambda i: i["type"] != "case_scenario"))
    }
    services.save_answers(second.pk, learner, answers, 0)
    failed = services.submit_attempt(second.pk, learner, sequence=1).attempt
    assert failed.critical_error is True and failed.passed is False
    assert failed.percent >= 80  # high enough to pass, but the critical error fails it
