"""Valuations: which amount values a company ("valued at", "a $157 billion valuation"),
not the price of a deal, and which company it values."""

from __future__ import annotations

import re

from flows.deals.context import REFERENCE, described_as, is_appositive, outside_asides
from flows.deals.entities import Entity
from flows.deals.money import Money
from flows.deals.phrases import IN_SENTENCE

_VALUATION_BEFORE = re.compile(
    r"(?:valued\s+(?:it\s+|the\s+(?:[\w-]+\s+){0,2}[\w-]+\s+|(?-i:[A-Z])[\w&'’.]*(?:\s+(?-i:[A-Z])[\w&'’.]*){0,3}\s+)?at|"
    r"valuation\s+of|"
    # "Nimbus Robotics' valuation jumped to $1.2 billion", "has tripled to"
    r"valuation\s+(?:has\s+|had\s+|have\s+|more\s+than\s+)?(?:jumped|rose|climbed|soared|"
    r"surged|grew|increased|doubled|tripled|quadrupled|reached|hit|fell|dropped|slid|"
    r"leapt|leaped)\s+to|"
    # "tripling its valuation to $3.3 billion", "doubled Anthropic's valuation to"
    r"(?:doubl|tripl|quadrupl|lift|boost|push|rais|bring|brought|tak|took)\w*\s+(?:its|their|"
    r"the\s+(?:[\w-]+\s+){0,2}[\w-]+['’]s|"
    r"(?-i:[A-Z])[\w&.]*(?:\s+(?-i:[A-Z])[\w&.]*){0,2}['’]s?)\s+valuation\s+to|"
    r"valuing\s+(?:it|the\s+(?:[\w.\-]+\s+){0,2}[\w\-]+|[A-Z][\w ]*?)\s+at|"
    # ("values the U.S. company at")
    r"values?\s+(?:it|the\s+(?:[\w.\-]+\s+){0,2}[\w\-]+|[A-Z][\w ]*?)\s+at"
    # ("values Jio Platforms at an equity value of Rs 4.91 lakh crore")
    r"(?:\s+an?\s+(?:equity|enterprise|pre-money|post-money)\s+value\s+of)?|"
    r"valuation\s+(?:that|which)?\s*"
    r"(?:exceeded|topped|of|reached|hit|surpassed)?|(?:is|was|now)\s+worth|"
    # "The company's last private valuation was $8.5 billion"
    r"valuation\s+(?:is|was|stood\s+at|stands\s+at|now\s+stands\s+at)|"
    # "in a deal that pegs its value at $1.2 billion"
    r"(?:peg|put)(?:s|ged|ting|ging)?\s+(?:its|the\s+company['’]s|(?-i:[A-Z])[\w&.]*['’]s?)\s+"
    r"(?:value|valuation|worth)\s+at|"
    r"market cap(?:italisation|italization)?\s+of)"
    r"\s*(?:about|around|over|more than|nearly|roughly|some)?\s*$",
    re.I,
)

# "Berkshire's stake in Apple is valued at $150 billion", "its 20.9 mln Dome Mines shares
# would be worth about 319 mln dlrs": what a holding is worth today, neither the company's
# valuation nor the price that was paid for it.
_HOLDING_VALUED = re.compile(
    r"\b(?:stakes?|holdings?|positions?|interests?|shares|stock)\b[^,;.$]{0,40}?\s"
    r"(?:is|was|are|were|would\s+be|will\s+be|has\s+been|had\s+been)\s+(?:now\s+)?"
    r"(?:valued\s+at|worth)\s*(?:about|around|over|more than|nearly|roughly|some)?\s*$"
    # "holds a stake of roughly 27% in OpenAI Group PBC, valued at about $135 billion"
    r"|\b(?:stake|holding|position)\b[^;.$]{0,60}?,\s*(?:now\s+)?(?:valued\s+at|worth)\s*"
    r"(?:about|around|over|more than|nearly|roughly|some)?\s*$"
    # ("buy out Comcast's remaining 33% stake, which was later valued at $8.6 billion")
    r"|\b(?:stake|holding|position|interest)\b[^;.$]{0,40}?,\s*which\s+(?:is|was|has\s+been|had\s+been)\s+"
    r"(?:later\s+|now\s+|since\s+)?(?:valued\s+at|worth)\s*"
    r"(?:about|around|over|more than|nearly|roughly|some)?\s*$"
    # ("stakes of about 5% in Itochu, ... in August 2020, then worth about $6 billion")
    r"|,\s*then\s+(?:valued\s+at|worth)\s*(?:about|around|over|more than|nearly|roughly|some)?\s*$"
    # "The OpenAI Foundation will hold equity valued at about $130 billion"
    r"|\b(?:hold|holds|holding|held|own|owns|owned|retain|retains|keep|keeps)\s+"
    r"(?:an?\s+)?(?:equity|stake|shares|stock|holding)\s+(?:now\s+)?(?:valued\s+at|worth)\s*"
    r"(?:about|around|over|more than|nearly|roughly|some)?\s*$",
    re.I,
)


def is_holding_value(sentence: str, money: Money) -> bool:
    return bool(_HOLDING_VALUED.search(sentence[max(0, money.start - 80) : money.start]))


_ROUND_CUE = re.compile(
    r"\b(?:led by|co-led by|funding|financing round|investment round|raise[sd]?|raising|"
    r"Series [A-Z]|seed round)\b",
    re.I,
)

# "buy a 49% stake in Scale AI in a deal that values the startup at $29 billion": a part
# bought values the whole company; only a whole company's price is the deal's value.
_PART_BOUGHT = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*(?:%|per ?cent|percent|pct)|minority|majority|controlling)\s+"
    r"(?:[\w-]+\s+)?(?:stake|interest|holding|of)\b",
    re.I,
)

_DEAL_VALUED = re.compile(
    r"^(?:deal|transaction|swap|purchase|acquisition|takeover)\s*,?\s+"
    r"(?:(?:that|which)\s+(?:was|is)\s+)?valued\s+at\s+"
    r"(?:(?:about|around|over|more\s+than|nearly|roughly|some|approximately)\s+)?$",
    re.I,
)

_NEW_BODY_VALUED = re.compile(
    r"\b(?:an?|the)\s+(?:new|combined|merged)\s+(?:company|venture|entity|firm|business|group|"
    r"joint\s+venture)\s*,?\s+(?:(?:that|which)\s+(?:will\s+be|would\s+be|is|was)\s+)?"
    r"valued\s+at\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?$",
    re.I,
)

_ESTIMATED = re.compile(
    r"\b(?:analysts?|brokers?|estimates?|estimated|Morningstar)\b[^.;,]{0,40}?\bvalu(?:ed|es|e|ing)\s+"
    + IN_SENTENCE
    + r"{1,60}?\bat\s+$",
    re.I,
)

_VALUATION_AFTER = re.compile(r"^\s*(?:post-money\s+|pre-money\s+)?valuation\b", re.I)


# (a possessive values a thing of the company: "values Embraer's ADRs at $28 billion")
_NAME = r"(?P<name>(?-i:[A-Z]|[a-z]{1,2}[A-Z])[\w&.]*(?:\s+(?-i:[A-Z])[\w&.]*){0,3})"
# ("values the unit, Advanced Technologies Group, at $7.25 billion": the name in commas)
_QUALIFIED = (
    r",?\s+at\s+(?:(?:about|around|over|more\s+than|nearly|roughly|some|approximately)\s+)?$"
)
# "a deal that valued xAI at $80 billion and X at $33 billion": each name with its value
_VALUED_NAME = re.compile(
    rf"\bvalu(?:ed|es|ing)\s+(?:[^;]{{1,80}}?\band\s+|the\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*,\s+)?"
    rf"{_NAME}{_QUALIFIED}"
)


def valued_name(sentence: str, money: Money) -> str | None:
    """The company a deal is said to value at ``money`` ("valued xAI at"), if named."""
    m = _VALUED_NAME.search(sentence, max(0, money.start - 140), money.start)
    return m.group("name") if m else None


def _bought(sentence: str, name: str) -> bool:
    return bool(
        re.search(
            r"\b(?:acquir\w*|buy\w*|bought|purchas\w*|merg\w*\s+with|takeover\s+of|bid\s+for|"
            rf"offer\s+for)\s+(?:the\s+)?{re.escape(name)}\b",
            sentence,
        )
    )


def is_valuation_amount(sentence: str, money: Money) -> bool:
    before = sentence[max(0, money.start - 60) : money.start]
    if _ESTIMATED.search(sentence[max(0, money.start - 100) : money.start]):
        return False  # "Morgan Stanley analysts had valued Waymo at": an estimate, no deal
    if re.search(
        r"\bvalu(?:es|ed|e|ing)\s+(?:its|the|their|that)\s+(?:[\w%.-]+\s+){0,2}?"
        r"(?:stake|holding|investment|position|shares)\s+at\s+(?:about\s+|around\s+)?$",
        before,
    ):
        return False  # "now values the stake at $8.3 billion": a holding's worth
    if re.search(
        r"\b(?:creat\w+|form\w*)\s+(?:the\s+|an?\s+)?[^,;]{1,60},?\s+valued\s+at\s+"
        r"(?:about\s+|around\s+|nearly\s+|almost\s+)?$",
        sentence[max(0, money.start - 100) : money.start],
    ):
        return False  # "would create the world's third-largest carmaker, valued at": combined
    if _NEW_BODY_VALUED.search(before):
        return False  # "combine their businesses in a new company valued at": nobody named
    after = sentence[money.end : money.end + 30]
    if _VALUATION_AFTER.match(after):
        return True
    named = valued_name(sentence, money)
    if named is not None and not _bought(sentence, named) and money.value >= 1e6:
        # "merged with X in a deal that valued xAI at $80 billion": what the buyer is worth,
        # not the price of what it bought (the target's value is the price)
        return True
    if not _VALUATION_BEFORE.search(before):
        return False
    worth = re.search(r"(\S+)\s+(?:is|was|are|were)\s+(?:now\s+)?worth\b", before)
    if worth and worth.group(1).islower() and not REFERENCE.fullmatch("the " + worth.group(1)):
        # "The Apple holding is now worth $150 billion", "the golf course is worth $50m":
        # what is worth the money is a thing, not the company.
        return worth.group(1) == "it"
    # "agreed to buy X in a deal valued at $N", "its last offer for the company, valued at":
    # the price of an acquisition, not a valuation.
    deal = re.search(
        r"\b(?:deal|transaction|acquisition|purchase|offer|bid|buyout|takeover|merger|swap)\b"
        + IN_SENTENCE
        + r"{0,40}$",
        before,
        re.I,
    )
    if (
        deal
        # ("The deal doubled Anthropic's valuation to $61.5 billion" values the company, as
        # does a sale of existing shares: "Stripe's tender offer values the company at".)
        and "valuation" not in deal.group(0).lower()
        and not (
            re.search(r"\b(?:tender|secondary|share)\s+$", before[: deal.start()], re.I)
            # ("in a share swap valued at $4.7 billion": a purchase paid in shares)
            and not deal.group(0).lower().startswith("swap")
        )
        and not (
            (_ROUND_CUE.search(sentence) or _PART_BOUGHT.search(sentence))
            # ("owns 19% of Monster after a share swap valued at $2.15 billion": the deal's
            # own price, even for a part)
            and not _DEAL_VALUED.search(deal.group(0))
        )
    ):
        # ("The deal, which values Figure AI at $39 billion, was led by Parkway": a round.)
        return False
    # "sales of loans and mortgage securities valued at $1.1 billion": things, not a company.
    # "an incentive package from the city and state valued at as much as $145 million";
    # "Berkshire's stake in Apple is valued at $150 billion" values the stake, not Apple.
    if is_holding_value(sentence, money):
        return False
    return not re.search(
        r"\b(?:securities|assets|loans|properties|shares|stock|bonds|notes|portfolio|"
        r"inventory|contracts?|orders?|goods|package|incentives?|awards?|grants?|bonus|pay|"
        r"compensation)\b[^.;,]{0,50}?valued\s+at\s*"
        r"(?:about|around|over|more than|nearly|roughly|some|as much as|up to)?\s*$",
        before,
        re.I,
    )


_VALUED_RELATIVE = re.compile(
    r",\s+(?:which|who)\s+(?:is|was|has\s+been|had\s+been)\s+(?:now\s+|last\s+|once\s+)?"
    r"valued\s+at\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+|roughly\s+)?$"
)


# "The deal is valued at about $3 billion", "The deal values Windsurf at $3 billion": the
# size of a deal told in a sentence of its own (a sum follows at the match's end).
DEAL_SIZE = re.compile(
    r"\W*(?:The|That|This|Their|Its)\s+(?:deal|transaction|acquisition|purchase|takeover|"
    r"merger|agreement|round|investment|offer|bid|financing|raise|contract)\s+"
    r"(?:(?:is|was|will\s+be|would\s+be|has\s+been|had\s+been)\s+)?"
    r"(?:valued\s+at|worth|values\s+(?P<named>[^,;]{1,60}?)\s+at)\s+",
    re.I,
)


def valuation_subject(sentence, money, orgs, context, target) -> Entity | None:
    size = DEAL_SIZE.match(sentence)
    if size is not None and size.end() == money.start and not size.group("named"):
        return None  # "The deal is valued at $40 million": not what a company is worth
    told = valued_name(sentence, money)
    if told is not None:
        # "valued xAI at $80 billion and X at $33 billion": the name before each sum
        at = sentence.rfind(told, 0, money.start)
        valued_org = next((e for e in orgs if e.start <= at < e.end), None)
        # ("valued xAI at $80 billion and X at $33 billion": a name the sentence values
        # but no organisation was read for is not the company named before it)
        return valued_org
    valued = _VALUED_RELATIVE.search(sentence[: money.start])
    named = next((e for e in orgs if valued and e.end == valued.start()), None)
    if named is not None:
        # "Locus Robotics, which was valued at $2 billion in 2021, and Amazon, which bought
        # Kiva Systems": the valuation is said of the name its clause hangs on, before the
        # company of the sentence's deal
        return named
    appositive = next(
        (
            e
            for e in reversed(orgs)
            if e.end <= money.start and _UNIT_VALUED.fullmatch(sentence, e.end, money.start)
        ),
        None,
    )
    if appositive is not None:
        return appositive  # "its Autonomous Intelligent Driving unit, valued at about $1.6 billion"
    if target is not None:
        return next((e for e in orgs if e.name == target), None) or Entity(
            target, target, 0, 0, "org"
        )
    refs = [
        r
        for r in REFERENCE.finditer(sentence[: money.start])
        if not is_appositive(sentence, r, orgs)
    ]
    before = outside_asides(
        sentence,
        refs,
        # ("values the SoftBank-owned chip designer at": the owner describes the company)
        [e for e in orgs if e.end <= money.start and not _OWNER_DESCRIBES.match(sentence, e.end)],
        money.start,
    )
    traded = [e for e in before if _TRADED.match(sentence, e.end)]
    if refs and traded:
        # "GoDaddy shares jumped 34 per cent ..., valuing the website group at $5bn": the
        # company whose shares trade is the one the market values.
        return traded[-1]
    if refs and (not before or refs[-1].start() > before[-1].start):
        # "CoreWeave's IPO valued the company at $23 billion", with nothing said before:
        # the company named in the sentence.
        # ("Comcast won the battle for Sky Plc, ... an auction that valued the British
        # broadcaster at": the company fought over, not the bidder)
        sought = next(
            (
                e
                for e in reversed(before)
                if _SOUGHT.search(sentence, max(0, e.start - 70), e.start)
            ),
            None,
        )
        return (
            described_as(context, refs[-1].group(0))
            or sought
            or context.last_recipient
            or context.focus
            or (before[0] if before else None)
        )
    if before:
        return before[-1] if len(before) == 1 else _closest_subject(sentence, before, money)
    # "The round implies a valuation of $1.2 billion for Acme Robotics"
    valued = re.match(r"\s+for\s+", sentence[money.end :])
    return next((e for e in orgs if valued and e.start == money.end + valued.end()), None)


_UNIT_VALUED = re.compile(
    r"(?:\s+(?:unit|business|division|arm|subsidiary))?,\s+(?:which\s+(?:is|was)\s+)?valued\s+at\s+"
    r"(?:(?:about|around|nearly|roughly|almost|more\s+than|some)\s+)?"
)

_SOUGHT = re.compile(
    r"\b(?:battle|bid|bids|offer|offers|race|fight|contest|auction|takeover|acquisition|"
    r"purchase|pursuit)\s+(?:for|of)\s+(?:the\s+)?$"
    # ("agreed to sell 85% of its Japanese supermarket chain Seiyu ..., valuing the
    # business at": the business sold)
    r"|\b(?:sell|sells|sold|selling|buy|buys|bought|buying|acquire|acquires|acquired)\s+"
    r"(?:(?:a|an)\s+)?(?:\d+(?:\.\d+)?\s*%\s+(?:stake\s+in|of)\s+)?(?:its|their|the)\s+"
    r"(?:[\w-]+\s+){0,4}$"
)

_OWNER_DESCRIBES = re.compile(r"-(?:owned|backed|controlled|funded)\s+(?:[\w-]+\s+){0,2}?[a-z]")

_TRADED = re.compile(r"(?:['’]s?)?\s+(?:shares|stock|stocks|share price)\b", re.I)


def _closest_subject(sentence: str, before: list[Entity], money: Money) -> Entity:
    # "Microsoft ... partnership with Mistral AI, the start-up that reached a valuation":
    # the org an appositive or relative clause hangs on is the one valued.
    for e in reversed(before):
        if re.match(
            r"\s*,\s*(?:the|a|an|which|whose|that|(?:in|of|for|with|to|from|by)\s+which)\b",
            sentence[e.end :],
        ):
            return e
    return before[-1]
