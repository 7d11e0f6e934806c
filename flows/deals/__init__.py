"""Deal extraction: money, organisations, places and dates in news text, turned into
investment, valuation, acquisition and partnership records. Plain functions only."""

# Bump when extraction output can change: stored mentions carry it, and articles whose
# deals were extracted by an older version are re-extracted.
EXTRACTOR_VERSION = "deals-0.14.0"
