"""Article extraction from one HTML page: body text with trafilatura, plus title, authors,
date, language and site name from its metadata. No network, no Scrapy: spiders, the
reprocess command and `ainews deals --html-file` all call this."""

from __future__ import annotations

import datetime as dt
import gzip
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura


@dataclass
class Article:
    url: str | None
    title: str | None
    text: str
    authors: list[str] = field(default_factory=list)
    published_at: dt.date | None = None
    language: str | None = None
    site_name: str | None = None


def read_html(path: Path) -> str:
    """Text of a saved page, gzipped or not; undecodable bytes are replaced, not fatal."""
    raw = path.read_bytes()
    if path.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", errors="replace")


def extract_article(
    html: str, url: str | None = None, fetched_on: dt.date | None = None
) -> Article:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return Article(url=url, title=None, text="")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    published = _date(data.get("date"))
    # A page's date in the future of its fetch is a parsing error, never a fact.
    if published and published > (fetched_on or dt.date.today()):
        published = None
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return Article(
        url=data.get("url") or url,
        title=data.get("title"),
        text=data.get("text") or "",
        authors=authors,
        published_at=published,
        language=data.get("language"),
        site_name=data.get("sitename"),
    )


def _date(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
