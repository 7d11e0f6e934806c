from __future__ import annotations

import pytest

from tests.warehouse.rows import article, deal, mention
from warehouse import Warehouse
from warehouse.loads import upsert


def _count(wh: Warehouse, table: str) -> int:
    with wh.reader() as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_loading_the_same_rows_twice_changes_nothing(warehouse: Warehouse):
    rows = [article(i) for i in range(50)]
    for _ in range(2):
        with warehouse.writer() as w, w.transaction() as con:
            upsert(con, "articles", rows, key=["article_id"])
    with warehouse.reader() as con:
        snapshot = con.execute("SELECT * FROM articles ORDER BY article_id").fetchall()
    assert len(snapshot) == 50
    assert snapshot[0][5] == "AI deal number 0"


def test_upsert_replaces_changed_rows_and_keeps_the_rest(warehouse: Warehouse):
    with warehouse.writer() as w, w.transaction() as con:
        upsert(con, "articles", [article(1), article(2)], key=["article_id"])
        upsert(con, "articles", [article(2, title="Corrected headline")], key=["article_id"])
    with warehouse.reader() as con:
        titles = con.execute("SELECT article_id, title FROM articles ORDER BY 1").fetchall()
    assert titles == [("a0001", "AI deal number 1"), ("a0002", "Corrected headline")]


def test_upsert_without_update_keeps_the_stored_row(warehouse: Warehouse):
    with warehouse.writer() as w, w.transaction() as con:
        upsert(con, "articles", [article(1)], key=["article_id"])
        upsert(con, "articles", [article(1, title="later")], key=["article_id"], update=False)
        title = con.execute("SELECT title FROM articles").fetchone()[0]
    assert title == "AI deal number 1"


def test_duplicate_keys_in_one_batch_keep_the_last(warehouse: Warehouse):
    with warehouse.writer() as w, w.transaction() as con:
        upsert(con, "articles", [article(1), article(1, title="second")], key=["article_id"])
        rows = con.execute("SELECT title FROM articles").fetchall()
    assert rows == [("second",)]


def test_failed_load_leaves_no_rows_and_publishes_nothing(warehouse: Warehouse):
    class Boom(Exception):
        pass

    with pytest.raises(Boom), warehouse.writer() as w, w.transaction() as con:
        upsert(con, "articles", [article(i) for i in range(10)], key=["article_id"])
        upsert(con, "deals", [deal(1)], key=["deal_id"])
        raise Boom("crash between the deal and its mention")

    assert _count(warehouse, "articles") == 0
    assert _count(warehouse, "deals") == 0
    # The working file is consistent too: a fresh writer sees nothing either.
    with warehouse.writer() as w:
        assert w.con.execute("SELECT count(*) FROM deals").fetchone()[0] == 0


def test_committed_transactions_survive_a_later_failure(warehouse: Warehouse):
    with pytest.raises(RuntimeError), warehouse.writer() as w:
        with w.transaction() as con:
            upsert(con, "articles", [article(1)], key=["article_id"])
        with w.transaction() as con:
            upsert(con, "articles", [article(2)], key=["article_id"])
            raise RuntimeError("extract stage failed")
    # Nothing is published by a failed writer, but the next one continues from the commit.
    assert _count(warehouse, "articles") == 0
    with warehouse.writer() as w:
        ids = w.con.execute("SELECT article_id FROM articles").fetchall()
    assert ids == [("a0001",)]
    assert _count(warehouse, "articles") == 1


def test_v_deals_lists_every_outlet_behind_a_deal(warehouse: Warehouse):
    with warehouse.writer() as w, w.transaction() as con:
        upsert(
            con,
            "articles",
            [
                article(1),
                article(2, site_name="Other Wire", canonical_url="https://wire.example/x"),
            ],
            key=["article_id"],
        )
        upsert(con, "deals", [deal(1, n_sources=2)], key=["deal_id"])
        upsert(
            con,
            "deal_mentions",
            [mention(1, "d0001", "a0001"), mention(2, "d0001", "a0002")],
            key=["mention_id"],
        )
    with warehouse.reader() as con:
        rows = con.execute(
            "SELECT recipient, n_sources, list_sort(outlets) FROM v_deals"
        ).fetchall()
        by_country = con.execute(
            "SELECT place, n_deals, total_usd, investors FROM v_investments_by_country"
        ).fetchall()
    assert rows == [("Germany", 2, ["Example News", "Other Wire"])]
    assert by_country == [("Germany", 1, 3.46e9, ["Microsoft"])]
