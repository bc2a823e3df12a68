"""Numbered schema migrations: ``migrations/NNN_name.sql``, applied in order, each once.

The ``schema_version`` table records which versions a store has; opening a store applies
the missing ones, each in its own transaction.  A store written by a newer cronaca (a
version this one does not know) is refused rather than misread.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import duckdb

from cronaca.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    """(version, file) pairs in version order; the versions must run 1, 2, 3… without gaps."""
    found = sorted((int(m.group(1)), p) for p in directory.iterdir() if (m := _NAME.match(p.name)))
    for expected, (version, path) in enumerate(found, start=1):
        if version != expected:
            raise StoreError(f"migration {path.name} is numbered {version:03d}, expected {expected:03d}: "
                             "migrations must be numbered 001, 002, … without gaps.")
    return found


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)")
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, directory: Path = MIGRATIONS_DIR) -> int:
    """Bring the store up to the latest schema; returns the version it is at."""
    files = migration_files(directory)
    latest = files[-1][0] if files else 0
    version = current_version(con)
    if version > latest:
        raise StoreError(f"the store has schema version {version}, newer than this cronaca knows ({latest}); "
                         "upgrade cronaca to read it.")
    for number, path in files[version:]:
        log.info("applying store migration %s", path.name)
        con.begin()
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version VALUES (?, ?, current_timestamp)", [number, path.name])
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"store migration {path.name} failed: {exc}") from exc
    return latest
