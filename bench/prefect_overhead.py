"""What Prefect costs: the `pipeline` flow on N synthetic articles (default 1,000) against
the same stages called as plain functions, in the same process, each on a fresh
database. Prefect's server start-up is excluded (a warm-up flow runs first).

    python bench/prefect_overhead.py [--articles 1000]

Last output line: {"flow_seconds", "plain_seconds", "prefect_share", ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def bench_env(data: Path, sources: Path) -> None:
    os.environ.update(
        {
            "AINEWS_DATA_DIR": str(data),
            "AINEWS_SOURCES_FILE": str(sources),
            "AINEWS_POLITENESS__DOWNLOAD_DELAY_SECONDS": "0",
            "AINEWS_POLITENESS__AUTOTHROTTLE": "false",
            "AINEWS_POLITENESS__CONCURRENT_REQUESTS_PER_DOMAIN": "16",
        }
    )


def prefect_env(tmp: Path) -> None:
    """Embedded Prefect in a private home, no telemetry (set before importing prefect)."""
    os.environ.setdefault("PREFECT_HOME", str(tmp / "prefect"))
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


def plain_run() -> dict:
    """The flow's stages, in the flow's order, without Prefect."""
    from ainews.settings import Settings
    from flows.report import write_report
    from flows.stages import (
        add_counts,
        crawl_stage,
        dedup_stage,
        extract_stage,
        finish_run,
        load_stage,
        start_run,
    )
    from spiders.sources import load_sources
    from warehouse import Warehouse

    settings = Settings()
    parsed = load_sources(settings.sources_file)
    with Warehouse(settings.database).writer(publish=False) as w:
        run_id = start_run(w.con, {})
        add_counts(
            w.con,
            run_id,
            "crawl",
            crawl_stage(w.con, settings, run_id, parsed.source, parsed, None),
        )
        add_counts(w.con, run_id, "load", load_stage(w.con, settings, run_id))
        add_counts(w.con, run_id, "dedup", dedup_stage(w.con))
        add_counts(w.con, run_id, "extract", extract_stage(w.con))
        finish_run(w.con, run_id, "completed")
        w.publish()
        write_report(w.con, settings.database, settings.data_dir / "report.html")
    with Warehouse(settings.database).reader() as con:
        return {"articles": con.execute("SELECT count(*) FROM articles").fetchone()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ainews-bench-"))
    prefect_env(tmp)

    from prefect import flow
    from synthetic_site import SyntheticSite

    from flows.pipeline import pipeline

    @flow(name="warm-up")
    def warm_up() -> None:
        return None

    started = time.perf_counter()
    warm_up()
    startup = time.perf_counter() - started

    # Alternate plain and flow runs (each on a fresh database) and keep the fastest of
    # each, so first-use imports and machine noise do not land on one side only.
    plain_times, flow_times = [], []
    with SyntheticSite(args.articles) as site:
        sources = tmp / "sources.toml"
        sources.write_text(site.sources_toml())
        for attempt in range(args.repeat):
            bench_env(tmp / f"plain-{attempt}", sources)
            started = time.perf_counter()
            plain = plain_run()
            plain_times.append(time.perf_counter() - started)

            bench_env(tmp / f"flow-{attempt}", sources)
            started = time.perf_counter()
            result = pipeline(since=None)
            flow_times.append(time.perf_counter() - started)
    plain_seconds, flow_seconds = min(plain_times), min(flow_times)

    print(
        json.dumps(
            {
                "flow_seconds": round(flow_seconds, 2),
                "plain_seconds": round(plain_seconds, 2),
                "prefect_share": round(max(0.0, flow_seconds - plain_seconds) / flow_seconds, 4),
                "articles": plain["articles"],
                "flow_articles": result["totals"]["articles"],
                "prefect_startup_seconds": round(startup, 2),
                "flow_runs_seconds": [round(t, 2) for t in flow_times],
                "plain_runs_seconds": [round(t, 2) for t in plain_times],
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
