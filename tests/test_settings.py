from __future__ import annotations

from pathlib import Path

from ainews.settings import Settings


def test_db_path_defaults_to_the_data_dir(monkeypatch):
    monkeypatch.setenv("AINEWS_DATA_DIR", "/srv/news")
    assert Settings().database == Path("/srv/news/ainews.duckdb")


def test_environment_overrides_db_path_and_nested_politeness(monkeypatch):
    monkeypatch.setenv("AINEWS_DB_PATH", "/tmp/other.duckdb")
    monkeypatch.setenv("AINEWS_POLITENESS__DOWNLOAD_DELAY_SECONDS", "2.5")
    settings = Settings()
    assert settings.database == Path("/tmp/other.duckdb")
    assert settings.politeness.download_delay_seconds == 2.5


def test_with_db_returns_a_copy_and_leaves_the_original():
    base = Settings(data_dir=Path("d"))
    other = base.with_db(Path("x.duckdb"))
    assert other.database == Path("x.duckdb")
    assert base.database == Path("d/ainews.duckdb")
