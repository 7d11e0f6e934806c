"""Story clusters in the warehouse: exact and near duplicates, incremental runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flows.dedup.near import signature, similarity
from flows.dedup.stories import dedup_articles
from tests.warehouse.rows import article
from warehouse import Warehouse
from warehouse.loads import upsert

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deals"
SEED = (FIXTURES / "seed_story.txt").read_text(encoding="utf-8")
OTHER = (
    "Nimbus Robotics today announced a $45 million Series B round led by Northwind Ventures "
    "with participation from Alder Capital and Kestrel Partners. The round values the company "
    "at $410 million. The Lisbon-based company builds warehouse robots that use AI models to "
    "pick irregular items. It will use the money to hire engineers and open an office in "
    "Germany, where its largest customers run distribution centres for online retailers."
)
NAV = "Home | World | Business | Tech | Markets | Opinion | Subscribe to our newsletter"
FOOTER = "Related stories: Chip stocks slide. Read more on our app. © 2024 Example Media."


def syndicated_copy(text: str) -> str:
    """What a syndication partner prints: other navigation, first 60 %, another byline."""
    words = text.split()
    return f"{NAV}\nBy Staff Reporter\n{' '.join(words[: int(len(words) * 0.6)])}\n{FOOTER}"


def _load(wh: Warehouse, bodies: dict[int, tuple[str, dt.datetime | None]]) -> None:
    rows = [
        article(n, body=body, published_at=published, content_hash=None)
        for n, (body, published) in bodies.items()
    ]
    with wh.writer() as w, w.transaction() as con:
        upsert(con, "articles", rows, key=["article_id"])
        dedup_articles(con)


def _clusters(wh: Warehouse) -> dict[str, str]:
    with wh.reader() as con:
        return dict(con.execute("SELECT article_id, story_cluster FROM articles").fetchall())


DAY = dt.datetime(2024, 11, 14, 9, tzinfo=dt.UTC)


def test_truncated_copy_with_other_boilerplate_stays_above_the_threshold():
    from flows.dedup.near import DEFAULT_THRESHOLD

    assert similarity(signature(SEED), signature(syndicated_copy(SEED))) >= DEFAULT_THRESHOLD
    assert similarity(signature(SEED), signature(OTHER)) < 0.1


def test_syndicated_copies_share_a_story_and_other_articles_do_not(warehouse: Warehouse):
    _load(
        warehouse,
        {
            1: (SEED, DAY),
            2: (syndicated_copy(SEED), DAY + dt.timedelta(hours=3)),
            3: (SEED.upper().replace("\n", "  \n"), DAY + dt.timedelta(days=1)),  # exact copy
            4: (OTHER, DAY),
        },
    )
    clusters = _clusters(warehouse)
    assert clusters["a0001"] == clusters["a0002"] == clusters["a0003"] == "a0001"
    assert clusters["a0004"] == "a0004"
    with warehouse.reader() as con:
        stories = con.execute(
            "SELECT cluster_id, representative_id, n_members FROM story_clusters ORDER BY 1"
        ).fetchall()
        view = con.execute("SELECT n_members FROM v_stories ORDER BY cluster_id").fetchall()
    assert stories == [("a0001", "a0001", 3), ("a0004", "a0004", 1)]
    assert view == [(3,), (1,)]


def test_representative_is_earliest_then_longest(warehouse: Warehouse):
    _load(
        warehouse,
        {
            5: (syndicated_copy(SEED), DAY),  # earliest, though shorter
            6: (SEED, DAY + dt.timedelta(hours=1)),
        },
    )
    with warehouse.reader() as con:
        rep = con.execute("SELECT representative_id FROM story_clusters").fetchall()
    assert rep == [("a0005",)]


def test_incremental_run_reuses_stored_signatures(warehouse: Warehouse):
    _load(warehouse, {1: (SEED, DAY), 4: (OTHER, DAY)})
    with warehouse.reader() as con:
        before = dict(
            con.execute("SELECT article_id, hashvalues FROM article_signatures").fetchall()
        )
    _load(warehouse, {2: (syndicated_copy(SEED), DAY + dt.timedelta(hours=2))})
    with warehouse.reader() as con:
        after = dict(
            con.execute("SELECT article_id, hashvalues FROM article_signatures").fetchall()
        )
    assert {k: after[k] for k in before} == before
    assert set(after) == {"a0001", "a0002", "a0004"}
    assert _clusters(warehouse)["a0002"] == "a0001"


def test_rerunning_dedup_changes_nothing(warehouse: Warehouse):
    _load(warehouse, {1: (SEED, DAY), 2: (syndicated_copy(SEED), DAY), 4: (OTHER, DAY)})
    first = _clusters(warehouse)
    with warehouse.writer() as w, w.transaction() as con:
        result = dedup_articles(con)
    assert result.new_articles == 0
    assert _clusters(warehouse) == first
