"""Canonical URLs: one spelling per page, so a story fetched through a feed link with
tracking parameters, its AMP page and its mobile page are stored once.

w3lib does the RFC work (percent-encoding, IDNA, sorted query); on top of it we remove
dot segments, duplicate slashes, default ports, empty query values and tracking
parameters, drop fragments, and fold AMP and mobile variants into the desktop URL.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|"
    r"_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|rb_clickid|s_cid|cmpid|ncid|"
    r"ocid|smid|sr_share|ref|ref_src|referrer|taid|guccounter|guce_referrer|"
    r"guce_referrer_sig|__twitter_impression|at_medium|at_campaign|ito|xtor|amp)$",
    re.I,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_MOBILE_HOST = re.compile(r"^(?:m|mobile|amp)\.")
_AMP_PATH = re.compile(r"(?:/amp/?$|/amp(?=/)|\.amp(?=$|\.html?$))", re.I)


def canonical_url(url: str, page_canonical: str | None = None) -> str | None:
    """The canonical spelling of ``url``, or None if it is not a usable URL.

    ``page_canonical`` is the page's own ``<link rel=canonical>``; it wins when it stays
    on the same site (a canonical pointing to another site is a syndication hint, not
    this page's address).
    """
    normal = normalise_url(url)
    if normal is None:
        return None
    if page_canonical:
        preferred = normalise_url(page_canonical, base=normal)
        if preferred and same_site(preferred, normal):
            normal = preferred
    return fold_variants(strip_tracking(normal))


def normalise_url(url: str, base: str | None = None) -> str | None:
    """Syntax-only normalisation (no parameter removal): the StormCrawler table's rules."""
    url = url.strip()
    if not url:
        return None
    if base is not None and not re.match(r"^[a-z][a-z0-9+.\-]*:", url, re.I):
        url = urljoin(base, url)
    if not re.match(r"^[a-z][a-z0-9+.\-]*:", url, re.I):
        url = "http://" + url  # "foo.com/index.html": a host without a scheme
    # A "%" that starts no valid escape is a literal percent sign.
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    original_query = parts.query
    scheme = parts.scheme.lower()
    if "%" in parts.netloc:
        # Percent-escapes in a host name ("example%2Ecom") are decoded; bytes that are
        # not UTF-8 or an escape that was invalid make the URL unusable.
        try:
            netloc = unquote(parts.netloc.replace("%25", "\x00"), errors="strict")
        except UnicodeDecodeError:
            return None
        if "\x00" in netloc:
            return None
        url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        parts = urlsplit(url)
    if scheme in {"http", "https"} and not parts.hostname:
        return None
    try:
        canonical = canonicalize_url(url, keep_fragments=False)
    except (ValueError, UnicodeError):
        return None
    parts = urlsplit(canonical)
    netloc = parts.netloc
    hostname = (parts.hostname or "").rstrip(".")
    port = _port(parts)
    if parts.hostname is not None:
        netloc = (
            hostname if port in (None, _DEFAULT_PORTS.get(parts.scheme)) else f"{hostname}:{port}"
        )
        if parts.username:
            netloc = f"{parts.username}@{netloc}"
    path = _clean_path(parts.path, has_host=bool(parts.hostname))
    return urlunsplit((parts.scheme, netloc, path, _canonical_query(original_query), ""))


def _canonical_query(query: str) -> str:
    """Sorted parameters, escapes upper-cased, nothing decoded: "q=tl;dr" and
    "referer=http://x" keep their meaning and spelling."""
    params = []
    for param in query.split("&"):
        if not param or param.startswith("="):
            continue
        param = quote(param, safe="!$'()*+,;=:@/?%~-._")
        param = re.sub(r"%[0-9a-f]{2}", lambda m: m.group(0).upper(), param)
        params.append(param.removesuffix("="))
    params.sort(key=lambda p: p.split("=", 1)[0])
    return "&".join(params)


def _port(parts) -> int | None:  # type: ignore[no-untyped-def]
    try:
        return parts.port
    except ValueError:
        return None


def _clean_path(path: str, has_host: bool) -> str:
    if not path:
        return "/" if has_host else path
    trailing = path.endswith("/") or path.endswith("/.") or path.endswith("/..")
    cleaned = posixpath.normpath("/" + re.sub(r"/{2,}", "/", path).lstrip("/"))
    cleaned = re.sub(r"^/(?:\.\./?)+", "/", cleaned)
    if cleaned.startswith("//"):
        cleaned = "/" + cleaned.lstrip("/")
    if trailing and not cleaned.endswith("/"):
        cleaned += "/"
    return cleaned


def strip_tracking(url: str) -> str:
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [p for p in parts.query.split("&") if not _TRACKING.match(unquote(p.split("=", 1)[0]))]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(kept), ""))


def fold_variants(url: str) -> str:
    """AMP and mobile pages map to their desktop URL: m.site.com/x and site.com/x/amp."""
    parts = urlsplit(url)
    host = parts.netloc
    if _MOBILE_HOST.match(host) and host.count(".") >= 2:
        host = _MOBILE_HOST.sub("", host)
        if host.count(".") == 1:
            host = "www." + host if not url.startswith("file:") else host
    path = _AMP_PATH.sub("", parts.path) or "/"
    return urlunsplit((parts.scheme, host, path, parts.query, ""))


def site_key(url: str) -> str:
    """The site a URL belongs to: host without www./m./amp. prefixes."""
    host = urlsplit(url).hostname or ""
    return re.sub(r"^(?:www\d?|m|mobile|amp)\.", "", host)


def same_site(a: str, b: str) -> bool:
    ka, kb = site_key(a), site_key(b)
    return ka == kb or ka.endswith("." + kb) or kb.endswith("." + ka)


def resolve_url(href: str, base: str) -> str:
    """An href as found in a page, made absolute against the page's URL (RFC 3986)."""
    return urljoin(base, href.strip())
