"""Money into a named company: funding rounds ("raised $45 million led by"), investments
("invested $4 billion in Anthropic"), grants, recapitalisations, and the investors a later
sentence names for "the round"."""

from __future__ import annotations

import re

from flows.deals.context import (
    OPENING_REFERENCE,
    REFERENCE,
    at_start,
    clause_end_at,
    coordinated,
    first_after,
    place_subject,
    subject_before,
)
from flows.deals.deal import DealRecord, amount_fields
from flows.deals.entities import Entity, name_key, same_company
from flows.deals.money import Money
from flows.deals.phrases import (
    DESCRIBED_NAME,
    IN_SENTENCE,
    IN_TRANCHES,
    MONEY_PHRASE,
    NP_REJECT,
    PLACE_DESCRIBES_COMPANY,
    ROUND,
    SHARED_SUBJECT,
    bracket_len,
    gap_between,
    investors_from,
    noun_phrase,
    owned_unit,
    recipient_after,
    round_name,
)

# Money given away is not an investment; a grant is funding of its own kind (subtype
# "grant"), read by grant_record alone.
GIFT = re.compile(
    r"\b(?:donat(?:e|es|ed|ion|ions)|grants?|subsid(?:y|ies)|charit(?:y|able)|philanthrop\w*)\b",
    re.I,
)

DONATION = re.compile(r"\b(?:donat(?:e|es|ed|ion|ions)|charit(?:y|able)|philanthrop\w*)\b", re.I)

# "UNC Charlotte got a $76,521 grant", "was awarded a $2 million grant"
_GRANT_RECEIVED = re.compile(
    r"\b(?:got|gets|receiv(?:e|es|ed|ing)|won|wins|secured|secures|landed|lands|"
    r"(?:was|were|has been|have been|is|are)\s+awarded)\s+(?:an?\s+)?$",
    re.I,
)

# "Duke Energy doles out $1.1 million in water resources grants", "awarded $5 million in
# grants to ...", "a $2 million grant to Acme"
_GRANT_GIVEN = re.compile(
    r"\b(?:award(?:s|ed|ing)?|give(?:s|n)?|gave|giving|grant(?:s|ed|ing)?|dol(?:e|es|ed|ing)\s+out|"
    r"hand(?:s|ed|ing)?\s+out|announc(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|offer(?:s|ed|ing)?|"
    r"approv(?:e|es|ed|ing)|allocat(?:e|es|ed|ing)|earmark(?:s|ed|ing)?|pledg(?:e|es|ed|ing))"
    r"\s+(?:an?\s+|its\s+|their\s+)?$",
    re.I,
)

# "Duke awarded UNC Charlotte a $76,521 grant": the receiver between the verb and the grant.
_GRANT_TO_OBJECT = re.compile(
    r"\b(?:award(?:s|ed|ing)?|give(?:s|n)?|gave|giving|grant(?:s|ed|ing)?|fund(?:s|ed|ing)?)\s+"
    r"(?P<receiver>(?:[\w.&'’-]+\s+){1,6}?)(?:with\s+)?an?\s+$",
    re.I,
)

GRANT_NOUN = re.compile(
    r"^\s*(?:in\s+(?P<field>(?:[\w-]+\s+){0,4}?))?(?:grants?|subsid(?:y|ies))\b", re.I
)

# "The Commerce Department awarded Intel $7.86 billion": an award told without "grant"
AWARDED = re.compile(r"\baward(?:s|ed|ing)?\b", re.I)
_AWARDED_DIRECT = re.compile(
    r"\baward(?:s|ed|ing)?\s+(?P<receiver>(?:[\w.&'’-]+\s+){1,4}?)(?:up\s+to\s+|about\s+)?$", re.I
)
_PUBLIC_FUNDING = re.compile(
    r"\b(?:grants?|subsid(?:y|ies)|funding|(?-i:[A-Z]+)\s+Act|incentives?)\b", re.I
)
_NOT_GRANT_AFTER = re.compile(
    r"\s+(?:(?:[\w-]+\s+){0,2})?(?:contracts?|deals?|orders?|damages|settlements?|judgments?|"
    r"verdicts?|prizes?|bonus(?:es)?|salary|pay)\b",
    re.I,
)

FUNDING = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|land(?:s|ed)?|"
    r"bag(?:s|ged)?|nab(?:s|bed)?|complet(?:e|es|ed)|announc(?:e|es|ed)|gets?|got|receiv(?:e|es|ed)|obtain(?:s|ed)?|"
    # ("borrowed heavily from banks ... to fund its $5 billion plant": the money borrowed
    # is the verb's own object)
    r"borrow(?:s|ed|ing)?(?=\s+(?:(?:about|nearly|some|around|roughly|over|more\s+than|"
    r"another|an\s+additional)\s+)?(?:US\$|[$€£¥₹]|\d))"
    # ("took on $5.25 billion of debt financing from banks")
    r"|t(?:ook|akes?|aking)\s+on(?=\s+(?:(?:about|nearly|some|around|roughly|over|more\s+than|"
    r"another|an\s+additional)\s+)?(?:US\$|[$€£¥₹]|\d)[^;]{0,40}?\b(?:debt|loans?|"
    r"financing|borrowings?)\b))\b"
    # "receive bids from", "secured approval from": things other than money come from others
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:bids?|orders?|offers?|approvals?|applications?|proposals?|"
    r"complaints?|requests?|calls?|letters?|notices?|support|attention|praise|criticism|"
    r"feedback|awards?|contracts?|permission|permits?|licen[cs]es?|votes?|incentives?|"
    r"packages?|tax|subsid(?:y|ies))\b)"
    # "Amazon completed its $4 billion investment in Anthropic": money put in, not raised
    r"(?!\s+(?:its|their|an?|the)\s+(?:[\w$€£.,-]+\s+){0,4}?(?:investments?|stake)\s+in\b"
    r"(?!\s+(?:its|their|the\s+(?:company|startup|round)|this|that)\b))"
    # "SoftBank completed its $40 billion OpenAI investment": the company before the noun
    r"(?!\s+(?:(?:its|their)\s+)?\S*\d\S*\s+(?:[mb]illion\s+|bn\s+)?(?-i:[A-Z])[\w.&-]*"
    r"(?:\s+(?-i:[A-Z])[\w.&-]*){0,2}\s+(?:investments?|stake)\b)"
    r"(?=.*?\b(?:funding|round|financing|Series [A-Z]|seed|capital|investment|from|led by|"
    r"(?-i:fund))\b)",
    re.I,
)

_RAISE_VERB = re.compile(r"\brais(?:e|es|ed|ing)\b", re.I)
# Headline verbs of a raise: "Nimbus lands $45M to automate warehouses", "hauls in $45M".
_HEADLINE_RAISE = re.compile(
    r"\b(?:lands|landed|bags|bagged|nabs|nabbed|snags|snagged|scores|scored|grabs|grabbed|"
    r"nets|netted|attracts|attracted|"
    r"(?:picks|picked|scoops|scooped)\s+up|"
    r"(?:rakes|raked|pulls|pulled|hauls|hauled)\s+in)\b",
    re.I,
)
# What such a verb wins that is not funding: "lands $45M contract", "nets $2M in sales"
_NOT_FUNDING_AFTER = re.compile(
    r"\s+(?:(?:in|of|worth\s+of)\s+)?(?:[\w-]+\s+)?(?:contracts?|orders?|deals?|revenues?|sales|"
    r"profits?|loss(?:es)?|settlements?|fines?|damages|judgments?|verdicts?|awards?|prizes?|"
    r"grants?|tax|bonus(?:es)?|salary|pay|compensation|budgets?|bookings|sponsorships?)\b",
    re.I,
)

# "investment firm", "investment bank", "investing arm": the word names what a firm does
FIRM_NOUN = re.compile(
    r"\s+(?:firm|company|bank|banker|group|manager|management|arm|vehicle|house|boutique|"
    r"adviser|advisor|trust|holding)s?\b",
    re.I,
)
# "sold its stake to Dutch pension fund APG": the noun, not the verb
_FUND_NOUN_BEFORE = re.compile(
    r"\b(?:pension|hedge|wealth|mutual|index|venture|investment|equity|growth|"
    r"infrastructure|sovereign|buyout|a|an|the|its|their|his|her)\s+$",
    re.I,
)


def is_noun_use(sentence: str, verb: re.Match[str]) -> bool:
    """Whether an investing word names who invests rather than the act ("investment
    firm KKR", "pension fund APG")."""
    return bool(
        FIRM_NOUN.match(sentence, verb.end())
        or (
            verb.group(0).lower() in {"fund", "funds"}
            and _FUND_NOUN_BEFORE.search(sentence, max(0, verb.start() - 20), verb.start())
        )
    )


INVEST = re.compile(
    r"\b(?:invest(?:s|ed|ing|ment|ments)?|commit(?:s|ted|ting|ment)?|pledg(?:e|es|ed|ing)|"
    r"pour(?:s|ed|ing)?|inject(?:s|ed|ing)?|infus(?:e|es|ed|ing)|plough(?:s|ed)?|pump(?:s|ed|ing)?|"
    # "having put $1.2 billion into PhonePe"
    r"put(?:s|ting)?(?=\s+(?:an?\s+)?(?:additional\s+|further\s+|another\s+)?(?:US\$|C\$|A\$|HK\$|"
    r"[$€£¥₹]|Rs\.?\s)\S+(?:\s+(?:million|billion|bn|mln|crore))?\s+(?:in|into)\s)|"
    # "ASML contributed 1.3 billion euros and will become Mistral's largest shareholder"
    r"contribut(?:e|es|ed|ing)(?=\s+(?:an?\s+)?(?:US\$|C\$|A\$|HK\$|[$€£¥₹]|Rs\.?\s|[\d.]+\s+(?:million|billion)))|"
    r"back(?:s|ed|ing)?|fund(?:s|ed|ing)?|"
    # ("XRG led a consortium that offered $18.7 billion for Santos": a bid, not a round)
    r"(?:led|leads|co-led)(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:consortium|group\s+of|bid|"
    r"offer|takeover|buyout|team|delegation)\b)|"
    # "The company also announced $3.2 billion for cloud and AI infrastructure in Sweden"
    # (the money right after: "with $26 million earmarked for upgrades" has no giver)
    r"(?:announc(?:e|es|ed|ing)|earmark(?:s|ed|ing)?|allocat(?:e|es|ed|ing))"
    r"(?=\s+(?:an?\s+)?(?:additional\s+|further\s+|another\s+)?"
    r"(?:US\$|C\$|A\$|HK\$|[$€£¥₹]|Rs\.?\s))|"
    # "would become its top shareholder after leading a €1.7 billion funding round"
    r"(?<=after\s)(?:co-)?leading)\b",
    re.I,
)

# ("raised about $2 billion by selling new shares": selling its own stock is raising; so is
# "through a sale of senior notes")
_OWN_PAPER = (
    r"(?!\s+(?:of\s+)?(?:(?:new|its|own|additional|more|common|convertible|preferred|senior|"
    r"junior|subordinated|secured|unsecured|high-yield|junk|green|corporate|investment-grade|"
    r"\d+-year)\s+){1,2}"
    r"(?:shares|stock|equity|bonds|notes|debt|debentures)\b)"
)
PROCEEDS = re.compile(
    r"\b(?:by|from|through|via)\s+(?:the\s+|an?\s+)?(?:(?:asset|assets|property|stake|unit|"
    # ("raise $20 billion from asset sales by 2027")
    r"business|non-core)\s+)?(?:sell(?:ing)?|sale|sales|divest\w*|"
    r"spin(?:ning)?[- ]?off|dispos\w+|cutting|cost cuts)\b" + _OWN_PAPER +
    # "Sotheby's raised $380m in its New York contemporary art sale": takings of a sale
    r"|\b(?:in|at|from|through)\s+(?:its|the|a|their)\s+(?:[\w-]+\s+){0,4}?"
    # ("raised $18.5 billion in a bond sale" is borrowing, not takings)
    r"(?<!bond\s)(?<!bonds\s)(?<!debt\s)(?<!note\s)(?<!share\s)(?<!stock\s)"
    r"(?:sale|sales|auction|auctions)\b" + _OWN_PAPER +
    # "The Force Awakens raked in over $2 billion at the box office": takings, not funding
    r"|(?:\d|\b(?:million|billion|bn|mln|m|b))\s+(?:at\s+the\s+(?:global\s+|worldwide\s+)?"
    r"box\s+office|in\s+(?:annual\s+|quarterly\s+)?(?:revenue|revenues|sales|ticket\s+sales|"
    r"profits?|earnings|fees|royalties))\b",
    re.I,
)

# "raised its investment / offer / dividend": a company raising a figure of its own.
RAISED_OWN = re.compile(
    r"\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:investments?|stake|spending|offer|"
    r"bid|commitment|budget|forecasts?|guidance|outlook|dividends?|prices?|targets?|"
    r"estimates?|capex|capital expenditures?|pay|wages?|salar(?:y|ies)|rates?|fees?|"
    # ("raised its valuation to $20 billion from $14 billion": a figure of its own)
    r"valuation|holding|position)\b",
    re.I,
)

# A round whose size is not told: "raised an undisclosed round", "closed its Series B".
UNPRICED_ROUND = re.compile(
    r"\bundisclosed\s+(?:round|amount|sum|funding|investment)\b|"
    r"\b(?:pre-seed|seed|Series [A-Z]\d?)\s+(?:funding\s+|financing\s+)?round\b",
    re.I,
)


# "The round was led by X", "Kestrel Ventures led the round", "The funding comes from X and
# Y": a later sentence naming who is in the round told before.
_ROUND_REFERENCE = re.compile(
    r"\b(?:the|this|that|its)\s+(?:(?:new|latest|funding|financing|investment|seed|pre-seed|"
    r"Series\s+[A-Z]\d?|growth|equity)\s+)*(?:round|funding|financing|raise|investment)\b",
    re.I,
)

_LED_THE_ROUND = re.compile(
    r"\b(?:co-)?(?:led|leads|is leading|was leading)\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:round|funding|financing|investment)\b",
    re.I,
)


# "Temasek and MGX also joined the round": investors named before the verb
_JOINED_THE_ROUND = re.compile(
    r"\b(?:also\s+)?(?:joined|join|joins|participated\s+in|took\s+part\s+in|invested\s+in)\s+"
    r"(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:round|funding|financing|raise)\b"
    # "Existing investors Alder Capital and Kestrel Partners also participated."
    r"|\b(?:also\s+)?(?:participated|took\s+part|chipped\s+in|co-invested)(?=\s*(?:[,.;]|$))"
    # "The Qatar Investment Authority, Blackstone and General Catalyst were among the other
    # investors."
    r"|\b(?:were|are|was|is)\s+(?:also\s+)?among\s+the\s+(?:other\s+|new\s+)?"
    r"(?:investors|backers|participants)(?=\s*(?:[,.;]|$))",
    re.I,
)


# "Other participants included the Qatar Investment Authority, GIC and Blackstone."
_OTHERS_INCLUDED = re.compile(
    r"\W*(?:(?:Other|Additional|New|Existing|Previous|Returning)\s+)?"
    r"(?:investors|participants|backers)\s+(?:in\s+the\s+(?:round|deal|financing)\s+)?"
    r"(?:also\s+)?(?:included|include|were|are)\s+(?:the\s+)?",
    re.I,  # ("Investors in the round include ..." opens a sentence)
)


_DESCRIBED_INVESTOR = re.compile(
    r"(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:fund|firm|investor|company|bank|group|"
    r"conglomerate|giant|retailer|insurer)\s+(?=[A-Z])"
    # ("Investors in the round included Singapore's GIC, Temasek Holdings and Silver Lake")
    r"|(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+['’]s\s+(?=[A-Z])"
)


def round_investors(sentence: str, orgs: list[Entity], record: DealRecord) -> None:
    included = _OTHERS_INCLUDED.match(sentence)
    if included is not None and re.match(
        r"\W*(?:Existing|Previous)\s+\w+\s+(?:include|are)\b", included.group(0), re.I
    ):
        # "Existing investors include Nvidia and SoftBank": who backs the company, not who
        # put money into the round just told
        included = None
    described = _DESCRIBED_INVESTOR.match(sentence, included.end()) if included else None
    if described is not None:
        # "Other investors included Singapore state fund Temasek Holdings and retailer Suning"
        included = described
    first = first_after(included.end(), orgs) if included else None
    if first is not None and included is not None and first.start == included.end():
        owned = re.match(r"(?:\s+[\w.-]+){0,3}['’]s\s+", sentence[first.end :])
        if owned is not None:
            # "include Saudi Prince Alwaleed bin Talal's Kingdom Holding and Fidelity": the
            # owner's company invests
            first = next((e for e in orgs if e.start == first.end + owned.end()), first)
        names = [
            n
            for n in coordinated(sentence, orgs, first)
            if name_key(n) != name_key(record.recipient)
        ]
        record.investors = list(dict.fromkeys([*record.investors, *names]))
        record.confidence = max(record.confidence, 0.8)
        return
    joined = _JOINED_THE_ROUND.search(sentence)
    if joined is not None:
        before = [e for e in orgs if e.end <= joined.start() and not e.is_place]
        names = coordinated(sentence, before, before[-1]) if before else []
        names = [n for n in names if name_key(n) != name_key(record.recipient)]
        if names:
            record.investors = list(dict.fromkeys([*record.investors, *names]))
            record.confidence = max(record.confidence, 0.8)
        return
    led = _LED_THE_ROUND.search(sentence)
    # The round must be what the sentence is about ("The round was led by"), not a word in
    # passing ("will use the funding to hire engineers from Halvard").
    if led is None and not _ROUND_REFERENCE.match(sentence.lstrip(' "“')):
        return
    leads, investors = investors_from(sentence, orgs, record.recipient)
    if led is not None and not leads:
        before = [e for e in orgs if e.end <= led.start()]
        if before:
            leads = coordinated(sentence, before, before[-1])
            investors = list(dict.fromkeys([*leads, *investors]))
    investors = [n for n in investors if name_key(n) != name_key(record.recipient)]
    if not investors:
        return
    record.lead_investors = list(dict.fromkeys([*record.lead_investors, *leads]))
    record.investors = list(dict.fromkeys([*record.lead_investors, *record.investors, *investors]))
    record.confidence = max(record.confidence, 0.8)


def raise_before_money(sentence: str, amounts: list[Money]) -> re.Match[str] | None:
    """ "X raised £140 million at ...": a raise verb right before an amount is funding."""
    for m in _RAISE_VERB.finditer(sentence):
        # "a budget of $449,000 - was meant to raise eyebrows": the amount must follow.
        gap = (
            sentence[m.end() : amounts[0].start] if amounts and amounts[0].start > m.end() else "x"
        )
        if re.fullmatch(r"\s*(?:a|an|another|some|nearly|about|over|more than|up to)?\s*", gap) or (
            amounts and amounts[0].start == m.end() + 1
        ):
            return m
    for m in _HEADLINE_RAISE.finditer(sentence):
        money = next((a for a in amounts if a.start > m.end()), None)
        if (
            money is not None
            # the company names itself right before ("Nimbus lands"); after a comma the verb
            # may belong to the first of two ("X inks deal with Y, bags $33M"): left unread
            and re.search(r"[\w.’')]\s+$", sentence[: m.start()])
            and re.fullmatch(
                r"\s*(?:another|nearly|about|over|more than|up to)?\s*",
                sentence[m.end() : money.start],
            )
            and not _NOT_FUNDING_AFTER.match(sentence, money.end)
        ):
            return m
    return None


def led_round(sentence, trigger, orgs, context, make) -> DealRecord | None:
    round_match = ROUND.search(sentence, trigger.end())
    recipient = first_after(trigger.end(), orgs)
    if round_match is None or recipient is None or recipient.start > round_match.start():
        return None
    if not re.match(r"['’]s\s", sentence[recipient.end :]):
        return None
    investor = subject_before(sentence, trigger.start(), orgs, context)
    if investor is None or name_key(investor.name) == name_key(recipient.name):
        return None
    return make(
        "investment",
        recipient,
        subtype="funding_round",
        investors=[investor.name],
        lead_investors=[investor.name],
        round=round_name(round_match[1]),
        confidence=0.8,
    )


_FUND_AFTER = re.compile(
    r"\s+(?:(?!(?:from|in|into|for|to|by|of|with|the)\b)[\w-]+\s+){0,3}?funds?\b"
    r"(?!\s+(?:managers?|raise|of|for\s+its))"
    # "Sequoia Capital raised $8 billion for new funds"
    r"|\s+(?:for|across)\s+(?:a\s+|its\s+|their\s+|two\s+|three\s+|several\s+)?"
    r"(?:new\s+|latest\s+|next\s+|(?:first|second|third|fourth|fifth|sixth)\s+)?"
    # ("raised $28 billion for its latest infrastructure fund")
    r"(?:[\w-]+\s+){0,2}?funds?\b(?!\s+(?:management|managers?|manager['’]s|administration|"
    r"platform|software|services|compan(?:y|ies)|business)\b)",
    re.I,
)

_FUND_BEFORE = re.compile(
    r"\b(?:its|a|their)\s+(?:[\w-]+\s+){0,2}?fund\s+(?:at|of)\s+$"
    # ("Carlyle's Asia buyout fund closed at $6.55 billion")
    r"|['’]s?\s+(?:[\w-]+\s+){0,3}?fund\s+(?:closed|was\s+closed|raised|has\s+raised)\s+"
    r"(?:at\s+)?(?:about\s+|nearly\s+|more\s+than\s+)?$",
    re.I,
)


_FUNDS_PURCHASE = re.compile(
    r"\bto\s+(?:help\s+)?(?:fund|finance|pay\s+for)\s+(?:the|its|part\s+of\s+the)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:deal|purchase|acquisition|takeover|transaction|buyout|merger)\b",
    re.I,
)


_LED_BY_PARENT = re.compile(r"\bled\s+by\s+its\s+parent(?:\s+company)?\b", re.I)
_UNIT_OF = re.compile(
    r"\b(?:unit|subsidiary|division|arm|business|affiliate)\s+of\s+(?:the\s+)?", re.I
)


# "Alphabet's self-driving unit Waymo", "The carmaker's electric vehicle unit raised"
_PART_NOUN = r"(?:unit|subsidiary|division|arm|affiliate)"
_PARENTS_UNIT = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_PART_NOUN}\s+(?=[A-Z])")
_UNIT_RAISING = re.compile(
    rf"['’]s?\s+(?P<unit>(?:[a-z][\w-]*\s+){{0,3}}{_PART_NOUN})\s+"
    r"(?:(?:has|had|have|also|just|recently|now)\s+)*$"
)
_ITS_OFFERING_WHICH = re.compile(
    r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:offering|IPO|listing|round)"
    r"(?:\s+(?:in|on|last)\s+[\w-]+(?:\s+\d{4})?)?,\s+which\s+(?:\w+\s+)?$"
)


def funding_record(sentence, trigger, orgs, amounts, context, make) -> DealRecord | None:
    money = amounts[0] if amounts else None
    if re.search(r"\bhelp(?:ed|s|ing)?\s+(?:to\s+)?$", sentence[: trigger.start()], re.I):
        # "The bank had helped raise $6.5 billion for the state fund": an adviser's work; the
        # money is its client's, who is named after "for" if at all
        raised_for = (
            re.compile(r"\s+for\s+(?:the\s+)?").match(sentence, money.end) if money else None
        )
        client = next(
            (e for e in orgs if raised_for and e.start == raised_for.end() and not e.is_place), None
        )
        if client is None:
            return None
        return make(
            "investment",
            client,
            subtype="funding_round",
            investors=[],
            lead_investors=[],
            confidence=0.6,
            **amount_fields(money),
        )
    recipient = subject_before(sentence, trigger.start(), orgs, context, prefer_recipient=True)
    own = _ITS_OFFERING_WHICH.search(sentence, max(0, trigger.start() - 120), trigger.start())
    if own is not None and (prior := [e for e in orgs if e.end <= own.start() and not e.is_place]):
        # "Tencent had invested in Snap before its initial public offering in March, which
        # raised $3.4 billion": the company whose offering it is, named last before "its"
        recipient = prior[-1]
    if recipient is None:
        return None
    unit = _UNIT_RAISING.search(sentence, max(0, trigger.start() - 80), trigger.start())
    if unit is not None and not recipient.is_place:
        # "The carmaker's electric vehicle unit raised Rs 7,500 crore": the unit raises
        name = f"{recipient.name} {unit['unit']}"
        recipient = Entity(name, name, recipient.start, recipient.end, "org")
    if _FUNDS_PURCHASE.search(sentence) and (buyer := context.buyer_of(recipient)):
        # "The company also said it would raise $10 billion through a term loan to fund the
        # cash portion of the deal": the buyer raises the money, not the company bought
        recipient = buyer
    lead, investors = investors_from(sentence, orgs, recipient.name)
    if _LED_BY_PARENT.search(sentence):
        # "Waymo, the self-driving unit of Alphabet Inc., ... raised $5.6 billion in a round
        # led by its parent company"
        unit_of = _UNIT_OF.search(sentence)
        parent = next((e for e in orgs if unit_of and e.start == unit_of.end()), None)
        if parent is None:
            # "Alphabet's self-driving unit Waymo raised $5.6 billion in a funding round led
            # by its parent company"
            parent = next(
                (e for e in orgs if not e.is_place and _PARENTS_UNIT.match(sentence, e.end)), None
            )
        if parent is not None and not same_company(parent.name, recipient.name):
            lead = [parent.name]
            investors = [parent.name, *(n for n in investors if n != parent.name)]
    round_match = ROUND.search(sentence)
    debt = bool(
        (round_match and round_match[1].lower() == "debt")
        or trigger.group(0).lower().startswith("borrow")
        or (
            money is not None
            and re.match(
                r"\s+(?:[\w-]+\s+)?(?:loan|credit|debt\s+(?:facility|financing|line))\b"
                # ("in debt and equity": a mixed raise is not all debt)
                r"|\s+(?:in|of)\s+(?:new\s+)?(?:(?:junk|senior|convertible|corporate|"
                r"unsecured|secured|high-yield|investment-grade|green|bank)\s+)?"
                r"(?:debt|bonds|notes|loans)\b(?!\s+and\s+equity)"
                r"|\s+(?:in|through|via)\s+(?:a|an|its)\s+(?:[\w-]+\s+)?(?:bond|debt|note)s?\s+"
                r"(?:sale|offering|issue)\b"
                # ("through its first sustainability-linked bond")
                r"|\s+(?:through|via|with)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,3}?"
                r"(?:bond|note|debenture|sukuk)s?\b(?!\s+(?:fund|funds|ETF|trading)\b)"
                # ("through a sale of senior notes")
                r"|\s+(?:in|through|via)\s+(?:a|an|the)\s+(?:sale|offering|issue)\s+of\s+"
                r"(?:[\w-]+\s+){0,2}(?:bonds|notes|debt|debentures)\b"
                # ("raise $10 billion through a term loan")
                r"|\s+(?:through|via|with|in)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:loan|credit\s+facility)\b",
                # ("10 billion yuan ($1.4 billion) in loans": past the bracketed equivalent)
                sentence[money.end + bracket_len(sentence, money.end) :],
            )
        )
    )
    # "Kestrel Ventures closed a $500 million fund": an investor raising money to invest
    fund = money is not None and (
        _FUND_AFTER.match(sentence[money.end :]) or _FUND_BEFORE.search(sentence[: money.start])
    )
    ipo = _IPO.search(sentence)
    if (
        ipo
        and money is not None
        and re.match(r"\s+(?:\w+\s+){0,3}?privately\b", sentence[money.end :])
    ):
        ipo = None  # "withdrew its IPO after raising $1.1 billion privately"
    # "which has raised $1.3 billion to date": a running total of many rounds, not one deal
    cumulative = money is not None and _TO_DATE.match(sentence, money.end)
    subtype = "debt" if debt else "fund" if fund else "ipo" if ipo else "funding_round"
    return make(
        "investment",
        recipient,
        subtype="cumulative" if cumulative else subtype,
        investors=investors,
        lead_investors=lead,
        round=_round_label(debt, ipo, round_match),
        confidence=0.45 if cumulative else 0.8 if investors else 0.7,
        **(amount_fields(money) if money else {}),
    )


def _round_label(
    debt: bool, ipo: re.Match[str] | None, round_match: re.Match[str] | None
) -> str | None:
    if debt:
        return "debt"
    if ipo is not None:
        # "its IPO" is the listing itself; "second listing in Hong Kong" one more listing
        return "listing" if ipo.group(0).lower().endswith("listing") else "IPO"
    return round_name(round_match[1]) if round_match else None


_IPO = re.compile(
    # (not "in a pre-IPO round": a private round before one)
    r"\b(?:(?<!pre-)(?<!pre\s)IPO|initial public offering|stock market debut|"
    r"(?:public|stock market|share|secondary|second|dual)\s+listing)\b"
)
_TO_DATE = re.compile(
    r"\s*(?:(?:in\s+)?(?:total\s+)?(?:funding|capital|investment|equity|debt)\s+)?"
    r"(?:to date|so far|in total|in all|since (?:its )?(?:founding|inception|launch)|"
    # "has raised Rs 1,52,056 crore from leading global investors since April"
    # ("from investors including KKR, Silver Lake and Mubadala since 2020")
    r"(?:from\s+"
    + IN_SENTENCE
    + r"{1,80}?\s+)?since\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December|\d{4}))\b",
    re.I,
)


# "Mistral AI said on Tuesday that ASML ...": the company telling the news
_TELLS = re.compile(r"\s+(?:said|says|announced|announces)\b")
_FOR_A_STAKE = re.compile(
    r"\s+for\s+an?\s+(?:\d+(?:\.\d+)?\s*(?:%|per ?cent|percent|pct)\s+)?"
    r"(?:minority\s+|majority\s+)?stake\b"
)


_SHARE_OF = re.compile(
    r"\b(?:hold|holds|own|owns|take|takes|get|gets|receive|receives|acquire|acquires)\s+"
    r"(?:about\s+|roughly\s+|around\s+|nearly\s+|some\s+|almost\s+)?"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+of\s+"
    # ("and will become Mistral's largest shareholder")
    r"|\bbecom(?:e|es|ing)\s+(?=(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}['’]s?|its|the\s+company['’]s)\s+"
    r"(?:largest|biggest|top|single\s+largest|second-largest|largest\s+outside)\s+(?:shareholder|investor)\b)"
)


_FIRST_PUT = re.compile(
    r"\b(?:first|initially|originally|previously|earlier)\s+(?:invested|put\s+in|committed)\s+$"
)

_JOINED_OTHERS = re.compile(
    r"\bjoined\s+(?P<others>(?-i:[A-Z]|[a-z]{1,2}[A-Z])[^,;]{1,100}?)\s+in\s+(?:a|an|the)\s+$"
)


def investment_record(
    sentence, trigger, entities, orgs, amounts, context, make
) -> DealRecord | None:
    """Money put into a named company or place by the investor the sentence names."""
    if IN_TRANCHES.search(sentence):
        return None  # how an investment told before is paid, part by part: no new deal
    return _investment_record(
        sentence, trigger, entities, orgs, amounts, context, make
    ) or _investment_record(
        # ("investing in Indian payments, having put $1.2 billion into PhonePe": the next
        # verb with a sum, when the first tells no recipient)
        sentence,
        trigger,
        entities,
        orgs,
        amounts,
        context,
        make,
        skip=1,
    )


_AS_PART_OF = re.compile(
    r"\bas\s+part\s+of\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,3}[\w-]+['’]s|its|their|an?|the)\s+"
)
_ROUND_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:round|raise|financing)\b")


def _investment_record(
    sentence, trigger, entities, orgs, amounts, context, make, skip: int = 0
) -> DealRecord | None:
    # The amount must belong to the investing words: "committed fraud in ..." two clauses
    # after "$8.6 billion" is not an investment.
    found: list[tuple[int, re.Match[str], Money]] = []
    for candidate in INVEST.finditer(sentence):
        if any(e.start <= candidate.start() < e.end for e in entities):
            continue  # "the Water Resources Fund": a name, not funding
        if sentence[candidate.start() - 1 : candidate.start()] == "-" or re.match(
            r"\s+by\b", sentence[candidate.end() :]
        ):
            continue  # "Mubadala-backed MGX", "which is backed by": who backs it already
        if re.match(
            r"\s+to\s+(?:spend|buy|purchase|pay|rent|lease)\b", sentence[candidate.end() :]
        ):
            continue  # "committed to spend $30 billion on Microsoft's Azure cloud": a purchase
        if is_noun_use(sentence, candidate):
            continue  # "global investment firm KKR will invest": what the firm does
        near = [m for m in amounts if gap_between(candidate, m) <= 40]
        # ("has invested in Groq as part of the AI chip startup's $640 million Series D
        # round": the round the investment is a part of, however far)
        near += [
            m
            for m in amounts
            if m not in near
            and m.start > candidate.end()
            and (part := _AS_PART_OF.search(sentence, candidate.end(), m.start)) is not None
            and part.end() == m.start
            and _ROUND_AFTER.match(sentence, m.end)
        ]
        described = _DESCRIBED_OBJECT.match(sentence, candidate.end())
        if described is not None:
            # "backed Orbis Robotics, the warehouse startup, in a $105 million round"
            near += [m for m in amounts if m.start == described.end() and m not in near]
        if near:
            # "repatriate $245 billion and invest $30 billion in the US": the closest figure
            closest = min(near, key=lambda m: gap_between(candidate, m))
            found.append((gap_between(candidate, closest), candidate, closest))
    # ("The bank invested in Circle in 2015 and co-led a $50 million round for Bond Street":
    # a sum goes with the investing word nearest it, not an earlier one of another clause)
    found = [
        f
        for f in found
        if not any(
            o[2] is f[2]
            and o[0] < f[0]
            and f[1].end() < o[1].start() < o[2].start
            and re.search(r"\s(?:and|but|then)\s", sentence[f[1].end() : o[1].start()])
            # (the later clause names its own company: "a $50 million round for Bond Street")
            and re.match(
                r"\s+(?:[\w-]+\s+){0,3}?(?:for|in|into|of)\s+(?:the\s+)?(?-i:[A-Z])",
                sentence[o[2].end :],
            )
            for o in found
        )
    ]
    if len(found) <= skip:
        return None
    _, trigger, money = found[skip]
    word = trigger.group(0).lower()
    # "X's $13 billion investment in Y": the possessive names the investor.
    possessive = re.search(
        r"(?<![\w-])((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s\s*$",
        sentence[: money.start].rstrip(),
    )
    investor: Entity | None = None
    # ("MGX invested in OpenAI's $6.6 billion funding round", "Amazon led Rivian's $700
    # million funding round": the possessor is funded.)
    if possessive and not re.search(
        r"\b(?:in|into|led|leads|co-led|leading|joined|joins)\s+$", sentence[: possessive.start(1)]
    ):
        investor = next(
            (e for e in orgs if e.end <= money.start and e.start >= possessive.start(1)), None
        )
    if investor is None:
        investor = subject_before(sentence, min(trigger.start(), money.start), orgs, context)
    opening = next((e for e in orgs if at_start(sentence, e)), None)
    if opening is not None and SHARED_SUBJECT.search(sentence[: trigger.start()]):
        # "Disney signed a licensing deal with OpenAI and will invest $1 billion": the
        # second verb shares the sentence's subject, not the name closest before it.
        investor = opening
    elif (
        opening is None
        and (ref := OPENING_REFERENCE.match(sentence)) is not None
        and SHARED_SUBJECT.search(sentence[: trigger.start()])
    ):
        # "The bank invested in Circle in 2015 and co-led a $50 million round for Bond
        # Street": the company the opening words stand for, not the one invested in first
        investor = subject_before(sentence, ref.end(), orgs, context)
    joined = _JOINED_OTHERS.search(sentence, max(0, money.start - 160), money.start)
    fellow: list[str] = []
    if joined is not None:
        # "Microsoft Corp. joined eBay Inc. and Tencent Holdings Ltd. in a $1.4 billion
        # funding round": the subject and those it joined all invest
        investor = subject_before(sentence, joined.start(), orgs, context) or investor
        fellow = [e.name for e in orgs if joined.start("others") <= e.start < joined.end("others")]
    anchor = max(trigger.end(), money.end)
    # "its $40 billion OpenAI investment": the company named between the sum and the noun
    compound = next(
        (
            e
            for e in orgs
            if money.end < e.start
            and e.end <= trigger.start()
            and re.fullmatch(r"\s+", sentence[money.end : e.start])
            and re.fullmatch(r"\s+", sentence[e.end : trigger.start()])
        ),
        None,
    )
    if re.match(r"\s+(?:heavily\s+)?(?:in|into)\b", sentence[trigger.end() :]):
        # "continues to invest in its San Antonio data centers, including $50 million for"
        anchor = trigger.end()
    recipient = recipient_after(sentence, anchor, entities) or compound
    if recipient is not None and not recipient.is_place:
        # "in JD.com's online grocery business, Dada-JD Daojia": the part named is funded
        recipient = owned_unit(sentence, recipient, orgs) or recipient
    if (
        recipient is not None
        and investor is not None
        and re.search(r"\b(?:and|plus)\s+(?:its|their)\s+$", sentence[: recipient.start])
    ):
        # "Volkswagen will contribute $1 billion in cash and its Autonomous Intelligent
        # Driving unit": its own unit is given too; both go where the story's deal goes
        last = context.last_recipient
        recipient = (
            last if last is not None and not same_company(last.name, investor.name) else None
        )
    if word.startswith(("back", "fund")):
        # "Kestrel Ventures backed Orbis Robotics with $10 million": the object is funded
        funded = next(
            (
                e
                for e in orgs
                if e.start > trigger.end()
                and re.fullmatch(r"\s*", sentence[trigger.end() : e.start])
                and e.end <= money.start
            ),
            None,
        )
        ref = REFERENCE.match(sentence, trigger.end() + 1)
        if funded is None and ref is not None and ref.group(0).lower() != "it":
            # "Eric Schmidt backed the startup with $100 million": the story's company
            funded = context.last_recipient or context.focus
        if funded is not None:
            recipient = funded
    if word in {"led", "leads", "co-led", "leading", "co-leading"}:
        # "X led a $N round in Y" / "X led Y's $N Series A"
        named = first_after(trigger.end(), orgs)
        if named is not None and named.start < money.start:
            recipient = named
        if recipient is None and investor is not None:
            # "Mistral AI said ASML led its €1.7 billion funding round": the teller's round
            recipient = next(
                (
                    e
                    for e in orgs
                    if e.end <= investor.start and not e.is_place and _TELLS.match(sentence, e.end)
                ),
                None,
            )
    # "ASML invested €1.3 billion in the round": one investor's part of the round told before
    part = context.last_round if _INTO_THE_ROUND.match(sentence, anchor) else None
    last_round = context.last_round
    if (
        part is None
        and recipient is None
        and investor is not None
        and last_round is not None
        and investor.name in last_round.investors
        and last_round.amount is not None
        and money.currency == last_round.currency
        and money.value < last_round.amount
    ):
        # "OpenAI closed a $40 billion round led by SoftBank. SoftBank will invest $30
        # billion, with the remaining $10 billion coming from ...": the lead's part
        part = last_round
    if recipient is None and investor is not None and part is not None:
        last = context.last_recipient
        recipient = (
            last
            if last is not None and last.name == part.recipient
            else Entity(part.recipient, part.recipient, 0, 0, "org")
        )
    if recipient is None and investor is not None:
        # "ASML is investing €1.3 billion and will hold about 11% of the company"
        share = _SHARE_OF.search(sentence, anchor)
        if share is not None:
            ref = REFERENCE.match(sentence, share.end())
            named = next((e for e in orgs if e.start == share.end() and not e.is_place), None)
            recipient = named or (
                context.focus_other_than(investor.name) if ref is not None else None
            )
    if recipient is None and investor is not None:
        # "new funding to Britain's biggest water company": the story's company, described
        described_place = next(
            (
                e
                for e in entities
                if e.is_place
                and anchor <= e.start <= anchor + 60
                and re.search(r"\b(?:in|into|to)\s+$", sentence[anchor : e.start])
                and PLACE_DESCRIBES_COMPANY.match(sentence, e.end)
            ),
            None,
        )
        if described_place is not None:
            recipient = context.focus_other_than(investor.name)
    if recipient is None and investor is not None:
        into = re.match(r"\s+(?:in|into)\s+", sentence[anchor:])
        ref = REFERENCE.match(sentence, anchor + into.end()) if into else None
        if ref is not None and ref.group(0).lower() != "it":
            # "Disney signed a licensing deal with OpenAI and will invest $1 billion in the
            # company": the other company the sentence named, else the story's other one.
            named_before = [
                e
                for e in orgs
                if e.end <= trigger.start() and name_key(e.name) != name_key(investor.name)
            ]
            # ("Robertson ... has spent 5.9 mln dlrs on its investment in the company": the
            # company the story's last deal went into, before the one most talked about.)
            last = context.last_recipient
            own_unit = re.search(r"\b(?:unit|subsidiary|arm|division|venture)$", ref.group(0), re.I)
            recipient = (
                named_before[-1]
                if named_before
                # ("GM will invest an additional $1.1 billion in the unit": its own unit, the
                # one the story's last deal went into)
                else last
                if last is not None
                and (not same_company(last.name, investor.name) or own_unit is not None)
                else context.focus_other_than(investor.name)
            )
            if recipient is not None and (
                name_key(recipient.name).split()[-1] == name_key(investor.name).split()[-1]
            ):
                recipient = None  # "Robertson ... its investment in the company": not himself
        elif ref is not None and context.last_recipient is not None:
            # "Google, which has also backed the startup, agreed to invest up to $2 billion
            # in it": "it" is the company the story's last deal went into, if any
            last = context.last_recipient
            recipient = None if same_company(last.name, investor.name) else last
    if (
        recipient is None
        and investor is not None
        and context.last_recipient is not None
        and _FIRST_PUT.search(sentence, max(0, money.start - 40), money.start)
        and not same_company(context.last_recipient.name, investor.name)
    ):
        # "Amazon said it had completed its $4 billion investment in Anthropic ... Amazon first
        # invested $1.25 billion in September": the company just told of
        recipient = context.last_recipient
    if (
        recipient is None
        and investor is not None
        and _FOR_A_STAKE.match(sentence, money.end + bracket_len(sentence, money.end))
    ):
        # "Reliance Retail said the Qatar Investment Authority would invest Rs 8,278 crore
        # for a 0.99% stake": a stake in the company telling it
        recipient = next(
            (
                e
                for e in orgs
                if e.end <= investor.start
                and not e.is_place
                and _TELLS.match(sentence, e.end)
                and not same_company(e.name, investor.name)
            ),
            None,
        )
    if recipient is None or investor is None or name_key(recipient.name) == name_key(investor.name):
        return None
    investors = coordinated(sentence, [e for e in orgs if e.end <= trigger.start()], investor)
    if fellow:
        investors = [investor.name, *(n for n in fellow if n != investor.name)]
    giver = re.match(r"\s+(?:[\w-]+\s+){0,2}?from\s+(?:the\s+)?", sentence[anchor:])
    if trigger.group(0).lower().endswith(("ment", "ments")) and giver is not None:
        # "a $10 million multi-year commitment from Duke Energy": the giver is named after
        named_giver = next((e for e in orgs if e.start == anchor + giver.end()), None)
        if named_giver is not None and named_giver is not recipient:
            investors = [named_giver.name]
    round_match = ROUND.search(sentence)
    subtype = "infrastructure" if recipient.is_place else "equity"
    if round_match or re.search(r"\bround\b", sentence[trigger.start() :], re.I):
        subtype = "funding_round"  # "SoftBank leads $500M round in Skild AI"
    if (round_match and round_match[1].lower() == "debt") or re.match(
        # "led a $100 million debt facility for Lambda", "a $2 billion term loan"
        # "175 mln dlrs of subordinated financing debt"
        # ("raised $1.75 billion through a convertible notes offering")
        r"\s+(?:(?:in|of|through\s+an?|via\s+an?)\s+)?(?:[\w-]+\s+){0,2}?"
        # (lower case: "a $50 million round for Bond Street" is no bond)
        r"(?-i:debt|credit|loan|loans|bond|bonds|notes)\b"
        # ("inject $6.5 billion in debt and equity": not all of it lent)
        r"(?!\s+and\s+equity)",
        sentence[money.end :],
        re.I,
    ):
        subtype = "debt"  # "agreed to commit $4 billion in debt financing to help Broadcom"
    round_label = round_name(round_match[1]) if round_match else None
    if part is not None and same_company(part.recipient, recipient.name):
        subtype, round_label = "equity", part.round
    share = _PART_OF_ROUND.search(sentence, anchor)
    if share is not None and any(
        m.start == share.start("money") and m.value > money.value for m in amounts
    ):
        # "Sony has invested $1 billion in Epic Games, part of a $2 billion round that
        # included KIRKBI": Sony's own part, not the round with all its investors
        return make(
            "investment",
            recipient,
            subtype="equity",
            investors=investors,
            lead_investors=[],
            round=round_label,
            confidence=0.8,
            **amount_fields(money),
        )
    is_lead = word in {"led", "leads", "co-led", "leading", "co-leading"}
    leads, named = investors_from(sentence, orgs, recipient.name)
    # "Nvidia backed Wayve in a $1.05 billion round led by SoftBank Group": the round's lead
    leads = investors if is_lead else [n for n in leads if n not in investors]
    others = [n for n in named if n not in investors and n not in leads]
    if subtype == "equity" and part is not None:
        # (the others named beside a part are in the round: "with the remaining $10 billion
        # coming from investors including Microsoft, Coatue and Thrive")
        part.investors = list(dict.fromkeys([*part.investors, *others]))
        leads, others = [], []
    total = _running_total(sentence, money)
    return make(
        "investment",
        recipient,
        subtype="cumulative" if total else subtype,
        investors=list(dict.fromkeys([*leads, *investors, *others])),
        # "Sequoia and Accel led the $45 million round": both lead
        lead_investors=leads,
        round=round_label,
        confidence=0.45 if total else 0.8,
        **amount_fields(money),
    )


_PART_OF_ROUND = re.compile(
    r"\b(?:as\s+)?part\s+of\s+an?\s+(?P<money>(?:US\$|[$€£¥₹])\S+)\s+(?:(?:million|billion|bn|mln)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:round|raise|financing)\b",
    re.I,
)
_DESCRIBED_OBJECT = re.compile(
    r"\s+[A-Z][^,;]{0,60}?,\s+(?:the|a|an)\s+[^,;]{1,60},\s+(?:in|with|through|via)\s+"
    r"(?:(?:a|an|its|the)\s+)?"
)
_INTO_THE_ROUND = re.compile(
    r"\s+(?:in|into|to)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:round|raise|financing)\b",
    re.I,
)


# "Amazon doubled its investment in Anthropic to $8 billion", "Microsoft has poured more
# than $13 billion into OpenAI since 2019": what the investor holds in all, not one deal.
_GROWN_TO = re.compile(
    r"\b(?:doubl|tripl|increas|rais|boost|upp|lift|expand|br(?:ing|ought))\w*\s+"
    r"(?:its|their|his|her|the)\s+(?:total\s+)?(?:investment|stake|holding|commitment|"
    r"backing)s?\b"
    + IN_SENTENCE
    + r"{0,60}?\bto\s+(?:about\s+|nearly\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
_HAS_SINCE = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:invested|poured|put|plowed|ploughed|sunk|pumped|"
    # (a decimal point ends no sentence: "has invested about $13.8 billion in OpenAI since")
    r"committed|spent)\b(?:[^.;]|\.(?=\d))*\b(?:since\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d|to\s+date|"
    r"so\s+far|in\s+total|over\s+the\s+years)\b",
    re.I,
)


def _running_total(sentence: str, money: Money) -> bool:
    return bool(_GROWN_TO.search(sentence[: money.start]) or _HAS_SINCE.search(sentence))


_RECAPITALISE = re.compile(r"\brecapitali[sz](?:e|es|ed|ing|ation)\b", re.I)


def recapitalisation(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """Capital put into a company to mend its balance sheet: "it would back a move to
    recapitalize Euro Disney by as much as 1.5 billion euros". The company is the one named
    after the verb, else the one whose debt or finances the sentence is about."""
    verb = _RECAPITALISE.search(sentence)
    if verb is None or not amounts:
        return None
    money = next((m for m in amounts if m.start > verb.end()), None)
    if money is None:
        return None
    recipient = first_after(verb.end(), [e for e in orgs if e.end <= money.start])
    if recipient is None:
        # "In order to cut Euro Disney's debt ..., it would back a move to recapitalize"
        recipient = next(
            (
                e
                for e in orgs
                if e.end <= verb.start()
                and re.match(
                    r"['’]s?\s+(?:[\w-]+\s+)?(?:debt|finances|balance sheet|capital)\b",
                    sentence[e.end :],
                )
            ),
            None,
        )
    if recipient is None:
        return None
    investor = subject_before(sentence, verb.start(), orgs, context)
    if investor is not None and name_key(investor.name) == name_key(recipient.name):
        # "it" after "Euro Disney's debt" is the owner who pays, not Euro Disney itself
        investor = context.focus_other_than(recipient.name)
    return make(
        "investment",
        recipient,
        subtype="equity",
        investors=[investor.name] if investor else [],
        lead_investors=[],
        confidence=0.6,
        **amount_fields(money),
    )


def grant_record(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """A grant of a stated amount: who receives it ("UNC Charlotte got a $76,521 grant",
    "a $2 million grant to Acme", "$1.1 million in water resources grants") and who gives
    it (the subject of "awarded", or the name after "from"/"by")."""
    for money in amounts:
        noun = GRANT_NOUN.match(sentence[money.end :])
        before = sentence[: money.start]
        if noun is None:
            direct = _AWARDED_DIRECT.search(before)
            if (
                direct is None
                or _NOT_GRANT_AFTER.match(sentence, money.end)
                # an award of public money says so; "FirstNet awarded AT&T $6.5 billion plus
                # 20 MHz of spectrum" is a contract
                or not _PUBLIC_FUNDING.search(sentence)
            ):
                continue
            recipient = first_after(direct.start("receiver"), orgs)
            if recipient is None or recipient.end > direct.end("receiver"):
                continue
            grantor = subject_before(sentence, direct.start(), orgs, context)
            if grantor is not None and name_key(grantor.name) == name_key(recipient.name):
                continue
            return _grant(make, recipient, grantor, money)
        after = money.end + noun.end()
        grantor: Entity | None = None
        recipient: Entity | None = None
        given: re.Match[str] | None = None
        if _GRANT_RECEIVED.search(before):
            recipient = subject_before(sentence, money.start, orgs, context)
        elif (given := _GRANT_TO_OBJECT.search(before)) is not None:
            grantor = subject_before(sentence, given.start(), orgs, context)
            recipient = first_after(given.start("receiver"), orgs)
            if recipient is None or recipient.end > given.end("receiver"):
                continue
        elif (given := _GRANT_GIVEN.search(before)) is not None:
            grantor = subject_before(sentence, given.start(), orgs, context)
            target = re.match(r"\s+(?:to|for)\s+", sentence[after:])
            if target is not None:
                recipient = noun_phrase(sentence, after + target.end(), orgs)
            elif noun.group("field"):
                name = noun.group("field").strip()
                start = money.end + noun.start("field")
                if not NP_REJECT.match(name):
                    recipient = Entity(name, name, start, start + len(name), "sector")
        else:
            target = re.match(
                r"\s+(?:from\s+\S+(?:\s+\S+){0,3}?\s+)?(?:to|for)\s+", sentence[after:]
            )
            if target is not None:
                recipient = noun_phrase(sentence, after + target.end(), orgs)
        if recipient is None:
            continue
        if grantor is None and given is not None:
            # "Germany will provide €9.9 billion in subsidies to Intel": a state gives too
            grantor = place_subject(sentence, entities, given.start(), recipient)
        if grantor is None:
            # "... announced Tuesday by Duke Energy", "a grant from the Gates Foundation"
            clause_end = clause_end_at(sentence, after)
            grantor = next(
                (
                    e
                    for e in orgs
                    if after <= e.start < clause_end
                    and re.search(r"\b(?:from|by)\s+(?:the\s+)?$", sentence[: e.start])
                ),
                None,
            )
        if grantor is not None and name_key(grantor.name) == name_key(recipient.name):
            continue
        return _grant(make, recipient, grantor, money)
    return None


def _grant(make, recipient: Entity, grantor: Entity | None, money: Money) -> DealRecord:
    return make(
        "investment",
        recipient,
        subtype="grant",
        investors=[grantor.name] if grantor else [],
        lead_investors=[],
        confidence=0.6,
        **amount_fields(money),
    )


# "Aleph Alpha's $500 million round in November 2023 included Bosch and SAP"
# The words naming a round before "round": "Series B", "seed", "latest funding"
_ROUND_WORD = r"(?:Series\s+[A-Z]\d?|seed|pre-seed|growth|funding|financing|latest|new)"

_POSSESSED_ROUND = re.compile(
    rf"['’]s?\s+(?P<money>{MONEY_PHRASE})?(?P<label>(?:{_ROUND_WORD}\s+)*)"
    r"round\b" + IN_SENTENCE + r"{0,40}?\s"
    r"(?P<verb>included|includes|was led by|is led by|drew|attracted|featured|brought in)\s+",
)


def possessed_round(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """A round told by its company's name rather than by a verb of raising, and who is in
    it: "Aleph Alpha's $500 million round in November 2023 included Bosch and SAP"."""
    for m in _POSSESSED_ROUND.finditer(sentence):
        recipient = next((e for e in orgs if e.end == m.start() and not e.is_place), None)
        if recipient is None:
            continue
        money = (
            next((a for a in amounts if m.start("money") <= a.start < m.end("money")), None)
            if m.group("money")
            else None
        )
        first = next((e for e in orgs if e.start == m.end() and not e.is_place), None)
        if first is None:
            continue
        investors = [n for n in coordinated(sentence, orgs, first) if n != recipient.name]
        if not investors:
            continue
        label = ROUND.search(sentence, m.start("label"), m.end())
        leads = investors[:1] if "led" in m.group("verb") else []
        return round_record(make, recipient, investors, leads, label, money)
    return None


_JOINED_ITS_ROUND = re.compile(
    r"\b(?:joined|joins|join|participated\s+in|participates\s+in|took\s+part\s+in|"
    r"takes\s+part\s+in|invested\s+in|invests\s+in)\s+(?:the\s+)?$"
)
# "the $100 million Series B of Reka": the round, then its company
_ROUND_OF = re.compile(
    rf"\bthe\s+(?P<round>(?:{MONEY_PHRASE})?(?:{_ROUND_WORD}\s+)*"
    r"(?:round|Series\s+[A-Z]\d?|seed))\s+(?:of|for|in)\s+$"
)
_ITS_ROUND = re.compile(
    rf"['’]s?\s+(?P<money>{MONEY_PHRASE})?"
    rf"(?P<label>(?:{_ROUND_WORD}(?:\s+|(?=[.,;]|$)))*)(?:round\b)?"
)


def joined_round(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """An investor joining a company's round: "Thrive Capital participated in OpenAI's $6.6
    billion funding round", "Nvidia joined xAI's $6 billion Series C", "participated in the
    $100 million Series B of Reka"."""
    for recipient in orgs:
        told = None if recipient.is_place else _round_joined(sentence, recipient)
        if told is None:
            continue
        joined_at, (lo, hi) = told
        investor = subject_before(sentence, joined_at, orgs, context)
        if investor is None or same_company(investor.name, recipient.name):
            continue
        money = next((a for a in amounts if lo <= a.start < hi), None)
        investors = [
            n for n in coordinated(sentence, orgs, investor) if not same_company(n, recipient.name)
        ]
        return round_record(
            make, recipient, investors, [], ROUND.search(sentence, lo, hi + 1), money
        )
    return None


def _round_joined(sentence: str, recipient: Entity) -> tuple[int, tuple[int, int]] | None:
    """Where the joining verb starts and the span telling the round of ``recipient``."""
    of = _ROUND_OF.search(sentence[: recipient.start])
    if of is not None:
        joined = _JOINED_ITS_ROUND.search(sentence[: of.start()])
        return (joined.start(), of.span("round")) if joined else None
    joined = _JOINED_ITS_ROUND.search(sentence[: recipient.start])
    told = _ITS_ROUND.match(sentence, recipient.end)
    if joined is None or told is None:
        return None
    if not (
        told[0].endswith("round")
        or re.search(r"(?:Series\s+[A-Z]\d?|seed)\s*$", told.group("label"))
    ):
        return None  # "joined Microsoft's $5 million new office"
    return joined.start(), (told.start(), told.end())


# "$25 million Series A for Fathom, led by Khosla Ventures": a headline's round, told by
# its size and its company
_TOOK_PART = re.compile(
    r"\b(?:participated|participates|took\s+part|takes\s+part|joined|joins|co-invested|"
    r"invested)\s+in\s+(?:a|an|the)\s+$"
)
_ROUND_FOR = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:Series\s+[A-Z]\d?|seed|pre-seed|round|funding|raise)\s+"
    r"(?:round\s+|funding\s+)?for\s+"
)


def round_for(sentence, orgs, amounts, context, make) -> DealRecord | None:
    for money in amounts:
        told = _ROUND_FOR.match(sentence, money.end)
        # ("a $1.1 billion round for Israeli startup AI21 Labs": the company described)
        described = DESCRIBED_NAME.match(sentence, told.end()) if told else None
        recipient = next(
            (
                e
                for e in orgs
                if told
                and e.start in {told.end(), described.end() if described else -1}
                and not e.is_place
            ),
            None,
        )
        if recipient is None:
            continue
        leads, investors = investors_from(sentence, orgs, recipient.name)
        if not investors and _TOOK_PART.search(sentence, 0, money.start):
            # "NVentures participated in a $1.1 billion round for AI21 Labs"
            joined = subject_before(sentence, money.start, orgs, context)
            investors = [joined.name] if joined is not None else []
        label = ROUND.search(sentence, money.end, told.end())
        # (the size and the company told, the investors perhaps not)
        confidence = 0.8 if investors else 0.7
        return round_record(make, recipient, investors, leads, label, money, confidence)
    return None


def round_record(
    make,
    recipient: Entity,
    investors: list[str],
    leads: list[str],
    label: re.Match[str] | None,
    money: Money | None,
    confidence: float | None = None,
) -> DealRecord:
    """A funding round of ``recipient``: surer with its size told."""
    return make(
        "investment",
        recipient,
        subtype="funding_round",
        investors=investors,
        lead_investors=leads,
        round=round_name(label[1]) if label else None,
        confidence=confidence if confidence is not None else 0.8 if money else 0.6,
        **(amount_fields(money) if money else {}),
    )


# "Microsoft and Nvidia agreed to invest up to $5 billion and $10 billion respectively in
# Anthropic": each investor its own sum, in the order named
_RESPECTIVELY = re.compile(r",?\s+respectively,?\s+(?:in|into)\s+", re.I)


def respective_investments(sentence, orgs, amounts, context, make) -> list[DealRecord]:
    told = _RESPECTIVELY.search(sentence)
    if told is None:
        return []
    listed = [m for m in amounts if m.end <= told.start()]
    sums: list[Money] = []
    for money in reversed(listed):
        if sums and not re.fullmatch(r",?\s*(?:and\s+)?", sentence[money.end : sums[0].start]):
            break
        if not sums and money.end != told.start():
            break
        sums.insert(0, money)
    recipient = first_after(told.end(), orgs)
    if recipient is not None and not re.fullmatch(
        r"(?:the\s+)?", sentence[told.end() : recipient.start]
    ):
        recipient = None
    if recipient is None and REFERENCE.match(sentence, told.end()):
        # "... respectively, in the company": the story's company
        recipient = context.last_recipient or context.focus
    verb = INVEST.search(sentence, 0, sums[0].start) if sums else None
    if len(sums) < 2 or recipient is None or verb is None:
        return []
    investor = subject_before(sentence, verb.start(), orgs, context)
    investors = coordinated(sentence, orgs, investor) if investor is not None else []
    if len(investors) != len(sums):
        return []
    # ("up to $5 billion and $10 billion": the qualifier is said once, of both)
    qualifier = sums[0].qualifier
    return [
        make(
            "investment",
            recipient,
            subtype="equity",
            investors=[name],
            lead_investors=[],
            confidence=0.8,
            **(amount_fields(money) | {"qualifier": money.qualifier or qualifier}),
        )
        for name, money in zip(investors, sums, strict=True)
    ]


# "The investment follows a $700 million funding round in February led by Amazon": the
# round the company just invested in raised before
_FOLLOWS_ROUND = re.compile(
    r"^\W*(?:The|This|That|Its|Their)\s+(?:investment|deal|stake|backing|funding)\s+"
    r"(?:follows|comes\s+(?:after|on\s+top\s+of)|came\s+after)\s+(?:a|an)\s+$"
)


def earlier_round(sentence, orgs, amounts, context, make) -> DealRecord | None:
    money = next((m for m in amounts if _FOLLOWS_ROUND.match(sentence[: m.start])), None)
    recipient = context.last_recipient
    if money is None or recipient is None:
        return None
    label = ROUND.search(sentence, money.end)
    if not re.match(r"\s+(?:[\w-]+\s+){0,2}?round\b", sentence[money.end :]):
        return None
    leads, investors = investors_from(sentence, orgs, recipient.name)
    if not investors:
        return None
    return round_record(make, recipient, investors, leads, label, money, 0.7)


# "Occidental's bid was backed by a $10 billion investment from Warren Buffett's Berkshire
# Hathaway": the money from the one named after "from" goes to the one backed
_BACKED_BY_MONEY = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){1,2}?)?\s*(?:was|is|were|are|will\s+be|has\s+been)\s+"
    r"(?:backed|funded|financed|supported|underpinned)\s+by\s+(?:a|an)\s+$"
)
_FROM_GIVER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:investment|commitment|injection|financing)\s+from\s+(?:the\s+)?"
)


def backed_by_investment(sentence, orgs, amounts, context, make) -> DealRecord | None:
    for money in amounts:
        giver_at = _FROM_GIVER.match(sentence, money.end)
        if giver_at is None:
            continue
        backed = next(
            (
                e
                for e in reversed(orgs)
                if e.end <= money.start
                and not e.is_place
                and _BACKED_BY_MONEY.fullmatch(sentence, e.end, money.start)
            ),
            None,
        )
        giver = next((e for e in orgs if e.start == giver_at.end()), None)
        if giver is not None and (owned := re.match(r"['’]s\s+", sentence[giver.end :])):
            # "from Warren Buffett's Berkshire Hathaway": the company, not its owner
            giver = next((e for e in orgs if e.start == giver.end + owned.end()), giver)
        if backed is None or giver is None or same_company(backed.name, giver.name):
            continue
        return make(
            "investment",
            backed,
            subtype="equity",
            investors=[giver.name],
            lead_investors=[],
            confidence=0.8,
            **amount_fields(money),
        )
    return None
