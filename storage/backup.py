"""Portable backups: every table as gzip-compressed JSON lines, readable by SQLite and PostgreSQL alike.

The first line says what the file is and at which schema revision it was made; then one line per table
(in dependency order, parents first) followed by one line per row. Values go through the column types, so
times keep their time zone and stored JSON answers come back exactly ("010", 9007199254740993,
0.30000000000000004). The resume-code key lives in the `settings` table and so comes along.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import JSON, Connection, DateTime, Integer, Table, delete, func, null, select, text

from storage.db import get_engine
from storage.migrate import current_revision, head_revision
from storage.models import Base, utcnow

BACKUP_FORMAT = "ipready.backup/1"
BATCH = 1000


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is meant for people."""


@dataclass(frozen=True)
class BackupSummary:
    revision: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)  # parents before the tables that point at them


def _is_time(table: Table, column: str) -> bool:
    kind = table.c[column].type
    return isinstance(getattr(kind, "impl", kind), DateTime)


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.datetime) else value


def _checked_revision(connection: Connection, what: str) -> str:
    revision = current_revision(connection)
    head = head_revision()
    if revision is None:
        raise BackupError(f"the {what} database has no IP Ready tables yet: run `ipready db upgrade` first")
    if revision != head:
        raise BackupError(
            f"the {what} database is at schema revision {revision}, this version of IP Ready at {head}: "
            "run `ipready db upgrade` first"
        )
    return revision


# ---------------------------------------------------------------- backup


def backup(url: str, target: Path) -> BackupSummary:
    """Write every row of the database at `url` to `target` (replaced only once the backup is complete)."""
    partial = target.with_name(f".{target.name}.partial")
    rows: dict[str, int] = {}
    # One transaction: on PostgreSQL a repeatable-read snapshot, so rows written meanwhile never half-appear.
    with get_engine(url).connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            revision = _checked_revision(connection, "source")
            try:
                with gzip.open(partial, "wt", encoding="utf-8") as out:
                    _write(out, {"format": BACKUP_FORMAT, "revision": revision, "created_at": utcnow().isoformat()})
                    for table in _tables():
                        rows[table.name] = _write_table(connection, table, out)
                    _write(out, {"end": True, "rows": rows})
                partial.replace(target)
            finally:
                partial.unlink(missing_ok=True)
    return BackupSummary(revision, rows)


def _write(out: IO[str], record: dict[str, Any]) -> None:
    # allow_nan: a float column may hold NaN; Python's reader takes it back.
    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def _write_table(connection: Connection, table: Table, out: IO[str]) -> int:
    columns = [column.name for column in table.columns]
    _write(out, {"table": table.name, "columns": columns})
    count = 0
    ordered = select(table).order_by(*table.primary_key.columns)  # ids ascending: earlier rows first
    for row in connection.execution_options(yield_per=BATCH).execute(ordered):
        _write(out, {"row": [_encode(value) for value in row]})
        count += 1
    return count


# ---------------------------------------------------------------- restore


def restore(url: str, source: Path, *, force: bool = False) -> BackupSummary:
    """Load a backup into the (upgraded, empty) database at `url`, all or nothing. With `force` the rows
    already there are deleted first."""
    with _Reader(source) as lines:
        header = _header(next(lines, None))
        with get_engine(url).begin() as connection:
            revision = _checked_revision(connection, "target")
            if header["revision"] != revision:
                raise BackupError(
                    f"{source.name} was made at schema revision {header['revision']}, the database is at "
                    f"{revision}: restore it with the version of IP Ready that made it (or upgrade a copy)"
                )
            occupied = _occupied(connection)
            if occupied and not force:
                raise BackupError(
                    f"the database is not empty ({', '.join(occupied)} have rows): restore into a new database, "
                    "or add --force to replace everything in it"
                )
            for table in reversed(_tables()):
                connection.execute(delete(table))
            rows = _load(connection, lines, source.name)
            _reset_sequences(connection)
    return BackupSummary(header["revision"], rows)


class _Reader:
    """The lines of a gzip backup, as parsed JSON; unreadable files become a BackupError."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.handle: IO[str] | None = None

    def __enter__(self) -> Iterator[dict[str, Any]]:
        try:
            self.handle = gzip.open(self.source, "rt", encoding="utf-8")
        except OSError as exc:
            raise BackupError(f"cannot read {self.source}: {exc.strerror or exc}") from None
        return self._lines(self.handle)

    def _lines(self, handle: IO[str]) -> Iterator[dict[str, Any]]:
        number = 0
        try:
            for number, line in enumerate(handle, start=1):  # noqa: B007 (the message names the line)
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
                yield record
        except (OSError, EOFError, ValueError) as exc:
            raise BackupError(
                f"{self.source.name} is damaged or not an IP Ready backup (near line {max(number, 1)}: {exc})"
            ) from None

    def __exit__(self, *_exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


def _header(record: dict[str, Any] | None) -> dict[str, Any]:
    if not record or record.get("format") != BACKUP_FORMAT or not isinstance(record.get("revision"), str):
        raise BackupError(f"not an IP Ready backup (expected a first line with format {BACKUP_FORMAT})")
    return record


def _occupied(connection: Connection) -> list[str]:
    return [
        table.name
        for table in _tables()
        if connection.execute(select(func.count()).select_from(table)).scalar_one() > 0
    ]


def _load(connection: Connection, lines: Iterator[dict[str, Any]], name: str) -> dict[str, int]:
    tables = {table.name: table for table in _tables()}
    rows: dict[str, int] = {}
    table: Table | None = None
    columns: list[str] = []
    batch: list[dict[str, Any]] = []
    for record in lines:
        if "row" in record:
            if table is None or len(record["row"]) != len(columns):
                raise BackupError(f"{name} is damaged: a row that belongs to no table or has the wrong length")
            batch.append(_decode(table, columns, record["row"]))
            rows[table.name] += 1
            if len(batch) >= BATCH:
                connection.execute(table.insert(), batch)
                batch = []
            continue
        if table is not None and batch:
            connection.execute(table.insert(), batch)
            batch = []
        if record.get("end"):
            if record.get("rows") != rows:
                raise BackupError(f"{name} is damaged: its row counts do not match its rows")
            return rows
        if record.get("table") not in tables or set(record.get("columns") or []) - set(
            tables[record["table"]].c.keys()
        ):
            raise BackupError(f"{name} has a table or column this schema does not know: {record.get('table')}")
        table, columns = tables[record["table"]], list(record["columns"])
        rows[table.name] = 0
    raise BackupError(f"{name} is incomplete: it ends before its last line (was the backup interrupted?)")


def _decode(table: Table, columns: list[str], values: list[Any]) -> dict[str, Any]:
    decoded: dict[str, Any] = {}
    for column, value in zip(columns, values, strict=True):
        if value is None and isinstance(table.c[column].type, JSON):
            value = null()  # SQL NULL: a plain None would be stored as the JSON text 'null'
        elif value is not None and _is_time(table, column):
            value = dt.datetime.fromisoformat(value)
        decoded[column] = value
    return decoded


def _reset_sequences(connection: Connection) -> None:
    """PostgreSQL hands out ids from sequences that know nothing of inserted ids: move each past the
    largest restored id, so the next new row gets a fresh one. SQLite takes max(id) + 1 by itself."""
    if connection.dialect.name != "postgresql":
        return
    for table in _tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer) or keys[0].autoincrement is False:
            continue
        column = keys[0].name
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": table.name, "column": column}
        ).scalar_one()
        if sequence is None:
            continue
        connection.execute(
            text(
                f'SELECT setval(:sequence, COALESCE((SELECT MAX("{column}") FROM "{table.name}"), 1), '
                f'(SELECT MAX("{column}") FROM "{table.name}") IS NOT NULL)'
            ),
            {"sequence": sequence},
        )


def default_backup_name(now: dt.datetime | None = None) -> str:
    return f"ipready-backup-{(now or utcnow()):%Y%m%d-%H%M%S}.jsonl.gz"
