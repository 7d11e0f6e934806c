"""Sitemaps: sitemap indexes (followed), urlsets, Google News sitemaps (titles and
publication dates used for the pre-filter and the window), gzip, and text sitemaps."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

import lxml.etree
import scrapy
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from spiders.feeds import UnsafeFeedError, check_safe_xml
from spiders.sources import SourceKind
from spiders.spiders.base import NewsSpider, _parse_iso

logger = logging.getLogger(__name__)
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


class SitemapSpider(NewsSpider):
    name = "sitemaps"
    kind = SourceKind.sitemap

    def parse_entries(self, response: Response) -> Iterable[Any]:
        stats = self.crawler.stats
        assert stats is not None
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            except Exception:  # corrupt or oversized archive: count, go on
                stats.inc_value("ainews/listings/bad_gzip")
                return
        body = body.lstrip(b"\xef\xbb\xbf").lstrip()
        if not body.startswith(b"<"):
            urls = [line.strip().decode("utf-8", "replace") for line in body.splitlines()]
            urls = [u for u in urls if u.startswith(("http://", "https://"))]
            stats.inc_value("ainews/listings/parsed")
            yield self.listing_state(response, len(urls))
            for url in urls:
                yield from self.consider(response, url)
            return
        try:
            check_safe_xml(body)
        except UnsafeFeedError as exc:
            stats.inc_value("ainews/refused/xml_bomb")
            logger.warning("refused sitemap %s: %s", response.url, exc)
            return
        try:
            sitemap = Sitemap(body)
        except (StopIteration, lxml.etree.XMLSyntaxError):
            stats.inc_value("ainews/listings/malformed")
            return
        entries = list(sitemap)
        stats.inc_value("ainews/listings/parsed")
        yield self.listing_state(response, len(entries))
        if sitemap.type == "sitemapindex":
            for entry in entries:
                if self._in_window(entry.get("lastmod")):
                    yield scrapy.Request(
                        response.urljoin(entry["loc"]),
                        callback=self.parse_listing,
                        errback=self.on_error,
                        priority=5,
                        meta=self._meta(response.meta["source"]),
                    )
            return
        news = _news_fields(body)
        for entry in entries:
            loc = entry["loc"]
            title, published = news.get(loc, (None, None))
            published = published or entry.get("lastmod")
            yield from self.consider(response, loc, title=title, published=_iso(published))

    def _in_window(self, lastmod: str | None) -> bool:
        if not self.since or not lastmod:
            return True
        when = _parse_iso(lastmod)
        return when is None or when >= self.since


def _news_fields(body: bytes) -> dict[str, tuple[str | None, str | None]]:
    """loc -> (news:title, news:publication_date) of a Google News sitemap."""
    if _NEWS_NS.encode() not in body:
        return {}
    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, huge_tree=False
    )
    root = lxml.etree.fromstring(body, parser=parser)
    if root is None:
        return {}
    found: dict[str, tuple[str | None, str | None]] = {}
    for url in root.iter("{*}url"):
        loc = url.findtext("{*}loc")
        if not loc:
            continue
        title = url.findtext(f".//{{{_NEWS_NS}}}title")
        published = url.findtext(f".//{{{_NEWS_NS}}}publication_date")
        found[loc.strip()] = (title.strip() if title else None, published)
    return found


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    parsed = _parse_iso(value.strip())
    if parsed is None:
        try:
            parsed = dt.datetime.fromisoformat(value.strip()[:10]).replace(tzinfo=dt.UTC)
        except ValueError:
            return None
    return parsed.isoformat()
