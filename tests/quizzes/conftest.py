import pytest

from tests import factories
from tests.quizzes import factories as quiz_factories


@pytest.fixture
def learner(db):
    return factories.user("learner", password="pass-word-123")


@pytest.fixture
def other_learner(db):
    return factories.user("other", password="pass-word-123")


@pytest.fixture
def course(catalogue):
    return factories.course(title="Contraindications and Client Safety", ce_hours="1")


@pytest.fixture
def module(course):
    return factories.module(
        course,
        title="Circulatory conditions",
        body=[
            ("section", {"heading": "Clots and the legs", "anchor": "clots"}),
            ("text", "<p>Deep vein thrombosis is a clot in a deep vein.</p>"),
            factories.contraindication_block(),
        ],
    )


@pytest.fixture
def questions(course, module):
    built = quiz_factories.one_of_each(course)
    for question in built:
        question.remediation_module = module
        question.remediation_anchor = "clots"
        question.save()
    return built


@pytest.fixture
def quiz(course, questions):
    return quiz_factories.quiz(course, questions=questions, title="Safety check", pass_mark=70)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def graded_signals():
    """Every quiz_attempt_graded sent while the test runs, as its keyword arguments."""
    from quizzes.signals import quiz_attempt_graded

    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    quiz_attempt_graded.connect(receiver)
    yield received
    quiz_attempt_graded.disconnect(receiver)
