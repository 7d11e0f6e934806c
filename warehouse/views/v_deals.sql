-- One row per deal with every outlet and article behind it: the analyst's main table.
CREATE OR REPLACE VIEW v_deals AS
SELECT
    d.deal_id,
    d.kind,
    d.subtype,
    d.announced_on,
    d.investors,
    d.lead_investors,
    d.recipient,
    d.recipient_kind,
    d.amount,
    d.currency,
    d.amount_usd,
    d.qualifier,
    d.price_per_share,
    d.round,
    d.stake,
    d.confidence,
    d.confidence >= 0.5 AS is_confident,
    d.is_ai,
    d.n_sources,
    d.first_seen,
    d.amounts_disagree,
    list(DISTINCT coalesce(a.site_name, nullif(regexp_extract(a.canonical_url, '://([^/]+)', 1), ''), a.source))
        FILTER (WHERE a.article_id IS NOT NULL) AS outlets,
    list(DISTINCT a.canonical_url) FILTER (WHERE a.article_id IS NOT NULL) AS article_urls,
    arg_min(m.evidence, m.mention_id) AS evidence
FROM deals AS d
LEFT JOIN deal_mentions AS m ON m.deal_id = d.deal_id
LEFT JOIN articles AS a ON a.article_id = m.article_id
GROUP BY ALL;
