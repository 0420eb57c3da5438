"""Module visits and study time (credit.visits): PostgreSQL's one-call function and the Python steps agree,
and two visits at once never count the same gap twice."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from credit import services, visits
from credit.models import Enrolment, ModuleProgress
from tests.concurrency import run_together
from tests.credit import factories as credit_factories

# (module, minutes since the start, a page view rather than a heartbeat); "leave" and "return" change the
# enrolment. Gaps longer than the allowed one, a heartbeat at the very same moment, moving back and forth.
STEPS = [
    (0, 0, True),
    (0, 4, False),
    (0, 4, False),
    (1, 10, True),
    (1, 10.5, False),
    (1, 300, False),
    (0, 301, True),
    ("leave", 302, None),
    (1, 303, True),
    ("return", 304, None),
    (1, 320, True),
    (2, 321.25, True),
    (0, 400, False),
]


def replay(record, learner, course, modules, start):
    answers = []
    for module, minutes, visit in STEPS:
        now = start + timedelta(minutes=minutes)
        if module == "leave":
            Enrolment.objects.filter(user=learner).update(left_at=now)
        elif module == "return":
            Enrolment.objects.filter(user=learner).update(left_at=None)
        else:
            found = record(learner, modules[module], course, now=now, visits=1 if visit else 0)
            answers.append(None if found is None else (found[1], found[2] and modules.index_of(found[2])))
    rows = sorted(
        (modules.index_of(row.module_id), row.visit_count, row.seconds_spent, row.first_visited_at, row.last_seen_at)
        for row in ModuleProgress.objects.filter(user=learner)
    )
    enrolment = Enrolment.objects.get(user=learner)
    return answers, rows, modules.index_of(enrolment.last_module_id), enrolment.last_activity_at


class Modules(list):
    def index_of(self, module_id):
        return next(index for index, module in enumerate(self) if module.pk == module_id)


@pytest.mark.django_db
def test_the_postgresql_function_records_exactly_what_the_python_steps_do(catalogue, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the one-call function exists on PostgreSQL only")
    settings.CREDIT_MAX_ACTIVITY_GAP_SECONDS = 1800
    course, modules = credit_factories.home_study_course(modules=3)
    modules = Modules(modules)
    start = timezone.now().replace(microsecond=250000)
    results = []
    for name, record in (("pg", visits._record_in_postgres), ("py", visits._record_in_python)):
        learner = credit_factories.learner(f"visits-{name}")
        services.enrol(learner, course)
        results.append(replay(record, learner, course, modules, start))
    assert results[0] == results[1]
    answers, rows, last_module, _ = results[0]
    assert answers[7] is None  # a visit while away from the course records nothing
    # Module 0: 4 + 6 minutes before the move to module 1, then 19 more before the return to it.
    # Module 1: 30 s, a gap of hours counted as the 30 minutes allowed, a minute, then 75 s.
    # Module 2: a gap of 78.75 minutes counted as 30.
    assert [row[:3] for row in rows] == [(0, 2, 1740), (1, 2, 1965), (2, 1, 1800)]
    assert last_module == 0


@pytest.mark.django_db(transaction=True)
def test_two_visits_at_once_count_the_gap_once():
    from tests import factories
    from tests.baseline import ensure_baseline

    ensure_baseline()  # a transactional test starts from an empty database
    factories.catalogue()
    course, modules = credit_factories.home_study_course(modules=1)
    learner = credit_factories.learner("twice")
    services.enrol(learner, course)
    start = timezone.now() - timedelta(minutes=10)
    services.record_activity(learner, modules[0], course, visit=True, now=start)
    later = start + timedelta(seconds=100)
    results = run_together(2, lambda _: services.record_activity(learner, modules[0], course, visit=True, now=later))
    assert not [result for result in results if isinstance(result, Exception)]
    row = ModuleProgress.objects.get(user=learner, module=modules[0])
    assert (row.visit_count, row.seconds_spent) == (3, 100)


@pytest.mark.django_db(transaction=True)
def test_a_visit_on_its_own_commits_without_waiting_for_the_disk_and_changes_nothing_else():
    """Its own transaction commits asynchronously; the connection, and a visit inside a larger transaction,
    keep the normal commit."""
    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is PostgreSQL's")
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from tests import factories
    from tests.baseline import ensure_baseline

    ensure_baseline()
    factories.catalogue()
    course, modules = credit_factories.home_study_course(modules=1)
    learner = credit_factories.learner("async")
    services.enrol(learner, course)

    def visit_sql() -> str:
        with CaptureQueriesContext(connection) as captured:
            assert services.record_activity(learner, modules[0], course, visit=True) is not None
        return " ".join(query["sql"] for query in captured)

    assert "set_config('synchronous_commit', 'off', true)" in visit_sql()
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"
    with transaction.atomic():
        assert "synchronous_commit" not in visit_sql()
    assert ModuleProgress.objects.get(user=learner, module=modules[0]).visit_count == 2
