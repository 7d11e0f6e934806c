"""A self-contained HTML report of the warehouse: charts as inline SVG (matplotlib), the
latest deals with their sources and evidence. No CDN, no JavaScript: it opens anywhere,
including as an attachment."""

from __future__ import annotations

import datetime as dt
import html
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import matplotlib

matplotlib.use("Agg")  # no display on servers
import matplotlib.pyplot as plt

from flows.summary import price_text, usd

_COLOURS = ["#2563eb", "#0891b2", "#7c3aed", "#db2777", "#ea580c", "#16a34a"]


@dataclass
class Chart:
    title: str
    svg: str


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg") :]  # drop the XML prolog and DOCTYPE for inline use


def _barh(title: str, labels: list[str], values: list[float], colour: str) -> Chart:
    fig, ax = plt.subplots(figsize=(6.4, 0.42 * max(len(labels), 3) + 0.8))
    ax.barh(labels[::-1], [v / 1e9 for v in values[::-1]], color=colour)
    ax.set_xlabel("USD billion")
    ax.spines[["top", "right"]].set_visible(False)
    for i, v in enumerate(values[::-1]):
        ax.text(v / 1e9, i, f" {usd(v)}", va="center", fontsize=8)
    return Chart(title, _svg(fig))


def _monthly(con: duckdb.DuckDBPyConnection) -> Chart | None:
    rows = con.execute(
        "SELECT month, sum(total_usd) FROM v_deals_by_month "
        "WHERE kind IN ('investment', 'acquisition') AND total_usd IS NOT NULL "
        "GROUP BY month ORDER BY month"
    ).fetchall()
    if not rows:
        return None
    fig, ax = plt.subplots(figsize=(9, 3.2))
    ax.bar([r[0] for r in rows], [r[1] / 1e9 for r in rows], width=20, color=_COLOURS[0])
    ax.set_ylabel("USD billion")
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return Chart("Investment and acquisitions per month (USD)", _svg(fig))


def _top(con: duckdb.DuckDBPyConnection, sql: str, title: str, colour: str) -> Chart | None:
    rows = [r for r in con.execute(sql).fetchall() if r[1]]
    if not rows:
        return None
    return _barh(title, [r[0] for r in rows], [r[1] for r in rows], colour)


def build_report(con: duckdb.DuckDBPyConnection, db_path: Path, limit: int = 40) -> str:
    charts = [
        _monthly(con),
        _top(
            con,
            "SELECT investor, total_usd FROM v_top_investors WHERE total_usd > 0 LIMIT 12",
            "Top investors (USD of deals they are named in)",
            _COLOURS[1],
        ),
        _top(
            con,
            "SELECT recipient, sum(amount_usd) AS usd FROM deals WHERE kind = 'investment' "
            "AND recipient_kind = 'company' AND subtype IS DISTINCT FROM 'cumulative' "
            "GROUP BY recipient ORDER BY usd DESC NULLS LAST LIMIT 12",
            "Top recipients (companies, USD invested)",
            _COLOURS[2],
        ),
        _top(
            con,
            "SELECT place, total_usd FROM v_investments_by_country LIMIT 12",
            "Countries, regions and cities receiving infrastructure pledges (USD)",
            _COLOURS[3],
        ),
    ]
    deals = con.execute(
        """
        SELECT kind, investors, recipient, recipient_kind, amount, currency, amount_usd,
               qualifier, price_per_share, round, announced_on, n_sources, outlets,
               article_urls, evidence
        FROM v_deals ORDER BY announced_on DESC NULLS LAST, amount_usd DESC NULLS LAST LIMIT ?
        """,
        [limit],
    ).fetchall()
    totals = con.execute(
        "SELECT (SELECT count(*) FROM deals), (SELECT count(*) FROM articles), "
        "(SELECT count(DISTINCT story_cluster) FROM articles), "
        "(SELECT sum(amount_usd) FROM deals WHERE kind = 'investment' "
        "AND subtype IS DISTINCT FROM 'cumulative')"
    ).fetchone()
    return _page(charts, deals, totals, db_path)


def _page(charts: list[Chart | None], deals: list[tuple], totals: tuple, db_path: Path) -> str:  # type: ignore[type-arg]
    e = html.escape
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    chart_html = (
        "".join(
            f"<section class='chart'><h2>{e(c.title)}</h2>{c.svg}</section>" for c in charts if c
        )
        or "<p>No deals yet: run the pipeline first.</p>"
    )
    rows = []
    for (
        kind,
        investors,
        recipient,
        rkind,
        amount,
        currency,
        amount_usd,
        qual,
        per_share,
        rnd,
        day,
        n,
        outlets,
        urls,
        evidence,
    ) in deals:
        amount_text = price_text(amount, currency, qual, per_share)
        links = " ".join(
            f"<a href='{e(u)}'>{e(o or 'source')}</a>"
            for u, o in zip(urls or [], (outlets or []) + [None] * len(urls or []), strict=False)
        )
        rows.append(
            "<tr>"
            f"<td>{e(str(day or ''))}</td><td>{e(kind)}</td>"
            f"<td>{e(', '.join(investors or []))}</td>"
            f"<td>{e(recipient)} <small>({e(rkind or '')})</small></td>"
            f"<td class='num'>{e(amount_text)}</td><td class='num'>{e(usd(amount_usd))}</td>"
            f"<td>{e(rnd or '')}</td><td class='num'>{n}</td><td>{links}</td>"
            f"<td class='evidence'>{e(evidence or '')}</td>"
            "</tr>"
        )
    deals_count, articles, stories, invested = totals
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ainews report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #111; }}
h1 {{ margin-bottom: 0; }} .sub {{ color: #555; margin-top: .2rem; }}
.kpis {{ display: flex; gap: 2rem; margin: 1.5rem 0; }} .kpi b {{ display: block; font-size: 1.6rem; }}
.charts {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 1.5rem; }}
.chart svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; font-size: .85rem; margin-top: 1rem; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }}
td.num {{ text-align: right; white-space: nowrap; }} td.evidence {{ color: #444; max-width: 28rem; }}
</style></head><body>
<h1>AI investment deals</h1>
<p class="sub">Generated {generated} from <code>{e(str(db_path))}</code></p>
<div class="kpis">
<div class="kpi"><b>{deals_count}</b>deals</div>
<div class="kpi"><b>{e(usd(invested))}</b>invested (USD)</div>
<div class="kpi"><b>{articles}</b>articles</div>
<div class="kpi"><b>{stories}</b>stories</div>
</div>
<div class="charts">{chart_html}</div>
<h2>Latest deals</h2>
<table id="deals"><thead><tr><th>announced</th><th>kind</th><th>investors</th><th>recipient</th>
<th>amount</th><th>USD</th><th>round</th><th>sources</th><th>outlets</th><th>evidence</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
</body></html>
"""


def write_report(con: duckdb.DuckDBPyConnection, db_path: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(build_report(con, db_path), encoding="utf-8")
    tmp.replace(out)
    return out
