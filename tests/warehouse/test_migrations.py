from __future__ import annotations

import duckdb
import pytest

from warehouse import SchemaTooNewError, Warehouse
from warehouse.migrations import code_schema_version, list_migrations, list_views, migrate


def _catalog(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT table_name, table_type FROM information_schema.tables "
        "WHERE table_schema = 'main' ORDER BY 1"
    ).fetchall()


def test_migrating_twice_changes_nothing(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = migrate(con)
    catalog = _catalog(con)
    versions = con.execute("SELECT version, name, applied_at FROM schema_version").fetchall()

    second = migrate(con)

    assert [m.version for m in first] == [m.version for m in list_migrations()]
    assert second == []
    assert _catalog(con) == catalog
    assert (
        con.execute("SELECT version, name, applied_at FROM schema_version").fetchall() == versions
    )


def test_schema_has_every_table_and_view_the_pipeline_needs(warehouse: Warehouse):
    with warehouse.reader() as con:
        names = {name for name, _ in _catalog(con)}
    expected_tables = {"sources", "runs", "pages", "articles", "deals", "deal_mentions"}
    assert expected_tables <= names
    assert set(list_views()) <= names
    assert {"v_deals", "v_deals_by_month", "v_top_investors", "v_investments_by_country"} <= names


def test_database_newer_than_the_code_is_refused_with_advice(warehouse: Warehouse):
    with warehouse.writer() as w:
        w.con.execute(
            "INSERT INTO schema_version (version, name) VALUES (?, 'from_the_future')",
            [code_schema_version() + 5],
        )
    with pytest.raises(SchemaTooNewError, match="upgrade ainews"), warehouse.writer():
        pass


def test_failed_migration_leaves_previous_version(tmp_path, monkeypatch):
    import warehouse.migrations as mig

    good = mig.list_migrations()
    broken = [*good, mig.Migration(len(good) + 1, "broken", "CREATE TABLE x(a INT); SELEC 1;")]
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    monkeypatch.setattr(mig, "list_migrations", lambda: broken)

    with pytest.raises(duckdb.Error):
        mig.migrate(con)

    assert mig.current_version(con) == len(good)
    tables = {t for t, _ in _catalog(con)}
    assert "x" not in tables


# Each migration that widens recipient_kind rebuilds the deals table: the deals stored
# before it survive, the new kind is refused before it and accepted after, others never.
WIDENINGS = [
    ("sector_recipients", ("Germany", "country", 3.2e9), ("renewables", "sector")),
    ("person_recipients", ("renewables", "sector", 5e9), ("Christo Wiese", "person")),
]


@pytest.mark.parametrize(("name", "kept", "new"), WIDENINGS, ids=[w[0] for w in WIDENINGS])
def test_widening_recipient_kinds_keeps_existing_deals(tmp_path, monkeypatch, name, kept, new):
    import warehouse.migrations as mig

    every = mig.list_migrations()
    step = next(i for i, m in enumerate(every) if m.name == name)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    # The view files describe the newest schema; they are created once every step is in.
    monkeypatch.setattr(mig, "create_views", lambda con: None)
    monkeypatch.setattr(mig, "list_migrations", lambda: every[:step])
    mig.migrate(con)
    insert = "INSERT INTO deals (deal_id, kind, recipient, recipient_kind) VALUES (?, ?, ?, ?)"
    con.execute(
        "INSERT INTO deals (deal_id, kind, recipient, recipient_kind, amount) "
        "VALUES ('d1', 'investment', ?, ?, ?)",
        list(kept),
    )
    with pytest.raises(duckdb.ConstraintException):
        con.execute(insert, ["d2", "investment", *new])
    monkeypatch.setattr(mig, "list_migrations", lambda: every[: step + 1])

    applied = mig.migrate(con)

    assert [m.name for m in applied] == [name]
    assert con.execute("SELECT deal_id, recipient, amount FROM deals").fetchall() == [
        ("d1", kept[0], kept[2])
    ]
    con.execute(insert, ["d2", "investment", *new])
    with pytest.raises(duckdb.ConstraintException):
        con.execute(insert, ["d3", "investment", "x", "planet"])
    monkeypatch.undo()
    mig.migrate(con)
    assert con.execute("SELECT count(*) FROM v_deals").fetchone() == (2,)


def test_share_price_column_arrives_on_a_database_holding_deals(tmp_path, monkeypatch):
    import warehouse.migrations as mig

    every = mig.list_migrations()
    step = next(i for i, m in enumerate(every) if m.name == "share_prices")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    monkeypatch.setattr(mig, "list_migrations", lambda: every[:step])
    monkeypatch.setattr(mig, "create_views", lambda con: None)
    mig.migrate(con)
    # The view as it stood before: ALTER TABLE must pass a view that depends on the table.
    con.execute(mig.list_views()["v_deals"].replace("    d.price_per_share,\n", ""))
    monkeypatch.undo()
    con.execute(
        "INSERT INTO deals (deal_id, kind, recipient, recipient_kind, amount, currency) "
        "VALUES ('d1', 'acquisition', 'Embraer', 'company', 5.2e9, 'USD')"
    )

    assert [m.name for m in mig.migrate(con)] == ["share_prices"]

    assert con.execute("SELECT recipient, amount, price_per_share FROM v_deals").fetchall() == [
        ("Embraer", 5.2e9, None)
    ]
    con.execute("UPDATE deals SET price_per_share = 28 WHERE deal_id = 'd1'")
    assert con.execute("SELECT price_per_share FROM v_deals").fetchone() == (28.0,)
