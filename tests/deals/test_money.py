"""Money parsing: hand-written cases plus property-based round trips."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.deals.money import find_amounts, primary_amounts

CASES = [
    ("$13 billion", 13e9, "USD", None),
    ("€3.2 billion", 3.2e9, "EUR", None),
    ("€3.2bn", 3.2e9, "EUR", None),
    ("US$ 900M", 9e8, "USD", None),
    ("$ 900M", 9e8, "USD", None),
    ("C$500 million", 5e8, "CAD", None),
    ("A$1.2bn", 1.2e9, "AUD", None),
    ("HK$3 billion", 3e9, "HKD", None),
    ("£140m", 1.4e8, "GBP", None),
    ("¥30 billion", 3e10, "JPY", None),
    ("₹2,000 crore", 2e10, "INR", None),
    ("Rs 340 crore", 3.4e9, "INR", None),
    ("Rs. 50 lakh", 5e6, "INR", None),
    ("₹1,00,000", 1e5, "INR", None),
    ("CHF 300 million", 3e8, "CHF", None),
    ("AED 20 billion", 2e10, "AED", None),
    ("SAR 5bn", 5e9, "SAR", None),
    ("50 mln dlrs", 5e7, "USD", None),
    ("20 mln stg", 2e7, "GBP", None),
    ("3 billion euros", 3e9, "EUR", None),
    ("500 crore rupees", 5e9, "INR", None),
    ("10 billion yen", 1e10, "JPY", None),
    ("2 billion yuan", 2e9, "CNY", None),
    ("12 million USD", 1.2e7, "USD", None),
    ("2 Mrd Euro", 2e9, "EUR", None),
    ("$2.3 trillion", 2.3e12, "USD", None),
    ("$500k", 5e5, "USD", None),
    ("$45 mn", 4.5e7, "USD", None),
    ("more than $1.1 billion", 1.1e9, "USD", "over"),
    ("nearly $2 billion", 2e9, "USD", "nearly"),
    ("about €300 million", 3e8, "EUR", "about"),
    ("around $10m", 1e7, "USD", "about"),
    ("up to £1.5bn", 1.5e9, "GBP", "up to"),
    ("at least $50 million", 5e7, "USD", "at least"),
    ("over $5 billion", 5e9, "USD", "over"),
    # A country's name says which dollar, crown or peso; after "$" it overrides USD.
    ("$1.75 billion Canadian dollars", 1.75e9, "CAD", None),
    ("11 mln Canadian dlrs", 1.1e7, "CAD", None),
    ("105 mln Australian dlrs", 1.05e8, "AUD", None),
    ("13 mln U.S.\ndlrs", 1.3e7, "USD", None),
    ("$5 million dollars", 5e6, "USD", None),
    ("400 mln Norwegian crowns", 4e8, "NOK", None),
    ("400 mln crowns", 4e8, "SEK", None),
    ("2 billion Mexican pesos", 2e9, "MXN", None),
    ("152.49 mln ringgit", 1.5249e8, "MYR", None),
    ("10 billion South Korean won", 1e10, "KRW", None),
    ("3 billion Hong Kong dollars", 3e9, "HKD", None),
    # A decimal comma stands only before a scale word, where a thousands group cannot.
    ("2,5 Mrd. Euro", 2.5e9, "EUR", None),
    ("EUR 1,5 Mrd.", 1.5e9, "EUR", None),
    ("12,5 Mio. Euro", 1.25e7, "EUR", None),
    ("3,5 Milliarden Euro", 3.5e9, "EUR", None),
    ("$1,250 million", 1.25e9, "USD", None),
    # Wire copy spells small numbers out.
    ("three mln dlrs", 3e6, "USD", None),
    ("Two billion euros", 2e9, "EUR", None),
    ("twenty-five million dollars", 2.5e7, "USD", None),
    ("about seven mln stg", 7e6, "GBP", "about"),
    ("$ three million", 3e6, "USD", None),
]


@pytest.mark.parametrize(("text", "value", "currency", "qualifier"), CASES)
def test_parses_amount(text: str, value: float, currency: str, qualifier: str | None):
    [money] = find_amounts(f"The company said {text} on Monday.")
    assert money.value == pytest.approx(value)
    assert money.currency == currency
    assert money.qualifier == qualifier


def test_range_keeps_both_ends():
    [money] = find_amounts("It hopes to raise $15-20 million.")
    assert (money.value, money.high, money.qualifier) == (15e6, 20e6, "range")
    [spelled] = find_amounts("between $15 million and $20 million")
    assert (spelled.value, spelled.high) == (15e6, 20e6)


def test_amount_followed_by_a_count_is_not_a_range():
    # "$40bn to 168 companies" reads as a range only until its end is smaller than its start.
    [money] = find_amounts("The group has lent nearly $40bn to 168 companies.")
    assert (money.value, money.high, money.qualifier, money.text) == (
        40e9,
        None,
        "nearly",
        "nearly $40bn",
    )


def test_spelled_range_keeps_both_ends():
    [money] = find_amounts("It expects two to three billion dollars from the sale.")
    assert (money.value, money.high, money.qualifier) == (2e9, 3e9, "range")


def test_two_amounts_joined_by_and_stay_two():
    assert [m.value for m in find_amounts("$2 million and $3 million")] == [2e6, 3e6]


def test_bracketed_equivalent_is_one_amount():
    amounts = find_amounts("Microsoft's $13 billion (€11.9 billion) investment in OpenAI")
    assert [m.value for m in amounts] == [13e9, 11.9e9]
    assert amounts[1].equivalent_of == 0
    assert [m.value for m in primary_amounts(amounts)] == [13e9]


@pytest.mark.parametrize(
    "text",
    [
        "Revenue grew 45% to record levels.",
        "OpenAI has 300 million weekly users.",
        "It was founded in 2023 and employs 1,200 people.",
        "The 5 members of the board met in 2024.",
        "Series B investors hold 12.5 per cent.",
        "The model has 70 billion parameters.",
        # Several countries' currencies share these names: no currency beats a wrong one.
        "The bank lent 5 billion pesos.",
        "It lost some 32 mln marks in 1985.",
        # A spelled number is money only before a scale word.
        "Each holder gets one dollar and two euros.",
        "Someone million dollars richer.",
        "It sold two-thirds of the unit for cash.",
    ],
)
def test_numbers_that_are_not_money(text: str):
    assert find_amounts(text) == []


_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
_SCALES = {1e3: ["thousand", "k"], 1e6: ["million", "m", "mn", "mln"], 1e9: ["billion", "bn", "B"]}
_WORDS = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "CNY": "yuan"}


@given(
    units=st.integers(min_value=1, max_value=999),
    cents=st.integers(min_value=0, max_value=99),
    scale=st.sampled_from(sorted(_SCALES)),
    currency=st.sampled_from(sorted(_SYMBOLS)),
    data=st.data(),
)
def test_symbol_amounts_round_trip(units: int, cents: int, scale: float, currency: str, data):
    word = data.draw(st.sampled_from(_SCALES[scale]))
    space = data.draw(st.sampled_from(["", " "]))
    number = f"{units}.{cents:02d}" if cents else str(units)
    text = f"It raised {_SYMBOLS[currency]}{number}{space}{word} from investors."
    [money] = find_amounts(text)
    assert money.currency == currency
    assert money.value == pytest.approx(float(number) * scale)
    assert text[money.start : money.end] == money.text


@given(
    value=st.integers(min_value=1, max_value=10**12),
    currency=st.sampled_from(sorted(_WORDS)),
)
def test_grouped_numbers_with_currency_words_round_trip(value: int, currency: str):
    text = f"A deal worth {value:,} {_WORDS[currency]} was signed."
    [money] = find_amounts(text)
    assert (money.value, money.currency) == (value, currency)


# Spelled independently of the parser's own table (a test must not read the code's words).
_SPELLED = re.findall(
    r"\w+",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen",
)
_SPELLED_TENS = re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety")


def _spell(value: int) -> str:
    if value < 20:
        return _SPELLED[value - 1]
    tens, units = divmod(value, 10)
    return _SPELLED_TENS[tens - 2] + (f"-{_SPELLED[units - 1]}" if units else "")


@given(
    value=st.integers(min_value=1, max_value=99),
    scale=st.sampled_from(sorted(_SCALES)),
    currency=st.sampled_from(sorted(_WORDS)),
    capital=st.booleans(),
)
def test_spelled_numbers_round_trip(value: int, scale: float, currency: str, capital: bool):
    spelled = _spell(value)
    word = {1e3: "thousand", 1e6: "million", 1e9: "billion"}[scale]
    text = f"It paid {spelled.title() if capital else spelled} {word} {_WORDS[currency]} cash."
    [money] = find_amounts(text)
    assert (money.value, money.currency) == (pytest.approx(value * scale), currency)
    assert text[money.start : money.end] == money.text


@given(value=st.integers(min_value=1, max_value=10**7))
def test_indian_grouping_round_trips(value: int):
    digits = str(value)
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    written = ",".join([g for g in [head, *groups] if g] + [tail]) if len(digits) > 3 else digits
    [money] = find_amounts(f"Grant of ₹{written} approved.")
    assert money.value == value
