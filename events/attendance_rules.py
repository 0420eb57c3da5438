"""Does a learner's attendance earn credit? A pure function over plain data, tested without a database.

Boards give live CE for the whole class, not part of it: every session must be attended in full. A
session marked present with no minutes counts as the whole session; minutes below the session's length
are partial attendance, recorded but not enough for credit. The reasons read right to the learner and the
provider alike.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SessionMark:
    label: str  # "Saturday 14 March, 9:00 AM – 5:00 PM EDT"
    length_minutes: int
    taken: bool  # attendance has been recorded for this session
    present: bool = False
    minutes: int | None = None  # None: the whole session

    @property
    def in_full(self) -> bool:
        if not (self.taken and self.present):
            return False
        return self.minutes is None or self.minutes >= self.length_minutes


@dataclass(frozen=True)
class Verdict:
    complete: bool  # every session attended in full: credit follows
    final: bool  # attendance is taken for every session (complete or not, it won't change by waiting)
    reasons: tuple[str, ...]  # why not, one line per session that falls short

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


def verdict(marks: list[SessionMark]) -> Verdict:
    """Full attendance of every session, or the reasons credit does not follow (yet)."""
    if not marks:
        return Verdict(complete=False, final=False, reasons=("The event has no sessions.",))
    reasons = []
    for mark in marks:
        if not mark.taken:
            reasons.append(f"Attendance for {mark.label} has not been recorded yet.")
        elif not mark.present:
            reasons.append(f"Marked absent for {mark.label}.")
        elif not mark.in_full:
            reasons.append(
                f"Attended {mark.minutes} of {mark.length_minutes} minutes of {mark.label}; "
                "credit needs the whole session."
            )
    final = all(mark.taken for mark in marks)
    return Verdict(complete=not reasons, final=final, reasons=tuple(reasons))
