"""Warnings the question editor shows after saving, about questions that are valid but unsafe."""

from __future__ import annotations

from django.contrib import messages

from quizzes.models import CaseScenarioQuestion

# The editor's buttons that send a version towards learners: publishing it, or submitting it for review.
ON_ITS_WAY_LIVE = ("action-publish", "action-submit")


def warn_about_safety_steps(request, instance) -> None:
    """A case scenario on its way to learners whose safety step has no critical option lets a dangerous
    answer pass. A first draft nobody has submitted yet may still be half-built, so it is left alone."""
    if not isinstance(instance, CaseScenarioQuestion):
        return
    if not (instance.live or any(name in request.POST for name in ON_ITS_WAY_LIVE)):
        return
    numbers = instance.safety_steps_without_critical_option()
    if numbers:
        listed = ", ".join(str(number) for number in numbers)
        messages.warning(
            request,
            f"“{instance}” is live or going for review, but safety step{'s' if len(numbers) > 1 else ''} {listed} "
            f"{'have' if len(numbers) > 1 else 'has'} no option marked as a critical safety error, so a learner "
            "who picks a dangerous answer there can still pass. Mark the dangerous options critical, or untick "
            "“safety decision” on a step where no option could harm the client.",
        )
