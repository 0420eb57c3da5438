"""What learners see of attendance and live credit: the event page, "My events", and a live course's page."""

import pytest
from django.urls import reverse

from credit import services
from events import attendance
from tests import factories
from tests.credit import factories as cf
from tests.events import factories as ef
from tests.events.attendance_helpers import past_event, place_for
from tests.events.check_in_helpers import event_on_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return cf.learner("coordinator", legal_name="Dana Coordinator")


def test_the_event_page_shows_each_session_and_why_partial_attendance_earns_nothing(client, gulf, staff):
    event = past_event(gulf, sessions=2)
    registration = place_for(event)
    first, second = event.session_list
    attendance.mark(session=first, registration_id=registration.pk, present=True, by=staff)
    attendance.mark(session=second, registration_id=registration.pk, present=True, minutes=300, by=staff)
    client.force_login(registration.learner)
    page = client.get(event.url).content.decode()
    assert "Your attendance and credit" in page
    assert "Present" in page and "Partial: 300 of 480 minutes" in page
    assert "Partial attendance earns no credit:" in page
    assert "Attended 300 of 480 minutes of" in page
    assert "ask Gulf Coast Bodywork Institute to correct it" in page
    assert "your credit is on your transcript" not in page


def test_sessions_not_yet_recorded_say_so_and_promise_nothing_yet(client, gulf):
    event = past_event(gulf)
    registration = place_for(event)
    client.force_login(registration.learner)
    page = client.get(event.url).content.decode()
    assert "Not yet recorded" in page
    assert "Credit follows once every session is recorded as attended in full." in page


def test_before_the_event_the_learner_is_told_how_attendance_is_taken(client, gulf):
    event = ef.event(gulf, registration_url="")
    registration = place_for(event)
    client.force_login(registration.learner)
    page = client.get(event.url).content.decode()
    assert "Credit needs every session attended in full." in page
    assert "Not yet recorded" not in page
    # Someone else sees none of it.
    client.force_login(cf.learner("visitor"))
    assert "Your attendance and credit" not in client.get(event.url).content.decode()


def test_an_offering_of_a_course_says_the_course_completes_with_attendance_and_any_quiz(client, gulf):
    course = factories.course(title="Prenatal Massage Certificate", delivery_method="live_on_site", ce_hours="6")
    event = event_on_now(gulf, offering_of=course, ce_hours="6")
    registration = place_for(event)
    client.force_login(registration.learner)
    page = client.get(event.url).content.decode()
    assert "This event is a scheduled offering of" in page and "Prenatal Massage Certificate" in page
    assert "completes when your attendance is complete and any quiz the course requires is passed" in page


def test_my_events_lists_attended_events_with_their_credit_or_the_reason(client, gulf, staff):
    learner = cf.learner("ana")
    full = past_event(gulf, title="Hot Stone Foundations", days_ago=5)
    partial = past_event(gulf, title="Cupping for Therapists", days_ago=3)
    upcoming = ef.event(gulf, title="Sports Massage Update", registration_url="")
    attended, left_early = place_for(full, learner), place_for(partial, learner)
    place_for(upcoming, learner)
    attendance.mark(session=full.session_list[0], registration_id=attended.pk, present=True, by=staff)
    attendance.mark(session=partial.session_list[0], registration_id=left_early.pk, present=True, minutes=120, by=staff)
    attended.refresh_from_db()
    client.force_login(learner)
    page = client.get(reverse("credit:dashboard")).content.decode()
    upcoming_at, attended_at = page.index("Sports Massage Update"), page.index('id="attended-events-heading"')
    assert upcoming_at < attended_at
    section = page[attended_at:]
    # The most recent first.
    assert section.index("Cupping for Therapists") < section.index("Hot Stone Foundations")
    assert "Attended in full: your credit is on your transcript." in section
    assert reverse("credit:certificate", args=[attended.credit_record_id]) in section
    assert "Partial attendance earns no credit:" in section and "120 of 480 minutes" in section


def test_my_events_leaves_out_cancelled_places_and_has_no_attended_section_without_one(client, gulf):
    learner = cf.learner("ben")
    event = past_event(gulf)
    registration = place_for(event, learner)
    registration.status, registration.cancelled_at = "cancelled", event.last_session.starts_at
    registration.save()
    client.force_login(learner)
    page = client.get(reverse("credit:dashboard")).content.decode()
    assert 'id="attended-events-heading"' not in page


def test_the_attended_section_costs_the_same_queries_for_more_events(
    client, gulf, staff, django_assert_max_num_queries
):
    from events.attendance_selectors import attended_events

    learner = cf.learner("cy")
    for n in range(4):
        event = past_event(gulf, title=f"Workshop {n}", days_ago=3 + n, sessions=2)
        registration = place_for(event, learner)
        attendance.mark(session=event.session_list[0], registration_id=registration.pk, present=True, by=staff)
    with django_assert_max_num_queries(4):
        summaries = attended_events(learner=learner)
        assert [line.state for line in summaries[0].sessions] == ["present", "not_recorded"]


def test_a_live_course_page_explains_live_credit_and_lists_its_offerings(client, gulf, cascade):
    course = factories.course(title="Prenatal Massage Certificate", delivery_method="live_on_site", ce_hours="6")
    factories.module(course, title="Before the class")
    soon = ef.event(gulf, title="Prenatal Massage: Tampa", offering_of=course, ce_hours="6", registration_url="")
    later = ef.event(
        cascade,
        title="Prenatal Massage: Portland",
        offering_of=course,
        ce_hours="6",
        registration_url="",
        city="Portland",
        region="Oregon",
        sessions=[(ef.local(40, 9), ef.local(40, 17))],
    )
    ef.event(gulf, title="Prenatal Massage: Cancelled", offering_of=course, ce_hours="6", status="cancelled")
    past_event(gulf, title="Prenatal Massage: Last Year", offering_of=course, ce_hours="6")
    ef.event(gulf, title="Unrelated Workshop", registration_url="")
    learner = cf.learner("dee")
    place_for(later, learner)
    client.force_login(learner)
    page = client.get(course.url).content.decode()
    assert "Credit for this live course comes from attending a scheduled offering in full" in page
    assert "the modules are preparation and follow-up" in page
    start = page.index('id="offerings"')
    section = page[start : page.index("</section>", start)]
    assert section.index("Prenatal Massage: Tampa") < section.index("Prenatal Massage: Portland")
    assert "Tampa, Florida" in section and "Portland, Oregon" in section
    assert f"{soon.url}#register" in section
    assert "You're registered" in section
    assert "Cancelled" not in section and "Last Year" not in section and "Unrelated Workshop" not in section
    # The sidebar's related events leave out the offerings listed here.
    aside = page[page.index('id="course-events-heading"') :]
    assert "Unrelated Workshop" in aside and "Prenatal Massage: Tampa" not in aside


def test_an_on_demand_course_page_has_no_offerings_panel(client):
    course = factories.course(title="Contraindications Online", delivery_method="on_demand")
    factories.module(course)
    assert 'id="offerings"' not in client.get(course.url).content.decode()


def test_the_credit_panels_send_live_learners_to_an_offering_not_the_modules(client):
    course = factories.course(title="Prenatal Massage Certificate", delivery_method="live_on_site", ce_hours="6")
    module = factories.module(course, title="Before the class")
    learner = cf.learner("eve")
    services.enrol(learner, course)
    services.mark_module_complete(learner, module, course)
    client.force_login(learner)
    course_page = client.get(course.url).content.decode()
    actions = course_page[course_page.index('id="course-actions"') :]
    assert "comes from attending a scheduled offering in full, not from the modules" in actions
    module_page = client.get(module.url).content.decode()
    assert "Credit for this live course comes from attending a scheduled offering in full" in module_page
    # Someone not enrolled is not promised credit for the modules.
    client.force_login(cf.learner("fay"))
    module_page = client.get(module.url).content.decode()
    assert "to track your progress and earn credit" not in module_page
    assert "Credit for this live course comes from attending a scheduled offering in full" in module_page


def test_home_study_credit_panels_keep_their_wording(client):
    course = factories.course(title="Contraindications Online", delivery_method="on_demand")
    module = factories.module(course)
    client.force_login(cf.learner("gus"))
    page = client.get(module.url).content.decode()
    assert "to track your progress and earn credit" in page
    assert "scheduled offering" not in page


def test_my_events_points_to_check_in_while_a_session_is_on(client, gulf):
    event = event_on_now(gulf)
    registration = place_for(event)
    client.force_login(registration.learner)
    page = client.get(reverse("credit:dashboard")).content.decode()
    assert f"{event.url}#check-in" in page and "Check-in is open" in page
