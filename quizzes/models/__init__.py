"""The quizzes app's models, by concern: the question bank, quizzes, and attempts.

``from quizzes.models import X`` keeps working for every model; the modules are:

- :mod:`quizzes.models.bank`: question categories, questions (one polymorphic subclass per type)
  and their options, pairs, items and steps;
- :mod:`quizzes.models.quizzes`: the quiz page, its fixed questions and random draws;
- :mod:`quizzes.models.attempts`: a learner's attempts and answers;
- :mod:`quizzes.models.statistics`: question versions and chosen options, what the statistics read.
"""

from .attempts import AttemptAnswer, QuizAttempt
from .bank import (
    FEEDBACK_HELP,
    CaseOption,
    CaseScenarioQuestion,
    CaseStep,
    ChoiceOption,
    MatchingPair,
    MatchingQuestion,
    MultipleResponseOption,
    MultipleResponseQuestion,
    OrderingItem,
    OrderingQuestion,
    Question,
    QuestionCategory,
    SingleChoiceOption,
    SingleChoiceQuestion,
    TaggedQuestion,
    TrueFalseQuestion,
)
from .quizzes import QuizPage, QuizQuestion, QuizRandomDraw
from .statistics import ChosenOption, QuestionVersion

__all__ = [
    "FEEDBACK_HELP",
    "AttemptAnswer",
    "CaseOption",
    "CaseScenarioQuestion",
    "CaseStep",
    "ChoiceOption",
    "ChosenOption",
    "MatchingPair",
    "MatchingQuestion",
    "MultipleResponseOption",
    "MultipleResponseQuestion",
    "OrderingItem",
    "OrderingQuestion",
    "Question",
    "QuestionCategory",
    "QuestionVersion",
    "QuizAttempt",
    "QuizPage",
    "QuizQuestion",
    "QuizRandomDraw",
    "SingleChoiceOption",
    "SingleChoiceQuestion",
    "TaggedQuestion",
    "TrueFalseQuestion",
]
