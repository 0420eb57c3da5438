"""Module visits and study time: what a learner opening or reading a module records.

Each page view (a visit) and each heartbeat from an open module (the module page's script) is a sign of
activity. The time since the learner's last sign goes to the module they were on then, up to
CREDIT_MAX_ACTIVITY_GAP_SECONDS (`completion.counted_seconds`: a tab left open over lunch is not study).
Completion counts that time against a course's minimum minutes per module, so it is written on every
view; only enrolled learners are tracked.

On PostgreSQL the whole record is one call of the function `credit_record_activity` (migration 0008),
one round trip where the statements below took five with the transaction's BEGIN and COMMIT; inside it
each statement still reads afresh after the enrolment's row lock, as below, so two visits at once cannot
count the same gap twice. Elsewhere (SQLite) the same steps run from Python. `tests/credit/test_visits.py`
holds the two to the same answers.

A visit that is its own transaction (a page view, a heartbeat) is committed asynchronously on PostgreSQL
(`synchronous_commit` off for that transaction only): the server answers before the commit reaches the disk,
which halved the call. The database stays consistent whatever happens; what a crash of the database server
can lose is the last fraction of a second of visits (at most three times `wal_writer_delay`, 0.6 s by
default), that is a few seconds of study time, never a completion, a grade or a credit record, which are
written with the normal, synchronous commit. A visit inside a larger transaction leaves that transaction's
commit as it is.
"""

from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from pagecache.personal import forget_learner

from courses.models import CoursePage, ModulePage

from . import completion
from .models import Enrolment, ModuleProgress


def record_activity(
    user,
    module: ModulePage,
    course: CoursePage,
    *,
    visit: bool,
    now: datetime | None = None,
    want_progress: bool = True,
):
    """A page view (visit=True) or a heartbeat from an open module. Only enrolled learners are tracked.

    Returns the module's progress (read back fresh unless `want_progress` is False: then a `ModuleProgress`
    holding only its id and seconds spent, which is all a page view shows), or None when the learner is not
    enrolled.
    """
    now = now or timezone.now()
    recorded = (_record_in_postgres if connection.vendor == "postgresql" else _record_in_python)(
        user, module, course, now=now, visits=1 if visit else 0
    )
    if recorded is None:
        return None
    progress_id, seconds_spent, previous_module_id = recorded
    if previous_module_id != module.pk:
        # The learner moved on: "Continue: …" on their dashboard and course pages now points here. Staying on
        # the same module changes only its time, which no kept page shows.
        forget_learner(user.pk)
    if want_progress:
        return ModuleProgress.objects.get(pk=progress_id)
    return ModuleProgress(pk=progress_id, user=user, module=module, course=course, seconds_spent=seconds_spent)


def _record_in_postgres(user, module: ModulePage, course: CoursePage, *, now: datetime, visits: int):
    # One statement: atomic on its own, with no BEGIN and COMMIT around it. On its own, its commit need not
    # wait for the disk: set_config(..., true) lasts until the end of this statement's own transaction.
    call = "credit_record_activity(%s, %s, %s, %s, %s, %s)"
    sources = call if connection.in_atomic_block else f"set_config('synchronous_commit', 'off', true), {call}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT out_progress_id, out_seconds_spent, out_previous_module_id FROM {sources}",
            [user.pk, module.pk, course.pk, now, visits, settings.CREDIT_MAX_ACTIVITY_GAP_SECONDS],
        )
        return cursor.fetchone()  # None: not enrolled


@transaction.atomic
def _record_in_python(user, module: ModulePage, course: CoursePage, *, now: datetime, visits: int):
    """The same steps as the PostgreSQL function: (progress id, seconds spent, previous module) or None."""
    # The UPDATE says whether the learner is enrolled and locks the enrolment against a concurrent visit.
    enrolled = Enrolment.objects.filter(user=user, course=course, left_at__isnull=True).update(
        last_module=module, last_activity_at=now
    )
    if not enrolled:
        return None
    previous_module_id, seconds = _study_seconds(user, now)
    if seconds and previous_module_id != module.pk:
        ModuleProgress.objects.filter(user=user, module_id=previous_module_id).update(
            seconds_spent=F("seconds_spent") + seconds
        )
    here = seconds if previous_module_id == module.pk else 0
    progress_id, seconds_spent = _upsert_progress(user, module, course, now=now, visits=visits, seconds=here)
    return progress_id, seconds_spent, previous_module_id


def _study_seconds(user, now: datetime) -> tuple[int | None, int]:
    """The module the learner was last active on and the seconds since then that count as study on it."""
    previous = (
        ModuleProgress.objects.filter(user=user)
        .order_by("-last_seen_at")
        .values_list("module_id", "last_seen_at")
        .first()
    )
    if previous is None:
        return None, 0
    module_id, last_seen_at = previous
    seconds = completion.counted_seconds(
        (now - last_seen_at).total_seconds(), max_gap_seconds=settings.CREDIT_MAX_ACTIVITY_GAP_SECONDS
    )
    return module_id, seconds


def _upsert_progress(user, module: ModulePage, course: CoursePage, *, now: datetime, visits: int, seconds: int):
    """One statement: the module's row made on first sight, else brought up to date. (row id, seconds spent).

    SQLite and PostgreSQL both take INSERT ... ON CONFLICT ... RETURNING; the ORM's
    bulk_create(update_conflicts=True) cannot add to a counter, so the statement is written out.
    """
    table = connection.ops.quote_name(ModuleProgress._meta.db_table)
    stamp = connection.ops.adapt_datetimefield_value(now)
    sql = (
        f"INSERT INTO {table} (user_id, module_id, course_id, first_visited_at, last_seen_at, visit_count, "
        f"seconds_spent, completed_at) VALUES (%s, %s, %s, %s, %s, %s, %s, NULL) "
        f"ON CONFLICT (user_id, module_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, "
        f"visit_count = {table}.visit_count + EXCLUDED.visit_count, "
        f"seconds_spent = {table}.seconds_spent + EXCLUDED.seconds_spent "
        f"RETURNING id, seconds_spent"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, module.pk, course.pk, stamp, stamp, visits, seconds])
        return cursor.fetchone()
