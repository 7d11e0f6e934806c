"""Article extraction on saved pages (Fundus style: each page has its expected JSON
beside it), and the `ainews extract` command other tools read."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ainews.cli import app
from spiders.article import decode_html, extract_article, read_html

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
PAGES = sorted([*SITE.glob("articles/*.html"), *SITE.glob("real/*.html.gz")])


def _expected(page: Path) -> dict:
    name = page.name.removesuffix(".gz").removesuffix(".html")
    return json.loads((page.parent / f"{name}.json").read_text())


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_extraction_matches_expected(page: Path):
    article = extract_article(read_html(page), url=f"https://fixture.example/{page.name}")
    expected = _expected(page)
    assert article.title == expected["title"]
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == expected["published_date"]
    assert len(article.text) > 400


def test_jsonld_metadata_wins():
    article = extract_article(read_html(SITE / "articles" / "lumen-robotics-series-b.html"))
    assert article.authors == ["Dana Whitfield"]
    assert article.site_name == "Fixture Tech News"
    assert article.language == "en"
    assert article.modified_at == dt.datetime(2025, 5, 6, 10, 30, tzinfo=dt.UTC)
    assert article.canonical_url == "/2025/05/06/lumen-robotics-series-b"
    assert "Advertisement" not in article.text and "Related" not in article.text


def test_a_date_in_the_future_of_the_fetch_is_dropped():
    html = (SITE / "articles" / "lumen-robotics-series-b.html").read_text()
    fetched = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)  # before the page's datePublished
    assert extract_article(html, fetched_at=fetched).published_at is None


def test_undeclared_encodings_are_detected():
    text = "Café Labs raises €5 million – “smart” menus for restaurants in Lyon. " * 5
    assert decode_html(f"<html><body><p>{text}</p></body></html>".encode("cp1252")).count("€") == 5
    jp = "東京のAIスタートアップが資金を調達した。" * 5
    assert jp in decode_html(f"<html><body><p>{jp}</p></body></html>".encode("shift_jis"))


def test_broken_html_gives_an_empty_article_not_an_exception():
    assert extract_article("").text == ""
    assert extract_article("\x00\x01 not html at all").title is None
    assert "unclosed" in extract_article("<html><body><div><p>unclosed").text


def test_extract_command_prints_stable_jsonl_keys(tmp_path: Path):
    plain = SITE / "articles" / "helix-compute-spain.html"
    zipped = tmp_path / "helix.html.gz"
    zipped.write_bytes(gzip.compress(plain.read_bytes()))
    result = CliRunner().invoke(app, ["extract", str(plain), str(zipped), "--jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 2
    for row in rows:
        assert {"file", "url", "title", "text", "authors", "published_at", "language"} <= set(row)
        assert row["title"] == "Helix Compute secures €200 million for AI data centres in Spain"
        assert row["published_at"].startswith("2025-04-22")
        assert isinstance(row["authors"], list)
