"""Which questions a new attempt gets, and each question as the attempt stores it.

A quiz asks its fixed questions in order, then each random draw's count from a category's live questions
(none asked twice), shuffled if the quiz says so. What a quiz can draw from (its fixed list, its draws and
each draw's pool) and each question with its options change only when an author publishes the quiz or
saves a question or category (the question bank's models are snippets): each of those starts a new
page-cache generation, so they are kept under it (`pagecache.generation.kept`). Starting an attempt then
reads none of the bank; only the draw, the shuffles and the per-attempt tokens are made each time.
"""

from __future__ import annotations

import random

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from pagecache.generation import current_generation_or_none, kept

from .models import (
    CaseScenarioQuestion,
    MatchingQuestion,
    MultipleResponseQuestion,
    OrderingQuestion,
    Question,
    QuizPage,
    SingleChoiceQuestion,
)

# The relations each type's snapshot reads, loaded for all questions of that type at once.
PREFETCH = {
    SingleChoiceQuestion: ["options"],
    MultipleResponseQuestion: ["options"],
    MatchingQuestion: ["pairs"],
    OrderingQuestion: ["items"],
    CaseScenarioQuestion: ["steps__options"],
}
# How long a kept quiz outline or question lives at most (a new generation replaces it sooner).
KEPT_SECONDS = 6 * 3600


def quiz_page(quiz_id: int) -> QuizPage | None:
    """The live quiz page as published, kept per generation: grading reads its settings and passes it on
    (`quiz_attempt_graded`), and a publish starts a new generation. Not for showing an author its draft
    state, which a draft save changes without one. None if it is not live."""
    return kept(
        f"quizzes:page:{quiz_id}", lambda: QuizPage.objects.live().filter(pk=quiz_id).first(), seconds=KEPT_SECONDS
    )


def quiz_outline(quiz: QuizPage) -> tuple[list[int], list[tuple[int, list[int]]]]:
    """The quiz's live fixed questions in order, and each random draw as (count, pool of live question ids)."""
    return kept(f"quizzes:outline:{quiz.pk}", lambda: read_outline(quiz), seconds=KEPT_SECONDS)


def read_outline(quiz: QuizPage) -> tuple[list[int], list[tuple[int, list[int]]]]:
    fixed_ids = list(quiz.question_links.order_by("sort_order", "pk").values_list("question_id", flat=True))
    live_ids = set(Question.objects.filter(pk__in=fixed_ids, live=True).values_list("pk", flat=True))
    live = Question.objects.filter(live=True).order_by("pk")
    draws = [
        (draw.count, list(live.filter(category_id=draw.category_id).values_list("pk", flat=True)))
        for draw in quiz.random_draws.order_by("sort_order", "pk")
    ]
    return [pk for pk in fixed_ids if pk in live_ids], draws


def choose_questions(quiz: QuizPage, rng: random.Random) -> list[Question]:
    """The questions of a new attempt: the fixed list in order, then each random draw, shuffled if asked."""
    fixed_ids, draws = quiz_outline(quiz)
    chosen_ids = list(fixed_ids)
    taken = set(chosen_ids)
    for count, pool in draws:
        available = [pk for pk in pool if pk not in taken]
        picked = rng.sample(available, min(count, len(available)))
        chosen_ids.extend(picked)
        taken.update(picked)
    by_id = questions_by_id(chosen_ids)
    questions = [by_id[pk] for pk in chosen_ids if pk in by_id]
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions


def questions_by_id(ids: list[int]) -> dict[int, Question]:
    """Each question as its type, with what its snapshot reads, kept per generation one by one (a random
    draw asks a different handful each time): in this process first, then in the default cache."""
    generation = current_generation_or_none()
    if generation is None:
        return read_questions(ids)
    in_process = _questions_in_process(generation)
    questions = {pk: in_process[pk] for pk in ids if pk in in_process}
    keys = {pk: f"quizzes:question:{generation}:{pk}" for pk in ids if pk not in questions}
    if keys:
        found = cache.get_many(list(keys.values()))
        questions.update({pk: found[key] for pk, key in keys.items() if key in found})
        missing = [pk for pk in keys if pk not in questions]
        if missing:
            read = read_questions(missing)
            cache.set_many({keys[pk]: question for pk, question in read.items()}, KEPT_SECONDS)
            questions.update(read)
        if len(in_process) + len(keys) > IN_PROCESS_LIMIT:
            in_process.clear()
        in_process.update({pk: questions[pk] for pk in keys if pk in questions})
    return questions


# Questions this process has already read back from the cache, for the current generation only: unpickling
# fifteen questions and their options took a tenth of a quiz start. Each is only read (`Question.to_item`
# makes new lists and dicts from it), never changed, so one copy serves every start in the process.
IN_PROCESS_LIMIT = 2000
_in_process: dict[str, dict[int, Question]] = {}


def _questions_in_process(generation: str) -> dict[int, Question]:
    if generation not in _in_process:
        _in_process.clear()  # a new generation: what was read under the old one may have changed
        _in_process[generation] = {}
    return _in_process[generation]


def read_questions(ids: list[int]) -> dict[int, Question]:
    """The questions as their own types, each type's relations prefetched in one query, and where each sends
    the learner to revise worked out once (`Question.remediation`)."""
    questions = list(Question.objects.filter(pk__in=ids))
    for model, lookups in PREFETCH.items():
        group = [question for question in questions if type(question) is model]
        if group:
            prefetch_related_objects(group, *lookups)
    prefetch_related_objects(questions, "remediation_module")
    for question in questions:
        question.keep_remediation()
    return {question.pk: question for question in questions}


def build_items(quiz: QuizPage, rng: random.Random | None = None) -> list[dict]:
    rng = rng or random.SystemRandom()
    return [
        question.to_item(slot, shuffle_options=quiz.shuffle_options, rng=rng)
        for slot, question in enumerate(choose_questions(quiz, rng), start=1)
    ]
