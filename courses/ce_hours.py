"""The rules an editor meets when giving a course or event its CE hours. Pure functions: no database.

Hours come in whole or half hours (NCBTMB increments). A course or event also lists the CE categories
(subject areas) its hours count in. Boards audit hours by subject area against the approved total, and
certificates print the hours by category, so the hours given to categories must reconcile with the total:

- a category whose hours are left blank counts all of the hours (the usual case: one category);
- the hours given to categories never add up to more than the CE hours, or a learner would be credited
  with more hours by subject than they earned (12 + 5 on a 14-hour event);
- when every category has hours, they add up to exactly the CE hours, so no approved hour is left
  out of every subject area and the certificate's lines add up to its total.
"""

from collections.abc import Iterable
from decimal import Decimal

from .reading import format_hours

HALF_HOUR_MESSAGE = "CE hours must be whole or half hours, for example 2 or 2.5."


def category_hours_problem(*, ce_hours: Decimal, category_hours: Iterable[Decimal | None], noun: str) -> str:
    """What is wrong with the hours given to categories of a `noun` ("course", "event"), or "" when nothing is."""
    listed = list(category_hours)
    given = [hours for hours in listed if hours is not None]
    if not given:
        return ""
    total = sum(given, Decimal("0"))
    if total > ce_hours:
        return (
            f"The categories' hours add up to {format_hours(total)}, more than the {noun}'s "
            f"{format_hours(ce_hours)} CE hours. An hour counts once: lower them so they add up to "
            f"{format_hours(ce_hours)} at most (leave a category's hours blank when all the hours count there)."
        )
    if len(given) == len(listed) and total < ce_hours:
        return (
            f"The categories' hours add up to {format_hours(total)}, but the {noun} carries "
            f"{format_hours(ce_hours)} CE hours: {format_hours(ce_hours - total)} would count in no category. "
            "Give every hour a category, or leave a category's hours blank when all the hours count there."
        )
    return ""
