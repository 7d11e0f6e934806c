"""Store deal records of articles in the warehouse: mentions per article, deals per event.

Re-extracting an article replaces its mentions in the same transaction and rebuilds the
deals they touch, so a re-run changes nothing and a deal never exists without a mention.
Until the deduplication stage merges across wordings, mentions that agree on kind,
recipient, amount and currency form one deal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

import duckdb

from flows.deals.entities import name_key
from flows.deals.records import DealRecord
from warehouse.loads import upsert


def _digest(*parts: object) -> str:
    return hashlib.sha1(
        "\x1f".join("" if p is None else str(p) for p in parts).encode()
    ).hexdigest()[:20]


def deal_key(record: DealRecord) -> str:
    amount = None if record.amount is None else f"{record.amount:.6g}"
    return _digest(record.kind, name_key(record.recipient), amount, record.currency, record.round)


def mention_id(article_id: str, record: DealRecord) -> str:
    return _digest(
        article_id, record.kind, record.span_start, name_key(record.recipient), record.amount
    )


def store_article_records(
    con: duckdb.DuckDBPyConnection,
    records_by_article: dict[str, Sequence[DealRecord]],
    extractor_version: str,
) -> int:
    """Replace the mentions of each article and rebuild the affected deals. Call inside a
    transaction. Returns the number of mentions written."""
    if not records_by_article:
        return 0
    article_ids = list(records_by_article)
    old_deals = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT deal_id FROM deal_mentions WHERE list_contains(?, article_id)",
            [article_ids],
        ).fetchall()
    }
    con.execute("DELETE FROM deal_mentions WHERE list_contains(?, article_id)", [article_ids])
    rows = []
    for article_id, records in records_by_article.items():
        for record in records:
            rows.append(
                {
                    "mention_id": mention_id(article_id, record),
                    "deal_id": deal_key(record),
                    "article_id": article_id,
                    "kind": record.kind,
                    "subtype": record.subtype,
                    "investors": record.investors,
                    "lead_investors": record.lead_investors,
                    "recipient": record.recipient,
                    "recipient_kind": record.recipient_kind,
                    "amount": record.amount,
                    "currency": record.currency,
                    "amount_usd": record.amount_usd,
                    "qualifier": record.qualifier,
                    "round": record.round,
                    "stake": record.stake,
                    "announced_on": record.announced_on,
                    "confidence": record.confidence,
                    "is_ai": record.is_ai,
                    "evidence": record.evidence,
                    "span_start": record.span_start,
                    "span_end": record.span_end,
                    "extractor_version": record.extractor_version,
                }
            )
    upsert(con, "deal_mentions", rows, key=["mention_id"])
    con.execute(
        "UPDATE articles SET deals_extracted_by = ? WHERE list_contains(?, article_id)",
        [extractor_version, article_ids],
    )
    rebuild_deals(con, old_deals | {row["deal_id"] for row in rows})
    return len(rows)


def rebuild_deals(con: duckdb.DuckDBPyConnection, deal_ids: set[str]) -> None:
    """Recompute deals from their mentions; drop deals left without one. The most
    confident mention wins each field, ties broken by mention id (deterministic)."""
    if not deal_ids:
        return
    ids = sorted(deal_ids)
    con.execute("DELETE FROM deals WHERE list_contains(?, deal_id)", [ids])
    con.execute(
        """
        INSERT INTO deals BY NAME
        SELECT
            m.deal_id,
            arg_max(m.kind, (m.confidence, m.mention_id)) AS kind,
            arg_max(m.subtype, (m.confidence, m.mention_id)) AS subtype,
            -- the most specific record wins: more named investors beat fewer
            arg_max(m.investors, (len(coalesce(m.investors, [])), m.confidence, m.mention_id))
                AS investors,
            arg_max(
                m.lead_investors,
                (len(coalesce(m.lead_investors, [])), m.confidence, m.mention_id)
            ) AS lead_investors,
            arg_max(m.recipient, (m.confidence, m.mention_id)) AS recipient,
            arg_max(m.recipient_kind, (m.confidence, m.mention_id)) AS recipient_kind,
            arg_max(m.amount, (m.confidence, m.mention_id)) AS amount,
            arg_max(m.currency, (m.confidence, m.mention_id)) AS currency,
            arg_max(m.amount_usd, (m.confidence, m.mention_id)) AS amount_usd,
            arg_max(m.qualifier, (m.confidence, m.mention_id)) AS qualifier,
            arg_max(m.round, (m.confidence, m.mention_id)) AS round,
            arg_max(m.stake, (m.confidence, m.mention_id)) AS stake,
            min(m.announced_on) AS announced_on,
            max(m.confidence) AS confidence,
            bool_or(m.is_ai) AS is_ai,
            count(DISTINCT m.article_id) AS n_sources,
            min(coalesce(a.published_at, m.extracted_at)) AS first_seen,
            now() AS updated_at
        FROM deal_mentions AS m
        LEFT JOIN articles AS a USING (article_id)
        WHERE list_contains(?, m.deal_id)
        GROUP BY m.deal_id
        """,
        [ids],
    )


def article_id_for(canonical_url: str) -> str:
    return _digest("article", canonical_url)


def as_published(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else None
