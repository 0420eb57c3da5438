"""No 5xx from input: whatever a visitor types into an address, a form or a filter, the answer is a page, a
form error or a readable 4xx, and a refused request leaves the learner's saved data as it was.

The fixed cases are the ones a hostile sweep found (ids past the database's integer range, the outside-CE
certificate field asking private storage for a URL); the hypothesis cases throw huge and negative numbers, NUL,
10,000 characters, unicode, markup, wrong types and missing fields at every learner form, JSON endpoint and
GET filter, signed in and anonymously.
"""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from accounts.models import LearnerProfile
from credit.models import Enrolment, Licence, OutsideCredit
from events.models import Registration
from pageparts.ids import BIG_ID_MAX, PAGE_ID_MAX, BoundedModelChoiceField
from quizzes.models import QuizAttempt
from tests import factories
from tests.credit import factories as credit_factories
from tests.events import factories as event_factories
from tests.quizzes import factories as quiz_factories

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"

# ---------------------------------------------------------------------------------------------
# Ids in addresses
# ---------------------------------------------------------------------------------------------

PAGE_ROUTES = [
    ("post", "quizzes:start", "quiz_id"),
    ("post", "credit:enrol", "course_id"),
    ("get", "credit:leave", "course_id"),
    ("post", "credit:module_complete", "module_id"),
    ("post", "credit:module_activity", "module_id"),
]
RECORD_ROUTES = [
    ("get", "quizzes:take", "attempt_id"),
    ("post", "quizzes:autosave", "attempt_id"),
    ("get", "quizzes:submit", "attempt_id"),
    ("get", "credit:outside_edit", "pk"),
    ("get", "credit:outside_certificate", "pk"),
    ("get", "credit:certificate", "record_id"),
    ("get", "licences:edit", "pk"),
    ("post", "events:cancel_registration", "pk"),
]


def _address(name: str, kwarg: str, value: str) -> str:
    # Reverse with a small id, then swap the number in: reverse() itself refuses an out-of-range id.
    return reverse(name, kwargs={kwarg: 7}).replace("/7/", f"/{value}/")


@pytest.mark.parametrize("value", [str(2**63), HUGE, str(PAGE_ID_MAX + 1), "0", "00000000000000000000001"])
@pytest.mark.parametrize(("method", "name", "kwarg"), PAGE_ROUTES)
def test_a_page_id_out_of_range_is_not_found(client, method, name, kwarg, value):
    client.force_login(credit_factories.learner("sam"))
    response = getattr(client, method)(_address(name, kwarg, value))
    assert response.status_code == 404


@pytest.mark.parametrize("value", [str(2**63), HUGE, "0"])
@pytest.mark.parametrize(("method", "name", "kwarg"), RECORD_ROUTES)
def test_a_record_id_out_of_range_is_not_found(client, method, name, kwarg, value):
    client.force_login(credit_factories.learner("sam"))
    assert getattr(client, method)(_address(name, kwarg, value)).status_code == 404


def test_the_largest_ids_still_resolve_and_reverse():
    assert reverse("credit:outside_edit", kwargs={"pk": BIG_ID_MAX}).endswith(f"/{BIG_ID_MAX}/")
    assert reverse("quizzes:start", kwargs={"quiz_id": PAGE_ID_MAX}).startswith(f"/quizzes/{PAGE_ID_MAX}/")


def test_a_real_page_id_still_works(client, course):
    client.force_login(credit_factories.learner("sam"))
    assert client.post(reverse("credit:enrol", args=[course.pk])).status_code == 302
    assert Enrolment.objects.filter(course=course).exists()


# ---------------------------------------------------------------------------------------------
# Ids in forms and filters
# ---------------------------------------------------------------------------------------------


def test_the_roster_filter_refuses_a_huge_course_number_as_a_form_error(client, course):
    client.force_login(factories.user("admin", is_superuser=True, is_staff=True))
    today = timezone.localdate().isoformat()
    response = client.get(reverse("credit:roster"), {"course": HUGE, "start": today, "end": today})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_outside_ce_refuses_a_huge_category_as_a_form_error(client):
    learner = credit_factories.learner("sam")
    client.force_login(learner)
    data = {
        "title": "Ethics Refresher",
        "provider": "Another Provider",
        "completed_on": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "hours": "3",
        "delivery_method": "live_webinar",
        "categories": [HUGE],
    }
    response = client.post(reverse("credit:outside_add"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not OutsideCredit.objects.exists()


def test_a_bounded_choice_field_refuses_negative_and_huge_ids_without_a_query(django_assert_num_queries):
    from courses.models import CECategory

    field = BoundedModelChoiceField(queryset=CECategory.objects.all())
    for value in (HUGE, "-1", "0", str(2**63)):
        with django_assert_num_queries(0), pytest.raises(Exception, match="valid choice"):
            field.clean(value)


# ---------------------------------------------------------------------------------------------
# The outside-CE certificate: private storage has no URL, so the field links to the download view
# ---------------------------------------------------------------------------------------------


def _png(name: str = "certificate.png", colour: str = "white") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _entry_form(entry) -> dict:
    return {
        "title": entry.title,
        "provider": entry.provider,
        "completed_on": entry.completed_on.isoformat(),
        "hours": str(entry.hours),
        "categories": [c.pk for c in entry.categories.all()],
        "delivery_method": entry.delivery_method,
        "certificate_number": "",
    }


@pytest.fixture
def entry_with_certificate(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    learner = credit_factories.learner("sam")
    entry = credit_factories.outside_credit(learner, on=timezone.localdate() - timedelta(days=3))
    entry.certificate_file.save("certificate.png", _png(), save=False)
    entry.certificate_content_type = "image/png"
    entry.save()
    return learner, entry


def test_editing_an_entry_with_a_certificate_links_to_the_owner_checked_download(client, entry_with_certificate):
    learner, entry = entry_with_certificate
    client.force_login(learner)
    response = client.get(reverse("credit:outside_edit", args=[entry.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    download = reverse("credit:outside_certificate", args=[entry.pk])
    assert f'href="{download}"' in html and "certificate.png</a>" in html
    assert entry.certificate_file.name not in html  # the stored (private) name is not shown
    assert client.get(download).status_code == 200


def test_saving_an_entry_keeps_its_certificate(client, entry_with_certificate):
    learner, entry = entry_with_certificate
    client.force_login(learner)
    stored = entry.certificate_file.name
    response = client.post(reverse("credit:outside_edit", args=[entry.pk]), {**_entry_form(entry), "title": "New"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "New" and entry.certificate_file.name == stored
    assert entry.certificate_content_type == "image/png"


def test_saving_an_entry_with_a_new_file_replaces_its_certificate(client, entry_with_certificate):
    learner, entry = entry_with_certificate
    client.force_login(learner)
    stored = entry.certificate_file.name
    form = {**_entry_form(entry), "certificate_file": _png("scan.png", "black")}
    assert client.post(reverse("credit:outside_edit", args=[entry.pk]), form).status_code == 302
    entry.refresh_from_db()
    assert entry.certificate_file.name != stored and entry.certificate_file.name.endswith(".png")


# ---------------------------------------------------------------------------------------------
# Hypothesis: hostile values everywhere
# ---------------------------------------------------------------------------------------------

MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% debug %}", "' OR 1=1 --"]
ODD = ["", " ", "\x00", "a\x00b", "1e309", "NaN", "-0", "١٢٣", "１２", "[]", "{}", "null", "true", "2026-02-30"]

hostile = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.sampled_from([str(2**63), str(2**63 - 1), str(2**31), HUGE, "-" + HUGE, *MARKUP, *ODD]),
    st.just("x" * 10_000),
    st.text(max_size=40),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(lambda day: day.isoformat()),
)
# A posted field is one value, several values (a list), or missing altogether.
field_value = st.one_of(hostile, st.lists(hostile, min_size=2, max_size=3))


def form_of(*names: str):
    return st.dictionaries(st.sampled_from(names), field_value, max_size=len(names))


HOSTILE = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def saved_state(user) -> tuple:
    """What a refused request must not change: the learner's entries, licences, registrations, enrolments,
    attempts and name."""
    if user is None:
        return (OutsideCredit.objects.count(), Licence.objects.count(), Registration.objects.count())
    profile = LearnerProfile.objects.filter(user=user).values_list("legal_name", flat=True).first()
    user.refresh_from_db()
    return (
        list(OutsideCredit.objects.filter(user=user).order_by("pk").values()),
        list(Licence.objects.filter(user=user).order_by("pk").values()),
        list(Registration.objects.filter(learner=user).order_by("pk").values("pk", "status")),
        list(Enrolment.objects.filter(user=user).order_by("pk").values("pk", "left_at")),
        list(QuizAttempt.objects.filter(user=user).order_by("pk").values("pk", "sequence", "status", "submitted_at")),
        profile,
        user.email,
    )


@pytest.fixture
def world(catalogue, settings, tmp_path):
    """A learner with a licence, an outside entry, an enrolment, an open quiz attempt and an event registration."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    learner = credit_factories.learner("sam")
    course = factories.course(title="Contraindications and Client Safety", ce_hours="1")
    module = factories.module(course, title="Circulatory conditions")
    quiz = quiz_factories.quiz(course, questions=quiz_factories.one_of_each(course), title="Safety check")
    licence = credit_factories.licence(learner)
    entry = credit_factories.outside_credit(learner, on=timezone.localdate() - timedelta(days=3))
    event_factories.events_index()
    event = event_factories.event(title="Hands-on Myofascial Release")
    from credit import services as credit_services
    from events import registrations
    from quizzes import services as quiz_services

    credit_services.enrol(learner, course)
    attempt, _ = quiz_services.start_attempt(quiz, learner)
    registration = registrations.register(event=event, learner=learner).registration
    return {
        "learner": learner,
        "course": course,
        "module": module,
        "quiz": quiz,
        "licence": licence,
        "entry": entry,
        "event": event,
        "attempt": attempt,
        "registration": registration,
    }


OUTSIDE_FIELDS = ("title", "provider", "completed_on", "hours", "categories", "delivery_method", "certificate_number")
LICENCE_FIELDS = ("requirement_profile", "licence_number", "cycle_start", "cycle_end", "next")
FILTER_FIELDS = ("category", "delivery", "hands_on", "region", "city", "date_from", "date_to", "min_hours", "provider")

# (method, address builder, field names, success is a redirect that may change data)
ENDPOINTS = {
    "enrol": ("post", lambda w: reverse("credit:enrol", args=[w["course"].pk]), ("next",)),
    "leave": ("post", lambda w: reverse("credit:leave", args=[w["course"].pk]), ("next",)),
    "complete": ("post", lambda w: reverse("credit:module_complete", args=[w["module"].pk]), ("next",)),
    "activity": ("post", lambda w: reverse("credit:module_activity", args=[w["module"].pk]), ("visible", "seconds")),
    "quiz start": ("post", lambda w: reverse("quizzes:start", args=[w["quiz"].pk]), ("next",)),
    "quiz take": (
        "post",
        lambda w: reverse("quizzes:take", args=[w["attempt"].pk]),
        ("slot", "q1", "q2", "seq-1", "page", "action"),
    ),
    "quiz save": ("post", lambda w: reverse("quizzes:autosave", args=[w["attempt"].pk]), ("slot", "q1", "seq-1")),
    "quiz submit": ("post", lambda w: reverse("quizzes:submit", args=[w["attempt"].pk]), ("seq", "time_up")),
    "transcript add": ("post", lambda w: reverse("credit:outside_add"), OUTSIDE_FIELDS),
    "transcript edit": ("post", lambda w: reverse("credit:outside_edit", args=[w["entry"].pk]), OUTSIDE_FIELDS),
    "licence add": ("post", lambda w: reverse("licences:add"), LICENCE_FIELDS),
    "licence edit": ("post", lambda w: reverse("licences:edit", args=[w["licence"].pk]), LICENCE_FIELDS),
    "verify": ("post", lambda w: reverse("credit:verify"), ("code",)),
    "verify get": ("get", lambda w: reverse("credit:verify"), ("code",)),
    "event register": ("post", lambda w: reverse("events:register", args=[w["event"].uid]), ("next",)),
    "event cancel": ("post", lambda w: reverse("events:cancel_registration", args=[w["registration"].pk]), ("next",)),
    "event check-in": ("post", lambda w: reverse("events:check_in", args=[w["event"].uid]), ("code",)),
    "profile": ("post", lambda w: reverse("accounts:profile"), ("legal_name", "email")),
    "events listing": ("get", lambda w: w["event"].get_parent().url, FILTER_FIELDS),
    "calendar feed": ("get", lambda w: reverse("events:feed"), FILTER_FIELDS),
    "roster": ("get", lambda w: reverse("credit:roster"), ("course", "start", "end", "format")),
    "transcript": ("get", lambda w: reverse("credit:transcript"), ("format", "page")),
}
# The forms whose success is a redirect: any other answer is a refusal and must leave the data untouched.
REDIRECT_ON_SUCCESS = {"transcript add", "transcript edit", "licence add", "licence edit", "profile", "quiz submit"}


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "anonymous"])
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_hostile_values_never_give_a_server_error(client, world, endpoint, signed_in):
    method, address, names = ENDPOINTS[endpoint]
    url = address(world)
    user = world["learner"] if signed_in else None
    if user is not None:
        client.force_login(user)

    @HOSTILE
    @given(data=form_of(*names), as_json=st.booleans())
    def check(data, as_json):
        before = saved_state(user)
        headers = {"Accept": "application/json"} if as_json else {}
        response = getattr(client, method)(url, data, headers=headers)
        assert response.status_code < 500, (endpoint, data)
        if response.status_code >= 400 or (endpoint in REDIRECT_ON_SUCCESS and response.status_code == 200):
            assert saved_state(user) == before, (endpoint, data)

    check()


@pytest.mark.parametrize("endpoint", ["quiz save", "activity", "verify"])
def test_hostile_json_bodies_never_give_a_server_error(client, world, endpoint):
    _, address, _ = ENDPOINTS[endpoint]
    url = address(world)
    client.force_login(world["learner"])
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80) | hostile,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
        max_leaves=8,
    )

    @HOSTILE
    @given(body=json_values)
    def check(body):
        import json

        response = client.post(url, json.dumps(body), content_type="application/json", HTTP_ACCEPT="application/json")
        assert response.status_code < 500, body

    check()
