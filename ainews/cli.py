"""The `ainews` command line. Settings are read once here and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console

from ainews import __version__
from ainews.output import OutputFormat, render_csv, render_json, render_table
from ainews.settings import Settings
from warehouse import Warehouse, WarehouseError
from warehouse.export import ExportFormat, export_relation
from warehouse.migrations import code_schema_version, current_version

app = typer.Typer(
    help="Find news about AI investments and keep them as deal records in DuckDB.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="Database file (default: AINEWS_DB_PATH or <data dir>/ainews.duckdb)"
    ),
]


def _settings(ctx: typer.Context, db: Path | None) -> Settings:
    settings: Settings = ctx.obj
    return settings.with_db(db)


def _warehouse(settings: Settings) -> Warehouse:
    return Warehouse(settings.database, lock_timeout=settings.lock_timeout_seconds)


def _fail(message: str) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=1)


def _version(value: bool) -> None:
    if value:
        console.print(
            f"ainews {__version__} (schema {code_schema_version()}, duckdb {duckdb.__version__})"
        )
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Settings()


@app.command()
def init(ctx: typer.Context, db: DbOption = None) -> None:
    """Create the database, or migrate it to this version's schema, and publish it."""
    settings = _settings(ctx, db)
    wh = _warehouse(settings)
    try:
        wh.init()
        with wh.reader() as con:
            version = current_version(con)
    except WarehouseError as exc:
        raise _fail(str(exc)) from exc
    console.print(f"[green]ready:[/] {settings.database} (schema version {version})")


@app.command()
def sql(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="SQL to run against the published database")],
    db: DbOption = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format")
    ] = OutputFormat.table,
) -> None:
    """Run a read-only SQL query (writes are refused) and print the result."""
    settings = _settings(ctx, db)
    try:
        with _warehouse(settings).reader() as con:
            cursor = con.execute(query)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall() if columns else []
    except WarehouseError as exc:
        raise _fail(str(exc)) from exc
    except duckdb.Error as exc:
        hint = (
            " (the database is read-only here; the pipeline is its only writer)"
            if ("read-only" in str(exc))
            else ""
        )
        raise _fail(f"{exc}{hint}") from exc
    if fmt is OutputFormat.json:
        typer.echo(render_json(columns, rows))
    elif fmt is OutputFormat.csv:
        typer.echo(render_csv(columns, rows), nl=False)
    else:
        console.print(render_table(columns, rows))
        console.print(f"[dim]{len(rows)} row(s)[/]")


@app.command()
def export(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Table or view to export, e.g. v_deals")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.parquet,
    db: DbOption = None,
) -> None:
    """Export a table or view to Parquet or CSV."""
    settings = _settings(ctx, db)
    try:
        with _warehouse(settings).reader() as con:
            n = export_relation(con, name, fmt, out)
    except WarehouseError as exc:
        raise _fail(str(exc)) from exc
    console.print(f"[green]wrote[/] {n} row(s) of {name} to {out} ({fmt.value})")


if __name__ == "__main__":
    app()
