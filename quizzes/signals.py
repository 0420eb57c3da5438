"""Signals other apps listen to (the contract is described in docs/architecture.md).

``quiz_attempt_graded`` is sent exactly once per attempt, inside the grading transaction, after the
attempt is finalised and scored, with keyword arguments ``attempt``, ``user``, ``quiz`` (the specific
QuizPage) and ``passed`` (whether the learner's result for the quiz, by its grading method, now meets
the pass mark). Receivers run in that transaction: what they write commits or rolls back with the grade.
"""

from django.dispatch import Signal

quiz_attempt_graded = Signal()
