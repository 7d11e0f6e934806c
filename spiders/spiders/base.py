"""What every ainews spider shares: the job, link decisions, article pages, error counts."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import DownloadTimeoutError
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from flows.dedup.urls import canonical_url
from spiders.items import DecisionItem, FeedStateItem, PageItem
from spiders.middlewares import RefusedAddress
from spiders.relevance import judge
from spiders.sources import Relevance, Source, SourceKind

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class NewsSpider(scrapy.Spider):
    """Reads its job file (written by flows/crawling.py): the sources of its kind, the
    relevance terms, canonical URLs already stored, feed validators and the window."""

    kind: SourceKind

    def __init__(self, job: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        data = json.loads(Path(job).read_text(encoding="utf-8"))
        self.sources = [
            Source.model_validate(s) for s in data["sources"] if s["kind"] == self.kind.value
        ]
        self.relevance = Relevance.model_validate(data.get("relevance") or {})
        known_file = data.get("known_urls_file")
        self.known: set[str] = set()
        if known_file and Path(known_file).exists():
            self.known = set(Path(known_file).read_text(encoding="utf-8").split())
        self.validators: dict[str, dict[str, str]] = data.get("feed_state") or {}
        since = data.get("since")
        self.since = dt.datetime.fromisoformat(since) if since else None
        self.fetching: set[str] = set()

    # --- listings ---------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources:
            for url in source.urls:
                headers = {}
                state = self.validators.get(url, {})
                if state.get("etag"):
                    headers["If-None-Match"] = state["etag"]
                if state.get("last_modified"):
                    headers["If-Modified-Since"] = state["last_modified"]
                yield scrapy.Request(
                    url,
                    callback=self.parse_listing,
                    errback=self.on_error,
                    headers=headers,
                    dont_filter=True,
                    priority=10,
                    meta=self._meta(source, handle_httpstatus_list=[304]),
                )

    def parse_listing(self, response: Response) -> Iterable[Any]:
        """A feed, sitemap or index page: unchanged since last run (304), or parse it."""
        if response.status == 304:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("ainews/listings/not_modified")
            yield self.listing_state(response, 0)
            return
        yield from self.parse_entries(response)

    def parse_entries(self, response: Response) -> Iterable[Any]:
        raise NotImplementedError

    def listing_state(self, response: Response, entries: int) -> FeedStateItem:
        source: Source = response.meta["source"]
        return FeedStateItem(
            url=response.request.url if response.request else response.url,
            source=source.name,
            status=response.status,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            entries=entries,
            checked_at=now_iso(),
        )

    # --- links ------------------------------------------------------------------------

    def consider(
        self,
        response: Response,
        url: str,
        title: str | None = None,
        summary: str | None = None,
        published: str | None = None,
    ) -> Iterable[Any]:
        """Decide whether an article link is worth a request; record the decision."""
        source: Source = response.meta["source"]
        stats = self.crawler.stats
        assert stats is not None
        absolute = response.urljoin(url)
        canonical = canonical_url(absolute)
        if canonical is None or not absolute.startswith(("http://", "https://")):
            stats.inc_value("ainews/links/invalid")
            return
        decision = DecisionItem(
            url=canonical,
            source=source.name,
            relevant=False,
            reason="",
            title=title,
            listed_published=published,
            seen_at=now_iso(),
        )
        if canonical in self.known:
            stats.inc_value("ainews/links/already_stored")
            return  # not even a decision row: an idle run must stay cheap
        if canonical in self.fetching:
            stats.inc_value("ainews/links/duplicate_in_run")
            return
        if source.allowed_domains and not _host_allowed(canonical, source.allowed_domains):
            decision.reason = "outside allowed_domains"
        elif (
            self.since
            and published
            and _parse_iso(published)
            and _parse_iso(published) < self.since
        ):
            decision.reason = "older than the since window"
        elif source.prefilter:
            text = " ".join(p for p in (title, summary) if p) or _slug_words(canonical)
            decision.relevant, decision.reason = judge(
                text, self.relevance.ai_terms, self.relevance.money_terms
            )
        else:
            decision.relevant, decision.reason = True, "prefilter off"
        stats.inc_value(f"ainews/links/{'fetched' if decision.relevant else 'skipped'}")
        yield decision
        if decision.relevant:
            self.fetching.add(canonical)
            # dont_filter: the run dedups links itself (self.fetching); Scrapy's filter
            # would silently drop the second hop of a redirect loop instead of counting it.
            yield scrapy.Request(
                absolute,
                callback=self.parse_article,
                errback=self.on_error,
                dont_filter=True,
                meta=self._meta(source, listed_title=title, listed_published=published),
            )

    # --- articles ---------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterable[Any]:
        stats = self.crawler.stats
        assert stats is not None
        content_type = (_header(response, b"Content-Type") or "").lower()
        body = response.body
        if not _looks_like_html(content_type, body):
            stats.inc_value("ainews/skipped/non_html")
            logger.info("skipped non-HTML %s (%s)", response.url, content_type or "no type")
            return
        charset = re.search(r"charset=([\w\-]+)", content_type)
        stats.inc_value("ainews/pages/fetched")
        yield PageItem(
            url=response.request.url if response.request else response.url,
            final_url=response.url,
            source=response.meta["source"].name,
            status=response.status,
            fetched_at=now_iso(),
            content_type=content_type or None,
            charset=charset.group(1) if charset else None,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            listed_title=response.meta.get("listed_title"),
            listed_published=response.meta.get("listed_published"),
            body=body,
        )

    # --- errors -----------------------------------------------------------------------

    def on_error(self, failure: Failure) -> None:
        """Count every failure by reason; the run record shows them."""
        stats = self.crawler.stats
        assert stats is not None
        request = failure.request if hasattr(failure, "request") else None
        if failure.check(RefusedAddress):
            return  # counted by the middleware as refused/private_address
        reason = classify_failure(failure)
        if reason == "robots_txt":
            return  # counted by Scrapy as robotstxt/forbidden, reported as refused/robots_txt
        stats.inc_value(f"ainews/failed/{reason}")
        logger.warning("failed %s: %s", getattr(request, "url", "?"), reason)

    def _meta(self, source: Source, **extra: Any) -> dict[str, Any]:
        return {"source": source, "allow_networks": source.allow_networks, **extra}


def classify_failure(failure: Failure) -> str:
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(RefusedAddress):
        return "private_address"
    if failure.check(DNSLookupError):
        return "dns"
    if failure.check(TimeoutError, TCPTimedOutError, DownloadTimeoutError):
        return "timeout"
    message = str(failure.value)
    if "robots.txt" in message:
        return "robots_txt"
    if "redirect" in message.lower():
        return "redirect_loop"
    if "maxsize" in message.lower() or "larger than download max size" in message.lower():
        return "too_large"
    name = type(failure.value).__name__
    if name in {"CancelledError", "ResponseNeverReceived"} and "size" in message.lower():
        return "too_large"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1").strip() if value else None


def _looks_like_html(content_type: str, body: bytes) -> bool:
    if any(t in content_type for t in _HTML_TYPES):
        return True
    if content_type and not content_type.startswith(("text/plain", "application/octet-stream")):
        return False
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _host_allowed(url: str, domains: list[str]) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == d or host.endswith("." + d) for d in domains)


def _slug_words(url: str) -> str:
    return " ".join(re.split(r"[/\-_.]+", urlsplit(url).path))


def _parse_iso(value: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
