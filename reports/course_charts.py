"""The course report's drawings (pageparts.charts): enrolments over time, the module funnel, pass rate by attempt.

Each drawing carries a one-sentence description of its main finding (the svg's <desc>, for screen readers)
and its data table; the figures themselves come from :mod:`reports.course_report`.
"""

from __future__ import annotations

from pageparts.charts import Chart, bar_chart, line_chart

from .course_report import CourseReport

# The pass-rate buckets of course_report, as a sentence says them.
ATTEMPTS = {"1st attempt": "first attempts", "2nd attempt": "second attempts"}
ATTEMPTS |= {"3rd and later attempts": "third and later attempts"}


def _learners(count: int) -> str:
    return f"{count} learner{'s' if count != 1 else ''}"


def _enrolments(report: CourseReport) -> Chart:
    periods = report.enrolments_over_time
    unit = report.grouping
    if periods:
        busiest = max(periods, key=lambda period: period.enrolments)
        total = sum(period.enrolments for period in periods)
        description = (
            f"{total} enrolment{'s' if total != 1 else ''} from {periods[0].label} to {periods[-1].label}, counted "
            f"per {unit}; the busiest {unit} was {busiest.label} with {busiest.enrolments}."
        )
    else:
        description = "No learner enrolled in this period."
    return line_chart(
        title=f"Enrolments per {unit}",
        description=description,
        points=[(period.label, period.enrolments) for period in periods],
        x_label=unit.capitalize(),
        y_label="Enrolments",
    )


def _funnel(report: CourseReport) -> Chart:
    steps = report.funnel
    description = "No learner enrolled in this period."
    if report.enrolled:
        drops = [(before.learners - after.learners, after) for before, after in zip(steps, steps[1:], strict=False)]
        drop, where = max(drops, key=lambda item: item[0])
        description = f"Of {report.enrolled} learners who enrolled, {report.completed} completed the course. " + (
            f"The biggest drop is at “{where.label}”: {_learners(drop)} fewer." if drop else "Nobody stopped."
        )
    return bar_chart(
        title="Learners who reached each step",
        description=description,
        bars=[(step.label, step.learners) for step in steps] if report.enrolled else [],
        value_label="Learners",
        max_value=report.enrolled or None,
        label_heading="Step",
    )


def _pass_rates(report: CourseReport) -> Chart:
    rated = [rate for rate in report.pass_rates if rate.attempts]
    if rated:
        description = "; ".join(
            f"{rate.rate:.0f} % of {ATTEMPTS[rate.label]} passed ({rate.passed} of {rate.attempts})" for rate in rated
        )
        description = description[0].upper() + description[1:] + "."
    else:
        description = "No quiz attempt was graded in this period."
    return bar_chart(
        title="Quiz pass rate by attempt",
        description=description,
        bars=[(rate.label, round(rate.rate, 1)) for rate in rated],
        value_label="Passed",
        value_suffix=" %",
        max_value=100,
        label_heading="Attempt",
    )


def course_charts(report: CourseReport) -> dict[str, Chart]:
    return {"enrolments": _enrolments(report), "funnel": _funnel(report), "pass_rates": _pass_rates(report)}
