"""On PostgreSQL, a module visit or heartbeat recorded in one call (credit/visits.py says what it does).

The function mirrors `credit.visits._record_in_python` step for step, with `completion.counted_seconds`
written in SQL (whole seconds since the last sign of activity, none if not later, at most the gap allowed).
A migration that renames the tables or columns it names must replace it; tests/credit/test_visits.py runs
both versions side by side on PostgreSQL.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION credit_record_activity(
    p_user bigint, p_module bigint, p_course bigint, p_now timestamptz, p_visits integer, p_max_gap integer
) RETURNS TABLE (out_progress_id bigint, out_seconds_spent integer, out_previous_module_id bigint)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_previous bigint;
    v_seen timestamptz;
    v_seconds integer := 0;
BEGIN
    -- Says whether the learner is enrolled, and locks the enrolment against a concurrent visit.
    UPDATE credit_enrolment SET last_module_id = p_module, last_activity_at = p_now
     WHERE user_id = p_user AND course_id = p_course AND left_at IS NULL;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    -- Read after the lock (each statement here sees what committed before it started).
    SELECT mp.module_id, mp.last_seen_at INTO v_previous, v_seen
      FROM credit_moduleprogress mp WHERE mp.user_id = p_user ORDER BY mp.last_seen_at DESC LIMIT 1;
    IF v_previous IS NOT NULL AND p_now > v_seen THEN
        v_seconds := LEAST(floor(EXTRACT(EPOCH FROM (p_now - v_seen))), p_max_gap)::integer;
    END IF;
    IF v_seconds > 0 AND v_previous <> p_module THEN
        UPDATE credit_moduleprogress mp SET seconds_spent = mp.seconds_spent + v_seconds
         WHERE mp.user_id = p_user AND mp.module_id = v_previous;
    END IF;
    RETURN QUERY
    INSERT INTO credit_moduleprogress AS mp
        (user_id, module_id, course_id, first_visited_at, last_seen_at, visit_count, seconds_spent, completed_at)
    VALUES (p_user, p_module, p_course, p_now, p_now, p_visits,
            CASE WHEN v_previous = p_module THEN v_seconds ELSE 0 END, NULL)
    ON CONFLICT (user_id, module_id) DO UPDATE SET
        last_seen_at = EXCLUDED.last_seen_at,
        visit_count = mp.visit_count + EXCLUDED.visit_count,
        seconds_spent = mp.seconds_spent + EXCLUDED.seconds_spent
    RETURNING mp.id, mp.seconds_spent, v_previous;
END
$$;
"""

DROP = "DROP FUNCTION IF EXISTS credit_record_activity(bigint, bigint, bigint, timestamptz, integer, integer);"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("credit", "0007_enrolment_course_enrolled_index")]

    operations = [migrations.RunPython(create, drop)]
