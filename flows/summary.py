"""What a run did, for people: the markdown artifact in the Prefect UI and the CLI's
closing summary share these queries."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb


def new_deals(
    con: duckdb.DuckDBPyConnection, since: dt.datetime, limit: int = 50
) -> list[dict[str, Any]]:
    """Deals with a mention extracted since ``since``, largest first."""
    rows = con.execute(
        """
        SELECT d.kind, d.investors, d.recipient, d.recipient_kind, d.amount, d.currency,
               d.amount_usd, d.round, d.n_sources, d.announced_on, d.price_per_share
        FROM deals d
        WHERE d.deal_id IN (SELECT deal_id FROM deal_mentions WHERE extracted_at >= ?)
        ORDER BY d.amount_usd DESC NULLS LAST, d.recipient
        LIMIT ?
        """,
        [since, limit],
    ).fetchall()
    keys = ["kind", "investors", "recipient", "recipient_kind", "amount", "currency",
            "amount_usd", "round", "n_sources", "announced_on", "price_per_share"]  # fmt: skip
    return [dict(zip(keys, r, strict=True)) for r in rows]


def totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    queries = {
        "articles": "SELECT count(*) FROM articles",
        "stories": "SELECT count(DISTINCT story_cluster) FROM articles",
        "deals": "SELECT count(*) FROM deals",
        "mentions": "SELECT count(*) FROM deal_mentions",
    }
    return {k: int(con.execute(q).fetchone()[0]) for k, q in queries.items()}  # type: ignore[index]


def usd(amount: float | None) -> str:
    if amount is None:
        return "—"
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(amount) >= scale:
            return f"${amount / scale:,.1f}{suffix}"
    return f"${amount:,.0f}"


def money_text(amount: float | None, currency: str | None, qualifier: str | None = None) -> str:
    """ "over 2bn EUR", "45m USD": amounts as an analyst reads them."""
    if amount is None:
        return "—"
    for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= scale:
            text = f"{amount / scale:,.2f}".rstrip("0").rstrip(".") + word
            break
    else:
        text = f"{amount:,.0f}"
    return " ".join(p for p in (qualifier, text, currency) if p)


def price_text(
    amount: float | None,
    currency: str | None,
    qualifier: str | None = None,
    price_per_share: float | None = None,
) -> str:
    """ "5.2bn USD (28 USD a share)", "70 USD a share": a deal's price, total first."""
    if price_per_share is None:
        return money_text(amount, currency, qualifier)
    number = f"{price_per_share:,.2f}".rstrip("0").rstrip(".")
    per_share = " ".join(p for p in (number, currency, "a share") if p)
    if amount is None:
        return per_share
    return f"{money_text(amount, currency, qualifier)} ({per_share})"


def run_markdown(
    run_id: str,
    status: str,
    counts: dict[str, Any],
    deals: list[dict[str, Any]],
    total: dict[str, int],
    db_path: Path,
    report_path: Path | None = None,
) -> str:
    lines = [f"# ainews run `{run_id}`: {status}", ""]
    lines += ["## Stages", "", "| stage | counts |", "|---|---|"]
    for stage, stage_counts in counts.items():
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(stage_counts.items()) if v)
        lines.append(f"| {stage} | {shown or 'nothing to do'} |")
    lines += ["", "## Totals", "", " · ".join(f"{k}: **{v}**" for k, v in total.items()), ""]
    lines += [f"## New deals ({len(deals)})", ""]
    if deals:
        lines += [
            "| kind | investor | recipient | amount (USD) | sources |",
            "|---|---|---|---|---|",
        ]
        for d in deals:
            investors = ", ".join(d["investors"] or []) or "—"
            amount = usd(d["amount_usd"])
            if d.get("price_per_share") is not None:
                # "Broadcom offered $70 a share for Qualcomm": the bid as told
                per_share = price_text(None, d["currency"], None, d["price_per_share"])
                amount = per_share if d["amount_usd"] is None else f"{amount} ({per_share})"
            lines.append(
                f"| {d['kind']} | {investors} | {d['recipient']} | {amount} | {d['n_sources']} |"
            )
    else:
        lines.append("No new deals in this run.")
    lines += ["", f"Database: `{db_path.resolve()}` (open with `duckdb -readonly {db_path}`)"]
    if report_path is not None:
        lines.append(f"Report: [{report_path.name}]({report_path.resolve().as_uri()})")
    return "\n".join(lines) + "\n"


def counts_of(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    row = con.execute("SELECT counts FROM runs WHERE run_id = ?", [run_id]).fetchone()
    return json.loads(row[0]) if row and row[0] else {}
