"""Downloader middlewares: refuse private addresses, honour Retry-After."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import ipaddress
import logging
import socket
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

logger = logging.getLogger(__name__)


class RefusedAddress(IgnoreRequest):
    """The request's host resolves to a private, loopback or link-local address."""


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


class PrivateAddressMiddleware:
    """Refuse requests to non-public addresses before any connection is made.

    The host is resolved with the event loop's non-blocking resolver; a request passes
    if every address is public or inside the networks its source allows
    (``request.meta["allow_networks"]``, e.g. 127.0.0.1/32 for tests and the demo).
    Redirects and robots.txt requests come through here too.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        # Networks allowed per host, remembered from the source's own requests, so the
        # robots.txt request Scrapy makes for that host (without our meta) passes too.
        self.host_allowance: dict[str, list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateAddressMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        host = urlsplit(request.url).hostname
        if not host:
            raise IgnoreRequest(f"no host in {request.url}")
        networks = request.meta.get("allow_networks")
        if networks:
            self.host_allowance[host] = networks
        else:
            networks = self.host_allowance.get(host, [])
        allowed = [ipaddress.ip_network(n, strict=False) for n in networks]
        for address in await self._addresses(host):
            if is_public(address) or any(address in net for net in allowed):
                continue
            assert self.stats is not None
            if not request.url.endswith("/robots.txt"):
                self.stats.inc_value("ainews/refused/private_address")
            logger.warning("refused %s: %s is not a public address", request.url, address)
            raise RefusedAddress(f"{host} resolves to non-public {address}")

    async def _addresses(self, host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        try:
            return [ipaddress.ip_address(host)]
        except ValueError:
            pass
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, None, type=socket.SOCK_STREAM
            )
        except OSError:
            return []  # unresolvable: the download fails on its own with a DNS error
        return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retry, plus: a 429 or 503 with Retry-After waits that long (without
    blocking other downloads) before retrying; longer than AINEWS_MAX_RETRY_AFTER gives
    up on the URL for this run."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("AINEWS_MAX_RETRY_AFTER", 120)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if response.status in (429, 503) and b"Retry-After" in response.headers:
            wait = retry_after_seconds(response.headers.get(b"Retry-After", b"").decode())
            if wait is not None:
                crawler_spider = spider or self.crawler.spider  # type: ignore[attr-defined]
                if wait > self.max_wait:
                    crawler_spider.crawler.stats.inc_value("ainews/gave_up/retry_after_too_long")
                    return response
                crawler_spider.crawler.stats.inc_value("ainews/waited/retry_after")
                await asyncio.sleep(wait)
                retry = get_retry_request(
                    request, spider=crawler_spider, reason=f"{response.status} Retry-After"
                )
                return retry or response
        return super().process_response(request, response, spider)  # type: ignore[arg-type]


def retry_after_seconds(value: str) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
