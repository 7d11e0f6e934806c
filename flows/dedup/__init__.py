"""Deduplication: canonical URLs, exact and near-duplicate story clusters, deal merging.
Plain functions only."""
