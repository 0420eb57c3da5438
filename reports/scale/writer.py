"""Insert many rows fast: ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere (SQLite in the tests).

Django's ``bulk_create`` on PostgreSQL sends each batch as arrays (``UNNEST``) that psycopg quotes on the
client, JSON snapshot by JSON snapshot, and builds a model instance per row first; for millions of
answers that costs far more than the database does. ``COPY`` streams plain values instead. The ids are
taken from the table's sequence first, so rows that refer to each other (an answer to its attempt, a
chosen option to its answer) can be written in turn, as ``bulk_create`` does.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models
from psycopg.types.json import Jsonb


def _reserve(meta, count: int, cursor) -> list[int]:
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
        [meta.db_table, meta.pk.column, count],
    )
    return [pk for (pk,) in cursor.fetchall()]


def _copy(meta, columns: Sequence[str], rows, cursor) -> None:
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with cursor.cursor.copy(f"COPY {connection.ops.quote_name(meta.db_table)} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def insert(model, objects: Sequence[models.Model], *, batch_size: int = 2000) -> None:
    """Save new model instances (their ids are set, as by ``bulk_create``)."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=batch_size)
        return
    meta = model._meta
    for obj in objects:
        obj._prepare_related_fields_for_save(operation_name="insert")
    fields = meta.concrete_fields
    with connection.cursor() as cursor:
        for obj, pk in zip(objects, _reserve(meta, len(objects), cursor), strict=True):
            obj.pk = pk
            obj._state.adding = False
        rows = ([field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields] for obj in objects)
        _copy(meta, [field.column for field in fields], rows, cursor)


def insert_values(model, names: Sequence[str], rows: Sequence[tuple], *, batch_size: int = 2000) -> list[int]:
    """Insert plain rows of the fields ``names`` (attnames, such as ``attempt_id``; JSON fields as Python
    values) without building model instances on PostgreSQL; returns the new ids in order."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objects = [model(**dict(zip(names, row, strict=True))) for row in rows]
        model.objects.bulk_create(objects, batch_size=batch_size)
        return [obj.pk for obj in objects]
    meta = model._meta
    fields = [meta.get_field(name.removesuffix("_id")) for name in names]
    json_at = [index for index, field in enumerate(fields) if isinstance(field, models.JSONField)]
    with connection.cursor() as cursor:
        ids = _reserve(meta, len(rows), cursor)

        def prepared():
            for pk, row in zip(ids, rows, strict=True):
                values = [pk, *row]
                for index in json_at:
                    values[index + 1] = Jsonb(values[index + 1])
                yield values

        _copy(meta, [meta.pk.column, *(field.column for field in fields)], prepared(), cursor)
    return ids
