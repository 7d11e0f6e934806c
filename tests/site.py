"""A fixture news site on 127.0.0.1 for spider tests: real and hand-written article
pages, an RSS feed, a Google News sitemap behind a sitemap index (plus gzip and text
sitemaps), robots.txt, and fault routes (500, 404, 429 with Retry-After, a slow page,
a redirect loop, a 20 MB page, undeclared cp1252 and Shift_JIS pages, a PDF, links to
private addresses, an XML bomb). It records every request it receives."""

from __future__ import annotations

import contextlib
import gzip
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from ainews.localserver import serve_locally, stop

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "site"

GOOD_ARTICLES = {
    # path -> fixture file (expected JSON beside it)
    "/2025/05/06/lumen-robotics-series-b": FIXTURES / "articles" / "lumen-robotics-series-b.html",
    "/2025/04/22/helix-compute-spain": FIXTURES / "articles" / "helix-compute-spain.html",
    "/2025/04/30/asterion-valuation": FIXTURES / "articles" / "asterion-valuation.html",
    "/real/cityam-alibaba": FIXTURES / "real" / "cityam-alibaba.html.gz",
    "/real/venturebeat-wework": FIXTURES / "real" / "venturebeat-wework.html.gz",
}


def simple_article(title: str, date: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='article:published_time' content='{date}T09:00:00Z'></head>"
        f"<body><nav>Home | Tech | Money</nav><article><h1>{title}</h1>"
        + "".join(f"<p>{p}</p>" for p in body.split("\n"))
        + "</article><footer>Fixture Wire</footer></body></html>"
    )


SITEMAP_ARTICLES = {
    "/2025/05/02/quill-ai-round": (
        "Northwind Ventures leads $30 million round in Quill AI",
        "2025-05-02",
        "Quill AI, which builds writing assistants for insurers, raised $30 million in a "
        "round led by Northwind Ventures, the company said on Friday.\nThe start-up will "
        "use the money to expand in Germany and France, where it already serves eight of the "
        "largest insurers. It was founded in 2022 and has 60 employees.\nInvestors have "
        "backed several AI companies that focus on one industry this year.",
    ),
    "/2025/05/03/kestrel-capital-invests-15-million-in-ai-chip-startup-ferrite": (
        "Kestrel Capital invests $15 million in AI chip startup Ferrite",
        "2025-05-03",
        "Kestrel Capital has invested $15 million in Ferrite, a designer of low-power AI "
        "chips for cameras and sensors.\nFerrite says its chips run vision models at a tenth "
        "of the power of general-purpose processors. The company was spun out of a "
        "university laboratory in 2023 and has customers in the car industry.",
    ),
    "/2025/04/15/orbital-ai-seed-round-funding": (
        "Orbital AI raises $4 million seed funding",
        "2025-04-15",
        "Orbital AI raised $4 million in seed funding from Alder Capital to build models "
        "that plan satellite imaging schedules.\nThe company has six employees and expects to "
        "launch its first product later this year. Several space agencies have tested it.",
    ),
}

CP1252_TITLE = "Café Labs raises €5 million for AI menus – “smart” ordering"
SJIS_TITLE = "AIスタートアップ、シリーズAで10億円を調達"


@dataclass
class FixtureSite:
    host: str = "127.0.0.1"
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    etag: str = '"feed-v1"'
    attempts: dict[str, int] = field(default_factory=dict)

    def start(self) -> FixtureSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                site.attempts[self.path] = site.attempts.get(self.path, 0) + 1
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    site.route(self)

        self.server, _ = serve_locally(Handler)
        self.port = self.server.server_address[1]
        return self

    def stop(self) -> None:
        stop(self.server)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def paths_requested(self) -> list[str]:
        return [urlsplit(p).path for p, _ in self.requests]

    # --- routes -----------------------------------------------------------------------

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = urlsplit(h.path).path
        if path == "/robots.txt":
            return send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/feed.xml":
            if h.headers.get("If-None-Match") == self.etag:
                return send(h, 304, b"", None, {"ETag": self.etag})
            return send(h, 200, self.feed().encode(), "application/rss+xml", {"ETag": self.etag})
        if path == "/real-feed.xml":
            return send(h, 200, self.real_feed().encode(), "application/rss+xml")
        if path == "/bomb.xml":
            return send(h, 200, BOMB, "application/rss+xml")
        if path == "/sitemap-index.xml":
            return send(h, 200, self.sitemap_index().encode(), "application/xml")
        if path == "/news-sitemap.xml":
            return send(h, 200, self.news_sitemap().encode(), "application/xml")
        if path == "/sitemap-old.xml.gz":
            return send(h, 200, gzip.compress(self.old_sitemap().encode()), "application/gzip")
        if path == "/sitemap.txt":
            url = f"{self.base}/2025/05/03/kestrel-capital-invests-15-million-in-ai-chip-startup-ferrite"
            return send(h, 200, f"{url}\n".encode(), "text/plain")
        if path in GOOD_ARTICLES:
            file = GOOD_ARTICLES[path]
            raw = file.read_bytes()
            body = gzip.decompress(raw) if file.suffix == ".gz" else raw
            return send(h, 200, body, "text/html; charset=utf-8")
        if path in SITEMAP_ARTICLES:
            return send(h, 200, simple_article(*SITEMAP_ARTICLES[path]).encode(), "text/html")
        if path == "/fault/500":
            return send(h, 500, b"<h1>Internal error</h1>", "text/html")
        if path == "/fault/429":
            if self.attempts[h.path] == 1:
                return send(h, 429, b"slow down", "text/plain", {"Retry-After": "1"})
            title = "Retry Labs raises $8 million for AI scheduling"
            page = simple_article(
                title, "2025-05-05", "Retry Labs raised $8 million from Alder Capital.\n" * 3
            )
            return send(h, 200, page.encode(), "text/html")
        if path == "/fault/slow":
            time.sleep(4)
            return send(h, 200, b"<html><body>too late</body></html>", "text/html")
        if path in ("/fault/loop", "/fault/loop2"):
            target = "/fault/loop2" if path == "/fault/loop" else "/fault/loop"
            return send(h, 302, b"", None, {"Location": target})
        if path == "/fault/huge":
            paragraph = b"<p>AI money " + b"x" * 1000 + b"</p>"
            body = b"<html><body>" + paragraph * 20_000 + b"</body></html>"  # ~20 MB
            return send(h, 200, body, "text/html")
        if path == "/enc/cp1252":
            page = simple_article(CP1252_TITLE, "2025-05-04", LONG_CP1252)
            return send(
                h, 200, page.replace("<meta charset='utf-8'>", "").encode("cp1252"), "text/html"
            )
        if path == "/enc/sjis":
            page = simple_article(SJIS_TITLE, "2025-05-04", LONG_SJIS)
            return send(
                h, 200, page.replace("<meta charset='utf-8'>", "").encode("shift_jis"), "text/html"
            )
        if path == "/fault/binary":
            return send(h, 200, b"%PDF-1.4\n" + bytes(range(256)) * 20, "application/pdf")
        if path.startswith("/private/"):
            return send(h, 200, b"<html><body>secret</body></html>", "text/html")
        return send(h, 404, b"<h1>Not found</h1>", "text/html")

    # --- documents --------------------------------------------------------------------

    def feed(self) -> str:
        b = self.base
        items = [
            (
                f"{b}/2025/05/06/lumen-robotics-series-b?utm_source=rss",
                "Lumen Robotics raises $60 million Series B to build AI warehouse robots",
            ),
            (
                f"{b}/2025/04/22/helix-compute-spain",
                "Helix Compute secures €200 million for AI data centres in Spain",
            ),
            (
                f"{b}/2025/04/30/asterion-valuation",
                "Asterion AI valued at $1.2 billion after new funding round",
            ),
            (f"{b}/enc/cp1252", CP1252_TITLE),
            (f"{b}/enc/sjis", "AI start-up raises ¥1 billion in Series A (Japanese)"),
            (f"{b}/fault/500", "AI lab funding page that errors"),
            (f"{b}/fault/404", "AI investment story that vanished"),
            (f"{b}/fault/429", "Retry Labs raises $8 million for AI scheduling"),
            (f"{b}/fault/slow", "AI funding story on a slow server"),
            (f"{b}/fault/loop", "AI deal story stuck in a redirect loop"),
            (f"{b}/fault/huge", "AI investment mega page"),
            (f"{b}/fault/binary", "AI funding report (PDF)"),
            (f"{b}/private/ai-funding-secret", "AI funding secret behind robots.txt"),
            ("http://169.254.169.254/latest/meta-data/ai-investment", "AI investment metadata"),
            ("http://10.0.0.1/ai-funding", "AI funding on a private network"),
            (f"{b}/2025/05/01/football-results", "Weekend football results"),
        ]
        entries = "".join(
            f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
            f"<pubDate>Tue, 06 May 2025 08:00:00 GMT</pubDate></item>"
            for u, t in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Fixture Tech News</title><link>{b}/</link>{entries}</channel></rss>"
        )

    def real_feed(self) -> str:
        entries = "".join(
            f"<item><title>Real page {p}</title><link>{self.base}{p}</link></item>"
            for p in ("/real/cityam-alibaba", "/real/venturebeat-wework")
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Real</title>{entries}</channel></rss>'

    def sitemap_index(self) -> str:
        b = self.base
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{b}/news-sitemap.xml</loc><lastmod>2025-05-03</lastmod></sitemap>"
            f"<sitemap><loc>{b}/sitemap-old.xml.gz</loc><lastmod>2025-04-16</lastmod></sitemap>"
            f"<sitemap><loc>{b}/sitemap.txt</loc></sitemap>"
            "</sitemapindex>"
        )

    def news_sitemap(self) -> str:
        b = self.base
        path = "/2025/05/02/quill-ai-round"
        title, date, _ = SITEMAP_ARTICLES[path]
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{b}{path}</loc><news:news><news:publication><news:name>Fixture Wire"
            "</news:name><news:language>en</news:language></news:publication>"
            f"<news:publication_date>{date}T09:00:00Z</news:publication_date>"
            f"<news:title>{escape(title)}</news:title></news:news></url>"
            f"<url><loc>{b}/2025/05/02/gardening-tips</loc><news:news>"
            "<news:publication_date>2025-05-02</news:publication_date>"
            "<news:title>Ten gardening tips for May</news:title></news:news></url>"
            "</urlset>"
        )

    def old_sitemap(self) -> str:
        b = self.base
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{b}/2025/04/15/orbital-ai-seed-round-funding</loc>"
            "<lastmod>2025-04-15</lastmod></url></urlset>"
        )


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str | None,
    headers: dict[str, str] | None = None,
) -> None:
    h.send_response(status)
    if content_type:
        h.send_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        h.send_header(key, value)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)


BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b']>\n<rss version="2.0"><channel><title>&lol9;</title>'
    b"<item><title>AI funding</title><link>http://127.0.0.1/x</link></item></channel></rss>"
)

LONG_CP1252 = (
    "Café Labs, a Lyon start-up whose AI software writes restaurant menus, raised €5 million "
    "from Alder Capital, the company said. “Our customers want menus that change every day,” "
    "said its founder, Hélène Dubois.\nThe money will pay for a sales team in Spain and Italy, "
    "where Café Labs already works with 300 restaurants. Prices start at €49 a month.\n"
    "The company was founded in 2023 and has 18 employees, according to its website."
)
LONG_SJIS = (
    "東京のAIスタートアップ、ミライ推論は、シリーズAラウンドで10億円を調達したと発表した。"
    "ラウンドはアルダー・キャピタルが主導した。\n同社は工場向けの画像認識モデルを開発しており、"
    "調達した資金で技術者を採用し、大阪に新しい拠点を開く予定だ。\n"
    "同社は2022年に設立され、従業員は35人。国内の自動車部品メーカー数社が既に導入している。"
)
