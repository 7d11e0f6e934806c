"""Run a crawl in a subprocess: write its job file, stream its log, check its exit.

Scrapy's reactor cannot restart inside one process (and must not run inside Prefect's
event loop), so each crawl is `python -m spiders.crawl JOB.json` in a child process.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ainews.settings import Settings
from spiders.sources import Relevance, Source

ROOT = Path(__file__).resolve().parent.parent


class CrawlError(RuntimeError):
    """The crawl process failed; the message carries its exit status and last log lines."""


@dataclass
class CrawlResult:
    staging_dir: Path
    returncode: int
    stats: dict[str, Any] = field(default_factory=dict)


def staging_dir_for(settings: Settings, run_id: str) -> Path:
    return settings.data_dir / "staging" / run_id


def write_job(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    sources: list[Source],
    relevance: Relevance,
    run_id: str,
    since: dt.datetime | None = None,
    scrapy_overrides: dict[str, Any] | None = None,
) -> Path:
    """The job file the crawl process reads: sources, the URLs already stored (not fetched
    again), feed validators (conditional requests), window and Scrapy settings."""
    staging = staging_dir_for(settings, run_id)
    staging.mkdir(parents=True, exist_ok=True)
    known = staging / "known-urls.txt"
    rows = con.execute(
        "SELECT canonical_url FROM articles UNION SELECT url FROM link_decisions "
        "WHERE NOT relevant AND reason IN ('no AI term', 'no money term')"
    ).fetchall()
    known.write_text("\n".join(r[0] for r in rows), encoding="utf-8")
    feed_state = {
        url: {"etag": etag, "last_modified": last_modified}
        for url, etag, last_modified in con.execute(
            "SELECT url, etag, last_modified FROM feed_state WHERE status IN (200, 304)"
        ).fetchall()
    }
    polite = settings.politeness
    scrapy_settings: dict[str, Any] = {
        "USER_AGENT": f"{polite.user_agent} contact: {polite.contact_url}",
        "ROBOTSTXT_OBEY": polite.obey_robots_txt,
        "CONCURRENT_REQUESTS_PER_DOMAIN": polite.concurrent_requests_per_domain,
        "DOWNLOAD_DELAY": polite.download_delay_seconds,
        "AUTOTHROTTLE_ENABLED": polite.autothrottle,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": polite.autothrottle_target_concurrency,
        "AINEWS_MAX_RETRY_AFTER": polite.max_retry_after_seconds,
        "DOWNLOAD_TIMEOUT": polite.download_timeout_seconds,
        "DOWNLOAD_MAXSIZE": polite.download_maxsize_bytes,
        "DOWNLOAD_WARNSIZE": min(polite.download_maxsize_bytes, 5 * 1024 * 1024),
        "RETRY_TIMES": polite.retry_times,
        "AINEWS_DATA_DIR": str(settings.data_dir.resolve()),
        "AINEWS_STAGING_DIR": str(staging.resolve()),
        "AINEWS_STAGING_FILE": str((staging / "items.jsonl").resolve()),
        **(scrapy_overrides or {}),
    }
    job = {
        "run_id": run_id,
        "sources": [s.model_dump(mode="json") for s in sources],
        "relevance": relevance.model_dump(mode="json"),
        "known_urls_file": str(known.resolve()),
        "feed_state": feed_state,
        "since": since.isoformat() if since else None,
        "settings": scrapy_settings,
    }
    path = staging / "job.json"
    path.write_text(json.dumps(job, indent=1), encoding="utf-8")
    return path


def run_crawl(
    job_path: Path,
    log: Callable[[str], None] = print,
    timeout: float | None = None,
    on_start: Callable[[subprocess.Popen[str]], None] | None = None,
) -> CrawlResult:
    """Run the crawl process to the end, forwarding each log line to ``log``."""
    staging = job_path.parent
    proc = subprocess.Popen(
        [sys.executable, "-m", "spiders.crawl", str(job_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    if on_start:
        on_start(proc)
    tail: list[str] = []

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip()
            tail.append(line)
            del tail[:-20]
            log(line)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        returncode = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise CrawlError(f"crawl exceeded {timeout:g} s and was stopped") from None
    reader.join(timeout=5)
    stats = read_stats(staging)
    if returncode != 0:
        last = "\n".join(tail[-8:])
        raise CrawlError(f"crawl process exited with status {returncode}; last lines:\n{last}")
    return CrawlResult(staging, returncode, stats)


def read_stats(staging: Path) -> dict[str, Any]:
    """Scrapy stats of every spider of a run, summed where numeric."""
    merged: dict[str, Any] = {}
    for path in sorted(staging.glob("stats-*.json")):
        for key, value in json.loads(path.read_text()).items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                merged[key] = merged.get(key, 0) + value
            else:
                merged.setdefault(key, value)
    return merged


def ainews_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The crawl counts worth a run record: our own counters plus HTTP status totals."""
    counts = {k.removeprefix("ainews/"): v for k, v in stats.items() if k.startswith("ainews/")}
    for key in ("downloader/request_count", "downloader/response_count", "retry/count"):
        if key in stats:
            counts[key.replace("downloader/", "")] = stats[key]
    if "robotstxt/forbidden" in stats:
        counts["refused/robots_txt"] = stats["robotstxt/forbidden"]
    return {k: int(v) for k, v in counts.items() if isinstance(v, int | float)}
