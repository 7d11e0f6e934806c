"""A deal record as one sentence of one article states it."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from flows.deals import EXTRACTOR_VERSION
from flows.deals.money import Money

LOW_CONFIDENCE = 0.5  # below this a record is stored but flagged


@dataclass
class DealRecord:
    kind: str  # investment | valuation | acquisition | partnership
    recipient: str
    recipient_kind: str  # company | person | country | region | city | sector
    evidence: str
    span_start: int
    span_end: int
    investors: list[str] = field(default_factory=list)  # lead first
    lead_investors: list[str] = field(default_factory=list)
    # investments: funding_round | stake | equity | debt | infrastructure | sector | grant |
    # fund | ipo | cumulative; acquisitions: merger or none
    subtype: str | None = None
    amount: float | None = None
    amount_high: float | None = None
    currency: str | None = None
    amount_usd: float | None = None
    # A bid or purchase told per share ("$70 a share for Qualcomm"), in ``currency``: the
    # price an M&A analyst compares, kept apart from the total, which it never is.
    price_per_share: float | None = None
    qualifier: str | None = None
    round: str | None = None
    stake: float | None = None  # percent
    announced_on: dt.date | None = None
    confidence: float = 0.5
    is_ai: bool = False
    extractor_version: str = EXTRACTOR_VERSION

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["announced_on"] = self.announced_on.isoformat() if self.announced_on else None
        data["confidence"] = round(self.confidence, 2)
        data["low_confidence"] = self.confidence < LOW_CONFIDENCE
        return data


def amount_fields(money: Money) -> dict[str, Any]:
    return {
        "amount": money.value,
        "amount_high": money.high,
        "currency": money.currency,
        "qualifier": money.qualifier,
    }
