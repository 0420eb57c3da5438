"""The permission matrix: every URL of the project, every role, the answer a GET gets.

Roles (columns): anonymous, learner (owns the attempt, credit record, certificate, outside-CE entry, licence
and event registration), other learner, the course's instructor, another course's instructor, a course
editor, the event's provider, another provider, an administrator (superuser). The data set and the URL walk
are in `tests/project/permission_matrix.py`.

Outcomes: ok (2xx, or a redirect that is not a refusal), login (a redirect to sign in), dashboard (the
Wagtail admin's "you may not" redirect to its home), 403, 404, 405 (the endpoint only takes POST).

Every URL pattern needs a row: a new URL makes `test_every_url_has_a_row` fail, naming it. Rows are keyed
by URL name (`namespace:name`, or `route:<route>` for an unnamed pattern), by a whole namespace of our own
(`ns:*`, the default for its names without a row of their own), or, for Wagtail's and Django's own admin
only, by a prefix (`wagtailimages*`). Our own admin views (the question bank, CE set-up snippets, the
credit ledger, event attendance and status changes, module order) never fall under a prefix row.
A row of `SKIP` documents a URL the matrix does not request (it needs ids of objects the data set lacks).
"""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from courses.services import QUESTION_BANK_MODELS
from tests.project.permission_matrix import ROLES, build_world, outcome, url_patterns

pytestmark = pytest.mark.django_db

OK, L, D, F, N, X = "ok", "login", "dashboard", "403", "404", "405"
SKIP = "skip"


def row(*outcomes: str) -> dict:
    assert len(outcomes) == len(ROLES)
    return dict(zip(ROLES, outcomes, strict=True))


# Columns, in order: anonymous, learner, other learner, instructor, other instructor, course editor, provider,
# other provider, admin.
PUBLIC = row(OK, OK, OK, OK, OK, OK, OK, OK, OK)
SIGNED_IN = row(L, OK, OK, OK, OK, OK, OK, OK, OK)
LEARNER_OWN = row(L, OK, N, N, N, N, N, N, N)  # another person's record is "not found", never shown
LEARNER_OWN_OR_ADMIN = row(L, OK, N, N, N, N, N, N, OK)
POST_ONLY = row(X, X, X, X, X, X, X, X, X)
POST_ONLY_SIGNED_IN = row(L, X, X, X, X, X, X, X, X)
ROSTER = row(L, N, N, OK, OK, N, N, N, OK)  # instructors (of any course: the form offers their own) and admins

# The Wagtail admin: learners are sent to sign in; authors without the permission go to the dashboard.
STAFF = row(L, L, L, OK, OK, OK, OK, OK, OK)
ADMIN_ONLY = row(L, L, L, D, D, D, D, D, OK)
BANK = row(L, L, L, OK, OK, OK, D, D, OK)  # question bank listings: instructors and course editors
BANK_OBJECT = row(L, L, L, OK, N, OK, N, N, OK)  # a question or category of the instructor's course
BANK_OBJECT_DELETE = row(L, L, L, D, N, OK, N, N, OK)  # deleting: course editors and admins only
BANK_OBJECT_POST = row(L, L, L, X, N, X, N, N, X)
BANK_CHOOSER = row(L, L, L, OK, OK, OK, OK, OK, OK)  # the choosers list only the user's own (empty for providers)
COURSE_PAGE = row(L, L, L, OK, F, OK, F, F, OK)  # the instructor's course in the page editor
COURSE_ADMIN = row(L, L, L, OK, N, OK, N, N, OK)  # our views of the course (module order): others get 404
EVENT_PAGE = row(L, L, L, F, F, OK, OK, F, OK)  # the provider's event in the page editor
# Attendance, registrations, cancel/postpone of the event: whoever may edit the event page (its provider, and
# course editors, who review events), or the admin; to anyone else the event is not there.
EVENT_ADMIN = row(L, L, L, N, N, OK, OK, N, OK)
EVENT_REPORTS = row(L, L, L, D, D, OK, OK, OK, OK)  # the events report: each sees their own events (others: home)
EDITORS = row(L, L, L, D, D, OK, D, D, OK)  # CE categories and instructors: course editors and admins
DJANGO_ADMIN = row(L, L, L, L, L, L, L, L, OK)  # Django's admin: staff accounts only (the admin)
# Course reports: administrators see every course, an instructor the courses they teach; to anyone else in the
# admin a course's report is not there (404). The list of reports ("Reports" in the menu) also leads those who
# run events (providers, course editors) to the events report.
COURSE_REPORTS = row(L, L, L, OK, OK, OK, OK, OK, OK)
COURSE_REPORT = row(L, L, L, OK, N, N, N, N, OK)

ROWS: dict[str, dict | str] = {
    # --- the site ---------------------------------------------------------------------------
    "wagtail_serve": PUBLIC,  # the course page
    "search": PUBLIC,
    "login": PUBLIC,
    "logout": POST_ONLY,
    "wagtailcore_login": PUBLIC,
    "wagtailcore_authenticate_with_password": SKIP,  # no private pages in the data set
    "wagtaildocs_serve": SKIP,  # no documents in the data set
    "wagtaildocs_authenticate_with_password": SKIP,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,  # a made-up token: the "link is invalid" page
    "password_reset_complete": PUBLIC,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "accounts:signup": PUBLIC,
    "accounts:profile": SIGNED_IN,
    "licences:add": SIGNED_IN,
    "licences:edit": LEARNER_OWN,
    "licences:delete": LEARNER_OWN,
    "quizzes:start": POST_ONLY_SIGNED_IN,
    "quizzes:take": LEARNER_OWN,
    "quizzes:autosave": POST_ONLY_SIGNED_IN,
    "quizzes:submit": LEARNER_OWN,
    "quizzes:review": LEARNER_OWN,
    "credit:dashboard": SIGNED_IN,
    "credit:enrol": POST_ONLY_SIGNED_IN,
    "credit:leave": LEARNER_OWN,  # the confirmation page: only for an enrolled learner
    "credit:module_complete": POST_ONLY_SIGNED_IN,
    "credit:module_activity": POST_ONLY,
    "credit:certificate": LEARNER_OWN_OR_ADMIN,
    "credit:certificate_copy": LEARNER_OWN_OR_ADMIN,
    "credit:verify": PUBLIC,
    "credit:verify_code": PUBLIC,
    "credit:transcript": SIGNED_IN,
    "credit:transcript_csv": SIGNED_IN,
    "credit:transcript_pdf": SIGNED_IN,
    "credit:outside_add": SIGNED_IN,
    "credit:outside_edit": LEARNER_OWN,
    "credit:outside_delete": LEARNER_OWN,
    "credit:outside_certificate": LEARNER_OWN_OR_ADMIN,
    "credit:renewal": SIGNED_IN,
    "credit:roster": ROSTER,
    "events:feed": PUBLIC,
    "events:event_calendar": PUBLIC,
    "events:register": POST_ONLY,
    "events:check_in": POST_ONLY,
    "events:cancel_registration": POST_ONLY,
    # --- our admin views ----------------------------------------------------------------------
    "courses_module_order": COURSE_ADMIN,
    "quizzes_admin:module_sections": BANK_OBJECT,
    "quizzes_admin:import_questions": BANK,
    "quizzes_admin:csv_template": BANK,
    "quizzes_admin:preview_import": BANK,  # an unknown import: back to the import form
    "quizzes_admin:export_questions": BANK,
    "quizzes_admin:download_questions": row(L, L, L, N, N, N, D, D, N),  # nothing chosen to export: 404
    # A quiz's statistics: its course's instructors, course editors, admins; other authors get a 403 page.
    "quizzes_admin:quiz_statistics": row(L, L, L, OK, F, OK, F, F, OK),
    "events_registrations": EVENT_ADMIN,
    "events_attendance": EVENT_ADMIN,
    "events_attendance_history": EVENT_ADMIN,
    "events_roster_csv": EVENT_ADMIN,
    "events_roster": EVENT_ADMIN,
    "events_cancel": EVENT_ADMIN,
    "events_postpone": EVENT_ADMIN,
    # Providers' event reports: anyone who may edit an event or a provider page reads the list (their own events);
    # one event's report follows the event's registrations and attendance pages.
    "reports_events": EVENT_REPORTS,
    "reports_events_csv": EVENT_REPORTS,
    "reports_event": EVENT_ADMIN,
    "course_reports:index": COURSE_REPORTS,
    "course_reports:report": COURSE_REPORT,
    "course_reports:learners_csv": COURSE_REPORT,
    "credit_records:*": ADMIN_ONLY,
    "outside_credit:*": ADMIN_ONLY,
    # --- Wagtail's and Django's own admin, by prefix (requested: the SAMPLES below) -----------
    "wagtailadmin_*": STAFF,
    "wagtail_bulk_action": STAFF,
    "wagtailimages*": STAFF,
    "wagtaildocs*": STAFF,
    "wagtailembeds*": STAFF,
    "wagtailsnippets:*": STAFF,
    "wagtailusers*": ADMIN_ONLY,
    "wagtailsites*": ADMIN_ONLY,
    "wagtailredirects*": ADMIN_ONLY,
    "wagtailsettings*": ADMIN_ONLY,
    "wagtailforms*": STAFF,
    "admin:*": DJANGO_ADMIN,
    "route:django-admin/*": DJANGO_ADMIN,
    "route:admin/*": STAFF,  # Wagtail's test 404 and its catch-all "not found" inside the admin
}

# The question bank: the listing of all questions, one per question type, and the categories. Every view
# naming a question or category of another course answers 404 (quizzes.admin.scoping).
QUESTION_NAMESPACES = tuple(kind for kind in QUESTION_BANK_MODELS if kind != "questioncategory")
for _type in QUESTION_BANK_MODELS:
    _ns = f"wagtailsnippets_quizzes_{_type}"
    ROWS |= {f"{_ns}:*": BANK_OBJECT, f"{_ns}:list": BANK, f"{_ns}:list_results": BANK, f"{_ns}:add": BANK}
    ROWS |= {f"{_ns}:preview_on_add": BANK, f"{_ns}:delete": BANK_OBJECT_DELETE, f"{_ns}:unpublish": BANK_OBJECT_DELETE}
    ROWS |= {f"{_ns}:lock": BANK_OBJECT_POST, f"{_ns}:unlock": row(L, L, L, D, N, X, N, N, X)}
    ROWS |= {f"wagtailsnippetchoosers_quizzes_{_type}:*": BANK_OBJECT}
    ROWS |= {f"wagtailsnippetchoosers_quizzes_{_type}:{name}": BANK_CHOOSER for name in ("choose", "choose_results")}
    ROWS |= {f"wagtailsnippetchoosers_quizzes_{_type}:chosen_multiple": BANK_CHOOSER}
    ROWS |= {f"wagtailsnippetchoosers_quizzes_{_type}:create": BANK}
ROWS["wagtailsnippets_quizzes_question:add"] = row(L, L, L, OK, OK, OK, N, N, OK)  # "choose a type" page

# CE set-up (CE categories, instructors) and CE rules (approving bodies, requirement profiles): administrators
# edit them; every author may pick them in a chooser.
for _ns in ("courses_cecategory", "courses_instructor", "credit_approvingbody", "credit_requirementprofile"):
    owners = EDITORS if _ns.startswith("courses_") else ADMIN_ONLY
    ROWS |= {f"wagtailsnippets_{_ns}:*": owners, f"wagtailsnippetchoosers_{_ns}:*": BANK_CHOOSER}
    ROWS |= {f"wagtailsnippetchoosers_{_ns}:create": owners}
ROWS["wagtailsnippets_courses_cecategory:delete"] = ADMIN_ONLY  # course editors add and edit, never delete
ROWS["wagtailsnippets_courses_instructor:delete"] = ADMIN_ONLY

# Of our namespaces' views, the ones requested: the rest are Wagtail's generic views behind the same permission
# and scoping checks (quizzes.admin.scoping wraps every view that names an object), or take ids the data set
# has no use for. The per-type question namespaces are all built by one function (question_viewset), so the
# single-choice one stands for the others.
REQUESTED_ACTIONS = {"list", "add", "edit", "delete", "inspect", "index", "choose", "chosen", "unlock"}
REQUESTED_ACTIONS |= {"revoke", "reissue", "preview_on_edit"}
UNREQUESTED_NAMESPACES = {f"wagtailsnippets_quizzes_{kind}" for kind in QUESTION_NAMESPACES[2:]}
UNREQUESTED_NAMESPACES |= {f"wagtailsnippetchoosers_quizzes_{kind}" for kind in QUESTION_NAMESPACES[2:]}

# Wagtail's own admin pages the matrix requests, with what each role gets: (URL name, kwargs, expected).
SAMPLES = {
    "admin home": ("wagtailadmin_home", lambda w: {}, STAFF),
    "page explorer": ("wagtailadmin_explore_root", lambda w: {}, STAFF),
    "explore the course": ("wagtailadmin_explore", lambda w: {"parent_page_id": w.course.pk}, STAFF),
    "edit the course": ("wagtailadmin_pages:edit", lambda w: {"page_id": w.course.pk}, COURSE_PAGE),
    "edit the module": ("wagtailadmin_pages:edit", lambda w: {"page_id": w.module.pk}, COURSE_PAGE),
    "add under the course": ("wagtailadmin_pages:add_subpage", lambda w: {"parent_page_id": w.course.pk}, COURSE_PAGE),
    "edit the event": ("wagtailadmin_pages:edit", lambda w: {"page_id": w.event.pk}, EVENT_PAGE),
    "edit the provider": ("wagtailadmin_pages:edit", lambda w: {"page_id": w.provider_page.pk}, EVENT_PAGE),
    # The snippets index: our snippets sit in their own menus, so it sends everyone to the dashboard.
    "snippets": ("wagtailsnippets:index", lambda w: {}, row(L, L, L, D, D, D, D, D, D)),
    "users": ("wagtailusers_users:index", lambda w: {}, ADMIN_ONLY),
    "groups": ("wagtailusers_groups:index", lambda w: {}, ADMIN_ONLY),
    "workflows": ("wagtailadmin_workflows:index", lambda w: {}, ADMIN_ONLY),
    "images": ("wagtailimages:index", lambda w: {}, STAFF),
    "django admin": ("admin:index", lambda w: {}, DJANGO_ADMIN),
    "django admin users": ("admin:auth_user_changelist", lambda w: {}, DJANGO_ADMIN),
}

OUR_APPS = {"accounts", "config", "courses", "credit", "events", "home", "pageparts", "quizzes", "search", "teams"}
OUR_APPS |= {"reports"}
OUR_SNIPPETS = re.compile(r"^wagtailsnippet(s|choosers)_(courses|quizzes|credit|events)_")


def rule_for(key: str) -> tuple[str | None, dict | str | None]:
    """The row a URL name falls under: its own, its namespace's, or (Wagtail/Django admin) a prefix's."""
    if key in ROWS:
        return key, ROWS[key]
    namespace = key.rpartition(":")[0]
    if namespace and f"{namespace}:*" in ROWS:
        return f"{namespace}:*", ROWS[f"{namespace}:*"]
    prefixes = [rule for rule in ROWS if rule.endswith("*") and not rule.endswith(":*") and key.startswith(rule[:-1])]
    if prefixes:
        rule = max(prefixes, key=len)
        return rule, ROWS[rule]
    return None, None


# Rows for Wagtail's and Django's own admin: checked through SAMPLES, never covering our views.
FOREIGN = {"wagtailsnippets:*", "admin:*"} | {rule for rule in ROWS if rule.endswith("*") and not rule.endswith(":*")}


def is_ours(pattern) -> bool:
    return pattern.module.split(".")[0] in OUR_APPS or bool(OUR_SNIPPETS.match(pattern.key))


def test_every_url_has_a_row():
    missing, under_prefix = [], []
    for pattern in url_patterns():
        rule, _ = rule_for(pattern.key)
        if rule is None:
            missing.append(f"{pattern.key}  (/{pattern.route})")
        elif rule in FOREIGN and is_ours(pattern):
            under_prefix.append(f"{pattern.key} falls under {rule!r}")
    assert not missing, "URL patterns without a row in the permission matrix (ROWS):\n" + "\n".join(missing)
    assert not under_prefix, "Our own admin views need their own rows:\n" + "\n".join(under_prefix)


# ---------------------------------------------------------------------------------------------
# Requesting every row
# ---------------------------------------------------------------------------------------------


def object_for(namespace: str, w):
    """The object a namespace's `pk` names: always one that belongs to the learner, instructor or provider."""
    if namespace.startswith(("wagtailsnippets_quizzes_", "wagtailsnippetchoosers_quizzes_")):
        kind = namespace.rpartition("_")[2]
        return {"question": w.question, "singlechoicequestion": w.question, "questioncategory": w.category}.get(kind)
    snippets = {"cecategory": "cecategory", "instructor": "instructor_snippet"}
    snippets |= {"approvingbody": "approving_body", "requirementprofile": "requirement_profile"}
    if namespace.startswith(("wagtailsnippets_", "wagtailsnippetchoosers_")):
        return w.extra.get(snippets.get(namespace.rpartition("_")[2]))
    by_namespace = {"licences": w.licence, "credit": w.entry, "events": w.registration}
    by_namespace |= {"credit_records": w.record, "outside_credit": w.entry, "quizzes_admin": w.module}
    return by_namespace.get(namespace)


def kwargs_for(pattern, w) -> dict | None:
    """Keyword arguments that fill the pattern from the data set, or None when it can't be filled."""
    values = {
        "event_id": w.event.pk,
        "session_id": w.session.pk,
        "course_id": w.course.pk,
        "module_id": w.module.pk,
        "quiz_id": w.quiz.pk,
        "attempt_id": w.attempt.pk,
        "record_id": w.record.pk,
        "certificate_id": w.certificate.pk,
        "uid": w.event.uid,
        "code": w.certificate.code,
        "token": "no-such-import",
        "uidb64": "MQ",
    }
    found = {}
    for name in pattern.kwargs:
        if name == "pk":
            obj = object_for(pattern.namespace, w)
            value = None if obj is None else obj.pk
        elif name == "token" and pattern.key == "password_reset_confirm":
            value = "set-password"
        else:
            value = values.get(name)
        if value is None:
            return None
        found[name] = value
    return found


def requests(w):
    """(label, URL, expected) for every row the matrix requests."""
    for pattern in url_patterns():
        rule, expected = rule_for(pattern.key)
        if expected is None or expected == SKIP or rule in FOREIGN or pattern.key.startswith("route:"):
            continue  # Wagtail's and Django's own admin: the SAMPLES
        namespace, _, action = pattern.key.rpartition(":")
        if f"{namespace}:*" in ROWS and (action not in REQUESTED_ACTIONS or namespace in UNREQUESTED_NAMESPACES):
            continue
        if pattern.key == "wagtail_serve":
            yield pattern.key, w.course.url, expected
            continue
        kwargs = kwargs_for(pattern, w)
        if kwargs is not None:
            yield pattern.key, reverse(pattern.key, kwargs=kwargs), expected
    for label, (name, kwargs, expected) in SAMPLES.items():
        yield f"{label} ({name})", reverse(name, kwargs=kwargs(w)), expected


@pytest.fixture
def world(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    w = build_world()
    w.entry.certificate_file.save("certificate.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    w.entry.certificate_content_type = "application/pdf"
    w.entry.save()
    return w


def test_each_role_gets_what_the_matrix_says(client, world):
    mismatches, requested = [], 0
    for role in ROLES:
        client.logout()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        for label, url, expected in requests(world):
            requested += 1
            got = outcome(client.get(url))
            if got != expected[role]:
                mismatches.append(f"{label:60} {role:16} expected {expected[role]:9} got {got}   {url}")
    assert requested > 500
    assert not mismatches, f"{len(mismatches)} of {requested} requests differ:\n" + "\n".join(mismatches)


# ---------------------------------------------------------------------------------------------
# Writes: nobody but the learner changes what the learner owns
# ---------------------------------------------------------------------------------------------

LEARNER_WRITES = {
    "quizzes:autosave": lambda w: {"attempt_id": w.attempt.pk},
    "quizzes:submit": lambda w: {"attempt_id": w.attempt.pk},
    "credit:outside_edit": lambda w: {"pk": w.entry.pk},
    "credit:outside_delete": lambda w: {"pk": w.entry.pk},
    "licences:edit": lambda w: {"pk": w.licence.pk},
    "licences:delete": lambda w: {"pk": w.licence.pk},
    "events:cancel_registration": lambda w: {"pk": w.registration.pk},
    "credit:leave": lambda w: {"course_id": w.course.pk},
}


def learner_state(w) -> tuple:
    from credit.models import Enrolment, Licence, OutsideCredit
    from events.models import Registration
    from quizzes.models import QuizAttempt

    return (
        list(OutsideCredit.objects.filter(pk=w.entry.pk).values()),
        list(Licence.objects.filter(pk=w.licence.pk).values()),
        list(Registration.objects.filter(pk=w.registration.pk).values("status")),
        list(QuizAttempt.objects.filter(pk=w.attempt.pk).values("status", "submitted_at", "sequence")),
        list(Enrolment.objects.filter(user=w.users["learner"]).values("left_at")),
    )


def test_no_one_else_posts_to_what_the_learner_owns(client, world):
    before = learner_state(world)
    mismatches = []
    for role in ("anonymous", "other_learner", "instructor", "provider", "admin"):
        client.logout()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        for name, kwargs in LEARNER_WRITES.items():
            got = outcome(client.post(reverse(name, kwargs=kwargs(world)), {"title": "Changed", "seq": "1"}))
            expected = L if role == "anonymous" else N
            if got != expected:
                mismatches.append(f"{name:30} {role:14} expected {expected} got {got}")
    assert not mismatches, "\n".join(mismatches)
    assert learner_state(world) == before
