"""Later mentions of a deal an article has already told: "AT&T believes that the proposed
acquisition could provide viewership data that Time Warner possesses", "Boeing's offer
values Embraer's ADRs at a discount". Each such sentence is kept as another mention of the
same deal, so an analyst sees every sentence that speaks of it; the load merges mentions
into one deal, so nothing is counted twice.

A sentence counts only when it holds no record of its own and either names both sides of
a deal found elsewhere in the article with a deal word, or restates that deal's money, with
a deal word, from its investor named or referred to ("The Farmington, Connecticut-based
company invested $10 billion to develop the engine"): precision first.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from flows.deals.context import REFERENCE
from flows.deals.deal import DealRecord
from flows.deals.entities import Entity, name_key
from flows.deals.money import Money, find_amounts, primary_amounts
from flows.deals.phrases import GOODS, share_price
from flows.deals.sentences import Sentence

_ACQUISITION_WORD = re.compile(
    r"\b(?:acquisitions?|acquir(?:e|es|ed|ing)|mergers?|merg(?:e|es|ed|ing)|deals?|takeovers?|"
    r"buyouts?|purchases?|offers?|bids?|combination|tie-up)\b",
    re.I,
)
_INVESTMENT_WORD = re.compile(
    r"\b(?:investments?|invest(?:s|ed|ing)?|stakes?|holdings?|backing|backed|funding|"
    r"financing|round|spen[dt]s?|spending|bet|commit(?:s|ted|ment)?|pledged?)\b",
    re.I,
)
# A mention says less than the sentence that told the deal, so it ranks below it; naming
# both sides, it is still sure enough not to be flagged.
MENTION_CONFIDENCE = 0.55


def mention_records(
    records: list[DealRecord],
    sentences: list[Sentence],
    entities_of: Callable[[str], list[Entity]],
    negated: Callable[[str], bool],
) -> list[DealRecord]:
    """One record per sentence that mentions again a deal of ``records`` between two named
    companies (or a named investor and company), copying that deal's parties and date."""
    told = [
        r
        for r in records
        if r.investors
        and r.kind in {"acquisition", "investment"}
        and r.confidence >= MENTION_CONFIDENCE
    ]
    if not told:
        return []
    with_record = {r.span_start for r in records}
    parties = {name_key(n) for r in told for n in [r.recipient, *r.investors]}
    out: list[DealRecord] = []
    for sentence in sentences:
        # A mention in a negated sentence would rank below what a sentence of its own keeps
        # (0.15): "Yahoo would have been spun off and sold to Verizon" adds nothing.
        if sentence.start in with_record or negated(sentence.text):
            continue
        orgs = [e for e in entities_of(sentence.text) if not e.is_place]
        names = {key for e in orgs for key in _keys(e, parties)}
        # Only a sentence with a figure can say a deal's money again.
        amounts = (
            primary_amounts(find_amounts(sentence.text)) if re.search(r"\d", sentence.text) else []
        )
        money = [(m.value, m.currency) for m in amounts]
        restated = next(
            (r for r in reversed(told) if money and _restates(sentence.text, r, orgs, money)),
            None,
        )
        if restated is not None:
            out.append(_mention_of(restated, sentence, amounts, keep_money=True))
            continue
        for record in reversed(told):  # the latest telling of a deal wins
            if record.recipient_kind != "company":
                continue
            target = name_key(record.recipient)
            buyers = {name_key(n) for n in record.investors} - {target}
            if target not in names or not names & buyers:
                continue
            named = [e for e in orgs if name_key(e.name) == target]
            if named and all(_GOODS_AFTER.match(sentence.text, e.end) for e in named):
                continue  # "sales of its Oculus headsets remain small": the goods, no deal
            word = _ACQUISITION_WORD if record.kind == "acquisition" else _INVESTMENT_WORD
            if any(
                _speaks_of(sentence.text, w, orgs, target, buyers)
                for w in word.finditer(sentence.text)
            ):
                out.append(_mention_of(record, sentence, amounts))
                break
    return out


# "its Oculus headsets", "Tesla cars": what a company makes, named for it
_GOODS_AFTER = re.compile(rf"\s+{GOODS}\b")


def _speaks_of(
    text: str, word: re.Match[str], orgs: list[Entity], target: str, buyers: set[str]
) -> bool:
    """The deal word is a word of the sentence, not part of a name ("MCV Holdings Inc"),
    and is said of this deal: "USAir's recent offer" is USAir's own bid, not TWA's offer
    for USAir; "the Bombardier-Airbus combination" and "a three-way merger between TWA,
    USAir and Piedmont" are other deals."""
    if any(e.start <= word.start() < e.end for e in orgs):
        return False
    parties = buyers | {target}
    if re.match(r"\s+(?:among|between)\s", text[word.end() :]) and any(
        e.start > word.end() and name_key(e.name) not in parties for e in orgs
    ):
        return False
    owner = next(
        (
            e
            for e in reversed(orgs)
            if e.end <= word.start() and _MODIFIES.fullmatch(text[e.end : word.start()])
        ),
        None,
    )
    if owner is None:
        return True
    if re.match(r"['’]", text[owner.end : word.start()]):
        return name_key(owner.name) in buyers  # "Boeing's offer": the buyer's own
    # "the Comdata stake": either side; "the AT&T-Time Warner merger": both
    keys = _keys(owner, parties)
    return bool(keys & parties) and keys - {name_key(owner.name)} <= parties


def _keys(entity: Entity, parties: set[str]) -> set[str]:
    """The name keys a name stands for: itself, and for two names joined by a hyphen as a
    headline or a deal's nickname writes them ("AT&T-Time Warner") each of the two; so too
    two sides of a deal the article told written side by side ("The AT&T Time Warner
    Deal"), which read as one name."""
    keys = {name_key(entity.name)}
    pair = _PAIR.fullmatch(entity.text)
    if pair is not None:
        keys |= {name_key(pair["left"]), name_key(pair["right"])}
    words = entity.text.split()
    for cut in range(1, len(words)):
        left, right = name_key(" ".join(words[:cut])), name_key(" ".join(words[cut:]))
        if left in parties and right in parties and left != right:
            keys |= {left, right}
    return keys


_PAIR = re.compile(
    r"(?P<left>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2})\s?[-–]\s?"
    r"(?P<right>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2})"
)


# Between a company and the deal word said of it: "'s recent", " -", "-", a word or two.
_MODIFIES = re.compile(r"(?:['’]s?)?(?:\s*-\s*|\s+)?(?:[a-z][\w-]*\s+){0,2}")


def _restates(
    text: str, record: DealRecord, orgs: list[Entity], money: list[tuple[float, str | None]]
) -> bool:
    """The sentence tells ``record``'s money again, by its investor named or referred to."""
    if (record.amount, record.currency) not in money:
        return False
    references = list(REFERENCE.finditer(text))
    # ("The Farmington, Connecticut-based company": the place names no company.)
    names = {
        name_key(e.name) for e in orgs if not any(r.start() < e.start < r.end() for r in references)
    }
    word = _ACQUISITION_WORD if record.kind == "acquisition" else _INVESTMENT_WORD
    parties = {name_key(n) for n in record.investors} | {name_key(record.recipient)}
    by_investor = bool(names & parties - {name_key(record.recipient)}) or bool(references)
    # "Snapchat CEO Evan Spiegel rebuffed a $3 billion takeover offer from Facebook": the
    # same sum from the same buyer for another company is another deal.
    return by_investor and not names - parties and bool(word.search(text))


def _mention_of(
    record: DealRecord, sentence: Sentence, amounts: list[Money], keep_money: bool = False
) -> DealRecord:
    # Unless the sentence says the money again, the amount stays with the sentence that
    # told it: a mention adds a sentence, not money.
    money = (
        {}
        if keep_money
        else {
            "amount": None,
            "amount_high": None,
            "currency": None,
            "amount_usd": None,
            "qualifier": None,
            "stake": None,
        }
    )
    price = share_price(sentence.text, amounts)
    if price is not None and keep_money and record.currency not in {None, price.currency}:
        price = None  # (one currency tells both the total and the price per share)
    elif price is not None:
        money["currency"] = price.currency
    return dataclasses.replace(
        record,
        evidence=sentence.text,
        span_start=sentence.start,
        span_end=sentence.start + len(sentence.text),
        confidence=MENTION_CONFIDENCE,
        # "Boeing and Embraer have agreed to a deal at $28 a share": a price the sentence
        # itself tells
        price_per_share=price.value if price is not None else None,
        **money,
    )
