"""A synthetic news site on 127.0.0.1 for benchmarks: N article pages made from the demo
newsroom's stories (numbered, with their amounts varied, so each is a distinct article)
and one RSS feed listing them all."""

from __future__ import annotations

import html
import re
from http.server import BaseHTTPRequestHandler

from ainews.demo import Newsroom
from ainews.localserver import serve_locally, stop


class SyntheticSite:
    def __init__(self, n_articles: int) -> None:
        stories = [s for s in Newsroom().stories if not s.copy_of]
        self.pages: dict[str, tuple[str, str]] = {}
        for i in range(n_articles):
            story = stories[i % len(stories)]
            bump = 1 + (i // len(stories))
            # "$10 billion" -> "$11 billion": a different deal, not a copy of the same one.
            body = [
                re.sub(r"(\d+(?:\.\d+)?)", lambda m, b=bump: _bump(m.group(1), b), p)
                for p in story.body
            ]
            title = f"{story.title} ({i})"
            self.pages[f"/a/{i:05d}"] = (title, _page(title, story.date.isoformat(), body))

    def __enter__(self) -> SyntheticSite:
        pages = self.pages
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path == "/robots.txt":
                    body, ctype = "User-agent: *\n", "text/plain"
                elif self.path == "/feed.xml":
                    body, ctype = site.feed(), "application/rss+xml"
                elif self.path in pages:
                    body, ctype = pages[self.path][1], "text/html; charset=utf-8"
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("ETag", '"v1"')
                self.end_headers()
                self.wfile.write(data)

        self.server, self.base = serve_locally(Handler)
        return self

    def __exit__(self, *exc: object) -> None:
        stop(self.server)

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{html.escape(t)} AI funding</title><link>{self.base}{p}</link></item>"
            for p, (t, _) in self.pages.items()
        )
        head = "<?xml version='1.0'?><rss version='2.0'><channel><title>Bench</title>"
        return f"{head}{items}</channel></rss>"

    def sources_toml(self) -> str:
        return (
            f'[[source]]\nname = "bench"\nkind = "feed"\nurls = ["{self.base}/feed.xml"]\n'
            'allow_networks = ["127.0.0.1/32"]\n'
        )


def _bump(number: str, factor: int) -> str:
    value = float(number) * factor
    return f"{value:g}"


def _page(title: str, date: str, body: list[str]) -> str:
    e = html.escape
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)}</title>"
        f"<meta property='article:published_time' content='{date}T08:00:00Z'></head><body>"
        f"<nav>Home | AI | Markets</nav><article><h1>{e(title)}</h1>"
        + "".join(f"<p>{e(p)}</p>" for p in body)
        + "</article><footer>Bench Media</footer></body></html>"
    )
