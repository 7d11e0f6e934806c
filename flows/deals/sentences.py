"""Sentence splitting with character offsets into the original text."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from flows.deals.entities import is_known

# Abbreviations that also end sentences ("... in the U.S.", "... Acme Inc."): a full stop
# after them ends one when a word that opens sentences follows.
_SENTENCE_FINAL_ABBREVIATIONS = {
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
}
# A full stop after these is not a sentence end (unless one of those above ends a sentence).
_ABBREVIATIONS = _SENTENCE_FINAL_ABBREVIATIONS | {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "no",
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

_OPENER = re.compile(
    r"[\"'“‘(]?(?:The|It|He|She|They|We|I|But|And|In|On|At|This|That|These|Those|Its|Their|"
    r"Our|His|Her|A|An|However|Meanwhile|Shares|Analysts|Last|Earlier|Later)\b"
)

_TITLE_WORD = re.compile(
    r"\b(?:Chairman|Chairwoman|Chief|CEO|CFO|President|Vice|Director|Founder|Co-founder|"
    r"Executive|Spokesman|Spokeswoman|Analyst|Head|Managing|General|Senior|Mr|Ms|Mrs|Dr)\b"
)
_NAME_ACTS = re.compile(
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s+"
    r"(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+|\w+ly\s+)?"
    r"(?:said|says|agreed|acquired|bought|sold|announced|reported|raised|invested|plans|will|"
    r"would)\b"
)

# Besides punctuation and line breaks, a wide gap or a bar ends a "sentence": text whose
# markup was stripped ("price tag    Full story on ...   8.12pm  GMT  | Town have ...")
# keeps no full stops between its items.
_BOUNDARY = re.compile(
    # ("... equity investment. xAI merged with X": a name may open in lower case)
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?(?:[A-Z0-9$€£¥₹]|[a-z]{1,2}[A-Z]))|\n\s*\n|\n(?=\s*\S)"
    r"|[ \t\u00a0]{3,}(?=\S)|\s+\|\s+"
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


_LEGAL_FORM_NEXT = re.compile(
    r"(?:Ltd|Limited|Inc|LLC|Plc|PLC|AG|SA|NV|Corp|Corporation|KG|KGaA)\b"
)


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()]
        if match.group(0).strip() == "" and "\n" not in match.group(0):
            # ("more than Disney's. Some analysts": a possessive's "s" is no initial)
            last = re.search(r"(?<!['’])([\w.]+)\.[\"'”’)\]]*$", candidate)
            # ("raised $40 million in a Series B. The deal": a round's letter is no initial)
            series = re.search(r"\b(?:Series|Class|pre-Series)\s+[A-Z]\.[\"'”’)\]]*$", candidate)
            if last and not series and _runs_on(last.group(1), text, match.end()):
                continue
        _append(sentences, text, start, match.start())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _runs_on(word: str, text: str, next_start: int) -> bool:
    """Whether the full stop after ``word`` leaves the sentence going on."""
    if word.lower() in {"co", "corp", "inc"} and _LEGAL_FORM_NEXT.match(text, next_start):
        return True  # "Contemporary Amperex Technology Co. Ltd. raised": one name
    if word.lower() in _SENTENCE_FINAL_ABBREVIATIONS and _OPENER.match(text, next_start):
        return False  # "... operations in the U.S. The company said": a sentence ends
    acts = _NAME_ACTS.match(text, next_start)
    if (
        word.lower() in _SENTENCE_FINAL_ABBREVIATIONS
        and acts is not None
        and not is_known(f"{word}. {acts['name']}")
        # ("Berkshire Hathaway Inc. Chairman Warren Buffett said": a title runs on)
        and not _TITLE_WORD.search(acts["name"])
    ):
        # "... in markets outside the U.S. P&G also acquired", "... from Berkshire Hathaway
        # Inc. Occidental also agreed": a name that acts opens a sentence ("U.S. Steel
        # said" is one name)
        return False
    return (
        word.lower() in _ABBREVIATIONS
        # (a digit is no initial: "SoftBank's Vision Fund 2. Perplexity made")
        or (len(word) == 1 and word.isalpha())
        # "led by J.P. Morgan", "E.F. Hutton": initials run on into the name
        or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None
        # "agreed to a deal at... $28 a share": an ellipsis after a word that needs what
        # follows holds a pause, not an end
        or re.fullmatch(
            r"(?i:at|of|to|for|by|with|about|from|is|was|were|are|a|an|the|and|or)\.\.", word
        )
        is not None
    )


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + chunk.index(stripped)
    sentences.append(Sentence(stripped, offset, offset + len(stripped)))


# Wire copy angle-brackets names and tickers: "<Battery Group Ltd> ... TransAmerica <TA>".
_WIRE_NAME = re.compile(r"<([A-Z][\w&.,'’ \-\n]{0,80}?)>")
_WIRE_TICKER = re.compile(r"[A-Z][A-Z.]{0,6}")


def unwrap_lines(text: str) -> str:
    """``text`` with hard line wraps inside paragraphs turned into spaces, and wire copy's
    angle brackets dropped, at the same length, so spans into it are spans into ``text``.

    Plain-text files and wire stories break lines at ~70 characters ("agreed to buy
    <Occidental Life Insurance\\nCo of Australia Ltd>"); read as they are, every line is a
    sentence and names are cut in two. Text whose lines are paragraphs (page extraction's
    output, headline lists) is left alone: it is recognised by long lines, or by lines
    that never continue a sentence in lower case.
    """
    text = _WIRE_NAME.sub(_unbracket, text)
    if not _is_hard_wrapped(text):
        return text
    # A blank line or an indented line starts a paragraph; any other break is a wrap.
    return re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]?\S)", lambda m: " " * len(m.group(0)), text)


def _unbracket(match: re.Match[str]) -> str:
    inner = match.group(1)
    if _WIRE_TICKER.fullmatch(inner):
        return f"({inner})"  # "<TA>" reads as a ticker in brackets, as news prints it
    return f" {inner} "


def _is_hard_wrapped(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4 or max(len(line) for line in lines) > 100:
        return False
    # A line goes on with the sentence before it when it opens in lower case, or when the
    # line before stops on a comma or a word that cannot end one. (A figure opening a line
    # says nothing: rows of a table do.)
    continued = sum(
        line[0].islower() or bool(_OPEN_END.search(previous))
        for previous, line in itertools.pairwise(lines)
    )
    return continued >= 0.2 * (len(lines) - 1)


_OPEN_END = re.compile(
    r"(?:,|\b(?:and|or|of|the|a|an|to|in|for|with|by|on|at|from|its|their|that|which))$",
    re.I,
)
