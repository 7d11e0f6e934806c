"""The pipeline's stages as plain functions over one writer connection. The Prefect flow
(flows/pipeline.py) and the CLI call these; nothing here imports Prefect."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import duckdb

from ainews.settings import Settings
from flows.crawling import ainews_counts, run_crawl, staging_dir_for, write_job
from flows.deals.stage import extract_pending
from flows.dedup.stories import dedup_articles
from flows.loading import load_staging
from spiders.sources import Source, SourcesFile

logger = logging.getLogger(__name__)


def parse_since(value: str | None) -> dt.datetime | None:
    """ "36h", "7d", "2w" or an ISO date/time (UTC if no zone); None means no window."""
    if not value:
        return None
    match = re.fullmatch(r"(\d+)\s*([hdw])", value.strip())
    if match:
        hours = int(match[1]) * {"h": 1, "d": 24, "w": 168}[match[2]]
        return dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours)
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"since takes 36h, 7d, 2w or an ISO date, not {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def start_run(
    con: duckdb.DuckDBPyConnection, params: dict[str, Any], flow_run_id: str | None = None
) -> str:
    """Record a run as running (committed at once, so a crash leaves a trace). Runs left
    'running' by a killed process are marked failed first."""
    con.execute(
        "UPDATE runs SET status = 'failed', finished_at = now(), "
        "reason = coalesce(reason, 'process ended without finishing (killed?)') "
        "WHERE status = 'running'"
    )
    run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    con.execute(
        "INSERT INTO runs (run_id, flow_run_id, started_at, status, params, counts) "
        "VALUES (?, ?, now(), 'running', ?, '{}')",
        [run_id, flow_run_id, json.dumps(params, default=str)],
    )
    return run_id


def add_counts(
    con: duckdb.DuckDBPyConnection, run_id: str, stage: str, counts: dict[str, Any]
) -> None:
    row = con.execute("SELECT counts FROM runs WHERE run_id = ?", [run_id]).fetchone()
    merged = json.loads(row[0]) if row and row[0] else {}
    merged[stage] = counts
    con.execute("UPDATE runs SET counts = ? WHERE run_id = ?", [json.dumps(merged), run_id])


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, reason: str | None = None
) -> None:
    con.execute(
        "UPDATE runs SET status = ?, reason = ?, finished_at = now() WHERE run_id = ?",
        [status, reason, run_id],
    )


def crawl_stage(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    run_id: str,
    sources: list[Source],
    sources_file: SourcesFile,
    since: dt.datetime | None,
    log: Callable[[str], None] = logger.info,
    scrapy_overrides: dict[str, Any] | None = None,
    timeout: float | None = None,
) -> dict[str, int]:
    job = write_job(con, settings, sources, sources_file.relevance, run_id, since, scrapy_overrides)
    result = run_crawl(job, log=log, timeout=timeout)
    return ainews_counts(result.stats)


def load_stage(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    run_id: str,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Load this run's staging directory, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        counts = load_staging(
            con, staging_dir_for(settings, run_id), settings.data_dir, run_id, progress
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts.as_dict()


def dedup_stage(con: duckdb.DuckDBPyConnection, workers: int = 2) -> dict[str, int]:
    con.execute("BEGIN TRANSACTION")
    try:
        result = dedup_articles(con, workers=workers)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return asdict(result)


def extract_stage(
    con: duckdb.DuckDBPyConnection, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    return asdict(extract_pending(con, progress=progress, commit_each_batch=True))
