"""Entry point of one crawl subprocess: `python -m spiders.crawl JOB.json`.

Scrapy's reactor cannot restart inside a process, so every crawl runs in its own
process (flows/crawling.py starts it and streams its log). The spiders of every source
kind in the job run together in one reactor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from spiders.spiders.feeds import FeedSpider
from spiders.spiders.pages import PageSpider
from spiders.spiders.sitemaps import SitemapSpider

SPIDERS = {"feed": FeedSpider, "sitemap": SitemapSpider, "page": PageSpider}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m spiders.crawl JOB.json", file=sys.stderr)
        return 2
    job_path = Path(argv[0])
    job = json.loads(job_path.read_text(encoding="utf-8"))
    settings = get_project_settings()
    settings.setdict(job.get("settings", {}), priority="cmdline")
    kinds = sorted({s["kind"] for s in job["sources"]})
    if not kinds:
        print("no sources in job", file=sys.stderr)
        return 0
    process = CrawlerProcess(settings)
    for kind in kinds:
        process.crawl(SPIDERS[kind], job=str(job_path))
    process.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
