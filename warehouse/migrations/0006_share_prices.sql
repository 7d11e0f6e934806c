-- A bid or a purchase told per share ("offered $70 a share for Qualcomm"): its price per
-- share, in the deal's currency, kept apart from the total, which it never is. Mentions
-- and deals both carry it; older rows have none.
ALTER TABLE deal_mentions ADD COLUMN price_per_share DOUBLE;
ALTER TABLE deals ADD COLUMN price_per_share DOUBLE;
