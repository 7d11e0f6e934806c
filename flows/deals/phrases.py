"""Noun phrases and the amounts, rounds and investors placed around a trigger word: the
field a sentence spends on, the place it goes to, the price nearest a deal, who leads and
who joins a round."""

from __future__ import annotations

import dataclasses
import re

from flows.deals.context import AFFILIATION, COMPANY_NOUNS, coordinated
from flows.deals.entities import Entity, demonym_place, name_key
from flows.deals.money import Money, find_amounts

ROUND = re.compile(
    # ("CapitalG, Alphabet Inc's growth investment fund": what a fund does, not a round)
    r"\b(?!growth\s+(?:investment|equity)\s+(?:fund|arm|firm|vehicle|unit)\b)"
    r"(pre-seed|seed|(?:pre-)?Series [A-Z]\d?(?:\+)?|growth|debt|bridge|mezzanine|angel)"
    r"(?=\s+(?:funding|round|financing|extension|investment|raise|capital)|\s*[,.]|\s+led\b"
    # "raised a $200 million Series A at a $1.8 billion valuation": a series letter needs no
    # noun after it, as "growth" or "debt" would
    r"|(?<=(?-i:[A-Z])|\d|\+)(?:\s*$|\s*[;)]|\s+(?:at|from|with|co-led|backed|and|that|which|"
    r"in|on|for|to|as|of)\b))",
    re.I,
)

# A written sum before a noun: "$6.6 billion ", "€600m "
# A character of the same sentence and clause run: no full stop but a decimal point's
# ("$1.5 billion"), no semicolon
IN_SENTENCE = r"(?:[^.;]|(?<=\d)\.(?=\d))"

MONEY_PHRASE = (
    r"(?:[$€£¥]\S*(?:\s+(?:million|billion|bn|mln|m))?\s+"
    # ("a stake of about 1.1 billion euros in Bayer")
    r"|\d[\d.,]*\s+(?:million|billion|trillion|bn|mln)\s+(?:euros|dollars|pounds|yen|yuan|"
    r"rupees|francs|dlrs|stg|won|reais|rand|crowns|kronor|krone)\s+)"
)

# How a company is described just before its name: "closely-held Analytichem", "Miami-based
# Heinl's Nursery", "privately held Plaid Pantries".
HELD = (
    r"(?:(?:closely|privately|publicly|wholly|family|majority|state|employee)[- ]"
    r"(?:held|owned|traded|controlled)\s+|(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-based\s+)"
)

# "... and will invest", "..., and plans to buy": a verb with no subject of its own
AUXILIARIES = (
    r"(?:(?:will|would|also|has|have|had|is|are|was|now|then|plans?\s+to|agreed\s+to|"
    r"intends?\s+to|is\s+set\s+to|aims?\s+to|expects?\s+to)\s+)*"
)
SHARED_SUBJECT = re.compile(
    # ("Meta held talks to buy Perplexity before investing $14.3 billion in Scale AI")
    rf"\band\s+{AUXILIARIES}$|\b(?:before|after|while|since|besides)\s+$"
)

FRONTED_CLAUSE = re.compile(r"\W*(?:In|By|After|Before|While|When|With|Since)\s+\w+ing\b")

_NP_STOP = re.compile(
    # ("in the joint venture and own about 63%": a second verb of the subject)
    r"\sand\s+(?=(?:own|owns|hold|holds|take|takes|get|gets|become|becomes|will|would|has|"
    r"have|is|was|are|were|plans?|expects?)\b)|"
    r"[,;:()\"“”?!]|\s[-–—]+\s|\.(?:\s|$)|\s(?:in|over|through|by|for|with|to|that|which|as|across|"
    r"from|including|includes|included|comprises|totals|totaled|totalled|such|while|since|during|after|before|until|instead|rather|because|so|this|"
    r"next|last|per|each|than|who|where|when|is|are|was|were|will|would|has|have|had|"
    r"should|shouldn't|could|can|must|may|might|be|been|being|do|does|did)\b",
    re.I,
)

NP_REJECT = re.compile(
    r"^(?:it|them|this|that|these|those|us|you|what|which|whatever|something|anything|"
    # "invest in price", "invest in our people": ways of running a business, not recipients
    r"price|prices|pricing|wages|people|employees|workers|staff|talent|customers|quality|"
    r"ourselves|themselves|itself|growth|innovation|"
    # "bought the stake as an investment on behalf of its clients": for whom, not in what
    r"behalf\b.*|"
    # "its largest investment in any state", "invest in its existing Midlothian campus"
    r"(?:any|every|each|existing|own|current)\s.*|all\s+(?:of|the|its|their|these|those)\b.*|"
    # "spent $46.4 million on this failed drug": a thing named earlier, not a field
    r"(?:this|that|these|those)\s.*|"
    # returning cash to shareholders is not investing it
    r"(?:stock\s+|share\s+)?(?:buy-?backs?|repurchases?|dividends?)\b.*|"
    # "spent $24 billion on acquisitions": each bought company is its own deal; running
    # costs are not investments
    r"(?:acquisitions|mergers|takeovers|deals|M&A|debt|interest|taxes|fines|settlements|"
    r"legal\s+fees|lobbying|marketing|advertising|severance|restructuring|layoffs|bonuses|"
    r"salaries|compensation)\b.*|"
    # "expects to invest $35 billion in capital expenditure": a budget, not a recipient
    r"(?:capital\s+(?:expenditures?|spending|investments?|projects)|capex|operating\s+expenses)"
    r"\b.*|"
    # "investing $10 million in its seed round": the round is the company's, named elsewhere
    r"(?:(?:pre-seed|seed|series \w+|growth|bridge|latest|new|funding|financing)\s+)*"
    r"(?:round|rounds|funding|financing)|"
    r"everything|nothing|check|cash|stocks?|shares|equities|securities|bonds|total|part|order|general|"
    r"turn|addition|fact|particular|region|area|world|markets?|business|compan(?:y|ies)|"
    r"future|people|community|economy|country|state|city|\w+ing|"
    # "invested more than $1 billion in the past five years"
    r"(?:past|last|next|previous|coming|following)\s+(?:\w+\s+)?(?:years?|months?|quarters?|"
    r"decades?|weeks?|days?)|the (?:quarter|year|"
    r"month|period|past|future|meantime|end)|(?:the )?(?:first|second|third|fourth) (?:half|"
    r"quarter)|recent years?|(?:\d{4}|q\d|fy\d+)|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b.*)$",
    re.I,
)

_DETERMINER = re.compile(r"^(?:(?:the|a|an|its|their|our|his|her)(?:\s+|$))+", re.I)

# ("the startup led by former OpenAI CTO Mira Murati": who runs the company, not who leads
# the round)
LEAD = re.compile(
    r"(?<!startup\s)(?<!start-up\s)(?<!company\s)(?<!firm\s)(?<!lab\s)(?<!team\s)"
    r"(?<!business\s)(?<!agency\s)(?<!studio\s)"
    r"\b(?:co-)?led by\s+",
    re.I,
)

_PARTICIPANTS = re.compile(
    r"\b(?:with participation (?:from|of)|participation from|alongside|along with|joined by|"
    r"investors? (?:including|include|included|such as)|backed by|from(?= (?:investors|[A-Z]))|"
    # "led the round, which also included Alder Capital and Kestrel Partners"
    r"(?:which|that)\s+(?:also\s+)?(?:included|includes|saw\s+participation\s+from)|"
    # "The round was led by Thrive Capital, ..., and included Microsoft, Nvidia and SoftBank"
    r"(?<=,\s)and\s+(?:also\s+)?(?:included|includes)|"
    # "led by SoftBank, with Nvidia and Microsoft also participating"
    r"with(?=\s+[A-Z][^,;]{0,80}?\s+(?:also\s+)?(?:participating|joining|investing)\b))\s+",
    re.I,
)


def investors_from(
    sentence: str, orgs: list[Entity], exclude: str | None
) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    others: list[str] = []
    lead_match = LEAD.search(sentence) or _LEADING.search(sentence)
    part_match = next(
        (
            m
            for m in _PARTICIPANTS.finditer(sentence)
            # "Nimbus, which is backed by Sequoia, raised $45 million": who backs the company
            # already, told before any money, is not named as being in this round
            if not (
                m.group(0).lower().startswith("backed") and not find_amounts(sentence[: m.start()])
            )
        ),
        None,
    )
    if lead_match is not None and lead_match.re is _LEADING:
        # "with Thrive Capital leading and Microsoft, Nvidia and SoftBank participating"
        lead = _investor_names(sentence, lead_match.start("who"), lead_match.end("who"), orgs)
        joined = _PARTICIPATING.search(sentence, lead_match.end())
        if joined is not None:
            others = _investor_names(sentence, joined.start("who"), joined.end("who"), orgs)
        investors = [n for n in dict.fromkeys([*lead, *others]) if n != exclude]
        return [n for n in lead if n != exclude], investors
    if lead_match:
        end = (
            part_match.start()
            if part_match and part_match.start() > lead_match.end()
            else len(sentence)
        )
        names = _investor_names(sentence, lead_match.end(), end, orgs)
        # "led by A and B" names co-leads; "led by A with B" stops at the participation words,
        # and "led by Accel, counts Nvidia, Amazon and Meta among its investors" at the verb.
        listed = [e for e in orgs if lead_match.end() <= e.start < end]
        # ("led by Iconiq Capital and co-led by Fidelity and Lightspeed": each list of leads)
        anchors = listed[:1] + [
            e for e in listed[1:] if re.search(r"\bco-led\s+by\s+(?:the\s+)?$", sentence[: e.start])
        ]
        joined = {name_key(n) for a in anchors for n in coordinated(sentence, listed, a)}
        lead = names[:1] + [
            n
            for n in names[1:]
            if re.search(r"\band\b|,", sentence[lead_match.end() : end])
            and (name_key(n) in joined or not listed)
        ]
    if lead_match and (co := _CO_LEADING.search(sentence, lead_match.end())) is not None:
        # "led by ICONIQ, with Fidelity and Lightspeed Venture Partners co-leading"
        co_leads = _investor_names(sentence, co.start("who"), co.end("who"), orgs)
        lead += [n for n in co_leads if n not in lead]
    if part_match:
        others = _investor_names(sentence, part_match.end(), len(sentence), orgs)
    elif lead_match and (joining := _ALSO_JOINING.search(sentence, lead_match.end())) is not None:
        # "led by Andreessen Horowitz, with Nvidia, AMD, Cisco and Jane Street also
        # participating"
        others = _investor_names(sentence, joining.start("who"), joining.end("who"), orgs)
    investors = list(dict.fromkeys([*lead, *others]))
    investors = [n for n in investors if n != exclude]
    return [n for n in lead if n != exclude], investors


_ALSO_JOINING = re.compile(
    r",?\s+with\s+(?P<who>[A-Z][^;]{1,160}?)\s+(?:also\s+)?(?:participating|joining|"
    r"investing|taking\s+part|chipping\s+in)\b"
)
_CO_LEADING = re.compile(r"\bwith\s+(?P<who>[A-Z][^;]{1,120}?)\s+(?:also\s+)?co-leading\b")
_LEADING = re.compile(r"\bwith\s+(?P<who>[A-Z][^,;]{1,60}?)\s+leading\b")
_PARTICIPATING = re.compile(r"\band\s+(?P<who>[A-Z][^;]{1,120}?)\s+participating\b")

# "Prima Materia, Daniel Ek's investment firm": the appositive names the firm's owner.
_OWNER_OF_FIRM = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:firm|fund|company|vehicle|family office|arm|group)\b"
)


_APPOSITIVE_OF = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:of|at|for)\s+(?:[\w.&'’-]+\s+){0,3}$"
)


# What ends a list of investors: a relative clause telling about them ("from Beta Capital,
# which owns 20% of Gamma Robotics"), or who reported the round ("from SoftBank and
# Microsoft at a valuation of $8 billion, the Financial Times reported")
_ABOUT_INVESTOR = re.compile(
    r",\s*(?:which|who|whose)\b|,\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,4}"
    r"(?:reported|said|says|reports|wrote|according)\b|,\s+according\s+to\b"
    # ("from the U.S. government and up to $11 billion in loans under the CHIPS Act")
    r"|\s(?:under|as\s+part\s+of)\s+(?:the|its|a|an)\b"
)


def _investor_names(sentence: str, start: int, end: int, orgs: list[Entity]) -> list[str]:
    """The investors named between ``start`` and ``end``: a person for "Ola founder Bhavish
    Aggarwal", no owner for "Prima Materia, Daniel Ek's investment firm"."""
    names: list[str] = []
    # "from Beta Capital, which owns 20% of Gamma Robotics": a relative clause tells about
    # the investor; the names in it are not investors
    relative = _ABOUT_INVESTOR.search(sentence, start, end)
    if relative is not None:
        end = relative.start()
    for i, e in enumerate(orgs):
        if e.start < start or e.end > end:
            continue
        owned = orgs[i + 1] if i + 1 < len(orgs) else None
        if owned is not None and re.fullmatch(r"['’]s?\s+", sentence[e.end : owned.start]):
            continue  # "SoftBank's Vision Fund", "Alphabet's GV": the fund named next invests
        if re.fullmatch(r",\s*", sentence[max(start, e.start - 2) : e.start]) and (
            _OWNER_OF_FIRM.match(sentence, e.end)
        ):
            continue
        if _APPOSITIVE_OF.search(sentence, max(start, e.start - 80), e.start):
            continue  # "Prima Materia, the investment company of Spotify founder Daniel Ek"
        person = AFFILIATION.match(sentence, e.end)
        names.append(person["person"] if person and person.end() <= end else e.name)
    return names


def place_after(sentence: str, phrase: Entity, entities: list[Entity]) -> Entity | None:
    """The place a field or project is in: "AI infrastructure in Germany", "Indian AI hub"."""
    if phrase.kind != "sector":
        return None
    adjective = re.match(r"[A-Z][a-z]+", phrase.name)
    place = demonym_place(adjective.group(0)) if adjective else None
    if place is not None:
        return Entity(
            place[0], adjective.group(0), phrase.start, phrase.start + adjective.end(), place[1]
        )
    named = next(
        (
            e
            for e in entities
            if e.is_place
            and e.kind != "sector"
            and phrase.end <= e.start <= phrase.end + 40
            and re.fullmatch(
                r"\s+(?:in|across|throughout)\s+(?:the\s+)?", sentence[phrase.end : e.start]
            )
        ),
        None,
    )
    if named is None and re.match(
        r"\s+in\s+the\s+(?:kingdom|country|emirate|emirates|nation|state)\b",
        sentence[phrase.end :],
    ):
        # "invest $10 billion in an AI hub in the kingdom" of a sentence naming Saudi Arabia
        countries = [e for e in entities if e.kind == "country" and e.end <= phrase.start]
        named = countries[-1] if len(countries) == 1 else None
    return named


def spending_subtype(word: str, recipient: Entity) -> str:
    if word.lower().startswith(("lend", "lent")):
        return "debt"
    if recipient.kind == "sector":
        return "sector"
    return "infrastructure" if recipient.is_place else "equity"


def only_filler(gap: str) -> bool:
    return bool(
        re.fullmatch(
            r"\s*(?:(?:a|an|another|about|nearly|some|over|more than|up to|roughly|around)\s+)*",
            gap,
        )
    )


_TRAILING_FILLER = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "a",
        "an",
        "its",
        "their",
        "even",
        "more",
        "most",
        "new",
        "other",
        "such",
        "very",
    ]
)


# "buy a USB-PD battery", "spend $20 billion on Gulf Coast refining": a name followed by a
# plain noun qualifies what is bought or paid for. Verbs ("Google bought Nest and ..."),
# adverbs and prepositions may follow a real target.
MODIFIED_NOUN = re.compile(
    r"\s+(?!(?:for|from|in|at|on|to|and|or|but|with|last|this|earlier|later|after|before|which|"
    r"that|who|as|by|over|under|into|since|until|while|when|the|a|an|its|their|outright|back|"
    r"together|recently|also|was|is|were|are|had|has|will|would|could|can|may|might|did|does|"
    r"through|via|per|plus|than|then|so|yet|now|today|all|both|just|only|even|more|from)\b)"
    r"[a-z]{3,}(?<!s)(?<!ed)(?<!ly)\b"
)


_COMPANY_NOUN = re.compile(
    r"(?:company|firm|startup|start-up|operator|maker|developer|provider|group|lab|business|"
    r"platform|bank|lender|insurer|retailer|carrier|airline|unit|subsidiary|venture|"
    r"manufacturer|supplier|chipmaker|automaker|drugmaker|conglomerate|"
    # ("buy about 10% of publisher Kadokawa Corp")
    r"publisher|broadcaster|miner|producer|refiner|distributor|designer|brewer|grocer|studio|"
    r"chain|utility)",
    re.I,
)


DESCRIBED_NAME = re.compile(
    rf"\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,4}}?(?i:{_COMPANY_NOUN.pattern})\s+(?=[A-Z])"
)


def noun_phrase(sentence: str, start: int, orgs: list[Entity]) -> Entity | None:
    """The object starting at ``start``: a named organisation or place when one opens it,
    else up to six words before the next clause, time phrase or preposition."""
    described = DESCRIBED_NAME.match(sentence, start)
    if described is not None:
        # "in British self-driving startup Wayve": the company the words describe
        told = next((e for e in orgs if e.start == described.end() and not e.is_place), None)
        if told is not None:
            return told
    rival = re.match(r"\s*(?:rival|fellow|competitor|peer)\s+(?=[A-Z])", sentence[start:])
    if rival is not None:
        start += rival.end()  # "invested in rival Plaid": the company, whoever it rivals
    named = next((e for e in orgs if e.start == start), None)
    if named is not None and (named.is_place or not MODIFIED_NOUN.match(sentence, named.end)):
        return named
    count = re.match(
        r"\s*(?:up to|as many as|more than|at least|about|around|nearly|roughly|over|some)\s+"
        r"\d[\d,]*\s+",
        sentence[start:],
    )
    if count:
        start += count.end()  # "co-invest in up to 25 British films": what, not how many
    stop = _NP_STOP.search(sentence, start)
    if (
        stop is not None
        and re.search(
            r"\b(?:led|owned|run|founded|backed|controlled)\s*$", sentence[start : stop.start()]
        )
        and re.match(r"\s*by\b", sentence[stop.start() : stop.end() + 3])
    ):
        # "in companies led by women": who runs them is part of the field
        stop = _NP_STOP.search(sentence, stop.end() + 3)
    end = stop.start() if stop else len(sentence)
    phrase = sentence[start:end].strip()
    lead = _DETERMINER.match(phrase)
    if lead:
        start += sentence[start:].index(phrase) + lead.end()
        phrase = phrase[lead.end() :]
        # "in the United States", "in the U.S.": a place after "the" is still the place
        place = next((e for e in orgs if e.start == start and e.is_place), None)
        if place is not None and not MODIFIED_NOUN.match(sentence, place.end):
            return place  # ("in a U.S. company": the place only qualifies what follows)
    words = phrase.split()
    if phrase.lower() in {"investment", "investments", "spending"}:
        # "mobilise €200 billion for investment in artificial intelligence": the field follows
        into = re.match(r"\s*(?:in|into)\s+", sentence[end:])
        return noun_phrase(sentence, end + into.end(), orgs) if into else None
    if len(words) > 1 and words[-1].lower() in {"investment", "investments", "spending"}:
        words = words[:-1]  # "mobilise €200 billion for AI investment": the field is AI
        phrase = " ".join(words)
    if len(words) > 6:
        words = words[:6]
        # "development of even more trucks and": a cut phrase ends on a content word
        while words and words[-1].lower() in _TRAILING_FILLER:
            words = words[:-1]
        phrase = " ".join(words)
    if not words or NP_REJECT.match(phrase):
        return None
    if lead and _COMPANY_NOUN.fullmatch(words[-1]):
        return None  # "in the local data centre operator": a company told of, not a field
    if not re.match(r"[A-Za-z0-9]", phrase) or find_amounts(phrase):
        return None  # "Rs 24 lakh in the four attempts and Rs 40 lakh on advocacy"
    if re.fullmatch(r"[\d,.]+|(?:[A-Za-z]\.)*[A-Za-z]\.?", phrase):
        return None  # "on its 1,197,700 ...", "in a U.S. company" cut at the full stop
    # The words as written: stripped markup or a line wrap may leave more than one space.
    found = re.search(r"\s+".join(map(re.escape, words)), sentence[start:])
    if found is None:
        return None
    return Entity(
        " ".join(words), found.group(0), start + found.start(), start + found.end(), "sector"
    )


def bracket_len(sentence: str, pos: int) -> int:
    """The length of a bracketed equivalent right at ``pos`` (" (380 billion yuan)"), else
    0: the same money told again."""
    bracket = re.match(r"\s*\([^)]{1,40}\)", sentence[pos:])
    return bracket.end() if bracket else 0


def gap_between(trigger: re.Match[str], money: Money) -> int:
    if money.end <= trigger.start():
        return trigger.start() - money.end
    return max(0, money.start - trigger.end())


_SHARE_OF_IT = re.compile(
    r"\b(?:half|most|part|some|much|a\s+third|two-thirds|a\s+quarter|\d+\s*(?:%|percent))\s+"
    r"of\s+(?:it|that|this|which|the\s+(?:total|money|sum|amount))\s+(?:in|to|for)\s+(?:the\s+)?$",
    re.I,
)


# "Alphabet's Chrome browser", "Intel's Altera unit": a named part of a company
OWNED_UNIT = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:browser|unit|business|division|arm|subsidiary|network|app|"
    r"platform|brand|studio|studios|chain|label|franchise)\b"
)


# "Liberty Global's cable networks", "Thomson Reuters Corp's financial and risk business":
# unnamed parts of a company, bought or invested in on their own
OWNED_PARTS = re.compile(
    # ("ArcelorMittal's U.S. operations")
    # ("DaVita Inc.'s medical group": a legal form's full stop first)
    r"\.?['’]s?\s+(?P<unit>(?:(?:[a-z][\w-]*|U\.S\.|US|UK|[A-Z][a-z]+)\s+){0,3}"
    r"(?:business(?:es)?|units?|divisions?|operations|"
    r"networks?|stores|plants|factories|mills|stations|hospitals|hotels|mines|refiner(?:y|ies)|"
    r"subsidiar(?:y|ies)|arm|portfolio)"
    # ("21st Century Fox's entertainment assets": assets of some kind, not all it owns)
    r"|(?:(?:[a-z][\w-]*|U\.S\.|US|UK|[A-Z][a-z]+)\s+){1,3}assets"
    r"|(?:[a-z][\w-]*\s+){1,2}group"
    # ("GE Capital Bank's online deposit platform")
    r"|(?:[a-z][\w-]*\s+){1,2}platforms?)\b"
)

_UNIT_NAMED_AFTER = re.compile(
    r"(?:[a-z][\w-]*\s+){0,3}(?:unit|business|division|arm|subsidiary|affiliate)\s*,\s+"
)


def owned_unit(sentence: str, owner: Entity, orgs: list[Entity]) -> Entity | None:
    """The named part of ``owner`` right after it ("Alphabet's Chrome browser", "Intel's
    Altera unit"), if the sentence names one."""
    owned = re.match(r"['’]s?\s+", sentence[owner.end :])
    if owned is None:
        return None
    unit = next((e for e in orgs if e.start == owner.end + owned.end()), None)
    if unit is not None and OWNED_UNIT.match(sentence, unit.end):
        return unit
    # "JD.com's online grocery business, Dada-JD Daojia,": the part named after it
    described = _UNIT_NAMED_AFTER.match(sentence, owner.end + owned.end())
    return next((e for e in orgs if described and e.start == described.end()), None)


_PLACE_DESCRIBES = re.compile(
    rf"-based\s+|\s+(?:[\w-]+\s+){{0,3}}?(?:{_COMPANY_NOUN.pattern}|giant|champion|unicorn|"
    r"fund)\s+"
)


_TELLER_AFTER = re.compile(r"\s+(?:reported|reports|said|says|wrote|writes|told)\b")


_MANY_COMPANIES = re.compile(
    r"(?:[a-z][\w-]*\s+){0,2}(?:companies|startups|start-ups|businesses|firms|projects)\s+"
    r"(?!(?:such\s+as|including|like)\b)"
)


# "in Uber rival Grab", "acquire WalkMe's smaller German rival Clarifai": the rival named
# after the company it is compared with is the one meant
RIVAL_OF = re.compile(
    r"(?:['’]s?)?\s+(?:(?:smaller|larger|bigger|younger|older|main|chief|closest|biggest|"
    r"(?-i:[A-Z][a-z]+))\s+){0,2}(?:rival|competitor|peer|partner)\s+",
    re.I,
)

# "Britain's biggest water company", "Japan's third-largest lender": a company the story
# names elsewhere, described by its country
PLACE_DESCRIBES_COMPANY = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,3}?" + COMPANY_NOUNS + r"\b(?!\s+(?-i:[A-Z]))", re.I
)


_FACILITY_IN = re.compile(
    r"\b(?:data\s+cent(?:er|re)s?|plants?|factor(?:y|ies)|campus(?:es)?|facilit(?:y|ies)|"
    r"sites?|hubs?|refiner(?:y|ies)|mines?|fabs?|warehouses?|offices?)\s+in\s+$",
    re.I,
)


def recipient_after(sentence: str, pos: int, entities: list[Entity]) -> Entity | None:
    """ "... in/into Y": the first organisation after an "in", else the first place."""
    tail = sentence[pos:]
    m = re.search(r"\b(?:in|into|to|for)\s+", tail, re.I)  # headlines: "Commits $1B To"
    if m is None:
        return None
    start = pos + m.start()
    if _MANY_COMPANIES.match(sentence, pos + m.end()):
        return None  # "in companies led by women ..., as part of its Launch With GS": a field
    # Stop at the next clause so "in Germany, while Google ..." does not reach Google.
    # ("in the U.S. economy": the stop of an abbreviation ends no clause)
    clause_end = re.search(
        # ("in Intel Corp. and took": a legal form's full stop ends no clause)
        r"[;]|,\s*(?:while|but|and|whereas|\w+ing)\b|(?<!\b[A-Z])(?<!Corp)(?<!Inc)(?<!\bCo)(?<!Ltd)\.\s"
        # ("The fund, which has invested $100 billion in startups since 2017, also marked up
        # its stake in ByteDance": the main clause's verb after the relative one)
        r"|,\s+(?:also\s+|then\s+|later\s+|now\s+)?(?:has|have|had|is|was|were|will|would|"
        r"said|says|(?-i:[a-z]+ed))\b",
        sentence[start:],
    )
    end = start + clause_end.start() if clause_end else len(sentence)
    # "..., the New York Times reported", "..., Chairman Bill Ford said": the teller's
    # clause is not the deal's
    teller = next(
        (e for e in entities if start <= e.start < end and _TELLER_AFTER.match(sentence, e.end)),
        None,
    )
    if teller is not None:
        end = teller.start
    # "in AI data centres in Jamnagar": a word the story does not know, where a facility
    # stands, is its town
    entities = [
        dataclasses.replace(e, kind="city")
        if e.kind == "org"
        and not e.known
        and " " not in e.name
        and _FACILITY_IN.search(sentence, max(0, e.start - 40), e.start)
        else e
        for e in entities
    ]
    # "invest $40 billion in an AI fund with Andreessen Horowitz": a partner, not the recipient
    window = [
        e
        for e in entities
        if e.start >= start
        and e.end <= end
        and not re.search(r"\b(?:with|alongside)\s+(?:the\s+)?$", sentence[: e.start])
        # "$80 billion in AI data centers, more than half of it in the United States": a
        # share goes there, not the whole
        and not _SHARE_OF_IT.search(sentence[: e.start])
    ]
    # ("in British AI cloud startup Nscale, as part of a commitment to invest in the UK":
    # the company the words after "in" describe)
    described = DESCRIBED_NAME.match(sentence, pos + m.end())
    told = next(
        (e for e in window if described and e.start == described.end() and not e.is_place), None
    )
    if told is not None:
        return told
    # "in AI infrastructure in the United States ... through a company called Stargate":
    # the entity an "in"/"into" introduces is the destination.
    for i, e in enumerate(window):
        if re.search(
            r"\b(?:in|into)\s+(?:the\s+|its\s+|their\s+)?$", sentence[start : e.start], re.I
        ):
            rival = RIVAL_OF.match(sentence, e.end)
            if rival is not None and i + 1 < len(window) and window[i + 1].start == rival.end():
                return window[i + 1]  # "in Uber rival Grab": the rival is invested in
            # "in Abu Dhabi's G42": the possessed organisation is the destination; so is
            # one a place describes ("in Abu Dhabi-based G42", "in Abu Dhabi AI firm G42")
            if i + 1 < len(window) and (
                re.match(r"['’]s\s", sentence[e.end :])
                or (
                    e.is_place
                    and not window[i + 1].is_place
                    and _PLACE_DESCRIBES.fullmatch(sentence[e.end : window[i + 1].start])
                )
            ):
                return window[i + 1]
            return e
    orgs = [e for e in window if not e.is_place]
    if orgs:
        return orgs[0]
    places = [
        e
        for e in window
        if e.is_place
        # ("new funding to Britain's biggest water company": the company, described)
        and not PLACE_DESCRIBES_COMPANY.match(sentence, e.end)
        # ("in higher wages and training for its U.S. workers": whose workers, not where)
        and not re.search(
            r"\b(?:its|their|his|her|our)\s+$", sentence[max(0, e.start - 8) : e.start]
        )
        # ("in employee training ... after the U.S. tax overhaul": a place qualifying the
        # noun of another clause, not where the money goes)
        and not (
            re.search(
                r"\b(?:after|following|amid|despite|because\s+of|due\s+to|thanks\s+to)\s+the\s+$",
                sentence[max(0, e.start - 24) : e.start],
            )
            and MODIFIED_NOUN.match(sentence, e.end)
        )
    ]
    if places:
        return places[0]
    # "In Germany, the company is investing €3.2 billion in AI infrastructure"
    fronted = re.match(r"\s*(?:In|Across|For)\s+", sentence)
    if fronted:
        first = next((e for e in entities if e.start == fronted.end()), None)
        if first is not None and first.is_place and re.match(r"\s*,", sentence[first.end :]):
            return first
    return None


def listed_after(sentence: str, first: Entity, orgs: list[Entity]) -> list[Entity]:
    """``first`` and the organisations listed after it with commas or "and", each perhaps
    followed by a year ("Pixar in 2006, Marvel in 2009, and Lucasfilm in 2012")."""
    listed = [first]
    joiner = re.compile(
        r"\s*(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}|\s*\([^)]{1,12}\))?\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)\s*"
    )
    for e in orgs:
        if e.start <= listed[-1].start:
            continue
        if joiner.fullmatch(sentence[listed[-1].end : e.start]):
            listed.append(e)
        else:
            break
    return listed


_PRICE_BEFORE = re.compile(
    r"\b(?:for|at|valued at|value of|worth|price of|priced at)\s+"
    r"(?:about\s+|around\s+|nearly\s+)?$",
    re.I,
)


_LATER_CLAUSE = re.compile(
    r"[,;]\s+(?:after|before|while|whereas|and|but|which|who|when|since|having|as)\s"
    # ("its $62.5 billion purchase of Monsanto after agreeing to sell assets worth $9 billion")
    r"|\b(?:after|before|while|by)\s+\w+ing\b",
    re.I,
)


_TOTAL_AFTER_PER_SHARE = re.compile(
    r"\.?\s+for\s+\S+\s+(?:a|per)\s+(?:share|unit)(?:\s+in\s+cash)?,?\s+or\s+"
)


def nearest(sentence: str, amounts: list[Money], lo: int, hi: int) -> Money | None:
    """The amount closest to the span ``lo``–``hi`` (the price usually touches the verb or
    its object: "its $13.7 billion acquisition of", "bought X for $25 billion")."""
    if not amounts:
        return None

    def distance(m: Money) -> int:
        if m.end <= lo:
            return lo - m.end
        if m.start >= hi:
            # "... Patheon NV at an enterprise value of $7.2 bn": the price announced as such
            between = sentence[hi : m.start]
            if _TOTAL_AFTER_PER_SHARE.fullmatch(between):
                # "for C$32 a share, or about C$4.7 billion, in a deal that values CI at
                # C$12.1 billion including debt": the total of the per-share price is paid
                return -1
            # (not in a clause of its own: "its takeover of Monsanto, after agreeing to sell
            # assets worth about 7.6 billion euros to BASF")
            if _PRICE_BEFORE.search(between) and not _LATER_CLAUSE.search(between):
                return 0
            return m.start - hi
        return 0

    return min(amounts, key=distance)


def is_per_share(sentence: str, money: Money) -> bool:
    # "$28 a share", "31 dlrs per unit", "4.50 dlrs per depositary receipt"
    return bool(
        re.match(
            r"\s*(?:cash\s+|in\s+cash\s+)?(?:-?\s*a\b\s*-?|per\b|each\b)\s*(?:\w+\s+)?"
            r"(?:share|unit|ADR|ADS|depositary|receipt)s?\b",
            sentence[money.end :],
            re.I,
        )
    )


# What a per-share price is paid with or compared against, when it is not a deal's price:
# "a 40% premium to Embraer's closing price of $20 a share", "add 32 cts per share to
# earnings", "a dividend of 50 cents a share".
_NOT_A_BID_BEFORE = re.compile(
    r"\b(?:(?:closing|market|share|stock|trading|current|last|average|book)\s+price|"
    r"closed|clos(?:e|es|ing)|trad(?:e|es|ed|ing)|rose|fell|gained|lost|jumped|dropped|"
    r"climbed|soared|slid|slumped|tumbled|surged|rallied|plunged|sank|edged|hit|reached|"
    r"earnings|profits?|loss(?:es)?|income|dividends?|payout|revenue|sales|add|adds|cut|"
    r"value|estimate|target|high|low|peak|premium|discount)\s+"
    r"(?:(?:of|at|by|to|from|about|around|some|nearly|roughly|near|to\s+about)\s+){0,2}$",
    re.I,
)
_NOT_A_BID_AFTER = re.compile(
    r"\s*(?:cash\s+|in\s+cash\s+)?(?:-?\s*a\b\s*-?|per\b|each\b)\s*(?:\w+\s+)?"
    r"(?:share|unit|ADR|ADS|depositary|receipt)s?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:dividend|earnings|profit|loss|income|payout|gain|premium|discount)\b",
    re.I,
)
# "for $28 a share", "offered 25 dlrs a share", "a $70-a-share bid", "at 22 dlrs a share",
# "raised its offer to 42 dlrs": what is bid or paid for each share.
_BID_BEFORE = re.compile(
    r"\b(?:for|at|of|to|offer(?:s|ed|ing)?|bid(?:s|ding)?|pay(?:s|ing)?|paid|worth|"
    r"valu(?:e|es|ed|ing)\s+(?:[\w'’.-]+\s+){0,4}?at|,\s+or)(?:\.\.\.|…)?\s+"
    r"(?:(?:about|around|some|nearly|roughly|approximately|up\s+to|a|an|the|its|their)\s+)?$",
    re.I,
)


def _each_share(sentence: str, money: Money) -> bool:
    # "buying shares at $23.28 each", "bought 2 million shares for 17 dlrs each"
    return bool(
        re.match(r"\s+each\b", sentence[money.end :])
        and re.search(
            r"\b(?:shares|stock|ADRs|units)\s+(?:\w+\s+){0,2}?(?:at|for)\s+$",
            sentence[: money.start],
        )
    )


# "offered 240p a share", "95 cents a share": prices per share in a currency's subunit,
# which the money parser (amounts of deals, never below a thousand units) leaves out.
_SUBUNIT_PRICE = re.compile(
    r"(?<![\w.,$€£])(?P<n>(?:\d{1,3}(?:,\d{3})+|\d{1,5})(?:\.\d+)?)"
    r"(?:(?P<p>p)|\s+(?P<word>pence|cents|cts))\b",
    re.I,
)


def _subunit_prices(sentence: str) -> list[Money]:
    return [
        Money(
            value=float(m["n"].replace(",", "")) / 100,
            currency="GBP" if (m["p"] or (m["word"] or "").lower() == "pence") else "USD",
            start=m.start(),
            end=m.end(),
            text=m.group(0),
        )
        for m in _SUBUNIT_PRICE.finditer(sentence)
    ]


def share_price(sentence: str, amounts: list[Money]) -> Money | None:
    """The price a sentence bids or pays per share ("agreed to buy Embraer for $28 a share",
    "Broadcom's $70-a-share bid"), or None: prices per share that are a market quote, a
    dividend or a share of earnings are never a deal's. Of several, the one a bid was
    raised to ("raised its offer to 42 dlrs from 40.50 dlrs a share") else the first."""
    bids = [
        m
        for m in sorted([*amounts, *_subunit_prices(sentence)], key=lambda m: m.start)
        # (no share sells for a million: "€3.2bn" beside "shares" is a total)
        if m.value < 1_000_000
        and (is_per_share(sentence, m) or _each_share(sentence, m))
        and (
            _BID_BEFORE.search(sentence[: m.start])
            or re.match(
                r"-a-share\s+(?:[\w-]+\s+)?(?:bid|offer|deal|price|proposal)", sentence[m.end :]
            )
        )
        and not _NOT_A_BID_BEFORE.search(sentence[: m.start])
        and not _NOT_A_BID_AFTER.match(sentence[m.end :])
    ]
    if not bids:
        return None
    raised = [m for m in bids if re.search(r"\bto\s+$", sentence[: m.start])]
    return (raised or bids)[0]


def round_name(raw: str) -> str:
    lowered = raw.lower()
    if lowered.startswith("series"):
        return "Series " + raw.split()[-1].upper()
    if lowered.startswith("pre-series"):
        return "pre-Series " + raw.split()[-1].upper()
    return lowered


# "The Vision Fund will make its investment in two tranches: $900 million at closing and"
IN_TRANCHES = re.compile(
    r"\b(?:its|the|their|this)\s+investment\s+in\s+(?:two|three|four|several|\d+)\s+"
    r"(?:tranches|instal?ments|stages|payments|parts)\b",
    re.I,
)


# What a company makes or sells, named after it ("its Oculus headsets", "Nvidia's chips"):
# goods bought or sold, not the company
GOODS = (
    r"(?:headsets?|phones?|smartphones?|devices?|products?|cars?|vehicles?|trucks?|drugs?|"
    r"medicines?|vaccines?|apps?|games?|consoles?|chips?|GPUs?|processors?|servers?|hardware|"
    r"software|services?|speakers?|watches?|laptops?|tablets?|aircraft|jets?|planes?|capacity|"
    r"computing\s+power|cloud\s+(?:capacity|services|computing))\b"
    # ("HTC's smartphone business" is a unit, not goods)
    r"(?!\s+(?:business|unit|division|operations|arm|group|maker|subsidiary)\b)"
)

# The sign or word after a share's number: "16%", "80 pct", "9.99 per cent"
PERCENT_SIGN = r"\s*(?:%|per ?cent|percent|pct)"
