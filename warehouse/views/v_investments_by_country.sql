-- Investments whose recipient is a place (infrastructure pledges and the like).
CREATE OR REPLACE VIEW v_investments_by_country AS
SELECT
    recipient AS place,
    recipient_kind,
    count(*) AS n_deals,
    sum(amount_usd) AS total_usd,
    list_sort(list_distinct(flatten(list(coalesce(investors, []::VARCHAR[]))))) AS investors
FROM deals
WHERE kind = 'investment' AND recipient_kind IN ('country', 'region', 'city')
    AND subtype IS DISTINCT FROM 'cumulative'  -- a running total repeats its rounds
GROUP BY recipient, recipient_kind
ORDER BY total_usd DESC NULLS LAST, place;
