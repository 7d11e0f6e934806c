"""The date a deal was announced, from the sentence and the article's published date.

"on Tuesday", "yesterday", "last month", "last spring" are resolved against the
published date; an explicit month and year ("a $230 million round in April 2022")
keeps its own date. Without any clue the published date stands.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_FULL_DATE = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I
)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?\s+((?:19|20)\d\d)\b", re.I)
# ("its fiscal year ending in June": when a period ends, not when anything happened)
# ("a saga that began in October 2015": when something else started)
_PERIOD_END = (
    r"(?<!ending\s)(?<!ends\s)(?<!ended\s)(?<!end\s)(?<!began\s)(?<!begun\s)(?<!started\s)"
    r"(?<!founded\s)(?<!launched\s)(?<!established\s)"
)
_MONTH_YEAR = re.compile(
    rf"{_PERIOD_END}\b(?:in|since|during|from)\s+({_MONTH_RE})\.?\s+((?:19|20)\d\d)\b", re.I
)
_MONTH_DAY = re.compile(rf"\bon\s+({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
# "a round in 2021" dates the event; "a partnership that began in 2019" or "founded in
# 2021" dates something else in the sentence.
_IN_YEAR = re.compile(
    r"(?<!began )(?<!begun )(?<!founded )(?<!started )(?<!established )(?<!launched )"
    r"(?<!since )(?<!created )\b(?:in|back in|during)\s+((?:19|20)\d\d)\b",
    re.I,
)
# "valued at $14 billion in a 2024 funding round"
# ("debt incurred by its 2018 takeover of Monsanto", "Disney's 2019 acquisition of Fox")
_YEAR_OF_EVENT = re.compile(
    r"(?:\b(?:in|during)\s+(?:a|an|its|their|the)|\b(?:its|their)|\w['’]s)\s+((?:19|20)\d\d)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:round|raise|deal|funding|financing|investment|transaction|acquisition|purchase|"
    r"takeover|merger|offering|IPO)\b",
    re.I,
)
_WEEKDAY = re.compile(rf"\b(?:on\s+|last\s+)?({'|'.join(_WEEKDAYS)})\b", re.I)
_SEASON = re.compile(r"\b(last|this|earlier this)\s+(spring|summer|autumn|fall|winter)\b", re.I)
_NAMED_MONTH = re.compile(
    _PERIOD_END + r"\b(last|this|in|early|late|mid-|earlier in)\s*"
    r"((?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December))\b(?!\s+\d)",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(yesterday|today|last week|last month|last year|this (?:week|month|year))\b", re.I
)
_COUNTS = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# "two years ago", "18 months ago", "a week ago": a time counted back from the article
TIME_AGO = rf"(?:{'|'.join(_COUNTS)}|\d{{1,2}})\s+(?:years?|months?|weeks?|days?)\s+ago\b"
# ("which it acquired two years ago": years and months date a deal; days are too fine)
_AGO = re.compile(rf"\b({'|'.join(_COUNTS)}|\d{{1,2}})\s+(years?|months?)\s+ago\b", re.I)


_LATER = re.compile(rf"\s+({'|'.join(_COUNTS)}|\d{{1,2}})\s+years?\s+later\b", re.I)


def years_later(text: str, pos: int) -> int | None:
    """How many years "two years later" at ``pos`` counts on from a date told before."""
    m = _LATER.match(text, pos)
    if m is None:
        return None
    return int(m[1]) if m[1].isdigit() else max(1, _COUNTS.index(m[1].lower()))


def announced_on(sentence: str, published: dt.date | None) -> dt.date | None:
    """Best date for the event told in ``sentence``; None if neither sentence nor article
    gives one."""
    return date_told(sentence, published) or published


# "Careem, founded in Dubai in 2012, had been valued": when the company began, not the deal
_FOUNDING = re.compile(
    r"\b(?:founded|established|launched|started|created|set\s+up)\s+(?:in\s+(?-i:[A-Z])[\w.]*"
    r"(?:\s+(?-i:[A-Z])[\w.]*)?\s+|by\s+[^,;]{1,60}?\s+)?in\s+(?:19|20)\d\d\b",
    re.I,
)


def date_told(sentence: str, published: dt.date | None) -> dt.date | None:
    """The date ``sentence`` itself tells, relative ones resolved against ``published``;
    None when it tells none."""
    sentence = _FOUNDING.sub(lambda m: " " * len(m.group(0)), sentence)
    if m := _FULL_DATE.search(sentence):
        return _safe_date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    if m := _DAY_MONTH_YEAR.search(sentence):
        return _safe_date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    if m := _MONTH_YEAR.search(sentence):
        return _safe_date(int(m[2]), _MONTHS[m[1].lower()], 1)
    if published is None:
        if m := _IN_YEAR.search(sentence) or _YEAR_OF_EVENT.search(sentence):
            return dt.date(int(m[1]), 1, 1)
        return None
    if m := _MONTH_DAY.search(sentence):
        day = _safe_date(published.year, _MONTHS[m[1].lower()], int(m[2]))
        if day and day > published:
            day = _safe_date(published.year - 1, _MONTHS[m[1].lower()], int(m[2]))
        return day
    year = _IN_YEAR.search(sentence) or _YEAR_OF_EVENT.search(sentence)
    if year and int(year[1]) < published.year:
        return dt.date(int(year[1]), 1, 1)
    if m := _NAMED_MONTH.search(sentence):
        # "raised $500 million last October", "in March": the latest such month before the
        # article ("last" never the article's own month)
        month = _MONTHS[m[2].lower()]
        year = published.year
        if month > published.month or (month == published.month and m[1].lower() == "last"):
            year -= 1
        # ("valued at $1.1 billion in January last year": the month of the year before)
        if re.match(r"\s+(?:of\s+)?last\s+year\b", sentence[m.end() :], re.I):
            year = published.year - 1
        return dt.date(year, month, 1)
    if m := _SEASON.search(sentence):
        month = _SEASON_MONTH[m[2].lower()]
        year = published.year
        if m[1].lower() == "last" and dt.date(year, month, 15) >= published:
            year -= 1
        return dt.date(year, month, 15)
    if m := _RELATIVE.search(sentence):
        word = m[1].lower()
        if word == "yesterday":
            return published - dt.timedelta(days=1)
        if word == "last week":
            return published - dt.timedelta(days=7)
        if word == "last month":
            first = published.replace(day=1)
            return (first - dt.timedelta(days=1)).replace(day=1)
        if word == "last year":
            return dt.date(published.year - 1, 1, 1)
        return published
    if m := _AGO.search(sentence):
        count = int(m[1]) if m[1].isdigit() else max(1, _COUNTS.index(m[1].lower()))
        if m[2].lower().startswith("year"):
            return dt.date(published.year - count, 1, 1)
        months = published.year * 12 + published.month - 1 - count
        return dt.date(months // 12, months % 12 + 1, 1)
    if m := _WEEKDAY.search(sentence):
        target = _WEEKDAYS.index(m[1].lower())
        back = (published.weekday() - target) % 7
        if m.group(0).lower().startswith("last") and back == 0:
            back = 7
        return published - dt.timedelta(days=back)
    return None


def tells_day(text: str) -> bool:
    """Whether ``text`` writes out a full date ("March 4, 2025", "4 March 2025")."""
    return bool(_FULL_DATE.search(text) or _DAY_MONTH_YEAR.search(text))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
