"""Feed parsing with feedparser, behind an XML-bomb guard."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import feedparser


class UnsafeFeedError(ValueError):
    """The document declares entities (billion laughs and friends); it is refused."""


@dataclass
class FeedEntry:
    url: str
    title: str | None
    summary: str | None
    published: str | None  # ISO 8601 (UTC) or None


_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(?:%\s+)?([\w.\-:]+)\s+(?:\"([^\"]*)\"|'([^']*)')", re.I)
_MAX_ENTITIES = 50


def check_safe_xml(body: bytes) -> None:
    """Refuse documents whose DTD declares entities that expand other entities (billion
    laughs, quadratic blow-up) or declares very many of them. A few plain entities (real
    feeds use them) are fine, and external entities are never fetched by the parser."""
    head = body[:200_000]
    if b"<!ENTITY" not in head and b"<!entity" not in head:
        return
    declared = _ENTITY_DECL.findall(head)
    if len(declared) > _MAX_ENTITIES:
        raise UnsafeFeedError(f"refused XML: {len(declared)} entity declarations")
    names = {name for name, _, _ in declared}
    for name, double, single in declared:
        value = double or single
        for ref in re.findall(rb"&([\w.\-:]+);", value):
            if ref in names:
                raise UnsafeFeedError(
                    f"refused XML: entity {name.decode(errors='replace')} expands another entity"
                )
        if len(value) > 10_000:
            raise UnsafeFeedError("refused XML: oversized entity value")


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
