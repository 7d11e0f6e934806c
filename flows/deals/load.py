"""Store deal records of articles in the warehouse: mentions per article, deals per event.

Re-extracting an article replaces its mentions in the same transaction and re-merges the
deals they touch (flows.dedup.deals), so a re-run changes nothing and a deal never exists
without a mention.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence

import duckdb

from flows.deals.deal import DealRecord
from flows.deals.entities import name_key
from flows.dedup.deals import group_key, merge_deals
from warehouse.loads import upsert


def _digest(*parts: object) -> str:
    return hashlib.sha1(
        "\x1f".join("" if p is None else str(p) for p in parts).encode()
    ).hexdigest()[:20]


def mention_id(article_id: str, record: DealRecord, by_investor: bool = False) -> str:
    """Stable id of a record of an article. Two investors that each put a sum of the same
    size into one company in one sentence ("Microsoft and Nvidia will each invest $2
    billion in Anthropic") are told apart by their investors; other ids stay as they were."""
    parts: list[object] = [
        article_id,
        record.kind,
        record.span_start,
        name_key(record.recipient),
        record.amount,
    ]
    if by_investor:
        parts.append("|".join(name_key(n) for n in record.investors))
    return _digest(*parts)


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
    groups = {
        group_key(kind, recipient)
        for kind, recipient in con.execute(
            "SELECT kind, recipient FROM deal_mentions WHERE list_contains(?, article_id)",
            [article_ids],
        ).fetchall()
    }
    con.execute("DELETE FROM deal_mentions WHERE list_contains(?, article_id)", [article_ids])
    rows = []
    for article_id, records in records_by_article.items():
        plain = Counter(mention_id(article_id, r) for r in records)
        for record in records:
            rows.append(
                {
                    "mention_id": mention_id(
                        article_id, record, by_investor=plain[mention_id(article_id, record)] > 1
                    ),
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
                    "price_per_share": record.price_per_share,
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
    groups |= {group_key(row["kind"], row["recipient"]) for row in rows}
    merge_deals(con, groups)
    return len(rows)


def as_published(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else None
