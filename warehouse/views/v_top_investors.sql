-- Investors ranked by the USD volume of the investments and acquisitions they are named in.
-- A deal with several investors counts fully for each: per-investor splits are rarely
-- reported.
CREATE OR REPLACE VIEW v_top_investors AS
SELECT
    investor,
    count(*) AS n_deals,
    sum(amount_usd) AS total_usd,
    count(*) FILTER (WHERE list_contains(lead_investors, investor)) AS n_led,
    max(announced_on) AS last_deal_on
FROM (
    SELECT unnest(investors) AS investor, lead_investors, amount_usd, announced_on
    FROM deals
    WHERE kind IN ('investment', 'acquisition') AND subtype IS DISTINCT FROM 'cumulative'
)
GROUP BY investor
ORDER BY total_usd DESC NULLS LAST, n_deals DESC, investor;
