"""Money into a field, project, place or new vehicle rather than a named company: "spend
$11 billion on electrified vehicles", "$80 billion AI data center spend", "launch $30
billion AI infrastructure fund", "France will invest €2 billion in AI research"."""

from __future__ import annotations

import re

from flows.deals.context import (
    REFERENCE,
    WE,
    at_start,
    clause_end_at,
    coordinated,
    object_referent,
    place_subject,
    possessor_of,
    subject_before,
)
from flows.deals.deal import DealRecord, amount_fields
from flows.deals.entities import Entity, demonym_place, name_key
from flows.deals.money import Money
from flows.deals.phrases import (
    FRONTED_CLAUSE,
    IN_TRANCHES,
    NP_REJECT,
    bracket_len,
    investors_from,
    noun_phrase,
    only_filler,
    place_after,
    spending_subtype,
)

# Spending on a field rather than a company: "spend $11 billion on electrified vehicles",
# "invested $5 billion in renewables", "a $10 billion bet on a new jet engine".
_SPEND = re.compile(
    r"\b(?:invest(?:s|ed|ing|ments?)?|spend(?:s|ing)?|spent|pour(?:s|ed|ing)?|"
    r"plough(?:s|ed|ing)?|shift(?:s|ed|ing)?|allocat(?:e|es|ed|ing)|bet|bets|betting|"
    r"lent|lend(?:s|ing)?|earmark(?:s|ed|ing)?|mobili[sz](?:e|es|ed|ing)|"
    r"plan|programme|program|package|scheme|"
    r"capital expenditures?|capex)\b",
    re.I,
)

_SPEND_OBJECT = re.compile(
    r"^\s*(?:heavily\s+|more\s+|further\s+|about\s+|some\s+)?"
    # "spend $20 billion over 10 years on Gulf Coast refining"
    r"(?:(?:over|during|within|in)\s+(?:the\s+)?(?:next\s+|coming\s+|past\s+)?"
    r"(?:\w+\s+){0,2}?(?:years?|months?|decades?)\s+"
    # "is spending $65 billion this year on AI infrastructure"
    r"|(?:this|next|last)\s+(?:fiscal\s+)?(?:year|quarter)\s+|in\s+(?:fiscal\s+)?\d{4}\s+"
    # "spend about $80 billion in its fiscal year ending in June on building data centers"
    # ("in its fiscal year 2025 on data centers")
    r"|in\s+(?:its|the)\s+fiscal\s+(?:year\s+)?\d{4}\s+"
    r"|in\s+(?:its|the)\s+(?:current\s+|next\s+|coming\s+)?fiscal\s+year(?:\s+(?:ending|that\s+ends)"
    r"(?:\s+in)?\s+[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?,?\s+)?"
    # ("on building data centers": what is built)
    r"(?:(?:in|into|on|at|toward|towards)\s+(?:(?:building|developing|expanding|constructing|"
    r"upgrading)\s+)?|to\s+(?=\d+\s)|decisions?\s+(?:on|for)\s+|"
    r"to\s+(?:develop|build|expand|upgrade|modernize|modernise|fund|support)\s+)",
    re.I,
)

# "in a fund that backs minority-owned businesses": a fund nobody names
_UNNAMED_FUND = re.compile(
    r"an?\s+(?:new\s+)?fund\s+(?:that|which|to|for|aimed|supporting|backing|investing)\b", re.I
)

# "earmarked €5 billion for AI research": money set aside for a purpose.
_FOR_OBJECT = re.compile(r"^\s*for\s+", re.I)

_SET_ASIDE = ("earmark", "mobilis", "mobiliz", "allocat")

# Nouns as often as verbs: they count only with the amount right after ("shift $7 billion").
_NEEDS_AMOUNT = {"shift", "shifts", "shifted", "shifting", "bet", "bets", "betting", "lent"}

_CUSTOMERS = re.compile(
    r"(?:its\s+|their\s+)?(?:consumers|customers|clients|borrowers|households|students|"
    r"homeowners|home\s+buyers|individuals|people|farmers|small\s+businesses|shoppers|users)",
    re.I,
)
_NEEDS_AMOUNT |= {"lend", "lends", "lending", "plan", "programme", "program", "package", "scheme"}


# "$80 billion AI data center spend", "€109 billion in private AI investments": the field
# stands between the amount and the noun, with nothing after it.
_FIELD_SPEND = re.compile(
    r"^\s+(?:in\s+)?(?!(?:in|on|for|of)\s)(?P<field>(?:[\w-]+\s+){1,4}?)"
    r"(?:investments?|spend|spending|capex|capital expenditures?)\b"
    r"(?!\s+(?:in|into|on|at|to|toward|towards|for\s+(?![a-z]+\s+\d)|by|from)\b)"
    # ("MGX, a $100 billion AI investment vehicle": the size of a fund, not money spent)
    r"(?!\s+(?:vehicles?|funds?|firms?|arms?|compan(?:y|ies)|platforms?|managers?)\b)",
    re.I,
)


def _demonym_in(phrase: str, offset: int) -> Entity | None:
    """The place an adjective of place in ``phrase`` (at ``offset``) points at."""
    for word in re.finditer(r"[A-Z][a-z]+", phrase):
        place = demonym_place(word.group(0))
        if place is not None:
            at = offset + word.start()
            return Entity(place[0], word.group(0), at, word.end() + offset, place[1])
    return None


def field_spend(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """ "Microsoft announces $80 billion AI data center spend for fiscal 2025": the field
    spent on; when a country announces it ("France announced €109 billion in private AI
    investments") the money goes into that country."""
    for money in amounts:
        found = _FIELD_SPEND.match(sentence[money.end :])
        if found is None:
            continue
        name = found.group("field").strip()
        start = money.end + found.start("field")
        inside = next(
            (e for e in entities if e.is_place and start <= e.start < start + len(name)), None
        )
        if inside is None:
            inside = _demonym_in(name, start)  # "$500 billion in American investments"
        subject = next((e for e in entities if e.end <= money.start), None)
        if inside is not None and subject is not None and at_start(sentence, subject):
            # "Saudi Arabia pledged $600 billion in US investments": the place in the field
            # is where the money goes; the sentence's subject puts it there.
            if name_key(subject.name) == name_key(inside.name):
                continue
            return _spent_in(make, inside, subject, money)
        if re.search(r"\bcash\b", name, re.I):
            continue  # "has about $267 billion in cash and investments": a balance sheet
        if name.lower() in {
            "capital",
            "capex",
            "total",
            "annual",
            "overall",
            "equity",
            "debt",
            "cash",
        }:
            continue  # "its $37 billion capital spending plan": spending of any kind
        if NP_REJECT.match(name) or re.search(
            # "2.1 mln dlrs primarily for investment purposes": a field is a noun phrase
            r"\b(?:the|a|an|its|their|of|for|to|on|by|with|from|at|\w+ly)\b",
            name,
            re.I,
        ):
            continue
        start = money.end + found.start("field")
        recipient = Entity(name, name, start, start + len(name), "sector")
        first = next((e for e in entities if e.end <= money.start), None)
        investor = subject_before(sentence, money.start, orgs, context)
        if first is not None and first.is_place and at_start(sentence, first):
            recipient, investor = first, None
        elif investor is None or name_key(investor.name) == name_key(name):
            continue  # (nobody spends on themselves: "Orbis $13.7 billion Orbis spend")
        return make(
            "investment",
            recipient,
            subtype=spending_subtype("spend", recipient),
            investors=[investor.name] if investor else [],
            lead_investors=[],
            confidence=0.6,
            **amount_fields(money),
        )
    return None


# "Microsoft and BlackRock launch $30 billion AI infrastructure fund", "OpenAI, SoftBank and
# Oracle announced Stargate, a $500 billion AI infrastructure venture"
_VEHICLE_VERB = re.compile(
    r"\b(?:launch(?:es|ed|ing)?|creat(?:e|es|ed|ing)|form(?:s|ed|ing)?|set(?:s|ting)?\s+up|"
    r"unveil(?:s|ed|ing)?|announc(?:e|es|ed|ing)|start(?:s|ed|ing)?)\s+"
)

_VEHICLE_NOUN = re.compile(
    r"^\s+(?P<field>(?:(?!(?:from|in|into|for|to|by|of|with|the)\b)[\w-]+\s+){0,4}?)"
    r"(?:fund|venture|joint venture|vehicle|initiative|project)\b",
    re.I,
)


# "Rivian will build a $5 billion plant in Georgia", "Meta is building a $10 billion data
# center in Louisiana", "broke ground on a $7.6 billion EV plant in Georgia": a facility
# told by its cost is money put into its place.
_FACILITY_VERB = re.compile(
    r"\b(?:build(?:s|ing)?|built|construct(?:s|ed|ing)?|open(?:s|ed|ing)?|plan(?:s|ned|ning)?|"
    r"develop(?:s|ed|ing)?|broke\s+ground\s+on|break(?:s|ing)?\s+ground\s+on|"
    r"announc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|add(?:s|ed|ing)?|expand(?:s|ed|ing)?)\s+"
)
_FACILITY_NOUN = re.compile(
    r"^\s+(?:(?!(?:from|in|into|for|to|by|of|with|the)\b)[\w-]+\s+){0,3}?"
    r"(?:plant|factory|factories|facility|facilities|fab|fabs|data\s+cent(?:er|re)s?|campus|"
    r"mill|refinery|gigafactory|complex|plants|headquarters|warehouse|smelter|terminal)\b",
    re.I,
)


def new_vehicle(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """A fund or venture set up by the companies that announce it: they invest its amount.
    An investor launching a plain "$500 million fund" raises it; "a $2 billion project in
    Texas" goes into Texas, as does "a $5 billion plant in Texas" built there."""
    for money in amounts:
        noun = _VEHICLE_NOUN.match(sentence[money.end :])
        verbs = _VEHICLE_VERB
        facility = noun is None
        if facility:
            noun = _FACILITY_NOUN.match(sentence[money.end :])
            verbs = _FACILITY_VERB
        if noun is None:
            continue
        before = sentence[: money.start]
        verb = None
        named = None
        for candidate in verbs.finditer(before):
            gap = before[candidate.end() :]
            if re.fullmatch(r"(?:(?:a|an|the|its|their|new)\s+)*", gap):
                verb = candidate
            else:
                # "announced Stargate, a $500 billion venture": the venture has a name
                named_here = next(
                    (
                        e
                        for e in orgs
                        if e.start == candidate.end()
                        and re.fullmatch(r",\s+(?:a|an)\s+", before[e.end :])
                    ),
                    None,
                )
                if named_here is not None:
                    verb, named = candidate, named_here
        if verb is None:
            continue
        investor = subject_before(sentence, verb.start(), orgs, context)
        if investor is None:
            continue
        investors = coordinated(sentence, [e for e in orgs if e.end <= verb.start()], investor)
        is_fund = noun.group(0).strip().lower().endswith("fund")
        place = next(
            (
                e
                for e in entities
                if e.is_place
                and re.fullmatch(
                    r"\s+(?:in|across)\s+(?:the\s+)?", sentence[money.end + noun.end() : e.start]
                )
            ),
            None,
        )
        if facility and (named is not None or place is None):
            continue  # (a plant of no stated place is no destination)
        if named is not None:
            recipient = named
        elif place is not None:
            recipient = place
        elif noun.group("field").strip():
            field_name = noun.group(0).strip()
            start = money.end + noun.start("field")
            recipient = Entity(field_name, field_name, start, start + len(field_name), "sector")
        elif is_fund and len(investors) == 1:
            # "Kestrel Ventures launched a $500 million fund": money raised to invest
            return make(
                "investment",
                investor,
                subtype="fund",
                investors=[],
                lead_investors=[],
                confidence=0.7,
                **amount_fields(money),
            )
        else:
            continue
        if any(name_key(n) == name_key(recipient.name) for n in investors):
            continue
        return make(
            "investment",
            recipient,
            subtype="fund" if is_fund else "infrastructure" if recipient.is_place else "equity",
            investors=investors,
            lead_investors=[],
            confidence=0.7,
            **amount_fields(money),
        )
    return None


_JOB_TITLE = re.compile(
    r"\b(?:director|head|chief|manager|officer|president|analyst|strategist|partner|VP|"
    r"chair|professor|editor)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}$"
    # "senior vice president-investments at Drexel", "chief investment officer"
    r"|\b(?:president|director|head|chief|manager|officer|VP)\s*[-–]\s*$|\bchief\s+$",
    re.I,
)


def sector_investment(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """Money put into a field or project rather than a named company or place ("spend $11
    billion on electrified vehicles"): the recipient is the noun phrase, kind "sector".
    Without an amount such a record is stored flagged as low confidence."""
    if IN_TRANCHES.search(sentence):
        return None  # how an investment told before is paid, part by part
    for trigger in _SPEND.finditer(sentence):
        if _JOB_TITLE.search(sentence[: trigger.start()]):
            continue  # "managing director of sustainable investment at Wespath"
        if re.search(
            r"\b(?:cash|money|funds|capital|proceeds|firepower)\s+to\s+$",
            sentence[: trigger.start()],
        ):
            continue  # "will give the fund cash to invest in new industries": a purpose
        if re.search(
            r"\bcash(?:\s+equivalents)?\s+(?:and|&)\s+(?:short-term\s+|marketable\s+)?$",
            sentence[: trigger.start()],
            re.I,
        ):
            continue  # "had $7.4 billion in cash and investments": what a balance sheet holds
        if re.search(
            r"\b(?:its|their|the|his|her)\s+(?:[\w-]+\s+)?(?:largest|biggest|first|"
            r"second-largest|single\s+largest)\s+(?:[\w-]+\s+)?$",
            sentence[: trigger.start()],
            re.I,
        ) and re.fullmatch(r"investments?", trigger.group(0), re.I):
            continue  # "the deal was its largest investment in Asia": a deal told elsewhere
        if re.match(r"\s+purposes?\b", sentence[trigger.end() :]):
            continue  # "bought the stake for investment purposes": why, not where
        if (
            re.match(r"\s+decisions?\b", sentence[trigger.end() :])
            and (
                not re.search(r"\bfinal\s+$", sentence[: trigger.start()])
                # "has dragged its feet regarding a final investment decision": none taken yet
                or re.search(
                    r"\b(?:delay\w*|postpon\w*|defer\w*|put\s+off|puts\s+off|putting\s+off|"
                    r"shelv\w*|dragg\w*\s+(?:its|their)\s+feet|await\w*|ahead\s+of|before|"
                    r"yet\s+to|not\s+yet|no)\s+(?:[\w-]+\s+){0,3}$",
                    sentence[: trigger.start()],
                    re.I,
                )
            )
        ):
            continue  # "Chevron's investment decisions for LNG": only a final decision commits
        if re.fullmatch(r"(?:invests|spends|lends)", trigger.group(0), re.I) and re.search(
            r"\b(?:that|which|who)\s+(?:\w+ly\s+)?$", sentence[: trigger.start()], re.I
        ):
            continue  # "Trian, an activist that invests in undervalued companies": what it does
        pos = trigger.end()
        if sentence[pos : pos + 1] in {'"', "”", "’"}:
            pos += 1  # 'made a "significant investment" in Scale AI': the quote closes
        money = next(
            (m for m in amounts if m.start >= pos and only_filler(sentence[pos : m.start])), None
        )
        if money is None:
            # "$900 million infrastructure investment at", "a $10 billion bet on"
            money = next(
                (
                    m
                    for m in amounts
                    if m.end <= trigger.start()
                    and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", sentence[m.end : trigger.start()])
                ),
                None,
            )
        else:
            # "spend $53 billion (380 billion yuan) on": the bracket is the same money
            pos = money.end + bracket_len(sentence, money.end)
        if money is None and re.search(
            r"\b(?:when|while|before|after)\s+$", sentence[: trigger.start()], re.I
        ):
            continue  # "what investors consider when investing in gold equities": a habit
        if _ATTRACT.search(sentence[: money.start if money else trigger.start()]):
            # "Cuba's efforts to draw foreign investment in manufacturing", "India wants to
            # attract $10 billion of investment in chips": a goal of policy, not a deal.
            continue
        obj = _SPEND_OBJECT.match(sentence[pos:])
        if obj is None and money is None:
            field_total = _field_total(sentence, trigger, amounts)
            if field_total is not None:
                recipient, money = field_total
                investor = subject_before(sentence, recipient.start, orgs, context)
                if investor is None or investor.start > recipient.start:
                    continue
                return make(
                    "investment",
                    recipient,
                    subtype="sector",
                    investors=[investor.name],
                    lead_investors=[],
                    confidence=0.6,
                    **amount_fields(money),
                )
        if (
            obj is None
            and money is not None
            and money.start > trigger.start()  # not "with $26 million earmarked for"
            and trigger.group(0).lower().startswith(_SET_ASIDE)
        ):
            obj = _FOR_OBJECT.match(sentence[pos:])
        if (
            obj is None
            and money is not None
            and money.end <= trigger.start()
            and re.fullmatch(r"investments?", trigger.group(0), re.I)
        ):
            obj = _FOR_OBJECT.match(
                sentence[pos:]
            )  # "a $1.25 billion investment for its AI mission"
        if obj is None and trigger.group(0).lower().startswith(("lend", "lent")):
            obj = re.match(r"\s*to\s+", sentence[pos:])  # "lend $1 billion to Acme"
        if obj is None or (money is None and trigger.group(0).lower() in _NEEDS_AMOUNT):
            continue
        start = pos + obj.end()
        if _UNNAMED_FUND.match(sentence, start):
            continue  # "invest $30 million in a fund that backs small businesses"
        # ("spend $2 billion in Texas": a place opening the object is the recipient.)
        recipient = noun_phrase(sentence, start, entities)
        if (
            money is None
            and re.fullmatch(r"invest(?:s|ed|ing)?", trigger.group(0), re.I)
            and (named := next((e for e in orgs if e.end <= trigger.start()), None)) is not None
            and (meant := object_referent(sentence, start, context, named.name)) is not None
        ):
            # "Coke had first invested in the sports drink maker in 2018": the company meant
            recipient = meant
        elif recipient is None or _definite_thing(sentence[start : recipient.start], recipient):
            continue
        if recipient.kind == "sector" and re.search(
            r"\b(?:acquisitions|takeovers|mergers|deals|buybacks|repurchases|dividends)$",
            recipient.name,
            re.I,
        ):
            continue  # "spent $1 billion on AI-related acquisitions": each is a deal of its own
        if recipient.kind == "sector" and re.search(r"\bcampaigns?$", recipient.name, re.I):
            continue  # "spends $449K on new anti-meth ad campaign": a cost, not an investment
        if recipient.kind == "sector" and _CUSTOMERS.fullmatch(recipient.name):
            continue  # "has lent more than $2 billion to consumers": business done, not a deal
        if (
            recipient.kind == "org"
            and trigger.group(0).lower().startswith(("spen", "spent", "pour"))
            and _PRODUCT_AFTER.match(sentence, recipient.end)
        ):
            continue  # "Meta spent $10 billion on Nvidia GPUs": goods bought, not a stake
        if money is None:
            # "raise its investment in electric vehicles to $11 billion": the new total
            money = next(
                (
                    m
                    for m in amounts
                    if re.fullmatch(
                        r"\s+to\s+(?:about\s+|nearly\s+|more than\s+|over\s+)?",
                        sentence[recipient.end : m.start],
                    )
                ),
                None,
            )
        place = place_after(sentence, recipient, entities)
        if place is not None:
            # "spend €3.2 billion on AI infrastructure in Germany": the place is where it goes.
            recipient = place
        investor = possessor_of(
            sentence,
            (money.start if money and money.end <= trigger.start() else trigger.start()),
            orgs,
            context,
        )
        if investor is None:
            # "France will invest €2 billion in AI research": a country spends too
            investor = place_subject(sentence, entities, trigger.start(), recipient)
        if investor is None:
            investor = subject_before(sentence, trigger.start(), orgs, context)
        if investor is not None and re.search(
            r"\baccording\s+to\s+(?:an?\s+|the\s+)?$", sentence[: investor.start], re.I
        ):
            investor = None  # "According to an eMarketer report, ad spending in": a source
        if investor is None and (
            WE.match(sentence)
            or re.search(
                r"\bwe(?:'ve|’ve|'re|’re|'ll|’ll)?\s+(?:\w+\s+){0,2}$",
                sentence[: trigger.start()],
                re.I,
            )
        ):
            # '"Over the last decade, we've invested $5 billion in renewables"': the company
            # the story quotes
            investor = context.focus
        if investor is None and FRONTED_CLAUSE.match(sentence):
            # "In announcing the final investment decision on the Trans Mountain project,
            # Kinder Morgan said ...": the subject after the fronted clause.
            comma = sentence.find(",", recipient.end)
            investor = next((e for e in orgs if comma >= 0 and e.start > comma), None)
            if investor is not None and not re.fullmatch(
                r"\s*", sentence[comma + 1 : investor.start]
            ):
                investor = None
        if investor is not None and name_key(investor.name) == name_key(recipient.name):
            continue
        lead: list[str] = []
        investors = [investor.name] if investor else []
        together = coordinated(sentence, orgs, investor) if investor in orgs else []
        if len(together) > 1 and re.search(r"\s(?:and|&)\s", _span_of(sentence, orgs, together)):
            # "Saudi Arabia's PIF and Google Cloud will invest": both put the money in ("such
            # as CBS All Access, Disney has made" is no list: it has no "and")
            investors = [n for n in together if n != recipient.name] or investors
        if investor is not None:
            # "MGX will invest $100 billion in AI infrastructure with BlackRock"
            clause_end = clause_end_at(sentence, recipient.end)
            investors += [
                e.name
                for e in orgs
                if recipient.end <= e.start < clause_end
                and re.search(r"\b(?:with|alongside)\s+(?:partners?\s+)?$", sentence[: e.start])
                and name_key(e.name) not in {name_key(n) for n in investors}
            ]
        if investor is None:
            # "A $900 million investment at Philadelphia airport led by American Airlines"
            lead, investors = investors_from(sentence, orgs, recipient.name)
        named_here = {name_key(e.name) for e in orgs}
        if (
            money is None
            and not any(name_key(n) in named_here for n in investors)
            and not (investors and _told_by_reference(sentence, trigger.start()))
        ):
            # "the need to invest in those relationships": without an amount, only an
            # organisation named in the sentence, or the story's company referred to as
            # the one spending ("It is investing in 3-D printing"), makes it a record.
            continue
        return make(
            "investment",
            recipient,
            subtype=spending_subtype(trigger.group(0), recipient),
            investors=investors,
            lead_investors=lead,
            # "Kestrel Ventures invested in Orbis Robotics" names both sides: as sure as any
            # investment; a field of spending less so, and with nobody spending ("investors
            # poured $50 billion into AI startups") it is a market statistic.
            confidence=0.8
            if recipient.kind == "org"
            else 0.6
            if money and (investors or recipient.kind != "sector")
            else 0.45,
            **(amount_fields(money) if money else {}),
        )
    return None


# The story's company as the one spending, referred to rather than named: the sentence's
# subject ("It has also promised to spend more on", "The firm recently invested in"), the
# subject just before the verb ("it continues to invest in") or the possessor of the noun
# ("the drugmaker's significant investment in").
_SUBJECT_REFERENCE = re.compile(
    r"^\W*(?:" + REFERENCE.pattern + r")\s+(?!(?:is|was)\s+(?:worth|valued)\b)", re.I
)
_REFERENCE_NEAR = re.compile(
    r"(?:" + REFERENCE.pattern + r")(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,3}$", re.I
)


def _told_by_reference(sentence: str, pos: int) -> bool:
    before = sentence[:pos]
    return bool(_SUBJECT_REFERENCE.match(before) or _REFERENCE_NEAR.search(before))


# A noun after a company's name makes it the maker of what is bought: "Nvidia GPUs",
# "Nvidia chips", "Azure cloud services"; its shares or stock are a stake in it.
_PRODUCT_AFTER = re.compile(
    # "spend $30 billion on Microsoft's Azure cloud": the maker's product, possessed
    r"['’]s?\s+(?:[A-Z][\w-]*\s+)?(?:cloud|services?|chips?|GPUs?|compute|capacity|software|"
    r"products?|servers?|hardware|systems?)\b|"
    r"\s+(?!(?:shares|stock|stake|equity|bonds|debt)\b)"
    r"(?:(?!(?:in|on|for|to|at|this|last|next|over|from|with|and|or|as|by|since|until|"
    r"through|during|across|over|after|before|because|while|when|which|that)\b)[a-z]{3,}"
    r"|[A-Z]{2,}s|[A-Z][a-z]+s)\b"
)

_ATTRACT = re.compile(
    r"\b(?:attract|attracts|attracting|draw|draws|drawing|lure|luring|court|courting|woo|"
    r"wooing|encourage|encouraging|spur|spurring|boost|boosting)\s+"
    r"(?:(?:more|new|foreign|private|outside|direct|overseas)\s+){0,2}$",
    re.I,
)

# Fields said with "the" all the same ("invest in the cloud").
_DEFINITE_FIELDS = {"cloud", "metaverse", "sector", "industry", "field", "space", "transition"}


def _span_of(sentence: str, orgs: list[Entity], names: list[str]) -> str:
    listed = [e for e in orgs if e.name in names]
    return sentence[listed[0].start : listed[-1].end] if listed else ""


def _definite_thing(determiner: str, recipient: Entity) -> bool:
    """ "spent $46.4 million on the failed drug", "invested $10 billion to develop the
    engine": "the" and a plain singular noun point back at one thing the story named
    earlier, not at a field; the record would have no recipient an analyst could use."""
    words = recipient.name.split()
    return (
        recipient.kind == "sector"
        and re.fullmatch(r"\s*the\s+", determiner, re.I) is not None
        and len(words) <= 3
        and recipient.name == recipient.name.lower()
        and not words[-1].endswith("s")
        and words[-1] not in _DEFINITE_FIELDS
    )


# "Ford Increasing Electric Vehicle Investment to $11 Billion", "boosting its AI spending
# to $5 billion": the field stands before the noun, the amount is the new total.
_FIELD_BEFORE = re.compile(
    r"\b(?:increas\w*|rais\w*|boost\w*|doubl\w*|tripl\w*|lift\w*|ramp\w*\s+up|expand\w*)\s+"
    r"(?:(?:its|their|the)\s+)?(?P<field>(?:[A-Za-z][\w-]*\s+){1,3}?)$",
    re.I,
)


def _field_total(sentence, trigger, amounts) -> tuple[Entity, Money] | None:
    if not re.fullmatch(r"investments?|spending", trigger.group(0), re.I):
        return None
    money = next(
        (m for m in amounts if re.fullmatch(r"\s+(?:to|of)\s+", sentence[trigger.end() : m.start])),
        None,
    )
    field = _FIELD_BEFORE.search(sentence[: trigger.start()])
    if money is None or field is None:
        return None
    name = field.group("field").strip()
    if NP_REJECT.match(name) or re.search(r"\b(?:its|their|the|a|an)\b", name, re.I):
        return None
    start = field.start("field")
    return Entity(name, name, start, start + len(name), "sector"), money


# "In Germany, Microsoft plans to spend €3.2 billion by the end of 2025": the place the
# sentence opens with is where money spent without a named destination goes.
_FRONTED_PLACE = re.compile(r"\W*(?:In|Across|Within)\s+(?:the\s+)?")
_SPEND_BEFORE = re.compile(
    r"\b(?:spend|spends|spending|spent|invest|invests|investing|invested|commit|commits|"
    r"committed|pour|pours|poured)\s+(?:an?\s+)?(?:additional\s+|further\s+|another\s+)?$"
)


def fronted_place_spend(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    fronted = _FRONTED_PLACE.match(sentence)
    place = next((e for e in entities if fronted and e.start == fronted.end() and e.is_place), None)
    if place is None or not re.match(r"\s*,", sentence[place.end :]):
        return None
    for money in amounts:
        if not _SPEND_BEFORE.search(sentence[: money.start]):
            continue
        if re.match(r"\s+(?:in|into|on|for|to)\b", sentence[money.end :]):
            return None  # a destination of its own is read elsewhere
        investor = subject_before(sentence, money.start, orgs, context)
        return _spent_in(make, place, investor, money) if investor is not None else None
    return None


def _spent_in(make, place: Entity, investor: Entity, money: Money) -> DealRecord:
    """Money a company or state puts into a place: surer than a field, less than a deal."""
    return make(
        "investment",
        place,
        subtype=spending_subtype("spend", place),
        investors=[investor.name],
        lead_investors=[],
        confidence=0.6,
        **amount_fields(money),
    )
