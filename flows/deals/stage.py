"""The deal stage: extract records from every article the current extractor has not
seen (new articles, articles re-extracted from raw pages, or all after an upgrade)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from flows.deals import EXTRACTOR_VERSION
from flows.deals.deal import DealRecord
from flows.deals.load import store_article_records
from flows.deals.records import extract_records, is_ai_text

BATCH = 200

log = logging.getLogger(__name__)


@dataclass
class ExtractCounts:
    articles: int = 0
    mentions: int = 0
    ai_articles: int = 0
    # Articles the extractor failed on: stored with no records (and so not retried every
    # run), logged with their id; a new extractor version reads them again.
    unreadable: int = 0


def extract_pending(
    con: duckdb.DuckDBPyConnection,
    version: str = EXTRACTOR_VERSION,
    progress: Callable[[int, int], None] | None = None,
    commit_each_batch: bool = False,
) -> ExtractCounts:
    """Extract deals of pending articles in batches. With ``commit_each_batch`` every
    batch commits on its own (the caller must not hold a transaction), so a killed run
    keeps finished batches and the next run continues with the rest."""
    counts = ExtractCounts()
    pending = con.execute(
        "SELECT article_id, body, title, CAST(published_at AS DATE) FROM articles "
        "WHERE deals_extracted_by IS DISTINCT FROM ? ORDER BY article_id",
        [version],
    ).fetchall()
    for start in range(0, len(pending), BATCH):
        batch = pending[start : start + BATCH]
        records: dict[str, list[DealRecord]] = {}
        ai_ids = []
        for aid, body, title, published in batch:
            try:
                records[aid] = extract_records(body or "", published, title)
            except Exception:
                # One odd text must not stop the run or hold back the other articles.
                log.exception(
                    "deal extraction failed on article %s; stored without records "
                    "(report it with the article's text: ainews sql \"SELECT body FROM "
                    "articles WHERE article_id = '%s'\")",
                    aid,
                    aid,
                )
                records[aid] = []
                counts.unreadable += 1
            if is_ai_text(title, body) or any(r.is_ai for r in records[aid]):
                ai_ids.append(aid)
        if commit_each_batch:
            con.execute("BEGIN TRANSACTION")
        try:
            counts.mentions += store_article_records(con, records, version)
            con.execute(
                "UPDATE articles SET is_ai = list_contains(?, article_id) "
                "WHERE list_contains(?, article_id)",
                [ai_ids, list(records)],
            )
            if commit_each_batch:
                con.execute("COMMIT")
        except BaseException:
            if commit_each_batch:
                con.execute("ROLLBACK")
            raise
        counts.articles += len(batch)
        counts.ai_articles += len(ai_ids)
        if progress:
            progress(counts.articles, len(pending))
    return counts
