"""The `ainews` command line. Settings are read once here and passed down."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
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


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Saved pages (.html or .html.gz)")],
    url: Annotated[str | None, typer.Option("--url", help="The pages' URL (one file)")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per file")] = False,
) -> None:
    """Run the crawler's article extraction on saved HTML files (debugging, benchmarks).

    With --jsonl each line has at least: file, url, title, text, authors, published_at,
    language (stable keys: other tools read them)."""
    from spiders.article import extract_article, read_html

    if url and len(files) > 1:
        raise _fail("--url names one page; give one file with it")
    failures = 0
    for path in files:
        try:
            article = extract_article(read_html(path), url=url)
            row = {"file": str(path), **article.to_json()}
        except OSError as exc:
            failures += 1
            err_console.print(f"[red]skipped[/] {path}: {exc}")
            continue
        if jsonl:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            console.rule(f"{path.name}")
            for key in ("title", "url", "canonical_url", "published_at", "authors", "language"):
                console.print(f"[bold]{key}[/]: {row[key]}")
            console.print(row["text"][:2000] + ("…" if len(row["text"]) > 2000 else ""))
    if failures:
        raise typer.Exit(code=1)


@app.command()
def deals(
    ctx: typer.Context,
    text_file: Annotated[
        Path | None, typer.Option("--text-file", help="Article text (UTF-8) to extract deals from")
    ] = None,
    html_file: Annotated[
        Path | None, typer.Option("--html-file", help="Saved HTML page (.html or .html.gz)")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Article date YYYY-MM-DD (for dates and FX)")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Headline, for context")] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Article URL (stored with --load)")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per record")] = False,
    load: Annotated[
        bool, typer.Option("--load", help="Also store the article and its records in the database")
    ] = False,
    db: DbOption = None,
) -> None:
    """Print the deal records (investments, valuations, acquisitions, partnerships) of one
    article."""
    from flows.deals.records import extract_records
    from flows.summary import money_text, price_text
    from spiders.article import extract_article, read_html

    if (text_file is None) == (html_file is None):
        raise _fail("give exactly one of --text-file or --html-file")
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise _fail(f"--published must be YYYY-MM-DD, got {published!r}") from exc
    source = text_file or html_file
    assert source is not None
    if not source.exists():
        raise _fail(f"no such file: {source}")
    if html_file is not None:
        article = extract_article(read_html(html_file), url=url)
        text, title = article.text, title or article.title
        if not text.strip():
            # Better said than an empty table: the page, or the option, is not what was meant.
            err_console.print(
                f"[yellow]warning:[/] no article text found in {html_file.name}; "
                "if it is plain text, use --text-file"
            )
        day = day or (article.published_at.date() if article.published_at else None)
        site = article.site_name
    else:
        text, site = source.read_text(encoding="utf-8", errors="replace"), None
    records = extract_records(text, day, title)
    if load:
        n = _load_article(
            _settings(ctx, db), url or source.resolve().as_uri(), title, text, day, site, records
        )
        err_console.print(f"[green]stored[/] {n} record(s) in {_settings(ctx, db).database}")
    if jsonl:
        for record in records:
            typer.echo(json.dumps(record.to_json(), ensure_ascii=False))
        return
    rows = [
        (
            r.kind,
            ", ".join(r.investors),
            f"{r.recipient} ({r.recipient_kind})",
            price_text(r.amount, r.currency, r.qualifier, r.price_per_share),
            money_text(r.amount_usd, "USD"),
            r.round or r.subtype or "",
            r.announced_on.isoformat() if r.announced_on else "",
            f"{r.confidence:.2f}",
        )
        for r in records
    ]
    columns = ["kind", "investors", "recipient", "amount", "usd", "round/type", "announced", "conf"]
    console.print(
        render_table(columns, rows, title=f"{len(records)} deal record(s) in {source.name}")
    )


def _load_article(settings, url, title, text, day, site, records) -> int:  # type: ignore[no-untyped-def]
    from flows.deals import EXTRACTOR_VERSION
    from flows.deals.load import as_published, store_article_records
    from flows.loading import article_id as article_id_for
    from warehouse.loads import upsert

    article_id = article_id_for(url)
    row = {
        "article_id": article_id,
        "canonical_url": url,
        "url": url,
        "title": title,
        "body": text,
        "site_name": site,
        "published_at": as_published(day),
        "source": "cli",
        "is_ai": any(r.is_ai for r in records),
        "extracted_at": dt.datetime.now(dt.UTC),
    }
    try:
        with _warehouse(settings).writer() as w, w.transaction() as con:
            upsert(con, "articles", [row], key=["article_id"])
            return store_article_records(con, {article_id: records}, EXTRACTOR_VERSION)
    except WarehouseError as exc:
        raise _fail(str(exc)) from exc


def _since(value: str | None) -> dt.datetime | None:
    from flows.stages import parse_since

    try:
        return parse_since(value)
    except ValueError as exc:
        raise _fail(str(exc)) from None


def _load_sources(settings: Settings):  # type: ignore[no-untyped-def]
    from spiders.sources import SourcesError, load_sources

    try:
        return load_sources(settings.sources_file)
    except SourcesError as exc:
        raise _fail(str(exc)) from exc


@app.command()
def sources(ctx: typer.Context) -> None:
    """List the configured sources (AINEWS_SOURCES_FILE, default ./sources.toml)."""
    settings: Settings = ctx.obj
    parsed = _load_sources(settings)
    rows = [
        (s.name, s.kind.value, "yes" if s.enabled else "no", s.language or "", "\n".join(s.urls))
        for s in parsed.source
    ]
    console.print(
        render_table(
            ["name", "kind", "enabled", "lang", "urls"], rows, title=str(settings.sources_file)
        )
    )


@app.command()
def crawl(
    ctx: typer.Context,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only these sources (repeatable)")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Skip entries older than 36h / 7d / ISO date")
    ] = None,
    db: DbOption = None,
) -> None:
    """Crawl the sources and load what was fetched (pages, articles) into the database."""
    from flows.stages import add_counts, crawl_stage, finish_run, load_stage, start_run
    from spiders.sources import SourcesError, select_sources

    settings = _settings(ctx, db)
    parsed = _load_sources(settings)
    try:
        chosen = select_sources(parsed, source)
    except SourcesError as exc:
        raise _fail(str(exc)) from exc
    window = _since(since)
    failure: Exception | None = None
    try:
        with _warehouse(settings).writer() as w:
            run_id = start_run(w.con, {"command": "crawl", "sources": [s.name for s in chosen]})
            try:
                crawled = crawl_stage(
                    w.con, settings, run_id, chosen, parsed, window, log=err_console.print
                )
                add_counts(w.con, run_id, "crawl", crawled)
                loaded = load_stage(w.con, settings, run_id)
                add_counts(w.con, run_id, "load", loaded)
                finish_run(w.con, run_id, "completed")
            except Exception as exc:
                finish_run(w.con, run_id, "failed", str(exc)[:2000])
                failure = exc
    except WarehouseError as exc:
        raise _fail(str(exc)) from exc
    if failure is not None:
        raise _fail(f"crawl failed: {failure}")
    console.print(
        render_table(["count", "value"], sorted({**crawled, **loaded}.items()), title=run_id)
    )


def _quiet_prefect(settings: Settings) -> None:
    """Prefect's embedded mode, offline and quiet: a private home under the data directory
    and no telemetry. Must run before Prefect is imported."""
    home = Path(
        os.environ.setdefault("PREFECT_HOME", str((settings.data_dir / "prefect").resolve()))
    )
    home.mkdir(parents=True, exist_ok=True)  # Prefect's SQLite file cannot create its folder
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


EXAMPLE_QUERIES = [
    "SELECT kind, investors, recipient, amount_usd, n_sources FROM v_deals "
    "ORDER BY amount_usd DESC NULLS LAST LIMIT 10",
    "SELECT * FROM v_top_investors LIMIT 10",
    "SELECT place, n_deals, total_usd, investors FROM v_investments_by_country",
]


@app.command()
def run(
    ctx: typer.Context,
    demo: Annotated[
        bool, typer.Option("--demo", help="Crawl the bundled offline newsroom on 127.0.0.1")
    ] = False,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only these sources (repeatable)")
    ] = None,
    since: Annotated[str, typer.Option("--since", help="Window: 36h, 7d, ISO date")] = "2d",
    full_refresh: Annotated[
        bool, typer.Option("--full-refresh", help="Forget feed validators; re-extract deals")
    ] = False,
    db: DbOption = None,
) -> None:
    """Run the whole pipeline once (crawl, load, dedup, extract, publish) as the Prefect
    flow `pipeline`, without a Prefect server."""
    settings = _settings(ctx, db)
    if db is not None:
        os.environ["AINEWS_DB_PATH"] = str(db)  # the flow reads its settings itself
    _quiet_prefect(settings)
    started = time.monotonic()
    with console.status("[bold]starting Prefect (embedded) …", spinner="dots") as status:
        from flows.pipeline import pipeline

        status.update("[bold]running pipeline: crawl → load → dedup → extract → publish …")
        try:
            result = pipeline(
                sources=source or None,
                since=None if demo else since,
                full_refresh=full_refresh,
                demo=demo,
            )
        except Exception as exc:
            raise _fail(f'the run failed: {exc}\nsee `ainews sql "SELECT * FROM runs"`') from exc
    if result.get("status") == "skipped":
        raise _fail(result["reason"])
    _print_summary(settings, result, time.monotonic() - started)


def _command_name() -> str:
    """How the user reaches this program: `.venv/bin/ainews` after `make run`."""
    invoked = Path(sys.argv[0])
    if invoked.name == "ainews" and invoked.parent != Path("."):
        try:
            return str(invoked.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(invoked)
    return "ainews"


def _print_summary(settings: Settings, result: dict, seconds: float) -> None:  # type: ignore[type-arg]
    from flows.summary import usd

    with _warehouse(settings).reader() as con:
        counts = json.loads(
            con.execute("SELECT counts FROM runs WHERE run_id = ?", [result["run_id"]]).fetchone()[
                0
            ]
        )
    rows = [
        (stage, ", ".join(f"{k}={v}" for k, v in sorted(c.items()) if v) or "nothing new")
        for stage, c in counts.items()
    ]
    console.print(render_table(["stage", "counts"], rows, title=f"run {result['run_id']}"))
    deals = result["new_deals"]
    if deals:
        top = [
            (
                d["kind"],
                ", ".join(d["investors"] or []),
                d["recipient"],
                usd(d["amount_usd"]),
                d["n_sources"],
            )
            for d in deals[:10]
        ]
        console.print(
            render_table(
                ["kind", "investors", "recipient", "USD", "sources"], top, title="new deals"
            )
        )
    else:
        console.print("[green]Nothing new:[/] no new deals since the last run.")
    totals = result["totals"]
    console.print(
        f"[bold]{totals['deals']}[/] deals from [bold]{totals['articles']}[/] articles "
        f"({totals['stories']} stories) in {seconds:.1f} s"
    )
    report = settings.data_dir / "report.html"
    console.print(f"\nDatabase: [bold]{settings.database.resolve()}[/]")
    if report.exists():
        console.print(f"Report:   [bold]{report.resolve().as_uri()}[/]")
    console.print("Try:")
    command = _command_name()
    for query in EXAMPLE_QUERIES:
        console.print(f'  {command} sql "{query}"', soft_wrap=True)


@app.command()
def report(
    ctx: typer.Context,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="HTML file (default <data dir>/report.html)")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write a self-contained HTML report: charts and the latest deals with sources."""
    from flows.report import write_report

    settings = _settings(ctx, db)
    target = out or settings.data_dir / "report.html"
    try:
        with _warehouse(settings).reader() as con:
            write_report(con, settings.database, target)
    except WarehouseError as exc:
        raise _fail(str(exc)) from exc
    console.print(f"[green]report:[/] {target.resolve().as_uri()}")


@app.command()
def reprocess(ctx: typer.Context, db: DbOption = None) -> None:
    """Re-extract every stored raw page into articles (after an extractor upgrade); deals
    are re-extracted from the changed articles by the next run or `ainews run`."""
    from flows.loading import LoadCounts, extract_pages

    settings = _settings(ctx, db)
    counts = LoadCounts()
    try:
        with _warehouse(settings).writer() as w, w.transaction() as con:
            extract_pages(con, settings.data_dir, None, counts)
            # Bodies may have changed: recompute their near-duplicate signatures too.
            con.execute(
                "DELETE FROM article_signatures WHERE article_id IN "
                "(SELECT article_id FROM articles WHERE deals_extracted_by IS NULL)"
            )
    except WarehouseError as exc:
        raise _fail(str(exc)) from exc
    console.print(
        f"[green]re-extracted[/] {counts.articles} article(s); rejected {counts.rejected}"
    )


if __name__ == "__main__":
    app()
