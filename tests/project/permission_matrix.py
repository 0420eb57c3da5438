"""The machinery behind the permission matrix (tests/project/test_permission_matrix.py).

- `url_patterns()` walks the whole URLconf, the Wagtail admin and Django admin included, and names each
  pattern the way the matrix's rows do: its namespaced URL name, or its route when it has no name.
- `build_world()` makes one data set: two courses with their instructors, two providers with an event each,
  and a learner who owns an attempt, a credit record and its certificate, an outside-CE entry, a licence
  and an event registration. Each role of the matrix is an account in it.
- `outcome()` turns a response into the word the matrix uses: ok, login, 403, 404, 405, dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tests import factories
from tests.credit import factories as credit_factories
from tests.events import factories as event_factories
from tests.quizzes import factories as quiz_factories

ROLES = (
    "anonymous",
    "learner",
    "other_learner",
    "instructor",
    "other_instructor",
    "course_editor",
    "provider",
    "other_provider",
    "admin",
)

# ---------------------------------------------------------------------------------------------
# The URLconf
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    key: str  # "namespace:name", or "route:<route>" for a pattern without a name
    route: str
    kwargs: tuple[str, ...]
    module: str  # where the view is defined

    @property
    def namespace(self) -> str:
        return self.key.rpartition(":")[0] if not self.key.startswith("route:") else ""


def url_patterns() -> list[Pattern]:
    """Every URL pattern of the project, in URLconf order (duplicated names appear once)."""
    found: dict[str, Pattern] = {}

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                key = name if entry.name else f"route:{route}"
                kwargs = tuple(entry.pattern.regex.groupindex)
                module = getattr(entry.callback, "__module__", "") or ""
                found.setdefault(key, Pattern(key, route, kwargs, module))

    walk(get_resolver(), "", "")
    return list(found.values())


# ---------------------------------------------------------------------------------------------
# The data set
# ---------------------------------------------------------------------------------------------


@dataclass
class World:
    users: dict  # role -> user (None for anonymous)
    course: object  # the instructor's course
    other_course: object  # taught by the other instructor
    module: object
    quiz: object
    question: object  # in the instructor's course bank
    other_question: object  # in the other course's bank
    category: object  # the instructor's course's question category
    other_category: object
    event: object  # the provider's event
    other_event: object  # the other provider's event
    session: object
    provider_page: object
    attempt: object
    record: object
    certificate: object
    entry: object  # outside CE
    licence: object
    registration: object
    extra: dict = field(default_factory=dict)


def build_world() -> World:
    from courses.models import CECategory
    from courses.services import COURSE_EDITORS_GROUP
    from credit.models import RequirementProfile
    from events import registrations
    from events.services import add_provider_account
    from quizzes import services as quiz_services

    factories.catalogue()
    event_factories.events_index()
    users: dict = {"anonymous": None}
    users["learner"] = credit_factories.learner("sam")
    users["other_learner"] = credit_factories.learner("lee", legal_name="Lee Park")
    maya = factories.instructor("Maya Okafor")
    daniel = factories.instructor("Daniel Reyes")
    users["instructor"], users["other_instructor"] = maya.user, daniel.user
    users["course_editor"] = factories.user("jordan")
    users["course_editor"].groups.add(Group.objects.get(name=COURSE_EDITORS_GROUP))
    users["admin"] = factories.user("admin", is_superuser=True, is_staff=True)

    # An On Demand course with its modules and final test, which the learner completes: a credit record and
    # its certificate.
    course, modules = credit_factories.home_study_course(title="Swedish Technique Foundations", instructors=[maya])
    module = modules[0]
    other_course = factories.course(title="Contraindications and Client Safety", instructors=[daniel])
    factories.module(other_course, title="Screening")
    record = credit_factories.complete_course(users["learner"], course, modules)
    certificate = record.certificates.first()
    category = quiz_factories.category("Strokes", course=course)
    other_category = quiz_factories.category("Screening", course=other_course)
    question = quiz_factories.single_choice(course=course, category=category)
    other_question = quiz_factories.single_choice(course=other_course, category=other_category)
    quiz = quiz_factories.quiz(course, questions=[question], title="Effleurage check", counts_towards_completion=False)
    attempt, _ = quiz_services.start_attempt(quiz, users["learner"])

    gulf = event_factories.provider("Gulf Coast Bodywork Institute")
    cascade = event_factories.provider("Cascade Myofascial Education", time_zone="America/Los_Angeles")
    users["provider"], users["other_provider"] = factories.user("gulfcoast"), factories.user("cascade")
    add_provider_account(gulf, users["provider"])
    add_provider_account(cascade, users["other_provider"])
    event = event_factories.event(gulf, title="Prenatal massage")
    other_event = event_factories.event(cascade, title="Myofascial release", time_zone="America/Los_Angeles")
    registration = registrations.register(event=event, learner=users["learner"]).registration

    entry = credit_factories.outside_credit(users["learner"], on=timezone.localdate() - timedelta(days=3))
    licence = credit_factories.licence(users["learner"])
    extra = {
        "cecategory": CECategory.objects.first(),
        "instructor_snippet": maya,
        "requirement_profile": RequirementProfile.objects.first(),
        "approving_body": credit_factories.approving_body(),
        "other_entry": credit_factories.outside_credit(users["other_learner"], title="Draping"),
    }
    return World(
        users=users,
        course=course,
        other_course=other_course,
        module=module,
        quiz=quiz,
        question=question,
        other_question=other_question,
        category=category,
        other_category=other_category,
        event=event,
        other_event=other_event,
        session=event.sessions.first(),
        provider_page=gulf,
        attempt=attempt,
        record=record,
        certificate=certificate,
        entry=entry,
        licence=licence,
        registration=registration,
        extra=extra,
    )


# ---------------------------------------------------------------------------------------------
# Responses
# ---------------------------------------------------------------------------------------------

LOGIN_PATHS = ("/accounts/login/", "/admin/login/", "/_util/login/", "/django-admin/login/")


def outcome(response) -> str:
    """ok (2xx, or a redirect that is not a refusal), login (a redirect to a sign-in page), dashboard (the
    Wagtail admin's "no permission" redirect to its home), or the status code of a refusal."""
    status = response.status_code
    if 200 <= status < 300:
        return "ok"
    if status in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        path = location.split("://", 1)[-1]
        path = "/" + path.split("/", 1)[1] if location.startswith("http") else location
        if path.startswith(LOGIN_PATHS):
            return "login"
        if path.split("?")[0] == "/admin/":
            return "dashboard"
        return "ok"
    return str(status)
