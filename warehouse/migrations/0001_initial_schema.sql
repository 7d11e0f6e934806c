-- The first schema: every table the pipeline writes.
-- Keys are natural or content-derived so that loading the same input twice is a no-op.
-- No FOREIGN KEY constraints: DuckDB refuses updates of referenced rows, and the
-- pipeline keeps deals and their mentions consistent by writing both in one transaction.

CREATE TABLE sources (
    name            VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page')),
    urls            VARCHAR[] NOT NULL,
    allowed_domains VARCHAR[],
    language        VARCHAR,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    allow_private   BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Validators of the last successful fetch of each feed/sitemap URL, so an idle run sends
-- conditional requests only.
CREATE TABLE feed_state (
    url           VARCHAR PRIMARY KEY,
    source        VARCHAR,
    etag          VARCHAR,
    last_modified VARCHAR,
    status        INTEGER,
    checked_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE runs (
    run_id      VARCHAR PRIMARY KEY,
    flow_run_id VARCHAR,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status      VARCHAR NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    reason      VARCHAR,
    params      JSON,
    counts      JSON
);

-- One row per distinct fetched body of a URL; the body itself lives compressed and
-- content-addressed on disk (body_path, relative to the data directory).
CREATE TABLE pages (
    page_id        VARCHAR PRIMARY KEY,
    url            VARCHAR NOT NULL,
    final_url      VARCHAR,
    source         VARCHAR,
    status         INTEGER,
    content_type   VARCHAR,
    etag           VARCHAR,
    last_modified  VARCHAR,
    content_length BIGINT,
    content_hash   VARCHAR,
    body_path      VARCHAR,
    fetched_at     TIMESTAMPTZ NOT NULL,
    run_id         VARCHAR
);

CREATE TABLE articles (
    article_id         VARCHAR PRIMARY KEY,
    canonical_url      VARCHAR NOT NULL UNIQUE,
    url                VARCHAR NOT NULL,
    source             VARCHAR,
    site_name          VARCHAR,
    title              VARCHAR,
    body               VARCHAR,
    authors            VARCHAR[],
    published_at       TIMESTAMPTZ,
    modified_at        TIMESTAMPTZ,
    language           VARCHAR,
    content_hash       VARCHAR,
    page_id            VARCHAR,
    story_cluster      VARCHAR,
    is_ai              BOOLEAN,
    extracted_at       TIMESTAMPTZ,
    -- extractor version whose deal records are stored; NULL means "not yet extracted",
    -- which is how a run picks up what an interrupted one missed.
    deals_extracted_by VARCHAR,
    run_id             VARCHAR
);

-- One real-world event, merged from one or more mentions.
CREATE TABLE deals (
    deal_id          VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL
                     CHECK (kind IN ('investment', 'valuation', 'acquisition', 'partnership')),
    subtype          VARCHAR,
    investors        VARCHAR[],
    lead_investors   VARCHAR[],
    recipient        VARCHAR NOT NULL,
    recipient_kind   VARCHAR CHECK (recipient_kind IN ('company', 'country', 'region', 'city')),
    amount           DOUBLE,
    currency         VARCHAR,
    amount_usd       DOUBLE,
    qualifier        VARCHAR,
    round            VARCHAR,
    stake            DOUBLE,
    announced_on     DATE,
    confidence       DOUBLE,
    is_ai            BOOLEAN,
    n_sources        INTEGER NOT NULL DEFAULT 1,
    first_seen       TIMESTAMPTZ,
    amounts_disagree JSON,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A record as one article states it, with its evidence. deal_id links it to the merged deal.
CREATE TABLE deal_mentions (
    mention_id        VARCHAR PRIMARY KEY,
    deal_id           VARCHAR,
    article_id        VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    subtype           VARCHAR,
    investors         VARCHAR[],
    lead_investors    VARCHAR[],
    recipient         VARCHAR NOT NULL,
    recipient_kind    VARCHAR,
    amount            DOUBLE,
    currency          VARCHAR,
    amount_usd        DOUBLE,
    qualifier         VARCHAR,
    round             VARCHAR,
    stake             DOUBLE,
    announced_on      DATE,
    confidence        DOUBLE,
    is_ai             BOOLEAN,
    evidence          VARCHAR NOT NULL,
    span_start        INTEGER,
    span_end          INTEGER,
    extractor_version VARCHAR NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
