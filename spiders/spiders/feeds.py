"""RSS and Atom feeds, parsed with feedparser."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from scrapy.http import Response

from spiders.feeds import UnsafeFeedError, parse_feed
from spiders.sources import SourceKind
from spiders.spiders.base import NewsSpider

logger = logging.getLogger(__name__)


class FeedSpider(NewsSpider):
    name = "feeds"
    kind = SourceKind.feed

    def parse_entries(self, response: Response) -> Iterable[Any]:
        stats = self.crawler.stats
        assert stats is not None
        try:
            entries, malformed = parse_feed(response.body, base_url=response.url)
        except UnsafeFeedError as exc:
            stats.inc_value("ainews/refused/xml_bomb")
            logger.warning("refused feed %s: %s", response.url, exc)
            return
        if malformed:
            stats.inc_value("ainews/listings/malformed")
        stats.inc_value("ainews/listings/parsed")
        stats.inc_value("ainews/listings/entries", len(entries))
        yield self.listing_state(response, len(entries))
        for entry in entries:
            yield from self.consider(
                response, entry.url, entry.title, entry.summary, entry.published
            )
