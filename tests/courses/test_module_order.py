"""Course order: instructors order their own course's modules; the admin and the site follow course order.

Runs on the demo (load_demo once for the module): maya teaches TS-101, daniel TS-201, jordan is a
course editor, gulfcoast a provider, sam a learner with progress and credit.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageLogEntry

from courses.models import CoursePage, ModulePage
from courses.selectors import module_navigation
from credit.models import CreditRecord, Enrolment, ModuleProgress
from credit.selectors import progress_for

SWEDISH = "swedish-technique-foundations"
SAFETY = "contraindications-and-client-safety"
CAPSTONE = "sequencing-a-session"


@pytest.fixture
def demo(demo_catalogue, db):
    return {course.slug: course for course in CoursePage.objects.all()}


def _user(username):
    return get_user_model().objects.get(username=username)


def _order_url(course) -> str:
    return reverse("courses_module_order", args=[course.pk])


def _slugs(course) -> list[str]:
    """The course's modules (drafts too), in course order."""
    return list(ModulePage.objects.child_of(course).order_by("path").values_list("slug", flat=True))


def _module(course, slug) -> ModulePage:
    return ModulePage.objects.child_of(course).get(slug=slug)


def _move(client, course, slug, direction):
    return client.post(_order_url(course), {"page": _module(course, slug).pk, "direction": direction})


def test_maya_moves_a_new_module_before_the_capstone_and_the_site_follows(client, demo):
    swedish = demo[SWEDISH]
    # A new module is added last, after the capstone, wherever it was created from.
    new = swedish.add_child(instance=ModulePage(title="Draping for Swedish work", slug="draping", body=[], live=False))
    assert _slugs(swedish)[-2:] == [CAPSTONE, new.slug]

    client.force_login(_user("maya"))
    page = client.get(_order_url(swedish))
    assert page.status_code == 200
    assert page.context["modules"][-1]["page"].pk == new.pk
    response = _move(client, swedish, new.slug, "up")
    assert response.status_code == 302 and response.url == f"{_order_url(swedish)}#page-{new.pk}"
    assert _slugs(swedish)[-2:] == [new.slug, CAPSTONE]

    # Reordering published modules changes what learners see at once: the course page, Previous and Next.
    before = _slugs(swedish)
    assert before[:2] == ["effleurage", "petrissage"]
    _move(client, swedish, "petrissage", "up")
    order = _slugs(swedish)
    assert order[:2] == ["petrissage", "effleurage"]
    course_page = client.get(swedish.url)
    assert [module.slug for module in course_page.context["modules"]] == [slug for slug in order if slug != new.slug]
    html = course_page.content.decode()
    assert html.index(_module(swedish, "petrissage").title) < html.index(_module(swedish, "effleurage").title)
    navigation = module_navigation(_module(swedish, "effleurage"))
    assert navigation["previous_module"].slug == "petrissage"
    assert navigation["module_number"] == 2
    assert module_navigation(_module(swedish, "petrissage"))["previous_module"] is None

    # The move is in the page's history, by maya; nothing was published or revised.
    entry = PageLogEntry.objects.filter(page=_module(swedish, "petrissage"), action="wagtail.reorder").latest("pk")
    assert entry.user == _user("maya")


def test_maya_cannot_order_daniels_course(client, demo):
    safety = demo[SAFETY]
    before = _slugs(safety)
    client.force_login(_user("maya"))
    assert client.get(_order_url(safety)).status_code == 404
    assert _move(client, safety, before[1], "up").status_code == 404
    assert _slugs(safety) == before
    # Nor through Wagtail's own drag-and-drop endpoint, which needs publish rights.
    response = client.post(
        reverse("wagtailadmin_pages:set_page_position", args=[_module(safety, before[1]).pk]) + "?position=0"
    )
    assert response.status_code in (302, 403)  # Wagtail answers PermissionDenied with a redirect to the dashboard
    assert _slugs(safety) == before


def test_a_page_of_another_course_or_a_bad_direction_is_a_readable_400(client, demo):
    swedish, safety = demo[SWEDISH], demo[SAFETY]
    before_swedish, before_safety = _slugs(swedish), _slugs(safety)
    client.force_login(_user("maya"))
    foreign = ModulePage.objects.child_of(safety).first()
    response = client.post(_order_url(swedish), {"page": foreign.pk, "direction": "up"})
    assert response.status_code == 400
    assert b"Choose a page of this course" in response.content
    response = client.post(_order_url(swedish), {"page": _module(swedish, "friction").pk, "direction": "sideways"})
    assert response.status_code == 400
    response = client.post(_order_url(swedish), {"page": "not-a-number"})
    assert response.status_code == 400
    assert (_slugs(swedish), _slugs(safety)) == (before_swedish, before_safety)


def test_moving_the_first_module_up_changes_nothing(client, demo):
    swedish = demo[SWEDISH]
    before = _slugs(swedish)
    client.force_login(_user("maya"))
    response = _move(client, swedish, before[0], "up")
    assert response.status_code == 302
    assert _slugs(swedish) == before


@pytest.mark.parametrize("username", ["jordan", "admin"])
def test_editors_and_administrators_order_any_course(client, demo, username):
    safety = demo[SAFETY]
    before = _slugs(safety)
    client.force_login(_user(username))
    assert client.get(_order_url(safety)).status_code == 200
    assert _move(client, safety, before[0], "down").status_code == 302
    assert _slugs(safety) == [before[1], before[0], *before[2:]]


def test_a_provider_cannot_order_a_course(client, demo):
    swedish = demo[SWEDISH]
    before = _slugs(swedish)
    client.force_login(_user("gulfcoast"))
    assert client.get(_order_url(swedish)).status_code == 404
    assert _move(client, swedish, before[1], "up").status_code == 404
    assert _slugs(swedish) == before


def test_the_explorer_lists_a_course_in_course_order_with_an_order_button(client, demo):
    swedish = demo[SWEDISH]
    client.force_login(_user("maya"))
    _move(client, swedish, "friction", "up")  # so course order is neither creation nor update order
    response = client.get(reverse("wagtailadmin_explore", args=[swedish.pk]))
    assert response.status_code == 200
    listed = [page.slug for page in response.context["object_list"]]
    expected = _slugs(swedish)
    assert [slug for slug in listed if slug in expected] == expected
    assert _order_url(swedish).encode() in response.content
    # Not for a course that is not hers.
    client.force_login(_user("daniel"))
    response = client.get(reverse("wagtailadmin_explore", args=[swedish.pk]))
    assert _order_url(swedish).encode() not in response.content


def test_reordering_leaves_progress_and_credit_alone(client, demo):
    sam = _user("sam")
    courses = [demo[SWEDISH], demo[SAFETY]] + [course for slug, course in demo.items() if slug not in (SWEDISH, SAFETY)]

    def snapshot():
        progress = sorted(
            ModuleProgress.objects.filter(user=sam).values_list(
                "module_id", "course_id", "completed_at", "seconds_spent"
            )
        )
        records = sorted(
            CreditRecord.objects.filter(user=sam).values_list(
                "pk", "course_id", "ce_hours", "completed_on", "hours_by_category"
            )
        )
        enrolments = {enrolment.course_id: enrolment for enrolment in Enrolment.objects.filter(user=sam)}
        # Where sam picks up stays the module sam is reading; a finished course starts again at its (new) first page.
        standing = {
            row.course.pk: (
                row.percent,
                sorted(row.completed_module_ids),
                row.continue_page.pk if row.continue_page and not row.is_complete else None,
            )
            for row in progress_for(sam, courses, enrolments)
        }
        return progress, records, standing

    before = snapshot()
    assert before[0] and before[1], "the demo gives sam progress and a credit record to keep"
    client.force_login(_user("jordan"))
    for course in courses:
        slugs = _slugs(course)
        _move(client, course, slugs[0], "down")
        _move(client, course, slugs[-1], "up")
    assert snapshot() == before


def test_quizzes_move_among_quizzes_and_leave_the_modules_be(client, demo):
    from quizzes.models import QuizPage

    safety = demo[SAFETY]
    quizzes = list(QuizPage.objects.child_of(safety).order_by("path"))
    assert len(quizzes) >= 2
    modules_before = _slugs(safety)
    client.force_login(_user("daniel"))
    page = client.get(_order_url(safety))
    assert [row["page"].pk for row in page.context["other_pages"]] == [quiz.pk for quiz in quizzes]
    response = client.post(_order_url(safety), {"page": quizzes[-1].pk, "direction": "up"})
    assert response.status_code == 302
    after = list(QuizPage.objects.child_of(safety).order_by("path").values_list("pk", flat=True))
    assert after[-2:] == [quizzes[-1].pk, quizzes[-2].pk]
    assert _slugs(safety) == modules_before
