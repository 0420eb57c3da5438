"""Receivers: the quiz engine tells credit when an attempt is graded (the contract is in docs/architecture.md)."""


def quiz_attempt_graded(sender, *, attempt, user, quiz, passed, **kwargs) -> None:
    """Decide completion in the grading transaction: the record commits (or rolls back) with the grade."""
    from .services import record_quiz_result

    record_quiz_result(user, quiz, passed=passed)


def register() -> None:
    from quizzes.signals import quiz_attempt_graded as signal

    signal.connect(quiz_attempt_graded, dispatch_uid="credit_quiz_attempt_graded")
