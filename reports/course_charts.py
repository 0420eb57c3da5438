"""The course report's drawings (pageparts.charts): enrolments over time, the module funnel, pass rate by attempt."""

from __future__ import annotations

from .course_report import CourseReport


def course_charts(report: CourseReport) -> dict:
    return {}
