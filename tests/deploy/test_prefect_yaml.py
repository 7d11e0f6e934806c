"""prefect.yaml: every deployment names an importable flow with valid parameters, and a
real local Prefect server deploys and runs one through a process worker."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = yaml.safe_load((ROOT / "prefect.yaml").read_text())


@pytest.mark.parametrize("deployment", CONFIG["deployments"], ids=lambda d: d["name"])
def test_deployment_points_at_an_importable_flow_with_valid_parameters(deployment: dict):
    module_path, function = deployment["entrypoint"].split(":")
    module = importlib.import_module(module_path.removesuffix(".py").replace("/", "."))
    flow = getattr(module, function)
    assert flow.name == "pipeline"
    flow.validate_parameters(deployment.get("parameters", {}))
    assert deployment["work_pool"]["name"] == "ainews"
    for schedule in deployment["schedules"]:
        from cronsim import CronSim

        next(iter(CronSim(schedule["cron"], __import__("datetime").datetime(2026, 1, 1))))
    assert CONFIG["pull"][0]["prefect.deployments.steps.set_working_directory"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prefect(args: list[str], env: dict[str, str], timeout: float = 180) -> str:
    exe = Path(sys.executable).parent / "prefect"
    result = subprocess.run(
        [str(exe), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"prefect {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.slow
def test_deploy_and_run_through_a_worker_on_a_real_server(tmp_path: Path):
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "AINEWS_PROJECT_DIR": str(ROOT),
        "AINEWS_DATA_DIR": str(tmp_path / "data"),
    }
    (tmp_path / "prefect").mkdir()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "prefect"), "server", "start", "--host", "127.0.0.1",
         "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: SIGTERM reaches it (see STACK-NOTES)
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("Prefect server did not become healthy")
                time.sleep(1)
        _prefect(["work-pool", "create", "ainews", "--type", "process"], env)
        _prefect(["--no-prompt", "deploy", "--all"], env)
        listed = _prefect(["deployment", "ls"], env)
        assert "pipeline/hourly" in listed and "pipeline/nightly" in listed
        # The real sources are on the internet: run the deployment on the offline demo.
        _prefect(["deployment", "run", "pipeline/hourly", "--param", "demo=true"], env)
        _prefect(["worker", "start", "--pool", "ainews", "--run-once"], env, timeout=600)
        runs = json.loads(
            urllib.request.urlopen(
                urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/flow_runs/filter",
                    data=b"{}",
                    headers={"Content-Type": "application/json"},
                ),
                timeout=10,
            ).read()
        )
        states = [r["state"]["type"] for r in runs if r.get("deployment_id")]
        assert "COMPLETED" in states, states
        from warehouse import Warehouse

        with Warehouse(tmp_path / "data" / "ainews.duckdb").reader() as con:
            assert con.execute("SELECT count(*) FROM deals").fetchone()[0] > 30
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(tmp_path / "prefect", ignore_errors=True)
