-- A loan or a purchase may go to a person ("a €1.6 billion loan to Christo Wiese, then
-- chairman of the retailer", "lent $1 billion to Elon Musk"): recipient_kind gains
-- 'person'. The table is rebuilt as in 0004 (DuckDB cannot alter a CHECK in place).
DROP VIEW IF EXISTS v_deals;
DROP VIEW IF EXISTS v_deals_by_month;
DROP VIEW IF EXISTS v_top_investors;
DROP VIEW IF EXISTS v_investments_by_country;

CREATE TABLE deals_v5 (
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
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO deals_v5 SELECT * FROM deals;
DROP TABLE deals;
ALTER TABLE deals_v5 RENAME TO deals;
