"""What the benchmark measures, found inside the benchmark's own site (run there through `manage.py shell`).

It picks the demo's pages, signs in the demo learner, and signs in one extra learner per connection for
the quiz measurements, each with an open attempt to autosave into. The result is printed as one JSON
line, which the benchmark reads back (see load.py for how each entry is used).
"""

from __future__ import annotations

import json

PREFIX = "BENCH-TARGETS "
# The question types whose answer is one choice among options: autosave flips between two of them.
ONE_CHOICE_TYPES = {"single_choice", "true_false"}


def _session_cookie(user) -> str:
    """A signed-in session for ``user`` stored in the site's database, as the login page would leave it."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _pages() -> dict[str, str]:
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from events.models import EventIndexPage

    catalogue = CourseIndexPage.objects.live().first()
    course = CoursePage.objects.live().order_by("path").first()
    module = ModulePage.objects.live().child_of(course).order_by("path").first() if course else None
    events = EventIndexPage.objects.live().first()
    missing = [name for name, page in {"catalogue": catalogue, "course": course, "module": module}.items() if not page]
    if missing or events is None:
        raise SystemExit(f"The demo is missing pages ({', '.join(missing) or 'events'}): did load_demo run?")
    return {
        "course_id": course.pk,
        "catalogue": catalogue.url,
        "course": course.url,
        "module": module.url,
        "events": events.url,
        "search_term": course.title.split()[0].lower(),
    }


def _open_quiz():
    """A live quiz anyone may take any number of times, so the submit measurement can start attempt after attempt."""
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.live().filter(max_attempts__isnull=True).order_by("path").first()
    if quiz is None:
        raise SystemExit("The demo has no live quiz without an attempt limit to benchmark.")
    return quiz


def _autosave_target(quiz, user) -> dict:
    """An open attempt and one of its one-choice questions, with two answers to flip between."""
    from quizzes import services

    attempt, _ = services.start_attempt(quiz, user)
    item = next((item for item in attempt.items if item["type"] in ONE_CHOICE_TYPES), None)
    if item is None:
        raise SystemExit(f"The quiz {quiz.title!r} has no single-choice or true/false question to autosave.")
    return {
        "attempt": attempt.pk,
        "slot": item["slot"],
        "choices": [str(option["id"]) for option in item["options"][:2]],
        "seq": attempt.sequence,
        "take_url": f"/quizzes/attempts/{attempt.pk}/",
    }


def targets(*, learners: int) -> dict:
    """The pages, and one learner per connection: the demo learner and `learners - 1` more, each enrolled in
    the course whose module is measured (so each visit is recorded, as for a real class) and each with an
    open attempt at the quiz."""
    from django.contrib.auth import get_user_model

    from accounts.demo import LEARNER
    from courses.models import CoursePage
    from credit import services

    User = get_user_model()
    quiz = _open_quiz()
    pages = _pages()
    course = CoursePage.objects.get(pk=pages["course_id"])
    users = [User.objects.get(username=LEARNER.username)]
    for number in range(1, learners):
        user, _ = User.objects.get_or_create(
            username=f"bench-learner-{number}", defaults={"email": f"bench-learner-{number}@touchstone.example"}
        )
        users.append(user)
    page_sessions, quiz_learners = [], []
    for user in users:
        services.enrol(user, course)
        session = _session_cookie(user)
        page_sessions.append(session)
        quiz_learners.append({"session": session, **_autosave_target(quiz, user)})
    return {
        **pages,
        "page_sessions": page_sessions,
        "quiz": {"id": quiz.pk, "url": quiz.url},
        "quiz_learners": quiz_learners,
    }


def main(learners: int) -> None:
    print(PREFIX + json.dumps(targets(learners=learners)))


def read(output: str) -> dict:
    """The targets from the output of `main`, which may follow other lines."""
    for line in output.splitlines():
        if line.startswith(PREFIX):
            return json.loads(line.removeprefix(PREFIX))
    raise ValueError("The benchmark's preparation printed no targets.")
