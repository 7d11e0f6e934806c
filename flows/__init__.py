"""Prefect flows and the plain functions they call (dedup, deal extraction)."""
