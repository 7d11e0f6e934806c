"""The whole crawl against a real HTTP server on 127.0.0.1: faults counted, good
articles stored with the right title and date, a second run fetches nothing again."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from ainews.settings import Settings
from flows.stages import add_counts, crawl_stage, finish_run, load_stage, start_run
from spiders.sources import load_sources
from tests.site import CP1252_TITLE, GOOD_ARTICLES, SITEMAP_ARTICLES, SJIS_TITLE, FixtureSite
from warehouse import Warehouse

pytestmark = pytest.mark.slow


def run_once(settings: Settings) -> tuple[str, dict, dict]:
    parsed = load_sources(settings.sources_file)
    with Warehouse(settings.database).writer() as w:
        run_id = start_run(w.con, {"test": True})
        crawled = crawl_stage(w.con, settings, run_id, parsed.source, parsed, None, timeout=120)
        add_counts(w.con, run_id, "crawl", crawled)
        loaded = load_stage(w.con, settings, run_id)
        finish_run(w.con, run_id, "completed")
    return run_id, crawled, loaded


def expected(path: str) -> dict:
    file = GOOD_ARTICLES[path]
    name = file.name.removesuffix(".gz").removesuffix(".html")
    return json.loads((file.parent / f"{name}.json").read_text())


def test_crawl_counts_faults_and_stores_good_articles(crawl_settings: Settings, site: FixtureSite):
    run_id, crawled, loaded = run_once(crawl_settings)

    assert crawled["failed/http_500"] == 1
    assert crawled["failed/http_404"] == 1
    assert crawled["waited/retry_after"] == 1
    assert crawled["failed/timeout"] == 1
    assert crawled["failed/redirect_loop"] == 1
    assert crawled["failed/too_large"] == 1
    assert crawled["skipped/non_html"] == 1
    assert crawled["refused/robots_txt"] == 1
    assert crawled["refused/private_address"] == 2
    assert crawled["refused/xml_bomb"] == 1
    assert crawled["links/skipped"] >= 2  # football results, gardening tips
    # Every failure is one we provoked: the private addresses were refused before any
    # connection (an attempt would add a timeout or connection error here).
    assert {k for k in crawled if k.startswith("failed/")} == {
        "failed/http_500",
        "failed/http_404",
        "failed/timeout",
        "failed/redirect_loop",
        "failed/too_large",
    }

    with Warehouse(crawl_settings.database).reader() as con:
        rows = con.execute(
            "SELECT canonical_url, title, CAST(published_at AS DATE)::VARCHAR, source FROM articles"
        ).fetchall()
        run = con.execute("SELECT status, counts FROM runs WHERE run_id = ?", [run_id]).fetchone()
        decisions = dict(
            con.execute("SELECT title, reason FROM link_decisions WHERE NOT relevant").fetchall()
        )
    by_path = {r[0].split(str(site.port), 1)[1]: r for r in rows}
    for path in GOOD_ARTICLES:
        assert path in by_path, f"{path} missing from {sorted(by_path)}"
        _, title, day, _ = by_path[path]
        assert (title, day) == (expected(path)["title"], expected(path)["published_date"])
    for path, (title, day, _) in SITEMAP_ARTICLES.items():
        assert by_path[path][1:3] == (title, day)
    assert by_path["/enc/cp1252"][1] == CP1252_TITLE
    assert by_path["/enc/sjis"][1] == SJIS_TITLE
    assert by_path["/fault/429"][1] == "Retry Labs raises $8 million for AI scheduling"
    assert len(rows) == len(GOOD_ARTICLES) + len(SITEMAP_ARTICLES) + 3
    assert decisions["Weekend football results"] == "no AI term"
    assert run[0] == "completed"
    assert json.loads(run[1])["crawl"]["refused/private_address"] == 2
    assert loaded["articles_loaded"] == len(rows)


def test_second_run_sends_conditional_requests_and_fetches_no_article_again(
    crawl_settings: Settings, site: FixtureSite
):
    run_once(crawl_settings)
    first = list(site.requests)
    site.requests.clear()
    _, crawled, loaded = run_once(crawl_settings)

    feed_requests = [h for p, h in site.requests if p == "/feed.xml"]
    assert feed_requests and feed_requests[0].get("if-none-match") == site.etag
    assert crawled["listings/not_modified"] >= 1
    article_paths = set(GOOD_ARTICLES) | set(SITEMAP_ARTICLES)
    again = [p for p in site.paths_requested() if p in article_paths]
    assert again == [], f"fetched again: {again}"
    assert any(p.split("?")[0] in article_paths for p, _ in first)
    assert loaded["articles_loaded"] == 0


def test_raw_pages_are_kept_compressed_and_content_addressed(crawl_settings: Settings):
    run_once(crawl_settings)
    with Warehouse(crawl_settings.database).reader() as con:
        paths = [r[0] for r in con.execute("SELECT body_path FROM pages").fetchall()]
    assert paths
    for rel in paths:
        file = crawl_settings.data_dir / rel
        digest = Path(rel).name.removesuffix(".html.gz")
        assert hashlib.sha256(gzip.decompress(file.read_bytes())).hexdigest() == digest
        assert Path(rel).parts[1:3] == (digest[:2], digest[2:4])
