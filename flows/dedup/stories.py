"""The article dedup stage: exact hashes and near-duplicate clusters in the warehouse.

Incremental: only articles without a stored signature are shingled; stored signatures
are loaded as they are. Clusters are recomputed for the components new articles touch,
and written back in the caller's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import duckdb
import numpy as np

from flows.dedup.near import (
    DEFAULT_THRESHOLD,
    NUM_PERM,
    SCHEME,
    SHINGLE_WORDS,
    cluster,
    from_bytes,
    signature,
    to_bytes,
)
from flows.dedup.text import content_hash
from warehouse.loads import upsert

_PARALLEL_FROM = 5_000  # below this, starting worker processes costs more than it saves


@dataclass
class DedupResult:
    new_articles: int
    clusters_touched: int
    duplicates: int  # new articles that joined an existing or another new article's story


def signatures(texts: Iterable[str], workers: int = 1, expected: int = 0) -> list[np.ndarray]:
    """Signatures of ``texts`` in order. ``texts`` may be a generator: it is consumed in
    chunks, so the texts of a large batch are never all in memory at once."""
    if workers > 1 and expected >= _PARALLEL_FROM:
        result: list[np.ndarray] = []
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # Executor.map submits everything at once; batches bound what is in flight.
            for batch in _batches(texts, 4096):
                result.extend(pool.map(signature, batch, chunksize=128))
        return result
    return [signature(t) for t in texts]


def _batches(items: Iterable[str], size: int) -> Iterable[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def dedup_articles(
    con: duckdb.DuckDBPyConnection, threshold: float = DEFAULT_THRESHOLD, workers: int = 1
) -> DedupResult:
    """Cluster articles without a signature into stories; call inside a transaction."""
    new_rows = con.execute(
        "SELECT a.article_id, coalesce(a.body, '') FROM articles a "
        "LEFT JOIN article_signatures s USING (article_id) WHERE s.article_id IS NULL "
        "ORDER BY a.article_id"
    ).fetchall()
    if not new_rows:
        return DedupResult(0, 0, 0)
    new_ids = [r[0] for r in new_rows]
    bodies = [r[1] for r in new_rows]
    new_sigs = dict(zip(new_ids, signatures(bodies, workers, len(bodies)), strict=True))
    hashes = {aid: content_hash(body) for aid, body in new_rows}
    stored_rows = con.execute(
        "SELECT article_id, hashvalues FROM article_signatures WHERE scheme = ? AND num_perm = ?",
        [SCHEME, NUM_PERM],
    ).fetchall()
    stored = {aid: from_bytes(blob) for aid, blob in stored_rows}
    existing = dict(
        con.execute(
            "SELECT article_id, story_cluster FROM articles WHERE story_cluster IS NOT NULL"
        ).fetchall()
    )
    old_hashes = dict(
        con.execute(
            "SELECT article_id, content_hash FROM articles WHERE content_hash IS NOT NULL"
        ).fetchall()
    )
    assignment = cluster(
        new_sigs, stored, existing, exact_keys={**old_hashes, **hashes}, threshold=threshold
    )
    changed = {aid: cid for aid, cid in assignment.items() if existing.get(aid) != cid}
    touched = set(changed.values()) | {existing[a] for a in changed if a in existing}

    upsert(
        con,
        "article_signatures",
        [
            {
                "article_id": aid,
                "scheme": SCHEME,
                "num_perm": NUM_PERM,
                "shingle_k": SHINGLE_WORDS,
                "hashvalues": to_bytes(values),
            }
            for aid, values in new_sigs.items()
        ],
        key=["article_id"],
    )
    if changed:
        con.register(
            "_cluster_updates",
            _as_table({"article_id": list(changed), "cluster_id": list(changed.values())}),
        )
        con.execute(
            "UPDATE articles SET story_cluster = u.cluster_id FROM _cluster_updates u "
            "WHERE articles.article_id = u.article_id"
        )
        con.unregister("_cluster_updates")
    con.execute(
        "UPDATE articles SET content_hash = h.content_hash FROM (SELECT unnest(?) AS article_id, "
        "unnest(?) AS content_hash) h WHERE articles.article_id = h.article_id "
        "AND articles.content_hash IS NULL",
        [list(hashes), list(hashes.values())],
    )
    _rebuild_clusters(con, touched)
    sizes: dict[str, int] = defaultdict(int)
    for cid in assignment.values():
        sizes[cid] += 1
    duplicates = sum(1 for aid in new_ids if sizes[assignment[aid]] > 1)
    return DedupResult(len(new_ids), len(touched), duplicates)


def _as_table(columns: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    return pa.table(columns)


def _rebuild_clusters(con: duckdb.DuckDBPyConnection, cluster_ids: set[str]) -> None:
    if not cluster_ids:
        return
    ids = sorted(cluster_ids)
    con.execute("DELETE FROM story_clusters WHERE list_contains(?, cluster_id)", [ids])
    con.execute(
        """
        INSERT INTO story_clusters BY NAME
        SELECT
            story_cluster AS cluster_id,
            arg_min(article_id, (published_at IS NULL, published_at, -length(coalesce(body, '')),
                                 article_id)) AS representative_id,
            count(*) AS n_members,
            min(published_at) AS first_published,
            now() AS updated_at
        FROM articles
        WHERE list_contains(?, story_cluster)
        GROUP BY story_cluster
        """,
        [ids],
    )
