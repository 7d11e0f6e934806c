from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ainews.settings import Politeness, Settings
from tests.site import FixtureSite


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    server = FixtureSite().start()
    yield server
    server.stop()


def write_sources(path: Path, base: str) -> Path:
    path.write_text(
        f"""
[[source]]
name = "fixture-feed"
kind = "feed"
urls = ["{base}/feed.xml"]
allow_networks = ["127.0.0.1/32"]

[[source]]
name = "fixture-real"
kind = "feed"
urls = ["{base}/real-feed.xml"]
allow_networks = ["127.0.0.1/32"]
prefilter = false

[[source]]
name = "fixture-bomb"
kind = "feed"
urls = ["{base}/bomb.xml"]
allow_networks = ["127.0.0.1/32"]

[[source]]
name = "fixture-sitemaps"
kind = "sitemap"
urls = ["{base}/sitemap-index.xml"]
allow_networks = ["127.0.0.1/32"]
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def crawl_settings(tmp_path: Path, site: FixtureSite) -> Settings:
    """Polite limits relaxed for the local site only: no delay, short timeouts."""
    return Settings(
        data_dir=tmp_path / "data",
        sources_file=write_sources(tmp_path / "sources.toml", site.base),
        lock_timeout_seconds=5,
        politeness=Politeness(
            concurrent_requests_per_domain=8,
            download_delay_seconds=0,
            autothrottle=False,
            download_timeout_seconds=1.5,
            download_maxsize_bytes=5 * 1024 * 1024,
            retry_times=1,
            max_retry_after_seconds=5,
        ),
    )
