"""Graded attempts made the way learners make them (start, save answers, submit through quizzes.services),
for the statistics tests: some learners answer everything right, some everything wrong."""

from __future__ import annotations

from quizzes import services
from tests import factories


def wrong_answer(item):
    """A wrong answer to a choice question (the first option that is not right); others left blank."""
    if item["type"] in ("single_choice", "true_false"):
        return {"choice": next(option["id"] for option in item["options"] if not option["correct"])}
    return None


def graded_attempts(quiz, *, right: int, wrong: int, prefix: str = "learner", wrong_pick=wrong_answer) -> list:
    """``right`` learners who answer every question right, then ``wrong`` who answer with ``wrong_pick``
    (by default choice questions wrong, the rest left blank)."""
    from tests.quizzes.test_attempts import right_answer

    attempts = []
    for number in range(right + wrong):
        user = factories.user(f"{prefix}{number}")
        pick = right_answer if number < right else wrong_pick
        attempt, _ = services.start_attempt(quiz, user)
        answers = {item["slot"]: pick(item) for item in attempt.items}
        services.save_answers(
            attempt.pk, user, {slot: answer for slot, answer in answers.items() if answer}, attempt.sequence
        )
        attempt.refresh_from_db()
        attempts.append(services.submit_attempt(attempt.pk, user, sequence=attempt.sequence).attempt)
    return attempts
