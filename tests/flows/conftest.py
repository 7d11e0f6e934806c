from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site import FixtureSite
from tests.spiders.conftest import write_sources


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    server = FixtureSite().start()
    yield server
    server.stop()


@pytest.fixture
def pipeline_env(tmp_path: Path, site: FixtureSite, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The flow reads its settings from the environment, once: point them at the site."""
    data = tmp_path / "data"
    monkeypatch.setenv("AINEWS_DATA_DIR", str(data))
    monkeypatch.setenv(
        "AINEWS_SOURCES_FILE", str(write_sources(tmp_path / "sources.toml", site.base))
    )
    monkeypatch.setenv("AINEWS_LOCK_TIMEOUT_SECONDS", "2")
    for key, value in {
        "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
        "DOWNLOAD_DELAY_SECONDS": "0",
        "AUTOTHROTTLE": "false",
        "DOWNLOAD_TIMEOUT_SECONDS": "1.5",
        "DOWNLOAD_MAXSIZE_BYTES": str(5 * 1024 * 1024),
        "RETRY_TIMES": "1",
        "MAX_RETRY_AFTER_SECONDS": "5",
    }.items():
        monkeypatch.setenv(f"AINEWS_POLITENESS__{key}", value)
    return data
