"""Feed parsing with feedparser, behind an XML-bomb guard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring


class UnsafeFeedError(ValueError):
    """The document declares entities (billion laughs and friends); it is refused."""


@dataclass
class FeedEntry:
    url: str
    title: str | None
    summary: str | None
    published: str | None  # ISO 8601 (UTC) or None


def check_safe_xml(body: bytes) -> None:
    """Refuse documents that declare entities. Malformed XML is not refused here:
    feedparser's lenient parser copes with it."""
    try:
        defused_fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeFeedError(f"refused XML: {type(exc).__name__}") from exc
    except Exception:  # malformed XML is feedparser's job, not a bomb
        return


def parse_feed(body: bytes, base_url: str | None = None) -> tuple[list[FeedEntry], bool]:
    """Entries of an RSS/Atom/RDF feed and whether feedparser found it malformed.
    Never raises for malformed input; raises UnsafeFeedError for entity bombs."""
    check_safe_xml(body)
    parsed: Any = feedparser.parse(body, response_headers={"content-location": base_url or ""})
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or _first_link(entry)
        if not link:
            continue
        entries.append(
            FeedEntry(
                url=link,
                title=_text(entry.get("title")),
                summary=_text(entry.get("summary")),
                published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            )
        )
    problem = parsed.get("bozo_exception")
    # Encoding overrides and odd content types are feedparser's notes, not broken XML.
    benign = type(problem).__name__ in {"CharacterEncodingOverride", "NonXMLContentType"}
    return entries, bool(parsed.get("bozo")) and not benign


def _first_link(entry: Any) -> str | None:
    for link in entry.get("links", []) or []:
        if link.get("href"):
            return str(link["href"])
    return None


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def _iso(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return dt.datetime(*struct[:6], tzinfo=dt.UTC).isoformat()
    except (TypeError, ValueError):
        return None
