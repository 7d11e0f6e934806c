"""Text normalisation and exact-content hashes."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased word tokens after Unicode compatibility folding ("ﬁ" = "fi")."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def content_hash(text: str) -> str:
    """Same words in the same order = same hash, whatever the whitespace, case or
    punctuation: the exact-duplicate test."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()
