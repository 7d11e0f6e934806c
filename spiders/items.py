"""Items the spiders produce. Dataclasses, one JSON line each in the run's staging file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageItem:
    """One fetched article page. The body itself is in the raw store (body_path)."""

    url: str
    final_url: str
    source: str
    status: int
    fetched_at: str
    content_type: str | None = None
    charset: str | None = None  # from the Content-Type header, if any
    etag: str | None = None
    last_modified: str | None = None
    content_length: int | None = None
    content_hash: str | None = None
    body_path: str | None = None
    listed_title: str | None = None  # as the feed or sitemap titled it
    listed_published: str | None = None
    body: bytes | None = field(default=None, repr=False)  # dropped by RawPagePipeline
    kind: str = "page"


@dataclass
class DecisionItem:
    """Whether a link found in a feed/sitemap/list page was worth fetching, and why."""

    url: str
    source: str
    relevant: bool
    reason: str
    title: str | None = None
    listed_published: str | None = None
    seen_at: str | None = None
    kind: str = "decision"


@dataclass
class FeedStateItem:
    """Validators of a feed or sitemap response, for conditional requests next time."""

    url: str
    source: str
    status: int
    etag: str | None = None
    last_modified: str | None = None
    entries: int = 0
    checked_at: str | None = None
    kind: str = "feed_state"
