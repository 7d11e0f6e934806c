"""Export any table or view of the warehouse to Parquet or CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import duckdb

from warehouse.errors import WarehouseError
from warehouse.loads import quote_identifier


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


def list_relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows]


def export_relation(con: duckdb.DuckDBPyConnection, name: str, fmt: ExportFormat, out: Path) -> int:
    """Write every row of table or view ``name`` to ``out``; returns the row count."""
    relations = list_relations(con)
    if name not in relations:
        raise WarehouseError(
            f"no table or view named {name!r}; choose one of: {', '.join(relations)}"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    options = (
        "FORMAT parquet, COMPRESSION zstd" if fmt is ExportFormat.parquet else "FORMAT csv, HEADER"
    )
    target = str(out).replace("'", "''")
    con.execute(f"COPY (SELECT * FROM {quote_identifier(name)}) TO '{target}' ({options})")
    row = con.execute(f"SELECT count(*) FROM {quote_identifier(name)}").fetchone()
    return int(row[0]) if row else 0
