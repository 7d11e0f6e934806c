"""Holdings and debt: stakes ("a 49% stake in", "owns 97% of"), shares bought, loans to
a named company, bonds bought from their issuer, a company's own debt issue."""

from __future__ import annotations

import re

from flows.deals.context import (
    REFERENCE,
    clause_end_at,
    coordinated,
    first_after,
    possessor_of,
    subject_before,
)
from flows.deals.deal import DealRecord, amount_fields
from flows.deals.entities import Entity, name_key, same_company
from flows.deals.money import Money
from flows.deals.phrases import (
    DESCRIBED_NAME,
    MONEY_PHRASE,
    OWNED_PARTS,
    PERCENT_SIGN,
    ROUND,
    owned_unit,
    round_name,
)

# "the Disney stake ranked 13th in Viking's portfolio", "its Alibaba stake"
# ("Mourinho holding up a shirt" is a verb.)
_COMPOUND_STAKE = re.compile(
    r"\s*(?:stake|holding)\b(?!\s+(?:in|of|up|out|on|onto|off|back|down|a|an|the|his|her|its|"
    r"their|talks|company|companies)\b)",
    re.I,
)

# A purchase the subject plans ("will also acquire", "agreed to buy"); "an option to buy" and
# "the proceeds to buy" are no plan of the subject's.
_PLANNED_BUY = (
    r"(?:will|would|(?:agreed|agrees|plans?|planned|intends?|offered|offers|expects?)\s+to)"
    r"\s+(?:also\s+)?(?:acquire|buy|purchase)"
)

# "Viking bought $250 million of Disney stock", "loaded up on Disney shares"
_SHARE_BUY = re.compile(
    r"\b(?:bought|buys|buying|purchased|purchases|acquired|loaded up on|loads up on|amassed|"
    # "Qintex will also acquire another 2.4 mln Roach treasury shares"
    + _PLANNED_BUY
    + r"|"
    r"snapped up|added)\s+(?:(?:more|(?:an\s+)?additional|some|another)\s+)?"
    r"(?:(?P<money>\S+(?:\s+\S+){0,2}?)\s+(?:worth\s+)?of\s+)?"
    # ("agreed to buy $3 billion of new Bayer shares")
    r"(?:(?:new|newly[\s-]issued|additional|fresh)\s+)?"
    # "bought 75 million more Apple shares"
    r"(?:\d[\d.,]*\s+(?:million\s+|billion\s+|mln\s+)?(?:more\s+|additional\s+)?)?$",
    re.I,
)

_SOLD_BEFORE = re.compile(
    r"\b(?:sold|sells|sell|selling|dumped|dumps|offloaded|unloaded|exited|exits|divested|"
    r"divests|cut|cuts|trimmed|trims|reduced|reduces|pared|slashed)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)

_SOLD_HOLDING = re.compile(
    r"^(?:\s+(?:common\s+)?(?:stake|holding|position|shares|interest)\b)", re.I
)


def is_sold_holding(sentence: str, money: Money) -> bool:
    """ "sold its entire $5.8 billion stake in Nvidia": the worth of a holding given up."""
    return bool(
        _SOLD_HOLDING.match(sentence[money.end :])
        and _SOLD_BEFORE.search(sentence[max(0, money.start - 60) : money.start])
    )


# "spent 15.2 mln dlrs on its 1,197,700 Comdata shares"
_SHARE_SPEND = re.compile(
    r"\b(?:spent|spends|spending|paid|pays|paying)\s+(?P<money>\S+(?:\s+\S+){0,3}?)\s+"
    r"(?:on|for)\s+(?:(?:its|the|their)\s+)?(?:[\d,.]+\s+(?:mln\s+|million\s+)?)?$",
    re.I,
)
# "bought shares worth $500 million in Nebius", "purchased 2 million shares of Arm"
_SHARES_IN = re.compile(
    r"\b(?:bought|buys|buying|purchased|purchases|acquired|acquires|added|adds|"
    + _PLANNED_BUY
    + r")\s+"
    # ("agreed to buy 3 billion euros of new shares in Bayer")
    r"(?:(?P<sum>(?:[$€£]\S+|\d[\d.,]*)(?:\s+(?:million|billion|mln|bn))?"
    r"(?:\s+(?:euros|dollars|pounds|yen|dlrs))?)\s+of\s+)?"
    r"(?:(?:more|additional|some|another|about|roughly|nearly|around|almost|over|[\d,.]+|mln|"
    r"million|billion|common|new)\s+){0,4}"
    r"(?:shares|stock)\s+(?:worth\s+(?P<money>\S+(?:\s+\S+){0,3}?)\s+)?(?:in|of)\s+$",
    re.I,
)

# A company selling its own debt: "GM is issuing $3 billion in corporate debt".
_DEBT_ISSUE = re.compile(
    r"\b(?:issu(?:e|es|ed|ing)|sell(?:s|ing)?|sold|pric(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|"
    r"float(?:s|ed|ing)?|tap(?:s|ped|ping)?|borrow(?:s|ed|ing)?)\b",
    re.I,
)

_DEBT_AFTER = re.compile(
    r"^\s*(?:(?:of|in|worth of)\s+)?(?:(?:new|corporate|senior|unsecured|secured|convertible|"
    r"investment-grade|high-yield|junk|green|long-term|\d+-year)\s+){0,3}"
    r"(?:bonds?|debt|notes|debentures|commercial paper)\b(?!\s+(?:funds?|prices?|yields?))"
    # ("priced a $1.2 billion offering of senior notes", "borrowed $22.5 billion in the bond
    # market")
    r"|^\s*(?:(?:bond|debt|note)\s+)?offering\s+of\s+(?:[\w-]+\s+){0,2}(?:notes|bonds|debentures)\b"
    r"|^\s*in\s+the\s+(?:bond|debt|credit)\s+markets?\b",
    re.I,
)

_SELL = re.compile(
    r"\b(?:sold|sell(?:s|ing)?|sale\s+of|placed|plac(?:e|es|ing)|dispos(?:e|es|ed|ing)\s+of|"
    r"divest(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|trim(?:s|med|ming)?|"
    # ("sell its Canadian oil and gas assets, including a 20% stake in the Athabasca project")
    r"unload(?:s|ed|ing)?|offload(?:s|ed|ing)?|exit(?:s|ed|ing)?)\b"
    r"(?:[^,;]|,\s+(?:including|such\s+as|among\s+them)\b)*$",
    re.I,
)

# "took a stake in Fox", "increasing its stake in BAMTech"
STAKE_TAKEN = re.compile(
    r"\b(?:took|tak(?:e|es|en|ing)|acquir(?:e|es|ed|ing)|bought|buy(?:s|ing)?|buil(?:t|ds?|ding)|"
    r"(?:pick(?:s|ed|ing)?|snap(?:s|ped|ping)?|scoop(?:s|ed|ing)?)\s+up|"
    r"rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|lift(?:s|ed|ing)?|"
    r"doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|"
    # "disclosed a larger position in Zions", "reported a new stake in Teva"
    # ("first disclosed stakes of about 5% in Itochu, Marubeni, ...")
    r"(?:disclos|report|reveal)(?:e|es|ed|ing|s)?(?=\s+(?:an?\s+(?:new|larger|bigger)\s|stakes\s)))\s+"
    # ("boosted its holding in Apple"; never a short position)
    r"(?:(?:a|an|its|their|the|his|her)\s+(?!short\b)(?:[\w-]+\s+){0,2}?"
    # ("raised its holdings of Bank of America")
    r"(?:(?:stake|holding|position)\s+(?:in|into)|holdings\s+of)"
    # ("had earlier bought stakes in Capcom, Nexon and Koei Tecmo")
    r"|(?:minority\s+)?stakes\s+(?:of\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?\d[\d.]*\s*"
    r"(?:%|per ?cent|percent|pct)\s+)?in)\b",
    re.I,
)

# "$250 million stake in Disney", "a $3.5 billion position in P&G"
AMOUNT_STAKE = re.compile(
    # ("disclosed a new stake of about $1 billion in Oracle")
    # ("built a stake worth about $1.2 billion in Alexion")
    r"\b(?:stake|position|holding)\s+(?:(?:of|worth)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|"
    rf"more\s+than\s+)?{MONEY_PHRASE})?in\b",
    re.I,
)

STAKE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+(?:\w+\s+){0,2}?"
    r"(?:stake|interest|ownership(?:\s+position)?|position)(?=\s+in\b)",
    re.I,
)
# "acquired a stake of just under 3% in EssilorLuxottica": the size after the noun
STAKE_OF = re.compile(
    r"\b(?:stakes?|interest|holding)\s+of\s+(?:(?:just\s+)?(?:about|around|nearly|almost|roughly|"
    r"some|under|over|more\s+than|less\s+than)\s+)?(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)"
    r"(?=\s+in\b)",
    re.I,
)


# "owns more than 97% of Euro Disney", "controls 51 pct of"
_OWNS_PERCENT = re.compile(
    r"\b(?:owns?|owning|holds?|holding|controls?|controlling)\s+"
    r"(?:(?:about|around|nearly|almost|roughly|some|over|more than|less than|just under|"
    r"just over)\s+)?(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+of\s+(?:the\s+)?",
    re.I,
)

_OF_CAPITAL = re.compile(
    r"(?:(?:issued|outstanding|ordinary|common|voting|preferred)\s+){0,3}"
    r"(?:share\s+capital|shares|stock|equity|capital)\s+(?:of|in)\s+(?:the\s+)?",
    re.I,
)

PERCENT_BOUGHT = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|tak(?:e|es|ing)|took|"
    # "its offer for 49 pct of Canadian Tire": a bid for a stake
    r"(?:offer|bid|tender\s+offer)\s+for|"
    # "Meta paid $14.3 billion for 49% of Scale AI"
    r"pa(?:y|ys|id|ying)\s+(?:(?:about|around|nearly|some|roughly)\s+)?\S*\d\S*"
    r"(?:\s+(?:million|billion|trillion|mln|bn))?(?:\s+(?:dollars|dlrs|euros|pounds))?"
    r"\s+(?:in\s+cash\s+)?for)"
    # ("agreed to buy the 18.4% of Avangrid it does not already own")
    r"\s+(?:(?:about|around|nearly|almost|roughly|some|over|more than|less than|a further|"
    r"another|an additional|the|the\s+remaining|the\s+other)\s+)?(\d+(?:\.\d+)?)\s*"
    r"(?:%|per ?cent|percent|pct)\s+of\s+(?:the\s+)?",
    re.I,
)

# Debt a named company owes to the investor: "a €1.6 billion loan to Steinhoff", "bonds
# issued by Petroleos de Venezuela", "Venezuela's state oil-company bonds".
_LOAN_TO = re.compile(
    # ("a €1.6 billion ($2.0 billion) loan to": the bracketed equivalent is the same money)
    r"^(?:\s*\([^)]{1,40}\))?\s*(?:(?:bridge|term|secured|unsecured|syndicated|margin)\s+)?"
    r"(?:loans?|credit (?:line|facility)|financing|debt financing)\s+(?:to|for)\s+",
    re.I,
)

_BOND_OF = re.compile(
    r"\b(?:issued\s+by|(?:bonds?|notes|debt)\s+of)\s+(?:the\s+)?"
    # ("issued by Venezuela's state oil company, Petroleos de Venezuela SA")
    r"(?:[A-Z][\w.]*['’]s\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:[a-z][\w-]*,\s+)?$"
)

_POSSESSED_BONDS = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:bonds|notes|debt)\b")

_BOND_BUY = re.compile(
    r"\b(?:bought|buys|buying|purchased|purchases|acquired|paid|pays|paying)\s+"
    r"(?:(?:about|nearly|some|around|more than|over)\s+)?$",
    re.I,
)


def percent_owned(
    sentence, orgs, context, make, owned: re.Match[str] | None = None, amounts=()
) -> DealRecord | None:
    """ "Kestrel owns more than 97% of Halvard Parks", "Meta acquires 49% of Scale AI for
    $14.3 billion": a holding of a stated share, with its price when one is told."""
    owned = owned or _OWNS_PERCENT.search(sentence)
    if (
        owned is None
        or _SELL.search(sentence[: owned.start()])
        # "warrants to buy 15 pct of the common stock": a right to buy, not a purchase
        or re.search(r"\b(?:warrants?|options?|rights?)\s+to\s+$", sentence[: owned.start()])
    ):
        return None
    # "80 pct of the ordinary share capital of B and R International"
    capital = _OF_CAPITAL.match(sentence, owned.end())
    recipient = next((e for e in orgs if e.start == (capital or owned).end()), None)
    described = DESCRIBED_NAME.match(sentence, (capital or owned).end())
    if recipient is None and described is not None:
        # "bought about 11% of Brazilian payments company StoneCo": the company described
        recipient = next((e for e in orgs if e.start == described.end() and not e.is_place), None)
    investor = subject_before(sentence, owned.start(), orgs, context)
    if recipient is None:
        return None
    if investor is not None and re.match(
        r"\s+(?:share|stock|unit)?holders\b", sentence[investor.end : owned.start()]
    ):
        return None  # "Ionic holders will own about 74 pct of": its shareholders, not Ionic
    if investor is not None and name_key(recipient.name) == name_key(investor.name):
        # The story's company owns a share of itself? Then the reference means another.
        if not REFERENCE.search(sentence[: owned.start()]):
            return None
        investor = context.focus_other_than(recipient.name)
    if investor is None:
        return None
    price = next((m for m in amounts if owned.start() <= m.start < owned.end()), None) or next(
        (m for m in amounts if m.start > recipient.end), None
    )
    return make(
        "investment",
        recipient,
        subtype="stake",
        investors=[investor.name],
        stake=float(owned[1]),
        confidence=0.8,
        **(amount_fields(price) if price else {}),
    )


def _debt(
    make, borrower: Entity, lenders: list[str], confidence: float, money: Money | None
) -> DealRecord:
    """Money lent to ``borrower`` (a loan, bonds bought, a debt issue): subtype "debt"."""
    return make(
        "investment",
        borrower,
        subtype="debt",
        round="debt",
        investors=lenders,
        lead_investors=[],
        confidence=confidence,
        **(amount_fields(money) if money else {}),
    )


def lending_record(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """Money lent to a named company, as a loan or by buying its bonds: recipient the
    borrower, investor the lender or buyer, subtype "debt"."""
    if not amounts:
        # "after it bought Venezuela's state oil-company bonds": the issuer, no price told
        for issuer in entities:
            if not _POSSESSED_BONDS.match(sentence[issuer.end :]):
                continue
            bought = re.search(
                r"\b(?:bought|buys|buying|purchased|purchases|acquired)\s+$",
                sentence[: issuer.start],
                re.I,
            )
            if bought is None:
                continue
            buyer = subject_before(sentence, bought.start(), orgs, context)
            if buyer is None or name_key(buyer.name) == name_key(issuer.name):
                continue
            return _debt(make, issuer, [buyer.name], 0.6, None)
    for money in amounts:
        loan = _LOAN_TO.match(sentence[money.end :])
        if loan is not None:
            recipient = next((e for e in orgs if e.start == money.end + loan.end()), None)
            lender = subject_before(sentence, money.start, orgs, context)
            if recipient is None:
                continue
        else:
            bought = _BOND_BUY.search(sentence[: money.start])
            if bought is None:
                continue
            clause_end = clause_end_at(sentence, money.end)
            # "paid $865 million for $2.8 billion worth of bonds -- that equates to 31 cents
            # on the dollar -- issued by Petroleos de Venezuela": the issuer may come later.
            issuer = next(
                (e for e in orgs if e.start > money.end and _BOND_OF.search(sentence[: e.start])),
                None,
            )
            if issuer is None:
                continue
            if not re.search(r"\b(?:bonds?|notes|debt)\b", sentence[money.end : issuer.start]):
                continue
            if clause_end < issuer.start and not re.search(
                r"\bbonds?\b|\bnotes\b", sentence[money.end : clause_end]
            ):
                continue
            recipient = issuer
            lender = subject_before(sentence, bought.start(), orgs, context)
        if lender is not None and name_key(lender.name) == name_key(recipient.name):
            continue
        return _debt(
            make, recipient, [lender.name] if lender else [], 0.6 if lender else 0.5, money
        )
    return None


def debt_issue(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """A company raising money by selling debt: recipient is the issuer, no investor named."""
    for money in amounts:
        if not _DEBT_AFTER.match(sentence[money.end :]):
            continue
        verbs = [
            v
            for v in _DEBT_ISSUE.finditer(sentence[: money.start])
            if re.fullmatch(
                r"\s*(?:(?!(?:for|to|from|by|of|and|or)\b)[a-z][\w-]*\s+){0,3}",
                sentence[v.end() : money.start],
            )
        ]
        if not verbs:
            continue
        issuer = subject_before(sentence, verbs[-1].start(), orgs, context)
        debt = _DEBT_AFTER.match(sentence[money.end :])
        client = re.match(r"\s+(?:on\s+behalf\s+of|for)\s+", sentence[money.end + debt.end() :])
        if client is not None:
            # "its role in selling $6.5 billion of bonds for 1MDB": a bank selling another's
            # debt; the issuer is the client
            at = money.end + debt.end() + client.end()
            issuer = next((e for e in orgs if e.start == at), issuer)
        if issuer is None:
            continue
        return _debt(make, issuer, [], 0.6, money)
    return None


_PAID_FOR_SHARES = re.compile(
    # "bought 362,700 Wrather common shares ... for", "900,000 shares of Beta Corp for"
    r"(?:['’]?s?\s+(?:common\s+|ordinary\s+|preferred\s+|treasury\s+)?(?:shares|stock)\b"
    r"[^,;$]{0,50}?|\s{1,3}"
    # ("225 million shares of BYD in 2008 for $230 million")
    r"|\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)\bfor\s+(?:a\s+total\s+of\s+|about\s+|some\s+)?"
)


_SPENT_BUILDING = re.compile(
    r"\b(?:spent|spending|paid|invested)\s+(?P<sum>\S+(?:\s+\S+){0,3}?)\s+(?:on\s+)?"
    r"(?:building|amassing|accumulating)\s+(?:its|their|his|her|the)\s+(?:stake|position|holding)\b"
)
_LIFTING_TO = re.compile(
    r"[^;]{0,60}?,\s+(?:lifting|raising|bringing|boosting|taking|increasing|upping)\s+"
    r"(?:its|their|his|her)\s+(?:total\s+)?(?:stake|holding|ownership|position)\s+to\s+"
    r"(?:about\s+|roughly\s+|nearly\s+|almost\s+|around\s+|some\s+)?"
    rf"(?P<pct>\d+(?:\.\d+)?){PERCENT_SIGN}"
)


def holding_record(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """A holding in a listed company: "the Disney stake" of the story's investor, or shares
    bought ("Viking bought $250 million of Disney stock")."""
    for org in orgs:
        shares_in = None
        if org.is_place:
            continue
        after = sentence[org.end :]
        investor = None
        money = None
        compound = _COMPOUND_STAKE.match(after)
        if (
            compound
            and compound.group(0).strip().lower() == "holding"
            and not re.search(r"\b(?:the|its|their|his|her|a|an)\s+$", sentence[: org.start], re.I)
        ):
            compound = None  # "Sony holding press conferences": a verb, not "its Sony holding"
        if compound and _SOLD_BEFORE.search(sentence[: org.start]):
            continue  # "SoftBank sold its entire Nvidia stake": a holding given up
        if compound:
            bought = re.search(
                r"\b(?:bought|buys|buying|acquired|acquires|purchased|took|takes|raised|"
                r"increased|boosted)\s+(?:the|a|its|their)\s+$",
                sentence[: org.start],
                re.I,
            )
            investor = (
                subject_before(sentence, bought.start(), orgs, context)
                if bought and not re.match(r"(?i)its|their", sentence[bought.end() - 4 :])
                else None
            )
            # "Leucadia said it bought the Minstar stake"; "the Disney stake" of the story's
            # investor; "its Alibaba stake"
            investor = investor or possessor_of(sentence, org.start, orgs, context) or context.focus
        elif (
            re.match(
                # ("$2 billion of Synopsys Inc. common stock": past the legal form)
                r"(?:\s+(?:Inc|Corp|Co|Ltd|Plc|AG|SA|NV|SE|LLC)\b)?\.?"
                r"(?:['’]s?)?\s+(?:(?:common|treasury|ordinary|voting)\s+)?(?:shares|stock)\b",
                after,
                re.I,
            )
            or (shares_in := _SHARES_IN.search(sentence[: org.start]))
            # "It also bought $1 billion worth of Teva": a listed company's worth is its shares
            or (
                re.search(
                    r"\$\S+(?:\s+(?:million|billion|bn|mln))?\s+worth\s+of\s+$",
                    sentence[: org.start],
                )
                and re.match(r"\s*(?:[,.;]|$|\s+and\b)", after)
            )
        ):
            bought = (
                shares_in
                or _SHARE_BUY.search(sentence[: org.start])
                or _SHARE_SPEND.search(sentence[: org.start])
            )
            if bought is None:
                continue
            told = next((g for g in ("money", "sum") if bought.groupdict().get(g)), None)
            if told is not None:
                money = next(
                    (m for m in amounts if bought.start(told) <= m.start < bought.end(told) + 1),
                    None,
                )
                if money is None:
                    continue
            else:
                # "bought 362,700 Wrather common shares between Feb 13 and 24 for 6.6 mln
                # dlrs": the price follows the shares in the same clause
                money = next(
                    (
                        m
                        for m in amounts
                        if m.start > org.end
                        and _PAID_FOR_SHARES.fullmatch(sentence[org.end : m.start])
                    ),
                    None,
                )
            investor = subject_before(sentence, bought.start(), orgs, context)
        if investor is not None and name_key(investor.name) == name_key(org.name):
            continue
        if investor is None and money is None:
            continue
        # "This Hedge Fund Bought $250 Million of Disney Stock": the purchase and its price
        # are told even when the buyer is not named.
        # ("added 763,017 shares of Occidental, lifting its stake to about 28.3%": the
        # holding the purchase makes)
        total = _LIFTING_TO.match(sentence, org.end)
        if money is None and (built := _SPENT_BUILDING.search(sentence, org.end)) is not None:
            # "began buying Apple shares in 2016 and spent about $36 billion building its
            # stake": what the holding cost
            money = next(
                (m for m in amounts if built.start("sum") <= m.start < built.end("sum")), None
            )
        return make(
            "investment",
            org,
            subtype="stake",
            investors=[investor.name] if investor else [],
            lead_investors=[],
            stake=float(total["pct"]) if total else None,
            confidence=0.7 if investor else 0.55,
            **(amount_fields(money) if money else {}),
        )
    return None


# "acquired a $3.5 billion stake in": a priced stake bought, right before "stake in".
_BOUGHT_PRICED_STAKE = re.compile(
    r"\b(?:(?:took|takes|acquired|acquires|bought|buys|purchased|purchases)\s+"
    # ("had acquired its original 33% stake in the streaming-technology firm")
    r"(?:a|an|(?:its|their)\s+(?:original|initial|first))\s+"
    r"(?P<price>(?:[\w-]+\s+){0,2}?(?:[$€£¥]|US\$)\S+\s+(?:[mb]illion\s+|bn\s+|m\s+)?)?"
    # "will pay $4.2 billion for an 80 percent stake in the venture"
    r"|(?:pay|pays|paid|paying)\s+(?P<paid>(?:[$€£¥]|US\$)\S+\s+(?:[mb]illion\s+|bn\s+|m\s+)?)"
    r"for\s+(?:a|an)\s+)$",
    re.I,
)
# "a stake in the venture" a story has just told of: the partner's business goes into it
_THE_VENTURE = re.compile(r"the\s+(?:new\s+)?(?:joint\s+)?venture\b", re.I)


_BUY_OUT_OF = re.compile(
    r"\b(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchased)\s+"
    r"(?:out\s+)?(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}['’]s?\s+$",
    re.I,
)

_RAISED_TO_PERCENT = re.compile(
    r"\b(?:stake|holding)\s+(?:in\s+[^,;]{1,60}?\s+)?to\s+"
    r"(?:about\s+|nearly\s+|roughly\s+|more\s+than\s+|over\s+|almost\s+|around\s+)?"
    rf"(\d+(?:\.\d+)?){PERCENT_SIGN}"
)

_OWN_VENTURE = re.compile(
    r"(?:its|their)\s+(?:(?:previous|former|existing|current|new)\s+)?"
    r"(?P<unit>(?:[\w-]+\s+){0,3}?(?:joint\s+venture|venture|unit|subsidiary|"
    r"affiliate))\b"
)

_AND_ITS = re.compile(
    r"(?P<owner>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3})['’]s\s+[^,;]{1,80}?\s+and\s+its\s+"
    r"(?:[^\s,;]+\s+){0,3}$"
)

# "a 25% stake in a giant gas field off Mozambique from Italy's Eni SpA"
_ASSET_FROM = re.compile(
    r"(?:an?|the)\s+(?:(?:giant|large|big|huge|major|new|massive)\s+)?"
    r"(?P<asset>(?:[\w-]+\s+){0,3}?(?:field|project|mine|refinery|pipeline|block|terminal|"
    r"plant|facility|development|discovery)(?:\s+(?:off|in|near)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?)"
    r"\s+from\s+(?:[A-Z][\w.]*['’]s\s+)?(?:(?:[a-z][\w-]*)\s+){0,3}"
)


def stake_record(sentence, stake, orgs, amounts, context, make) -> DealRecord | None:
    if _SELL.search(sentence[max(0, stake.start() - 60) : stake.start()]) or re.search(
        r"\b(?:sold|placed|divested|offloaded)\s+by\b",
        sentence[stake.start() : stake.start() + 120],
    ):
        return None  # "placed its 19.4 pct stake in Lister", "the 20 pct stake ... sold by X"
    if _REVALUED.search(sentence, max(0, stake.start() - 40), stake.start()):
        return None  # "marked up its stake in ByteDance": a holding's worth, not a purchase
    m = re.search(
        r"\b(?:(?:stake|position|holding|interest|ownership)\s+(?:(?:of|worth)\s+[^,;]{1,30}?\s+)?"
        r"(?:in|into)|holdings\s+of|stakes\s+(?:of\s+[^,;]{1,30}?\s+)?in)\s+",
        sentence[stake.start() :],
        re.I,  # "Meta Buys 49% Stake In Scale AI": headlines capitalise
    )
    if (
        m is not None
        and re.match(
            r"(?:the|a)\s+(?:combined|merged|new|enlarged)\s+(?:company|group|entity|business)\b",
            sentence[stake.start() + m.end() :],
        )
        and re.search(
            r"\b(?:in\s+exchange\s+for|in\s+return\s+for|receiv\w+|get|gets|getting)\s+(?:an?\s+)?"
            r"(?:\d+(?:\.\d+)?\s*%\s+)?$",
            sentence[max(0, stake.start() - 40) : stake.start()],
        )
    ):
        return None  # "in exchange for a 20% stake in the combined company": the seller's pay
    recipient = first_after(stake.start() + m.end(), orgs) if m else None
    if (
        recipient is not None
        and m is not None
        and re.search(r"\b(?:from|by)\s", sentence[stake.start() + m.end() : recipient.start])
    ):
        recipient = None  # "a 25% stake in a Mozambique gas field from Eni": the seller
        asset = _ASSET_FROM.match(sentence, stake.start() + m.end())
        seller = next(
            (e for e in orgs if asset and e.start == asset.end() and not e.is_place), None
        )
        if asset is not None and seller is not None:
            # ... is the seller's gas field that is bought into
            name = f"{seller.name} {asset['asset']}"
            recipient = Entity(name, name, asset.start("asset"), asset.end("asset"), "org")
    unit = owned_unit(sentence, recipient, orgs) if recipient is not None else None
    if unit is not None:
        recipient = unit  # "a 51% stake in Intel's Altera unit"
    parts = OWNED_PARTS.match(sentence, recipient.end) if recipient and not unit else None
    if recipient is not None and parts is not None and not recipient.is_place:
        # "a 55% stake in Thomson Reuters Corp's financial and risk business"
        name = f"{recipient.name} {parts['unit']}"
        recipient = Entity(name, name, recipient.start, recipient.end, "org")
    investor = subject_before(sentence, stake.start(), orgs, context)
    sold_by = _BUY_OUT_OF.search(sentence, max(0, stake.start() - 80), stake.start())
    if sold_by is not None:
        # "GSK paid $13 billion to buy out Novartis's 36.5% stake": Novartis sells
        investor = subject_before(sentence, sold_by.start(), orgs, context)
    owner = _AND_ITS.search(sentence, max(0, stake.start() - 160), stake.start())
    if owner is not None:
        # "Celgene's $7 billion deal for Impact Biomedicines and its $1 billion stake in
        # Juno": "its" is the first noun's possessor
        investor = next((e for e in orgs if e.end == owner.end("owner")), investor)
    referent = REFERENCE.match(sentence, stake.start() + m.end()) if m else None
    if (
        recipient is not None
        and referent is not None
        and referent.start() <= recipient.start
        and recipient.end <= referent.end()
    ):
        # "taking a majority stake in the Pittsburgh self-driving startup": the place
        # describes the company the words refer to
        recipient = None
    venture = _THE_VENTURE.match(sentence, stake.start() + m.end()) if m else None
    if (
        m is not None
        and recipient is not None
        and referent is None
        and re.fullmatch(
            r"(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*[,;]?\s*(?:with|while|and|as)\s+",
            sentence[stake.start() + m.end() : recipient.start],
        )
    ):
        recipient = None  # "a 70% stake in the venture, with Meta owning the rest"
    told = referent or venture
    if (
        told is not None
        and investor is not None
        and (bought := _BOUGHT_PRICED_STAKE.search(sentence[: stake.start()]))
        # "took a $3.5 billion stake in", "took a 5% stake in": a stake told by its size
        and (
            bought.group("price")
            or bought.group("paid")
            # (not in a relative clause, whose holder is the name before "which": "an
            # investment from Meta, which took a 49% stake in the data-labeling company")
            or (
                stake.group(0)[:1].isdigit()
                and not re.search(r",\s+(?:which|who)\s+(?:\w+\s+)?$", sentence[: bought.start()])
            )
        )
        and (recipient is None or recipient.start >= told.end())
    ):
        # "Trian acquired a $3.5 billion stake in the multinational corporation": the
        # company the story is about, other than the buyer.
        recipient = context.focus_other_than(investor.name) or next(
            # (the story's first sentence: "Tesla's shares rose after Tencent took a 5%
            # stake in the electric-car maker", "Meta hired Scale AI's CEO and took a 49%
            # stake in the company": the company named last before the stake)
            (
                e
                for e in reversed(orgs)
                if e.end <= stake.start() and name_key(e.name) != name_key(investor.name)
            ),
            None,
        )
    if (
        investor is None
        and recipient is not None
        # (not after a verb of buying: "The fund had bought stakes in Capcom, Nexon")
        and re.match(r"(?:stake|position|holding|interest|\d)", stake.group(0), re.I)
    ):
        # "The $250 million stake in Disney is Viking's largest holding"
        investor = first_after(recipient.end, orgs)
    own = _OWN_VENTURE.match(sentence, stake.start() + m.end()) if m else None
    if own and investor and (recipient is None or recipient.start > own.end()):
        # "buy the remaining 50% stake in its East China joint venture from its partners":
        # the buyer's own venture
        name = f"{investor.name} {own['unit']}"
        recipient = Entity(name, name, own.start("unit"), own.end("unit"), "org")
    if recipient is None or investor is None or name_key(recipient.name) == name_key(investor.name):
        return None
    # ("Disney now owns a 60% stake in Hulu, and it agreed to buy Comcast's remaining 33%
    # stake": the size bought, not the one already held)
    sizes = list(STAKE.finditer(sentence))
    percent = (
        next(
            (
                p
                for p in sizes
                if not _HELD_STAKE.search(sentence, max(0, p.start() - 30), p.start())
                and not _SOLD_STAKE.search(sentence, max(0, p.start() - 30), p.start())
            ),
            None,
        )
        or next(
            (
                p
                for p in sizes
                if not _SOLD_STAKE.search(sentence, max(0, p.start() - 30), p.start())
            ),
            None,
        )
        or STAKE_OF.search(sentence)
        # ("spent $1.58 billion to raise its stake in BAMTech to 75%")
        or _RAISED_TO_PERCENT.search(sentence, stake.start())
    )
    # "investing $15.2 billion in the UAE, including its $1.5 billion stake in G42": the
    # stake's own price is the one told with it
    word = stake.start() + (m.start() if m else 0)
    own = next(
        (
            a
            for a in amounts
            if a.end <= word and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}?", sentence[a.end : word])
        ),
        None,
    )
    # (not a sum told in an aside about the holder: "The fund, which has invested more than
    # $100 billion in startups since 2017, also took a stake in")
    asides = [a.span() for a in _ASIDE_ABOUT.finditer(sentence) if not a.start() <= word < a.end()]
    outside = [a for a in amounts if not any(lo <= a.start < hi for lo, hi in asides)]
    # (nor one of a later clause with a subject of its own: "took a 9.9% stake in Intel in
    # August, and SoftBank Group agreed to invest $2 billion")
    outside = [
        a
        for a in outside
        if not (a.start > word and _OTHER_SUBJECT.search(sentence, word, a.start))
        # ("a stake of just under 3% in EssilorLuxottica, ..., worth about 3 billion euros at
        # current market prices": what the holding is worth, not what was paid)
        and not (
            re.search(r",\s+worth\s+$", sentence[: a.start])
            or re.match(r"\s+at\s+(?:current\s+)?(?:market\s+)?prices\b", sentence[a.end :])
        )
    ]
    money = own or (outside[0] if outside else None)
    money_fields = amount_fields(money) if money else {}
    # "took a stake in Nscale as part of a $155 million Series A round": the sum is the
    # round's, in which the holder is one investor
    in_round = _ROUND_TOLD.match(sentence, money.end) if money is not None and not own else None
    label = ROUND.search(in_round.group(0)) if in_round is not None else None
    return make(
        "investment",
        recipient,
        subtype="funding_round" if in_round else "stake",
        investors=[investor.name],
        stake=float(percent[1]) if percent else None,
        round=round_name(label[1]) if label else None,
        confidence=0.8,
        **money_fields,
    )


_OTHER_SUBJECT = re.compile(
    r"[,;]\s+(?:and|but|while|whereas)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,4}"
    r"(?:has\s+|had\s+|also\s+|will\s+|would\s+)*(?:agreed|said|will|would|has|had|is|was|"
    r"[a-z]+ed)\b"
)


# "Facebook had picked up a 9.99 per cent stake for Rs 43,574 crore in April": a priced stake
# in the company the story is about, not named again
# ("Microsoft took a minority stake earlier this year as part of a 15 million euro
# investment": the price told later in the clause)
_STAKE_FOR = re.compile(
    r"\b(?:took|tak(?:e|es|en|ing)|acquir(?:e|es|ed|ing)|bought|buy(?:s|ing)?|"
    r"pick(?:s|ed|ing)?\s+up|snapp(?:ed|ing)\s+up)\s+an?\s+(?:(\d+(?:\.\d+)?)\s*"
    r"(?:%|per ?cent|percent|pct)\s+)?(?:(?:minority|majority|small|equity)\s+)*"
    r"(?:stake|holding|interest|position)\b(?!\s+(?:in|of)\b)(?:\s+for\s+)?",
    re.I,
)
_IN_WHICH = re.compile(
    r",\s+in\s+which\s+(?:it|they|the\s+\w+|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
    r"(?:\s+(?:also|later|then|first))?\s+$"
)


def stake_of_story(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """A stake bought for a price in the story's company, which goes unnamed."""
    told = _STAKE_FOR.search(sentence)
    if told is not None and told[1] is None and not re.search(r"minority|majority", told[0]):
        told = None  # a stake of no stated size names its company, or is none of the story's
    money = next(
        (
            a
            for a in amounts
            if told and told.end() <= a.start < clause_end_at(sentence, told.end())
        ),
        None,
    )
    company = context.last_recipient
    in_which = _IN_WHICH.search(sentence, max(0, told.start() - 60), told.start()) if told else None
    named = next((e for e in orgs if in_which and e.end == in_which.start()), None)
    if named is not None and not named.is_place:
        # "including Tesla, in which it took a 5 percent position last year for $1.8 billion"
        company = named
    if told is None or money is None or company is None or company.is_place:
        return None
    investor = subject_before(
        sentence, company.start if named is not None else told.start(), orgs, context
    )
    if investor is None or name_key(investor.name) == name_key(company.name):
        return None
    return make(
        "investment",
        company,
        subtype="stake",
        investors=[investor.name],
        stake=float(told[1]) if told[1] else None,
        confidence=0.7,
        **amount_fields(money),
    )


# ("pushing for a sale of its 23% stake in L'Oreal": another holding, given up)
_SOLD_STAKE = re.compile(
    r"\b(?:sale|sell|sells|selling|sold|divest\w*)\s+(?:of\s+)?(?:its|their|the)\s+(?:\w+\s+)?$"
)
_HELD_STAKE = re.compile(r"\b(?:owns?|owned|holds?|held)\s+(?:a|an|its|the)\s+(?:\w+\s+)?$")
_REVALUED = re.compile(
    # ("took a $1.1 billion hit on its stake in Cronos")
    r"\b(?:(?:hit|charge|loss|write-?down|impairment|writedown)\s+(?:on|related\s+to)|"
    r"mark(?:s|ed|ing)?\s+(?:up|down)|writ(?:e|es|ing)\s+(?:up|down|off)|wrote\s+"
    r"(?:up|down|off)|written\s+(?:up|down|off)|revalu\w+|valu(?:e|es|ed|ing))\s+"
    r"(?:its|their|the|his|her)\s+(?:[\w%.-]+\s+){0,3}?$",
    re.I,
)
# ("..., where it has invested more than $40 billion since the 1990s.")
_ASIDE_ABOUT = re.compile(
    r",\s+(?:which|who|where|"
    # ("in Sky Plc, the British pay-TV group that Fox has been trying to buy outright for
    # £11.7 billion": an appositive's clause tells another deal)
    r"(?:the|a|an)\s+[^,;]{1,60}?\s(?:that|which|whom)\s)[^,;]{1,120}(?:,|\.?$)"
)

_ROUND_TOLD = re.compile(
    r"\s+(?:(?:pre-seed|seed|(?:pre-)?Series\s+[A-Z]\d?|growth|funding|financing|equity|"
    r"venture)\s+)*(?:round|raise)\b",
    re.I,
)


# A standing position rather than a purchase: "Microsoft, an investor in OpenAI,", "X is
# the largest shareholder in Y", "ExxonMobil and Shell are equity partners in Gorgon",
# "Berkshire holds an equity stake in Apple".
_POSITION = re.compile(
    r"(?:,\s*|\b(?:is|are|was|were|became|becomes|become|remains|remain|has been|have been)"
    r"\s+(?:also\s+|now\s+|already\s+)?)"
    r"(?:(?:an?|the|its|their|one of (?:the|its|their))\s+)?"
    r"(?:(?:early|existing|longtime|long-time|major|minority|majority|largest|biggest|"
    r"key|strategic|big|significant|leading|single)\s+){0,2}"
    r"(?:investors?|shareholders?|stakeholders?|backers?|equity partners?)\s+(?:in|of)\s+"
    # "Nvidia is among the investors in Mistral AI"
    r"|\b(?:is|are|was|were)\s+(?:also\s+)?among\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?"
    r"(?:investors|shareholders|backers)\s+(?:in|of)\s+"
    r"|\b(?:holds?|held|owns?|owned|has|had|have)\s+(?:an?|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:stake|holding|interest)"
    # "holds a stake of roughly 27% in OpenAI"
    r"(?:\s+of\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|some\s+)?"
    r"\d[\d.]*\s*(?:%|percent|per\s+cent|pct))?\s+in\s+",
    re.I,
)


_POSITION_WORD = re.compile(
    r"investor|shareholder|stakeholder|backer|partner|stake|holding|interest", re.I
)


def standing_position(sentence, orgs, context, make) -> DealRecord | None:
    """ "Microsoft, an investor in OpenAI, said ...": who holds a position in a named
    company, without a purchase or price told; stored, but flagged (no amount)."""
    if not _POSITION_WORD.search(sentence):
        return None  # most sentences: skip the costlier pattern
    for position in _POSITION.finditer(sentence):
        recipient = next((e for e in orgs if e.start == position.end()), None)
        if recipient is None or recipient.is_place:
            continue
        investor = subject_before(sentence, position.start() + 1, orgs, context)
        if investor is None or name_key(investor.name) == name_key(recipient.name):
            continue
        investors = [
            name
            for name in coordinated(sentence, orgs, investor)
            if name_key(name) != name_key(recipient.name)
        ]
        return make(
            "investment",
            recipient,
            subtype="stake",
            investors=investors,
            confidence=0.6,
        )
    return None


# "Idorsia, in which J&J holds a 16% stake": the company the clause hangs on is held
_IN_WHICH_HELD = re.compile(
    r",\s+in\s+which\s+(?P<rest>(?:[^,;\s]+\s+){1,5}?)(?:now\s+|also\s+|still\s+)?"
    r"(?:holds?|held|owns?|owned|has|had|took|takes|bought|acquired)\s+(?:a|an)\s+"
    # (a sized stake: "in which Microsoft holds an interest" tells too little)
    rf"(?P<pct>\d+(?:\.\d+)?){PERCENT_SIGN}\s+"
    r"(?:(?:minority|majority|controlling)\s+)?(?:stake|interest|holding)\b"
)


def stake_in_which(sentence, orgs, context, make) -> DealRecord | None:
    """A stake told in a relative clause of the company held ("Idorsia, in which J&J
    holds a 16% stake"); no price, so stored flagged."""
    for held in _IN_WHICH_HELD.finditer(sentence):
        company = next((e for e in orgs if e.end == held.start() and not e.is_place), None)
        holder = next((e for e in orgs if e.start == held.start("rest")), None)
        if company is None or holder is None or holder.is_place:
            continue
        if name_key(holder.name) == name_key(company.name):
            continue
        return make(
            "investment",
            company,
            subtype="stake",
            investors=[holder.name],
            stake=float(held["pct"]),
            confidence=0.6,
        )
    return None


# "a $1.1 billion equity investment that will give Gilead a 22% stake in the Belgian
# biotech": the stake the money buys, and who gets it
_GIVES_STAKE = re.compile(
    r"\b(?:give|gives|giving|gave)\s+(?P<holder>(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3})"
    rf"\s+(?:an?\s+)?(?P<pct>\d+(?:\.\d+)?){PERCENT_SIGN}\s+stake\s+in\s+"
)
_INVESTMENT_THAT = re.compile(
    r"\s+(?:(?:equity|cash|strategic)\s+)?investment,?\s+(?:that|which)\s+(?:will\s+|would\s+)?$"
)


def stake_given(sentence, orgs, amounts, context, make) -> DealRecord | None:
    given = _GIVES_STAKE.search(sentence)
    if given is None:
        return None
    holder = next((e for e in orgs if e.start == given.start("holder")), None)
    if holder is None or holder.is_place:
        return None
    recipient = next((e for e in orgs if e.start == given.end() and not e.is_place), None)
    if recipient is None and REFERENCE.match(sentence, given.end()):
        # ("in the Belgian biotech": the other company the sentence named)
        recipient = next(
            (
                e
                for e in reversed(orgs)
                if e.end <= given.start()
                and not e.is_place
                and not same_company(e.name, holder.name)
            ),
            None,
        ) or context.focus_other_than(holder.name)
    if recipient is None or same_company(recipient.name, holder.name):
        return None
    money = next(
        (m for m in amounts if _INVESTMENT_THAT.fullmatch(sentence, m.end, given.start())), None
    )
    return make(
        "investment",
        recipient,
        subtype="stake",
        investors=[holder.name],
        stake=float(given["pct"]),
        confidence=0.8 if money else 0.6,
        **(amount_fields(money) if money else {}),
    )
