"""One deal per real-world event: mentions from different articles that tell the same
event are merged.

Mentions are grouped by kind and normalised recipient name, ordered by announced date
(then mention id), and each joins the first deal it is compatible with: rounds equal
where both name one, USD amounts within a tolerance of every amount already in the deal,
announced dates within a window. The same input always gives the same deals and ids,
and re-running changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import duckdb

from flows.deals.entities import name_key

DEFAULT_WINDOW_DAYS = 30
# "$13 billion" and "€11.9 billion" for one event differ by the FX rate an outlet used.
DEFAULT_TOLERANCE = 0.15


@dataclass
class _Mention:
    mention_id: str
    kind: str
    recipient: str
    round: str | None
    amount_usd: float | None
    announced_on: dt.date | None
    investors: tuple[str, ...] = ()


@dataclass
class _Deal:
    members: list[_Mention] = field(default_factory=list)

    def accepts(self, m: _Mention, window: dt.timedelta, tolerance: float) -> bool:
        for other in self.members:
            if m.round and other.round and m.round != other.round:
                return False
            # Microsoft's and Google's pledges to one country in one month are two deals;
            # one round told by two outlets naming different backers ("led by Valor",
            # "investors include Fidelity") is one.
            same_round = bool(m.round) and m.round == other.round
            if (
                not same_round
                and m.investors
                and other.investors
                and not set(m.investors) & set(other.investors)
            ):
                return False
            if m.amount_usd and other.amount_usd:
                high, low = max(m.amount_usd, other.amount_usd), min(m.amount_usd, other.amount_usd)
                if (high - low) / high > tolerance:
                    return False
            if (
                m.announced_on
                and other.announced_on
                and abs(m.announced_on - other.announced_on) > window
            ):
                return False
        return True


def group_key(kind: str, recipient: str) -> str:
    return f"{kind}|{name_key(recipient)}"


def assign_deals(
    mentions: Iterable[_Mention],
    window_days: int = DEFAULT_WINDOW_DAYS,
    tolerance: float = DEFAULT_TOLERANCE,
) -> dict[str, str]:
    """mention_id -> deal_id for mentions of one or more groups."""
    window = dt.timedelta(days=window_days)
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        groups[group_key(m.kind, m.recipient)].append(m)
    result: dict[str, str] = {}
    for members in groups.values():
        # Mentions with an amount first: they anchor deals that amount-less mentions join.
        members.sort(
            key=lambda m: (m.announced_on or dt.date.max, m.amount_usd is None, m.mention_id)
        )
        deals: list[_Deal] = []
        for m in members:
            target = next((d for d in deals if d.accepts(m, window, tolerance)), None)
            if target is None:
                target = _Deal()
                deals.append(target)
            target.members.append(m)
        for deal in deals:
            first = min(x.mention_id for x in deal.members)
            deal_id = hashlib.sha1(f"deal|{first}".encode()).hexdigest()[:20]
            for x in deal.members:
                result[x.mention_id] = deal_id
    return result


def merge_deals(
    con: duckdb.DuckDBPyConnection,
    group_keys: set[str] | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
    tolerance: float = DEFAULT_TOLERANCE,
) -> int:
    """Re-merge the mentions of the given groups (all when None) into deals, rebuild those
    deals and drop deals left without mentions. Call inside a transaction. Returns the
    number of deals of the merged groups."""
    rows = con.execute(
        "SELECT mention_id, kind, recipient, round, amount_usd, announced_on, deal_id, "
        "investors FROM deal_mentions"
    ).fetchall()
    mentions = []
    old_deals = set()
    for mention_id, kind, recipient, rnd, usd, announced, deal_id, investors in rows:
        if group_keys is not None and group_key(kind, recipient) not in group_keys:
            continue
        names = tuple(name_key(i) for i in investors or [])
        mentions.append(_Mention(mention_id, kind, recipient, rnd, usd, announced, names))
        if deal_id:
            old_deals.add(deal_id)
    assignment = assign_deals(mentions, window_days, tolerance)
    if assignment:
        con.execute(
            "UPDATE deal_mentions SET deal_id = u.deal_id FROM (SELECT unnest(?) AS mention_id, "
            "unnest(?) AS deal_id) u WHERE deal_mentions.mention_id = u.mention_id",
            [list(assignment), list(assignment.values())],
        )
    new_deals = set(assignment.values())
    rebuild_deals(con, old_deals | new_deals)
    _drop_orphans(con)
    return len(new_deals)


def rebuild_deals(con: duckdb.DuckDBPyConnection, deal_ids: set[str]) -> None:
    """Recompute deals from their mentions. The most specific mention wins each field
    (more named investors, then higher confidence, then mention id: deterministic)."""
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
            arg_max(m.subtype, (m.subtype IS NOT NULL, m.confidence, m.mention_id)) AS subtype,
            arg_max(m.investors, (len(coalesce(m.investors, [])), m.confidence, m.mention_id))
                AS investors,
            arg_max(
                m.lead_investors,
                (len(coalesce(m.lead_investors, [])), m.confidence, m.mention_id)
            ) AS lead_investors,
            arg_max(m.recipient, (m.confidence, m.mention_id)) AS recipient,
            arg_max(m.recipient_kind, (m.confidence, m.mention_id)) AS recipient_kind,
            arg_max(m.amount, (m.amount IS NOT NULL, m.confidence, m.mention_id)) AS amount,
            arg_max(
                m.currency,
                (m.amount IS NOT NULL, m.price_per_share IS NOT NULL, m.confidence, m.mention_id)
            ) AS currency,
            arg_max(m.amount_usd, (m.amount IS NOT NULL, m.confidence, m.mention_id))
                AS amount_usd,
            arg_max(m.qualifier, (m.amount IS NOT NULL, m.confidence, m.mention_id)) AS qualifier,
            arg_max(m.round, (m.round IS NOT NULL, m.confidence, m.mention_id)) AS round,
            arg_max(m.stake, (m.stake IS NOT NULL, m.confidence, m.mention_id)) AS stake,
            -- (the latest price a bid was raised to is the one the deal stands at)
            arg_max(
                m.price_per_share,
                (
                    m.price_per_share IS NOT NULL,
                    coalesce(m.announced_on, DATE '1900-01-01'),
                    m.confidence,
                    m.mention_id
                )
            ) AS price_per_share,
            min(m.announced_on) AS announced_on,
            max(m.confidence) AS confidence,
            bool_or(m.is_ai) AS is_ai,
            count(DISTINCT m.article_id) AS n_sources,
            min(coalesce(a.published_at, m.extracted_at)) AS first_seen,
            CASE WHEN max(m.amount_usd) > 1.02 * min(m.amount_usd)
                 THEN to_json(list(DISTINCT {'amount': m.amount, 'currency': m.currency})
                              FILTER (WHERE m.amount IS NOT NULL))
            END AS amounts_disagree,
            now() AS updated_at
        FROM deal_mentions AS m
        LEFT JOIN articles AS a USING (article_id)
        WHERE list_contains(?, m.deal_id)
        GROUP BY m.deal_id
        """,
        [ids],
    )


def _drop_orphans(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "DELETE FROM deals WHERE deal_id NOT IN (SELECT DISTINCT deal_id FROM deal_mentions "
        "WHERE deal_id IS NOT NULL)"
    )
