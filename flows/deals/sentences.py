"""Sentence splitting with character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A full stop after these is not a sentence end.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "no",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
    "est",
    "rs",
    "mln",
    "bn",
    "mn",
    "mio",
    "mrd",
    "s.a",
    "n.v",
    "b.v",
    "gov",
    "sen",
    "rep",
    "gen",
    "fig",
}
# Besides punctuation and line breaks, a wide gap or a bar ends a "sentence": text whose
# markup was stripped ("price tag    Full story on ...   8.12pm  GMT  | Town have ...")
# keeps no full stops between its items.
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9$€£¥₹])|\n\s*\n|\n(?=\s*\S)"
    r"|[ \t\u00a0]{3,}(?=\S)|\s+\|\s+"
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()]
        if match.group(0).strip() == "" and "\n" not in match.group(0):
            last = re.search(r"([\w.]+)\.[\"'”’)\]]*$", candidate)
            if last and (last.group(1).lower() in _ABBREVIATIONS or len(last.group(1)) == 1):
                continue
        _append(sentences, text, start, match.start())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + chunk.index(stripped)
    sentences.append(Sentence(stripped, offset, offset + len(stripped)))
