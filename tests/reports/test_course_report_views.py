"""Course report pages in the admin: who sees which course, the filter form, the CSV and the home panel."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pageparts.spreadsheet import safe_cell
from tests import factories
from tests.credit import factories as credit_factories
from tests.reports import course_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return course_data.build()


@pytest.fixture
def admin_user(db):
    return factories.user("admin", is_superuser=True, is_staff=True)


def report_url(course, **query):
    from urllib.parse import urlencode

    url = reverse("course_reports:report", args=[course.pk])
    return f"{url}?{urlencode(query)}" if query else url


def test_maya_sees_her_course_and_not_daniels(client, data):
    client.force_login(data["maya"].user)
    index = client.get(reverse("course_reports:index"))
    assert index.status_code == 200
    assert b"Swedish Technique Foundations" in index.content
    assert b"Contraindications and Client Safety" not in index.content
    assert client.get(report_url(data["course"])).status_code == 200
    assert client.get(report_url(data["other"])).status_code == 404
    assert client.get(reverse("course_reports:learners_csv", args=[data["other"].pk])).status_code == 404


def test_daniel_sees_only_his(client, data):
    client.force_login(data["daniel"].user)
    assert client.get(report_url(data["other"])).status_code == 200
    assert client.get(report_url(data["course"])).status_code == 404
    assert client.get(reverse("course_reports:learners_csv", args=[data["course"].pk])).status_code == 404


def test_administrators_see_every_course(client, data, admin_user):
    client.force_login(admin_user)
    index = client.get(reverse("course_reports:index"))
    assert b"Swedish Technique Foundations" in index.content and b"Contraindications" in index.content
    assert client.get(report_url(data["course"])).status_code == 200
    assert client.get(report_url(data["other"])).status_code == 200


def test_learners_and_others_are_kept_out(client, data):
    client.force_login(data["amira"])
    assert client.get(reverse("course_reports:index")).status_code == 302  # to sign in to the admin
    assert client.get(report_url(data["course"])).status_code == 302
    editor = factories.user("jordan")
    from django.contrib.auth.models import Group

    from courses.services import COURSE_EDITORS_GROUP

    editor.groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    client.force_login(editor)
    response = client.get(reverse("course_reports:index"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert client.get(report_url(data["course"])).status_code == 404
    assert client.get(report_url(factories.home_page())).status_code == 404  # a page that is no course
    assert client.get("/admin/reports/courses/99999999999/").status_code == 404


def test_the_menu_leads_everyone_in_the_admin_to_the_reports_they_may_read(client, data):
    client.force_login(data["maya"].user)
    assert reverse("course_reports:index").encode() in client.get(reverse("wagtailadmin_home")).content
    page = client.get(reverse("course_reports:index"))
    assert data["course"].title in page.content.decode() and reverse("reports_events").encode() not in page.content
    # The menu costs no query on every admin page, so it is there for everyone in the admin; the page itself
    # sends someone with no course to teach and no events to run back to the dashboard (a course editor here,
    # with no events in this data: test_learners_and_others_are_kept_out).


def test_the_reports_page_leads_a_provider_to_the_events_report(client, data, gulf, gulf_staff):
    client.force_login(gulf_staff)
    page = client.get(reverse("course_reports:index"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "not listed as an instructor of any course" in text and reverse("reports_events") in text


def test_the_report_shows_the_figures(client, data):
    client.force_login(data["maya"].user)
    response = client.get(report_url(data["course"], since="2025-03-01", until="2025-03-31"))
    report = response.context["report"]
    assert (report.enrolled, report.completed, report.left) == (5, 3, 1)
    html = response.content.decode()
    assert "20.0 days" in html and "On 3 credit records" in html
    assert "Elena Rossi" in html and "Farah Nasser" not in html  # Farah enrolled in February


@pytest.mark.parametrize(
    "query, field",
    [
        ({"since": "2025-02-30"}, "since"),
        ({"since": "next tuesday"}, "since"),
        ({"since": "2025-03-31", "until": "2025-03-01"}, "until"),
        ({"until": "0025-03-01"}, "until"),
        ({"sort": "password"}, "sort"),
    ],
)
def test_bad_filters_are_form_errors(client, data, query, field):
    client.force_login(data["maya"].user)
    response = client.get(report_url(data["course"], **query))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["report"].enrolled == 6  # the whole history instead
    assert b"could not be used" in response.content


def test_csv_of_the_learner_table(client, data):
    client.force_login(data["maya"].user)
    url = reverse("course_reports:learners_csv", args=[data["course"].pk]) + "?since=2025-03-01&until=2025-03-31"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Learner" and len(rows) == 6
    by_name = {row[0]: row for row in rows[1:]}
    assert "'=Chloe Martin" in by_name  # a spreadsheet would run it as a formula
    assert by_name["Elena Rossi"][2:] == ["2025-03-20", "3", "3", "2025-04-29", "2025-04-29", "Completed", "2.0"]
    assert by_name["Dev Patel"][6:] == ["", "In progress", ""]


def test_safe_cell():
    assert [safe_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "Ben", None, 3)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "Ben",
        "",
        "3",
    ]


def test_report_page_queries_do_not_grow(client, data):
    client.force_login(data["maya"].user)
    url = report_url(data["course"], since="2025-03-01", until="2025-03-31")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(12):
        user = credit_factories.learner(f"more{n}", legal_name=f"More {n}")
        course_data.enrol(user, data["course"], on=course_data.at(3, 10), last_activity=course_data.at(3, 11))
        course_data.progress(user, data["course"], data["modules"][:2], on=course_data.at(3, 11))
    factories.module(data["course"], title="Aftercare")
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after.captured_queries) == len(before.captured_queries)


def test_my_courses_panel(client, data):
    second = factories.course(title="Prenatal Massage", instructors=[data["maya"]])
    client.force_login(data["maya"].user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "My courses" in html and "Prenatal Massage" in html
    assert reverse("course_reports:report", args=[second.pk]) in html
    assert "Contraindications and Client Safety" not in html


def test_my_courses_panel_queries_do_not_grow_with_courses(client, data):
    from reports.admin_panels import my_courses_panel

    user = data["maya"].user

    def render() -> int:
        with CaptureQueriesContext(connection) as captured:
            panel = my_courses_panel(user)
            panel.get_context_data({})
        return len(captured.captured_queries)

    before = render()
    for n in range(4):
        course = factories.course(title=f"Extra course {n}", instructors=[data["maya"]])
        course_data.enrol(data["amira"], course, on=course_data.at(3, 3))
    assert render() == before == 2


def test_no_panel_for_those_who_teach_nothing(client, admin_user, data):
    client.force_login(admin_user)
    assert "My courses" not in client.get(reverse("wagtailadmin_home")).content.decode()
