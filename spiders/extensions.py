"""Write each spider's stats to the staging directory when it closes; the load stage
adds them to the run's counts."""

from __future__ import annotations

import json
from pathlib import Path

from scrapy import Spider, signals
from scrapy.crawler import Crawler


class StatsDump:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.directory = Path(crawler.settings.get("AINEWS_STAGING_DIR", "."))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StatsDump:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = {k: v for k, v in self.crawler.stats.get_stats().items()}
        stats["finish_reason"] = reason
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"stats-{spider.name}.json"
        path.write_text(json.dumps(stats, default=str, indent=1))
