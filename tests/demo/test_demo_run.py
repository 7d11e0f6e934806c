"""The first-run experience: the pipeline on the bundled newsroom yields the deals of
demo/expected.json, each syndicated story once, and a report that renders in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from flows.pipeline import pipeline
from flows.report import write_report
from warehouse import Warehouse

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((ROOT / "demo" / "expected.json").read_text())
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def demo_db(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo-data")
    mp = pytest.MonkeyPatch()
    mp.setenv("AINEWS_DATA_DIR", str(data))
    try:
        first = pipeline(demo=True)
        second = pipeline(demo=True)
    finally:
        mp.undo()
    assert first["status"] == "completed" and first["new_deals"]
    assert second["status"] == "completed" and second["new_deals"] == []
    return data / "ainews.duckdb"


def _matches(expected: dict, row: tuple) -> bool:
    kind, recipient, amount, currency = row[:4]
    if (expected["kind"], expected["recipient"], expected["currency"]) != (
        kind,
        recipient,
        currency,
    ):
        return False
    if expected["amount"] is None:
        return amount is None
    return amount is not None and abs(amount - expected["amount"]) <= 0.01 * expected["amount"]


def test_demo_yields_the_expected_deals(demo_db: Path):
    with Warehouse(demo_db).reader() as con:
        rows = con.execute(
            "SELECT kind, recipient, amount, currency, investors, n_sources FROM deals"
        ).fetchall()
    expected = EXPECTED["deals"]
    used: set[int] = set()
    matched = []
    for exp in expected:
        hit = next((i for i, r in enumerate(rows) if i not in used and _matches(exp, r)), None)
        if hit is not None:
            used.add(hit)
            matched.append((exp, rows[hit]))
    # The newsroom's stories were written to be read exactly: every expected deal and no
    # other, so any change in what the pipeline makes of them shows up here.
    missing = [e for e in expected if all(e is not m[0] for m in matched)]
    extra = [rows[i] for i in range(len(rows)) if i not in used]
    assert (missing, extra) == ([], [])
    # Each multi-outlet deal once, with all its sources; named investors found.
    for exp, row in matched:
        assert row[5] >= exp["min_sources"], (exp, row)
        assert set(exp["investors"]) <= set(row[4] or []), (exp, row)


def test_each_syndicated_story_is_one_story(demo_db: Path):
    with Warehouse(demo_db).reader() as con:
        rows = con.execute("SELECT canonical_url, story_cluster FROM articles").fetchall()
        n_articles, n_stories = con.execute(
            "SELECT count(*), count(DISTINCT story_cluster) FROM articles"
        ).fetchone()
    # ".../techwire/2024/10/02/openai-6-6-billion-round" -> "techwire/openai-6-6-billion-round"
    by_path = {
        f"{url.split('/')[3]}/{url.rstrip('/').split('/')[-1]}": cluster for url, cluster in rows
    }
    for original, copy in EXPECTED["syndicated"]:
        assert by_path[original] == by_path[copy], (original, copy)
    assert n_stories == n_articles - len(EXPECTED["syndicated"])


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_renders_charts_and_deals_in_chromium(demo_db: Path, tmp_path: Path):
    report = tmp_path / "report.html"
    with Warehouse(demo_db).reader() as con:
        write_report(con, demo_db, report)
        n_deals = con.execute("SELECT count(*) FROM deals").fetchone()[0]
    html = report.read_text()
    assert "<script" not in html and "cdn" not in html.lower()
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (make test installs it where it can)")
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ]  # fmt: skip
    profile = tempfile.mkdtemp(prefix="chromium-")
    dom = subprocess.run(
        [chromium, *flags, f"--user-data-dir={profile}", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    # The browser parsed four charts with drawn shapes and the deals table with its rows.
    assert dom.count("<svg") >= 4
    assert dom.count("<path") > 20
    rows = dom.split('<table id="deals">')[1].count("<tr>") - 1
    assert rows == min(n_deals, 40)
    assert "Microsoft" in dom and "Mistral AI" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "demo-report.png"
    subprocess.run(
        [chromium, *flags, f"--user-data-dir={profile}", "--window-size=1280,2400",
         f"--screenshot={shot}", report.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 50_000
