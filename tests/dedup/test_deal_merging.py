"""One deal per real-world event, many sources."""

from __future__ import annotations

import datetime as dt

from flows.deals import EXTRACTOR_VERSION
from flows.deals.load import store_article_records
from flows.deals.records import extract_records
from tests.warehouse.rows import article
from warehouse import Warehouse
from warehouse.loads import upsert

# The seed story's three investments, told three ways on three days.
ARTICLES = {
    "a0001": (
        dt.date(2024, 11, 14),
        "Microsoft's $13 billion investment in OpenAI made it the lab's largest backer. "
        "In Germany, the company is investing €3.2 billion in AI infrastructure. "
        "It has also committed €1.9 billion in Spain.",
    ),
    "a0002": (
        dt.date(2024, 11, 18),
        "Microsoft invested €11.9 billion in OpenAI over several years. "
        "Microsoft will invest €3.2 billion in Germany to double its cloud capacity. "
        "Microsoft will also invest €1.9 billion in Spain, the company said.",
    ),
    "a0003": (
        dt.date(2024, 11, 25),
        "The software maker pledged €3.2bn in Germany and €1.9bn in Spain earlier this month.",
    ),
}


def _store(wh: Warehouse, articles: dict[str, tuple[dt.date, str]]) -> None:
    with wh.writer() as w, w.transaction() as con:
        upsert(
            con,
            "articles",
            [
                article(
                    int(aid[1:]),
                    article_id=aid,
                    body=text,
                    published_at=dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC),
                )
                for aid, (d, text) in articles.items()
            ],
            key=["article_id"],
        )
        store_article_records(
            con,
            {aid: extract_records(text, d, "Microsoft") for aid, (d, text) in articles.items()},
            EXTRACTOR_VERSION,
        )


def _deals(wh: Warehouse) -> list[tuple]:
    with wh.reader() as con:
        return con.execute(
            "SELECT recipient, amount, currency, n_sources, amounts_disagree IS NOT NULL "
            "FROM deals ORDER BY recipient"
        ).fetchall()


def test_three_articles_three_deals_three_sources_each(warehouse: Warehouse):
    # The third article names Germany and Spain in one sentence, each with its amount: a
    # source for both.
    _store(warehouse, ARTICLES)
    deals = _deals(warehouse)
    assert [(r, n) for r, _, _, n, _ in deals] == [("Germany", 3), ("OpenAI", 2), ("Spain", 3)]


def test_dollar_and_euro_amounts_of_one_event_merge_and_the_difference_is_kept(
    warehouse: Warehouse,
):
    _store(warehouse, {k: ARTICLES[k] for k in ("a0001", "a0002")})
    openai = next(d for d in _deals(warehouse) if d[0] == "OpenAI")
    assert openai[3] == 2
    assert openai[4] is True  # $13bn vs €11.9bn: both amounts kept in amounts_disagree


def test_two_rounds_of_one_company_never_merge(warehouse: Warehouse):
    _store(
        warehouse,
        {
            "a0010": (dt.date(2024, 3, 1), "Nimbus Robotics raised a $45 million Series A round."),
            "a0011": (dt.date(2024, 3, 20), "Nimbus Robotics raised a $45 million Series B round."),
        },
    )
    assert [(r, n) for r, _, _, n, _ in _deals(warehouse)] == [
        ("Nimbus Robotics", 1),
        ("Nimbus Robotics", 1),
    ]


def test_one_round_told_with_different_backers_is_one_deal(warehouse: Warehouse):
    _store(
        warehouse,
        {
            "a0030": (
                dt.date(2024, 5, 27),
                "xAI has raised $6 billion in a Series B funding round backed by Valor Equity "
                "Partners and Sequoia Capital.",
            ),
            "a0031": (
                dt.date(2024, 5, 27),
                "xAI raised $6 billion in its Series B round. Investors in the round include "
                "Kingdom Holding and Fidelity.",
            ),
        },
    )
    assert [(r, n) for r, _, _, n, _ in _deals(warehouse)] == [("xAI", 2)]


def test_pledges_of_two_investors_to_one_country_are_two_deals(warehouse: Warehouse):
    _store(
        warehouse,
        {
            "a0040": (dt.date(2024, 11, 4), "Microsoft will invest $2 billion in Spain."),
            "a0041": (dt.date(2024, 11, 6), "Google will invest $2 billion in Spain."),
        },
    )
    assert [(r, n) for r, _, _, n, _ in _deals(warehouse)] == [("Spain", 1), ("Spain", 1)]


def test_same_amount_months_apart_is_another_deal(warehouse: Warehouse):
    _store(
        warehouse,
        {
            "a0020": (dt.date(2024, 1, 10), "Groq raised $300 million from BlackRock."),
            "a0021": (dt.date(2024, 9, 10), "Groq raised $300 million from Cisco."),
        },
    )
    assert len(_deals(warehouse)) == 2


def test_merging_is_deterministic_and_rerunnable(warehouse: Warehouse):
    _store(warehouse, ARTICLES)
    with warehouse.reader() as con:
        first = con.execute("SELECT * EXCLUDE (updated_at) FROM deals ORDER BY deal_id").fetchall()
    _store(warehouse, dict(reversed(list(ARTICLES.items()))))
    with warehouse.reader() as con:
        second = con.execute("SELECT * EXCLUDE (updated_at) FROM deals ORDER BY deal_id").fetchall()
    assert second == first
