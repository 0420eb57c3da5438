"""Enrolling, leaving, visiting modules, study time, marking complete, and the dashboard."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from credit import services
from credit.models import CreditRecord, Enrolment, ModuleProgress
from quizzes.models import QuizPage
from tests import factories
from tests.credit import factories as credit_factories
from tests.credit.test_quiz_completion import add_quiz, take_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner():
    return credit_factories.learner("sam")


@pytest.fixture
def course_and_modules(catalogue):
    """A home-study course: three modules and the test that counts towards completion."""
    course, modules = credit_factories.live_course(
        title="Swedish Technique Foundations", ce_hours="6", modules=3, delivery_method="on_demand"
    )
    add_quiz(course, title="Technique check")
    return course, modules


def test_enrol_from_the_course_page(client, learner, course_and_modules):
    course, modules = course_and_modules
    client.force_login(learner)
    page = client.get(course.url).content.decode()
    assert "Enrol in this course" in page

    response = client.post(reverse("credit:enrol", args=[course.pk]))

    assert response.status_code == 302 and response["Location"] == modules[0].url
    assert Enrolment.objects.filter(user=learner, course=course, left_at__isnull=True).exists()
    page = client.get(course.url).content.decode()
    assert "0 of 4 steps done" in page
    assert "Start: Part 1" in page


def test_enrolling_twice_keeps_one_enrolment(learner, course_and_modules):
    course, _ = course_and_modules
    services.enrol(learner, course)
    services.enrol(learner, course)
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


def test_closed_course_refuses_newcomers_but_not_returning_learners(client, learner, course_and_modules):
    course, _ = course_and_modules
    services.enrol(learner, course)
    services.leave(learner, course)
    CoursePageModel = type(course)
    CoursePageModel.objects.filter(pk=course.pk).update(enrolment_open=False)
    course.refresh_from_db()

    newcomer = credit_factories.learner("newcomer")
    client.force_login(newcomer)
    assert "closed to new enrolments" in client.get(course.url).content.decode()
    response = client.post(reverse("credit:enrol", args=[course.pk]), follow=True)
    assert "closed to new enrolments" in response.content.decode()
    assert not Enrolment.objects.filter(user=newcomer).exists()

    services.enrol(learner, course)  # coming back is fine
    assert Enrolment.objects.get(user=learner, course=course).left_at is None


def test_leaving_keeps_progress_and_rejoining_resumes(client, learner, course_and_modules):
    course, modules = course_and_modules
    services.enrol(learner, course)
    services.mark_module_complete(learner, modules[0], course)
    client.force_login(learner)

    assert client.get(reverse("credit:leave", args=[course.pk])).status_code == 200
    client.post(reverse("credit:leave", args=[course.pk]))

    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.left_at is not None
    assert ModuleProgress.objects.filter(user=learner, completed_at__isnull=False).count() == 1
    client.get(reverse("credit:dashboard"))  # shows (and uses up) the "you've left" message
    assert "Swedish Technique Foundations" not in client.get(reverse("credit:dashboard")).content.decode()
    assert "Rejoin the course" in client.get(course.url).content.decode()

    client.post(reverse("credit:enrol", args=[course.pk]))
    assert "1 of 4 steps done" in client.get(course.url).content.decode()


def test_leaving_a_course_you_are_not_in_is_not_found(client, learner, course_and_modules):
    course, _ = course_and_modules
    client.force_login(learner)
    assert client.get(reverse("credit:leave", args=[course.pk])).status_code == 404
    assert client.post(reverse("credit:enrol", args=[999_999])).status_code == 404


def test_module_visit_is_recorded_for_enrolled_learners_only(client, learner, course_and_modules):
    course, modules = course_and_modules
    client.force_login(learner)
    client.get(modules[0].url)
    assert not ModuleProgress.objects.exists()  # not enrolled: nothing about them is stored

    services.enrol(learner, course)
    client.get(modules[0].url)
    client.get(modules[0].url)
    progress = ModuleProgress.objects.get(user=learner, module=modules[0])
    assert progress.visit_count == 2 and progress.completed_at is None
    assert Enrolment.objects.get(user=learner).last_module_id == modules[0].pk


def test_study_time_goes_to_the_module_the_learner_was_reading(learner, course_and_modules, settings):
    settings.CREDIT_MAX_ACTIVITY_GAP_SECONDS = 1800
    course, modules = course_and_modules
    services.enrol(learner, course)
    start = timezone.now()
    services.record_activity(learner, modules[0], course, visit=True, now=start)
    services.record_activity(learner, modules[0], course, visit=False, now=start + timedelta(minutes=4))
    services.record_activity(learner, modules[1], course, visit=True, now=start + timedelta(minutes=10))
    # Away for hours: only the longest counted gap is added.
    services.record_activity(learner, modules[1], course, visit=False, now=start + timedelta(hours=5))

    seconds = dict(ModuleProgress.objects.values_list("module_id", "seconds_spent"))
    assert seconds[modules[0].pk] == 10 * 60
    assert seconds[modules[1].pk] == 1800


def test_minimum_time_is_enforced_on_marking_complete(client, learner, catalogue):
    course, modules = credit_factories.live_course(modules=1, minimum_module_minutes=5)
    services.enrol(learner, course)
    client.force_login(learner)
    client.get(modules[0].url)

    response = client.post(reverse("credit:module_complete", args=[modules[0].pk]), follow=True)
    html = response.content.decode()
    assert "at least 5 minutes on each module" in html
    assert ModuleProgress.objects.get().completed_at is None

    ModuleProgress.objects.update(last_seen_at=timezone.now() - timedelta(minutes=6))
    response = client.post(reverse("credit:module_complete", args=[modules[0].pk]))
    assert ModuleProgress.objects.get().completed_at is not None
    assert not CreditRecord.objects.filter(user=learner, course=course).exists()  # live: attendance still due


def test_module_page_shows_time_spent_against_the_minimum(client, learner, catalogue):
    course, modules = credit_factories.live_course(modules=1, minimum_module_minutes=10)
    services.enrol(learner, course)
    client.force_login(learner)
    html = client.get(modules[0].url).content.decode()
    assert "at least 10 minutes on each module" in html
    assert "data-activity-url" in html


def test_marking_complete_needs_an_enrolment(client, learner, course_and_modules):
    course, modules = course_and_modules
    client.force_login(learner)
    response = client.post(reverse("credit:module_complete", args=[modules[0].pk]), follow=True)
    assert "Enrol in the course" in response.content.decode()
    assert not ModuleProgress.objects.exists()


def test_marking_complete_moves_on_to_the_next_module(client, learner, course_and_modules):
    course, modules = course_and_modules
    services.enrol(learner, course)
    client.force_login(learner)
    response = client.post(reverse("credit:module_complete", args=[modules[0].pk]))
    assert response["Location"] == modules[1].url
    html = client.get(modules[0].url).content.decode()
    assert "You've finished this module" in html


def test_heartbeat_counts_for_enrolled_learners_and_ignores_others(client, learner, course_and_modules):
    course, modules = course_and_modules
    assert client.post(reverse("credit:module_activity", args=[modules[0].pk])).status_code == 204
    client.force_login(learner)
    assert client.post(reverse("credit:module_activity", args=[modules[0].pk])).status_code == 204
    assert not ModuleProgress.objects.exists()
    services.enrol(learner, course)
    assert client.post(reverse("credit:module_activity", args=[modules[0].pk])).status_code == 204
    assert ModuleProgress.objects.filter(user=learner, module=modules[0]).exists()
    assert client.get(reverse("credit:module_activity", args=[modules[0].pk])).status_code == 405
    assert client.post(reverse("credit:module_activity", args=[424242])).status_code == 404


def test_dashboard_shows_progress_continue_and_hours(client, learner, course_and_modules, catalogue):
    course, modules = course_and_modules
    other, other_modules = credit_factories.live_course(title="Client Communication", ce_hours="3", modules=1)
    services.enrol(learner, course)
    services.mark_module_complete(learner, modules[0], course)
    services.record_activity(learner, modules[1], course, visit=True)
    credit_factories.complete_course(learner, other, other_modules)
    client.force_login(learner)

    html = client.get(reverse("credit:dashboard")).content.decode()

    assert "Continue where you left off" in html
    assert "Continue: Part 2" in html
    assert 'value="25"' in html
    assert "3 CEs" in html  # hours earned
    assert "Client Communication" in html and "Download certificate" in html


def test_dashboard_and_learner_pages_need_a_login(client):
    for name in ("credit:dashboard", "credit:transcript", "credit:renewal", "accounts:profile"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_anonymous_course_page_invites_to_log_in(client, course_and_modules):
    course, _ = course_and_modules
    html = client.get(course.url).content.decode()
    assert "Log in to enrol" in html and "Create an account" in html


def test_completion_happens_when_rejoining_with_everything_done(learner, course_and_modules):
    course, modules = course_and_modules
    services.enrol(learner, course)
    for module in modules[:-1]:
        services.mark_module_complete(learner, module, course)
    services.leave(learner, course)
    # A module may be completed while the learner is away (e.g. a progress row from before)...
    factories.module(course, title="Draft", publish=False)
    services.enrol(learner, course)
    take_quiz(learner, course.get_children().type(QuizPage).specific().get())
    _, record = services.mark_module_complete(learner, modules[-1], course)
    assert record is not None


def test_previews_of_unsaved_pages_render_without_progress(rf, learner, course_and_modules):
    from django.template import Context, Template

    from courses.models import CoursePage, ModulePage

    course, _ = course_and_modules
    request = rf.get("/")
    request.user = learner
    html = Template("{% load credit_tags %}{% course_actions course %}").render(
        Context({"request": request, "course": CoursePage(title="Draft", ce_hours=1)})
    )
    assert "once the course is published" in html
    html = Template("{% load credit_tags %}{% module_progress module course %}").render(
        Context({"request": request, "module": ModulePage(title="Draft"), "course": course})
    )
    assert "Learners mark the module complete here" in html


def test_completed_modules_are_marked_in_the_course_and_module_navigation(client, learner, course_and_modules):
    course, modules = course_and_modules
    services.enrol(learner, course)
    services.mark_module_complete(learner, modules[0], course)
    client.force_login(learner)
    assert client.get(course.url).content.decode().count('badge--success">Completed') == 1
    assert client.get(modules[1].url).content.decode().count("(completed)") == 1
