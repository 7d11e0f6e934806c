"""Sources declared as data (sources.toml), validated, with errors that name the line."""

from __future__ import annotations

import ipaddress
import re
import tomllib
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator


class SourceKind(StrEnum):
    feed = "feed"  # RSS or Atom
    sitemap = "sitemap"  # sitemap, sitemap index, Google News sitemap, text sitemap
    page = "page"  # an index page whose links lead to articles


DEFAULT_AI_TERMS = [
    "ai", "a.i.", "artificial intelligence", "machine learning", "generative", "genai", "llm",
    "large language model", "foundation model", "chatbot", "openai", "anthropic", "mistral",
    "deepmind", "nvidia", "gpu", "data centre", "data center", "datacenter", "robotics",
    "neural", "inference", "copilot", "agentic", "agent", "xai", "chatgpt", "claude",
    "gemini", "grok", "chip", "chipmaker", "semiconductor", "supercomputer", "compute",
    "self-driving", "autonomous", "databricks", "cohere", "hugging face", "scale ai",
]  # fmt: skip
DEFAULT_MONEY_TERMS = [
    "invest", "investment", "investing", "invests", "raise", "raises", "raised", "funding",
    "round", "series a", "series b", "series c", "seed", "valuation", "valued", "billion",
    "million", "$", "€", "£", "acquire", "acquires", "acquisition", "buys", "stake", "backs",
    "backed", "pledge", "commits", "fund", "venture", "ipo", "deal", "partnership",
    "billions", "millions", "unicorn", "buy", "bought", "pours", "bet", "crore", "¥",
    "₹", "spend", "financing",
]  # fmt: skip


class Relevance(BaseModel):
    ai_terms: list[str] = Field(default_factory=lambda: list(DEFAULT_AI_TERMS))
    money_terms: list[str] = Field(default_factory=lambda: list(DEFAULT_MONEY_TERMS))


class Source(BaseModel):
    model_config = {"extra": "forbid"}

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    kind: SourceKind
    urls: list[str] = Field(min_length=1)
    allowed_domains: list[str] = Field(default_factory=list)
    language: str | None = None
    enabled: bool = True
    # Pre-filter article links on title/summary before fetching them.
    prefilter: bool = True
    # Networks a source may reach although they are private (tests, the offline demo).
    allow_networks: list[str] = Field(default_factory=list)

    @field_validator("urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not re.match(r"^https?://[^/\s]+", url):
                raise ValueError(f"not an http(s) URL: {url!r}")
        return urls

    @field_validator("allow_networks")
    @classmethod
    def _networks(cls, networks: list[str]) -> list[str]:
        for net in networks:
            ipaddress.ip_network(net, strict=False)
        return networks


class SourcesFile(BaseModel):
    model_config = {"extra": "forbid"}

    relevance: Relevance = Field(default_factory=Relevance)
    source: list[Source] = Field(default_factory=list)


class SourcesError(ValueError):
    """A sources file that cannot be used; the message names file and line."""


def load_sources(path: Path) -> SourcesFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read sources file ({exc.strerror})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: {exc}") from exc  # tomllib names line and column
    try:
        parsed = SourcesFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _line_of(text, first["loc"])
        loc = ".".join(str(p) for p in first["loc"])
        raise SourcesError(f"{path}:{where}: {loc}: {first['msg']}") from exc
    names = [s.name for s in parsed.source]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourcesError(f"{path}: duplicate source name(s): {', '.join(duplicates)}")
    return parsed


def _line_of(text: str, loc: tuple) -> int:  # type: ignore[type-arg]
    """Line of the [[source]] table (and key) a validation error points at."""
    lines = text.splitlines()
    if len(loc) >= 2 and loc[0] == "source" and isinstance(loc[1], int):
        starts = [i for i, line in enumerate(lines) if line.strip() == "[[source]]"]
        if loc[1] < len(starts):
            start = starts[loc[1]]
            end = starts[loc[1] + 1] if loc[1] + 1 < len(starts) else len(lines)
            if len(loc) >= 3:
                key = re.compile(rf"^\s*{re.escape(str(loc[2]))}\s*=")
                for i in range(start, end):
                    if key.match(lines[i]):
                        return i + 1
            return start + 1
    if loc:
        key = re.compile(rf"^\s*\[?{re.escape(str(loc[0]))}\]?\s*=?")
        for i, line in enumerate(lines):
            if key.match(line):
                return i + 1
    return 1


def select_sources(sources: SourcesFile, names: list[str] | None = None) -> list[Source]:
    """Enabled sources, or exactly the named ones (enabled or not)."""
    if not names:
        return [s for s in sources.source if s.enabled]
    by_name = {s.name: s for s in sources.source}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SourcesError(f"unknown source(s): {', '.join(unknown)}; see `ainews sources`")
    return [by_name[n] for n in names]
