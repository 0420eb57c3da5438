"""The question-type registry: every type declared in one place, and a new type needs only its module
and one ``register`` line to be snapshotted, shown, read from a form, graded and reviewed."""

from fractions import Fraction

import pytest
from django.http import QueryDict
from django.template.loader import get_template

from quizzes import scoring
from quizzes.choices import ReviewDetail
from quizzes.forms import MalformedAnswer, read_item
from quizzes.models import Question, SingleChoiceQuestion
from quizzes.question_types import registry
from quizzes.question_types.base import QuestionType
from quizzes.review import build_review
from quizzes.snapshot import answering_question, public_item

pytestmark = pytest.mark.django_db

BUILT_IN = [
    scoring.SINGLE_CHOICE,
    scoring.MULTIPLE_RESPONSE,
    scoring.TRUE_FALSE,
    scoring.MATCHING,
    scoring.ORDERING,
    scoring.CASE_SCENARIO,
]


def test_the_six_types_are_registered_with_their_models_and_templates():
    assert [question_type.key for question_type in registry.all()] == BUILT_IN
    for question_type in registry.all():
        model = question_type.model_class
        assert issubclass(model, Question) and model.type_key == question_type.key
        assert question_type.label and question_type.icon and question_type.description
        assert scoring.grader_for(question_type.key) is question_type.grader
        get_template(question_type.template)
        get_template(question_type.review_template)
    # True or false is a single choice between two words: it shares single choice's templates.
    true_false, single = registry.get(scoring.TRUE_FALSE), registry.get(scoring.SINGLE_CHOICE)
    assert true_false.template == single.template and true_false.review_template == single.review_template


def test_a_key_registers_once():
    with pytest.raises(ValueError):
        registry.register(registry.get(scoring.MATCHING))


class Rating(QuestionType):
    """A made-up seventh type: rate a statement 1–5; the item's ``answer`` is the right rating.

    It keeps its own pure grader (a real type would put it in quizzes.scoring) and borrows an existing
    model's fields, which is all the mechanism needs.
    """

    key = "rating_for_test"
    label = "Rating"
    icon = "pick"
    description = "Rate a statement from 1 to 5."
    model = "quizzes.SingleChoiceQuestion"
    template = "quizzes/questions/single_choice.html"
    review_template = "quizzes/review/single_choice.html"

    @staticmethod
    def clean(item, raw):
        rating = raw.get("rating")
        if rating not in range(1, 6):
            raise scoring.InvalidResponse("Ratings go from 1 to 5.")
        return {"rating": rating}

    @staticmethod
    def grade(item, response):
        right = response.get("rating") == item["answer"]
        return Fraction(1 if right else 0), [scoring.PartResult(key="rating", correct=right, chosen=True)], False

    grader = scoring.Grader(clean=clean, grade=grade)

    def snapshot(self, question, tokens, *, shuffle_options, rng):
        return {"answer": 4, "scale": [1, 2, 3, 4, 5], "feedback": question.explanation}

    def public(self, item):
        return {"scale": item["scale"]}

    def prepare(self, question, item, response):
        question["chosen"] = response.get("rating")

    def read(self, data, item, name):
        value = data.get(name)
        if value is None:
            return {}
        if not value.isdigit():
            raise MalformedAnswer("A rating is a number.")
        return {"rating": int(value)}

    def describe(self, entry, *, preview):
        entry.rows.append({"text": str(entry.response.get("rating", "")), "right": entry.item["answer"]})


@pytest.fixture
def rating_type():
    registered = registry.register(Rating())
    yield registered
    registry.unregister(Rating.key)


def test_a_new_type_flows_through_snapshot_form_grading_and_review(rating_type):
    question = SingleChoiceQuestion(prompt="Effleurage warms the tissue.", explanation="It does.")
    question.type_key = Rating.key  # the fake type borrows this model's fields

    item = question.to_item(1)
    assert item["type"] == Rating.key and item["type_label"] == "Rating" and item["answer"] == 4

    public = public_item(item)
    assert public["scale"] == [1, 2, 3, 4, 5]
    assert "answer" not in public and "feedback" not in public and "explanation" not in public

    shown = answering_question(item, number=1, response={"rating": 2})
    assert shown["chosen"] == 2 and shown["template"] == Rating.template

    response = read_item(QueryDict("q1=4"), item)
    assert response == {"rating": 4}
    with pytest.raises(MalformedAnswer):
        read_item(QueryDict("q1=four"), item)

    assert scoring.grade_question(item, response).state == scoring.CORRECT
    assert scoring.grade_question(item, {"rating": 2}).state == scoring.INCORRECT
    with pytest.raises(scoring.InvalidResponse):
        scoring.clean_response(item, {"rating": 9})
    attempt = scoring.grade_attempt([item], {"1": response})
    assert attempt.percent == 100

    class Answer:
        state = scoring.CORRECT
        details = scoring.grade_question(item, response).as_dict()

    Answer.response = response
    [entry] = build_review([item], {1: Answer}, ReviewDetail.FULL, {})
    assert entry.rows == [{"text": "4", "right": 4}] and entry.template == Rating.review_template


def test_an_unregistered_type_is_no_longer_graded_or_read(rating_type):
    item = {"slot": 1, "type": Rating.key, "points": "1", "prompt": "", "answer": 4, "scale": [1, 2, 3, 4, 5]}
    registry.unregister(Rating.key)
    assert registry.find(Rating.key) is None
    with pytest.raises(scoring.InvalidResponse):
        scoring.grade_question(item, {"rating": 4})
    with pytest.raises(MalformedAnswer):
        read_item(QueryDict("q1=4"), item)
    registry.register(Rating())  # the fixture unregisters it again
