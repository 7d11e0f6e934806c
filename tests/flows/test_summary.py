"""The run's markdown artifact: what an operator reads in the Prefect UI."""

from __future__ import annotations

from pathlib import Path

from flows.summary import price_text, run_markdown


def _deal(**fields: object) -> dict[str, object]:
    return {
        "kind": "acquisition",
        "investors": ["Broadcom"],
        "recipient": "Qualcomm",
        "recipient_kind": "company",
        "amount": None,
        "currency": "USD",
        "amount_usd": None,
        "round": None,
        "n_sources": 2,
        "announced_on": None,
        "price_per_share": None,
    } | fields


def test_a_bid_told_per_share_shows_its_price_per_share():
    text = run_markdown(
        "r1",
        "completed",
        {},
        [
            _deal(price_per_share=82.0),
            _deal(recipient="Embraer", amount=5.2e9, amount_usd=5.2e9, price_per_share=28.0),
            _deal(recipient="Wiz", amount=3.2e10, amount_usd=3.2e10),
        ],
        {"deals": 3},
        Path("ainews.duckdb"),
    )
    assert "| acquisition | Broadcom | Qualcomm | 82 USD a share | 2 |" in text
    assert "| Embraer | $5.2B (28 USD a share) |" in text
    assert "| Wiz | $32.0B | 2 |" in text


def test_price_text_never_makes_a_total_of_a_price_per_share():
    assert price_text(None, "USD", None, 70.0) == "70 USD a share"
    assert price_text(5.2e9, "USD", "about", 28.0) == "about 5.2bn USD (28 USD a share)"
    assert price_text(45e6, "USD") == "45m USD"
    assert price_text(None, None) == "—"
