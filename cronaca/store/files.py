"""Files written through DuckDB (Parquet), so that the exports need no other engine."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from cronaca.errors import StoreError

SQL_TYPES: dict[str, str] = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN"}


def write_parquet(rows: Sequence[dict[str, Any]], path: Path, columns: Sequence[tuple[str, str]]) -> None:
    """Rows (dicts with the keys ``columns`` names) to a Parquet file with those column types."""
    names = [name for name, _ in columns]
    con = duckdb.connect(":memory:")
    try:
        con.execute("CREATE TABLE t (" + ", ".join(f'"{n}" {SQL_TYPES[kind]}' for n, kind in columns) + ")")
        if rows:
            con.executemany(f"INSERT INTO t VALUES ({', '.join('?' for _ in names)})",
                            [[row.get(n) for n in names] for row in rows])
        target = str(path).replace("'", "''")
        con.execute(f"COPY t TO '{target}' (FORMAT parquet)")
    except duckdb.Error as exc:
        raise StoreError(f"cannot write the Parquet file '{path}': {exc}") from exc
    finally:
        con.close()


def read_parquet(path: Path) -> list[dict[str, Any]]:
    """The rows of a Parquet file as dicts (used to check exports)."""
    con = duckdb.connect(":memory:")
    try:
        cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()
