"""Article extraction from one HTML page: body text with trafilatura; title, authors,
dates, language, canonical URL and site name from the page's own NewsArticle JSON-LD
first, then OpenGraph and trafilatura's metadata, then htmldate for the date.

No network and no Scrapy: the crawl's load stage, `ainews reprocess`, `ainews extract`
and `ainews deals --html-file` all call this.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer
import lxml.html
import trafilatura
from htmldate import find_date
from w3lib.encoding import html_to_unicode

_ARTICLE_TYPES = {
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
    "OpinionNewsArticle", "BackgroundNewsArticle", "TechArticle", "LiveBlogPosting", "Report",
}  # fmt: skip


@dataclass
class Article:
    url: str | None
    title: str | None
    text: str
    authors: list[str] = field(default_factory=list)
    published_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    description: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("published_at", "modified_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def read_html(path: Path) -> str:
    """Text of a saved page, gzipped or not, decoded by its declared or sniffed charset;
    undecodable bytes are replaced, never fatal."""
    raw = path.read_bytes()
    if path.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return decode_html(raw)


def decode_html(raw: bytes, header_charset: str | None = None) -> str:
    """Decode by HTTP charset, then BOM, then <meta charset>, then detection (a Shift_JIS
    or cp1252 page that declares nothing is common in the wild)."""
    content_type = f"text/html; charset={header_charset}" if header_charset else None
    _, text = html_to_unicode(content_type, raw, auto_detect_fun=_detect_encoding)
    return text


_MULTIBYTE = {
    "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5",
    "big5hkscs", "euc_kr", "cp949", "utf_16", "utf_32",
}  # fmt: skip


def _detect_encoding(raw: bytes) -> str | None:
    """UTF-8 if it decodes; a multi-byte Asian encoding if detection says so; else
    Windows-1252, the web's most common undeclared single-byte encoding (detectors
    often mistake short Western texts for Baltic or Cyrillic code pages)."""
    sample = raw[:200_000]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(sample).best()
    guess = best.encoding if best is not None else None
    if guess and codecs.lookup(guess).name in _MULTIBYTE:
        return guess
    try:
        sample.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return guess


def extract_article(
    html: str, url: str | None = None, fetched_at: dt.datetime | None = None
) -> Article:
    """Everything we keep of a page. Never raises on bad HTML: an unreadable page gives
    an Article with empty text."""
    fetched_at = fetched_at or dt.datetime.now(dt.UTC)
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return Article(url=url, title=None, text="")
    ld = _news_article_jsonld(tree)
    meta = _meta(tree)
    # favor_precision without comments scored best on the benchmark pages (bench/body_f1.py).
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    data = (doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}
    text = data.get("text") or ""
    ld_body = _clean_text(ld.get("articleBody"))
    # The page's own articleBody rescues script-rendered pages the extractor finds
    # (almost) empty; where both exist the extractor's text scored higher.
    if ld_body and len(text) < 200 and len(ld_body) > 3 * len(text):
        text = ld_body

    published = (
        _datetime(ld.get("datePublished"))
        or _datetime(meta.get("article:published_time"))
        or _datetime(data.get("date"))
        or _datetime(_htmldate(html, fetched_at))
    )
    modified = _datetime(ld.get("dateModified")) or _datetime(meta.get("article:modified_time"))
    # A date in the future of the fetch is a parsing error, never a fact.
    if published and published > fetched_at + dt.timedelta(hours=14):
        published = None
    if modified and modified > fetched_at + dt.timedelta(hours=14):
        modified = None

    canonical = tree.xpath("//link[@rel='canonical']/@href")
    return Article(
        url=url,
        title=_clean_text(ld.get("headline")) or meta.get("og:title") or data.get("title"),
        text=text,
        authors=_authors(ld.get("author")) or _split_authors(data.get("author")),
        published_at=published,
        modified_at=modified,
        language=_language(ld, tree) or data.get("language"),
        site_name=_publisher(ld) or meta.get("og:site_name") or data.get("sitename"),
        canonical_url=canonical[0].strip() if canonical else None,
        description=meta.get("og:description") or data.get("description"),
    )


def _news_article_jsonld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for node in _nodes(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in _ARTICLE_TYPES for t in types):
                return node
    return {}


def _nodes(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [n for item in data for n in _nodes(item)]
    if isinstance(data, dict):
        return [data, *_nodes(data.get("@graph", []))]
    return []


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.xpath("//meta[@property or @name][@content]"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        if key and key not in found:
            found[key] = el.get("content", "").strip()
    return found


def _authors(value: Any) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return list(dict.fromkeys(names))


def _split_authors(value: str | None) -> list[str]:
    return [a.strip() for a in re.split(r";|\band\b", value or "") if a.strip()]


def _publisher(ld: dict[str, Any]) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        return publisher["name"].strip() or None
    return None


def _language(ld: dict[str, Any], tree: lxml.html.HtmlElement) -> str | None:
    lang = ld.get("inLanguage")
    if isinstance(lang, str) and lang:
        return lang.split("-")[0].lower()
    html_lang = tree.get("lang") or (tree.xpath("/html/@lang") or [None])[0]
    return html_lang.split("-")[0].lower() if html_lang else None


def _htmldate(html: str, fetched_at: dt.datetime) -> str | None:
    try:
        return find_date(
            html,
            original_date=True,
            outputformat="%Y-%m-%d",
            max_date=fetched_at.strftime("%Y-%m-%d"),
        )
    except (ValueError, TypeError):
        return None


def _datetime(value: Any) -> dt.datetime | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = dt.datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _clean_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return re.sub(r"[ \t]+", " ", value).strip()
