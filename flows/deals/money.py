"""Find money amounts in text: "$13 billion", "€3.2bn", "Rs 500 crore", "50 mln dlrs",
"$15-20 million", "up to £1.5 billion", "US$ 900M" (pre-tokenised text too).

An amount needs a currency (symbol, code or word): bare numbers, percentages, years and
user counts are never money. A bracketed amount right after another one
("$13 billion (€11.9 billion)") is marked as an equivalent of it, not a second amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Symbols and prefixes that come before the number. Longest first so "US$" wins over "$".
_PREFIX_CURRENCIES: dict[str, str] = {
    "US$": "USD",
    "USD": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "NZ$": "NZD",
    "NZD": "NZD",
    "HK$": "HKD",
    "HKD": "HKD",
    "S$": "SGD",
    "SGD": "SGD",
    "NT$": "TWD",
    "TWD": "TWD",
    "R$": "BRL",
    "BRL": "BRL",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "CN¥": "CNY",
    "CNY": "CNY",
    "RMB": "CNY",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "INR": "INR",
    "₩": "KRW",
    "KRW": "KRW",
    "CHF": "CHF",
    "SFr": "CHF",
    "AED": "AED",
    "SAR": "SAR",
    "QAR": "QAR",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
    "PLN": "PLN",
    "ILS": "ILS",
    "₪": "ILS",
    "ZAR": "ZAR",
    "MXN": "MXN",
    "IDR": "IDR",
    "SGD$": "SGD",
}

# Words and codes that come after the number ("3 billion euros", "50 mln dlrs").
_SUFFIX_CURRENCIES: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "dlrs": "USD",
    "dlr": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    # ("its 35 billion pound acquisition of BG Group": the adjective form)
    "pound": "GBP",
    "sterling": "GBP",
    "stg": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "inr": "INR",
    "francs": "CHF",
    "chf": "CHF",
    "won": "KRW",
    "krw": "KRW",
    "dirhams": "AED",
    "aed": "AED",
    "riyals": "SAR",
    "sar": "SAR",
    "crowns": "SEK",
    "kronor": "SEK",
    "sek": "SEK",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "rand": "ZAR",
    "reais": "BRL",
    "naira": "NGN",
    "shekels": "ILS",
    "zlotys": "PLN",
    "zloty": "PLN",
    "forints": "HUF",
    "roubles": "RUB",
    "rubles": "RUB",
}

# A country's name before its currency word says which one: "Canadian dlrs", "Norwegian
# crowns", "Mexican pesos". Bare "pesos", "kroner" or "lira" are left unread: several
# countries use them, and a wrong currency is worse than none.
_NATIONAL_CURRENCIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("us", "u.s.", "american"), ("dollars", "dollar", "dlrs", "dlr")),
    "CAD": (("canadian",), ("dollars", "dollar", "dlrs", "dlr")),
    "AUD": (("australian",), ("dollars", "dollar", "dlrs", "dlr")),
    "NZD": (("new zealand", "n.z."), ("dollars", "dollar", "dlrs", "dlr")),
    "HKD": (("hong kong",), ("dollars", "dollar", "dlrs", "dlr")),
    "SGD": (("singapore", "singaporean"), ("dollars", "dollar", "dlrs", "dlr")),
    "TWD": (("taiwan", "new taiwan", "taiwanese"), ("dollars", "dollar", "dlrs", "dlr")),
    "GBP": (("british",), ("pounds",)),
    "EGP": (("egyptian",), ("pounds",)),
    "JPY": (("japanese",), ("yen",)),
    "CNY": (("chinese",), ("yuan",)),
    "INR": (("indian",), ("rupees",)),
    "PKR": (("pakistani",), ("rupees",)),
    "CHF": (("swiss",), ("francs", "franc")),
    "KRW": (("korean", "south korean"), ("won",)),
    "SEK": (("swedish",), ("crowns", "kronor", "krona")),
    "NOK": (("norwegian",), ("crowns", "kroner", "krone")),
    "DKK": (("danish",), ("crowns", "kroner", "krone")),
    "CZK": (("czech",), ("crowns", "korunas", "koruna")),
    "MXN": (("mexican",), ("pesos",)),
    "PHP": (("philippine",), ("pesos",)),
    "ARS": (("argentine", "argentinian"), ("pesos",)),
    "CLP": (("chilean",), ("pesos",)),
    "COP": (("colombian",), ("pesos",)),
    "BRL": (("brazilian",), ("reais", "real")),
    "ZAR": (("south african",), ("rand",)),
    "TRY": (("turkish",), ("lira", "liras")),
    "RUB": (("russian",), ("roubles", "rubles")),
    "SAR": (("saudi",), ("riyals",)),
    "QAR": (("qatari",), ("riyals",)),
    "AED": (("uae", "emirati"), ("dirhams",)),
    "KWD": (("kuwaiti",), ("dinars",)),
    "ILS": (("israeli", "new israeli"), ("shekels",)),
    "MYR": (("malaysian",), ("ringgit",)),
    "THB": (("thai",), ("baht",)),
    "IDR": (("indonesian",), ("rupiah",)),
    "NGN": (("nigerian",), ("naira",)),
    "KES": (("kenyan",), ("shillings",)),
}
_SUFFIX_CURRENCIES |= {
    f"{country} {word}": code
    for code, (countries, words) in _NATIONAL_CURRENCIES.items()
    for country in countries
    for word in words
}

# Scale words; case matters only for single letters ("M", "B", "m", "b", "k").
_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "K": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "Mio": 1e6,
    "m": 1e6,
    "M": 1e6,
    "MM": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "B": 1e9,
    "Mrd": 1e9,
    "mrd": 1e9,
    "Mrd.": 1e9,
    "Mio.": 1e6,
    "Milliarden": 1e9,
    "Millionen": 1e6,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "T": 1e12,
    # "Rs 4.62 lakh crore": a hundred thousand crore
    "lakh crore": 1e12,
    "lakh crores": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "Cr": 1e7,
}

# Before the amount; each maps to one canonical qualifier.
_QUALIFIERS: dict[str, str] = {
    "more than": "over",
    "over": "over",
    "above": "over",
    "in excess of": "over",
    "upwards of": "over",
    "exceeding": "over",
    "exceeded": "over",
    "exceed": "over",
    "exceeds": "over",
    "surpassing": "over",
    "surpassed": "over",
    "topped": "over",
    "topping": "over",
    "north of": "over",
    "at least": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "up to": "up to",
    "as much as": "up to",
    "a maximum of": "up to",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "less than": "under",
    "under": "under",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "approx.": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
}


def _alternation(words: list[str]) -> str:
    # A line break may fall inside "U.S.\ndlrs" in wire copy: any space matches any run.
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# Wire copy spells small numbers out ("three mln dlrs", "twenty-five billion euros"); a
# spelled number counts only before a scale word (after a range's other end, if any), so
# "one dollar" or "two euros" stay what they were.
_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS, start=1)} | {
    w: 10 * i for i, w in enumerate(_TENS, start=2)
}
_SPELLED = rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS[:9])}))?|{'|'.join(_UNITS)})"
# Indian grouping (1,00,000) and Western grouping (1,000,000) and plain decimals; a decimal
# comma only before a scale word ("2,5 Mrd. Euro"), where a thousands group cannot stand.
_NUMBER = (
    r"\d+,\d{1,2}(?=\s*(?:Mrd|Mio|Milliarden|Millionen|bn|mn|mln|million|billion)\b)|"
    r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    rf"(?<![\w-]){_SPELLED}\b(?=(?:\s*(?:-|–|—|to|and)\s*(?:{_SPELLED}|\d+(?:\.\d+)?))?"
    r"\s+(?:thousand|million|mln|mn|billion|bln|bn|trillion)\b)"
)
_SCALE = _alternation(list(_SCALES))
_PREFIX = _alternation(list(_PREFIX_CURRENCIES))
_SUFFIX = _alternation(list(_SUFFIX_CURRENCIES))
# "$1.75 billion Canadian dollars": the words after a bare "$" say which dollar it is.
_DOLLAR_SUFFIX = _alternation([w for w in _SUFFIX_CURRENCIES if w.split()[-1].startswith("d")])
_QUALIFIER = _alternation(list(_QUALIFIERS))

# The scale must end at a word boundary so "5 members" is not "5 m" + "embers".


def _scale_part(group: str) -> str:
    return rf"(?:\s*-?\s*(?P<{group}>{_SCALE})(?![A-Za-z]))"


# "and" separates a range only after "between": "$2 million and $3 million" are two amounts.
_RANGE_SEP = r"(?:\s*(?:-|–|—|to)\s*|(?(between)\s+and\s+|(?!)))"

_PATTERN = re.compile(
    rf"""
    (?:(?P<qualifier>\b(?:{_QUALIFIER}))\s+)?
    (?:(?P<between>\bbetween)\s+)?
    (?:
        # prefix form: $ 13 billion, €3.2bn, Rs 500 crore, US$15-20 million
        (?P<prefix>(?<![A-Za-z])(?:{_PREFIX}))\s?
        (?P<p_low>{_NUMBER}){_scale_part("p_scale_low")}?
        (?:{_RANGE_SEP}(?:(?:{_PREFIX})\s?)?(?P<p_high>{_NUMBER}))?
        {_scale_part("p_scale")}?
        (?:\s+(?P<p_suffix>{_DOLLAR_SUFFIX})\b)?
      |
        # suffix form: 3.2 billion euros, 50 mln dlrs, 500 crore rupees, 12 million USD
        (?<![\w.,$€£¥₹])(?P<s_low>{_NUMBER}){_scale_part("s_scale_low")}?
        (?:{_RANGE_SEP}(?P<s_high>{_NUMBER}))?
        {_scale_part("s_scale")}?
        \s+(?P<suffix>(?:{_SUFFIX}))\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Scale words whose letter case carries meaning and must match exactly.
_CASE_SENSITIVE_SCALES = {
    "m",
    "M",
    "b",
    "B",
    "k",
    "K",
    "T",
    "MM",
    "cr",
    "Cr",
    "Mrd",
    "mrd",
    "Mrd.",
    "Mio.",
}


@dataclass(frozen=True)
class Money:
    """An amount as written, with its normalised value in units of ``currency``."""

    value: float
    currency: str
    start: int
    end: int
    text: str
    qualifier: str | None = None
    high: float | None = None
    equivalent_of: int | None = None  # index of the amount this one restates

    @property
    def is_range(self) -> bool:
        return self.high is not None


def _number(raw: str, scale: float = 1.0) -> float:
    # In decimal, so "4.1 billion" is 4100000000.0 and not 4099999999.9999995 in a table.
    # (a comma before one or two digits is a decimal comma: "2,5 Mrd.")
    if raw[0].isalpha():
        spelled = sum(_NUMBER_WORDS[part] for part in raw.lower().split("-"))
        return float(Decimal(spelled) * Decimal(repr(scale)))
    digits = raw.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", raw) else raw.replace(",", "")
    return float(Decimal(digits) * Decimal(repr(scale)))


def _scale(word: str | None) -> float | None:
    if word is None:
        return None
    word = " ".join(word.split())  # ("lakh\ncrore": a line may break inside)
    if word in _SCALES:
        return _SCALES[word]
    lowered = word.lower()
    if lowered in _SCALES and word not in _CASE_SENSITIVE_SCALES and len(word) > 1:
        return _SCALES[lowered]
    return None


def _prefix_currency(symbol: str) -> str | None:
    if symbol in _PREFIX_CURRENCIES:
        return _PREFIX_CURRENCIES[symbol]
    upper = symbol.upper()
    # Codes are upper case in news; "Rs" may be written "RS"/"rs" too.
    if upper in {"RS", "RS."}:
        return "INR"
    return None


def _suffix_currency(words: str) -> str | None:
    return _SUFFIX_CURRENCIES.get(" ".join(words.lower().split()))


def find_amounts(text: str) -> list[Money]:
    """Every money amount in ``text``, in order of appearance."""
    found: list[Money] = []
    for match in _PATTERN.finditer(text):
        money = _to_money(match)
        if money is None:
            continue
        found.append(money)
    return _mark_equivalents(text, found)


def _to_money(match: re.Match[str]) -> Money | None:
    prefix = match["prefix"]
    if prefix is not None:
        currency = _prefix_currency(prefix)
        # Codes are letters: "EUR" must be upper case; "eur 5" in prose is not money.
        exact = prefix in _PREFIX_CURRENCIES or prefix.upper() in {"RS", "RS."}
        if currency is None or (prefix.isalpha() and not exact):
            return None
        if prefix == "$" and match["p_suffix"]:
            currency = _suffix_currency(match["p_suffix"])
        low_raw, high_raw = match["p_low"], match["p_high"]
        scale_word, scale_low_word = match["p_scale"], match["p_scale_low"]
    else:
        currency = _suffix_currency(match["suffix"])
        if currency is None:
            return None
        low_raw, high_raw = match["s_low"], match["s_high"]
        scale_word, scale_low_word = match["s_scale"], match["s_scale_low"]
    scale = _scale(scale_word)
    scale_low = _scale(scale_low_word)
    if (scale_word and scale is None) or (scale_low_word and scale_low is None):
        return None
    if scale is None and scale_low is not None and high_raw is None:
        scale = scale_low
    if high_raw is None and match["between"]:
        return None  # "between $5 and" without a second number is not a range we trust
    low = _number(low_raw, scale_low or scale or 1.0)
    high = _number(high_raw, scale or 1.0) if high_raw is not None else None
    if high is not None and high <= low:
        # "$15-20 million" is a range; "$20-15" or "2023-24 dollars" is not. "$40bn to 168
        # companies" is an amount followed by a count.
        low_scale_group = "p_scale_low" if match["prefix"] else "s_scale_low"
        if match["prefix"] and scale_low is not None and not scale_word:
            return Money(
                value=low,
                currency=currency or "USD",
                start=match.start("qualifier") if match["qualifier"] else match.start(),
                end=match.end(low_scale_group),
                text=match.string[match.start() : match.end(low_scale_group)],
                qualifier=_QUALIFIERS.get(match["qualifier"].lower())
                if match["qualifier"]
                else None,
            )
        return None
    qualifier = _QUALIFIERS.get(match["qualifier"].lower()) if match["qualifier"] else None
    if high is not None and qualifier is None:
        qualifier = "range"
    start = match.start("qualifier") if match["qualifier"] else match.start()
    if match["between"] and not match["qualifier"]:
        start = match.start("between")
    return Money(
        value=low,
        currency=currency or "USD",
        start=start,
        end=match.end(),
        text=match.group(0),
        qualifier=qualifier,
        high=high,
    )


_EQUIVALENT_GAP = re.compile(r"^\s*[(\[]\s*(?:about|around|approx\.?|roughly|or|~)?\s*$", re.I)


def _mark_equivalents(text: str, amounts: list[Money]) -> list[Money]:
    """ "$13 billion (€11.9 billion)" and "£1bn ($1.3bn)" state one amount twice."""
    marked: list[Money] = []
    for i, money in enumerate(amounts):
        if i > 0 and marked[i - 1].equivalent_of is None:
            gap = text[amounts[i - 1].end : money.start]
            if _EQUIVALENT_GAP.match(gap):
                money = Money(**{**money.__dict__, "equivalent_of": i - 1})
        marked.append(money)
    return marked


def primary_amounts(amounts: list[Money]) -> list[Money]:
    """Amounts that are not restatements of another."""
    return [m for m in amounts if m.equivalent_of is None]
