-- One row per story: its representative article and every outlet that carried it.
CREATE OR REPLACE VIEW v_stories AS
SELECT
    c.cluster_id,
    r.title,
    r.canonical_url AS representative_url,
    c.first_published,
    c.n_members,
    list(DISTINCT coalesce(a.site_name, nullif(regexp_extract(a.canonical_url, '://([^/]+)', 1), ''), a.source)) AS outlets,
    list(a.canonical_url ORDER BY a.published_at NULLS LAST, a.article_id) AS member_urls
FROM story_clusters AS c
JOIN articles AS r ON r.article_id = c.representative_id
JOIN articles AS a ON a.story_cluster = c.cluster_id
GROUP BY ALL;
