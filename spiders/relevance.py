"""The cheap pre-filter that decides which article links to fetch: a title or summary
must mention AI and money. Configurable in sources.toml ([relevance])."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        escaped = re.escape(term.lower())
        # Word terms match whole words ("ai" not in "said"); symbols match anywhere.
        # Word terms match whole words, plurals included ("ai" not in "said", "data
        # centre" in "data centres"); symbols match anywhere.
        parts.append(rf"(?<!\w){escaped}(?:s|es)?(?!\w)" if term[:1].isalnum() else escaped)
    return re.compile("|".join(parts))


def judge(text: str, ai_terms: list[str], money_terms: list[str]) -> tuple[bool, str]:
    """(relevant, reason) for a link described by ``text`` (title, summary or URL slug)."""
    lowered = " ".join(re.split(r"[\s\-_/]+", text.lower()))
    ai = _pattern(tuple(ai_terms)).search(lowered)
    money = _pattern(tuple(money_terms)).search(lowered)
    if ai and money:
        return True, f"ai:{ai.group(0)} money:{money.group(0)}"
    if not ai:
        return False, "no AI term"
    return False, "no money term"
