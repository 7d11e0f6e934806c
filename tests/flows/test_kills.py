"""Nothing lost, nothing duplicated: a run killed in the crawl, load or extract stage
leaves the warehouse consistent, and the next run ends with the same totals as a run
that was never interrupted."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import flows.crawling
from flows.crawling import CrawlError
from flows.pipeline import pipeline
from tests.site import FixtureSite
from tests.spiders.conftest import write_sources
from warehouse import Warehouse

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def totals(db: Path) -> dict:
    with Warehouse(db).reader() as con:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": q("SELECT count(*) FROM articles")[0][0],
            "canonical": q("SELECT count(DISTINCT canonical_url) FROM articles")[0][0],
            "deals": sorted(q("SELECT kind, recipient, amount, n_sources FROM deals")),
            "mentions": q("SELECT count(*) FROM deal_mentions")[0][0],
            "orphan_deals": q(
                "SELECT count(*) FROM deals d WHERE NOT EXISTS "
                "(SELECT 1 FROM deal_mentions m WHERE m.deal_id = d.deal_id)"
            )[0][0],
            "orphan_mentions": q(
                "SELECT count(*) FROM deal_mentions m WHERE NOT EXISTS "
                "(SELECT 1 FROM deals d WHERE d.deal_id = m.deal_id)"
            )[0][0],
            "empty_articles": q("SELECT count(*) FROM articles WHERE length(body) < 150")[0][0],
        }


@pytest.fixture
def baseline(prefect_harness, tmp_path_factory, monkeypatch) -> dict:
    """Totals of an uninterrupted run against a fresh copy of the fixture site."""
    site = FixtureSite().start()
    try:
        data = _point_env_at(monkeypatch, tmp_path_factory.mktemp("baseline"), site)
        assert pipeline(since=None)["status"] == "completed"
        return totals(data / "ainews.duckdb")
    finally:
        site.stop()


def _point_env_at(monkeypatch, root: Path, site: FixtureSite) -> Path:
    data = root / "data"
    monkeypatch.setenv("AINEWS_DATA_DIR", str(data))
    monkeypatch.setenv("AINEWS_SOURCES_FILE", str(write_sources(root / "sources.toml", site.base)))
    for key, value in {
        "CONCURRENT_REQUESTS_PER_DOMAIN": "8", "DOWNLOAD_DELAY_SECONDS": "0",
        "AUTOTHROTTLE": "false", "DOWNLOAD_TIMEOUT_SECONDS": "1.5",
        "DOWNLOAD_MAXSIZE_BYTES": str(5 * 1024 * 1024), "RETRY_TIMES": "1",
        "MAX_RETRY_AFTER_SECONDS": "5",
    }.items():  # fmt: skip
        monkeypatch.setenv(f"AINEWS_POLITENESS__{key}", value)
    return data


def test_sigkill_of_the_crawl_process(baseline, prefect_harness, tmp_path, site, monkeypatch):
    data = _point_env_at(monkeypatch, tmp_path, site)
    real_popen = subprocess.Popen

    class KillAfterFirstItems(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            staging = Path(args[0][-1]).parent / "items.jsonl"

            def killer() -> None:
                while self.poll() is None:
                    if staging.exists() and len(staging.read_text().splitlines()) >= 8:
                        os.kill(self.pid, signal.SIGKILL)
                        return
                    time.sleep(0.05)

            threading.Thread(target=killer, daemon=True).start()

    monkeypatch.setattr(flows.crawling.subprocess, "Popen", KillAfterFirstItems)
    with pytest.raises(CrawlError, match="status -9"):
        pipeline(since=None)
    monkeypatch.setattr(flows.crawling.subprocess, "Popen", real_popen)
    with Warehouse(data / "ainews.duckdb").reader() as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("failed",)]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0

    assert pipeline(since=None)["status"] == "completed"
    assert totals(data / "ainews.duckdb") == baseline


KILLED_RUN = """
import os, sys, time
from pathlib import Path
signal_file = Path(sys.argv[1])
stage = sys.argv[2]

import flows.loading, flows.deals.stage

if stage == "load":
    real = flows.loading.extract_pages
    def slow(*args, **kwargs):
        signal_file.touch()          # pages are inserted, the load transaction is open
        time.sleep(120)
        return real(*args, **kwargs)
    flows.loading.extract_pages = slow
else:
    flows.deals.stage.BATCH = 3
    real = flows.deals.stage.store_article_records
    calls = {"n": 0}
    def slow(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:          # two batches committed, the third in flight
            signal_file.touch()
            time.sleep(120)
        return real(*args, **kwargs)
    flows.deals.stage.store_article_records = slow

from flows.pipeline import pipeline
pipeline(since=None)
"""


@pytest.mark.parametrize("stage", ["load", "extract"])
def test_sigkill_of_the_flow_process(stage, baseline, prefect_harness, tmp_path, site, monkeypatch):
    data = _point_env_at(monkeypatch, tmp_path, site)
    marker = tmp_path / "in-stage"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "child-prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    }
    env.pop("PREFECT_API_URL", None)  # the child uses its own ephemeral server
    (tmp_path / "child-prefect").mkdir()
    # In a session of its own, so the ephemeral Prefect server the child starts can be
    # killed with it: SIGKILL of the flow process alone left that server running after the
    # test suite ended.
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KILLED_RUN), str(marker), stage],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 240
        while not marker.exists():
            if child.poll() is not None:
                pytest.fail(f"the run ended before reaching {stage}: {child.stderr.read()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"the run never reached {stage}")
            time.sleep(0.1)
        child.send_signal(signal.SIGKILL)  # the flow process dies first, mid-stage
        child.wait(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)  # then what it started

    state = totals(data / "ainews.duckdb") if (data / "ainews.duckdb").exists() else None
    if state is not None:  # whatever was published is consistent
        assert state["orphan_deals"] == state["orphan_mentions"] == 0

    assert pipeline(since=None)["status"] == "completed"
    final = totals(data / "ainews.duckdb")
    assert final == baseline
    with Warehouse(data / "ainews.duckdb").reader() as con:
        statuses = [
            r[0] for r in con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()
        ]
    assert statuses == ["failed", "completed"]
