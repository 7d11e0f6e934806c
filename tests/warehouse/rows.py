"""Small, realistic rows for warehouse tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

PUBLISHED = dt.datetime(2024, 11, 14, 9, 30, tzinfo=dt.UTC)


def article(n: int, **overrides: Any) -> dict[str, Any]:
    row = {
        "article_id": f"a{n:04d}",
        "canonical_url": f"https://news.example.org/2024/ai-deal-{n}",
        "url": f"https://news.example.org/2024/ai-deal-{n}?utm_source=rss",
        "source": "example-feed",
        "site_name": "Example News",
        "title": f"AI deal number {n}",
        "body": "Microsoft is investing €3.2 billion in AI infrastructure in Germany.",
        "authors": ["Jane Doe"],
        "published_at": PUBLISHED,
        "language": "en",
        "content_hash": f"h{n}",
        "is_ai": True,
    }
    row.update(overrides)
    return row


def deal(n: int, **overrides: Any) -> dict[str, Any]:
    row = {
        "deal_id": f"d{n:04d}",
        "kind": "investment",
        "subtype": "infrastructure",
        "investors": ["Microsoft"],
        "lead_investors": ["Microsoft"],
        "recipient": "Germany",
        "recipient_kind": "country",
        "amount": 3.2e9,
        "currency": "EUR",
        "amount_usd": 3.46e9,
        "qualifier": None,
        "announced_on": dt.date(2024, 11, 14),
        "confidence": 0.9,
        "is_ai": True,
        "n_sources": 1,
        "first_seen": PUBLISHED,
    }
    row.update(overrides)
    return row


def mention(n: int, deal_id: str, article_id: str, **overrides: Any) -> dict[str, Any]:
    row = {
        "mention_id": f"m{n:04d}",
        "deal_id": deal_id,
        "article_id": article_id,
        "kind": "investment",
        "investors": ["Microsoft"],
        "recipient": "Germany",
        "recipient_kind": "country",
        "amount": 3.2e9,
        "currency": "EUR",
        "evidence": "Microsoft is investing €3.2 billion in AI infrastructure in Germany.",
        "span_start": 0,
        "span_end": 69,
        "extractor_version": "test-1",
    }
    row.update(overrides)
    return row
