"""Timing the quiz engine against a bare Django view, measured in the same run (see `manage.py bench_quiz`).

Everything runs inside one transaction that is rolled back at the end, so the benchmark leaves the
database as it found it. Requests go through Django's test client: the whole middleware stack, URL
routing, the view, templates and the database, without a network socket.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path, reverse

from . import scoring, services
from .choices import StepKind
from .models import (
    CaseOption,
    CaseScenarioQuestion,
    CaseStep,
    MatchingPair,
    MatchingQuestion,
    MultipleResponseOption,
    MultipleResponseQuestion,
    OrderingItem,
    OrderingQuestion,
    QuizPage,
    QuizQuestion,
    SingleChoiceOption,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)


def bare_view(request):
    """The baseline: the cheapest response Django can give through the same middleware."""
    return HttpResponse("ok")


# Used as ROOT_URLCONF while the benchmark runs: the site's URLs plus the bare view.
urlpatterns = [path("__bench__/bare/", bare_view, name="bench_bare"), path("", include("config.urls"))]


@dataclass
class Timing:
    name: str
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(name: str, rounds: int, action: Callable[[], object], setup: Callable[[], object] | None = None) -> Timing:
    samples = []
    for _ in range(rounds):
        if setup:
            setup()
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(name, samples)


def _ordered(children):
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def make_question(index: int):
    """One question of each type in turn, shaped like the demo's."""
    common = {"prompt": f"Benchmark question {index}", "explanation": "Because.", "points": Decimal("1"), "live": True}
    kind = index % 6
    if kind == 0:
        question = SingleChoiceQuestion(**common)
        question.options = _ordered(
            [SingleChoiceOption(text=f"Option {n}", is_correct=n == 0, feedback="Why.") for n in range(4)]
        )
    elif kind == 1:
        question = MultipleResponseQuestion(**common)
        question.options = _ordered(
            [MultipleResponseOption(text=f"Option {n}", is_correct=n < 3, feedback="Why.") for n in range(6)]
        )
    elif kind == 2:
        question = TrueFalseQuestion(correct_answer=True, feedback_true="Yes.", feedback_false="No.", **common)
    elif kind == 3:
        question = MatchingQuestion(**common)
        question.pairs = _ordered(
            [MatchingPair(prompt=f"Prompt {n}", answer=f"Answer {n}", feedback="Why.") for n in range(5)]
        )
    elif kind == 4:
        question = OrderingQuestion(**common)
        question.items = _ordered([OrderingItem(text=f"Step {n}", feedback="Why.") for n in range(6)])
    else:
        question = CaseScenarioQuestion(client="A client", client_age=50, presenting_complaint="Aches.", **common)
        steps = []
        for s in range(3):
            step = CaseStep(prompt=f"Step {s}", kind=StepKind.SINGLE if s % 2 == 0 else StepKind.MULTIPLE)
            step.options = _ordered(
                [
                    CaseOption(text=f"Choice {n}", weight=Decimal(n), is_critical=n == 0, feedback="Why.")
                    for n in range(4)
                ]
            )
            steps.append(step)
        question.steps = _ordered(steps)
    question.save()
    return question


def best_response(item: dict) -> dict:
    kind = item["type"]
    if kind in (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE):
        return {"choice": next(o["id"] for o in item["options"] if o["correct"])}
    if kind == scoring.MULTIPLE_RESPONSE:
        return {"choices": [o["id"] for o in item["options"] if o["correct"]]}
    if kind == scoring.MATCHING:
        return {"matches": {p["id"]: p["answer"] for p in item["prompts"]}}
    if kind == scoring.ORDERING:
        return {"order": list(item["correct_order"])}
    steps = {}
    for step in item["steps"]:
        safe = [o for o in step["options"] if not o["critical"]]
        if step["kind"] == scoring.SINGLE_STEP:
            steps[step["id"]] = [max(safe, key=lambda o: Decimal(o["weight"]))["id"]]
        else:
            steps[step["id"]] = [o["id"] for o in safe if Decimal(o["weight"]) > 0]
    return {"steps": steps}


def build_quiz(questions: int) -> QuizPage:
    from courses.models import CourseIndexPage, CoursePage
    from courses.selectors import site_home

    catalogue = CourseIndexPage.objects.first()
    if catalogue is None:
        home = site_home()
        if home is None:
            raise RuntimeError("The home page is missing: run `python manage.py migrate` first.")
        catalogue = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=catalogue)
    tag = uuid.uuid4().hex[:8]
    course = CoursePage(
        title=f"Benchmark course {tag}",
        slug=f"benchmark-{tag}",
        summary="Benchmark.",
        description="<p>Benchmark.</p>",
        course_number=f"BENCH-{tag}",
        ce_hours=Decimal("1"),
    )
    catalogue.add_child(instance=course)
    quiz = QuizPage(title="Benchmark quiz", slug=f"benchmark-quiz-{tag}", layout="all_on_one_page")
    quiz.question_links = _ordered([QuizQuestion(question=make_question(n)) for n in range(questions)])
    course.add_child(instance=quiz)
    return quiz


def _client() -> Client:
    hosts = [host for host in settings.ALLOWED_HOSTS if host and not host.startswith(".")]
    host = (hosts[0] if hosts else "localhost").replace("*", "localhost")
    return Client(HTTP_HOST=host)


class Rollback(Exception):
    pass


def run(*, questions: int = 50, rounds: int = 30, write=print) -> list[tuple[Timing, float]]:
    """Run every measurement and return (timing, ratio to the bare view) rows."""
    results: list[Timing] = []
    try:
        with transaction.atomic(), override_settings(ROOT_URLCONF="quizzes.benchmark"):
            quiz = build_quiz(questions)
            learner = get_user_model().objects.create_user(username=f"bench-{uuid.uuid4().hex[:8]}", password=None)
            client = _client()
            client.force_login(learner)
            secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))
            items = services.build_items(quiz, random.Random(1))
            responses = {str(item["slot"]): best_response(item) for item in items}
            assert scoring.grade_attempt(items, responses).percent == 100

            bare_url = reverse("bench_bare")
            for _ in range(5):  # warm up caches and connections
                client.get(bare_url, secure=secure)
            results.append(measure("bare Django view (GET)", rounds, lambda: client.get(bare_url, secure=secure)))
            results.append(
                measure(
                    f"grade a {questions}-question attempt in-process",
                    rounds,
                    lambda: scoring.grade_attempt(items, responses),
                )
            )

            state: dict = {}

            def fresh_attempt() -> None:
                attempt, _ = services.start_attempt(quiz, learner)
                services.save_answers(
                    attempt.pk, learner, {item["slot"]: best_response(item) for item in attempt.items}, 0
                )
                state["attempt"] = attempt

            def submit() -> None:
                response = client.post(
                    reverse("quizzes:submit", args=[state["attempt"].pk]), {"seq": "1"}, secure=secure
                )
                assert response.status_code == 302, response.status_code

            results.append(measure(f"submit a {questions}-question attempt over HTTP", rounds, submit, fresh_attempt))

            fresh_attempt()
            state["seq"] = 1
            state["value"] = "true"

            def save_one() -> None:
                attempt = state["attempt"]
                item = next(item for item in attempt.items if item["type"] == scoring.TRUE_FALSE)
                state["value"] = "false" if state["value"] == "true" else "true"
                response = client.post(
                    reverse("quizzes:autosave", args=[attempt.pk]),
                    {
                        "slot": str(item["slot"]),
                        f"q{item['slot']}": state["value"],
                        f"seq-{item['slot']}": state["seq"],
                    },
                    HTTP_ACCEPT="application/json",
                    secure=secure,
                )
                assert response.status_code == 200, response.content
                state["seq"] = response.json()["seq"]

            results.append(measure("save one answer over HTTP (autosave)", rounds, save_one))

            page_url = reverse("quizzes:take", args=[state["attempt"].pk])
            results.append(
                measure(
                    f"render all {questions} questions on one page over HTTP",
                    rounds,
                    lambda: client.get(page_url, secure=secure),
                )
            )
            raise Rollback
    except Rollback:
        pass
    baseline = results[0].median
    return [(timing, timing.median / baseline if baseline else 0.0) for timing in results]
