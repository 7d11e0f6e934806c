-- A bid or a purchase told per share ("offered $70 a share for Qualcomm"): its price per
-- share, in the deal's currency, kept apart from the total, which it never is. Mentions
-- and deals both carry it; older rows have none.
-- The tables are rebuilt rather than altered: DuckDB replays an ADD COLUMN on a table
-- with a now() default from the write-ahead log by binding that default again, which
-- fails after a crash ("GetDefaultDatabase with no default database set"), and the
-- database would not open again until the log was removed.
DROP VIEW IF EXISTS v_deals;
DROP VIEW IF EXISTS v_deals_by_month;
DROP VIEW IF EXISTS v_top_investors;
DROP VIEW IF EXISTS v_investments_by_country;

CREATE TABLE deals_v6 (
    deal_id          VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL
                     CHECK (kind IN ('investment', 'valuation', 'acquisition', 'partnership')),
    subtype          VARCHAR,
    investors        VARCHAR[],
    lead_investors   VARCHAR[],
    recipient        VARCHAR NOT NULL,
    recipient_kind   VARCHAR
                     CHECK (recipient_kind IN ('company', 'person', 'country', 'region', 'city',
                                             'sector')),
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
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    price_per_share  DOUBLE
);

INSERT INTO deals_v6 BY NAME SELECT * FROM deals;
DROP TABLE deals;
ALTER TABLE deals_v6 RENAME TO deals;

CREATE TABLE deal_mentions_v6 (
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
    extracted_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    price_per_share   DOUBLE
);

INSERT INTO deal_mentions_v6 BY NAME SELECT * FROM deal_mentions;
DROP TABLE deal_mentions;
ALTER TABLE deal_mentions_v6 RENAME TO deal_mentions;
