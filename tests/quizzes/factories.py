"""Builders for question-bank and quiz test data. Each returns saved objects."""

from __future__ import annotations

from decimal import Decimal
from itertools import count

from django.utils.text import slugify

from quizzes.models import (
    CaseOption,
    CaseScenarioQuestion,
    CaseStep,
    MatchingPair,
    MatchingQuestion,
    MultipleResponseOption,
    MultipleResponseQuestion,
    OrderingItem,
    OrderingQuestion,
    QuestionCategory,
    QuizPage,
    QuizQuestion,
    QuizRandomDraw,
    SingleChoiceOption,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)

_sequence = count(1)


def ordered(children: list) -> list:
    """Give inline children their position, as the admin's inline panels do."""
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def _common(fields: dict) -> dict:
    """Questions built here are live (as if approved) unless a test asks for a draft with live=False."""
    n = next(_sequence)
    fields.setdefault("live", True)
    fields.setdefault("prompt", f"Question {n}: which is right?")
    fields.setdefault("explanation", f"Explanation {n}.")
    return fields


def category(name: str = "Techniques", course=None) -> QuestionCategory:
    return QuestionCategory.objects.get_or_create(name=name, course=course)[0]


def single_choice(options=(("Right", True), ("Wrong", False), ("Also wrong", False)), **fields) -> SingleChoiceQuestion:
    question = SingleChoiceQuestion(**_common(fields))
    question.options = ordered(
        [
            SingleChoiceOption(text=text, is_correct=correct, feedback=f"Feedback for {text}.")
            for text, correct in options
        ]
    )
    question.save()
    return question


def multiple_response(
    options=(("A", True), ("B", True), ("C", False), ("D", False)), scoring="partial", **fields
) -> MultipleResponseQuestion:
    question = MultipleResponseQuestion(scoring=scoring, **_common(fields))
    question.options = ordered(
        [
            MultipleResponseOption(text=text, is_correct=correct, feedback=f"Feedback for {text}.")
            for text, correct in options
        ]
    )
    question.save()
    return question


def true_false(correct: bool = True, **fields) -> TrueFalseQuestion:
    question = TrueFalseQuestion(
        correct_answer=correct,
        feedback_true="Feedback for true.",
        feedback_false="Feedback for false.",
        **_common(fields),
    )
    question.save()
    return question


def matching(pairs=(("Effleurage", "Gliding"), ("Petrissage", "Kneading"), ("Tapotement", "Percussion")), **fields):
    question = MatchingQuestion(**_common(fields))
    question.pairs = ordered(
        [MatchingPair(prompt=prompt, answer=answer, feedback=f"{prompt} is {answer}.") for prompt, answer in pairs]
    )
    question.save()
    return question


def ordering(items=("Intake", "Consent", "Effleurage", "Petrissage", "Aftercare"), scoring="adjacent", **fields):
    question = OrderingQuestion(scoring=scoring, **_common(fields))
    question.items = ordered([OrderingItem(text=text, feedback=f"{text} comes here.") for text in items])
    question.save()
    return question


def case_scenario(steps=None, **fields) -> CaseScenarioQuestion:
    """A DVT case by default: step 1 has a critical option, step 2 is choose-all."""
    steps = steps or [
        (
            "single",
            "The client's left calf is warm, swollen and tender. What do you do?",
            [
                ("Skip the leg and refer the client to a physician today", "2", False),
                ("Work the calf gently to ease the swelling", "0", True),
                ("Carry on with the full session as booked", "0", False),
            ],
        ),
        (
            "multiple",
            "What do you record?",
            [
                ("What you saw and felt", "1", False),
                ("That you advised a medical check", "1", False),
                ("A diagnosis of DVT", "-1", False),
            ],
        ),
    ]
    fields.setdefault("prompt", "Read the case and choose what to do.")
    question = CaseScenarioQuestion(
        client=fields.pop("client", "Marta, a retired teacher"),
        client_age=fields.pop("client_age", 58),
        presenting_complaint=fields.pop("presenting_complaint", "A heavy, aching left leg after a long flight."),
        health_history=fields.pop("health_history", "Knee replacement six weeks ago."),
        medications=fields.pop("medications", "None."),
        observations=fields.pop("observations", "Left calf warm and swollen."),
        points=fields.pop("points", Decimal("4")),
        **_common(fields),
    )
    built = []
    for kind, prompt, options in steps:
        step = CaseStep(prompt=prompt, kind=kind)
        step.options = ordered(
            [
                CaseOption(text=text, weight=Decimal(weight), is_critical=critical, feedback=f"Because: {text}.")
                for text, weight, critical in options
            ]
        )
        built.append(step)
    question.steps = ordered(built)
    question.save()
    return question


def quiz(course, *, questions=(), draws=(), title: str | None = None, publish: bool = True, **fields) -> QuizPage:
    n = next(_sequence)
    title = title or f"Quiz {n}"
    page = QuizPage(title=title, slug=f"{slugify(title)}-{n}", live=publish, **fields)
    page.question_links = ordered([QuizQuestion(question=question) for question in questions])
    page.random_draws = ordered(
        [QuizRandomDraw(category=draw_category, count=number) for draw_category, number in draws]
    )
    course.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def one_of_each(course=None) -> list:
    return [
        single_choice(course=course),
        multiple_response(course=course),
        true_false(course=course),
        matching(course=course),
        ordering(course=course),
        case_scenario(course=course),
    ]
