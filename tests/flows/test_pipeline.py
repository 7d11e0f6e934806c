"""The `pipeline` flow end to end under Prefect's test harness, against the fixture site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.pipeline import pipeline
from warehouse import Warehouse

pytestmark = pytest.mark.slow


def _db(data: Path) -> Warehouse:
    return Warehouse(data / "ainews.duckdb")


def test_flow_stores_deals_writes_artifact_and_completes_the_run(prefect_harness, pipeline_env):
    result = pipeline(since=None)
    assert result["status"] == "completed"

    with _db(pipeline_env).reader() as con:
        run = con.execute("SELECT status, counts FROM runs").fetchall()
        deals = con.execute("SELECT kind, recipient, amount FROM deals").fetchall()
        outlets = con.execute("SELECT count(*) FROM v_deals WHERE len(outlets) > 0").fetchone()[0]
    assert [r[0] for r in run] == ["completed"]
    counts = json.loads(run[0][1])
    assert set(counts) == {"crawl", "load", "dedup", "extract"}
    assert counts["load"]["articles_loaded"] >= 10
    assert ("investment", "Lumen Robotics", 60e6) in deals
    assert ("valuation", "Asterion AI", 1.2e9) in deals
    assert outlets == len(deals)
    assert result["new_deals"]

    from prefect.client.orchestration import get_client

    async def artifact_markdown() -> str:
        async with get_client() as client:
            artifacts = await client.read_artifacts()
        # The harness is shared by the session: pick this run's artifact.
        return next(
            a.data for a in artifacts if a.key == "ainews-run" and result["run_id"] in a.data
        )

    import asyncio

    markdown = asyncio.run(artifact_markdown())
    assert "Lumen Robotics" in markdown and "## Stages" in markdown
    assert str((pipeline_env / "ainews.duckdb").resolve()) in markdown


def test_second_run_finds_nothing_new(prefect_harness, pipeline_env):
    pipeline(since=None)
    with _db(pipeline_env).reader() as con:
        before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    result = pipeline(since=None)
    with _db(pipeline_env).reader() as con:
        after = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        runs = con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()
    assert after == before
    assert result["new_deals"] == []
    assert runs == [("completed",), ("completed",)]


def test_a_stage_that_raises_once_is_retried_and_the_run_completes(
    prefect_harness, pipeline_env, monkeypatch
):
    import flows.pipeline as module

    real = module.crawl_stage
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise module.NothingReachable("simulated network outage")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "crawl_stage", flaky)
    monkeypatch.setattr(module.crawl, "retry_delay_seconds", [0, 0])
    result = pipeline(since=None)
    assert calls["n"] == 2
    assert result["status"] == "completed"


def test_a_failing_stage_marks_the_run_failed_and_keeps_earlier_work(
    prefect_harness, pipeline_env, monkeypatch
):
    import flows.pipeline as module

    original = module.extract_stage

    def broken(*args, **kwargs):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr(module, "extract_stage", broken)
    with pytest.raises(RuntimeError, match="extractor exploded"):
        pipeline(since=None)
    with _db(pipeline_env).reader() as con:
        status, reason = con.execute("SELECT status, reason FROM runs").fetchone()
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        deals = con.execute("SELECT count(*) FROM deals").fetchone()[0]
    assert status == "failed" and "extractor exploded" in reason
    assert articles >= 10  # the load stage committed before extraction failed
    assert deals == 0

    # The next run picks up what was missed: the stored articles get their deals.
    monkeypatch.setattr(module, "extract_stage", original)
    assert pipeline(since=None)["status"] == "completed"
    with _db(pipeline_env).reader() as con:
        deals = con.execute("SELECT count(*) FROM deals").fetchone()[0]
        pending = con.execute(
            "SELECT count(*) FROM articles WHERE deals_extracted_by IS NULL"
        ).fetchone()[0]
    assert deals > 5 and pending == 0


def test_a_second_run_waits_for_the_lock_then_stops_with_a_message(
    prefect_harness, pipeline_env, tmp_path
):
    import subprocess
    import sys
    import textwrap
    import time

    ready, go = tmp_path / "ready", tmp_path / "go"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys, time
                from pathlib import Path
                from warehouse import Warehouse
                with Warehouse(Path(sys.argv[1])).writer():
                    Path(sys.argv[2]).touch()
                    while not Path(sys.argv[3]).exists():
                        time.sleep(0.05)
                """
            ),
            str(pipeline_env / "ainews.duckdb"),
            str(ready),
            str(go),
        ],
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        while not ready.exists():
            assert holder.poll() is None
            time.sleep(0.05)
        started = time.monotonic()
        result = pipeline(since=None)
        waited = time.monotonic() - started
    finally:
        go.touch()
        holder.wait(timeout=30)
    assert result["status"] == "skipped"
    assert f"pid {holder.pid}" in result["reason"]
    assert waited >= 2  # AINEWS_LOCK_TIMEOUT_SECONDS in pipeline_env
    with _db(pipeline_env).reader() as con:
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
