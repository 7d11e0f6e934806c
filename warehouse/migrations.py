"""Numbered SQL migrations and analysis views, applied in order and recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import duckdb

from warehouse.errors import SchemaTooNewError

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def list_migrations() -> list[Migration]:
    """Migrations shipped with the code, sorted by version; gaps or duplicates are a bug."""
    found: list[Migration] = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def list_views() -> dict[str, str]:
    """View name -> CREATE OR REPLACE VIEW statement, one view per file."""
    views = {}
    for entry in resources.files("warehouse").joinpath("views").iterdir():
        if entry.name.endswith(".sql"):
            views[entry.name.removesuffix(".sql")] = entry.read_text(encoding="utf-8")
    return dict(sorted(views.items()))


def code_schema_version() -> int:
    return list_migrations()[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or exists[0] == 0:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Bring the schema up to date and (re)create the views; returns the migrations applied.

    Each migration runs in its own transaction together with its schema_version row, so a
    failure leaves the database at the previous version.
    """
    migrations = list_migrations()
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    )
    have = current_version(con)
    newest = migrations[-1].version
    if have > newest:
        raise SchemaTooNewError(
            f"the database is at schema version {have}, but this ainews knows only up to "
            f"{newest}: upgrade ainews, or point --db / AINEWS_DB_PATH at another file"
        )
    applied = []
    for migration in migrations:
        if migration.version <= have:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_version (version, name) VALUES (?, ?)",
                [migration.version, migration.name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(migration)
    create_views(con)
    return applied


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create every view, retrying those that depend on a view not created yet."""
    pending = list_views()
    while pending:
        failed: dict[str, str] = {}
        errors: dict[str, Exception] = {}
        for name, sql in pending.items():
            try:
                con.execute(sql)
            except duckdb.CatalogException as exc:
                failed[name] = sql
                errors[name] = exc
        if len(failed) == len(pending):
            raise RuntimeError(f"views could not be created: {errors}")
        pending = failed
