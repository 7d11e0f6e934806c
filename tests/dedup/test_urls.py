"""Canonical URLs, checked against StormCrawler's normaliser table and the URL resolution
table in ../shared/eval/sitemaps (skipped where absent), plus our own cases."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from flows.dedup.urls import canonical_url, normalise_url, resolve_url, same_site
from tests.conftest import SHARED_EVAL

TABLES = SHARED_EVAL / "sitemaps"

# Rows of the normaliser table we deliberately answer differently, and why.
KNOWN_DIFFERENCES = {
    # "*" is a sub-delimiter; w3lib decodes %2A and both spellings reach the same resource.
    "https://www.example.com/search/%2a/": "w3lib decodes %2A to *",
    # Non-HTTP schemes never reach the pipeline; w3lib writes them with an empty authority.
    "ftp:/": "non-http scheme",
    "file:/path/index.html": "non-http scheme",
    "file:/var/www/html/////./bar/index.html": "non-http scheme",
    "file:/var/www/html/foo/../bar/index.html": "non-http scheme",
    # A URL without a host is refused (None) rather than kept as "http:/".
    "http:////": "no host: refused",
    "http:///////": "no host: refused",
}


def _rows(path: Path, width: int) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = next(csv.reader(io.StringIO(line), skipinitialspace=True))
        if len(row) >= width:
            rows.append([row[0], *(c.strip() for c in row[1:width])])
    return rows


def _normaliser_cases() -> list:
    path = TABLES / "normalizer" / "weirdToNormalizedUrls.csv"
    if not path.exists():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=f"{path} absent"))]
    cases = []
    for weird, expected in _rows(path, 2):
        marks = []
        if weird.strip() in KNOWN_DIFFERENCES:
            marks = [pytest.mark.xfail(reason=KNOWN_DIFFERENCES[weird.strip()], strict=True)]
        cases.append(pytest.param(weird, expected, marks=marks, id=weird[:60]))
    return cases


@pytest.mark.parametrize(("weird", "expected"), _normaliser_cases())
def test_normaliser_table(weird: str, expected: str):
    assert normalise_url(weird) == expected


def test_invalid_urls_are_refused_without_exceptions():
    path = TABLES / "normalizer" / "invalidUrls.csv"
    if not path.exists():
        pytest.skip(f"{path} absent")
    lines = [
        line.strip()
        for line in path.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines
    for line in lines:
        assert normalise_url(line) is None, line


def _resolve_cases() -> list:
    path = TABLES / "url-utils" / "url-resolve.csv"
    if not path.exists():
        return [pytest.param(None, None, None, marks=pytest.mark.skip(reason=f"{path} absent"))]
    return [pytest.param(*row, id=row[0][:40]) for row in _rows(path, 3)]


@pytest.mark.parametrize(("href", "base", "expected"), _resolve_cases())
def test_resolution_table(href: str, base: str, expected: str):
    assert resolve_url(href, base) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.example.com/2024/ai-deal?utm_source=rss&utm_medium=feed&id=7#comments",
            "https://www.example.com/2024/ai-deal?id=7",
        ),
        ("https://example.com/a?fbclid=abc&gclid=x&mc_cid=1&mc_eid=2", "https://example.com/a"),
        ("https://example.com/story/amp/", "https://example.com/story"),
        ("https://example.com/story.amp.html", "https://example.com/story.html"),
        ("https://example.com/story?amp=1", "https://example.com/story"),
        ("https://m.example.com/story", "https://www.example.com/story"),
        ("https://mobile.news.example.co/story", "https://news.example.co/story"),
        ("HTTPS://Example.COM:443/a/./b/../c", "https://example.com/a/c"),
        (
            "https://example.com/search?q=tl;dr&b=2&a=1",
            "https://example.com/search?a=1&b=2&q=tl;dr",
        ),
    ],
)
def test_canonical_url_removes_tracking_and_folds_variants(url: str, expected: str):
    assert canonical_url(url) == expected


def test_page_canonical_wins_on_the_same_site_only():
    url = "https://www.example.com/news/123?utm_source=x"
    assert canonical_url(url, "/news/ai-deal-123") == "https://www.example.com/news/ai-deal-123"
    assert canonical_url(url, "https://example.com/news/ai") == "https://example.com/news/ai"
    # A canonical on another site is the syndication source, not this page's address.
    assert (
        canonical_url(url, "https://reuters.example/original") == "https://www.example.com/news/123"
    )


def test_same_site_ignores_www_and_mobile_prefixes():
    assert same_site("https://www.a.com/x", "https://m.a.com/y")
    assert not same_site("https://a.com/x", "https://b.com/x")


def test_garbage_is_refused():
    for url in ["", "   ", "http://", "https://abc%FEdef.org/"]:
        assert canonical_url(url) is None
