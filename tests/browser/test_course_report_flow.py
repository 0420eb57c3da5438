"""Maya, an instructor, opens her course's report from the admin: the figures, the three charts (inline svg
with their data tables), the learner table, a bad date as a form error; and the page passes axe."""

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage
from quizzes.models import QuizPage
from tests.browser.test_admin_accessibility import admin_login, our_serious_violations
from tests.credit import factories as credit_factories
from tests.reports import course_data


def _activity(course) -> None:
    """A few learners on the demo course over the last weeks, so every chart has something to draw."""
    now = timezone.now()
    modules = list(course.modules)
    quiz = QuizPage.objects.child_of(course).first()
    for n in range(6):
        user = credit_factories.learner(f"report{n}", legal_name=f"Report Learner {n}")
        enrolled = now - timedelta(days=7 * n + 1)
        done = modules[: n % (len(modules) + 1)]
        course_data.enrol(
            user, course, on=enrolled, completed=now if len(done) == len(modules) else None, last_activity=now
        )
        course_data.progress(user, course, done, on=now)
        if quiz is not None:
            course_data.attempt(quiz, user, 1, passed=n % 2 == 0, submitted=now)


def test_maya_reads_her_course_report(page, live_server, demo):
    course = CoursePage.objects.get(title="Swedish Technique Foundations")
    _activity(course)
    admin_login(page, live_server, "maya", "touchstone-instructor")

    # From the admin home: her course in "My courses", and Reports › Courses and events in the menu.
    assert page.get_by_role("heading", name="My courses").is_visible()
    page.get_by_role("link", name="Swedish Technique Foundations").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="At a glance").is_visible()

    figures = page.locator("figure")
    assert figures.count() == 3
    for n in range(3):
        assert figures.nth(n).locator("svg[role=img]").count() == 1
    assert page.get_by_role("table", name="The course at a glance").count() == 1
    assert page.locator("text=Report Learner 0").count() == 1
    assert our_serious_violations(page) == []

    # A period ending before it starts: the form says so.
    page.get_by_label("From", exact=True).fill("2026-03-31")
    page.get_by_label("To", exact=True).fill("2026-03-01")
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_load_state()
    assert page.locator("text=The end of the period comes before its start.").is_visible()
