"""The load stage: staged crawl items into the warehouse, then articles from raw pages.

Idempotent: pages are keyed by URL and body hash, articles by canonical URL, decisions
by URL and source; loading the same staging file twice changes nothing. A torn last
line (a crawl killed mid-write) is skipped and counted; its page is fetched again next
run because no article exists for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from flows.dedup.text import content_hash
from flows.dedup.urls import canonical_url
from spiders.article import decode_html, extract_article
from spiders.rawstore import load_body
from warehouse.loads import upsert

logger = logging.getLogger(__name__)
BATCH = 500


@dataclass
class LoadCounts:
    pages: int = 0
    decisions: int = 0
    listings: int = 0
    articles: int = 0
    torn_lines: int = 0
    rejected: dict[str, int] = field(default_factory=dict)

    def reject(self, reason: str) -> None:
        self.rejected[reason] = self.rejected.get(reason, 0) + 1

    def as_dict(self) -> dict[str, int]:
        return {
            "pages_loaded": self.pages,
            "decisions_loaded": self.decisions,
            "listings_loaded": self.listings,
            "articles_loaded": self.articles,
            "torn_lines": self.torn_lines,
            **{f"rejected_{k}": v for k, v in self.rejected.items()},
        }


def page_id(url: str, digest: str | None) -> str:
    return hashlib.sha1(f"{url}\x1f{digest}".encode()).hexdigest()[:20]


def article_id(canonical: str) -> str:
    return hashlib.sha1(f"article\x1f{canonical}".encode()).hexdigest()[:20]


def read_staging(path: Path, counts: LoadCounts) -> list[dict[str, Any]]:
    items = []
    if not path.exists():
        return items
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError:
                counts.torn_lines += 1
    return items


def load_staging(
    con: duckdb.DuckDBPyConnection,
    staging_dir: Path,
    data_dir: Path,
    run_id: str,
    progress: Callable[[int, int], None] | None = None,
) -> LoadCounts:
    """Load one run's staged items and extract its pages into articles. Call inside a
    transaction (the caller commits per run, so a load is whole or absent)."""
    counts = LoadCounts()
    items = read_staging(staging_dir / "items.jsonl", counts)
    pages = [i for i in items if i.get("kind") == "page"]
    decisions = [i for i in items if i.get("kind") == "decision"]
    states = [i for i in items if i.get("kind") == "feed_state"]

    upsert(
        con,
        "link_decisions",
        [
            {
                "url": d["url"],
                "source": d["source"],
                "relevant": d["relevant"],
                "reason": d["reason"],
                "title": d.get("title"),
                "listed_published": d.get("listed_published"),
                "seen_at": d.get("seen_at") or dt.datetime.now(dt.UTC).isoformat(),
                "run_id": run_id,
            }
            for d in decisions
        ],
        key=["url", "source"],
    )
    counts.decisions = len(decisions)
    # A 304 keeps the validators we sent; only a 200 brings new ones.
    upsert(
        con,
        "feed_state",
        [
            {
                "url": s["url"],
                "source": s["source"],
                "etag": s.get("etag"),
                "last_modified": s.get("last_modified"),
                "status": s["status"],
                "checked_at": s.get("checked_at") or dt.datetime.now(dt.UTC).isoformat(),
            }
            for s in states
            if s["status"] == 200
        ],
        key=["url"],
    )
    con.execute(
        "UPDATE feed_state SET checked_at = now(), status = 304 WHERE list_contains(?, url)",
        [[s["url"] for s in states if s["status"] == 304]],
    )
    counts.listings = len(states)

    page_rows = []
    for p in pages:
        page_rows.append(
            {
                "page_id": page_id(p["url"], p.get("content_hash")),
                "url": p["url"],
                "final_url": p.get("final_url"),
                "source": p["source"],
                "status": p["status"],
                "content_type": p.get("content_type"),
                "etag": p.get("etag"),
                "last_modified": p.get("last_modified"),
                "content_length": p.get("content_length"),
                "content_hash": p.get("content_hash"),
                "body_path": p.get("body_path"),
                "fetched_at": p["fetched_at"],
                "run_id": run_id,
            }
        )
    upsert(con, "pages", page_rows, key=["page_id"])
    counts.pages = len(page_rows)
    extract_pages(con, data_dir, [r["page_id"] for r in page_rows], counts, progress)
    return counts


def extract_pages(
    con: duckdb.DuckDBPyConnection,
    data_dir: Path,
    page_ids: list[str] | None,
    counts: LoadCounts,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Articles from stored raw pages (all pages when page_ids is None: reprocessing)."""
    where = "" if page_ids is None else "AND list_contains(?, p.page_id)"
    params = [] if page_ids is None else [page_ids]
    rows = con.execute(
        "SELECT p.page_id, p.url, p.final_url, p.source, p.content_type, p.body_path, "
        "p.fetched_at FROM pages p WHERE p.status = 200 AND p.body_path IS NOT NULL "
        f"{where} ORDER BY p.fetched_at, p.page_id",
        params,
    ).fetchall()
    batch: list[dict[str, Any]] = []
    for done, (pid, url, final_url, source, ctype, body_path, fetched_at) in enumerate(rows, 1):
        row = _article_row(
            data_dir, pid, url, final_url, source, ctype, body_path, fetched_at, counts
        )
        if row is not None:
            batch.append(row)
        if len(batch) >= BATCH:
            counts.articles += upsert(con, "articles", batch, key=["article_id"])
            batch = []
        if progress:
            progress(done, len(rows))
    counts.articles += upsert(con, "articles", batch, key=["article_id"])


def _article_row(
    data_dir: Path,
    pid: str,
    url: str,
    final_url: str | None,
    source: str,
    content_type: str | None,
    body_path: str,
    fetched_at: dt.datetime,
    counts: LoadCounts,
) -> dict[str, Any] | None:
    try:
        raw = load_body(data_dir, body_path)
    except (OSError, EOFError) as exc:
        counts.reject("raw_missing")
        logger.warning("page %s: raw body unreadable (%s)", url, exc)
        return None
    charset = None
    if content_type and "charset=" in content_type:
        charset = content_type.split("charset=")[-1].split(";")[0].strip()
    page_url = final_url or url
    article = extract_article(decode_html(raw, charset), url=page_url, fetched_at=fetched_at)
    # Characters, not words: Chinese and Japanese text has no spaces.
    if len(article.text.strip()) < 150:
        counts.reject("no_article_text")
        return None
    canonical = canonical_url(page_url, article.canonical_url) or page_url
    return {
        "article_id": article_id(canonical),
        "canonical_url": canonical,
        "url": page_url,
        "source": source,
        "site_name": article.site_name,
        "title": article.title,
        "body": article.text,
        "authors": article.authors,
        "published_at": article.published_at,
        "modified_at": article.modified_at,
        "language": article.language,
        "content_hash": content_hash(article.text),
        "page_id": pid,
        "extracted_at": dt.datetime.now(dt.UTC),
        # New or changed text: the deal stage extracts it (again).
        "deals_extracted_by": None,
    }
