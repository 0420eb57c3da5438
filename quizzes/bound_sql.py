"""Writing many answers in one PostgreSQL statement whose text never changes: each column one array.

`new_attempts` (an attempt and its empty answers) and `graded_answers` (the grades onto those answers,
and the responses an autosave or a page's Save changes) write one row per question. Spelled as a list of
VALUES rows, the statement grows with the quiz, and Django's cursors bind parameters on the client:
psycopg finds every placeholder in the text and writes each value into it, in Python, and keeps no parse
of a statement that long. For a quiz of twenty questions that took longer than the database's own work.
Here each column is one array parameter, unnested by the database, so the text is the same for every
quiz, and the cursor sends the parameters apart from the text (server-side binding, psycopg's own
`Cursor`), in binary where psycopg can.

The cursor is Django's wrapper around it, so these statements are counted, logged and timed like any
other (query budgets and `CaptureQueriesContext` see them). Prepared statements stay off, as on Django's
own cursors (`prepare_threshold` is None), so a connection pooler in transaction mode is still fine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import Field, Model


def bound_cursor():
    """A cursor on the default connection that sends its parameters apart from the SQL (PostgreSQL only)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        return connection._prepare_cursor(ServerBindingCursor(connection.connection))


def unnested(fields: Sequence[Field], alias: str = "v") -> str:
    """`unnest(%s::type[], …) AS alias(column, …)`: one array parameter per field, read back as rows."""
    quote = connection.ops.quote_name
    arrays = ", ".join(f"%b::{field.db_type(connection)}[]" for field in fields)
    return f"unnest({arrays}) AS {alias}({', '.join(quote(field.column) for field in fields)})"


def columns(instances: Iterable[Model], fields: Sequence[Field], *, adding: bool) -> list[list]:
    """The arrays `unnested` reads: per field, every instance's value as the field saves it."""
    values: list[list] = [[] for _ in fields]
    for instance in instances:
        for column, field in zip(values, fields, strict=True):
            column.append(field.get_db_prep_save(field.pre_save(instance, adding), connection))
    return values


def update_by_id(model: type[Model], instances: Sequence[Model], names: Sequence[str]) -> None:
    """Write the fields `names` of `instances` (rows already in the database) in one UPDATE."""
    quote = connection.ops.quote_name
    meta = model._meta
    fields = [meta.pk, *(meta.get_field(name) for name in names)]
    key = quote(meta.pk.column)
    assignments = ", ".join(f"{quote(field.column)} = v.{quote(field.column)}" for field in fields[1:])
    sql = f"UPDATE {quote(meta.db_table)} AS a SET {assignments} FROM {unnested(fields)} WHERE a.{key} = v.{key}"
    with bound_cursor() as cursor:
        cursor.execute(sql, columns(instances, fields, adding=False))
