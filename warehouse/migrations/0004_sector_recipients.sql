-- Investments may go to a field or project rather than a company or place ("invested
-- $5 billion in renewables", "spend $11 billion on electrified vehicles"): recipient_kind
-- gains 'sector'. DuckDB cannot change a CHECK constraint in place, so the table is rebuilt
-- with the same columns and rows; the views are recreated after every migration.
DROP VIEW IF EXISTS v_deals;
DROP VIEW IF EXISTS v_deals_by_month;
DROP VIEW IF EXISTS v_top_investors;
DROP VIEW IF EXISTS v_investments_by_country;

CREATE TABLE deals_v4 (
    deal_id          VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL
                     CHECK (kind IN ('investment', 'valuation', 'acquisition', 'partnership')),
    subtype          VARCHAR,
    investors        VARCHAR[],
    lead_investors   VARCHAR[],
    recipient        VARCHAR NOT NULL,
    recipient_kind   VARCHAR
                     CHECK (recipient_kind IN ('company', 'country', 'region', 'city', 'sector')),
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

INSERT INTO deals_v4 SELECT * FROM deals;
DROP TABLE deals;
ALTER TABLE deals_v4 RENAME TO deals;
