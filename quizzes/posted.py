"""The small readers every question type's form handling uses to take values out of a posted form.

A post no honest page produces (unknown slots, non-numbers, too many values) raises
:class:`MalformedAnswer` and is answered with a 400; an answer the learner has to fix raises
:class:`UnfinishedAnswer` and is shown as a message.
"""

from __future__ import annotations

from django.http import QueryDict

MAX_VALUES_PER_FIELD = 100


class MalformedAnswer(ValueError):
    """A post no honest page produces: unknown slots, non-numbers, too many values. Answered with a 400."""


class UnfinishedAnswer(ValueError):
    """An answer the learner has to fix (two items given the same position). Shown as a message."""


def whole_number(value: str | None, what: str) -> int:
    try:
        number = int(value or "")
    except ValueError:
        raise MalformedAnswer(f"{what} must be a whole number.") from None
    if number < 0 or number > 10**9:
        raise MalformedAnswer(f"{what} is out of range.")
    return number


def values(data: QueryDict, name: str) -> list[str]:
    """The non-empty values posted under ``name``."""
    posted = data.getlist(name)
    if len(posted) > MAX_VALUES_PER_FIELD:
        raise MalformedAnswer("Too many values for one question.")
    return [value for value in posted if value != ""]


def one(data: QueryDict, name: str) -> str | None:
    """The single value posted under ``name``, or None."""
    posted = values(data, name)
    if len(posted) > 1:
        raise MalformedAnswer("Only one answer can be chosen here.")
    return posted[0] if posted else None
