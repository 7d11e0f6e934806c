from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from ainews.cli import app
from tests.warehouse.rows import article, deal, mention
from warehouse import Warehouse
from warehouse.loads import upsert
from warehouse.migrations import code_schema_version

runner = CliRunner()


@pytest.fixture
def db_with_deal(warehouse: Warehouse) -> Path:
    with warehouse.writer() as w, w.transaction() as con:
        upsert(con, "articles", [article(1)], key=["article_id"])
        upsert(con, "deals", [deal(1)], key=["deal_id"])
        upsert(con, "deal_mentions", [mention(1, "d0001", "a0001")], key=["mention_id"])
    return warehouse.db_path


def test_version_names_package_and_schema():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("ainews ")
    assert f"schema {code_schema_version()}" in result.output


def test_init_creates_a_database_at_the_env_path(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("AINEWS_DATA_DIR", str(tmp_path / "d"))
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d" / "ainews.duckdb").exists()


def test_sql_refuses_writes_and_the_table_survives(db_with_deal: Path):
    result = runner.invoke(app, ["sql", "DROP TABLE deals", "--db", str(db_with_deal)])
    assert result.exit_code == 1
    assert "read-only" in result.output
    with duckdb.connect(str(db_with_deal), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM deals").fetchone()[0] == 1


def test_sql_prints_json_and_csv(db_with_deal: Path):
    query = "SELECT recipient, amount, announced_on FROM deals"
    as_json = runner.invoke(app, ["sql", query, "--db", str(db_with_deal), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output) == [
        {"recipient": "Germany", "amount": 3.2e9, "announced_on": "2024-11-14"}
    ]
    as_csv = runner.invoke(app, ["sql", query, "--db", str(db_with_deal), "-f", "csv"])
    assert as_csv.output.splitlines() == [
        "recipient,amount,announced_on",
        "Germany,3200000000.0,2024-11-14",
    ]


def test_sql_on_a_missing_database_says_how_to_create_one(tmp_path: Path):
    result = runner.invoke(app, ["sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "ainews init" in result.output


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_round_trips_a_view(db_with_deal: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"deals.{fmt}"
    result = runner.invoke(
        app, ["export", "v_deals", "--format", fmt, "--out", str(out), "--db", str(db_with_deal)]
    )
    assert result.exit_code == 0, result.output
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    with duckdb.connect(str(db_with_deal), read_only=True) as con:
        original = con.execute(
            "SELECT deal_id, recipient, amount, n_sources FROM v_deals ORDER BY 1"
        ).fetchall()
        exported = con.execute(
            f"SELECT deal_id, recipient, amount, n_sources FROM {reader}(?) ORDER BY 1", [str(out)]
        ).fetchall()
    assert exported == original
    assert len(original) == 1


def test_export_of_an_unknown_relation_lists_the_known_ones(db_with_deal: Path, tmp_path: Path):
    result = runner.invoke(
        app, ["export", "nope", "--out", str(tmp_path / "x.parquet"), "--db", str(db_with_deal)]
    )
    assert result.exit_code == 1
    assert "v_deals" in result.output


def test_published_database_opens_in_the_duckdb_cli(db_with_deal: Path):
    cli = shutil.which("duckdb", path=str(Path(sys.executable).parent)) or shutil.which("duckdb")
    assert cli, "the duckdb CLI (duckdb-cli from PyPI) is a project dependency"
    result = subprocess.run(
        [
            cli,
            "-readonly",
            "-csv",
            str(db_with_deal),
            "-c",
            "SELECT recipient, n_sources FROM v_deals",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["recipient,n_sources", "Germany,1"]
