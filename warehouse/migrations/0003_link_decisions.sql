-- Every link a feed, sitemap or list page offered, with the pre-filter's decision, so an
-- operator can see why a story was or was not fetched.
CREATE TABLE link_decisions (
    url              VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    relevant         BOOLEAN NOT NULL,
    reason           VARCHAR NOT NULL,
    title            VARCHAR,
    listed_published TIMESTAMPTZ,
    seen_at          TIMESTAMPTZ NOT NULL,
    run_id           VARCHAR,
    PRIMARY KEY (url, source)
);
