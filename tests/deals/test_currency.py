from __future__ import annotations

import datetime as dt

import pytest

from flows.deals.currency import to_usd


def test_usd_is_unchanged():
    assert to_usd(5e6, "USD", dt.date(2024, 1, 1)) == 5e6


def test_ecb_rate_on_a_weekday():
    # ECB reference rate on 2024-11-14: 1 EUR = 1.0530 USD.
    assert to_usd(1e9, "EUR", dt.date(2024, 11, 14)) == pytest.approx(1.053e9, rel=1e-3)


def test_weekend_uses_the_last_earlier_rate():
    saturday = to_usd(1e9, "EUR", dt.date(2024, 11, 16))
    friday = to_usd(1e9, "EUR", dt.date(2024, 11, 15))
    assert saturday == friday


def test_currency_missing_from_ecb_comes_from_the_repo_table():
    assert to_usd(3.6725e9, "AED", dt.date(2025, 1, 10)) == pytest.approx(1e9)
    assert to_usd(3.75e9, "SAR", dt.date(2025, 1, 10)) == pytest.approx(1e9)


def test_unknown_currency_has_no_usd_value():
    assert to_usd(1.0, "XYZ", dt.date(2025, 1, 1)) is None


def test_dates_before_the_ecb_data_have_no_usd_value():
    # A 1987 wire story in Australian dollars: 1999's rate would be a guess shown as a fact.
    assert to_usd(105e6, "AUD", dt.date(1987, 3, 2)) is None
    assert to_usd(105e6, "USD", dt.date(1987, 3, 2)) == 105e6
