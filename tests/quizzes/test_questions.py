"""The question bank models: snapshots per type, opaque ids, tags, and what a preview shows."""

import re

import pytest

from quizzes import scoring
from quizzes.models import MatchingPair, Question, SingleChoiceQuestion
from quizzes.snapshot import public_item
from tests.quizzes import factories

pytestmark = pytest.mark.django_db


def test_polymorphic_bank_returns_each_type(questions):
    types = {type(question).__name__ for question in Question.objects.all()}
    assert types == {
        "SingleChoiceQuestion",
        "MultipleResponseQuestion",
        "TrueFalseQuestion",
        "MatchingQuestion",
        "OrderingQuestion",
        "CaseScenarioQuestion",
    }


def test_every_type_snapshot_grades_full_marks_with_its_own_key(questions):
    for question in Question.objects.all():
        item = question.to_item(1, shuffle_options=True)
        kind = item["type"]
        if kind in (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE):
            response = {"choice": next(o["id"] for o in item["options"] if o["correct"])}
        elif kind == scoring.MULTIPLE_RESPONSE:
            response = {"choices": [o["id"] for o in item["options"] if o["correct"]]}
        elif kind == scoring.MATCHING:
            response = {"matches": {p["id"]: p["answer"] for p in item["prompts"]}}
        elif kind == scoring.ORDERING:
            response = {"order": item["correct_order"]}
        else:
            response = {
                "steps": {
                    step["id"]: [max(step["options"], key=lambda o: float(o["weight"]) - 100 * o["critical"])["id"]]
                    if step["kind"] == "single"
                    else [o["id"] for o in step["options"] if float(o["weight"]) > 0]
                    for step in item["steps"]
                }
            }
        result = scoring.grade_question(item, response)
        assert result.state == scoring.CORRECT, kind
        assert result.points == question.points


def test_option_ids_are_per_attempt_tokens_not_database_ids(questions):
    question = SingleChoiceQuestion.objects.get()
    first, second = question.to_item(1), question.to_item(1)
    database_ids = {str(option.pk) for option in question.options.all()}
    assert not database_ids & {option["id"] for option in first["options"]}
    assert {o["id"] for o in first["options"]} != {o["id"] for o in second["options"]}


def test_ordering_is_never_shown_in_the_right_order(questions):
    question = next(q for q in Question.objects.all() if q.type_key == scoring.ORDERING)
    for _ in range(30):
        item = question.to_item(1)
        assert [entry["id"] for entry in item["items"]] != item["correct_order"]


def test_matching_answers_are_shuffled_and_distractors_have_no_prompt(course):
    question = factories.matching()
    question.pairs.add(MatchingPair(prompt="", answer="Stillness", feedback=""))
    question.save()
    item = question.to_item(1)
    assert len(item["prompts"]) == 3
    assert len(item["answers"]) == 4
    orders = {tuple(answer["text"] for answer in question.to_item(1)["answers"]) for _ in range(20)}
    assert len(orders) > 1


def test_public_item_carries_no_answer_key(questions):
    for question in Question.objects.all():
        item = question.to_item(1)
        public = repr(public_item(item))
        assert "correct" not in public
        assert "feedback" not in public.lower()
        assert "weight" not in public and "critical" not in public
        assert item["explanation"] not in public
        if item["type"] == scoring.MATCHING:
            assert not any("answer" in prompt for prompt in public_item(item)["prompts"])


def test_case_scenario_vignette(questions):
    question = next(q for q in Question.objects.all() if q.type_key == scoring.CASE_SCENARIO)
    vignette = question.to_item(1)["vignette"]
    assert vignette["age"] == 58
    assert [detail["label"] for detail in vignette["details"]] == [
        "Presenting complaint",
        "Health history",
        "Medications",
        "Observations",
    ]


def test_remediation_names_the_module_section(questions, module):
    item = questions[0].to_item(1)
    assert item["remediation"]["url"].endswith("#clots")
    assert item["remediation"]["section"] == "Clots and the legs"
    assert item["remediation"]["module_title"] == module.title


def test_tags_work_on_every_type(questions):
    case = questions[-1]
    case.tags.add("dvt", "circulation")
    case.save()
    assert set(Question.objects.filter(tags__name="dvt").values_list("pk", flat=True)) == {case.pk}
    assert sorted(tag.name for tag in Question.objects.get(pk=case.pk).tags.all()) == ["circulation", "dvt"]


def test_deleting_a_question_keeps_attempt_snapshots(quiz, learner):
    from quizzes import services

    attempt, _ = services.start_attempt(quiz, learner)
    Question.objects.get(pk=attempt.items[0]["question_id"]).delete()
    attempt.refresh_from_db()
    assert len(attempt.items) == 6
    assert attempt.answers.filter(question__isnull=True).count() == 1


def test_preview_renders_as_the_learner_sees_it_and_with_the_key(rf, admin_user, questions):
    case = questions[-1]
    request = rf.get("/")
    request.user = admin_user
    learner_view = case.serve_preview(request, "").render().content.decode()
    assert "Marta, a retired teacher" in learner_view
    assert "Work the calf gently" in learner_view
    assert "Critical safety error" not in learner_view
    assert "Because:" not in learner_view
    key_view = case.serve_preview(request, "answers").render().content.decode()
    assert "Critical safety error" in key_view
    assert "Because: Work the calf gently" in key_view
    assert case.explanation in key_view


def test_question_str_is_the_prompt_in_short():
    question = factories.single_choice(prompt="Which stroke " + "is long " * 30)
    assert len(str(question)) <= 90
    assert re.match(r"^Which stroke is long", str(question))
