"""The administrator and the second instructor read their reports: Alex's site summary on the admin home, the
list of every course's report and the events report; Daniel's course in "My courses" and his final
assessment's statistics. Charts render as inline svg with their tables, and axe finds nothing serious."""

from courses.models import CoursePage
from quizzes.models import QuizPage
from tests.browser.test_admin_accessibility import admin_login, our_serious_violations
from tests.browser.test_course_report_flow import _activity
from tests.quizzes.graded import graded_attempts

SWEDISH = "Swedish Technique Foundations"
SAFETY = "Contraindications and Client Safety"


def _charts_render(page, count: int) -> None:
    figures = page.locator("figure", has=page.locator("svg[role=img]"))
    assert figures.count() == count
    figures.first.locator("summary").click()
    assert figures.first.locator("table tbody tr").count() > 0


def test_the_administrator_reads_the_site_summary_and_every_report(demo, page, live_server):
    _activity(CoursePage.objects.get(title=SAFETY))
    admin_login(page, live_server, "admin", "touchstone-admin")

    summary = page.get_by_role("table", name="Learners, enrolments, credit, quizzes and events")
    assert summary.is_visible() and "Registrations for upcoming events" in summary.inner_text()

    page.goto(f"{live_server.url}/admin/reports/courses/")
    listing = page.locator("main table")
    assert SWEDISH in listing.inner_text() and SAFETY in listing.inner_text()
    assert our_serious_violations(page) == []
    page.get_by_role("link", name=SAFETY).click()
    page.wait_for_load_state()
    _charts_render(page, 3)
    assert our_serious_violations(page) == []

    page.goto(f"{live_server.url}/admin/reports/courses/")
    page.get_by_role("link", name="Events report").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Totals").is_visible()
    assert our_serious_violations(page) == []


def test_daniel_reads_his_course_and_his_final_assessment(demo, page, live_server):
    course = CoursePage.objects.get(title=SAFETY)
    quiz = QuizPage.objects.child_of(course).filter(title__startswith="Final assessment").get()
    graded_attempts(quiz, right=5, wrong=4, prefix="daniel")
    admin_login(page, live_server, "daniel", "touchstone-instructor")

    assert page.get_by_role("heading", name="My courses").is_visible()
    page.goto(f"{live_server.url}/admin/quizzes/statistics/{quiz.pk}/")
    assert "9" in page.locator("#quiz-summary").inner_text()
    _charts_render(page, 2)
    assert page.locator("#question-table tbody tr").count() > 0
    assert our_serious_violations(page) == []
    # Maya's quiz is not his to read.
    other = QuizPage.objects.child_of(CoursePage.objects.get(title=SWEDISH)).first()
    assert page.goto(f"{live_server.url}/admin/quizzes/statistics/{other.pk}/").status == 403
