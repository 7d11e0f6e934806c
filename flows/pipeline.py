"""The Prefect flow `pipeline`: crawl → load → dedup → extract deals → publish.

A thin layer: each task calls a plain function of flows.stages with the writer
connection the flow holds. The flow holds the warehouse's writer lock for the whole
run, so two runs never write at once; a second run waits for the lock and then stops
with a message. Network trouble retries with back-off; a crash of any stage marks the
run failed in the `runs` table and keeps what earlier stages committed.
"""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from ainews.settings import Settings
from flows.crawling import CrawlError
from flows.report import write_report
from flows.stages import (
    add_counts,
    crawl_stage,
    dedup_stage,
    extract_stage,
    finish_run,
    load_stage,
    parse_since,
    start_run,
)
from flows.summary import counts_of, new_deals, run_markdown, totals
from spiders.sources import load_sources, select_sources
from warehouse import Warehouse, WarehouseBusyError
from warehouse.store import Writer


class NothingReachable(CrawlError):
    """No listing of any source could be fetched: most likely the network, so retry."""


def _retry_network_only(task: Any, task_run: Any, state: Any) -> bool:
    try:
        state.result()
    except NothingReachable:
        return True
    except Exception:
        return False
    return False


@task(
    name="crawl sources",
    retries=2,
    retry_delay_seconds=[30, 120],
    retry_condition_fn=_retry_network_only,
    cache_policy=NO_CACHE,
)
def crawl(
    writer: Writer, settings: Settings, run_id: str, sources: list[str] | None, since: str | None
) -> dict[str, int]:
    logger = get_run_logger()
    parsed = load_sources(settings.sources_file)
    chosen = select_sources(parsed, sources)
    window = parse_since(since)
    logger.info("crawling %d source(s) since %s", len(chosen), window or "ever")
    counts = crawl_stage(writer.con, settings, run_id, chosen, parsed, window, log=logger.info)
    listings = counts.get("listings/parsed", 0) + counts.get("listings/not_modified", 0)
    if chosen and listings == 0:
        raise NothingReachable(f"none of {len(chosen)} source(s) answered; network down?")
    add_counts(writer.con, run_id, "crawl", counts)
    return counts


@task(name="load pages into warehouse", cache_policy=NO_CACHE)
def load(writer: Writer, settings: Settings, run_id: str) -> dict[str, int]:
    counts = load_stage(writer.con, settings, run_id)
    add_counts(writer.con, run_id, "load", counts)
    get_run_logger().info("loaded %s", counts)
    return counts


@task(name="deduplicate stories", cache_policy=NO_CACHE)
def dedup(writer: Writer, run_id: str) -> dict[str, int]:
    counts = dedup_stage(writer.con)
    add_counts(writer.con, run_id, "dedup", counts)
    get_run_logger().info("stories: %s", counts)
    return counts


@task(name="extract and merge deals", cache_policy=NO_CACHE)
def extract(writer: Writer, run_id: str) -> dict[str, int]:
    logger = get_run_logger()

    def progress(done: int, total: int) -> None:
        if done == total or done % 1000 == 0:
            logger.info("deal extraction: %d/%d articles", done, total)

    counts = extract_stage(writer.con, progress=progress)
    add_counts(writer.con, run_id, "extract", counts)
    return counts


@task(name="publish database", cache_policy=NO_CACHE)
def publish(
    writer: Writer, settings: Settings, run_id: str, started: dt.datetime
) -> dict[str, Any]:
    finish_run(writer.con, run_id, "completed")
    writer.publish()
    report = write_report(writer.con, settings.database, settings.data_dir / "report.html")
    deals = new_deals(writer.con, started)
    total = totals(writer.con)
    markdown = run_markdown(
        run_id, "completed", counts_of(writer.con, run_id), deals, total, settings.database, report
    )
    create_markdown_artifact(markdown, key="ainews-run", description=f"ainews run {run_id}")
    get_run_logger().info("published %s: %s", settings.database, total)
    return {"run_id": run_id, "status": "completed", "totals": total, "new_deals": deals}


@flow(name="pipeline", description="Crawl AI-investment news and keep deal records in DuckDB.")
def pipeline(
    sources: list[str] | None = None,
    since: str | None = "2d",
    full_refresh: bool = False,
    demo: bool = False,
) -> dict[str, Any]:
    """One run. ``sources``: names from sources.toml (default: all enabled); ``since``:
    skip listed entries older than this (36h, 7d, ISO date); ``full_refresh``: forget
    feed validators and re-extract every article; ``demo``: crawl the bundled offline
    newsroom on 127.0.0.1 instead of the configured sources."""
    logger = get_run_logger()
    settings = Settings()  # the flow is the program's edge: read the configuration once
    with ExitStack() as stack:
        if demo:
            from ainews.demo import demo_settings

            settings = stack.enter_context(demo_settings(settings))
            sources, since = None, None
        warehouse = Warehouse(settings.database, lock_timeout=settings.lock_timeout_seconds)
        try:
            writer = stack.enter_context(warehouse.writer(publish=False))
        except WarehouseBusyError as exc:
            logger.warning("not running: %s", exc)
            return {"status": "skipped", "reason": str(exc)}
        started = dt.datetime.now(dt.UTC)
        params = {"sources": sources, "since": since, "full_refresh": full_refresh, "demo": demo}
        run_id = start_run(writer.con, params, flow_run_id=flow_run.id)
        if full_refresh:
            writer.con.execute("DELETE FROM feed_state")
            writer.con.execute("UPDATE articles SET deals_extracted_by = NULL")
        try:
            crawl(writer, settings, run_id, sources, since)
            load(writer, settings, run_id)
            dedup(writer, run_id)
            extract(writer, run_id)
            return publish(writer, settings, run_id, started)
        except BaseException as exc:
            finish_run(writer.con, run_id, "failed", f"{type(exc).__name__}: {exc}"[:2000])
            writer.publish()  # analysts see the failed run and everything committed before it
            raise
