"""Plain inserts of many rows at once, for the rows an ingest writes by the thousand.

``bulk_create`` spends tens of microseconds preparing each object, value by
value; these helpers hand the database the values as they are, in one
``executemany``, and convert only the timestamps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.db import connections, router
from django.db.models import Model
from django.db.models.constants import OnConflict


def insert_rows(
    model: type[Model],
    fields: Sequence[str],
    rows: Iterable[tuple],
    *,
    ignore_conflicts: bool = False,
) -> None:
    """Insert ``rows`` (values of ``fields``, in that order) into ``model``'s table.

    Values go to the database as they are (ids, numbers, strings, dates;
    datetimes are converted), no signal is sent and no pk comes back.
    ``ignore_conflicts``: rows a unique constraint refuses are skipped.
    """
    rows = list(rows)
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    columns = [model._meta.get_field(name) for name in fields]
    adapters = [
        (position, adapter)
        for position, field in enumerate(columns)
        if (adapter := _adapter(field, connection)) is not None
    ]
    if adapters:
        rows = _adapted(rows, adapters)
    quote = connection.ops.quote_name
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    names = [field.column for field in columns]
    sql = (
        f"{connection.ops.insert_statement(on_conflict=on_conflict)} "
        f"{quote(model._meta.db_table)} ({', '.join(map(quote, names))}) "
        f"VALUES ({', '.join(['%s'] * len(names))}) "
        f"{connection.ops.on_conflict_suffix_sql(names, on_conflict, None, None)}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql.rstrip(), rows)


def insert_models(model: type[Model], objects: list[Model], *, unique_field: str) -> None:
    """Insert new ``objects`` and give each its pk, found again by its ``unique_field``.

    Values are taken as they are: set timestamps and keys beforehand. Objects
    they refer to must be saved already.
    """
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    insert_rows(model, [field.name for field in fields], [_values(obj, fields) for obj in objects])
    values = [getattr(obj, unique_field) for obj in objects]
    pks = {}
    for start in range(0, len(values), 900):
        chunk = values[start : start + 900]
        found = model._base_manager.filter(**{f"{unique_field}__in": chunk})
        pks.update(found.values_list(unique_field, "pk"))
    db = router.db_for_write(model)
    for obj in objects:
        obj.pk = pks[getattr(obj, unique_field)]
        obj._state.adding = False
        obj._state.db = db


def _values(obj: Model, fields) -> tuple:
    values = []
    for field in fields:
        related = field.get_cached_value(obj, default=None) if field.is_relation else None
        values.append(related.pk if related is not None else getattr(obj, field.attname))
    return tuple(values)


def _adapter(field, connection) -> Callable | None:
    kind = field.get_internal_type()
    if kind == "DateTimeField":
        return connection.ops.adapt_datetimefield_value
    return None


def _adapted(rows: list[tuple], adapters) -> list[tuple]:
    done: dict = {}  # rows written together mostly share their timestamps
    adapted = []
    for row in rows:
        row = list(row)
        for position, adapter in adapters:
            value = row[position]
            if value not in done:
                done[value] = adapter(value)
            row[position] = done[value]
        adapted.append(tuple(row))
    return adapted
