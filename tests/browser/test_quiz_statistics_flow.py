"""An instructor reads a quiz's statistics: from the quiz's editor to the report, its summary, a chart with its
data table, and no serious accessibility problem on the way."""

from courses.models import CoursePage
from quizzes.models import QuizPage
from tests.browser.test_admin_accessibility import admin_login, our_serious_violations
from tests.quizzes.graded import graded_attempts


def test_maya_reads_her_quiz_statistics(demo, page, live_server):
    course = CoursePage.objects.get(slug="swedish-technique-foundations")
    quiz = QuizPage.objects.child_of(course).get(slug="swedish-technique-check")
    graded_attempts(quiz, right=4, wrong=3, prefix="stats")

    admin_login(page, live_server, "maya", "touchstone-instructor")
    page.goto(f"{live_server.url}/admin/pages/{quiz.pk}/edit/")
    # The header's "Actions" menu (…) holds the way to the statistics.
    page.locator("#w-slim-header-buttons").get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Statistics").click()
    page.wait_for_url(f"**/admin/quizzes/statistics/{quiz.pk}/")

    summary = page.locator("#quiz-summary")
    # The default counts each learner's first attempt: seven learners, one attempt each.
    assert "Attempts counted" in summary.inner_text() and "7" in summary.inner_text()
    assert "first attempt" in page.get_by_label("Attempts to count").locator("option:checked").inner_text()
    chart = page.locator("figure", has=page.locator("svg")).first
    assert chart.locator("svg[role=img]").count() == 1
    chart.locator("summary").click()
    assert chart.locator("table tbody tr").count() > 0
    assert page.locator("#question-table tbody tr").count() > 0
    assert our_serious_violations(page) == []
