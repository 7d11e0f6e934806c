from __future__ import annotations

import datetime as dt
import email.utils
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ainews.cli import app
from spiders.middlewares import is_public, retry_after_seconds
from spiders.relevance import judge
from spiders.sources import DEFAULT_AI_TERMS, DEFAULT_MONEY_TERMS, SourcesError, load_sources

ROOT = Path(__file__).resolve().parents[2]


def test_default_sources_file_is_valid_and_covers_every_kind():
    parsed = load_sources(ROOT / "sources.toml")
    kinds = {s.kind.value for s in parsed.source}
    assert kinds == {"feed", "sitemap", "page"}
    assert any("news.google.com" in u for s in parsed.source for u in s.urls)
    assert all(not s.allow_networks for s in parsed.source)  # real sources never go private


def test_malformed_sources_file_error_names_the_line(tmp_path: Path):
    bad = tmp_path / "sources.toml"
    bad.write_text(
        '[[source]]\nname = "ok"\nkind = "feed"\nurls = ["https://a.example/f"]\n\n'
        '[[source]]\nname = "bad"\nkind = "rss"\nurls = ["https://b.example/f"]\n'
    )
    with pytest.raises(SourcesError, match=r"sources.toml:8: source.1.kind"):
        load_sources(bad)
    bad.write_text('[[source]]\nname = "x\n')
    with pytest.raises(SourcesError, match="line 2"):
        load_sources(bad)


def test_sources_command_lists_and_reports_errors(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("AINEWS_SOURCES_FILE", str(ROOT / "sources.toml"))
    listed = CliRunner().invoke(app, ["sources"])
    assert listed.exit_code == 0 and "techcrunch-ai" in listed.output
    bad = tmp_path / "s.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "feed"\nurls = ["ftp://nope"]\n')
    monkeypatch.setenv("AINEWS_SOURCES_FILE", str(bad))
    failed = CliRunner().invoke(app, ["sources"])
    assert failed.exit_code == 1 and "s.toml:4" in failed.output


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Mistral AI raises €600 million in Series B", True),
        ("Nvidia invests $5 billion in Intel", True),
        ("Microsoft pledges $10bn for AI data centres in Portugal", True),
        ("Weekend football results", False),
        ("New AI model writes poems", False),
        ("Bank raises interest rates", False),
        ("He said the fair was fun", False),  # "ai" inside words does not count
    ],
)
def test_relevance_prefilter(text: str, relevant: bool):
    assert judge(text, DEFAULT_AI_TERMS, DEFAULT_MONEY_TERMS)[0] is relevant


def test_retry_after_in_seconds_or_http_date():
    assert retry_after_seconds("30") == 30
    later = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=90))
    assert 80 <= retry_after_seconds(later) <= 90
    assert retry_after_seconds("soon") is None


def test_only_public_addresses_are_public():
    import ipaddress

    for private in ["10.0.0.1", "127.0.0.1", "169.254.169.254", "192.168.1.1", "::1", "fd00::1"]:
        assert not is_public(ipaddress.ip_address(private))
    assert is_public(ipaddress.ip_address("93.184.216.34"))
