"""Index pages (a section front, a funding-news list): follow links that look like
articles on the same site."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from spiders.sources import SourceKind
from spiders.spiders.base import NewsSpider

# Article URLs have a slug (words joined by hyphens) or a dated path; section and
# utility pages rarely do.
_ARTICLE_PATH = re.compile(r"/(?:\d{4}/\d{2}/|[\w%]+(?:-[\w%]+){2,})")


class PageSpider(NewsSpider):
    name = "pages"
    kind = SourceKind.page

    def parse_entries(self, response: Response) -> Iterable[Any]:
        stats = self.crawler.stats
        assert stats is not None
        if not hasattr(response, "css"):
            stats.inc_value("ainews/skipped/non_html")
            return
        host = urlsplit(response.url).hostname
        links = []
        for anchor in response.css("a[href]"):
            href = response.urljoin(anchor.attrib["href"])
            if urlsplit(href).hostname != host or not _ARTICLE_PATH.search(urlsplit(href).path):
                continue
            text = " ".join(anchor.css("::text").getall()).strip()
            links.append((href, text or None))
        stats.inc_value("ainews/listings/parsed")
        yield self.listing_state(response, len(links))
        for href, text in dict(links).items():
            yield from self.consider(response, href, title=text)
