"""The course report's figures against hand-made activity (tests/reports/course_data.py), exactly."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.course_learners import learner_page
from reports.course_report import MONTH, WEEK, course_report
from tests import factories
from tests.reports import course_data
from tests.reports.course_data import MARCH, at, enrol, progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return course_data.build()


def test_march_figures(data):
    report = course_report(course=data["course"], **MARCH)
    assert (report.enrolled, report.in_progress, report.completed, report.left) == (5, 1, 3, 1)
    # Amira 10 days, Ben 20, Elena 40 (she completed in April but enrolled in March): the middle one.
    assert report.median_days_to_complete == 20.0
    # Amira, Ben and Farah's records are dated in March (Farah enrolled in February); Elena's is April's.
    assert (report.ce_hours_awarded, report.credit_records) == (Decimal("6.0"), 3)


def test_enrolments_per_week(data):
    report = course_report(course=data["course"], **MARCH)
    assert report.grouping == WEEK
    assert [(p.label, p.enrolments) for p in report.enrolments_over_time] == [
        ("2025-W10", 2),
        ("2025-W11", 1),
        ("2025-W12", 2),
        ("2025-W13", 0),
        ("2025-W14", 0),
    ]
    assert report.enrolments_over_time[0].start == date(2025, 3, 3)


def test_a_long_period_is_counted_per_month(data):
    report = course_report(course=data["course"], since=date(2025, 1, 1), until=date(2025, 12, 31))
    assert report.grouping == MONTH
    counts = [(p.label, p.enrolments) for p in report.enrolments_over_time]
    # From the first enrolment (February) to the end of the period.
    assert counts[:3] == [("Feb 2025", 1), ("Mar 2025", 5), ("Apr 2025", 0)]
    assert counts[-1] == ("Dec 2025", 0) and len(counts) == 11


def test_the_funnel_follows_course_order(data):
    report = course_report(course=data["course"], **MARCH)
    assert [(step.label, step.learners, step.share) for step in report.funnel] == [
        ("Enrolled", 5, 100.0),
        ("1. Effleurage", 5, 100.0),
        ("2. Petrissage", 4, 80.0),
        ("3. Tapotement", 3, 60.0),
        ("Completed the course", 3, 60.0),
    ]


def test_pass_rate_by_attempt_number(data):
    report = course_report(course=data["course"], **MARCH)
    assert [(rate.label, rate.attempts, rate.passed) for rate in report.pass_rates] == [
        ("1st attempt", 3, 1),
        ("2nd attempt", 2, 1),
        ("3rd and later attempts", 2, 1),
    ]
    assert report.pass_rates[0].rate == pytest.approx(100 / 3)


def test_the_whole_history(data):
    report = course_report(course=data["course"])
    assert (report.enrolled, report.completed) == (6, 4)
    assert report.median_days_to_complete == 15.0  # 8, 10, 20, 40: the mean of the middle two
    assert (report.ce_hours_awarded, report.credit_records) == (Decimal("8.0"), 4)
    assert [rate.attempts for rate in report.pass_rates] == [4, 2, 2]


def test_an_empty_period(data):
    report = course_report(course=data["course"], since=date(2024, 1, 1), until=date(2024, 1, 31))
    assert report.enrolled == 0 and report.enrolments_over_time == []
    assert report.median_days_to_complete is None
    assert [step.share for step in report.funnel] == [None] * 5
    assert report.pass_rates[0].rate is None


def test_learner_table_sorted_by_last_activity(data):
    page = learner_page(course=data["course"], **MARCH)
    assert [row.name for row in page.rows] == ["Elena Rossi", "Dev Patel", "Ben Okoro", "=Chloe Martin", "Amira Haddad"]
    elena = page.rows[0]
    assert (elena.progress, elena.ce_hours, elena.status) == ("3 of 3", Decimal("2.0"), "Completed")
    dev = page.rows[1]
    assert (dev.progress, dev.ce_hours, dev.status) == ("2 of 3", None, "In progress")
    assert page.rows[3].status == "Left"
    oldest_first = learner_page(course=data["course"], sort="last_activity", **MARCH)
    assert oldest_first.rows[0].name == "Amira Haddad"


def test_learner_table_sorted_by_progress(data):
    page = learner_page(course=data["course"], sort="progress", **MARCH)
    assert [row.modules_done for row in page.rows] == [1, 2, 3, 3, 3]
    page = learner_page(course=data["course"], sort="-progress", **MARCH)
    assert [row.modules_done for row in page.rows] == [3, 3, 3, 2, 1]
    # An unknown sort falls back to the default.
    assert learner_page(course=data["course"], sort="nonsense", **MARCH).sort == "-last_activity"


def test_learner_table_pages(data):
    page = learner_page(course=data["course"], per_page=2, page=3)
    assert page.page.paginator.count == 6 and len(page.rows) == 2
    assert len(learner_page(course=data["course"], per_page=2, page="junk").rows) == 2


def _grow(course, modules, learners: int, start: int) -> None:
    from tests.credit import factories as credit_factories

    for n in range(start, start + learners):
        user = credit_factories.learner(f"extra{n}", legal_name=f"Extra {n}")
        enrol(user, course, on=at(3, 1 + n % 28), last_activity=at(3, 28))
        progress(user, course, modules[: n % (len(modules) + 1)], on=at(3, 28))
        course_data.attempt(data_quiz(course), user, 1, passed=n % 2 == 0, submitted=at(3, 28))


def data_quiz(course):
    from quizzes.models import QuizPage

    return QuizPage.objects.child_of(course).first()


def _queries(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_learners_or_modules(data):
    course = data["course"]

    def run():
        fresh = type(course).objects.get(pk=course.pk)  # course.modules is cached per instance
        report = course_report(course=fresh, **MARCH)
        page = learner_page(course=fresh, **MARCH)
        return report, page

    before = _queries(run)
    modules = data["modules"] + [factories.module(course, title=f"Extra {n}") for n in range(3)]
    _grow(course, modules, 30, 100)
    after = _queries(run)
    assert after == before
    assert before <= 12  # the course, its modules, six figures; the table: count, page, modules, CE hours


def test_charts_say_what_they_show(data):
    from reports.course_charts import course_charts

    charts = course_charts(course_report(course=data["course"], **MARCH))
    assert charts["enrolments"].rows[0] == ["2025-W10", "2"]
    assert charts["enrolments"].description == (
        "5 enrolments from 2025-W10 to 2025-W14, counted per week; the busiest week was 2025-W10 with 2."
    )
    assert [row[1] for row in charts["funnel"].rows] == ["5", "5", "4", "3", "3"]
    assert "The biggest drop is at “2. Petrissage”: 1 learner fewer." in charts["funnel"].description
    assert charts["pass_rates"].rows[0] == ["1st attempt", "33.3 %"]
    assert charts["pass_rates"].description == (
        "33 % of first attempts passed (1 of 3); 50 % of second attempts passed (1 of 2); "
        "50 % of third and later attempts passed (1 of 2)."
    )
    assert 'role="img"' in charts["funnel"].svg


def test_charts_of_an_empty_period(data):
    from reports.course_charts import course_charts

    charts = course_charts(course_report(course=data["course"], since=date(2024, 1, 1), until=date(2024, 1, 31)))
    assert all(chart.is_empty for chart in charts.values())


def test_every_row_in_chunks(data):
    from reports.course_learners import all_learner_rows

    rows = list(all_learner_rows(course=data["course"], sort="-progress", chunk=4))
    assert [row.modules_done for row in rows] == [3, 3, 3, 3, 2, 1]
    assert [row.name for row in rows] == [
        row.name for row in learner_page(course=data["course"], sort="-progress").rows
    ]
