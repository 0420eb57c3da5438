"""Writes for the quiz statistics: which version of each question an answer was to, and which options it
chose. Done when an attempt is graded (:func:`quizzes.services._grade`) and, for attempts graded before
this existed, by the data migration 0005 through :func:`record_for_statistics`.

Queries are constant in the number of answers: one read of the questions' versions, and only when a
version is new, one multi-row insert and a second read; one multi-row insert of the chosen options.

A grading (`remember=True`) first looks in the cache: which version a question's content is never changes
once the version exists, and a version goes only with its question, whose deletion starts a new page-cache
generation, so each question's versions are kept per generation and the read is skipped when all are known.

Two gradings may meet a new version at the same moment. The insert ignores conflicts on both unique
constraints (question, fingerprint) and (question, number) and the versions are read back: a version
the other grading created is simply used; a version that lost its *number* to another version is
numbered again from the new highest number and inserted again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.utils import timezone
from pagecache.generation import current_generation_or_none

from . import versions

logger = logging.getLogger(__name__)

# How long a question's kept versions live at most (a new generation replaces them sooner).
KEPT_SECONDS = 6 * 3600
# A grading that keeps losing version numbers to others gives up after this many rounds (it never should).
ROUNDS = 8


@dataclass(frozen=True)
class Models:
    """The models written, so the data migration can pass its historical ones."""

    version: Any
    answer: Any
    choice: Any


def live_models() -> Models:
    from .models import AttemptAnswer, ChosenOption, QuestionVersion

    return Models(version=QuestionVersion, answer=AttemptAnswer, choice=ChosenOption)


Graded = Sequence[tuple[Any, Sequence[Any]]]  # (attempt, its answers)


class VersionNumberingFailed(RuntimeError):
    pass


def _items_by_slot(attempt) -> dict[int, dict]:
    return {item["slot"]: item for item in attempt.items}


def assign_versions(
    *, graded: Graded, now: datetime | None = None, models: Models | None = None, remember: bool = False
) -> None:
    """Set ``version_id`` on every answer to a question that still exists, creating versions as needed.

    Answers whose question was deleted (``question_id`` None) keep no version. Nothing is saved to the
    answers themselves: the caller writes them (grading re-inserts them; the backfill updates them).
    A new version's ``first_graded_at`` is its attempt's ``submitted_at`` (or ``now``).
    """
    models = models or live_models()
    now = now or timezone.now()
    wanted: dict[tuple[int, str], tuple[datetime, dict]] = {}
    keys: list[tuple[Any, tuple[int, str]]] = []
    for attempt, answers in graded:
        items = _items_by_slot(attempt)
        when = attempt.submitted_at or now
        for answer in answers:
            item = items.get(answer.slot)
            if item is None or answer.question_id is None:
                continue
            content = versions.canonical(item)
            key = (answer.question_id, versions.fingerprint(content))
            if key not in wanted or when < wanted[key][0]:
                wanted[key] = (when, content)
            keys.append((answer, key))
    if not wanted:
        return
    ids = _remembered_version_ids(wanted, models) if remember else _version_ids(wanted, models)
    for answer, key in keys:
        answer.version_id = ids[key]


def _remembered_version_ids(
    wanted: dict[tuple[int, str], tuple[datetime, dict]], models: Models
) -> dict[tuple[int, str], int]:
    generation = current_generation_or_none()
    if generation is None:
        return _version_ids(wanted, models)
    keys = {question_id: f"quizzes:versions:{generation}:{question_id}" for question_id, _ in wanted}
    try:
        kept = cache.get_many(list(keys.values()))
    except Exception:
        logger.exception("Kept question versions could not be read")
        return _version_ids(wanted, models)
    known = {
        (question_id, fingerprint): pk
        for question_id, key in keys.items()
        for fingerprint, pk in kept.get(key, {}).items()
    }
    if all(key in known for key in wanted):
        return known
    found = _version_ids(wanted, models)  # every version of these questions, the new ones included
    by_question: dict[int, dict[str, int]] = {}
    for (question_id, fingerprint), pk in found.items():
        by_question.setdefault(question_id, {})[fingerprint] = pk
    try:
        cache.set_many({keys[question_id]: versions for question_id, versions in by_question.items()}, KEPT_SECONDS)
    except Exception:
        logger.exception("Question versions could not be kept")
    return found


def _version_ids(wanted: dict[tuple[int, str], tuple[datetime, dict]], models: Models) -> dict[tuple[int, str], int]:
    question_ids = sorted({question_id for question_id, _ in wanted})
    for _ in range(ROUNDS):
        found: dict[tuple[int, str], int] = {}
        highest: dict[int, int] = {}
        rows = models.version.objects.filter(question_id__in=question_ids).values_list(
            "question_id", "fingerprint", "pk", "number"
        )
        for question_id, fingerprint, pk, number in rows:
            found[(question_id, fingerprint)] = pk
            highest[question_id] = max(highest.get(question_id, 0), number)
        missing = sorted((key for key in wanted if key not in found), key=lambda key: (wanted[key][0], key))
        if not missing:
            return found
        new = []
        for question_id, fingerprint in missing:
            highest[question_id] = highest.get(question_id, 0) + 1
            when, content = wanted[(question_id, fingerprint)]
            new.append(
                models.version(
                    question_id=question_id,
                    fingerprint=fingerprint,
                    number=highest[question_id],
                    content=content,
                    first_graded_at=when,
                )
            )
        # One order for every grading, so two inserts waiting on each other's rows can't deadlock.
        new.sort(key=lambda version: (version.question_id, version.number))
        models.version.objects.bulk_create(new, ignore_conflicts=True)
    raise VersionNumberingFailed(f"Could not number new versions of questions {question_ids} after {ROUNDS} tries.")


def chosen_option_rows(*, graded: Graded, models: Models | None = None) -> list[Any]:
    """Unsaved ``ChosenOption`` rows for answers that have a version (and their id)."""
    models = models or live_models()
    rows = []
    for attempt, answers in graded:
        items = _items_by_slot(attempt)
        for answer in answers:
            item = items.get(answer.slot)
            if item is None or answer.version_id is None:
                continue
            for step, option in versions.chosen_options(item, answer.response or {}):
                rows.append(
                    models.choice(
                        answer_id=answer.pk,
                        attempt_id=attempt.pk,
                        version_id=answer.version_id,
                        step=step,
                        option=option,
                    )
                )
    return rows


def record_choices(*, graded: Graded, models: Models | None = None) -> None:
    """Insert the options the graded answers chose (the answers must be saved already)."""
    models = models or live_models()
    rows = chosen_option_rows(graded=graded, models=models)
    if rows:
        models.choice.objects.bulk_create(rows)


def record_for_statistics(*, attempts: Iterable[Any], now: datetime | None = None, models: Models | None = None) -> int:
    """Record versions and chosen options for already graded attempts whose answers have none yet.

    Answers that already have a version are left alone, so running it twice changes nothing. Versions
    are numbered in the order the attempts were submitted. Returns the number of answers recorded.
    """
    models = models or live_models()
    attempts = sorted(attempts, key=lambda attempt: (attempt.submitted_at is None, attempt.submitted_at, attempt.pk))
    if not attempts:
        return 0
    by_attempt: dict[int, list[Any]] = {attempt.pk: [] for attempt in attempts}
    pending = models.answer.objects.filter(
        attempt_id__in=list(by_attempt), version__isnull=True, question__isnull=False
    ).order_by("attempt_id", "slot")
    for answer in pending:
        by_attempt[answer.attempt_id].append(answer)
    graded = [(attempt, by_attempt[attempt.pk]) for attempt in attempts if by_attempt[attempt.pk]]
    assign_versions(graded=graded, now=now, models=models)
    answers = [answer for _, group in graded for answer in group if answer.version_id is not None]
    if answers:
        models.answer.objects.bulk_update(answers, ["version"])
        record_choices(graded=graded, models=models)
    return len(answers)
