"""Acquisition records: buying verbs and nouns ("acquired", "its $13.7 billion acquisition
of", "the Whole Foods acquisition"), mergers of two named companies, and sales told from
the seller's side."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence

from flows.deals.context import (
    CLOSED_RELATIVE,
    OPENING_REFERENCE,
    POSSESSOR,
    REFERENCE,
    Context,
    at_start,
    clause_end_at,
    coordinated,
    first_after,
    possessor_of,
    subject_before,
)
from flows.deals.dates import TIME_AGO, announced_on, date_told, years_later
from flows.deals.deal import DealRecord, amount_fields
from flows.deals.entities import (
    DEMONYM,
    OWN_FACILITY,
    Entity,
    has_legal_form,
    is_person,
    is_place_name,
    name_key,
    same_company,
)
from flows.deals.money import Money
from flows.deals.phrases import (
    GOODS,
    HELD,
    IN_SENTENCE,
    MODIFIED_NOUN,
    MONEY_PHRASE,
    OWNED_PARTS,
    PERCENT_SIGN,
    RIVAL_OF,
    SHARED_SUBJECT,
    is_per_share,
    listed_after,
    nearest,
    owned_unit,
)
from flows.deals.valuations import valued_name

# "offered 25 dlrs a share for TWA", "will pay $28 a share in cash for Embraer", "Hawker
# Siddeley's offer of 74 dlrs a share for all of Clarostat": a bid told by its price per
# share alone is still a bid for the company.
_PER_SHARE_BID = (
    r"(?:offer(?:s|ed|ing)?|bid(?:s|ding)?|pa(?:y|ys|id|ying))\s+(?:of\s+)?"
    r"(?:(?:about|around|some|nearly)\s+)?\S{0,4}\d[\d.,]*"
    r"(?:\s*(?:dlrs?|dollars|cts|cents|euros?|pounds|pence|yen|p))?\s+"
    r"(?:(?:in\s+)?cash\s+)?(?:a|per)\s+share\s+(?:(?:in\s+)?cash\s+)?for"
)
# "made an all-cash bid of $65 billion for Fox's assets"
_PRICED_BID = (
    r"(?:bid|offer)\s+of\s+(?:(?:about|around|some|nearly|more\s+than)\s+)?" + MONEY_PHRASE + r"for"
)

ACQUIRE = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|"
    + _PER_SHARE_BID
    + r"|"
    + _PRICED_BID
    + r"|acquisitions? of|buy(?:s|ing)?|bought|purchase of|"
    # "Disney's pending $52.4 billion deal for 21st Century Fox's assets" (owned or priced)
    r"(?<=['’]s\s)deal\s+for|(?<=\d\s)(?:billion|million|bn|mln)\s+deal\s+for|"
    r"(?<=['’]s\s)(?:pending|proposed|planned|agreed)\s+deal\s+for|"
    r"purchas(?:e|es|ed|ing)|"
    r"takeover of|take over|took over|takes over|snap(?:s|ped|ping)? up|scoop(?:s|ed|ing)? up|"
    r"buyout of|(?:takeover\s+)?bid for|offer for|merger with|"
    r"(?:gain(?:s|ed|ing)?|took|tak(?:e|es|en|ing)|assum(?:e|es|ed|ing)|w(?:on|in|ins|inning))\s+"
    r"(?:[\w%.]+\s+){0,4}?control of|"
    r"merg(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,6}?with|"
    # "Silver Lake agreed to take Dell private", "Informatica was taken private by Permira"
    r"(?:take|takes|took|taking)(?=\s+(?:[A-Z][\w.&-]*\s+){1,4}private\b)|taken\s+private|"
    # "last year it added AdvancePierre Foods in a $4.2 billion deal"
    r"add(?:s|ed|ing)?(?=\s+(?:[A-Z][\w.&'’-]*\s+){1,4}in\s+an?\s+(?:[\w-]+\s+)?\S*\d\S*\s+"
    r"(?:(?:million|billion|bn|mln)\s+)?(?:[\w-]+\s+)?(?:deal|acquisition|takeover|purchase|"
    r"transaction|buyout)\b))\b"
    # ("the buy-now-pay-later firm", "buy-side analysts": a compound, no buying)
    r"(?!-)",
    re.I,
)

# What may stand between "buy" and the company bought: "all of troubled Wachovia",
# "privately-held medical benefit management company eviCore".
_TOWN_BASED = re.compile(
    r"\s*(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*,\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-based\s+"
    # ("acquired the Wallaceburg, Ontario, metal can making operations of")
    r"|\s*the\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*,\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*,\s+"
)

_BUY_GAP = re.compile(
    r"\s*(?:(?:a|an|the|its|rival|up|out|startup|start-up)\s+){0,3}"
    # "acquired Falmouth, Maine-based G.H. Bass"
    r"(?:(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*,\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-based\s+)?"
    # "purchased Miami-based Heinl's Nursery", "bought privately held Plaid Pantries"
    rf"(?:{HELD}"
    r"|all\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?"
    # ("Israeli AI firm Run:ai")
    # ("U.S. industrial software maker Altair Engineering")
    r"|(?:(?:[A-Z][a-z]+(?:-based)?|[A-Z]{2,3}|(?:[A-Z]\.){2,3})\s+){0,3}"
    # ("Canadian ski stick and boot manufacturer CFAS": an "and" inside the description)
    # ("men's clothing site Bonobos")
    r"(?:(?!(?:for|from|to|in|on|at|with|by|of|via|through|or)\b)[a-z][\w-]*(?:['’]s)?\s+){0,5}"
    r"[a-z]*(?:company|firm|maker|provider|start-?up|group|chain|operator|site|website|app|"
    r"marketplace|seller|vendor|store|"
    r"developer|platform|business|rival|retailer|grocer|lender|insurer|bank|brand|studio|"
    r"supplier|manufacturer|manager|distributor|carrier|airline|designer|producer|owner|"
    r"publisher|broadcaster|miner|drugmaker|chipmaker|automaker|specialist|service|"
    r"contractor|broker|brokerage|dealer|wholesaler|refiner|marketer|bottler|builder|agency|"
    r"consultancy|utility|hospital|laboratory|insurance\s+broker|affiliate|subsidiary|unit)(?:s|es)?\s+"
    # "bought a startup called Luma"
    r"(?:(?:called|named|dubbed|known\s+as)\s+)?)?"
)

_SHARES_WORD = re.compile(r"\b(?:shares?|stock|stakes?|interests?|holdings?|capital)\b")

_PART_OF = re.compile(
    r"\s*(?:(?:substantially\s+)?all|most|some|part|half|much)\s+of\s+(?:the\s+)?|"
    r"\s*(?:(?:the|a|an|its|(?:substantially\s+)?all(?:\s+of)?|some|most)\s+)?"
    # "the Wallaceburg, Ontario, metal can making operations of Nestle Enterprises"
    r"(?:[A-Z][\w.]*,\s+[A-Z][\w.]*,\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:assets?|business(?:es)?|operations?|control|majority|rest|remainder|units?|"
    r"divisions?|stakes?|shares?|stock|(?:share\s+)?capital|holdings?|portfolio|interests?|subsidiar(?:y|ies)|arm)\s+"
    rf"(?:of|in)\s+(?:the\s+)?{HELD}?"
)


# "bought all of the stock of Ionic Industries", "purchased substantially all the assets of":
# the whole of a company is the company (a few of its shares are not).
_OPENS_CLAUSE = re.compile(
    r"\s+(?:expects|expected|said|says|will|would|has|had|is|was|plans|agreed|also)\b"
)
_COUNTED_PARTS = re.compile(
    r"(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozens\s+of)\s+(?:of\s+its\s+)?(?P<parts>(?:[\w-]+\s+){0,3}?(?:brands|businesses|"
    r"units|plants|factories|mills|stores|hotels|hospitals|stations|mines|refineries|"
    r"pharmacies|restaurants|branches|divisions)"
    # ("52 branches in the Midwest")
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?)"
)
_GOODS_OF = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?{GOODS}\b")
_PEOPLE_OF = re.compile(
    r"(?:['’]s?)?\s+(?:customers|users|subscribers|members|clients|shoppers|viewers|readers|"
    r"talent|engineers|employees|workers|staff)\b"
)
_SUM_OF = re.compile(
    r"\s*(?:about\s+|some\s+|nearly\s+|roughly\s+)?(?:US)?[$€£]\s?\d[\d.,]*\s*"
    r"(?:billion|million|bn|mln|m|b)?\s+(?:worth\s+)?of\s+"
)
_WHOLE_OF = re.compile(
    r"\s*(?:(?:(?:substantially\s+)?all|the\s+(?:whole|entire|outstanding|remaining))\s+"
    r"(?:of\s+)?(?:the\s+)?(?:(?:outstanding|remaining|issued|common|capital|ordinary)\s+){0,2}"
    r"(?:stock|shares|share\s+capital|assets|business(?:es)?|operations)"
    r"|(?:the|its)\s+(?:assets|business(?:es)?|operations))"
    rf"\s+(?:of|in)\s+(?:the\s+)?{HELD}?"
)


def _compared_figure(sentence: str, money: Money) -> bool:
    """ "for less than its original $4 billion asking price": a figure the price is
    compared with, or the size of what a merger creates, not the price."""
    return bool(
        re.match(r"\s+(?:asking|original|initial|list)\s+price\b", sentence[money.end :])
        # "creates a $100 billion company": what the combination is worth, not a price
        or (
            re.match(
                r"\s+(?:[\w-]+\s+)?(?:company|group|giant|firm|business|leader)\b",
                sentence[money.end :],
            )
            and re.search(r"\b(?:creat|form|build)\w*\s+(?:a|an)\s+$", sentence[: money.start])
        )
        or re.search(
            r"\b(?:less|lower|cheaper|below|more|higher)\s+than\s+(?:its\s+|the\s+)?"
            r"(?:original\s+|initial\s+)?$",
            sentence[: money.start],
        )
    )


# What a figure measures when it is not a price: "a one billion dlr lawsuit", "three billion
# dlrs in assets", "had sales of 350 mln dlrs".
_MEASURED_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:lawsuits?|suits?|judgments?|verdicts?|settlements?|fines?|damages|"
    r"charges?|write-?downs?|loss(?:es)?|revenues?|sales|profits?|earnings|"
    # "hired its CEO in a $2.4 billion licensing deal": a deal of another kind
    r"(?:licen[cs]ing|supply|cloud|computing|services?|advertising|distribution|royalty)\s+"
    r"(?:deals?|contracts?|agreements?|pacts?))\b"
    r"|\s+(?:in|of)\s+(?:(?:total|annual|combined|consolidated)\s+)?(?:assets|revenues?|sales|"
    r"deposits|profits?|earnings|loans|premiums)\b",
    re.I,
)
_MEASURED_BEFORE = re.compile(
    r"\b(?:assets|revenues?|sales|deposits|profits?|earnings|loss(?:es)?|premiums|"
    # ("went public through a merger with Churchill Capital, has a market value of")
    r"market\s+(?:value|capitali[sz]ation|cap))\s+(?:of|totall?ing|exceeding)\s+$",
    re.I,
)


def _measured_figure(sentence: str, money: Money) -> bool:
    """A figure that measures something other than the price: a lawsuit, assets, sales."""
    return bool(
        _MEASURED_AFTER.match(sentence, money.end)
        or _MEASURED_BEFORE.search(sentence[max(0, money.start - 40) : money.start])
    )


_HELPED_FINANCE = re.compile(
    r"\bhelp(?:ed|s|ing)?\s+(?:to\s+)?(?:finance|fund|pay\s+for|bankroll)\s+(?:its|their)\s+"
    r"(?:[\w$.,-]+\s+){0,3}?$"
)


def _financing_figure(sentence: str, money: Money) -> bool:
    """ "offerings for a total of 150 mln dlrs to fund its acquisition of Anixter", "repay
    the 395 mln dlr bridge loan": money raised or borrowed for a purchase, not its price."""
    return bool(
        # "a six-year secured loan of about 325 mln dlrs", "offerings for a total of"
        re.search(
            r"\b(?:loans?|credit(?:\s+line|\s+facility)?|financing|facility|offerings?|notes|"
            r"bonds|debt)\b[^.;,]{0,25}?\b(?:of|totall?ing|worth)\s+"
            r"(?:(?:about|around|up to|some|nearly|approximately)\s+)?$",
            sentence[max(0, money.start - 60) : money.start],
            re.I,
        )
        or re.match(
            r"\s+(?:(?:bridge|term|secured|syndicated|revolving)\s+)?(?:loans?|notes|bonds|"
            r"credit\s+(?:line|facility)|facility)\b|\s+to\s+(?:help\s+)?(?:fund|finance|pay\s+for)\b"
            # ("with a $10 billion preferred stock investment": money put into the buyer)
            r"|\s+(?:[\w-]+\s+){0,3}?(?:investment|equity\s+injection)\b",
            sentence[money.end :],
            re.I,
        )
    )


_ASIDE = re.compile(r",\s+(?:through|via|using|by\s+way\s+of)\s+[^,;]{1,60},\s+", re.I)

_EXAMPLES = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:companies|firms|startups|start-ups|businesses|rivals|makers|"
    r"drugmakers|chipmakers|developers|chains|banks|lenders|insurers|studios|platforms|providers|"
    r"brands|retailers|labels|apps)"
    r"(?:\s+(?:since|over|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?,?\s+"
    r"(?:including|such\s+as|among\s+them)\s+"
)
_DEFINITE = re.compile(r"\s*the\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*\b")

_NOUN_TRIGGERS = ("acquisition", "purchase", "takeover", "buyout", "bid", "offer", "deal")

_TIME_POSSESSIVE = re.compile(
    r"\b(?:last|this|next)\s+(?:year|month|week|quarter)['’]s\s+(?:[\w$€£¥.\-]+\s+){0,3}$"
    r"|\b(?:19|20)\d\d['’]s\s+(?:[\w$€£¥.\-]+\s+){0,3}$"
    # "he's the man behind his company's $19 billion acquisition of WhatsApp"
    r"|\b(?:his|her|their)\s+(?:company|firm|group)['’]s\s+(?:[\w$€£¥.\-]+\s+){0,3}$",
    re.I,
)

_GERUND_OPENING = re.compile(r"^\W*(?:(?:by|before|after|since|in|through|while|with)\s+)?$", re.I)

# Nouns naming a purchase, whose possessor is the buyer: "its $13.7 billion acquisition of".
_ACQUISITION_NOUN = re.compile(
    r"^(?:acquisitions? of|purchase of|takeover of|buyout of|(?:takeover\s+)?bid for|offer for|"
    r"(?:(?:billion|million|bn|mln|pending|proposed|planned|agreed)\s+)?deal\s+for|"
    r"merger with|(?:offer|bid)\s+of\s+\S+\s+(?:\S+\s+)?(?:a|per)\s+share|" + _PRICED_BID + ")",
    re.I,
)

# "the Whole Foods acquisition", "Its Whole Foods deal", "the AT&T - Time Warner merger"
_COMPOUND_NOUN = re.compile(
    r"\s*(?:(acquisition|purchase|takeover|buyout)|(deal|merger|combination|tie-up))\b"
    r"(?!\s+(?:of|by|with|for|talks|strategy|spree|targets?|opportunit\w*)\b)",
    re.I,
)

_ACQUIRED_BY = re.compile(
    r"\b(?:acquired|bought|purchased|taken over|taken private|snapped up|scooped up)"
    # ("was taken private in 2013 by founder Michael Dell")
    r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d|\s+(?:last|this|earlier\s+this)\s+\w+)?\s+by\b",
    re.I,
)

# Before a company's stock: all of it is the company.
_ALL_OF = re.compile(
    r"\b(?:all|the\s+(?:outstanding|remaining))\s+(?:of\s+)?(?:the\s+)?"
    r"(?:(?:outstanding|remaining)\s+)?(?:(?:common\s+)?(?:shares|stock)\s+(?:of|in)\s+)?$"
)

_COMPANY_PARTS = re.compile(r"\s+(?:assets|businesses|operations|units|divisions)\b")

# "Florida banks", "Nest products": a name used as a modifier of a plural noun.
_MODIFIED_PLURAL = re.compile(
    r"\s+(?:banks|stores|assets|operations|businesses|plants|factories|mills|units|stations|"
    r"properties|hotels|brands|divisions|subsidiaries|networks|outlets|restaurants|franchises|"
    r"interests|mines|fields|refineries|pipelines|branches|locations|facilities|licen[cs]es)\b"
)

_ANSWERS = re.compile(
    # ("Apple weighs bid for Perplexity": who weighs a bid may well be the bidder)
    r"\b(?:receiv(?:e|es|ed|ing)|got|gets|reject(?:s|ed|ing)?|rebuff(?:s|ed)?|turn(?:s|ed)?\s+down|"
    r"spurn(?:s|ed)?)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w$.,-]+\s+){0,3}?$",
    re.I,
)

_AGREEMENT_WITH = re.compile(
    r"\b(?:agreement|agreements|deal|contract|talks|accord|letter\s+of\s+intent)\s+with\s+"
    r"(?:the\s+)?$",
    re.I,
)

_PLAN_NOUN = (
    r"(?:application|bid|offer|plan|plans|attempt|proposal|move|effort|agreement|deal|"
    r"decision|intention|intent|request)"
)
# "TWA's application to acquire USAir": the possessor of the plan is the buyer.
_PLAN_TO = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?{_PLAN_NOUN}\s+to\s+$", re.I)


# "doubled its offer for Bell stock", "a tender offer for Rexnord shares": the bidder's own
_OWN_OFFER = re.compile(
    r"(?:\b(?:its|their|tender|takeover|buyout)|['’]s?)\s+(?:[\w$.,-]+\s+){0,3}?$", re.I
)

# "the Federal Reserve Board approved its application to acquire Coastal"
_OWN_APPLICATION = re.compile(
    rf"\b(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?{_PLAN_NOUN}\s+to\s+$", re.I
)


# "Rospatch said it rejected a proposal by Diagnostic Retrieval Systems Inc to acquire its
# stock", "received an unsolicited offer from Sterling Grace, acting together with others,
# to purchase all the assets of the fund": the proposer buys the one it proposed to.
_PROPOSAL_BY = re.compile(
    r"\b(?:proposal|offer|bid|approach|request)\s+(?:from|by)\s+(?:the\s+)?$", re.I
)
_TO_PURCHASE = re.compile(r"(?:\s*\([^)]{1,20}\))?(?:\s*,[^,;]{1,100},)?\s+to\s+$")
_ITSELF = re.compile(
    r"\s*(?:it|(?:all\s+(?:of\s+)?)?(?:its|the\s+(?:company|fund|bank|firm)['’]s?)\s+"
    r"(?:(?:outstanding|common|remaining)\s+)*(?:stock|shares|assets|business)|"
    r"(?:all\s+(?:of\s+)?)?the\s+(?:\w+\s+)?(?:stock|shares|assets|business)\s+of\s+the\s+"
    r"(?:company|fund|bank|firm|group|trust)|"
    r"the\s+(?:company|fund|bank|firm|group|trust))\b",
    re.I,
)


def _proposed_purchase(sentence, trigger, orgs, context) -> tuple[Entity, Entity] | None:
    """The proposer and the company it proposed to buy, when the object is that company."""
    if not _ITSELF.match(sentence, trigger.end()):
        return None
    for proposer in orgs:
        if proposer.end > trigger.start() or not _TO_PURCHASE.fullmatch(
            sentence[proposer.end : trigger.start()]
        ):
            continue
        proposal = _PROPOSAL_BY.search(sentence[max(0, proposer.start - 30) : proposer.start])
        if proposal is not None:
            break
    else:
        return None
    proposal_at = max(0, proposer.start - 30) + proposal.start()
    receiver = subject_before(sentence, proposal_at, orgs, context)
    if receiver is None or name_key(receiver.name) == name_key(proposer.name):
        return None
    return proposer, receiver


_OTHER_CLAUSE = re.compile(
    r"\b(?:after|before|when|while|since|because|until|as)\s+(?:[A-Z][\w.&-]*\s+){1,4}"
    r"(?:(?:had|has|have|was|is|also|then|first)\s+)?[a-z]+(?:ed|s)\b"
    # ("not raise its offer for Anadarko, clearing the way for Occidental to buy the company
    # for about $38 billion": another buyer's price)
    r"|\bfor\s+(?:[A-Z][\w.&-]*\s+){1,4}to\s+(?:buy|acquire|purchase|take\s+over)\b"
)


# What a deal for a company's goods buys: "a deal for Nvidia chips", "Broadcom components"
_SUPPLIED = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:components|chips|parts|rights|supplies|equipment|services|"
    r"products|content|programming|data|capacity|servers|GPUs|licen[cs]es?|patents|power|"
    r"gas|oil|fuel|cars|vehicles|aircraft|jets|planes|engines|devices|software|models?)\b"
)


# "Informatica for about $8 billion": the money is the price of the company right before
_FOR_MONEY = re.compile(
    r"\s+for\s+(?:(?:about|around|roughly|nearly|some|almost|approximately|an\s+estimated|"
    r"more\s+than|over|up\s+to|just\s+(?:over|under))\s+)?$",
    re.I,
)


# (a qualifier, "about $5 billion", is part of the amount's span already)
_MORE = r"(?:another\s+|an?\s+additional\s+)?$"
_RAISED_BEFORE = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|borrow(?:s|ed|ing)?)\s+" + _MORE, re.I
)
_PUT_BEFORE = re.compile(
    r"\b(?:invest(?:s|ed|ing)?|put(?:s|ting)?|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?)\s+" + _MORE,
    re.I,
)


def _priced_for_other(
    sentence: str, money: Money, orgs: list[Entity], parties: list[Entity]
) -> bool:
    """Whether the amount is told as another company's price: in "acquire Informatica for
    about $8 billion, its biggest deal since it bought Slack", $8 billion is never Slack's."""
    keys = {name_key(p.name) for p in parties}
    put = re.match(r"\s+(?:in|into)\s+(?:the\s+)?", sentence[money.end :])
    if put is not None and _PUT_BEFORE.search(sentence, max(0, money.start - 40), money.start):
        # "held talks to buy Perplexity before investing $14.3 billion in Scale AI"
        into = next((e for e in orgs if e.start == money.end + put.end()), None)
        if into is not None and not into.is_place and name_key(into.name) not in keys:
            return True
    told = _FOR_MONEY.search(sentence, max(0, money.start - 40), money.start)
    if told is None:
        return False
    named = next((e for e in orgs if e.end == told.start()), None)
    # ("Deci was acquired by Nvidia for about $300 million": the buyer's price)
    return (
        named is not None
        and not named.is_place
        and name_key(named.name) not in keys
        # ("bought WTRK Inc from Cox Enterprises Inc for 13.8 mln dlrs": the seller's)
        # ("from private equity firm Permira for $1.5 billion": described first)
        # ("from British hospitality group Whitbread Plc", "from Italy's Eni SpA")
        and not re.search(
            rf"\bfrom\s+(?:the\s+)?(?:[A-Z][\w.]*['’]s\s+)?"
            rf"(?:(?:[a-z][\w-]*|{DEMONYM.pattern})\s+){{0,4}}(?:[A-Z][\w.&-]*/)?$",
            sentence[max(0, named.start - 60) : named.start],
        )
    )


def _buys_together(sentence: str, orgs: list[Entity], buyer: Entity, verb: int) -> bool:
    """ "A consortium including Blackstone, MGX and Temasek agreed to buy": the list right
    before the verb buys together."""
    together = coordinated(sentence, orgs, buyer)
    listed = [e for e in orgs if e.name in together and buyer.start <= e.start and e.end <= verb]
    last = listed[-1] if listed else buyer
    first = next((e for e in orgs if e.name in together), buyer)
    return (
        last.end <= verb
        and re.fullmatch(r"[^,;]{0,40}", sentence[last.end : verb]) is not None
        and not any(last.end <= e.start < verb for e in orgs)
        and not re.search(r"\b(?:from|by|of|to|with|for)\s+(?:the\s+)?$", sentence[: first.start])
    )


def _person_before(sentence: str, start: int, end: int) -> Entity | None:
    """The full name whose last word is ``sentence[start:end]`` ("Soon-Shiong" in "Dr.
    Patrick Soon-Shiong's"), without a title, when it is two or three capitalised words."""
    last = sentence[start:end]
    last = re.sub(r"['’]s?$", "", last)
    before = re.search(r"((?:[A-Z][\w'’-]+\s+){1,2})$", sentence[:start])
    if before is None or not re.fullmatch(r"[A-Z][\w'’-]+", last):
        return None
    words = before.group(1).split()
    while words and words[0].rstrip(".") in {"Dr", "Mr", "Ms", "Mrs", "Sir", "Dame", "Prof"}:
        words = words[1:]
    if not words:
        return None
    name = " ".join([*words, last])
    return Entity(name, name, start - len(before.group(1)), start + len(last), "org")


REGULATOR = re.compile(
    r"\b(?:Department|Ministry|Commission|Agency|Regulator|Court|Congress|Senate|"
    r"Parliament|Federal Reserve|Justice|FTC|DOJ|DOT|ICC|SEC|FCC|CMA|CFIUS|"
    r"Competition Bureau|"
    # ("Qatar Investment Authority", "Canada Pension Plan Investment Board" invest and buy)
    r"(?<!Investment\s)(?:Authority|Board))\b"
)

# "acquired Unimed in 1999, and Abbott purchased Solvay": after "and" a new clause begins,
# not the next item of a list.
_CLAUSE_VERB = re.compile(
    r"\s+(?:has|have|had|is|was|were|will|would|said|says|agreed|(?-i:[a-z]+ed)|"
    r"(?-i:[a-z]+s)\s+(?:a|an|the|its|\$))\b",
    re.I,
)


# "Whole Foods, which it bought", "the DirecTV operations which it acquired", "Mobileye, the
# Israeli company it acquired", "Nest, which the company had bought": a purchase told as a
# relative clause whose subject is the company the main clause speaks of.
_OWN_PURCHASE = re.compile(
    r"(?:,?\s+(?:which|that)|,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|"
    r"start-up|maker|business|unit|developer|platform|chain|retailer|network|studio|"
    r"service|group|brand|lab)(?:\s+(?:that|which))?)\s+"
    r"(?:it|they|the\s+(?:company|firm|group))\s+"
    # ("which it fully acquired in 2011")
    r"(?:(?:had|has|have|later|then|eventually|previously|recently|just|also|fully|"
    r"outright)\s+)*"
    # ("NXP Semiconductors, which it agreed to buy for $44 billion in 2016")
    r"(?P<agreed>agreed\s+to\s+)?$"
)
_COUNT = re.compile(r"\s*(?:\d{1,3}(?:,\d{3})+|\d+)\s+")
_COUNTED_UNITS = re.compile(
    r"\s+(?P<unit>stores|branches|plants|factories|mills|hospitals|hotels|restaurants|outlets|"
    r"pharmacies|locations|stations|clinics|theaters|theatres|cinemas|dealerships|"
    r"supermarkets|shops|mines)\b"
)
_PAST_BUYING = {"acquired", "bought", "purchased", "took over"}
_OWN_UNIT_BEFORE = re.compile(
    r"\b(?:its|their)\s+(?P<unit>(?:[\w-]+\s+){0,3}?(?:business|unit|division|arm|operations|"
    r"subsidiary))$"
)
# "his $44 billion takeover of Twitter": a person's own purchase
_HIS = re.compile(r"\b(?:his|her)\s+(?:[\w$.,-]+\s+){0,4}$", re.I)
# What may stand between the company bought and the clause: the part of it that was bought
_OWNED_GAP = re.compile(
    r"(?:\s+(?:[\w-]+\s+){0,3}?(?:operations|business(?:es)?|units?|divisions?|assets|"
    r"subsidiary|arm|brand|chain|stores))?"
)
_NO_OBJECT = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:for|in|on|at|last|this|earlier|from|back|through|via|with|"
    rf"when|after|before|during|and|but|as|only|just|{TIME_AGO})\b"
)
_LISTED_BEFORE = re.compile(r"(?:,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
_HOLDING_OF = re.compile(r"\b(?:shares|stock|stake|bonds|notes|debt)\s+(?:in|of)\s+$", re.I)


def _possessed_name(sentence: str, owner: Entity, orgs: list[Entity]) -> Entity | None:
    """ "bought Microsoft's Bing for $5 billion": the company a possessive names, bought
    for its own price or closing the clause."""
    # (only a known owner: in "Miami-based Heinl's Nursery Inc" the possessive is the name's)
    owned = re.match(r"['’]s?\s+", sentence[owner.end :]) if owner.known else None
    unit = next((e for e in orgs if owned and e.start == owner.end + owned.end()), None)
    if unit is None or not re.match(r"\s+(?:for|in\s+an?)\s|\s*[,.;]|\s*$", sentence[unit.end :]):
        return None
    return unit


_UNIT_OF = re.compile(
    r"\s*the\s+(?P<unit>(?:[a-z][\w-]*\s+){1,3}(?:business|unit|division|arm|operations))\s+of\s+"
    r"(?:the\s+)?"
)
_HOME_BEFORE = re.compile(r"((?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)['’]s?\s+$")


def _without_home(gap: str) -> str:
    """The words before a target without its country's possessive ("buy Canada's
    Goldcorp", "the consumer health business of Germany's Merck KGaA")."""
    home = _HOME_BEFORE.search(gap)
    if home is not None and is_place_name(home.group(1)):
        return gap[: home.start()]
    return gap


def acquisition_records(sentence, trigger, orgs, amounts, context, make) -> list[DealRecord]:
    if re.search(
        r"\b(?:enough|afford)\s+to\s+$", sentence[max(0, trigger.start() - 20) : trigger.start()]
    ):
        return []  # "$285 billion in cash, enough to buy Netflix, Tesla and Disney": a measure
    helped = _HELPED_FINANCE.search(sentence, max(0, trigger.start() - 80), trigger.start())
    if helped is not None:
        # "Berkshire Hathaway, which owns 26% of Occidental, helped finance its 2019
        # takeover of Anadarko": the company it helps buys, not the financier
        helped_org = next(
            (e for e in reversed(orgs) if e.end <= helped.start() and not e.is_place), None
        )
        opening = next((e for e in orgs if at_start(sentence, e)), None)
        if helped_org is None or helped_org is opening:
            return []
    helped_buyer = helped_org if helped is not None else None
    if re.search(
        r"\bgo(?:es|ing)?\s+public\s+(?:by|through|via)\s+(?:an?\s+)?$",
        sentence[max(0, trigger.start() - 40) : trigger.start()],
    ):
        return []  # "will go public by merging with Social Capital Hedosophia": a listing
    passive = _ACQUIRED_BY.search(sentence)
    targets: list[Entity] = []
    unit_owner: Entity | None = None  # the company whose unit is bought
    when = None  # the text whose date is the purchase's, when not the sentence's
    # (not a closed clause: "SoftBank Group, which controls Sprint, bought the carrier")
    relative = re.search(r",\s+which\s+((?:[^\s,]+\s+){1,4})$", sentence[: trigger.start()])
    buyer = first_after(relative.start(1), orgs) if relative else None
    own = _OWN_PURCHASE.search(sentence, max(0, trigger.start() - 150), trigger.start())
    owned = (
        [
            e
            for e in orgs
            if e.end <= own.start()
            and _OWNED_GAP.fullmatch(sentence, e.end, own.start())
            and not e.is_place
            # ("shares of Nvidia, which it bought": a holding, not the company)
            and not _HOLDING_OF.search(sentence, max(0, e.start - 20), e.start)
        ]
        if own
        else []
    )
    if relative and buyer is not None and buyer.end <= trigger.start():
        # "Tio Networks, which PayPal bought in July": the company before "which" was bought.
        before = [e for e in orgs if e.end <= relative.start()]
        targets = before[-1:]
        acquirer = buyer
        unit = _OWN_UNIT_BEFORE.search(sentence, max(0, relative.start() - 60), relative.start())
        owner = possessor_of(sentence, unit.start("unit"), orgs, context) if unit else None
        if unit is not None and owner is not None and not same_company(owner.name, buyer.name):
            # "the sale of its spreads business, which KKR later bought": the owner's unit
            name = f"{owner.name} {unit['unit']}"
            targets = [Entity(name, name, unit.start("unit"), unit.end("unit"), "org")]
    elif (
        own
        and owned
        and (
            trigger.group(0).lower() in _PAST_BUYING
            or (own["agreed"] and trigger.group(0).lower() in {"buy", "acquire", "purchase"})
        )
        # (the object is the company before: "an announcement ... that it bought about 20
        # pct of Hk Hotels" tells its own)
        and _NO_OBJECT.match(sentence, trigger.end())
    ):
        # "expanding Whole Foods, which it bought last year", "Mobileye, the Israeli company
        # it acquired in 2017": the company before the clause was bought by the one the
        # main clause is about.
        target = owned[-1]
        targets = [target]
        # ("divest Turner Broadcasting, or the DirecTV operations which it acquired": the
        # subject is before the whole list the company ends)
        head = target
        while (
            listed := next((e for e in reversed(orgs) if e.end <= head.start), None)
        ) is not None and _LISTED_BEFORE.fullmatch(sentence, listed.end, head.start):
            head = listed
        acquirer = subject_before(sentence, head.start, orgs, context)
        if acquirer is None or same_company(acquirer.name, target.name):
            acquirer = context.focus_other_than(target.name)
        # Its price and date are the relative clause's own, not the main clause's.
        told = (own.start(), clause_end_at(sentence, trigger.end()))
        amounts = [m for m in amounts if told[0] < m.start < told[1]]
        when = sentence[told[0] : told[1]]
    elif passive:
        target = subject_before(sentence, passive.start(), orgs, context)
        acquirer = first_after(passive.end(), orgs)
        if acquirer is not None and target is not None and same_company(acquirer.name, target.name):
            # "Dell was taken private by founder Michael Dell and Silver Lake Partners": the
            # founder's name is the company's; the other buyer is named next
            acquirer = next(
                (
                    e
                    for e in orgs
                    if e.start > acquirer.end
                    and not same_company(e.name, target.name)
                    and re.fullmatch(
                        r"\s+and\s+(?:[a-z][\w-]*\s+){0,4}", sentence[acquirer.end : e.start]
                    )
                ),
                None,
            )
        targets = [target] if target is not None else []
    elif (proposed := _proposed_purchase(sentence, trigger, orgs, context)) is not None:
        acquirer, target = proposed
        targets = [target]
    else:
        word = trigger.group(0).lower()
        acquirer = subject_before(sentence, trigger.start(), orgs, context)
        agreed = (
            _AGREEMENT_WITH.search(sentence[: acquirer.start])
            if acquirer is not None
            and re.fullmatch(
                r"(?:\s*\([^)]{1,20}\))?\s+to\s+", sentence[acquirer.end : trigger.start()]
            )
            else None
        )
        if agreed is not None:
            # "Acme signed an agreement with Beta Corp to acquire Delta": Beta sells; the
            # one who signed with it buys.
            acquirer = subject_before(sentence, agreed.start(), orgs, context)
        if word.startswith(("offer", "bid")) and _ANSWERS.search(sentence[: trigger.start()]):
            # "Phoenix Steel Receives Offer For Claymont Mill": who receives or turns down
            # an offer sells; the bidder is named after "from", if at all.
            bidder = re.search(r"\bfrom\s+(?:the\s+)?", sentence[trigger.end() :])
            acquirer = first_after(trigger.end() + bidder.end(), orgs) if bidder else None
        opening = next((e for e in orgs if at_start(sentence, e)), None)
        if opening is not None and SHARED_SUBJECT.search(sentence[: trigger.start()]):
            # "Acme raised $5 million from Beta and Gamma, and plans to buy Delta": the
            # second verb shares the sentence's subject.
            acquirer = opening
        if _PLAN_TO.search(sentence[: trigger.start()]):
            plan = re.search(r"\s+to\s+$", sentence[: trigger.start()])
            acquirer = (
                possessor_of(sentence, plan.start() if plan else trigger.start(), orgs, context)
                or acquirer
            )
        # "acquire, through a wholly owned unit, all outstanding shares of Rospatch": the
        # object follows the aside
        aside = _ASIDE.match(sentence, trigger.end())
        obj_from = aside.end() if aside else trigger.end()
        # ("has agreed to buy several drugmakers since the pandemic, including Arena")
        examples = (
            _EXAMPLES.match(sentence, obj_from)
            if word.startswith(("acqui", "buy", "bought", "purchas"))
            else None
        )
        if examples is not None:
            # "to acquire AI software companies, including Silo AI for $665 million"
            obj_from = examples.end()
        target = first_after(obj_from, orgs)
        referent = _DEFINITE.match(sentence[obj_from:])
        told_before = False
        # ("acquired Falmouth, Maine-based G.H. Bass": that comma ends no clause)
        based = _TOWN_BASED.match(sentence, obj_from)
        clause_from = based.end() if based else obj_from
        if target is not None and target.start >= clause_end_at(sentence, clause_from):
            # "purchase of $2.8 billion in bonds, first reported by the Wall Street Journal"
            target = None
        held = (
            [
                e
                for e in orgs
                if e.end <= trigger.start()
                and not e.is_place
                and re.search(
                    r"\b(?:position|stake|holding|shares|stock)\s+(?:in|of)\s+$",
                    sentence[max(0, e.start - 30) : e.start],
                )
            ]
            if referent and target is None and word.startswith(_NOUN_TRIGGERS)
            else []
        )
        if held and (acquirer is None or name_key(held[-1].name) != name_key(acquirer.name)):
            # "sold its entire position in Monsanto after Bayer's $63 billion takeover of the
            # seed maker": the company whose shares the sentence just named
            target = held[-1]
        # "its proposed $13.7 billion acquisition of the grocer": a target named before.
        if (
            referent
            and context.last_target is not None
            and (
                word.startswith(_NOUN_TRIGGERS)
                # ("clearing the way for Occidental to buy the company for about $38
                # billion": the company the sentence's offer was for)
                or (target is None and REFERENCE.match(sentence, obj_from + 1))
            )
            and not held
            and (target is None or target.start > obj_from + referent.end())
        ):
            target = context.last_target
            told_before = True
        # "buy" and "purchase" take their object right after them; anything further
        # away is shopping ("buy point", "buying rights to", "available for purchase").
        # (a target of an earlier sentence has no place in this one to measure from)
        if (
            target is not None
            and not told_before
            and not word.startswith(
                ("acqui", "takeover", "buyout", "merge", "bid", "offer", "purchase of")
            )
        ):
            gap = _without_home(sentence[obj_from : target.start])
            # ("buy most of 21st Century Fox's entertainment assets": a part of a company)
            if not (
                _BUY_GAP.fullmatch(gap)
                or _WHOLE_OF.fullmatch(gap)
                # ("a warrant to buy shares of PC Acquisition": a few shares are no purchase)
                or (_PART_OF.fullmatch(gap) and not _SHARES_WORD.search(gap))
                # ("bought $26.5 billion of GE's real estate assets": a part, by its price)
                or (_SUM_OF.fullmatch(gap) and OWNED_PARTS.match(sentence, target.end))
                # ("buy 1,932 Rite Aid stores": a counted part, read below)
                or (_COUNT.fullmatch(gap) and _COUNTED_UNITS.match(sentence, target.end))
            ):
                return []
        elif target is not None and re.search(
            r"\b(?:for|from|to|with|by|via|through|into|on|at)\s",
            _without_home(sentence[obj_from : target.start]),
        ):
            # "the purchase of an iconic property for donation to South Carolina State Parks"
            return []
        if (
            target is not None
            and re.fullmatch(r"acquir(?:e|es|ed|ing)", word)
            and target.start > obj_from
        ):
            # "the British Museum acquired black and white photographs of a full deck of
            # tarot cards now known as the Sola-Busca deck": the verb's object is the thing
            # bought, of which the name is a part; a company's own assets, control or
            # majority are bought "of" it.
            gap = _without_home(sentence[obj_from : target.start])
            if re.search(r"\b(?:of|known as)\b", gap) and not _PART_OF.fullmatch(gap):
                return []
        if target is not None and (
            _GOODS_OF.match(sentence, target.end) or _PEOPLE_OF.match(sentence, target.end)
        ):
            # "will use the money to buy Nvidia's chips": goods, not the maker; "to acquire
            # new Prime customers": people won, not a company
            return []
        rival = RIVAL_OF.match(sentence, target.end) if target is not None else None
        if rival is not None:
            # "acquire WalkMe's smaller German rival Clarifai Labs": the rival is bought
            target = next((e for e in orgs if e.start == rival.end()), target)
        named = None
        if target is not None and target.start >= obj_from:
            # "a quirky Bay Area bakery chain called La Boulange": the name is the target.
            clause_end = clause_end_at(sentence, target.end)
            named = next(
                (
                    e
                    for e in orgs
                    if target.end <= e.start < clause_end
                    and re.search(
                        r"\b(?:called|named|dubbed|known as)\s+$",
                        sentence[max(0, e.start - 20) : e.start],
                    )
                ),
                None,
            )
            target = named or target
            if (unit := owned_unit(sentence, target, orgs)) is not None:
                # "an offer for Alphabet's Chrome browser", "buy Intel's Altera unit"
                named = target = unit
            elif (unit := _possessed_name(sentence, target, orgs)) is not None:
                named = target = unit
        if (
            named is None
            and target is not None
            # (a bid per share is for the company's shares: "for all of Revlon's stock"; so
            # is an offer for them: "doubled its offer for Bell stock")
            and not re.search(r"\bshare\s+(?:(?:in\s+)?cash\s+)?for$", word)
            and not (
                re.fullmatch(r"(?:offer|bid)\s+for", word)
                and _OWN_OFFER.search(sentence[: trigger.start()])
            )
            # "acquire all outstanding shares of Rospatch Corp's common stock": the company
            and not (
                _ALL_OF.search(sentence[obj_from : target.start])
                and re.match(
                    # ("all Rexnord Inc common shares": without a possessive too)
                    r"(?:['’]s?)?\s+(?:outstanding\s+)?(?:common\s+)?(?:stock|shares)\b"
                    r"(?!\s+(?:in|of)\b)",
                    sentence[target.end :],
                )
            )
            and re.match(
                r"(?:['’]s?\s+(?:[\w%.-]+\s+){0,2}?"
                # "after buying Fox's share", "buy Comcast's 33% stake": a holding in another
                # company, not Fox
                r"(?=(?:stock|shares|share|stake|holding|interest|bonds|debt|notes)\b))?"
                r"\s*(?:(?:common|preferred|ordinary|treasury|voting|outstanding)\s+)?"
                r"(?:stock|shares|bonds|debt|notes|rights|real estate|products?|devices?|"
                r"phones?|cars?|tickets?|items?|goods|services?|subscriptions?|gift cards?|"
                r"games?|apps?|consoles?|books?|chips?|movies?|films?|songs?|albums?|"
                r"time|breathing room|stakes?|holdings?|share|interest)\b",
                sentence[target.end :],
                re.I,
            )
        ):
            return []
        counted = (
            _COUNTED_UNITS.match(sentence, target.end)
            if named is None
            and target is not None
            and target.start > obj_from
            and _COUNT.fullmatch(sentence, obj_from, target.start)
            else None
        )
        if counted is not None and target is not None:
            # "buy 1,932 Rite Aid stores for $4.38 billion": a part of the company, counted
            unit_owner = target
            name = f"{target.name} {counted['unit']}"
            named = target = Entity(name, name, target.start, target.end, "org")
        if (
            named is None
            and target is not None
            and (
                (
                    _MODIFIED_PLURAL.match(sentence[target.end :])
                    # "a bid for the Fox assets": the assets of one company are that company's
                    and not (
                        re.search(r"\bthe\s+$", sentence[obj_from : target.start])
                        and _COMPANY_PARTS.match(sentence[target.end :])
                    )
                )
                # "buy a USB-PD battery": after "a", a name followed by a noun is a brand
                or (
                    re.search(r"\b(?:a|an)\s+(?:\S+\s+)?$", sentence[obj_from : target.start])
                    and MODIFIED_NOUN.match(sentence[target.end :])
                )
                or re.search(
                    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some)\s+$",
                    sentence[obj_from : target.start],
                )
                # "Should Drew buy a Wii U?": a company is bought by its name, a product with
                # "a"; "a company called X" is read above.
                or re.fullmatch(r"\s+(?:a|an)\s+", sentence[obj_from : target.start])
            )
        ):
            # "acquire four Florida banks": the name qualifies what is bought.
            return []
        part = (
            _UNIT_OF.fullmatch(_without_home(sentence[obj_from : target.start]))
            if target is not None and named is None and target.start > obj_from
            else None
        )
        parts = (
            OWNED_PARTS.match(sentence, target.end)
            if target is not None
            and named is None
            and part is None
            and target.end > trigger.end()
            # (not a stake in the parts: "a 51% ownership position in Jenner's portfolio")
            and not re.search(
                r"\b(?:stake|position|interest|ownership|shares?)\b|%|\bper\s?cent\b",
                sentence[obj_from : target.start],
            )
            and not is_person(sentence, target)
            else None
        )
        if parts is not None and target is not None:
            # "buy Liberty Global's cable networks in Germany": the owner's networks
            unit_owner = target
            name = f"{target.name} {parts['unit']}"
            target = Entity(name, name, target.start, target.end, "org")
        if part is not None and target is not None:
            # "buy the consumer health business of Germany's Merck KGaA": the unit is bought
            unit_owner = target
            name = f"{target.name} {part['unit']}"
            target = Entity(name, name, target.start, target.end, "org")
        if target is not None and target.end <= trigger.start():
            targets = [target]
        elif target is not None:
            targets = [target]
            if word.startswith("acquisitions"):
                # "Its acquisitions of Pixar in 2006, Marvel in 2009, and Lucasfilm in 2012"
                targets = listed_after(sentence, target, orgs)
            elif (
                len(listed := listed_after(sentence, target, orgs)) > 1
                # ("Instagram in 2012 and WhatsApp in 2014": each with its year)
                and re.fullmatch(
                    r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4})?,?\s*(?:and|&)\s+",
                    sentence[listed[-2].end : listed[-1].start],
                )
                and not _CLAUSE_VERB.match(sentence, listed[-1].end)
            ):
                # "Alphabet acquired Wiz, Mandiant and DeepMind": a list closed by "and"
                targets = listed
        if (
            "deal" in word
            and targets
            and _SUPPLIED.match(sentence, targets[-1].end)
            and not re.match(r"['’]s?\s", sentence[targets[-1].end :])
        ):
            return []  # "Apple's deal for Broadcom components": a supply deal
        if _ACQUISITION_NOUN.match(sentence[trigger.start() :]):
            owner = possessor_of(sentence, trigger.start(), orgs, context)
            named_owner = POSSESSOR.search(sentence[: trigger.start()])
            person = (
                next((e for e in orgs if e.end <= trigger.start() and is_person(sentence, e)), None)
                if _HIS.search(sentence, max(0, trigger.start() - 40), trigger.start())
                else None
            )
            if person is not None:
                # "Elon Musk, who sold $40 billion of Tesla stock, used the proceeds to fund
                # his $44 billion takeover of Twitter": the person buys
                acquirer = person
            elif owner is not None:
                acquirer = owner
            elif named_owner and re.match(r"[A-Z]", named_owner.group(2) or ""):
                # "Dr. Patrick Soon-Shiong's purchase of": a person buys, not the subject
                acquirer = _person_before(sentence, named_owner.start(2), named_owner.end(2))
            elif word.startswith("acquisition"):
                acquirer = subject_before(sentence, trigger.start(), orgs, context)
            if acquirer is None and _TIME_POSSESSIVE.search(sentence[: trigger.start()]):
                # "last year's $30 billion acquisition of Actelion": the story's company.
                acquirer = context.focus
            if owner is None and targets:
                # "The acquisition of Wiz by Google": the buyer follows the target.
                # ("the acquisition of South Bay Savings in Gardena, Calif., By Standard
                # Pacific Savings": a place between, and wire copy's capitals)
                by = re.match(
                    r"(?:\s+(?:in|of)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:,\s+[A-Z][\w.]*)?,?)?"
                    r"\s+(?i:by)\s+(?:the\s+)?",
                    sentence[targets[-1].end :],
                )
                if by is not None:
                    acquirer = next(
                        (e for e in orgs if e.start == targets[-1].end + by.end()), acquirer
                    )
    targets = [t for t in targets if not t.is_place]
    if helped_buyer is not None:
        acquirer = helped_buyer
    if acquirer is not None and REGULATOR.search(acquirer.name):
        # "before his Justice Department okays its $84.5 billion acquisition of Time
        # Warner": the regulator approves someone else's purchase; it never buys. "Suffield
        # said the Federal Reserve Board approved its application to acquire Coastal": the
        # teller's application.
        teller = (
            subject_before(sentence, acquirer.start, orgs, context)
            if _OWN_APPLICATION.search(sentence[: trigger.start()])
            else None
        )
        acquirer = teller if teller and not REGULATOR.search(teller.name) else None
    if not targets:
        return []
    if (
        acquirer is None
        and trigger.group(0).lower().endswith("ing")
        and _GERUND_OPENING.match(sentence[: trigger.start()])
    ):
        # "By purchasing Whole Foods, Amazon has bought ...", "Buying Fox's studio would give
        # Disney ...": the company of the main clause, else the story's company.
        after = [
            e
            for e in orgs
            if e.start > targets[-1].end
            and name_key(e.name) not in {name_key(t.name) for t in targets}
        ]
        acquirer = after[0] if after else context.focus
    opening = next((e for e in orgs if at_start(sentence, e) and not e.is_place), None)
    participle = trigger.group(0).lower().endswith("ing") and re.search(
        r",\s+(?:\w+ly\s+)?$", sentence[: trigger.start()]
    )
    if (
        opening is not None
        and participle
        and not any(same_company(opening.name, t.name) for t in targets)
    ):
        # "Pfizer has been on a shopping spree since its Covid-19 windfall, buying Arena":
        # the participle's subject is the sentence's
        acquirer = opening
    elif opening is None and participle and (ref := OPENING_REFERENCE.match(sentence)) is not None:
        # ("The company has been on a shopping spree ..., buying Arena": the company meant)
        acquirer = subject_before(sentence, ref.end(), orgs, context)
    lo = min(trigger.start(), targets[0].start)
    hi = max(trigger.end(), targets[-1].end)
    # (a buyer that is what the sentence just bought is a misreading the caller mends: "...
    # Informatica for $8 billion, its biggest deal since it bought Slack")
    parties = [*targets, *([unit_owner] if unit_owner is not None else [])]
    if acquirer is not None and not (
        context.last_target is not None
        and name_key(context.last_target.name) == name_key(acquirer.name)
    ):
        parties.append(acquirer)
    price = nearest(
        sentence,
        [
            m
            for m in amounts
            if not is_per_share(sentence, m)
            and not _compared_figure(sentence, m)
            and not _financing_figure(sentence, m)
            and not _measured_figure(sentence, m)
            # (the figure of an earlier clause: "raised $5 million ..., and plans to buy")
            and not (m.end <= lo and re.search(r"[,;]\s+(?:and|but|while)\s", sentence[m.end : lo]))
            # (or of a later one with a subject of its own: "acquired Windsurf weeks after
            # Google hired its CEO in a $2.4 billion deal")
            and not (m.start >= hi and _OTHER_CLAUSE.search(sentence[hi : m.start]))
            and not _priced_for_other(sentence, m, orgs, parties)
            and not _in_other_deal_clause(sentence, m, trigger.start())
            # ("Quarry raised $5 million after buying Halvard": money raised is no price)
            and not _RAISED_BEFORE.search(sentence, max(0, m.start - 30), m.start)
            # ("merged with X in a deal that valued xAI at $80 billion": the buyer's worth)
            and not (
                (valued := valued_name(sentence, m)) is not None
                and not any(same_company(valued, t.name) for t in targets)
            )
        ],
        lo,
        hi,
    )
    if len(targets) > 1:
        price = None  # one amount cannot be the price of several purchases
    records = []
    for target in targets:
        buyer = acquirer
        if (
            buyer is not None
            and name_key(target.name) == name_key(buyer.name)
            and REFERENCE.search(sentence[: trigger.start()])
        ):
            # "McDonnell merged with Douglas Aircraft to become McDonnell Douglas, and then
            # it merged with Boeing": "it" is the company named last, not the one bought.
            earlier = [
                e
                for e in orgs
                if e.end <= trigger.start() and name_key(e.name) != name_key(target.name)
            ]
            buyer = earlier[-1] if earlier else context.focus_other_than(target.name)
        if buyer is not None and name_key(target.name) == name_key(buyer.name):
            continue
        if buyer is None and price is None:
            continue  # neither buyer nor price: too little to be worth a record
        confidence = 0.8 if price else 0.65
        if buyer is None:
            confidence -= 0.2
        context.targets.add(name_key(target.name))
        context.last_target = target
        if buyer is not None:
            context.bought_by[name_key(buyer.name)] = target
        year = _OWN_YEAR.match(sentence, target.end) if len(targets) > 1 else None
        consortium = _CONSORTIUM.search(sentence, 0, trigger.start())
        members = (
            [
                e.name
                for e in orgs
                if consortium.end() <= e.start < trigger.start()
                and not e.is_place
                and name_key(e.name) != name_key(target.name)
            ]
            if consortium is not None and buyer is not None
            else []
        )
        records.append(
            make(
                "acquisition",
                target,
                # "taken private by Permira and Canada Pension Plan Investment Board"
                investors=(
                    # ("A consortium led by China's Anta Sports and private equity firm
                    # FountainVest Partners agreed to buy": each member)
                    members
                    if buyer is not None and buyer.name in members
                    else coordinated(sentence, orgs, buyer)
                    if buyer and (passive or _buys_together(sentence, orgs, buyer, trigger.start()))
                    else [buyer.name]
                    if buyer
                    else []
                ),
                lead_investors=[],
                confidence=confidence,
                when=when,
                **(amount_fields(price) if price else {}),
            )
        )
        if year is not None:
            # "bought Instagram in 2012 and WhatsApp in 2014": each purchase its own year
            records[-1].announced_on = date_told(year.group(0), None)
    if len(records) == 1 and price is not None:
        records += _next_priced_purchases(sentence, price, orgs, amounts, records[0], make)
    return records


# ("completed its own $6 billion takeover of Randgold", "which paid $1 billion for")
_CLAUSE_DEAL = re.compile(
    r"\b(?:takeover|acquisition|purchase|merger|bought|acquired|paid|raised|invested|sold)\b"
)


def _in_other_deal_clause(sentence: str, money: Money, trigger_at: int) -> bool:
    """Whether ``money`` is the price of another deal told in a closed "which" clause:
    "Barrick Gold, which completed its own $6 billion takeover of Randgold, had considered a
    bid for Newmont" prices Randgold, not the bid."""
    return any(
        start <= money.start < end
        and not start <= trigger_at < end
        and _CLAUSE_DEAL.search(sentence, start, end)
        for start, end in (c.span() for c in CLOSED_RELATIVE.finditer(sentence))
    )


_CONSORTIUM = re.compile(
    r"\b(?:consortium|group\s+of\s+investors|investor\s+group)\s+(?:led\s+by|including|of|"
    r"made\s+up\s+of)\s+"
)

_OWN_YEAR = re.compile(r"\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}\b")

# "bought Slack for $27.7 billion in 2021 and Tableau for $15.7 billion in 2019"
_AND_NEXT = re.compile(
    r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}|\s+(?:last|this)\s+(?:year|month|week|quarter))?"
    # ("buying Arena for $6.7 billion, Biohaven for $11.6 billion and Global Blood for")
    r"(?:,?\s+and\s+|,\s+)"
)
_FOR_PRICE = re.compile(r"\s+for\s+")


def _next_priced_purchases(sentence, price, orgs, amounts, first, make) -> list[DealRecord]:
    """Further companies bought by the same buyer, each with its own price."""
    records = []
    while (joiner := _AND_NEXT.match(sentence, price.end)) is not None:
        described = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])").match(sentence, joiner.end())
        target = next(
            (
                e
                for e in orgs
                # ("... and fintech lender GreenSky for $2.24 billion in 2021")
                if e.start in (joiner.end(), described.end() if described else -1)
                and not e.is_place
            ),
            None,
        )
        part = OWNED_PARTS.match(sentence, target.end) if target is not None else None
        if target is not None and part is not None:
            # "bought AOL for $4.4 billion and Yahoo's internet business for $4.48 billion"
            name = f"{target.name} {part['unit']}"
            target = Entity(name, name, target.start, part.end(), "org")
        priced = _FOR_PRICE.match(sentence, target.end) if target is not None else None
        price = next(
            (
                m
                for m in amounts
                if priced
                and m.start >= priced.end()
                and re.fullmatch(r"(?:[a-z]+\s+){0,2}", sentence[priced.end() : m.start])
            ),
            None,
        )
        if target is None or price is None:
            break
        if any(same_company(target.name, n) for n in first.investors):
            break
        record = make(
            "acquisition",
            target,
            investors=list(first.investors),
            lead_investors=[],
            confidence=first.confidence,
            **amount_fields(price),
        )
        # "... and Tableau for $15.7 billion in 2019": a year of its own; "a year later"
        # counts on from the purchase before
        later = years_later(sentence, price.end)
        record.announced_on = (
            announced_on(sentence[target.start :], None)
            or (
                dt.date(first.announced_on.year + later, 1, 1)
                if later is not None and first.announced_on is not None
                else None
            )
            or record.announced_on
        )
        records.append(record)
    return records


# "won approval to buy 1,932 stores from Rite Aid for $4.38 billion", "agreed to buy film,
# television and international businesses from Twenty-First Century Fox for $52.4 billion":
# a company's parts bought from it (goods bought from a country are trade, not a deal)
_BOUGHT_FROM = re.compile(
    r"\b(?:buy|buys|bought|buying|acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing))\s+"
    r"(?:(?:about|some|nearly|roughly|more\s+than)\s+)?"
    r"(?P<what>(?:[\w,-]+\s+){0,6}?(?:stores|businesses|business|assets|units?|divisions?|"
    r"operations|brands?|portfolio|plants|factories|mills|stations|hospitals|properties|hotels|"
    r"mines|fields|refiner(?:y|ies)|networks?|subsidiar(?:y|ies)|studios|channels|towers|"
    r"pharmacies|restaurants|branches))\s+from\s+(?:the\s+)?"
)


def bought_from(sentence, orgs, amounts, context, make) -> DealRecord | None:
    for told in _BOUGHT_FROM.finditer(sentence):
        seller = next((e for e in orgs if e.start == told.end() and not e.is_place), None)
        if seller is None or re.search(r"\b(?:shares|stake|stock|bonds)\b", told["what"]):
            continue
        price = _price_after(sentence, amounts, seller)
        buyer = subject_before(sentence, told.start(), orgs, context)
        if price is None or buyer is None or same_company(buyer.name, seller.name):
            continue
        what = re.sub(r"^(?:the|its|their|a|an|[\d,.]+)\s+", "", told["what"].strip())
        name = f"{seller.name} {what}"
        target = Entity(name, name, told.start("what"), told.end("what"), "org")
        return _purchase(make, target, buyer.name, price)
    return None


def _purchase(make, target: Entity, buyer: str, price: Money | None) -> DealRecord:
    """One company bought by another: surer with its price told."""
    return make(
        "acquisition",
        target,
        investors=[buyer],
        lead_investors=[],
        confidence=0.8 if price else 0.65,
        **(amount_fields(price) if price else {}),
    )


# "has made several AI acquisitions this year, including Robust Intelligence and
# Isovalent", "spent $1 billion on AI-related acquisitions, including Silo AI for $665
# million": each company of the list is a purchase of the subject's.
_ACQUISITIONS_INCLUDING = re.compile(
    r"\b(?:made|completed|closed|announced|spent|spending|spend|pursued)\s+"
    + IN_SENTENCE
    + r"{0,80}?"
    r"\b(?:acquisitions|takeovers|purchases)\b[^.;,]{0,40},?\s+(?:including|such\s+as)\s+",
    re.I,
)
_LIST_GAP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


_HOME_TAIL = re.compile(
    r"(?P<name>.+?(?<!Bank)(?<!Fund)(?<!Government)(?<!University)(?<!Ministry)(?<!Republic)"
    r"(?<!Authority)(?<!Council)(?<!Port)(?<!Kingdom)(?<!State))\s+of\s+(?P<place>.+)"
)


def _without_home_place(item: Entity) -> Entity:
    """ "Silo AI of Finland" is Silo AI; "Bank of Japan" keeps its name."""
    tail = _HOME_TAIL.fullmatch(item.name)
    if tail is None or not is_place_name(tail["place"]):
        return item
    name = tail["name"]
    return dataclasses.replace(item, name=name, text=name, end=item.start + len(name))


def acquisitions_including(sentence, orgs, amounts, context, make) -> list[DealRecord]:
    listed = _ACQUISITIONS_INCLUDING.search(sentence)
    if listed is None:
        return []
    buyer = subject_before(sentence, listed.start(), orgs, context)
    if buyer is None:
        return []
    out: list[DealRecord] = []
    at = listed.end()
    while (item := next((e for e in orgs if e.start == at and not e.is_place), None)) is not None:
        at = item.end
        home = re.match(r"\s+of\s+", sentence[at:])
        place = next((e for e in orgs if home and e.start == at + home.end() and e.is_place), None)
        if place is not None:
            at = place.end  # "Silo AI of Finland": where it is from
        item = _without_home_place(item)
        priced = re.match(r"\s+for\s+", sentence[at:])
        money = next((m for m in amounts if priced and m.start == at + priced.end()), None)
        if money is not None:
            at = money.end
        if name_key(item.name) != name_key(buyer.name):
            out.append(
                make(
                    "acquisition",
                    item,
                    investors=[buyer.name],
                    lead_investors=[],
                    confidence=0.8 if money is not None else 0.6,
                    **(amount_fields(money) if money is not None else {}),
                )
            )
        gap = _LIST_GAP.match(sentence, at)
        if gap is None:
            break
        at = gap.end()
    return out


def compound_acquisition(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """ "the Whole Foods acquisition", "Its Whole Foods deal", "the AT&T - Time Warner merger":
    the target stands before the noun. "deal" and "merger" count only for a company the
    article already told us was bought, or when the buyer is named with a hyphen before."""
    for i, org in enumerate(orgs):
        noun = _COMPOUND_NOUN.match(sentence[org.end :])
        if noun is None or org.is_place:
            continue
        before = orgs[i - 1] if i > 0 else None
        paired = (
            before is not None
            and not before.is_place
            and re.fullmatch(r"\s*(?:-|–|—|/)\s*", sentence[before.end : org.start])
        )
        bought = context.bought_by.get(name_key(org.name))
        if not paired and bought is not None and name_key(org.name) not in context.targets:
            # "since the Amazon acquisition", in a story of Amazon buying Whole Foods: the
            # buyer's acquisition, not a purchase of Amazon.
            return make(
                "acquisition",
                bought,
                investors=[org.name],
                lead_investors=[],
                confidence=0.65,
            )
        if noun.group(2) and not paired and name_key(org.name) not in context.targets:
            continue
        if paired:
            acquirer = before
        else:
            acquirer = possessor_of(sentence, org.start, orgs, context)
            if acquirer is None:
                # ("The FTC later sued to block the Billie deal": who the story said buys it)
                acquirer = (
                    context.buyer_of(org)
                    or subject_before(sentence, org.start, orgs, context)
                    or context.focus
                )
        if acquirer is None or name_key(acquirer.name) == name_key(org.name):
            continue
        price = None
        adjacent = [m for m in amounts if re.fullmatch(r"\s*", sentence[m.end : org.start])]
        if adjacent:
            price = adjacent[0]
        context.targets.add(name_key(org.name))
        return _purchase(make, org, acquirer.name, price)
    return None


# Two companies joining: "X and Y agreed to merge", "the merger of X and Y", "X and Y have
# agreed to a merger", "X and Y ... over their proposal to merge".
_MERGE_AFTER_PAIR = re.compile(
    # (a legal form's full stop first: "Sprint Corp. agreed to combine")
    r"^\.?[^.;,]{0,60}?\b(?:to\s+merge|to\s+combine|(?:a|the|their|an?\s+all-\w+)\s+"
    r"(?:proposed\s+|planned\s+)?(?:merger|combination|tie-up))\b",
    re.I,
)

_MERGER_OF = re.compile(
    r"\b(?:merger|combination|tie-up)\s+(?:(?:struck|agreed|announced|sealed|proposed)\s+)?"
    # "a similar combination struck by Airbus SE and Bombardier Inc."
    r"(?:of|between|by)\s+(?:[\w$.]+\s+){0,3}?$",
    re.I,
)


# "Orbis sold Halvard Labs to Kestrel", "agreed to sell its AI division to Orbis", "the sale
# of its chip unit to Kestrel", "sold its 20% stake in Halvard to Kestrel"
_SALE = re.compile(r"\b(?:sell|sells|sold|selling|sale\s+of)\s+", re.I)
_NEXT_SALE = re.compile(r",?\s+and\s+(?=(?:its|their)\s)")

_UNIT = re.compile(
    # "sell part of its controls division", "its industrial tire and assembly division"
    r"(?:(?:part|all|most|some|half)\s+of\s+"
    # ("the assets and operations of its Salt Lake City Division")
    r"|the\s+(?:assets|operations|business)(?:\s+and\s+(?:assets|operations|business))?\s+of\s+)?"
    # ("its wholly owned U.K. Marketing companies")
    r"(?:its|their)\s+(?:(?:wholly[\s-]owned|remaining)\s+)?"
    r"(?P<unit>(?:[\w.-]+\s+){0,5}?(?:units?|divisions?|business(?:es)?|assets|subsidiar(?:y|ies)|arm|"
    r"companies|operations|brands?|products(?!\s+(?:division|unit|business|arm|group))|stake|"
    # ("sold its Norwegian oil and gas fields to Var Energi")
    r"holding|utility|utilities|fields|properties|plants|refineries|mines|hotels|"
    # ("sell its fixed-line network to KKR", "its tower portfolio")
    r"(?<=\s)(?:[\w-]+\s+)?(?:networks?|portfolio|towers)))\b",
    re.I,
)
_STAKE_IN_ASSET = re.compile(
    rf"(?:its|their|a|the)\s+(?:(\d+(?:\.\d+)?){PERCENT_SIGN}\s+)?(?:\w+\s+)?"
    r"(?:stake|interest|holding)\s+in\s+(?:an?|the|its|their)\s+"
    # ("in the field" names nothing: the field told of before)
    r"(?P<asset>(?:[\w-]+\s+){1,4}?(?:project|field|mine|refinery|plant|pipeline|venture|block|"
    r"facility|terminal|complex|development))",
    re.I,
)
# "sell its remaining South African business, Norton Co Pty Ltd, to": the unit's name follows
_NAMED_UNIT = re.compile(
    r"(?:its|their)\s+(?:[\w-]+\s+){0,4}?(?:unit|division|business|subsidiary|arm|affiliate|"
    r"operations)\s*,\s+",
    re.I,
)


# "$1.5 billion of shares", "$1 billion of preferred stock", "$500 million in new shares"
_OWN_SECURITIES = re.compile(
    r"\s+(?:worth\s+)?(?:of|in)\s+(?:(?:its|new|common|preferred|ordinary|convertible|"
    r"class\s+[A-C]|senior|unsecured)\s+)*(?:shares|stock|equity|notes|bonds|debentures)\s*"
)
_NAME_AS_MODIFIER = re.compile(
    r"\s+(?:investors|shareholders|stockholders|holders|interests|businessmen|executives|"
    r"managers|institutions|buyers|partners)\b"
)

# "Yahoo's $4.8 billion sale to Verizon": the company whose sale it is, is sold.
_POSSESSED_SALE = re.compile(
    r"['’]s?\s+(?:(?:proposed|planned|pending|agreed|completed)\s+)?(?:(?P<price>\S+\s+(?:\S+\s+)?))?"
    r"(?:sale|takeover|buyout)\s+(?:to|by)\s+(?:the\s+)?",
    re.I,
)


# "Beta Labs was sold to Acme for $200 million", "Beta Labs will merge into Acme": the
# subject is bought by the company after "to"/"into".
_SOLD_TO = re.compile(
    r"\b(?:(?:was|were|is|are|has\s+been|had\s+been|will\s+be|would\s+be|being)\s+sold|"
    r"(?:sold|sell|sells|selling)\s+itself|(?:will\s+|would\s+|to\s+)?merg(?:e|es|ed|ing)|"
    # "Duracell, which it handed to Berkshire Hathaway": sold by the main clause's company
    r",\s+which\s+(?:it|they|the\s+company)\s+(?:had\s+|later\s+|then\s+)?"
    r"(?:sold|handed(?:\s+over)?))"
    r"\s+(?P<prep>to|into)\s+",
    re.I,
)


# "for $300 million", "in a deal valued at $11.1 billion", "in a share swap worth"
_PRICE_BEFORE = re.compile(
    r"\b(?:for|(?:deal|transaction|swap)\s+(?:valued\s+at|worth))\s+"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$"
)


def _price_after(sentence: str, amounts: list[Money], party: Entity) -> Money | None:
    """The price told right after a party in its clause: "to Kestrel for $300 million"."""
    return next(
        (
            m
            for m in amounts
            if party.end < m.start < clause_end_at(sentence, party.end)
            and _PRICE_BEFORE.search(sentence, max(0, m.start - 40), m.start)
            and not is_per_share(sentence, m)
        ),
        None,
    )


def sold_to(sentence, orgs, amounts, context, make) -> DealRecord | None:
    for m in _SOLD_TO.finditer(sentence):
        if m["prep"].lower() == "to" and "merg" in m.group(0).lower():
            continue  # ("merge to form", "merged to create": no buyer)
        # The company itself, right before: "its chip unit was sold to" sells a unit.
        target = next(
            (
                e
                for e in orgs
                if e.end <= m.start()
                and re.fullmatch(r"\s*(?:,[^,]{1,80},\s*)?", sentence[e.end : m.start()])
            ),
            None,
        )
        if target is None and "itself" in m.group(0):
            # "Acme Robotics agreed to sell itself to Beta Systems": the subject is sold
            target = subject_before(sentence, m.start(), orgs, context)
        buyer = first_after(m.end(), orgs)
        # "sold to private equity firm Acme Capital": a description may come first
        if (
            target is None
            or buyer is None
            or buyer.is_place
            or not re.fullmatch(
                r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}", sentence[m.end() : buyer.start]
            )
        ):
            continue
        if same_company(target.name, buyer.name):
            continue
        return _purchase(make, target, buyer.name, _price_after(sentence, amounts, buyer))
    return None


def sale_record(sentence, orgs, amounts, context, make, entities=()) -> list[DealRecord]:
    """A sale told from the seller's side: the buyer (after "to") acquires what is sold."""
    for owned in _POSSESSED_SALE.finditer(sentence):
        target = next((e for e in orgs if e.end == owned.start() and not e.is_place), None)
        buyer = next((e for e in orgs if e.start == owned.end() and not e.is_place), None)
        if target is None or buyer is None or name_key(target.name) == name_key(buyer.name):
            continue
        price = next(
            (
                m
                for m in amounts
                if owned.group("price") and owned.start("price") <= m.start < owned.end("price")
            ),
            None,
        )
        if owned.group("price") and price is None:
            continue  # "Yahoo's core business sale to": not the company itself
        return [_purchase(make, target, buyer.name, price)]
    records: list[DealRecord] = []
    for sale in _SALE.finditer(sentence):
        found = _sale_from(
            sentence, sale.start(), sale.end(), orgs, amounts, context, make, entities
        )
        while found is not None:
            told_end, record = found
            records.append(record)
            # "sold its Canadian business to Parkland Fuel for C$1.46 billion and its South
            # African assets to Sinopec for $900 million": each sale of the list
            more = _NEXT_SALE.match(sentence, told_end)
            found = (
                _sale_from(
                    sentence, sale.start(), more.end(), orgs, amounts, context, make, entities
                )
                if more
                else None
            )
        if records:
            break
    return records


def _sale_from(
    sentence: str,
    verb: int,
    sold_from: int,
    orgs: list[Entity],
    amounts: list[Money],
    context: Context,
    make: Callable[..., DealRecord],
    entities: Sequence[Entity],
) -> tuple[int, DealRecord] | None:
    """The sale whose verb is at ``verb`` of what is told from ``sold_from`` on ("sold its
    Canadian business to Parkland Fuel for C$1.46 billion"), and where its telling ends."""
    clause_end = clause_end_at(sentence, sold_from)
    listed = re.match(
        # ("its distributed power business, which makes industrial engines, to Advent")
        r"[^,;]*,\s+(?:including|such\s+as|which|that|whose)\s+[^,;]{1,100},\s+to\s",
        sentence[sold_from:],
    )
    if listed is not None:
        # "sell its Canadian oil and gas assets, including a 20% stake in the Athabasca
        # project, to Canadian Natural Resources": the aside ends no clause
        clause_end = clause_end_at(sentence, sold_from + listed.end() - 4)
    unit_named = _NAMED_UNIT.match(sentence, sold_from)
    appositive = next((e for e in orgs if unit_named and e.start == unit_named.end()), None)
    if appositive is not None:
        # (the commas around the unit's name end no clause)
        clause_end = clause_end_at(sentence, appositive.end + 1)
    # "to private equity firm Advent International": a description may come first
    # ("to Swiss engineering group ABB": a nationality may open it)
    to = re.compile(rf"\s+to\s+(?:the\s+)?(?:(?:[a-z][\w-]*|{DEMONYM.pattern})\s+){{0,3}}").search(
        sentence, sold_from, clause_end
    )
    if to is None:
        return None
    buyer_from = to.end()
    home = next((e for e in entities if e.start == buyer_from and e.is_place), None)
    if home is not None and (
        owner := re.match(
            r"(?:['’]s?\s+(?:(?:[a-z][\w-]*\s+){0,4}?(?=[A-Z]))?"
            r"|\s+(?:[a-z][\w-]*\s+){1,4}?(?=[A-Z]))",
            sentence[home.end :],
        )
    ):
        # "to China's Sinopec", "to Singapore's sovereign wealth fund GIC", "to U.S.
        # investment firm KKR"
        buyer_from = home.end + owner.end()
    buyer = next((e for e in orgs if e.start == buyer_from), None) or next(
        # ("to the Canadian government": the nationality opens the buyer's name)
        (e for e in orgs if to.start() < e.start < buyer_from and DEMONYM.match(sentence, e.start)),
        None,
    )
    seller = subject_before(sentence, verb, orgs, context)
    if buyer is None or _NAME_AS_MODIFIER.match(sentence, buyer.end):
        return None  # ("to a group of South African investors": no buyer named)
    sold = sentence[sold_from : to.start()]
    # "sell a 51% stake in Altera to", "sells 51% stake in" (headlines drop "a"), "sold
    # its stake in Alibaba to"
    stake = re.match(
        r"(?:(?:its|their|a|the)\s+)?(?:[\w-]+\s+)?"
        r"(?:(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+)?(?:\w+\s+)?stake\s+in\s+"
        # "a 50% stake in its Veladero mine", "in the Khazzan field": the asset named
        r"(?P<held>(?:its|their|the)\s+)?",
        sold,
        re.I,
    )
    share_of = (
        None
        if stake
        # ("sell 85% of its Japanese supermarket chain Seiyu to KKR and Rakuten")
        else re.match(
            rf"(\d+(?:\.\d+)?){PERCENT_SIGN}\s+of\s+(?P<held>)(?:its|their)\s+"
            r"(?:(?:[a-z][\w-]*|(?-i:[A-Z])[a-z]+(?:an|ese|ish))\s+){0,4}",
            sold,
        )
    )
    named = next(
        (
            e
            for e in orgs
            if sold_from <= e.start
            and e.end <= to.start()
            and (
                _BUY_GAP.fullmatch(sentence[sold_from : e.start])
                or _NAMED_UNIT.fullmatch(sentence[sold_from : e.start])
                or (stake is not None and e.start == sold_from + stake.end())
            )
        ),
        None,
    ) or next(
        (
            # "a 50% stake in its Veladero mine": a facility named for its place
            e
            for e in entities
            if stake is not None
            and stake["held"]
            and e.start == sold_from + stake.end()
            and OWN_FACILITY.match(sentence, e.end)
        ),
        None,
    )
    if named is None and share_of is not None:
        named = next(
            (e for e in orgs if e.start == sold_from + share_of.end() and not e.is_place), None
        )
        stake = share_of if named is not None else None
    if named is not None and stake is not None:
        if named.is_place:
            # "a 50% stake in its Veladero mine": the mine, named for its place, is sold
            facility = sentence[named.end : OWN_FACILITY.match(sentence, named.end).end()]
            name = named.name + ("" if "," in facility else facility)
            if seller is not None and named.kind != "city" and "," not in facility:
                # "a 49% stake in its Arizona factory": the seller's factory in Arizona
                name = f"{seller.name} {name}"
            named = dataclasses.replace(named, name=name, kind="org")
        # "a 51% stake in Intel's Altera unit": the unit is what is sold
        named = owned_unit(sentence, named, orgs) or named
    if stake is None and (
        own := re.fullmatch(
            # "sell its Carling stake to Elders IXL"
            r"(?:its|their|the)\s+(?:(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+)?"
            r"(?P<name>.+?)\s+stake",
            sold.strip(),
            re.I,
        )
    ):
        held = next(
            (
                e
                for e in orgs
                if sentence[e.start : e.end] == own["name"] and sold_from <= e.start < to.start()
            ),
            None,
        )
        if held is not None:
            named, stake = held, own
    if named is None and stake is None and seller is not None:
        # "Reliance Jio Platforms sold a 9.99% stake to Facebook": a stake in itself
        own_stake = re.fullmatch(
            r"(?:a|an)\s+(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+"
            r"(?:(?:minority|majority|equity)\s+)?stake",
            sold.strip(),
            re.I,
        )
        if own_stake is not None and not same_company(seller.name, buyer.name):
            named, stake = seller, own_stake
    unit = _UNIT.match(sold)
    if named is None and stake is not None and stake["held"] and seller is not None:
        # "a 49% stake in its payments unit to KKR": a stake in the seller's unit
        held_unit = _UNIT.fullmatch(sold[stake.start("held") :].strip())
        if held_unit is not None and "stake" not in held_unit["unit"].lower():
            name = f"{seller.name} {held_unit['unit']}"
            start = sold_from + stake.start("held")
            named = Entity(name, name, start, start + len(held_unit.group(0)), "org")
    asset = _STAKE_IN_ASSET.fullmatch(sold.strip()) if named is None and seller else None
    if asset is not None and seller is not None:
        # "the sale of its 50% interest in an oil sands project to Canadian Natural
        # Resources": a share of the seller's unnamed asset
        name = f"{seller.name} {asset['asset']}"
        start = sold_from + sold.index(asset["asset"])
        named, stake = Entity(name, name, start, start + len(asset["asset"]), "org"), asset
    # The price follows in the sale's clause: "to Kestrel (in 2019) for $300 million",
    # "to Elders IXL Ltd, of Australia, for 196.2 mln Canadian dlrs"
    # ("to Renaissance, a consortium of five mainly local companies, for up to $2.4 billion")
    whence = re.match(
        r",\s+(?:(?:of|in|based in)\s+[A-Z][\w .’'-]{0,40}?|(?:a|an|the)\s+[^,;()]{1,80}?),"
        r"(?=\s+for\b)",
        sentence[buyer.end :],
    ) or re.match(r",\s+(?:of|in|based in)\s+[A-Z][\w .’'-]{0,40}?,", sentence[buyer.end :])
    price_end = clause_end_at(sentence, buyer.end + (whence.end() if whence else 0))
    price = next(
        (
            m
            for m in amounts
            if buyer.end <= m.start < price_end
            and (
                _PRICE_BEFORE.search(sentence, max(0, m.start - 40), m.start)
                # "in a $2.6 billion deal"
                or (
                    re.search(r"\bin\s+an?\s+$", sentence[: m.start])
                    and re.match(r"\s+(?:[\w-]+\s+)?(?:deal|transaction)\b", sentence[m.end :])
                )
            )
            and not is_per_share(sentence, m)
        ),
        None,
    )
    money = amount_fields(price) if price else {}
    told_end = price.end if price else buyer.end
    if named is not None and stake is not None:
        return told_end, make(
            "investment",
            named,
            subtype="stake",
            # ("to private equity firm KKR and Japanese e-commerce company Rakuten": both)
            investors=[
                n
                for n in coordinated(sentence, [e for e in orgs if e.start >= buyer.start], buyer)
                if not same_company(n, named.name)
                and not (seller is not None and same_company(n, seller.name))
                # ("to British and Commonwealth Holdings and Bank of New York expects to
                # realize a gain": a name opening the next clause buys nothing)
                and not any(
                    e.name == n and e.start > buyer.start and _OPENS_CLAUSE.match(sentence, e.end)
                    for e in orgs
                )
            ]
            or [buyer.name],
            stake=float(stake[1]) if stake[1] else None,
            confidence=0.75,
            **money,
        )
    issued = next(
        (
            m
            for m in amounts
            if m.start == sold_from
            and _OWN_SECURITIES.fullmatch(sentence, m.end, to.start())
            and not is_per_share(sentence, m)
        ),
        None,
    )
    if named is None and issued is not None and seller is not None:
        # "Lucid agreed to sell $1.5 billion of shares to an affiliate of Saudi Arabia's
        # Public Investment Fund": the buyer invests that sum in the seller
        if same_company(seller.name, buyer.name):
            return None
        debt = re.search(r"\b(?:notes|bonds|debt|debentures)\b", sentence[issued.end : to.start()])
        return issued.end, make(
            "investment",
            seller,
            subtype="debt" if debt else "equity",
            investors=[buyer.name],
            lead_investors=[],
            confidence=0.75,
            **amount_fields(issued),
        )
    named_unit = (
        re.match(
            r"\s+((?:[a-z][\w-]*\s+){0,3}(?:business|unit|division|operations|arm))\b",
            sentence[named.end :],
        )
        if named is not None
        and seller is not None
        # (one word naming what the business makes; "its Star Oil and Gas Ltd unit" is named)
        and " " not in sentence[named.start : named.end]
        and not has_legal_form(sentence[named.start : named.end])
        and re.search(r"\b(?:its|their)\s+$", sentence[max(0, named.start - 8) : named.start])
        else None
    )
    if named is not None and named_unit is not None and seller is not None:
        # "sell its NAND memory business to SK Hynix": the seller's business called so
        name = f"{seller.name} {sentence[named.start : named.end]} {named_unit[1]}"
        target = Entity(name, name, named.start, named.end + named_unit.end(), "org")
    elif named is not None and not re.search(r"\b(?:stake|shares|stock|bonds)\b", sold, re.I):
        target = named
        parts = OWNED_PARTS.match(sentence, named.end) if not named.is_place else None
        if parts is not None and parts.end() <= to.start():
            # "sell VMware's end-user computing unit to KKR": the part is sold
            name = f"{named.name} {parts['unit']}"
            target = Entity(name, name, named.start, named.end, "org")
    elif unit is not None and seller is not None and "stake" not in unit["unit"].lower():
        # "sell its AI division to Orbis": the seller's division is bought
        name = f"{seller.name} {unit['unit']}"
        target = Entity(name, name, sold_from + unit.start(), sold_from + unit.end(), "org")
    elif (counted := _COUNTED_PARTS.fullmatch(sold.strip())) is not None and seller is not None:
        # "sell 43 beauty brands to Coty Inc. for $12.5 billion": the seller's brands
        name = f"{seller.name} {counted['parts']}"
        at = sold_from + sold.index(counted["parts"])
        target = Entity(name, name, at, at + len(counted["parts"]), "org")
    else:
        return None
    if seller is not None and name_key(buyer.name) == name_key(seller.name):
        return None
    if name_key(buyer.name) == name_key(target.name):
        return None
    # ("to private equity firms GTCR and Reverence Capital Partners": both buy)
    buyers = [
        n
        for n in coordinated(sentence, [e for e in orgs if e.start >= buyer.start], buyer)
        if not same_company(n, target.name) and not (seller and same_company(n, seller.name))
    ]
    return told_end, make(
        "acquisition",
        target,
        investors=buyers or [buyer.name],
        lead_investors=[],
        confidence=0.75 if price else 0.6,
        **money,
    )


_THEIR_PARTS_MERGED = re.compile(
    r"^\.?[^.;]{0,60}?\b(?:merg\w*|combin\w*)\s+(?:of\s+)?their\s+(?:[\w-]+\s+){0,3}?"
    r"(?:assets|businesses|operations|units|divisions|arms)\b",
    re.I,
)
_MERGER_WORD = re.compile(r"\b(?:merge|merger|combin|tie-up)", re.I)

# ("the merger of USAir with TWA" names the target first: "with" does not pair.)
_PAIRING = re.compile(r"\s*(?:\([^)]{1,12}\))?\s*(?:and|&)\s+")


def merger_of_two(sentence, orgs, amounts, make) -> DealRecord | None:
    """Two companies named together and a merger: the first named is recorded as the buyer
    (as the press names the acquirer first), subtype "merger"."""
    if not _MERGER_WORD.search(sentence):
        return None
    # "AT&T (T) and Time Warner (TWX)": tickers in brackets are not further companies
    named = [e for e in orgs if not re.search(r"\(\s*$", sentence[: e.start])]
    for first, second in itertools.pairwise(named):
        if first.is_place or second.is_place or name_key(first.name) == name_key(second.name):
            continue
        if not _PAIRING.fullmatch(sentence[first.end : second.start]):
            continue
        owned = next(
            (
                e
                for e in orgs
                if not e.is_place and re.fullmatch(r"['’]s?\s+", sentence[second.end : e.start])
            ),
            None,
        )
        if owned is not None:
            # "Vodafone and CK Hutchison's Three UK agreed to merge": the owner's company
            second = owned
        tail = re.sub(r"^\s*\([^)]{1,12}\)", "", sentence[second.end :])
        if not (_MERGER_OF.search(sentence[: first.start]) or _MERGE_AFTER_PAIR.match(tail)):
            continue
        if _THEIR_PARTS_MERGED.match(tail):
            # "Reliance Industries and Walt Disney completed the merger of their Indian media
            # assets": parts of both put together, a joint venture; neither buys the other
            return make(
                "partnership",
                second,
                investors=[first.name],
                lead_investors=[],
                confidence=0.65,
            )
        price = next(
            (
                m
                for m in amounts
                if m.start > second.end
                and not is_per_share(sentence, m)
                and not _compared_figure(sentence, m)
                and not _measured_figure(sentence, m)
            ),
            None,
        )
        return make(
            "acquisition",
            second,
            subtype="merger",
            investors=[first.name],
            lead_investors=[],
            confidence=0.65,
            **(amount_fields(price) if price else {}),
        )
    return None


# "Facebook paid $19 billion for WhatsApp", "Intel agreed to pay $15.3 billion for Mobileye"
_PAID = re.compile(
    # ("Intel had offered about $6 billion for the company": a bid, told by its price)
    r"\b(?:pa(?:y|ys|id|ying)|(?P<offer>offer(?:s|ed|ing)?|bid|bids|bidding))\s+"
    r"(?:(?:about|around|nearly|roughly|some|almost|more than|over|"
    r"less than|just under|just over)\s+)?$",
    re.I,
)
_FOR_TARGET = re.compile(r"\s+(?:in\s+(?:cash|stock)(?:\s+and\s+(?:cash|stock))?\s+)?for\s+")
# What is paid for, when the name only qualifies it: "for Twitter shares", "Disney stock"
_NOT_COMPANY = re.compile(
    r"(?:['’]s?)?\s*(?:stock|shares|bonds|debt|notes|assets|rights|products?|services?|"
    r"licen[cs]es?|stakes?|content|ads?|advertising)\b",
    re.I,
)


def paid_for(sentence, orgs, amounts, context, make) -> list[DealRecord]:
    """A purchase told by its price: "X paid $N for Y" is X buying Y at $N; and each further
    one of a list ("... $2.1 billion for Fitbit in 2021 and $5.4 billion for Mandiant")."""
    records: list[DealRecord] = []
    buyer: Entity | None = None
    last_end = 0  # where the list's last purchase was told
    for money in amounts:
        if records:
            # the list goes on right after the last purchase, with the same buyer
            if not _AND_PAID.fullmatch(sentence, last_end, money.start):
                continue
            paid = None
        else:
            paid = _PAID.search(sentence[: money.start])
            if paid is None:
                continue
        after = _FOR_TARGET.match(sentence, money.end)
        if after is None:
            continue
        share = _SHARE_PAID_FOR.match(sentence, after.end())
        held = next((e for e in orgs if share and e.start == share.end() and not e.is_place), None)
        if paid is not None and held is not None:
            # "agreed to pay $5.6 billion for the 85% of BodyArmor it doesn't already own"
            payer = subject_before(sentence, paid.start(), orgs, context)
            if payer is not None and not same_company(payer.name, held.name):
                records.append(
                    make(
                        "investment",
                        held,
                        subtype="stake",
                        investors=[payer.name],
                        stake=float(share["pct"]),
                        confidence=0.65 if paid["offer"] else 0.8,
                        **amount_fields(money),
                    )
                )
                return records
        # ("pay $32 billion in cash for cloud security company Wiz": a description first)
        target = next(
            (
                e
                for e in orgs
                if e.start >= after.end()
                and not e.is_place
                and _BUY_GAP.fullmatch(sentence[after.end() : e.start])
                # ("for the Kestrel headquarters": a thing of the company's, not a company)
                and not re.fullmatch(
                    r"(?:(?:a|an|the|its|their)\s+)+", sentence[after.end() : e.start]
                )
            ),
            None,
        )
        if (
            target is None
            and context.last_target is not None
            and REFERENCE.match(sentence, after.end())
            and REFERENCE.match(sentence, after.end()).group(0).lower() != "it"
        ):
            # "Intel had offered about $6 billion for the company": the one being bought
            target = context.last_target
        if target is None or _NOT_COMPANY.match(sentence, target.end):
            continue
        if paid is not None:
            buyer = subject_before(sentence, paid.start(), orgs, context)
        if buyer is None or name_key(buyer.name) == name_key(target.name):
            continue
        context.targets.add(name_key(target.name))
        context.last_target = target
        context.bought_by[name_key(buyer.name)] = target
        records.append(_purchase(make, target, buyer.name, money))
        if paid is not None and paid["offer"]:
            records[-1].confidence = 0.65  # an offer made, not yet a purchase
        year = _OWN_YEAR.match(sentence, target.end)
        if records[1:] and year is not None:
            # "... and $5.4 billion for Mandiant in 2022": each with the year told after it
            records[-1].announced_on = date_told(year.group(0), None)
        later = years_later(sentence, target.end) if records[1:] else None
        if later is not None and (before := records[-2].announced_on) is not None:
            # "$1 billion for Instagram in 2012 and $19 billion for WhatsApp two years later"
            records[-1].announced_on = dt.date(before.year + later, 1, 1)
        last_end = target.end
    return records


_SHARE_PAID_FOR = re.compile(
    r"(?:the\s+|a\s+|an\s+)?(?:remaining\s+)?(?P<pct>\d+(?:\.\d+)?)"
    rf"{PERCENT_SIGN}\s+(?:stake\s+in|of|interest\s+in)\s+(?:the\s+)?"
)

_AND_PAID = re.compile(r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4})?,?\s+and\s+")


# "Acme Robotics accepted Beta Systems' $300 million offer": the answer to a bid names the
# bidder's offer, the company answering is the target
_ANSWERED_OFFER = re.compile(
    r"\b(?P<verb>accept(?:s|ed)?|agreed\s+to|back(?:s|ed)?|approv(?:e|es|ed)|"
    r"(?P<no>reject(?:s|ed)?|spurn(?:s|ed)?|rebuff(?:s|ed)?|turn(?:s|ed)?\s+down))\s+$"
)
_OFFER_WORDS = (
    r"(?:(?:sweetened|revised|improved|raised|hostile|unsolicited|takeover|buyout|"
    r"acquisition|all-cash|cash|cash-and-stock|per-share)\s+)*"
)
# ("rejected Broadcom Ltd.'s unsolicited $103 billion takeover offer")
_OFFER_AFTER = re.compile(
    rf"\.?['’]s?\s+{_OFFER_WORDS}(?P<price>{MONEY_PHRASE})?"
    rf"{_OFFER_WORDS}(?:offer|bid|proposal|approach)\b"
)


# ("rejected a $38.5 billion takeover offer from Canada's Alimentation Couche-Tard")
_OFFER_FROM = re.compile(
    r"\b(?P<verb>accept(?:s|ed)?|back(?:s|ed)?|approv(?:e|es|ed)|"
    r"(?P<no>reject(?:s|ed)?|spurn(?:s|ed)?|rebuff(?:s|ed)?|turn(?:s|ed)?\s+down))\s+"
    rf"(?:a|an|the)\s+{_OFFER_WORDS}(?P<price>{MONEY_PHRASE})?{_OFFER_WORDS}"
    r"(?:offer|bid|proposal|approach)\s+from\s+(?:[A-Z][\w.-]*['’]s\s+)?(?:[a-z][\w-]*\s+){0,3}$"
)


def answered_offer(sentence, orgs, amounts, context, make) -> DealRecord | None:
    for bidder in orgs:
        answered = _ANSWERED_OFFER.search(sentence[: bidder.start])
        offer = _OFFER_AFTER.match(sentence, bidder.end)
        if (answered is None or offer is None) and not bidder.is_place:
            # "rejected a $38.5 billion takeover offer from Alimentation Couche-Tard"
            answered = offer = _OFFER_FROM.search(sentence[: bidder.start])
        if answered is None or offer is None or bidder.is_place:
            continue
        target = subject_before(sentence, answered.start(), orgs, context)
        if target is None or same_company(target.name, bidder.name):
            continue
        price = next(
            (
                m
                for m in amounts
                if offer.group("price")
                and offer.start("price") <= m.start < offer.end("price")
                and not is_per_share(sentence, m)
            ),
            None,
        )
        # a bid turned down is no deal: kept, flagged
        confidence = 0.3 if answered.group("no") else 0.8 if price else 0.65
        return make(
            "acquisition",
            target,
            investors=[bidder.name],
            lead_investors=[],
            confidence=confidence,
            **(amount_fields(price) if price else {}),
        )
    return None


# "Occidental Petroleum later made a rival $38 billion offer": a counter-bid for the company
# the story's deal is for, named before
_RIVAL_BID = re.compile(
    r"\b(?:made|makes|making|submitted|launched|tabled|lodged)\s+(?:a|an)\s+"
    rf"(?:rival|competing|counter|higher|sweetened|improved)\s+(?P<price>{MONEY_PHRASE})?"
    r"(?:(?:takeover|cash|all-cash|cash-and-stock)\s+)?"
    r"(?:offer|bid)\b(?!\s+(?:for|to)\b)",
    re.I,
)


def rival_bid(sentence, orgs, amounts, context, make) -> DealRecord | None:
    bid = _RIVAL_BID.search(sentence)
    target = context.last_target
    if bid is None or target is None:
        return None
    bidder = subject_before(sentence, bid.start(), orgs, context)
    if bidder is None or same_company(bidder.name, target.name):
        return None
    price = next(
        (m for m in amounts if bid.group("price") and bid.start("price") <= m.start < bid.end()),
        None,
    )
    return _purchase(make, target, bidder.name, price)


# "agreed to combine its British unit Asda with J Sainsbury", "combine its transportation
# unit with Wabtec Corp.": a unit merged into another company is bought by it
_COMBINE_UNIT = re.compile(
    r"\b(?:combin|merg)(?:e|es|ed|ing)\s+(?:its|their)\s+"
    r"(?P<unit>(?:[\w.-]+\s+){0,4}?(?:unit|units|business|businesses|division|arm|operations|"
    r"subsidiary))\b\s*"
)
_UNIT_PRICE = re.compile(
    # ("with Westinghouse Air Brake Technologies Corp. in a deal valued at")
    r"(?:\s+(?:Corp|Inc|Co|Ltd|Plc|LLC|AG|SA|NV|SE)\b)?"
    r"\.?,?\s+in\s+an?\s+(?:[\w-]+\s+)?(?:deal|transaction)\s+(?:valued\s+at|worth|valuing\s+"
    r"(?:[A-Z][\w&.'’-]*\s+){1,4}at)\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?"
)


def combined_unit(sentence, orgs, amounts, context, make) -> DealRecord | None:
    for combine in _COMBINE_UNIT.finditer(sentence):
        owner = subject_before(sentence, combine.start(), orgs, context)
        if owner is None or owner.is_place:
            continue
        named = next((e for e in orgs if e.start == combine.end() and not e.is_place), None)
        after = named.end if named is not None else combine.end()
        partner = re.match(r",?\s*(?:with|into)\s+(?:the\s+)?", sentence[after:])
        if partner is None:
            continue
        buyer = next((e for e in orgs if e.start == after + partner.end() and not e.is_place), None)
        if buyer is None or same_company(buyer.name, owner.name):
            continue
        if named is None:
            name = f"{owner.name} {combine['unit'].strip()}"
            named = Entity(name, name, combine.start("unit"), combine.end("unit"), "org")
        told = _UNIT_PRICE.match(sentence, buyer.end)
        # (a sum's text may hold its qualifier: "about $11.1 billion")
        price = next(
            (m for m in amounts if told and told.start() < m.start <= told.end() < m.end), None
        )
        return _purchase(make, named, buyer.name, price)
    return None


# "Comcast Corp. won the battle for Sky Plc": the winner of a contest for a company buys it
_WON_CONTEST = re.compile(
    r"\bw(?:on|ins|inning)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:battle|bidding\s+war|auction|contest|"
    r"fight|race|tussle)\s+(?:for|over)\s+(?:control\s+of\s+)?"
)


def won_contest(sentence, orgs, amounts, context, make) -> DealRecord | None:
    won = _WON_CONTEST.search(sentence)
    if won is None:
        return None
    target = next((e for e in orgs if e.start == won.end() and not e.is_place), None)
    buyer = subject_before(sentence, won.start(), orgs, context)
    if target is None or buyer is None or buyer.is_place or same_company(buyer.name, target.name):
        return None
    return _purchase(make, target, buyer.name, None)
