"""Item pipelines: keep raw bodies, stage items as JSON lines. Small and single-purpose."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, TextIO

from scrapy import Spider
from scrapy.crawler import Crawler

from spiders.items import PageItem
from spiders.rawstore import store_body


class RawPagePipeline:
    """Write each page body to the content-addressed raw store and keep only its path,
    so the staged item is small and the body can be re-extracted later."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RawPagePipeline:
        return cls(Path(crawler.settings.get("AINEWS_DATA_DIR", "data")))

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, PageItem) and item.body is not None:
            item.content_hash, item.body_path = store_body(self.data_dir, item.body)
            item.content_length = len(item.body)
            item.body = None
        return item


class StagingPipeline:
    """Append every item as one JSON line and flush it: a crawl killed half-way leaves
    whole lines for the load stage (a torn last line is skipped there)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh: TextIO | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StagingPipeline:
        return cls(Path(crawler.settings.get("AINEWS_STAGING_FILE", "items.jsonl")))

    def open_spider(self, spider: Spider | None = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close_spider

    def close_spider(self, spider: Spider | None = None) -> None:
        if self.fh:
            self.fh.close()

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        assert self.fh is not None
        self.fh.write(json.dumps(dataclasses.asdict(item), ensure_ascii=False) + "\n")
        self.fh.flush()
        return item
