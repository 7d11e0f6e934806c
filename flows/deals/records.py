"""Deal records from article text: investments (funding rounds, stakes, infrastructure
pledges), valuations, acquisitions and partnerships, each with its evidence sentence.

Rules work per sentence, with a little article context for references such as "the
company" or "it" (the organisation the text is currently about). Precision comes first:
a record needs a named recipient, an amount must be bound to the event by position, and
hedged or negated sentences are stored with a low confidence or dropped.

This module runs the readers over each sentence and scores what they find; the readers
live beside it, one module per kind of construction (``acquisitions``, ``funding``,
``spending``, ``holdings``, ``valuations``), sharing ``context`` (who acts, what "it"
means) and ``phrases`` (objects, places, prices and investors around a trigger word).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from flows.deals.acquisitions import (
    ACQUIRE,
    REGULATOR,
    acquisition_records,
    acquisitions_including,
    answered_offer,
    bought_from,
    combined_unit,
    compound_acquisition,
    merger_of_two,
    paid_for,
    rival_bid,
    sale_record,
    sold_to,
    won_contest,
)
from flows.deals.context import (
    BACKER_ASIDE,
    CLOSED_RELATIVE,
    POSSESSOR,
    REFERENCE,
    Context,
    at_start,
    coordinated,
    first_after,
    note_affiliations,
    note_descriptions,
    subject_before,
)
from flows.deals.currency import to_usd
from flows.deals.dates import announced_on, date_told, tells_day
from flows.deals.deal import DealRecord, amount_fields
from flows.deals.entities import (
    ORG_WORDS,
    Entity,
    category_of,
    facility_place,
    find_entities,
    has_legal_form,
    is_function_word,
    is_headline,
    is_known,
    is_legal_form_word,
    is_person,
    is_place_name,
    is_us_place,
    name_key,
    same_company,
    vocabulary_of,
)
from flows.deals.funding import (
    AWARDED,
    DONATION,
    FUNDING,
    GIFT,
    GRANT_NOUN,
    INVEST,
    PROCEEDS,
    RAISED_OWN,
    UNPRICED_ROUND,
    backed_by_investment,
    earlier_round,
    funding_record,
    grant_record,
    investment_record,
    is_noun_use,
    joined_round,
    led_round,
    possessed_round,
    raise_before_money,
    recapitalisation,
    respective_investments,
    round_for,
    round_investors,
    round_record,
)
from flows.deals.holdings import (
    AMOUNT_STAKE,
    PERCENT_BOUGHT,
    STAKE,
    STAKE_OF,
    STAKE_TAKEN,
    debt_issue,
    holding_record,
    is_sold_holding,
    lending_record,
    percent_owned,
    stake_given,
    stake_in_which,
    stake_of_story,
    stake_record,
    standing_position,
)
from flows.deals.mentions import mention_records
from flows.deals.money import Money, find_amounts, primary_amounts
from flows.deals.phrases import (
    AUXILIARIES,
    IN_SENTENCE,
    LEAD,
    MONEY_PHRASE,
    PERCENT_SIGN,
    ROUND,
    investors_from,
    is_per_share,
    listed_after,
    share_price,
)
from flows.deals.sentences import Sentence, split_sentences, unwrap_lines
from flows.deals.spending import (
    field_spend,
    fronted_place_spend,
    new_vehicle,
    sector_investment,
)
from flows.deals.valuations import (
    DEAL_SIZE,
    is_holding_value,
    is_valuation_amount,
    valuation_subject,
)

_AI_TERMS = re.compile(
    r"\b(?:AI|A\.I\.|artificial intelligence|machine learning|deep learning|generative|"
    r"LLMs?|large language models?|foundation models?|neural|GPUs?|chatbots?|data cent(?:er|re)s?|"
    r"superintelligence|AGI|inference|model training|computer vision|robotics)\b",
    re.I,
)

_STAKES_IN = re.compile(r"\bstakes\s+(?:of\s+[^,;]{1,30}?\s+)?in\s+", re.I)

_SOLD_TO_RAISE = re.compile(
    r"\b(?:sold|sells?|selling|offloaded|divested)\s+(?:(?:a|an|its|part\s+of\s+its|some\s+of\s+its)"
    # (its own new shares sold raise money: "sold new shares to raise $5 million")
    r"\s+)?(?:[\w%.-]+\s+){0,4}?(?:stake|holding|interest|(?:shares|stock)\s+(?:in|of))\b"
    r"[^,;]{0,60}?(?:\s+to\s+raise"
    # ("has sold 10 million shares of Kodiak Gas Services Inc., raising about $300 million")
    r"|,\s+raising)$",
    re.I,
)

_HEDGE = re.compile(
    r"\b(?:in talks|talks to|considering|considers|could|might|(?-i:may)|reportedly|rumou?red|"
    # ("Microsoft and Xilinx also looked at buying Mellanox")
    r"(?:looked|looking|look|looks)\s+at\s+(?:buying|acquiring|investing|a\s+bid)|"
    r"(?:weighed|weighing|mulled|mulling|explored|exploring)\s+(?:a\s+)?(?:bid|offer|buying|"
    r"acquiring|investing|deal|sale|purchase)|"
    r"is said to|are said to|seeking|seeks|looking to|would|people familiar|"
    # ("has held internal discussions about acquiring Perplexity AI, Bloomberg News reported")
    r"(?:discussions?|talks|conversations)\s+(?:about|on|over)\s+(?:acquiring|buying|"
    r"investing|a\s+(?:deal|bid|takeover|merger|sale))|"
    r"(?:Bloomberg|Reuters|The\s+Information|the\s+Wall\s+Street\s+Journal|the\s+Financial\s+"
    r"Times|CNBC|TechCrunch|Semafor|Axios)(?:\s+News)?\s+(?:reported|said|reports)|"
    r"(?:sources|people|an?\s+(?:\w+\s+)?source)\s+(?:said|say|says|told)|"
    r"according\s+to\s+(?:sources|people|a\s+person|an?\s+(?:\w+\s+)?source|"
    # a newspaper's report is not the company's word: "according to Bloomberg"
    r"(?:a\s+|media\s+)?reports?|Bloomberg|Reuters|The\s+Information|the\s+Wall\s+Street\s+Journal|"
    r"the\s+Financial\s+Times|CNBC|TechCrunch))\b",
    re.I,
)

_AND_TOOK_STAKE = re.compile(
    r"\band\s+(?:has\s+|have\s+|had\s+|also\s+|later\s+)*(?:took|takes|take|taking|bought|buys|"
    r"acquired|acquires)\s+(?:an?\s+|its\s+)?(?:(?:minority|majority|small|\d+(?:\.\d+)?%)\s+)?"
    r"stake\s+in\b"
)

_WAY_FOR = re.compile(r",\s+(?:clearing|paving|opening)\s+the\s+(?:way|path)\s+for\s+")

_THAT_DEAL_FAILED = re.compile(
    r",?\s+but\s+(?:that|the|this|its)\s+(?:deal|bid|offer|agreement|merger|takeover|talks)\s+"
    r"(?:later\s+|eventually\s+|ultimately\s+)?(?:collapsed|fell\s+(?:through|apart)|broke\s+down|"
    r"was\s+(?:called\s+off|terminated|scrapped|abandoned|blocked|cancell?ed))\b"
)

_NEXT_PERCENT = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:(?:about|nearly|roughly|around|almost)\s+)?"
    rf"(?P<pct>\d+(?:\.\d+)?){PERCENT_SIGN}\s+of\s+(?:the\s+)?"
)

_INVESTED_BEFORE_BUYING = re.compile(
    r"\b(?:invested|invests|had\s+invested)\s+in\s+(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}),"
    r"\s+which\s+(?:it|they)\s+(?:\w+ly\s+|later\s+|then\s+|eventually\s+)*"
    r"(?:acquired|bought|took\s+over)\b"
)

_TRIED = re.compile(
    r"\b(?:tried|attempted|attempts|tries)\s+to\b"
    # ("Its attempt to acquire AstraZeneca", not "the government's attempt to block it")
    r"|\battempt\s+to\s+(?:acquire|buy|take\s+over|purchase|invest|merge)\b",
    re.I,
)

_NEGATION = re.compile(
    # ("Google, not to be outdone, will invest": an idiom, no denial)
    # ("the 18.4% of Avangrid it does not already own": what is left to buy)
    r"\b(?:not(?!\s+to\s+be\s+outdone)(?!\s+already\s+own)|no longer|never|denied|denies|"
    r"called off|scrapped|abandoned|pulled out|"
    r"walked away|terminated|cancell?ed|blocked|unsuccessfully|failed\s+(?:to|in)|at no time|"
    # ("had agreed to invest $1 billion last year but later suspended talks")
    # (not "halted trading")
    r"(?:suspended|shelved|halted)\s+(?:the\s+|its\s+|their\s+)?(?:talks|negotiations|deal|plans?|"
    r"bid|offer|investment|merger|acquisition)|"
    # "said on Sunday it had dropped its $143 billion bid for Unilever"
    r"(?:withdr(?:ew|awn)|dropped|dropping|drops)\s+(?:its|their|the|a)\s+(?:[\w$.,-]+\s+){0,4}?"
    r"(?:bid|offer|pursuit|approach|plan|deal)|"
    # ("agreed to a joint venture, ending Barrick's hostile $17.8 billion bid for Newmont")
    r"end(?:ed|ing|s)?\s+(?:its|their|the|(?-i:[A-Z])[\w&.]*['’]s?)\s+(?:[\w$.,-]+\s+){0,4}?"
    r"(?:bid|offer|pursuit|approach|takeover\s+attempt)|"
    # "stop Gruppo Ferruzzi buying a majority of British Sugar"
    # ("agreed last year to buy a stake in Interswitch before talks collapsed"; a bid that
    # failed was still made)
    # ("Cigna's own deal to merge with Anthem Inc. collapsed last year")
    r"(?:talks|negotiations|deal|bid|offer|merger|takeover)\b[^,;]{0,60}?\s(?:collapsed|"
    r"fell\s+(?:through|apart)|broke\s+down)|"
    # ("has no intention of making an offer for BP", "Shell cannot bid for BP")
    r"no\s+(?:intention|interest)\s+(?:of|in)\s+(?:making\s+an?\s+(?:offer|bid)|bidding|"
    r"buying|acquiring|investing|merging|selling)|cannot|can['’]t|won['’]t|"
    r"no plans?|stop(?:s|ped)?\s+(?:[A-Z][\w&.]*\s+){1,3}(?:from\s+)?[a-z]+ing|"
    # counterfactual: "if only Yahoo had bought Snapchat", "would have been sold to Verizon"
    r"if only|(?:would|could|should|might)\s+have\s+(?:been\s+)?\w+ed)\b",
    re.I,
)

_OTHER_CLAUSE = re.compile(r";|,\s+(?:but|while|whereas)\b")

_PARTNER = re.compile(
    r"\b(?:(?:partnership|partnered|partners|partnering|teamed up|teams up|team up|alliance|"
    # ("Microsoft signed a partnership agreement with Mistral AI"; a contract to supply or
    # buy, "a $10 billion cloud computing deal with Google", is no partnership)
    r"collaboration|tie-up|joined forces|joint venture)(?:\s+(?:agreement|deal|pact))?)\s+with\b"
    # ("a joint venture with an initial investment of": a partner is named after "with")
    r"(?=\s+(?:the\s+)?(?-i:[A-Z]))",
    re.I,
)


# "Mistral AI and Nvidia partnered to build", "X and Y have formed a partnership"
_PAIR_PARTNERED = re.compile(
    r"(?P<and>\s+(?:and|&)\s+)[^,;]{1,60}?\s+(?:have\s+|has\s+|had\s+|will\s+)?"
    r"(?:partnered|teamed up|joined forces|"
    # "Microsoft and Mistral AI announced a multi-year partnership", "signed a strategic
    # partnership agreement"
    r"(?:formed|announced|signed|struck|inked|entered\s+into|unveiled|agreed\s+to|launched|set\s+up|"
    r"expanded|extended|deepened)\s+(?:a|an|their|its)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:partnership|alliance|collaboration|tie-up|joint\s+venture))"
    # ("formed a joint venture with Honda" names the partner after "with"; "with an
    # initial investment of" does not)
    r"(?!\s+with\s+(?!(?:a|an|the|its|their)\s)(?-i:[A-Z]))",
    re.I,
)


def is_ai_text(title: str | None, body: str | None) -> bool:
    """An article is about AI when its headline says so or its body does more than once."""
    return bool(_AI_TERMS.search(title or "")) or len(_AI_TERMS.findall(body or "")) >= 2


def extract_records(
    text: str, published: dt.date | None = None, title: str | None = None
) -> list[DealRecord]:
    """Every deal record in an article's text (title not included in spans)."""
    text = unwrap_lines(text)
    context = Context(vocabulary=vocabulary_of(text))
    # An all-capitals wire headline ("SCOTT'S HOSPITALITY ACQUIRES") hides which words are
    # names; the body says it better.
    if title and not title.isupper():
        orgs = [e for e in find_entities(title, context.vocabulary) if not e.is_place]
        if orgs:
            context.mention(orgs[0], weight=2.0)
    records: list[DealRecord] = []
    sentences = split_sentences(text)
    # Names found once per sentence: the mentions pass reads the same sentences again.
    entities_of: dict[str, list[Entity]] = {}
    for sentence in sentences:
        entities = find_entities(sentence.text, context.vocabulary)
        entities_of[sentence.text] = entities
        records.extend(
            _extract_clauses(sentence.text, sentence.start, published, context, entities)
        )
    records = _drop_vaguer(_dedupe(_correct_parties(_drop_small_valuations(records))))
    # (after the merge of a sentence's readings, which would take two investors' equal
    # sums for one reading told twice)
    records = [part for record in records for part in _split_joint(record, published)]
    _mark_boilerplate_totals(records, sentences)
    records = _priced_after(records, sentences, published)
    records = _stake_priced(records, sentences, published)
    records += mention_records(
        records,
        sentences,
        lambda text: (
            entities_of[text] if text in entities_of else find_entities(text, context.vocabulary)
        ),
        lambda text: bool(_NEGATION.search(text)),
    )
    records.sort(key=lambda r: r.span_start)
    # (a headline runs words together: "Will The AT&T Time Warner Deal Go Through?", and
    # an opening line without a full stop is one: "AbbVie Overpromises")
    _use_full_names(
        records,
        [
            e
            for i, (text, found) in enumerate(entities_of.items())
            if not is_headline(text) and not (i == 0 and not re.search(r"[.!?\"”’)]$", text))
            for e in found
        ],
    )
    _mark_ai_recipients(records, [s.text for s in sentences])
    _place_georgia(records, [e for found in entities_of.values() for e in found])
    return records


def _place_georgia(records: list[DealRecord], entities: list[Entity]) -> None:
    """ "Rivian will build a $5 billion plant in Georgia" in a story that also names
    Atlanta or another state: the US state, not the country."""
    if any(e.is_place and e.name != "Georgia" and is_us_place(e.name) for e in entities):
        for record in records:
            if record.recipient == "Georgia" and record.recipient_kind == "country":
                record.recipient_kind = "region"


# "Cognition agreed to acquire Windsurf. The deal is valued at about $3 billion.": the price
# of the deal the sentence before told without one (valuations.DEAL_SIZE).


_SIZE_HEDGED = re.compile(
    r"\W*(?:The|That|This|Its)\s+(?:deal|transaction|investment|financing|stake)\s+"
    r"(?:could|would|may|might|is\s+expected\s+to|is\s+set\s+to)\s+(?:\w+\s+)?(?=exceed\b)",
    re.I,
)


_INVESTMENT_NOUN = re.compile(
    r"\W*(?:The|That|This|Its)\s+(?:investment|stake|deal|transaction)\b", re.I
)


def _retold(record: DealRecord, sentence: Sentence, **changes: Any) -> DealRecord:
    """``record`` told again by ``sentence`` (its evidence and span), with ``changes``."""
    return replace(
        record,
        evidence=sentence.text,
        span_start=sentence.start,
        span_end=sentence.start + len(sentence.text),
        **changes,
    )


def _priced_after(
    records: list[DealRecord], sentences: list[Sentence], published: dt.date | None
) -> list[DealRecord]:
    """The records with, for a sentence that only prices the purchase told just before, a
    record of that purchase at the price (the load merges the two into one deal)."""
    out: list[DealRecord] = []
    with_record = {r.span_start for r in records}
    replaced: set[int] = set()
    for i, sentence in enumerate(sentences):
        priced = DEAL_SIZE.match(sentence.text) or _SIZE_HEDGED.match(sentence.text)
        if priced is None:
            continue
        # ("The deal values Windsurf at about $3 billion" is read as Windsurf's valuation
        # alone; after "agreed to acquire Windsurf" it is the purchase's price)
        own = [r for r in records if r.span_start == sentence.start]
        valued = [r for r in own if r.kind == "valuation"]
        if sentence.start in with_record and len(valued) != len(own):
            continue
        hedged = priced.re is _SIZE_HEDGED
        money = next(
            (
                m
                for m in primary_amounts(find_amounts(sentence.text))
                if m.start == priced.end() and m.value >= 1000
            ),
            None,
        )
        told = [
            r
            for r in records
            if (
                r.kind == "acquisition"
                # "Meta is in talks to make a multibillion-dollar investment in Scale AI. The
                # financing could exceed $10 billion."; "Amazon agreed to buy a 49% stake in
                # Future Coupons. The investment was valued at about $200 million."
                or (
                    (hedged or _INVESTMENT_NOUN.match(sentence.text))
                    and r.kind == "investment"
                    and r.subtype in {"equity", "stake"}
                )
            )
            and r.investors
            and r.amount is None
            and i > 0
            and sentences[max(0, i - 2)].start <= r.span_start < sentence.start
        ]
        named = priced.groupdict().get("named")
        stake = next(
            (
                r
                for r in reversed(records)
                if r.kind == "investment"
                and r.subtype == "stake"
                and r.stake is not None
                and r.stake < 100
                and i > 0
                and sentences[max(0, i - 2)].start <= r.span_start < sentence.start
            ),
            None,
        )
        if (
            money is not None
            and stake is not None
            and not own
            and named
            and not hedged
            and REFERENCE.fullmatch(named.strip())
        ):
            # "Walmart will buy a 77% stake in Flipkart for $16 billion. The deal values the
            # Bengaluru-based company at $20.8 billion": a part bought values the whole
            out.append(
                _retold(
                    stake,
                    sentence,
                    kind="valuation",
                    subtype=None,
                    investors=[],
                    lead_investors=[],
                    stake=None,
                    round=None,
                    confidence=0.7,
                    price_per_share=None,
                    amount_usd=to_usd(money.value, money.currency, published or stake.announced_on),
                    **amount_fields(money),
                )
            )
            continue
        if money is None or not told:
            continue
        deal = told[-1]
        if named and not same_company(named.strip(), deal.recipient):
            continue  # ("The deal values Embraer's ADRs at": not the company bought)
        if any(not same_company(r.recipient, deal.recipient) for r in valued):
            continue
        replaced |= {id(r) for r in valued}
        out.append(
            _retold(
                deal,
                sentence,
                confidence=0.45 if hedged else 0.7,
                price_per_share=None,
                amount_usd=to_usd(money.value, money.currency, published or deal.announced_on),
                **amount_fields(money),
            )
        )
    return [r for r in records if id(r) not in replaced] + out


# "paid about $300 million for a stake of roughly 15%", "paid around $200 million for
# roughly 20% of the company", "having paid $1 billion for the stake": the price of a stake
# whose company the sentence does not name again.
_PAID_WORD = re.compile(r"\b(?:paid|pays|paying|pay|invested|spent)\b", re.I)
_PAID_BEFORE = re.compile(
    r"\b(?:paid|pays|paying|pay|invested|spent)\s+(?:(?:about|around|roughly|some|nearly|"
    r"more\s+than|over|almost|just\s+over|just\s+under)\s+)?$",
    re.I,
)
_PCT = (
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?"
    r"(?P<{}>\d+(?:\.\d+)?)" + PERCENT_SIGN
)
# "paying $1.58 billion to raise its stake to 75%": a holding told before, raised
_RAISED_TO = re.compile(
    r"\s+to\s+(?:raise|increase|lift|boost|take)\s+(?:its|their)\s+(?:stake|holding|ownership)\s+"
    r"(?:in\s+(?:the\s+)?(?:company|startup|firm|business)\s+)?to\s+" + _PCT.format("raised")
)
_FOR_PART = re.compile(
    r"\s+for\s+(?:"
    rf"(?:an?|the|its)\s+(?:{_PCT.format('a')}\s+)?(?:minority\s+|majority\s+)?stake"
    rf"(?:\s+of\s+{_PCT.format('b')})?"
    rf"|{_PCT.format('c')}\s+of\s+(?:the\s+(?:company|startup|firm|business|group)|it)"
    r")(?!\w)(?!\s+(?:in|of)\s+(?-i:[A-Z]))",
    re.I,
)


def _venture_stake(
    records: list[DealRecord], sentence: Sentence, money: Money, pct: str | None
) -> DealRecord | None:
    """ "Boeing and Embraer agreed to form a joint venture ..., with Boeing paying $3.8
    billion for an 80% stake": the payer's stake in the venture the sentence forms."""
    payer = _PAYER.search(sentence.text, 0, money.start)
    if payer is None or "joint venture" not in sentence.text.lower():
        return None
    formed = next(
        (r for r in records if r.kind == "partnership" and r.span_start == sentence.start), None
    )
    if formed is None:
        return None
    sides = [*formed.investors, formed.recipient]
    investor = next((n for n in sides if same_company(n, payer["payer"])), None)
    if investor is None:
        return None
    name = "-".join(sides) + " joint venture"
    return replace(
        formed,
        kind="investment",
        subtype="stake",
        recipient=name,
        recipient_kind="company",
        investors=[investor],
        lead_investors=[],
        stake=float(pct) if pct else None,
        confidence=0.7,
        amount_usd=to_usd(money.value, money.currency, formed.announced_on),
        **amount_fields(money),
    )


_PAYER = re.compile(
    r"\bwith\s+(?P<payer>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:paying|to\s+pay)\s+"
    r"(?:(?:about|around|roughly|some|nearly)\s+)?$"
)


def _stake_priced(
    records: list[DealRecord], sentences: list[Sentence], published: dt.date | None
) -> list[DealRecord]:
    """The stake a sentence prices without naming its company again: the unpriced stake of
    the same sentence takes the price; else a record of the stake told in the two sentences
    before, at the price (the load merges the two into one deal)."""
    out: list[DealRecord] = []
    for i, sentence in enumerate(sentences):
        if not _PAID_WORD.search(sentence.text):
            continue  # (most sentences: no money parsed again)
        for money in primary_amounts(find_amounts(sentence.text)):
            raised = _RAISED_TO.match(sentence.text, money.end)
            if raised is not None and _PAID_BEFORE.search(sentence.text[: money.start]):
                # "Disney later exercised the option, paying $1.58 billion to raise its stake
                # to 75%": the same holding, bigger, at its own price
                earlier = sentences[max(0, i - 2)].start
                before = [
                    r
                    for r in records
                    if r.kind == "investment"
                    and r.subtype in {"stake", "equity"}
                    and r.investors
                    and earlier <= r.span_start < sentence.start
                ]
                if before and not any(r.span_start == sentence.start for r in records):
                    out.append(
                        _retold(
                            before[-1],
                            sentence,
                            confidence=0.7,
                            subtype="stake",
                            stake=float(raised["raised"]),
                            announced_on=published or before[-1].announced_on,
                            amount_usd=to_usd(money.value, money.currency, published),
                            **amount_fields(money),
                        )
                    )
                break
            part = _FOR_PART.match(sentence.text, money.end)
            if part is None or not _PAID_BEFORE.search(sentence.text[: money.start]):
                continue
            pct = next((part[g] for g in "abc" if part[g]), None)
            earlier = sentences[max(0, i - 2)].start
            held = [
                r
                for r in records
                if r.kind == "investment"
                and r.subtype in {"stake", "equity"}
                and r.investors
                and r.amount is None
                and earlier <= r.span_start <= sentence.start
            ]
            if not held:
                venture = _venture_stake(records, sentence, money, pct)
                if venture is not None:
                    out.append(venture)
                    break
                continue
            stake = held[-1]
            fields = amount_fields(money) | {
                "amount_usd": to_usd(money.value, money.currency, published or stake.announced_on),
                "stake": float(pct) if pct else stake.stake,
            }
            if stake.span_start == sentence.start:
                # "Celgene already owns about 10% of Juno, having paid $1 billion for the stake"
                for key, value in fields.items():
                    setattr(stake, key, value)
                stake.confidence = max(stake.confidence, 0.8)
            elif not any(r.span_start == sentence.start for r in records):
                out.append(
                    _retold(
                        stake,
                        sentence,
                        confidence=0.7,
                        subtype="stake",
                        **fields,
                    )
                )
            break
    return records + out


# A press release's closing section ("About Nexa Health"), and what it says of money
# raised: "The company has raised more than $650 million from investors including ...".
_ABOUT_HEADING = re.compile(r"About\s+(?:the\s+)?[A-Z][^.!?]{0,60}")
_HAS_RAISED = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:raised|secured|received)\b")


def _mark_boilerplate_totals(records: list[DealRecord], sentences: list[Sentence]) -> None:
    """Money a company "has raised" in the "About" section of a press release is its
    funding to date, not the round the release announces: flagged as a running total."""
    about = next((s.start for s in sentences if _ABOUT_HEADING.fullmatch(s.text)), None)
    if about is None:
        return
    for record in records:
        if (
            record.span_start > about
            and record.kind == "investment"
            and record.subtype == "funding_round"
            and _HAS_RAISED.search(record.evidence)
        ):
            record.subtype = "cumulative"
            record.confidence = min(record.confidence, 0.45)


def _use_full_names(records: list[DealRecord], entities: list[Entity]) -> None:
    """ "The round values Halcyon at $2.1 billion", "led by Lux in March 2024": a short name
    of a company the article names in full elsewhere ("Halcyon Robotics", "Lux Capital")
    is written in full, so one company is one name in the deals table. A gazetteer name is
    already canonical; a short name two longer names start with is left alone."""
    first_seen: dict[str, int] = {}
    for i, e in enumerate(entities):
        if not e.is_place:
            first_seen.setdefault(e.name, i)

    def completes(name: str, longer: str) -> bool:
        rest = longer.split()[len(name.split()) :]
        return (
            len(longer.split()) > len(name.split())
            and same_company(name, longer)
            # Named in full before it is shortened, as news writes a name; a longer name
            # seen only after the short one is another body ("Disney", then "Disney World";
            # "Duke Energy", then "Duke Energy Foundation").
            and first_seen[longer] < first_seen.get(name, len(entities))
            # ("AT&T Time Warner", "Kinder Morgan KMI", "Net-a-Porter The Italian": two
            # names, a ticker or a headline run together)
            # ("Corvane" for "Corvane AI": "AI" is a part of names, not a ticker)
            and not any(
                (w.isupper() and w != "AI") or is_function_word(w) or is_known(w) for w in rest
            )
        )

    def initials_of_earlier(name: str) -> bool:
        # "General Motors Co. ... GM will also invest": initials stand for the name in full,
        # not for "GM Cruise Holdings", which starts with them
        if not re.fullmatch(r"[A-Z]{2,5}", name):
            return False
        spelled = {
            name_key(n)
            for n in first_seen
            if first_seen[n] < first_seen.get(name, len(entities))
            and "".join(w[0] for w in name_key(n).split()).upper() == name
            and len(name_key(n).split()) == len(name)
        }
        return len(spelled) == 1

    # ("Parent Siemens AG, which owns 79% of Healthineers", beside "Siemens Healthineers
    # AG": a name written with its legal form is a company of its own)
    formal = {e.name for e in entities if not e.is_place and has_legal_form(e.text)}

    def full(name: str) -> str:
        # ("Qatar has pledged to invest $500 billion", then "Qatar Airways": the country)
        if is_known(name) or name in formal or is_place_name(name):
            return name
        if initials_of_earlier(name):
            # (left as written: a reader, and a search for "GM", finds the initials)
            return name
        longer = {name_key(n): n for n in first_seen if completes(name, n)}
        return next(iter(longer.values())) if len(longer) == 1 else name

    for record in records:
        if record.recipient_kind in {"company", "person"}:
            record.recipient = full(record.recipient)
        record.investors = list(dict.fromkeys(full(n) for n in record.investors))
        record.lead_investors = list(dict.fromkeys(full(n) for n in record.lead_investors))


_FUNDING_TOLD = re.compile(
    r"\s+(?:in\s+)?(?:new\s+|fresh\s+|additional\s+)?(?:funding|financing)\b(?!\s+(?:for|to)\b)"
)


# Where a sentence joins two deals, each with its own subject: "the U.S. government took a
# 9.9% stake in Intel, and after SoftBank agreed to invest $2 billion in the company", or
# with the sentence's subject shared: "Acme raised $5 million, and plans to buy Delta".
_CLAUSE_BREAK = re.compile(
    r"(?:,\s+|;\s+)(?:and\s+|while\s+|but\s+|whereas\s+)?(?:after\s+|then\s+|later\s+)?"
)
_SHARED_VERB = re.compile(rf"(?<=and\s){AUXILIARIES}")
_RELATIVE_DEAL = re.compile(
    r",\s+(?:which|who)\s+(?P<told>(?P<object>(?-i:[A-Z][\w.&-]*)(?:\s+[A-Z][\w.&-]*){0,2}\s+)?"
    # ("Mistral, which was valued at $6 billion last year, is now seeking")
    r"(?:(?:has|had|was|were|been|also|recently|previously|last)\s+)*(?-i:[a-z]+(?:ed|ght|t))\b"
    r"[^,;]+),\s+"
)
_DEAL_VERB = re.compile(
    rf"{ACQUIRE.pattern}|{INVEST.pattern}|{STAKE_TAKEN.pattern}|"
    r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|sold|sells?|selling)\b|"
    # "... and Warren Buffett's company reported a new $1.6 billion stake in Teva"
    r"\b(?:disclos|report|reveal)(?:e|es|ed|ing|s)?\s+an?\s+(?:new\s+)?\S*\d\S*\s+"
    r"(?:(?:million|billion|bn|mln)\s+)?(?:stake|position|holding)\b",
    re.I,
)


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    subject: Entity | None = None  # the sentence's subject, when the clause shares it


def _clauses(sentence: str, entities: list[Entity]) -> list[_Clause]:
    """The clauses of a sentence that tell deals of their own (the whole if not)."""
    opening = next((e for e in entities if at_start(sentence, e) and not e.is_place), None)
    relative = _RELATIVE_DEAL.match(sentence, opening.end) if opening is not None else None
    if (
        relative is not None
        and find_amounts(relative.group("told"))
        and find_amounts(sentence[relative.end() :])
    ):
        # "Figure, which raised $675 million in February 2024, is now seeking $1.5 billion":
        # the deal told in passing and the sentence's own, each with its subject and date
        # ("OpenAI, which Microsoft has backed with $13 billion, raised $6.6 billion": in
        # a clause with a subject of its own the opening name is the object, not said again)
        told_by = None if relative.group("object") else opening
        return [
            _Clause(relative.start("told"), relative.end("told"), told_by),
            _Clause(relative.end(), len(sentence), opening),
        ]
    cuts: list[_Clause] = [_Clause(0, len(sentence))]
    written: list[Money] | None = None  # the sentence's amounts, read once when needed
    for brk in _CLAUSE_BREAK.finditer(sentence):
        # ("..., while the Vision Fund will invest $333 million")
        subject = first_after(brk.end(), entities, places=True)
        if subject is not None and not re.fullmatch(
            r"(?:the\s+)?", sentence[brk.end() : subject.start]
        ):
            subject = None
        shared = None
        if subject is None and not re.match(
            r"(?:the|The)\s+(?:[A-Z][\w.]*\s+)?government\b", sentence[brk.end() :]
        ):
            verb_at = _SHARED_VERB.match(sentence, brk.end())
            if opening is None or verb_at is None or not brk.group(0).rstrip().endswith("and"):
                continue
            if not _DEAL_VERB.match(sentence, verb_at.end()):
                continue
            shared = opening
        left, right = sentence[cuts[-1].start : brk.start()], sentence[brk.end() :]
        # (a verb's word inside a name is no verb: "Denso Corp. and SoftBank's Vision Fund")
        # (only a verb within a few words counts, below: the search stops there)
        verb = next(
            (
                v
                for v in _DEAL_VERB.finditer(right, 0, min(len(right), 120))
                if not any(e.start <= brk.end() + v.start() < e.end for e in entities)
                # ("and Kestrel's growth fund": a noun after a possessive or article; "and
                # Warren Buffett's company reported": a verb in the past tense is none)
                and not (
                    not re.search(r"(?:ed|sold|bought|took)\b", v.group(0).split()[0], re.I)
                    and re.search(
                        r"(?:['’]s|\b(?:a|an|the|its|their))\s+(?:[\w-]+\s+){0,2}$",
                        right[max(0, v.start() - 40) : v.start()],
                        re.I,
                    )
                )
            ),
            None,
        )
        if verb is not None and written is None:
            written = find_amounts(sentence)
        if (
            verb is None
            # ("Humain, backed by the Public Investment Fund, and AMD will invest": the
            # aside tells no deal of its own)
            or not _DEAL_VERB.search(BACKER_ASIDE.sub("", left))
            or not any(m.start >= cuts[-1].start for m in written or [])
            # the subject acts in the clause: its verb comes within a few words
            or not re.fullmatch(r"[^,;]{0,60}", right[: verb.start()])
        ):
            continue
        cuts[-1] = _Clause(cuts[-1].start, brk.start(), cuts[-1].subject)
        cuts.append(_Clause(brk.end(), len(sentence), shared))
    return cuts


def _extract_clauses(
    sentence: str,
    offset: int,
    published: dt.date | None,
    context: Context,
    entities: list[Entity],
) -> list[DealRecord]:
    clauses = _clauses(sentence, entities)
    if len(clauses) == 1:
        return _extract_sentence(sentence, offset, published, context, entities)
    records: list[DealRecord] = []
    for clause in clauses:
        text = sentence[clause.start : clause.end].rstrip(" ,;")
        same = _same_recipient(text, records[-1], entities, clause.start) if records else None
        if same is not None:
            # "Amazon has committed $8 billion to Anthropic, and Google has invested about $3
            # billion": the second investor's sum goes where the first one's went
            same.evidence = sentence
            if same.amount is not None and same.currency:
                same.amount_usd = to_usd(same.amount, same.currency, published or same.announced_on)
            same.span_start, same.span_end = offset, offset + len(sentence)
            records.append(same)
            continue
        prefix = f"{clause.subject.text} " if clause.subject is not None else ""
        shift = len(prefix) - clause.start
        shifted = [
            replace(e, start=e.start + shift, end=e.end + shift)
            for e in entities
            if clause.start <= e.start and e.end <= clause.start + len(text)
        ]
        if clause.subject is not None:
            shifted.insert(0, replace(clause.subject, start=0, end=len(clause.subject.text)))
        for record in _extract_sentence(prefix + text, offset, published, context, shifted):
            # the evidence is the whole sentence, as a reader would quote it
            record.evidence = sentence
            record.span_start, record.span_end = offset, offset + len(sentence)
            records.append(record)
    return records


_ELLIPTIC_INVESTMENT = re.compile(
    r"(?:has|have|had)\s+(?:also\s+)?(?:invested|committed|pledged|put\s+in|poured\s+in|"
    r"contributed)\s+(?:(?:about|some|nearly|roughly|around|more\s+than|over|another|"
    r"a\s+further)\s+)?$"
)


def _same_recipient(
    text: str, before: DealRecord, entities: list[Entity], start: int
) -> DealRecord | None:
    """A clause that tells only who invested how much, of the record told just before."""
    subject = next((e for e in entities if e.start == start and not e.is_place), None)
    amounts = find_amounts(text)
    if (
        subject is None
        or len(amounts) != 1
        or before.kind != "investment"
        or before.recipient_kind != "company"
        or before.amount is None
        or same_company(subject.name, before.recipient)
        or any(same_company(subject.name, n) for n in before.investors)
        or not re.fullmatch(r"\s*\.?", text[amounts[0].end :])
        or not _ELLIPTIC_INVESTMENT.fullmatch(text, len(subject.text) + 1, amounts[0].start)
        or text[len(subject.text) : len(subject.text) + 1] != " "
    ):
        return None
    return replace(
        before,
        investors=[subject.name],
        lead_investors=[],
        **amount_fields(amounts[0]),
        amount_usd=None,
    )


def _mark_ai_recipients(records: list[DealRecord], sentences: list[str]) -> None:
    """A company the article describes with AI terms anywhere ("Kestrel builds chatbots for
    banks") is an AI recipient in every record, not only where its deal sentence says so:
    "The round values the company at $410 million" is as much about AI as the round."""
    companies = {r.recipient for r in records if r.recipient_kind == "company"}
    described = {r.recipient for r in records if r.is_ai and r.recipient_kind == "company"}
    for sentence in sentences:
        if companies - described and _AI_TERMS.search(sentence):
            described |= {name for name in companies if name in sentence}
    for record in records:
        if record.recipient in described:
            record.is_ai = True


# "Investors who bought $1,000 of Netflix stock ten years ago would now have", "If you had
# invested $1,000 in Netflix": a reader's sum, not a deal
_READER_BUYS = re.compile(
    r"\b(?:(?:investors|anyone|someone|those|people|shareholders)\s+who\s+(?:had\s+)?|"
    # ("If you invest $10,000 in Nvidia today": the reader, now or then)
    r"(?:if|when)\s+you\s+(?:had\s+)?|had\s+you\s+|you\s+(?:would\s+|could\s+)?)"
    r"(?:bought|invested|put|purchased|invest|buy|purchase)\s+"
    r"(?:just\s+|only\s+)?$",
    re.I,
)


# What a holding gained or lost is no money put in: "Microsoft lost $3 billion on its
# investment in Nokia", "wrote down its investment in WeWork by $4.6 billion", "a $10 billion
# gain on its Uber stake"
_VALUE_CHANGE_BEFORE = re.compile(
    r"\b(?:lost|loses|losing|lose|(?:wrote|writes|writing|written|write)\s+(?:down|off)|"
    r"impaired|marked\s+down)\s+$"
    r"|\b(?:wrote|writes|written|write|marked|marks)\s+(?:down|up|off)\b"
    + IN_SENTENCE
    + r"{0,80}\bby\s+$",
    re.I,
)
_VALUE_CHANGE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:gains?|loss(?:es)?|write-?downs?|writedowns?|impairments?|"
    r"write-?offs?|(?:impairment\s+)?charges?)\b(?!\s+(?:in|into)\b)",
    re.I,
)


_BACKED_WITH = re.compile(
    rf",?\s+backed\s+by\s+(?:a\s+|an\s+)?(?P<money>{MONEY_PHRASE})"
    r"(?:(?:equity|preferred|cash|debt)\s+)?(?:investment|commitment|financing|loan|injection)\s+"
    r"from\s+(?:the\s+)?",
    re.I,
)


def _bid_backing(sentence, main, orgs, amounts, make) -> list[DealRecord]:
    backed = _BACKED_WITH.search(sentence)
    if backed is None:
        return []
    money = next((m for m in amounts if m.start == backed.start("money")), None)
    backer = next((e for e in orgs if e.start == backed.end()), None)
    owned = (
        next((e for e in orgs if e.start == backer.end + len(own.group(0))), None)
        if backer is not None and (own := re.match(r"['’]s?\s+", sentence[backer.end :]))
        else None
    )
    backer = owned or backer  # "from Warren Buffett's Berkshire Hathaway": the company
    bidder = next((e for e in orgs if e.name == main.investors[0]), None)
    # ("Chevron walked away from its deal after Occidental made a richer offer backed by a
    # $10 billion investment from Berkshire": the one who made the offer backed)
    offerer = next(
        (
            e
            for e in reversed(orgs)
            if e.end <= backed.start()
            and not e.is_place
            and re.match(
                r"\s+(?:\w+\s+){0,2}?(?:made|offered|submitted|launched|put\s+forward)\b"
                r"[^,;]{0,60}?\b(?:offer|bid|proposal)\b[^,;]{0,30}$",
                sentence[e.end : backed.start()],
            )
        ),
        None,
    )
    bidder = offerer or bidder
    if money is None or backer is None or bidder is None or same_company(backer.name, bidder.name):
        return []
    subtype = "debt" if re.search(r"\b(?:debt|loan)\b", backed.group(0), re.I) else "equity"
    return [
        make(
            "investment",
            bidder,
            subtype=subtype,
            investors=[backer.name],
            lead_investors=[],
            confidence=0.75,
            **amount_fields(money),
        )
    ]


def _extract_sentence(
    sentence: str,
    offset: int,
    published: dt.date | None,
    context: Context,
    entities: list[Entity],
) -> list[DealRecord]:
    orgs = [e for e in entities if not e.is_place]
    # Below a thousand units an amount is a price ("raised its offer to 7.50 dlrs from six"),
    # never what a deal or a company is worth.
    written = primary_amounts(find_amounts(sentence))
    amounts = [m for m in written if m.value >= 1000]
    out: list[DealRecord] = []
    date = announced_on(sentence, published)

    valuation_amounts = [m for m in amounts if is_valuation_amount(sentence, m)]
    # "raised its offer to 8.5 dlrs a share": a price per share is never a deal's amount,
    # nor is a rate ("for every $1000 invested in a room").
    event_amounts = [
        m
        for m in amounts
        if m not in valuation_amounts
        and not is_per_share(sentence, m)
        and not re.search(r"\b(?:for\s+every|every|per)\s+$", sentence[: m.start])
        and not is_holding_value(sentence, m)
        and not _READER_BUYS.search(sentence[: m.start])
        and not _VALUE_CHANGE_BEFORE.search(sentence[: m.start])
        and not _VALUE_CHANGE_AFTER.match(sentence, m.end)
    ]
    # "SoftBank sold its entire $5.8 billion stake in Nvidia to fund its investments in
    # OpenAI": the price of a holding given up is a deal only for whoever buys it.
    sale_amounts = event_amounts
    event_amounts = [m for m in event_amounts if not is_sold_holding(sentence, m)]

    def make(kind: str, recipient: Entity, when: str | None = None, **fields: Any) -> DealRecord:
        """A record of the sentence; ``when``, a clause of it that tells its own event (a
        purchase in a relative clause), dates the record instead of the whole sentence."""
        record = DealRecord(
            kind=kind,
            recipient=recipient.name,
            recipient_kind=(
                recipient.kind
                if recipient.kind != "org"
                else "person"
                if is_person(sentence, recipient)
                else "company"
            ),
            evidence=sentence,
            span_start=offset,
            span_end=offset + len(sentence),
            announced_on=date if when is None else date_told(when, published) or published,
            **fields,
        )
        record.is_ai = bool(_AI_TERMS.search(sentence)) or _is_ai_org(record.recipient)
        if record.amount is not None and record.currency:
            # USD at the article's date: the rate a reader of the story would have seen.
            record.amount_usd = to_usd(record.amount, record.currency, published or date)
        return record

    main: DealRecord | None = None
    acquire = ACQUIRE.search(sentence)
    # ("ASML invested €1.3 billion in the round and will take a stake of about 11% in
    # Mistral": with a sum, the investment is the sentence's deal)
    # ("a stake of just under 3% in EssilorLuxottica, ..., worth about 3 billion euros": a
    # holding's worth is no sum invested)
    invested_sums = [m for m in event_amounts if not re.search(r"\bworth\s+$", sentence[: m.start])]
    stake = STAKE.search(sentence) or (None if invested_sums else STAKE_OF.search(sentence))
    funding = None
    if not acquire:
        # ("Nexa Health announced it raised $20 million": the raising verb, not the telling)
        verbs = list(FUNDING.finditer(sentence))
        told = [v for v in verbs if not v.group(0).lower().startswith("announc")]
        funding = ((told or verbs)[0] if verbs else None) or raise_before_money(
            sentence, event_amounts
        )
        # (only in the raising clause: "...; it had $10 million in revenue" is another)
        clause = _OTHER_CLAUSE.search(sentence, funding.end()) if funding else None
        if funding and PROCEEDS.search(
            sentence[: clause.start() if clause else None], funding.end()
        ):
            funding = None  # "could raise $13 billion by selling assets": proceeds, not funding
        if funding and _SOLD_TO_RAISE.search(
            sentence, max(0, funding.start() - 120), funding.end()
        ):
            # "sold a stake of about 11% in Siemens Healthineers to raise about 2.2 billion
            # euros": the proceeds of a holding sold
            funding = None
        if funding and RAISED_OWN.match(sentence, funding.end()):
            funding = None  # "raised its investment to $5 billion": its own figure, not money in
    # ("said global investment firm KKR will invest": a firm's description is no deal)
    invest = next((m for m in INVEST.finditer(sentence) if not is_noun_use(sentence, m)), None)
    gift = bool(GIFT.search(sentence))

    grant = (
        grant_record(sentence, entities, orgs, event_amounts, context, make)
        if (gift or AWARDED.search(sentence)) and not DONATION.search(sentence)
        else None
    )
    if grant is not None:
        # "Halvard Labs, which received a $3 million grant last year, raised $40 million":
        # the grant's amount is spent; the rest of the sentence may hold another deal.
        event_amounts = [
            m
            for m in event_amounts
            if m.value != grant.amount and not GRANT_NOUN.match(sentence[m.end :])
        ]
    took = _AND_TOOK_STAKE.search(sentence)
    invested_first = (
        [m for m in event_amounts if invest is not None and invest.end() <= m.start < took.start()]
        if took is not None and invest is not None and invest.start() < took.start()
        else []
    )
    if respective := respective_investments(sentence, orgs, event_amounts, context, make):
        main = respective[0]
        out.extend(respective[1:])
    elif invested_first and (
        main := investment_record(sentence, invest, entities, orgs, invested_first, context, make)
    ):
        # "Nvidia agreed to invest $5 billion in Intel Corp. and took a stake in British AI
        # startup Nscale": two deals of one investor, the sum the first one's
        held = STAKE_TAKEN.search(sentence, took.start())
        other = stake_record(sentence, held, orgs, [], context, make) if held else None
        if other is not None and not same_company(other.recipient, main.recipient):
            other.investors = list(main.investors)
            out.append(other)
    elif (bought := PERCENT_BOUGHT.search(sentence)) is not None and (
        main := percent_owned(sentence, orgs, context, make, bought, event_amounts)
    ):
        pass  # "Meta acquires 49% of Scale AI": a stake, not a takeover
    elif stake and _said_of_investor(sentence, stake.start(), funding or invest):
        pass  # the deal is the sentence's own, read below
    elif stake and re.search(
        r"\b(?:stake|interest|ownership|position)\s+(?:of\s+[^,;]{1,30}?\s+)?in\b",
        sentence[stake.start() :],
        re.I,
    ):
        main = stake_record(sentence, stake, orgs, event_amounts, context, make)
        holding = AMOUNT_STAKE.search(sentence)
        if main is None and holding is not None and event_amounts:
            # "has built a stake of about $3.5 billion in Nestle and is pushing for a sale of
            # its 23% stake in L'Oreal": the stake told with its price is the deal
            main = stake_record(sentence, holding, orgs, event_amounts, context, make)
    elif (holding := AMOUNT_STAKE.search(sentence)) and event_amounts:
        main = stake_record(sentence, holding, orgs, event_amounts, context, make)
    elif (held := STAKE_TAKEN.search(sentence)) and not event_amounts:
        # "Berkshire took a stake in Fox": a holding without a stated price.
        main = stake_record(sentence, held, orgs, [], context, make)
    # A stake that names no holder or company of its own ("Scale AI secured a $14.3 billion
    # investment from Meta, which took a 49% stake in the data-labeling company") leaves the
    # sentence to the readers below.
    if main is not None:
        pass
    elif acquire and not (ROUND.search(sentence) and invest):
        # "Solvay acquired Unimed in 1999, and Abbott purchased Solvay in 2010": every
        # buying clause of the sentence, each target once.
        acquisitions: list[DealRecord] = []
        for trigger in ACQUIRE.finditer(sentence):
            # (a rival buyer of the same company is a deal of its own: "would not raise its
            # offer for Anadarko, clearing the way for Occidental to buy the company")
            seen = {name_key(a.recipient) for a in acquisitions}
            buyers_of = {
                (name_key(a.recipient), name_key(n)) for a in acquisitions for n in a.investors
            }
            found = acquisition_records(sentence, trigger, orgs, amounts, context, make)
            # "its offer for USAir would not hinder USAir's acquisition of Piedmont": a buyer
            # named as the purchase's owner is who buys, whatever was bought before
            owner = POSSESSOR.search(sentence[max(0, trigger.start() - 80) : trigger.start()])
            named_buyer = owner is not None and re.match(r"[A-Z]", owner.group(2) or "")
            for record in list(found):
                buyers = {name_key(n) for n in record.investors}
                bought = [
                    a for a in acquisitions if a.investors and name_key(a.recipient) in buyers
                ]
                if bought and not named_buyer:
                    # "brokered its $1 billion buyout of Instagram and closed the $3 billion
                    # deal for Oculus VR": what was just bought is not the next buyer.
                    record.investors = list(bought[-1].investors)
                    if name_key(record.recipient) in {name_key(n) for n in record.investors}:
                        found.remove(record)
            acquisitions.extend(
                a
                for a in found
                if name_key(a.recipient) not in seen
                or (
                    a.investors
                    and all(
                        (name_key(a.recipient), name_key(n)) not in buyers_of for n in a.investors
                    )
                    and all(
                        b.investors
                        for b in acquisitions
                        if name_key(b.recipient) == name_key(a.recipient)
                    )
                )
            )
        out.extend(acquisitions[1:])
        main = acquisitions[0] if acquisitions else None
        backed = (
            _INVESTED_BEFORE_BUYING.search(sentence)
            if main is not None and main.investors and invest is not None
            else None
        )
        if backed is not None and name_key(backed["name"]) == name_key(main.recipient):
            # "when it invested in Honest Tea, which it fully acquired in 2011": the stake
            # taken first is a deal of its own, dated by its own clause
            target = next(e for e in orgs if e.name == main.recipient)
            out.append(
                make(
                    "investment",
                    target,
                    when=sentence[: backed.start()],
                    subtype="equity",
                    investors=list(main.investors),
                    confidence=0.6,
                )
            )
        if (
            main is None
            and invest
            and event_amounts
            and not gift
            # ("bought back Goldsmith's stock": a buyback, not backing)
            and not invest.group(0).lower().startswith("back")
        ):
            # "SoftBank agreed to invest $2 billion in the chipmaker, buying shares at $23
            # each": the shares bought are how it invests
            main = investment_record(sentence, invest, entities, orgs, event_amounts, context, make)
    elif (
        funding
        and event_amounts
        and (
            ROUND.search(sentence)
            or not funding.group(0).lower().startswith("announc")
            # "Nexa Health announced $20 million in new funding from Kestrel Capital"
            or _FUNDING_TOLD.match(sentence, event_amounts[0].end)
        )
    ):
        main = funding_record(sentence, funding, orgs, event_amounts, context, make)
    elif funding and not event_amounts and UNPRICED_ROUND.search(sentence):
        # "Dragonfly said it had raised an undisclosed round from Celgene's Swiss affiliate"
        main = funding_record(sentence, funding, orgs, [], context, make)
    elif invest and not event_amounts and invest.group(0).lower() in {"led", "leads", "co-led"}:
        # "Google Ventures then led Nest's Series B round of financing"
        main = led_round(sentence, invest, orgs, context, make)
    elif invest and event_amounts and not gift:
        main = investment_record(sentence, invest, entities, orgs, event_amounts, context, make)
    # Without a verb of buying, funding or investing, the readers of less common
    # constructions in turn; the first to find a record wins.
    listed: list[DealRecord] = []

    def first_of(records: list[DealRecord]) -> DealRecord | None:
        # "sold its Canadian business to Parkland and its South African assets to Sinopec":
        # the first sale is the sentence's deal, the others of the list follow it
        listed[:] = records[1:]
        return records[0] if records else None

    fallbacks: list[Callable[[], DealRecord | None]] = [
        lambda: combined_unit(sentence, orgs, amounts, context, make),
        lambda: compound_acquisition(sentence, orgs, amounts, context, make),
        lambda: merger_of_two(sentence, orgs, amounts, make),
        lambda: first_of(sale_record(sentence, orgs, sale_amounts, context, make, entities)),
        lambda: sold_to(sentence, orgs, sale_amounts, context, make),
        lambda: bought_from(sentence, orgs, event_amounts, context, make),
        lambda: first_of(paid_for(sentence, orgs, event_amounts, context, make)),
        lambda: first_of(acquisitions_including(sentence, orgs, event_amounts, context, make)),
        lambda: answered_offer(sentence, orgs, event_amounts, context, make),
        lambda: rival_bid(sentence, orgs, event_amounts, context, make),
        lambda: won_contest(sentence, orgs, event_amounts, context, make),
        lambda: holding_record(sentence, orgs, event_amounts, context, make),
        lambda: stake_of_story(sentence, orgs, event_amounts, context, make),
        lambda: percent_owned(sentence, orgs, context, make),
        lambda: recapitalisation(sentence, orgs, event_amounts, context, make),
        lambda: backed_by_investment(sentence, orgs, event_amounts, context, make),
        lambda: standing_position(sentence, orgs, context, make),
        lambda: stake_in_which(sentence, orgs, context, make),
        lambda: stake_given(sentence, orgs, event_amounts, context, make),
        lambda: possessed_round(sentence, orgs, event_amounts, context, make),
        lambda: joined_round(sentence, orgs, event_amounts, context, make),
        lambda: round_for(sentence, orgs, event_amounts, context, make),
        lambda: earlier_round(sentence, orgs, event_amounts, context, make),
    ]
    if not gift:  # money given away is read by grant_record alone
        fallbacks += [
            lambda: lending_record(sentence, entities, orgs, event_amounts, context, make),
            lambda: debt_issue(sentence, orgs, event_amounts, context, make),
            lambda: sector_investment(sentence, entities, orgs, event_amounts, context, make),
            lambda: field_spend(sentence, entities, orgs, event_amounts, context, make),
            lambda: fronted_place_spend(sentence, entities, orgs, event_amounts, context, make),
        ]
    fallbacks.append(lambda: new_vehicle(sentence, entities, orgs, event_amounts, context, make))
    for read in fallbacks:
        if main is not None:
            break
        main = read()
    if main is not None and main.subtype == "stake" and _STAKES_IN.search(sentence):
        # "had earlier bought stakes in Capcom, Nexon and Koei Tecmo": a stake in each
        first = next((e for e in orgs if e.name == main.recipient), None)
        for other in listed_after(sentence, first, orgs)[1:] if first is not None else []:
            listed.append(
                make(
                    "investment",
                    other,
                    subtype="stake",
                    investors=list(main.investors),
                    # ("stakes of about 5% in Itochu, Marubeni, ...": each of that size)
                    stake=main.stake,
                    confidence=main.confidence,
                )
            )
    elif main is not None and main.subtype == "stake" and main.stake is not None:
        # "owns about 7.5% of Delta Air Lines, 9.9% of American Airlines Group and 10% of
        # Southwest Airlines": each holding of the list with its own size
        first = next((e for e in orgs if e.name == main.recipient), None)
        at = first.end if first is not None else -1
        while at >= 0 and (more := _NEXT_PERCENT.match(sentence, at)) is not None:
            other = next((e for e in orgs if e.start == more.end() and not e.is_place), None)
            if other is None:
                break
            listed.append(
                make(
                    "investment",
                    other,
                    subtype="stake",
                    investors=list(main.investors),
                    stake=float(more["pct"]),
                    confidence=main.confidence,
                )
            )
            at = other.end
    if main is not None:
        out[:0] = [main, *listed]
        if main.kind == "investment" and main.stake is None:
            main.stake = _stake_told(sentence, main, orgs)
    if (
        main is not None
        and main.amount is not None
        and (
            main.recipient_kind in _PLACE_KINDS
            or (main.recipient_kind == "company" and main.subtype == "equity")
        )
    ):
        # "will invest $5 billion in Belgium and €1 billion in Finland": each place its own
        out.extend(_next_pledges(sentence, main, entities, event_amounts, make))
    if main is not None and main.kind == "investment" and main.amount is not None:
        out.extend(_gapped_investors(sentence, main, orgs, event_amounts, make))
    if main is not None and main.kind == "investment" and main.recipient_kind == "company":
        out.extend(_also_invests(sentence, main, orgs, event_amounts, make))
    if main is not None and main.subtype == "funding_round" and main.amount is not None:
        out.extend(_earlier_rounds(sentence, main, event_amounts, make))
    if main is not None and main.recipient_kind == "sector" and main.amount is None:
        # "has also invested in rival startups MiniMax and Zhipu AI": the companies the
        # words describe, each an investment of its own
        named = _described_companies(sentence, orgs, main, make)
        if named:
            out[out.index(main)] = main = named[0]
            out.extend(named[1:])
    if main is not None and main.recipient_kind == "sector":
        # "Nvidia has invested in more than 50 AI startups this year, including Mistral AI
        # and Perplexity": each company named is an investment of its own (its share of a
        # total is not told, so it has no amount).
        out.extend(_named_examples(sentence, orgs, main, make))
    if main is not None and main.kind == "investment" and acquire and not out[1:]:
        # "commit $5.2 bn in debt financing to help Thermo Fisher purchase Patheon NV at an
        # enterprise value of $7.2 bn": the financing and the purchase it pays for.
        rest = [m for m in amounts if m.value != main.amount]
        # ("a 51% stake in Jenner's beauty portfolio": Jenner is the stake's, not bought)
        involved = [main.recipient, *main.investors]
        for trigger in ACQUIRE.finditer(sentence):
            for record in acquisition_records(sentence, trigger, orgs, rest, context, make):
                if not any(same_company(record.recipient, n) for n in involved):
                    involved.append(record.recipient)
                    out.append(record)

    if main is not None and main.kind == "acquisition" and main.amount is None and event_amounts:
        # "AT&T sold $22.5 billion of bonds ... to help fund its Time Warner purchase": the
        # debt raised to pay for a purchase is a deal of its own
        issue = debt_issue(sentence, orgs, event_amounts, context, make)
        raised = next(
            (v for v in FUNDING.finditer(sentence) if v.group(0).lower().startswith("rais")), None
        ) or raise_before_money(sentence, event_amounts)
        if (
            issue is None
            and raised is not None
            and not PROCEEDS.search(sentence, raised.end())
            and not RAISED_OWN.match(sentence, raised.end())
        ):
            # "Quarry raised $5 million after buying Halvard": the raise beside the purchase
            issue = funding_record(sentence, raised, orgs, event_amounts, context, make)
        if issue is None and invest and not gift and not invest.group(0).lower().startswith("back"):
            # "held talks to buy Perplexity before investing $14.3 billion in Scale AI"
            issue = investment_record(
                sentence, invest, entities, orgs, event_amounts, context, make
            )
        if issue is not None and not same_company(issue.recipient, main.recipient):
            out.append(issue)

    if main is not None and main.kind == "acquisition" and main.investors:
        # "made a rival $38 billion offer, backed by a $10 billion investment from Berkshire
        # Hathaway": the bidder is funded for its bid
        out.extend(_bid_backing(sentence, main, orgs, event_amounts, make))

    if grant is not None:
        out.append(grant)

    for money in valuation_amounts:
        target = main.recipient if main and main.recipient_kind == "company" else None
        entity = valuation_subject(sentence, money, orgs, context, target)
        if entity is not None:
            out.append(make("valuation", entity, confidence=0.75, **amount_fields(money)))
            if main is None and (lead := LEAD.search(sentence, money.end)) is not None:
                # "Character.AI was valued at $1 billion in a round led by Andreessen
                # Horowitz": the round itself, with its size when told ("in a $3.5 billion
                # round led by Lightspeed").
                leads, investors = investors_from(sentence, orgs, entity.name)
                if leads and re.search(r"\bround\b", sentence[money.end : lead.start()], re.I):
                    size = next(
                        (m for m in event_amounts if money.end <= m.start < lead.start()), None
                    )
                    main = _valued_round(sentence, entity, investors, leads, size, make)
                    out.insert(0, main)
            elif (
                main is None
                and (sized := _IN_SIZED_ROUND.match(sentence, money.end)) is not None
                and (size := next((m for m in event_amounts if m.start == sized.end()), None))
            ):
                # "The startup was valued at $12 billion in a $1 billion funding round in May
                # 2024": the round that valued it, with its size
                main = round_record(make, entity, [], [], ROUND.search(sentence), size, 0.7)
                out.insert(0, main)
            elif main is None and (led := _LED_A_ROUND.search(sentence, money.end)) is not None:
                # "OpenAI is now valued at $300 billion after SoftBank led a $40 billion
                # round": the round that valued it, led by the company before "led".
                before = [e for e in orgs if money.end <= e.start and e.end <= led.start()]
                if before and name_key(before[-1].name) != name_key(entity.name):
                    size = next((m for m in event_amounts if led.start() <= m.start), None)
                    leads = [before[-1].name]
                    main = _valued_round(sentence, entity, leads, leads, size, make)
                    out.insert(0, main)

    if (partner := _PARTNER.search(sentence)) and main is None:
        left = subject_before(sentence, partner.start(), orgs, context)
        right = first_after(partner.end(), orgs)
        if right is not None and not re.fullmatch(
            r"\s*(?:(?!(?:around|in|at|for|to|from|of|on|across|with|by|and|or)\b)[\w-]+\s+){0,4}",
            sentence[partner.end() : right.start],
        ):
            right = None  # "partnering with dealerships around the Carolinas"
        owned = re.match(r"['’]s?\s+", sentence[right.end :]) if right and right.known else None
        right = (
            next((e for e in orgs if owned and e.start == right.end + owned.end()), None) or right
        )  # "partnered with Alphabet's Verily": the part named
        if left and right and name_key(left.name) != name_key(right.name):
            # "teams up with Palantir and AWS": each partner named in the list
            for partner_org in listed_after(sentence, right, orgs):
                if not partner_org.is_place and name_key(partner_org.name) != name_key(left.name):
                    out.append(
                        make("partnership", partner_org, investors=[left.name], confidence=0.75)
                    )
    elif (pair := _PAIR_PARTNERED.search(sentence)) and main is None:
        # "Mistral AI and Nvidia partnered to build a European AI cloud"
        # ("Ford Motor Co. and Mahindra": a legal form's full stop before "and")
        left = next(
            (
                e
                for e in orgs
                if e.end <= pair.start("and")
                and re.fullmatch(r"\.?", sentence[e.end : pair.start("and")])
            ),
            None,
        )
        right = next((e for e in orgs if e.start == pair.end("and")), None)
        owner = next((e for e in entities if e.start == pair.end("and") and e.is_place), None)
        if right is None and owner is not None:
            # "Nvidia and Saudi Arabia's Humain partnered": the company, not its country
            owned = re.match(r"['’]s?\s+", sentence[owner.end :])
            right = next((e for e in orgs if owned and e.start == owner.end + owned.end()), None)
        if (
            left is not None
            and right is not None
            and not left.is_place
            and not right.is_place
            and name_key(left.name) != name_key(right.name)
        ):
            out.append(make("partnership", right, investors=[left.name], confidence=0.75))

    _add_share_price(sentence, out, written)
    _widen_place_lists(sentence, out, entities)
    for record in out:
        place = facility_place(record.recipient) if record.kind == "investment" else None
        if place is not None and record.recipient_kind in {"company", "sector"}:
            # "invest $3.6 billion to expand its Nevada Gigafactory": money spent in Nevada
            record.recipient, record.recipient_kind = place
            if record.subtype != "cumulative":
                record.subtype = "infrastructure"
    for record in out:
        # "Locus Robotics, which was valued at $2 billion in 2021, and Amazon, which bought
        # Kiva Systems for $775 million in 2012": a year told in the amount's own clause
        # (a date a reader set from closer by, as for a list of purchases, stays)
        if record.announced_on == date:
            others = any(r.recipient != record.recipient for r in out if r.kind == record.kind)
            record.announced_on = _clause_date(sentence, record, amounts, published, others) or date
        scope = _scope(sentence, record.recipient, record.investors)
        way = _WAY_FOR.search(sentence)
        if (
            way is not None
            and record.investors
            and all(sentence.find(n) >= way.end() for n in record.investors)
        ):
            # "Chevron said it would not raise its offer for Anadarko, clearing the way for
            # Occidental to buy the company": the other buyer's deal is not denied
            scope = sentence[way.start() :]
        after = sentence.find(scope) + len(scope) if scope in sentence else len(sentence)
        # ("had earlier agreed to buy Windsurf for about $3 billion, but that deal collapsed")
        negated = bool(_NEGATION.search(scope) or _THAT_DEAL_FAILED.match(sentence, after))
        # ("Nvidia had tried to buy Arm for $40 billion, but the deal collapsed": an attempt,
        # unsure unless the sentence already says it failed)
        tried = not negated and bool(_TRIED.search(scope))
        # ("... as it seeks to revamp the airline, people familiar with the matter said": an
        # attribution closing the sentence covers every clause of it)
        at = sentence.find(record.recipient)
        sourced = bool(_UNNAMED_SOURCE.search(sentence)) and not any(
            m.start() < at < m.end() for m in CLOSED_RELATIVE.finditer(sentence)
        )
        _score(record, negated, _is_hedged(scope) or tried or sourced)
    # "The round was led by BlackRock and values the company at $2.8 billion": a valuation
    # beside the round's investors does not make the sentence a deal of its own.
    if context.last_round is not None and all(r.kind == "valuation" for r in out):
        round_investors(sentence, orgs, context.last_round)
    _update_context(context, sentence, orgs, out)
    kept = [r for r in out if round(r.confidence, 2) > 0.15]
    rounds = [r for r in kept if r.kind == "investment" and r.subtype == "funding_round"]
    if rounds:
        context.last_round = rounds[0]
    elif any(r.kind != "valuation" and not _part_of(r, context.last_round) for r in kept):
        context.last_round = None  # the story moved on to another deal
    return kept


def _part_of(record: DealRecord, round_: DealRecord | None) -> bool:
    """ "ASML invested €1.3 billion in the round": an investor's part of the round told
    before, which later sentences may still name investors of."""
    return (
        round_ is not None
        and record.kind == "investment"
        and record.subtype == "equity"
        and same_company(record.recipient, round_.recipient)
        and record.round == round_.round
    )


# "Microsoft and Nvidia will each invest $2 billion", "will invest up to $5 billion and $10
# billion, respectively": investors who act together, each with a sum of its own.
# ("each" right after a name: "$100,000 each" gives each recipient a sum, not each investor)
_EACH = re.compile(
    r"(?-i:[A-Z])[\w&.’'-]*\s+(?:(?:will|would|have|has|had|also|both)\s+)*each\s+(?!of\b)",
    re.I,
)
_AMOUNT_AND = re.compile(r"\s*(?:,|,?\s+and)\s*")


def _split_joint(record: DealRecord, published: dt.date | None) -> list[DealRecord]:
    """One record per investor when the sentence gives each its own sum: "each" after
    the investors (the same sum for each), or as many coordinated sums as investors (in
    their order). Otherwise the record as it is."""
    if len(record.investors) < 2 or record.kind != "investment":
        return [record]
    sentence = record.evidence
    amounts = [m for m in primary_amounts(find_amounts(sentence)) if m.value >= 1000]
    if _EACH.search(sentence):
        return [
            replace(
                record,
                investors=[name],
                lead_investors=[name] if name in record.lead_investors else [],
            )
            for name in record.investors
        ]
    group = next(
        (
            amounts[i : i + len(record.investors)]
            for i, m in enumerate(amounts)
            if m.value == record.amount
            and len(amounts) >= i + len(record.investors)
            and all(
                _AMOUNT_AND.fullmatch(sentence[a.end : b.start])
                for a, b in itertools.pairwise(amounts[i : i + len(record.investors)])
            )
        ),
        None,
    )
    if group is None:
        return [record]
    return [
        replace(
            record,
            investors=[name],
            lead_investors=[name] if name in record.lead_investors else [],
            amount_usd=to_usd(money.value, money.currency, published or record.announced_on),
            **amount_fields(money),
        )
        for name, money in zip(record.investors, group, strict=True)
    ]


def _add_share_price(sentence: str, records: list[DealRecord], written: list[Money]) -> None:
    """Give the sentence's one purchase its price per share ("agreed to buy Embraer for $28 a
    share, or about $5.2 billion"); a sentence of several purchases leaves it unsaid, as
    does a price in another currency than the total's."""
    bought = [
        r
        for r in records
        if r.kind == "acquisition"
        or (r.kind == "investment" and r.subtype in {"stake", "equity", "ipo"})
    ]
    if len(bought) != 1 or (price := share_price(sentence, written)) is None:
        return
    record = bought[0]
    if record.subtype == "stake" and re.search(
        r",\s+(?:which|who)\s+(?:already\s+)?(?:owns|holds|owned|held)\b", sentence
    ):
        return  # "Celgene, which already owns 10% of Juno, will pay $87 per share": a bid
    if record.currency not in {None, price.currency}:
        return
    record.price_per_share = price.value
    record.currency = price.currency


# "Google said it would invest", "Acme announced that it would buy": a company telling what
# it will do announces it; "would" hedges only a deal nobody has announced.
_ANNOUNCED_WOULD = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|told\s+\w+)\s+"
    r"(?:(?:on|last|this|earlier\s+this)\s+\w+\s+|earlier\s+|yesterday\s+|today\s+)?"
    # ("said its Canadian unit would sell")
    r"(?:that\s+)?(?:it|they|the\s+(?:[\w-]+\s+)?\w+|its\s+(?:[\w-]+\s+){0,2}?(?:unit|subsidiary|"
    r"arm|division|affiliate|parent)|"
    # ("said on Tuesday that Dutch chip equipment maker ASML would")
    r"(?:the\s+)?(?:[A-Z][\w-]*\s+(?:[a-z][\w-]*\s+){1,3})?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
    r"\s+(?:also\s+)?$"
)


# "becoming its largest shareholder with an 11% stake", "a stake of roughly 27% in OpenAI"
_STAKE_SIZE = re.compile(
    r"\b(?:(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:stake|interest|ownership)\b"
    r"|(?:stake|interest)\s+of\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|some\s+)?"
    r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)"
    # "will hold about 11% of the company"
    r"|\b(?:hold|holds|own|owns|take|takes|get|gets|receive|receives)\s+"
    r"(?:about\s+|roughly\s+|around\s+|nearly\s+|some\s+|almost\s+)?"
    r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+of)",
    re.I,
)


def _stake_told(sentence: str, record: DealRecord, orgs: list[Entity]) -> float | None:
    """The share an investment buys, when the sentence tells one and only one, of the
    record's parties ("from Beta, which holds a 20% stake in Gamma" and "Amazon has invested
    $8 billion in the company, and Google holds a 14% stake" tell others' holdings)."""
    recipient = record.recipient
    found = list(_STAKE_SIZE.finditer(sentence))
    if len(found) != 1:
        return None
    if re.search(_HOLDS_ALREADY + r"\b[^,;]*$", sentence[: found[0].end()]):
        return None  # "Google, which owns about 14% of Anthropic, will invest": held before
    holder = [e for e in orgs if e.end <= found[0].start()]
    if holder and not any(same_company(holder[-1].name, n) for n in [recipient, *record.investors]):
        return None
    after = re.match(r"\s+in(?:to)?\s+", sentence[found[0].end() :])
    if after is not None:
        start = found[0].end() + after.end()
        held = first_after(start, orgs)
        # ("took a 49% stake in the data-labeling company" holds the company referred to)
        referred = REFERENCE.match(sentence, start) and (held is None or held.start > start + 40)
        if not referred and (held is None or not same_company(held.name, recipient)):
            return None
    return float(next(g for g in found[0].groups() if g))


_PLACE_KINDS = frozenset({"country", "region", "city"})
_NEXT_PLACE = re.compile(r"(?:,\s+(?:and\s+)?|,?\s+and\s+)(?:the\s+)?")


def _widen_place_lists(sentence: str, records: list[DealRecord], entities: list[Entity]) -> None:
    """ "spend more than $100 billion on chip factories in Arizona, Ohio, New Mexico and
    Oregon": one sum for several states goes to their country, not to the first of them."""
    places = [e for e in entities if e.is_place]
    for record in records:
        if record.recipient_kind not in _PLACE_KINDS or record.amount is None:
            continue
        first = next((e for e in places if e.name == record.recipient), None)
        listed = [first] if first is not None else []
        while listed:
            joint = _NEXT_PLACE.match(sentence, listed[-1].end)
            following = next((e for e in places if joint and e.start == joint.end()), None)
            if following is None:
                break
            listed.append(following)
        if len(listed) > 1 and all(is_us_place(e.name) for e in listed):
            record.recipient, record.recipient_kind = "United States", "country"


_AND_AMOUNT_IN = re.compile(
    # ("... in Sweden over two years, and £2.5 billion for the UK")
    r"^(?:\s+(?:over|in|by|through|within|until)\s+[\w ]{1,25}?)?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:another\s+|a\s+further\s+)?"
    # ("put $5 billion into Intel and agreed to invest up to $100 billion in OpenAI")
    r"(?:(?:has\s+)?(?:agreed|plans|pledged|promised|committed|is\s+set)\s+to\s+"
    r"(?:invest|put|commit|pour|inject|spend)\s+"
    # ("pledged $3.2 billion for Germany and said it would spend 1.9 billion euros in Spain")
    r"|said\s+(?:it|they)\s+(?:would|will)\s+(?:invest|spend|commit|put)\s+)?$"
)


def _next_pledges(sentence, main, entities, amounts, make) -> list[DealRecord]:
    records = []
    to_place = main.recipient_kind in _PLACE_KINDS

    def fits(e: Entity) -> bool:
        # "$5 billion in Intel and up to $100 billion in OpenAI": companies after a company
        return e.is_place if to_place else not e.is_place

    placed = next((e for e in entities if fits(e) and e.name == main.recipient), None)
    last_end = placed.end if placed is not None else len(sentence)
    state = next(
        (e for e in entities if e.is_place and placed is not None and e.start == placed.end + 2),
        None,
    )
    if state is not None and sentence[last_end : state.start] == ", ":
        last_end = state.end  # "in Racine, Wisconsin, and 4.3 billion pounds in the UK"
    for money in amounts:
        if money.start < last_end or not _AND_AMOUNT_IN.search(sentence[last_end : money.start]):
            continue
        into = re.match(r"\s+(?:in|into|for|to)\s+(?:the\s+)?", sentence[money.end :])
        place = next(
            (e for e in entities if into and fits(e) and e.start == money.end + into.end()),
            None,
        )
        if place is None:
            break
        records.append(
            make(
                "investment",
                place,
                subtype=main.subtype,
                investors=list(main.investors),
                lead_investors=[],
                confidence=main.confidence,
                **amount_fields(money),
            )
        )
        last_end = place.end
    return records


# "Waymo raised $2.5 billion in 2021 and $3.2 billion in 2020": a round a year
_YEAR_AFTER = re.compile(r"\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}\b")
_AND_BETWEEN = re.compile(r",?\s+(?:and\s+)?")


def _earlier_rounds(sentence, main, amounts, make) -> list[DealRecord]:
    records: list[DealRecord] = []
    told = next((m for m in amounts if m.value == main.amount), None)
    year = _YEAR_AFTER.match(sentence, told.end) if told is not None else None
    while year is not None:
        joined = _AND_BETWEEN.match(sentence, year.end())
        money = next((m for m in amounts if joined and m.start == joined.end()), None)
        year = _YEAR_AFTER.match(sentence, money.end) if money is not None else None
        if money is None or year is None or not joined.group(0).strip():
            break
        record = make(
            "investment",
            Entity(main.recipient, main.recipient, 0, 0, "org"),
            subtype="funding_round",
            investors=[],
            lead_investors=[],
            confidence=main.confidence,
            **amount_fields(money),
        )
        record.recipient_kind = main.recipient_kind
        record.announced_on = date_told(year.group(0), None)
        records.append(record)
    return records


# "Nvidia will invest up to $10 billion in Anthropic and Microsoft up to $5 billion": a
# second investor with its own sum and the verb left out.
_GAPPED = re.compile(r",?\s+(?:and|while|with)\s+$")


# "The U.S. government took a 9.9% stake in Intel in August, and SoftBank Group agreed to
# invest $2 billion": a second investor's sum, told without the company it goes into
_ALSO_INVESTS = re.compile(
    r",?\s+and\s+(?:the\s+)?(?P<who>(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s+"
    r"(?:has\s+|had\s+|also\s+)*(?:agreed\s+to\s+|will\s+|plans\s+to\s+|said\s+it\s+would\s+)?"
    r"invest(?:s|ed)?\s+(?:an?\s+(?:additional|further)\s+)?$"
)


def _also_invests(sentence, main, orgs, amounts, make) -> list[DealRecord]:
    recipient = next((e for e in orgs if e.name == main.recipient), None)
    records = []
    for money in amounts:
        told = _ALSO_INVESTS.search(sentence, 0, money.start)
        if (
            recipient is None
            or told is None
            or told.start() < recipient.end
            or not re.match(
                r"\s*(?:[.;]|,\s+(?:the|a|an|according|people|sources)\b|$)", sentence[money.end :]
            )
        ):
            continue
        investor = next((e for e in orgs if e.start == told.start("who") and not e.is_place), None)
        if investor is None or name_key(investor.name) in {name_key(n) for n in main.investors}:
            continue
        records.append(
            make(
                "investment",
                recipient,
                subtype="equity",
                investors=[investor.name],
                lead_investors=[],
                confidence=0.6,
                **amount_fields(money),
            )
        )
    return records


def _gapped_investors(sentence, main, orgs, amounts, make) -> list[DealRecord]:
    records = []
    recipient = next((e for e in orgs if e.name == main.recipient), None)
    if recipient is None:
        return []
    for money in amounts:
        if money.start <= recipient.end:
            continue
        investor = next(
            (
                e
                for e in orgs
                if recipient.end < e.end
                and re.fullmatch(r"\s+", sentence[e.end : money.start])
                and _GAPPED.search(sentence[recipient.end : e.start])
                and not re.search(r"\d|[;:]", sentence[recipient.end : e.start])
            ),
            None,
        )
        if investor is None or name_key(investor.name) in {name_key(n) for n in main.investors}:
            continue
        # (the sum must close the clause: "and Microsoft $5 billion in ..." is read whole)
        if not re.match(r"\s*(?:[.,;]|$)", sentence[money.end :]):
            continue
        records.append(
            make(
                "investment",
                recipient,
                subtype=main.subtype,
                investors=[investor.name],
                lead_investors=[],
                confidence=main.confidence,
                **amount_fields(money),
            )
        )
    return records


# ("Tableau Software for $15.7 billion last year and MuleSoft for $6.5 billion in 2018")
_NEXT_ITEM = re.compile(
    r"\s+and\s+(?=(?:the|its|their|a|an)\s|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\s+for\s|"
    # ("... last month and bought Bonobos for $310 million in 2017": a verb of its own)
    r"(?:then\s+|later\s+)?(?:bought|acquired|purchased|sold|took|invested|led|co-led|backed|"
    r"joined|raised)\b)"
)


def _clause_date(
    sentence: str,
    record: DealRecord,
    amounts: list[Money],
    published: dt.date | None,
    others: bool = False,
) -> dt.date | None:
    """The date the clause of a record's amount tells, when it tells one itself; without
    an amount, where the sentence tells ``others`` deals too, the clause of its recipient."""
    money = next(
        (m for m in amounts if m.value == record.amount and m.currency == record.currency), None
    )
    named = sentence.find(record.recipient) if money is None and others else -1
    if money is None and named < 0:
        return None
    lo, hi = (money.start, money.end) if money else (named, named + len(record.recipient))
    start = max(sentence.rfind(",", 0, lo), sentence.rfind(";", 0, lo)) + 1
    ends = [i for i in (sentence.find(",", hi), sentence.find(";", hi)) if i >= 0]
    # ("invested $18.5 billion in WeWork before the company filed for bankruptcy in 2023":
    # the later clause's year is its own event's)
    if (later := _LATER_EVENT.search(sentence, hi)) is not None:
        ends.append(later.start())
    end = min(ends) if ends else len(sentence)
    # ("its $34 billion purchase of Red Hat in 2019 and the $4.6 billion acquisition of
    # Apptio last year": each purchase of a list with its own date)
    for joint in _NEXT_ITEM.finditer(sentence, start, end):
        if joint.end() <= lo:
            start = joint.end()
        elif joint.start() >= hi:
            end = joint.start()
            break
    if money is None:
        # (a priceless purchase beside another: "acquisition of Bare Necessities last month
        # and bought Bonobos for $310 million in 2017")
        return date_told(sentence[start:end], published)
    clause = sentence[start:end]
    # ("Salesforce said on Tuesday it would acquire Informatica for $8 billion, its biggest
    # deal since it bought Slack in 2021": Tuesday, not 2021; but "BOSTON, March 4, 2025 --
    # Nexa Health today announced": a dateline's full date is what "today" means)
    if date_told(clause, None) is None and tells_day(sentence):
        return None
    if (
        published is not None
        and date_told(sentence[: money.end], published) is None
        and re.match(r"\s+from\s+(?:about\s+|around\s+|roughly\s+)?\S*\d", sentence[money.end :])
    ):
        # "lifts Perplexity's valuation to $20 billion from $14 billion in May": the date
        # is the earlier figure's
        return published
    compared = next(
        (
            m
            for m in amounts
            if m.start >= end and _COMPARED_BEFORE.search(sentence, max(end, m.start - 40), m.start)
        ),
        None,
    )
    if (
        published is not None
        and compared is not None
        and date_told(sentence[:end], published) is None
        and date_told(sentence[compared.start :], published) is not None
    ):
        # "a valuation of $183 billion, nearly triple the $61.5 billion it was valued at in
        # March": the date is the figure compared with
        return published
    for aside in re.finditer(r",\s+(?:which|who)\b[^,;]{1,100},", sentence):
        # "Cruise, which General Motors shut down last year, had raised $10 billion": the
        # relative clause's date is its own event's
        if (
            published is not None
            and not aside.start() <= money.start < aside.end()
            and date_told(aside.group(0), published) is not None
            and date_told(sentence[: aside.start()] + sentence[aside.end() : end], published)
            is None
        ):
            return published
    if (
        published is not None
        and date_told(sentence[:end], published) is None
        and re.match(r",\s+but\b|;", sentence[end:])
    ):
        # "Aetna had earlier agreed to be bought by Humana for $37 billion, but the deal was
        # blocked in January": the date is the other clause's event, not this deal's
        return published
    if later is not None and later.start() == end:
        return date_told(clause, published) or published
    if others and published is not None and date_told(sentence[:end], published) is None:
        # "agreed to buy Seagen for about $43 billion, its biggest deal since it acquired
        # Wyeth for $68 billion in 2009": the year told after is the other deal's
        return published
    return date_told(clause, published)


_COMPARED_BEFORE = re.compile(
    r"\b(?:triple|double|quadruple|twice|times|up\s+from|down\s+from|compared\s+(?:with|to)|"
    r"versus|vs\.?|than)\s+(?:the\s+)?(?:about\s+|roughly\s+|nearly\s+|some\s+)?$",
    re.I,
)

_LATER_EVENT = re.compile(
    r"\s(?:before|after|until|when)\s+(?:the\s+|it\s+|its\s+|they\s+|[A-Z]\w*\s+)"
    r"(?:[\w-]+\s+){0,3}?[a-z]+(?:ed|ing)\b"
)

# "Beta Capital, which holds a 20% stake in Gamma": an investor's holding, told of it
_HOLDS_ALREADY = r",\s*(?:which|who)\s+(?:already\s+|also\s+)?(?:holds|owns|has|had|held|owned)"


def _said_of_investor(sentence: str, pos: int, trigger: re.Match[str] | None) -> bool:
    """ "Acme raised $50 million from Beta Capital, which holds a 20% stake in Gamma": a
    holding told in a relative clause after the sentence's own deal describes an investor."""
    return (
        trigger is not None
        and trigger.start() < pos
        and re.search(_HOLDS_ALREADY + r"\s+(?:an?\s+|its\s+)?$", sentence[:pos]) is not None
    )


_DEAL_THAT = re.compile(
    r"\b(?:deal|transaction|merger|acquisition|combination|purchase|tie-up)\s+(?:that|which)\s+$"
)


_UNNAMED_SOURCE = re.compile(
    r",\s+(?:according\s+to\s+)?(?:people|sources|a\s+person|persons|an?\s+(?:\w+\s+)?source)\s+"
    r"(?:familiar|close|briefed|with\s+knowledge|who\s+asked)[^;]{0,60}?(?:said|say|says|told\s+\w+)?"
    r"[\W]*$"
)


def _is_hedged(scope: str) -> bool:
    announced = False
    for h in _HEDGE.finditer(scope):
        if h.group(0).lower() != "would":
            return True
        if _DEAL_THAT.search(scope, 0, h.start()):
            continue  # "in a deal that would combine the largest pharmacy chain with": what it does
        # "Nvidia said it would invest $5 billion in Intel and the two companies would
        # jointly develop chips": every "would" of what was announced is announced
        announced = announced or bool(_ANNOUNCED_WOULD.search(scope[: h.start()]))
        if not announced:
            return True
    return False


def _scope(sentence: str, recipient: str, investors: list[str]) -> str:
    """The part of the sentence a record's hedges and negations can reach: up to the end of
    the clause naming the recipient ("..., investors complained they could not" is another
    clause), and from the aside that names the parties, if they are named in one ("Part of
    that could come down to its partners -- ExxonMobil and Shell are equity partners in
    Gorgon -- but")."""
    at, told = sentence.find(recipient), recipient
    if at < 0:
        # ("sell its biopharmaceutical business to Danaher": a unit named by its owner is not
        # written so; the party named last ends the deal's clause)
        found = [(sentence.find(n), n) for n in investors if sentence.find(n) >= 0]
        if not found:
            return sentence
        at, told = max(found)
    end = _NEXT_CLAUSE.search(sentence, at + len(told))
    closed = next((m for m in CLOSED_RELATIVE.finditer(sentence) if m.start() < at < m.end()), None)
    if closed is not None and (end is None or end.start() > closed.end()):
        # "General Motors, which invested $500 million in Lyft in 2016, did not participate":
        # the relative clause's deal ends with its comma
        end = re.compile(",").search(sentence, closed.end() - 1)
    named = [i for i in (sentence.find(n) for n in [recipient, *investors]) if i >= 0]
    asides = [m.end() for m in _ASIDE.finditer(sentence, 0, min(named))]
    # ("Chevron walked away from its deal after Occidental made a richer offer backed by
    # Berkshire": a clause of its own after "after")
    asides += [m.end() for m in _SUBORDINATE.finditer(sentence, 0, min(named) + 1)]
    # ("Nike has not made a major acquisition since it bought Converse": the purchase in the
    # since-clause is its own, whatever the main clause denies)
    asides += [m.start() for m in _SINCE_IT.finditer(sentence, 0, max(at, 0))]
    start = max(asides) if asides else 0
    return sentence[start : end.start()] if end else sentence[start:]


_ASIDE = re.compile(r"\s[-–—]+\s|;\s")
_SUBORDINATE = re.compile(r"\s(?:after|because|once|since)\s+(?=[A-Z])")
_SINCE_IT = re.compile(
    r"\ssince\s+(?:it|they|the\s+company)\s+(?:\w+\s+)?(?:bought|acquired|purchased)\b"
)


_NEXT_CLAUSE = re.compile(
    r",\s+(?:but|while|although|though|whereas|and|investors|analysts|they|he|she|critics|"
    r"which|who|whose|where|"
    # "for AppDynamics, nearly twice what the company would have been valued at in its IPO"
    r"nearly|almost|about|roughly|more than|less than|twice|double|triple|up from|down from|"
    # "raised its offer for Qualcomm to $121 billion, seeking to pressure the board": what
    # the deal is for, told after it, does not hedge it
    r"seeking|hoping|aiming|looking|betting|wagering|expecting|counting|in\s+a\s+bid|"
    r"as\s+(?:it|the\s+(?:[\w.-]+\s+){0,3}?[\w-]+)\s+(?:seeks|looks|tries|aims|works|moves|pushes))\b"
    # ("for $4.9 billion in cash and stock as it seeks to compete": no comma needed)
    r"|\s+as\s+it\s+(?:seeks|looks|tries|aims|works|moves|pushes)\b"
    # ("committed to spend $20 billion on two plants in Ohio and has said it could invest as
    # much as $100 billion there": what it might do later is another clause)
    r"|\s+and\s+(?:has\s+|have\s+|had\s+)?(?:said|says)\b"
    r"|\s(?:while|whereas|although|though)\s|;|\s[-–—]+\s"
    # ("sold $18 billion of bonds in September and is in talks to borrow $38 billion more")
    r"|\sand\s+(?=(?:is|are|was|were)\s+(?:also\s+|now\s+)?(?:in\s+talks|considering|weighing|"
    r"exploring|seeking|looking)\b)"
)


_LED_A_ROUND = re.compile(
    r"\s(?:led|co-led)\s+(?:a|an|the)\s+(?:[$€£¥]\S+(?:\s+(?:million|billion|bn|m))?\s+)?"
    r"(?:[\w-]+\s+){0,2}?round\b",
    re.I,
)


_INCLUDING = re.compile(r",?\s+(?:including|such as|among them)\s+")


_DESCRIBED_PLURAL = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:startups|start-ups|companies|firms|rivals|makers|developers|labs)\s+"
    r"(?=(?-i:[A-Z]))",
    re.I,
)


def _described_companies(sentence, orgs, field_record, make) -> list[DealRecord]:
    start = sentence.find(field_record.recipient)
    told = _DESCRIBED_PLURAL.match(sentence, start) if start >= 0 else None
    return _each_listed(sentence, orgs, field_record, make, told.end() if told else -1)


def _named_examples(sentence, orgs, field_record, make) -> list[DealRecord]:
    start = sentence.find(field_record.recipient)
    including = (
        _INCLUDING.search(sentence, start + len(field_record.recipient)) if start >= 0 else None
    )
    return _each_listed(sentence, orgs, field_record, make, including.end() if including else -1)


def _each_listed(sentence, orgs, field_record, make, at: int) -> list[DealRecord]:
    """An investment of the field record's investors in each company of the list at ``at``
    (its share of a total is not told, so it has no amount)."""
    first = next((e for e in orgs if e.start == at and not e.is_place), None)
    if first is None:
        return []
    investors = {name_key(n) for n in field_record.investors}
    return [
        make(
            "investment",
            next(e for e in orgs if e.name == name),
            subtype="equity",
            investors=list(field_record.investors),
            lead_investors=[],
            confidence=0.6,
        )
        for name in coordinated(sentence, orgs, first)
        if name_key(name) not in investors
    ]


_IN_SIZED_ROUND = re.compile(
    r"\s+in\s+an?\s+(?=\S*\d\S*\s+(?:(?:million|billion|bn|mln|m)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?)(?:round|raise|financing)\b)"
)


def _valued_round(sentence, entity, investors, leads, size, make) -> DealRecord:
    # (led by a named investor: sure even without its size)
    return round_record(make, entity, investors, leads, ROUND.search(sentence), size, 0.8)


def _is_ai_org(name: str) -> bool:
    category = category_of(name)
    return (
        bool(category and category.startswith("ai"))
        or bool(re.search(r"\.ai\b", name))
        or bool(_AI_TERMS.search(name))  # "Mistral AI", "Nimbus Robotics"
    )


def _score(record: DealRecord, negated: bool, hedged: bool) -> None:
    if record.amount is None and record.kind in {"investment", "valuation"}:
        record.confidence -= 0.2
    if hedged:
        record.confidence -= 0.35
    if negated:
        record.confidence -= 0.6
    # Rounded so 0.7 - 0.2 is 0.5, not 0.49999999999999994 (flagged as unsure by mistake).
    record.confidence = round(max(0.0, min(1.0, record.confidence)), 2)


def _update_context(
    context: Context, sentence: str, orgs: list[Entity], records: list[DealRecord]
) -> None:
    for record in records:
        if record.kind == "acquisition" and record.investors and record.recipient_kind == "company":
            # every purchase of a list ("Tableau ... and MuleSoft for $6.5 billion"): who bought it
            target = next((e for e in orgs if e.name == record.recipient), None)
            if target is not None:
                context.bought_by[name_key(record.investors[0])] = target
                # ('"We closed the Informatica acquisition" ... agreed to buy the data
                # management company for about $8 billion': whichever reader found it)
                context.targets.add(name_key(target.name))
                context.last_target = target
        # ("... valuing the website group at more than $5bn. The firm ... raised $460m": the
        # company just valued is what "the firm" raising money means.)
        # ("Apple agreed to acquire Texture. ... The company was valued at $200 million in
        # a 2015 funding round": the company bought, whose history the story then tells)
        if record.recipient_kind == "company" and record.kind != "partnership":
            context.last_recipient = next(
                (e for e in orgs if e.name == record.recipient),
                Entity(record.recipient, record.recipient, 0, 0, "org"),
            )
            if record.subtype == "funding_round":
                # A startup's round makes the startup what the story is about.
                context.mention(context.last_recipient, weight=3.0)
    context.fade()
    weights: dict[str, tuple[float, Entity]] = {}
    for org in orgs:
        if is_person(sentence, org):
            continue  # "it" and "the company" never mean Elon Musk
        # A sentence's opening subject counts more than a name in passing, once a sentence.
        weight = 2.0 if org.start <= 3 else 1.0
        key = name_key(org.name)
        if key not in weights or weights[key][0] < weight:
            weights[key] = (weight, org)
    for record in records:
        # Whoever invests or buys is an actor of the story.
        for name in record.investors:
            key = name_key(name)
            if key in weights:
                weights[key] = (weights[key][0] + 1.0, weights[key][1])
    for weight, org in weights.values():
        context.mention(org, weight)
    opening = next((e for e in orgs if at_start(sentence, e) and not e.is_place), None)
    last = context.last_recipient
    if (
        opening is not None
        and last is not None
        and all(name_key(r.recipient) != name_key(last.name) for r in records)
        and name_key(opening.name) != name_key(last.name)
        and context.bought_by.get(name_key(opening.name)) is not None
        and name_key(context.bought_by[name_key(opening.name)].name) == name_key(last.name)
    ):
        # "Netflix has acquired Millarworld ... Netflix plans to spend $8 billion on content.
        # The company raised $1.6 billion": the story is back with the buyer
        context.last_recipient = None
    note_affiliations(context, sentence, orgs)
    note_descriptions(context, sentence, orgs)


def _drop_small_valuations(records: list[DealRecord]) -> list[DealRecord]:
    """A company valued under a million dollars is rarely news; a thing is: "The dress is
    made of 6,000 pearls. It's valued at $150,000." """
    return [
        r
        for r in records
        if r.kind != "valuation"
        or (r.amount_usd if r.amount_usd is not None else r.amount or 0) >= 1e6
    ]


def _unit_named_for(unit: str, owner: str) -> bool:
    """ "GM Cruise Holdings" is a unit of GM: its name goes on with a word of its own."""
    if not unit.startswith(owner + " "):
        return False
    rest = unit[len(owner) :].split()
    return any(
        w[:1].isupper() and not ORG_WORDS.fullmatch(w) and not is_legal_form_word(w) for w in rest
    )


def _correct_parties(records: list[DealRecord]) -> list[DealRecord]:
    """A company is never its own investor, nor is a regulator anyone's: "TWA offered to buy
    Piedmont suitor USAir Group" read with USAir Group as the buyer of USAir, or "told the
    Securities and Exchange Commission they have acquired 258,591 shares" with the SEC as
    the buyer, is a misreading, and the investor is dropped, not the deal. A partnership
    needs both sides, so one with itself goes. A stake of 100 pct is the whole company:
    an acquisition."""
    kept = []
    for record in records:
        investors = [
            n
            for n in record.investors
            # ("the AI Infrastructure Partnership ... investing $30 billion in AI
            # infrastructure": a field is no company)
            if not (
                record.recipient_kind in {"company", "person"}
                and same_company(n, record.recipient)
                # ("GSK consumer health joint venture": a venture is a company of its own)
                and not record.recipient.endswith("venture")
                # ("GM will invest $1.1 billion in GM Cruise Holdings": its own unit)
                and not _unit_named_for(record.recipient, n)
            )
            and category_of(n) != "regulator"
            # "filed an application with the Department of Transportation for ... its
            # takeover of USAir": an authority approves purchases, it makes none
            and not (record.kind == "acquisition" and REGULATOR.search(n))
        ]
        if record.kind == "partnership" and not investors:
            continue
        if record.kind == "investment" and record.subtype == "stake" and record.stake == 100:
            # "agreed to buy 100 pct of Pioneer Business Group": the whole company is bought
            record = replace(record, kind="acquisition", subtype=None)
        if investors != record.investors:
            record = replace(
                record,
                investors=investors,
                lead_investors=[n for n in record.lead_investors if n in investors],
                # a misread sentence: flagged, but kept above what no reading at all would get
                confidence=round(max(record.confidence - 0.2, 0.2), 2),
            )
        kept.append(record)
    return kept


def _drop_vaguer(records: list[DealRecord]) -> list[DealRecord]:
    """One article telling the same money from the same investors twice ("unveil $500
    billion Stargate project", then "will invest up to $500 billion in AI infrastructure in
    the United States") tells one event: the record naming a company or place stays, the
    one naming only a field goes."""

    def event(r: DealRecord) -> tuple[Any, ...]:
        return (r.kind, r.amount, r.currency, tuple(sorted(map(name_key, r.investors))))

    named = {event(r) for r in records if r.recipient_kind != "sector" and r.amount is not None}
    return [r for r in records if r.recipient_kind != "sector" or event(r) not in named]


def _dedupe(records: list[DealRecord]) -> list[DealRecord]:
    seen: dict[tuple[Any, ...], DealRecord] = {}
    for record in records:
        # One record per event per sentence; a deal told in several sentences keeps each
        # sentence as evidence, and the load merges them into one deal.
        key = (
            record.span_start,
            record.kind,
            name_key(record.recipient),
            record.amount,
            record.currency,
        )
        if key not in seen or record.confidence > seen[key].confidence:
            seen[key] = record
    return list(seen.values())
