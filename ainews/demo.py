"""The offline demo newsroom: demo/newsroom.toml rendered as five news sites and served
on 127.0.0.1 on a free port for the length of one run.

Outlets differ the way real sites do: JSON-LD NewsArticle pages, OpenGraph-only pages,
pages without any metadata; RSS, Atom, a Google News sitemap and a sitemap index;
navigation, ads and related links around every story; syndicated copies on the wire.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import json
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ainews.localserver import serve_locally, stop
from ainews.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
NEWSROOM = ROOT / "demo" / "newsroom.toml"
PREFERRED_PORT = 48765


@dataclass
class Story:
    outlet: str
    slug: str
    date: dt.date
    author: str
    title: str
    body: list[str]
    copy_of: str | None = None

    @property
    def path(self) -> str:
        return f"/{self.outlet}/{self.date:%Y/%m/%d}/{self.slug}"


class Newsroom:
    def __init__(self, source: Path = NEWSROOM) -> None:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        self.outlets: dict[str, dict[str, str]] = data["outlets"]
        by_key: dict[str, dict[str, Any]] = {
            f"{a['outlet']}/{a['slug']}": a for a in data["article"]
        }
        self.stories: list[Story] = []
        for raw in data["article"]:
            body = raw.get("body")
            if raw.get("copy_of"):
                body = by_key[raw["copy_of"]]["body"]
            self.stories.append(
                Story(
                    outlet=raw["outlet"],
                    slug=raw["slug"],
                    date=dt.date.fromisoformat(raw["date"]),
                    author=raw["author"],
                    title=raw["title"],
                    body=[p.strip() for p in body.strip().splitlines() if p.strip()],
                    copy_of=raw.get("copy_of"),
                )
            )
        self.by_path = {s.path: s for s in self.stories}

    def of(self, outlet: str) -> list[Story]:
        return sorted(
            (s for s in self.stories if s.outlet == outlet), key=lambda s: s.date, reverse=True
        )

    # --- pages ------------------------------------------------------------------------

    def page(self, story: Story) -> str:
        outlet = self.outlets[story.outlet]
        shape = outlet["shape"]
        e = html.escape
        head = [f"<meta charset='utf-8'><title>{e(story.title)} | {e(outlet['name'])}</title>"]
        if shape == "jsonld":
            ld = {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": story.title,
                "datePublished": f"{story.date.isoformat()}T08:00:00Z",
                "author": [{"@type": "Person", "name": story.author}],
                "publisher": {"@type": "Organization", "name": outlet["name"]},
                "inLanguage": "en",
            }
            head.append(f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
        elif shape == "opengraph":
            head += [
                f"<meta property='og:title' content='{e(story.title)}'>",
                f"<meta property='og:site_name' content='{e(outlet['name'])}'>",
                f"<meta property='article:published_time' content='{story.date.isoformat()}T07:30:00+00:00'>",
            ]
        related = [s for s in self.of(story.outlet) if s is not story][:4]
        related_html = "".join(f"<li><a href='{s.path}'>{e(s.title)}</a></li>" for s in related)
        byline = (
            f"<p class='byline'>By {e(story.author)}</p>"
            if shape != "bare"
            else f"<div class='meta'>{e(story.author)}</div>"
        )
        credit = ""
        if story.copy_of:
            original = self.outlets[story.copy_of.split("/")[0]]["name"]
            credit = f"<p class='credit'>Distributed by {e(outlet['name'])} for {e(original)}.</p>"
        paragraphs = "".join(f"<p>{e(p)}</p>" for p in story.body)
        container = "article" if shape != "bare" else "div class='content'"
        close = "article" if shape != "bare" else "div"
        return (
            f"<!doctype html><html lang='en'><head>{''.join(head)}</head><body>"
            f"<nav><a href='/{story.outlet}/'>{e(outlet['name'])}</a> | <a href='/{story.outlet}/ai'>AI</a>"
            f" | <a href='/{story.outlet}/markets'>Markets</a> | <a href='/{story.outlet}/subscribe'>Subscribe</a></nav>"
            f"<div class='ad'>Advertisement — Upgrade to {e(outlet['name'])} Premium for unlimited access.</div>"
            f"<{container}><h1>{e(story.title)}</h1>{byline}{paragraphs}{credit}</{close}>"
            f"<aside><h3>Related stories</h3><ul>{related_html}</ul></aside>"
            f"<footer>© {story.date.year} {e(outlet['name'])}. Terms · Privacy · Cookies</footer>"
            "</body></html>"
        )

    # --- listings ---------------------------------------------------------------------

    def listing_paths(self) -> dict[str, tuple[str, str]]:
        """outlet -> (source kind, listing path)."""
        paths = {
            "rss": ("feed", "/{o}/rss.xml"),
            "atom": ("feed", "/{o}/atom.xml"),
            "news-sitemap": ("sitemap", "/{o}/news-sitemap.xml"),
            "sitemap-index": ("sitemap", "/{o}/sitemap-index.xml"),
        }
        return {
            o: (paths[cfg["listing"]][0], paths[cfg["listing"]][1].format(o=o))
            for o, cfg in self.outlets.items()
        }

    def rss(self, outlet: str, base: str) -> str:
        e = html.escape
        items = "".join(
            f"<item><title>{e(s.title)}</title><link>{base}{s.path}</link>"
            f"<description>{e(' '.join(s.body[:2]))}</description>"
            f"<pubDate>{format_datetime(dt.datetime.combine(s.date, dt.time(8), dt.UTC))}</pubDate></item>"
            for s in self.of(outlet)
        )
        name = e(self.outlets[outlet]["name"])
        return f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{name}</title><link>{base}/{outlet}/</link>{items}</channel></rss>"

    def atom(self, outlet: str, base: str) -> str:
        e = html.escape
        entries = "".join(
            f"<entry><title>{e(s.title)}</title><link href='{base}{s.path}'/><id>{base}{s.path}</id>"
            f"<updated>{s.date.isoformat()}T08:00:00Z</updated><summary>{e(' '.join(s.body[:2]))}</summary></entry>"
            for s in self.of(outlet)
        )
        name = e(self.outlets[outlet]["name"])
        return f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>{name}</title><id>{base}/{outlet}/</id>{entries}</feed>"

    def news_sitemap(self, outlet: str, base: str) -> str:
        e = html.escape
        name = e(self.outlets[outlet]["name"])
        urls = "".join(
            f"<url><loc>{base}{s.path}</loc><news:news><news:publication><news:name>{name}</news:name>"
            f"<news:language>en</news:language></news:publication>"
            f"<news:publication_date>{s.date.isoformat()}</news:publication_date>"
            f"<news:title>{e(s.title)}</news:title></news:news></url>"
            for s in self.of(outlet)
        )
        return (
            "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>{urls}</urlset>"
        )

    def sitemap_index(self, outlet: str, base: str) -> str:
        years = sorted({s.date.year for s in self.of(outlet)})
        maps = "".join(
            f"<sitemap><loc>{base}/{outlet}/sitemap-{y}.xml</loc></sitemap>" for y in years
        )
        return f"<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{maps}</sitemapindex>"

    def year_sitemap(self, outlet: str, year: int, base: str) -> str:
        urls = "".join(
            f"<url><loc>{base}{s.path}</loc><lastmod>{s.date.isoformat()}</lastmod></url>"
            for s in self.of(outlet)
            if s.date.year == year
        )
        return f"<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"

    def respond(self, path: str, base: str) -> tuple[int, str, str]:
        """(status, content type, body) for a request path."""
        if path == "/robots.txt":
            return 200, "text/plain", "User-agent: *\nDisallow: /admin/\n"
        if path in self.by_path:
            return 200, "text/html; charset=utf-8", self.page(self.by_path[path])
        parts = path.strip("/").split("/")
        if len(parts) == 2 and parts[0] in self.outlets:
            outlet, name = parts
            if name == "rss.xml":
                return 200, "application/rss+xml", self.rss(outlet, base)
            if name == "atom.xml":
                return 200, "application/atom+xml", self.atom(outlet, base)
            if name == "news-sitemap.xml":
                return 200, "application/xml", self.news_sitemap(outlet, base)
            if name == "sitemap-index.xml":
                return 200, "application/xml", self.sitemap_index(outlet, base)
            if (
                name.startswith("sitemap-")
                and name.removeprefix("sitemap-").removesuffix(".xml").isdigit()
            ):
                year = int(name.removeprefix("sitemap-").removesuffix(".xml"))
                return 200, "application/xml", self.year_sitemap(outlet, year, base)
        return 404, "text/html", "<h1>Not found</h1>"


class DemoServer:
    """The newsroom on 127.0.0.1, in a background thread."""

    def __init__(self, newsroom: Newsroom | None = None) -> None:
        self.newsroom = newsroom or Newsroom()

    def __enter__(self) -> DemoServer:
        newsroom = self.newsroom
        server_ref = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                status, ctype, body = newsroom.respond(urlsplit(self.path).path, server_ref.base)
                data = body.encode("utf-8")
                # Validators like a real site's, so an idle second run costs a 304 per feed.
                etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    status, data = 304, b""
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        # A stable port keeps the demo's URLs stable, so a second run finds nothing new;
        # if it is taken, any free port works (the stories are then new URLs).
        self.server, self.base = serve_locally(Handler, PREFERRED_PORT)
        return self

    def __exit__(self, *exc: object) -> None:
        stop(self.server)

    def sources_toml(self) -> str:
        blocks = []
        for outlet, (kind, path) in self.newsroom.listing_paths().items():
            blocks.append(
                f'[[source]]\nname = "demo-{outlet}"\nkind = "{kind}"\n'
                f'urls = ["{self.base}{path}"]\nallow_networks = ["127.0.0.1/32"]\n'
            )
        return "\n".join(blocks)


@contextlib.contextmanager
def demo_settings(settings: Settings) -> Iterator[Settings]:
    """Serve the newsroom and give settings that crawl it: demo sources, no delays (the
    server is ours), everything else as configured (data directory, database)."""
    with DemoServer() as server, tempfile.TemporaryDirectory(prefix="ainews-demo-") as tmp:
        sources = Path(tmp) / "demo-sources.toml"
        sources.write_text(server.sources_toml(), encoding="utf-8")
        polite = settings.politeness.model_copy(
            update={
                "download_delay_seconds": 0.0,
                "autothrottle": False,
                "concurrent_requests_per_domain": 8,
                "download_timeout_seconds": 10.0,
            }
        )
        yield settings.model_copy(update={"sources_file": sources, "politeness": polite})
