"""The admin dashboard's panels: the site summary for administrators, the review queue for course editors."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from courses.services import COURSE_EDITORS_GROUP
from credit.models import CreditRecord, Enrolment
from events.models import Registration
from home.admin_panels import month_start, review_queue, site_summary
from quizzes.models import QuizAttempt
from tests import factories
from tests.events import factories as event_factories
from tests.quizzes import factories as quiz_factories

pytestmark = pytest.mark.django_db

SUMMARY = 'id="touchstone-site-summary-section"'
QUEUE = 'id="touchstone-review-queue-section"'


@pytest.fixture
def people(catalogue):
    maya = factories.instructor("Maya Okafor")
    course = factories.course(title="Swedish Technique Foundations", instructors=[maya])
    jordan = factories.user("jordan", first_name="Jordan", last_name="Lee")
    Group.objects.get(name=COURSE_EDITORS_GROUP).user_set.add(jordan)
    admin = factories.user("admin", is_superuser=True, is_staff=True)
    return {"admin": admin, "maya": maya.user, "jordan": jordan, "course": course}


def add_activity(course, *, learners: int, now):
    """`learners` people enrolled in `course`: one finished this month and earned 2.5 h, one finished last
    month, the rest still studying; each has a graded attempt this month and one last month."""
    last_month = month_start(now) - timedelta(days=1)
    quiz = quiz_factories.quiz(course)
    event = event_factories.event(title=f"Workshop {Enrolment.objects.count()}")
    for n in range(learners):
        learner = factories.user()
        finished = now if n == 0 else last_month if n == 1 else None
        Enrolment.objects.create(user=learner, course=course, completed_at=finished)
        if finished:
            CreditRecord.objects.create(
                user=learner,
                course=course,
                learner_name="A Learner",
                course_title=course.title,
                course_number=course.course_number,
                ce_hours=Decimal("2.5"),
                delivery_method="on_demand",
                tested=True,
                completed_at=finished,
                completed_on=finished.date(),
                provider_name="Touchstone",
            )
        for number, when in ((1, last_month), (2, now)):
            QuizAttempt.objects.create(
                quiz=quiz,
                user=learner,
                number=number,
                started_at=when,
                submitted_at=when,
                status="graded",
                pass_mark=70,
            )
        Registration.objects.create(event=event, learner=learner, status="registered")
    Registration.objects.create(event=event, learner=factories.user(), status="waiting")


def figures(now) -> dict[str, str]:
    return {figure.label: figure.value for figure in site_summary(now=now)}


def test_the_site_summary_counts_this_months_activity(people):
    now = timezone.now()
    add_activity(people["course"], learners=3, now=now)
    assert figures(now) == {
        "Learners": "3",
        "Active enrolments": "1",
        "Completions this month": "1",
        "CE hours awarded this month": "2.5",
        "Quiz attempts graded this month": "3",
        "Upcoming events": "1",
        "Registrations for upcoming events": "3",  # the waiting list is not counted
    }


def test_a_cancelled_or_past_event_is_not_upcoming(people):
    now = timezone.now()
    event_factories.event(status="cancelled")
    event_factories.event(sessions=[(event_factories.local(-3, 9), event_factories.local(-3, 17))])
    assert figures(now)["Upcoming events"] == "0"


def test_the_site_summary_costs_the_same_queries_however_much_data(people, django_assert_max_num_queries):
    now = timezone.now()
    add_activity(people["course"], learners=2, now=now)
    with CaptureQueriesContext(connection) as few:
        site_summary(now=now)
    add_activity(people["course"], learners=6, now=now)
    add_activity(factories.course(title="Deep Tissue"), learners=4, now=now)
    with django_assert_max_num_queries(len(few.captured_queries)):
        summary = {figure.label: figure.value for figure in site_summary(now=now)}
    assert summary["Learners"] == "12" and summary["Upcoming events"] == "3"
    assert len(few.captured_queries) <= 5


def test_each_figure_links_to_its_admin_page_when_there_is_one(client, people):
    client.force_login(people["admin"])
    links = {figure.label: figure.url for figure in site_summary(now=timezone.now())}
    assert links["Learners"] == "/admin/users/"
    assert links["CE hours awarded this month"].startswith("/admin/credit_records/")
    assert links["Upcoming events"] == "/admin/pages/search/?content_type=events.eventpage"
    assert links["Quiz attempts graded this month"] == ""  # no admin page lists attempts
    for url in filter(None, links.values()):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["admin", "maya", "jordan"])
def test_the_admin_home_opens_for_every_role(client, people, role):
    client.force_login(people[role])
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (SUMMARY in html) is (role == "admin")
    assert (QUEUE in html) is (role == "jordan")


def test_administrators_see_the_figures_on_the_dashboard(client, people):
    add_activity(people["course"], learners=3, now=timezone.now())
    client.force_login(people["admin"])
    html = client.get("/admin/").content.decode()
    row = re.search(r"CE hours awarded this month</a>\s*</th>\s*<td>\s*<strong>([^<]+)</strong>", html)
    assert row and row.group(1) == "2.5"


def submit_for_review(obj, user) -> None:
    obj.save_revision(user=user)
    obj.get_workflow().start(obj, user)


def test_course_editors_see_pages_and_questions_waiting_for_review_first(client, people):
    course, maya = people["course"], people["maya"]
    module = factories.module(course, title="Effleurage")
    question = quiz_factories.single_choice(course=course, prompt="Which stroke opens a session?")
    submit_for_review(Page.objects.get(pk=module.pk).specific, maya)
    submit_for_review(question, maya)

    items, total = review_queue(user=people["jordan"])
    assert total == 2
    assert [(item.title, item.kind, item.submitted_by) for item in items] == [
        ("Effleurage", "Page: Module", maya.get_username()),  # no name on the account: the username
        ("Which stroke opens a session?", "Question: Single-choice question", maya.get_username()),
    ]
    assert items[0].review_url == f"/admin/pages/{module.pk}/edit/"

    client.force_login(people["jordan"])
    html = client.get("/admin/").content.decode()
    assert QUEUE in html and "2 items wait" in html
    assert html.index(QUEUE) < html.index('id="awaiting-review-section"')  # before Wagtail's own panel
    for item in items:
        assert f'href="{item.review_url}"' in html
        assert client.get(item.review_url).status_code == 200


def test_an_empty_queue_says_so(client, people):
    client.force_login(people["jordan"])
    html = client.get("/admin/").content.decode()
    assert "Nothing is waiting for your review." in html


def test_instructors_do_not_review(people):
    question = quiz_factories.single_choice(course=people["course"])
    submit_for_review(question, people["maya"])
    assert review_queue(user=people["maya"]) == ([], 0)
