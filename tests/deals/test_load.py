"""Deal records in the warehouse: re-runs change nothing, deals never lack mentions."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from ainews.cli import app
from flows.deals import EXTRACTOR_VERSION, stage
from flows.deals.load import store_article_records
from flows.deals.records import extract_records
from tests.warehouse.rows import article
from warehouse import Warehouse
from warehouse.loads import upsert

PUBLISHED = dt.date(2024, 11, 14)
TEXTS = {
    "a0001": "Microsoft is investing €3.2 billion in AI infrastructure in Germany.",
    "a0002": "Microsoft will invest €3.2 billion in Germany, the company said on Tuesday.",
    "a0003": "Groq raised $640 million in a Series D round led by BlackRock.",
}


def _insert_articles(con, texts: dict[str, str]) -> None:
    rows = [article(int(a[1:]), article_id=a, body=t) for a, t in texts.items()]
    upsert(con, "articles", rows, key=["article_id"])


def _store(wh: Warehouse, texts: dict[str, str], days: dict[str, dt.date] | None = None) -> None:
    """Store ``texts`` as articles published on ``days`` (default PUBLISHED)."""
    with wh.writer() as w, w.transaction() as con:
        _insert_articles(con, texts)
        store_article_records(
            con,
            {a: extract_records(t, (days or {}).get(a, PUBLISHED)) for a, t in texts.items()},
            EXTRACTOR_VERSION,
        )


def _snapshot(wh: Warehouse) -> tuple[list, list]:
    with wh.reader() as con:
        deals = con.execute(
            "SELECT deal_id, kind, recipient, amount, n_sources, announced_on FROM deals ORDER BY 1"
        ).fetchall()
        mentions = con.execute(
            "SELECT mention_id, deal_id, article_id FROM deal_mentions ORDER BY 1"
        ).fetchall()
    return deals, mentions


def test_same_deal_in_two_articles_is_one_deal_with_two_sources(warehouse: Warehouse):
    _store(warehouse, TEXTS)
    deals, mentions = _snapshot(warehouse)
    assert len(mentions) == 3
    assert sorted((d[1], d[2], d[4]) for d in deals) == [
        ("investment", "Germany", 2),
        ("investment", "Groq", 1),
    ]
    germany = next(d for d in deals if d[2] == "Germany")
    assert germany[5] == dt.date(2024, 11, 12)  # the earliest announced date wins


def test_later_mention_of_a_deal_joins_its_deal_and_keeps_the_amount(warehouse: Warehouse):
    text = (
        "Halden Foods agreed to buy Pantry Lane for $2 billion. Halden Foods believes the "
        "proposed acquisition will give it the delivery network that Pantry Lane built."
    )
    _store(warehouse, {"a0007": text})
    deals, mentions = _snapshot(warehouse)
    assert len(mentions) == 2
    assert [(d[1], d[2], d[3], d[4]) for d in deals] == [("acquisition", "Pantry Lane", 2e9, 1)]
    assert {m[1] for m in mentions} == {deals[0][0]}


def test_storing_twice_changes_nothing(warehouse: Warehouse):
    _store(warehouse, TEXTS)
    first = _snapshot(warehouse)
    _store(warehouse, TEXTS)
    assert _snapshot(warehouse) == first


def test_reextraction_replaces_mentions_and_drops_orphan_deals(warehouse: Warehouse):
    _store(warehouse, TEXTS)
    _store(warehouse, {"a0003": "Groq said nothing about money today."})
    deals, mentions = _snapshot(warehouse)
    assert [d[2] for d in deals] == ["Germany"]
    assert {m[2] for m in mentions} == {"a0001", "a0002"}
    with warehouse.reader() as con:
        orphans = con.execute(
            "SELECT count(*) FROM deals d WHERE NOT EXISTS "
            "(SELECT 1 FROM deal_mentions m WHERE m.deal_id = d.deal_id)"
        ).fetchone()[0]
        marked = con.execute(
            "SELECT count(*) FROM articles WHERE deals_extracted_by = ?", [EXTRACTOR_VERSION]
        ).fetchone()[0]
    assert orphans == 0
    assert marked == 3


def test_a_raised_bid_keeps_the_deal_at_its_latest_price_per_share(warehouse: Warehouse):
    told = {
        "a0010": ("Broadcom offered $70 a share for Qualcomm.", dt.date(2018, 1, 22)),
        "a0011": ("Broadcom raised its offer for Qualcomm to $82 a share.", dt.date(2018, 2, 5)),
    }
    _store(
        warehouse,
        {a: text for a, (text, _) in told.items()},
        {a: day for a, (_, day) in told.items()},
    )
    with warehouse.reader() as con:
        deals = con.execute(
            "SELECT investors, recipient, amount, currency, price_per_share, n_sources FROM v_deals"
        ).fetchall()
        mentions = con.execute(
            "SELECT price_per_share FROM deal_mentions ORDER BY price_per_share"
        ).fetchall()
    # One bid, told twice: the deal stands at the price it was raised to, and no total is
    # made up from a price per share.
    assert deals == [(["Broadcom"], "Qualcomm", None, "USD", 82.0, 2)]
    assert mentions == [(70.0,), (82.0,)]


def test_two_investors_with_equal_sums_in_one_sentence_are_two_deals(warehouse: Warehouse):
    _store(warehouse, {"a0012": "Microsoft and Nvidia will each invest $2 billion in Anthropic."})
    with warehouse.reader() as con:
        deals = con.execute(
            "SELECT investors, recipient, amount FROM v_deals ORDER BY investors"
        ).fetchall()
        n_mentions = con.execute("SELECT count(DISTINCT mention_id) FROM deal_mentions").fetchone()
    assert deals == [(["Microsoft"], "Anthropic", 2e9), (["Nvidia"], "Anthropic", 2e9)]
    assert n_mentions == (2,)


def test_running_totals_stay_out_of_the_volume_views(warehouse: Warehouse):
    _store(
        warehouse,
        {
            "a0004": "Orbis AI raised $300 million in a round led by Kestrel Ventures.",
            "a0005": "Orbis AI, which has raised $1.3 billion to date, is hiring.",
        },
    )
    with warehouse.reader() as con:
        subtypes = sorted(r[0] for r in con.execute("SELECT subtype FROM deals").fetchall())
        (investment_usd,) = con.execute(
            "SELECT total_usd FROM v_deals_by_month WHERE kind = 'investment'"
        ).fetchone()
        (kestrel_usd,) = con.execute(
            "SELECT total_usd FROM v_top_investors WHERE investor = 'Kestrel Ventures'"
        ).fetchone()
    assert subtypes == ["cumulative", "funding_round"]  # stored, but not summed
    assert investment_usd == kestrel_usd == 300e6


def test_cli_deals_jsonl_has_the_stable_keys(tmp_path):
    text_file = tmp_path / "nimbus.txt"
    text_file.write_text(
        "Nimbus Robotics today announced a $45 million Series B round led by Northwind "
        "Ventures. The round values the company at $410 million.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["deals", "--text-file", str(text_file), "--published", "2025-03-04", "--jsonl"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [r["kind"] for r in lines] == ["investment", "valuation"]
    required = {
        "kind",
        "investors",
        "lead_investors",
        "recipient",
        "recipient_kind",
        "amount",
        "currency",
        "amount_usd",
        "qualifier",
        "price_per_share",
        "round",
        "stake",
        "announced_on",
        "confidence",
        "evidence",
    }
    assert required <= set(lines[0])
    assert lines[0]["announced_on"] == "2025-03-04"
    assert lines[0]["lead_investors"] == ["Northwind Ventures"]


def test_cli_deals_load_stores_records_in_the_database(tmp_path):
    text_file = tmp_path / "groq.txt"
    text_file.write_text(TEXTS["a0003"], encoding="utf-8")
    db = tmp_path / "db" / "ainews.duckdb"
    args = ["deals", "--text-file", str(text_file), "--load", "--db", str(db)]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert CliRunner().invoke(app, args).exit_code == 0
    result = CliRunner().invoke(
        app, ["sql", "SELECT recipient, n_sources FROM v_deals", "--db", str(db), "-f", "csv"]
    )
    assert result.output.splitlines() == ["recipient,n_sources", "Groq,1"]


def test_cli_deals_warns_when_an_html_file_holds_no_article(tmp_path):
    page = tmp_path / "notes.txt"
    page.write_text("Groq raised $640 million.", encoding="utf-8")
    result = CliRunner().invoke(app, ["deals", "--html-file", str(page)])
    assert result.exit_code == 0
    assert "no article text found" in result.output
    assert "--text-file" in result.output


def test_an_article_the_extractor_fails_on_is_counted_and_the_rest_are_stored(
    warehouse: Warehouse, monkeypatch, caplog
):
    with warehouse.writer() as w, w.transaction() as con:
        _insert_articles(con, TEXTS)
    real = stage.extract_records

    def fail_on_groq(text: str, *args):
        if "Groq" in text:
            raise ValueError("substring not found")
        return real(text, *args)

    monkeypatch.setattr(stage, "extract_records", fail_on_groq)
    with warehouse.writer() as w:
        counts = stage.extract_pending(w.con, commit_each_batch=True)
    assert (counts.articles, counts.unreadable) == (3, 1)
    assert "a0003" in caplog.text
    deals, _ = _snapshot(warehouse)
    assert [d[2] for d in deals] == ["Germany"]
    with warehouse.reader() as con:
        # Not read again by the next run of the same extractor.
        assert con.execute(
            "SELECT count(*) FROM articles WHERE deals_extracted_by IS DISTINCT FROM ?",
            [EXTRACTOR_VERSION],
        ).fetchone() == (0,)
