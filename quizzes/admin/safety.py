"""Warnings the question editor shows after saving, about questions that are valid but unsafe."""

from __future__ import annotations

from django.contrib import messages

from quizzes.choices import QuestionStatus
from quizzes.models import CaseScenarioQuestion


def warn_about_safety_steps(request, instance) -> None:
    """A live case scenario whose safety step has no critical option lets a dangerous answer pass."""
    if not isinstance(instance, CaseScenarioQuestion) or instance.status != QuestionStatus.ACTIVE:
        return
    numbers = instance.safety_steps_without_critical_option()
    if numbers:
        listed = ", ".join(str(number) for number in numbers)
        messages.warning(
            request,
            f"“{instance}” is active, but safety step{'s' if len(numbers) > 1 else ''} {listed} "
            f"{'have' if len(numbers) > 1 else 'has'} no option marked as a critical safety error, so a learner "
            "who picks a dangerous answer there can still pass. Mark the dangerous options critical, or untick "
            "“safety decision” on a step where no option could harm the client.",
        )
