-- Deal counts and investment volume per month of announcement.
CREATE OR REPLACE VIEW v_deals_by_month AS
SELECT
    date_trunc('month', announced_on)::DATE AS month,
    kind,
    count(*) AS n_deals,
    sum(amount_usd) AS total_usd,
    count(amount_usd) AS n_with_amount
FROM deals
-- A running total ("has raised $1.3 billion to date") repeats the rounds it sums.
WHERE announced_on IS NOT NULL AND subtype IS DISTINCT FROM 'cumulative'
GROUP BY ALL
ORDER BY month, kind;
