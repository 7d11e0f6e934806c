"""Feed parsing: real-world and edge-case feeds never raise; bombs are refused."""

from __future__ import annotations

import pytest

from spiders.feeds import UnsafeFeedError, check_safe_xml, parse_feed
from tests.conftest import SHARED_EVAL
from tests.site import BOMB

EDGE_CASES = SHARED_EVAL / "feeds" / "edge-cases"


def test_billion_laughs_is_refused():
    with pytest.raises(UnsafeFeedError, match="expands another entity"):
        parse_feed(BOMB)


def test_a_plain_entity_in_the_doctype_is_allowed():
    body = (
        b'<!DOCTYPE rss [<!ENTITY id "tag:example.com,">]><rss version="2.0"><channel>'
        b"<item><title>x</title><link>http://a.example/1</link><guid>&id;1</guid></item>"
        b"</channel></rss>"
    )
    check_safe_xml(body)
    entries, _ = parse_feed(body)
    assert [e.url for e in entries] == ["http://a.example/1"]


def test_rss_and_atom_entries_carry_title_link_and_date():
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>AI lab raises $1bn'
        b"</title><link>https://n.example/a</link><pubDate>Tue, 06 May 2025 08:00:00 GMT"
        b"</pubDate></item></channel></rss>"
    )
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Deal'
        b'</title><link href="https://n.example/b"/><updated>2025-05-06T08:00:00Z</updated>'
        b"</entry></feed>"
    )
    [r] = parse_feed(rss)[0]
    [a] = parse_feed(atom)[0]
    assert (r.title, r.url, r.published) == (
        "AI lab raises $1bn",
        "https://n.example/a",
        "2025-05-06T08:00:00+00:00",
    )
    assert (a.url, a.published) == ("https://n.example/b", "2025-05-06T08:00:00+00:00")


def test_garbage_is_an_empty_feed_not_an_exception():
    entries, malformed = parse_feed(b"\x00\xff<rss><channel><item><title>broken")
    assert entries == []
    assert malformed


def test_every_edge_case_feed_parses_without_an_exception(capsys):
    if not EDGE_CASES.exists():
        pytest.skip(f"{EDGE_CASES} absent")
    files = [
        p
        for p in EDGE_CASES.rglob("*")
        if p.is_file() and p.suffix in {".xml", ".rdf", ".atom", ""}
    ]
    assert len(files) > 1000
    with_entries = refused = 0
    for path in files:
        try:
            entries, _ = parse_feed(path.read_bytes())
        except UnsafeFeedError:
            refused += 1
            continue
        with_entries += bool(entries)
    with capsys.disabled():
        print(f"\nedge-case feeds: {len(files)} parsed, {with_entries} with linked entries")
    assert refused == 0
    assert with_entries > 50


def test_real_world_feeds_give_entries():
    folders = [SHARED_EVAL / "feeds" / "real-world", SHARED_EVAL / "feeds" / "real-world-2"]
    files = [p for d in folders if d.exists() for p in d.rglob("*.xml")]
    if not files:
        pytest.skip("real-world feeds absent")
    with_entries = sum(bool(parse_feed(p.read_bytes())[0]) for p in files)
    assert with_entries >= 0.8 * len(files), (with_entries, len(files))
