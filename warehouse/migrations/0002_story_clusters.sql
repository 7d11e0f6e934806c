-- Near-duplicate detection: stored MinHash signatures (so later runs compare new
-- articles without recomputing old ones) and one row per story cluster.

CREATE TABLE article_signatures (
    article_id VARCHAR PRIMARY KEY,
    scheme     VARCHAR NOT NULL,   -- datasketch permutation scheme, e.g. affine32
    num_perm   INTEGER NOT NULL,
    shingle_k  INTEGER NOT NULL,
    hashvalues BLOB NOT NULL       -- little-endian uint32 x num_perm
);

CREATE TABLE story_clusters (
    cluster_id        VARCHAR PRIMARY KEY,  -- smallest member article_id
    representative_id VARCHAR NOT NULL,     -- earliest published, then longest body
    n_members         INTEGER NOT NULL,
    first_published   TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
