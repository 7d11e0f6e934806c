"""Deal records from article text: investments (funding rounds, stakes, infrastructure
pledges), valuations, acquisitions and partnerships, each with its evidence sentence.

Rules work per sentence, with a little article context for references such as "the
company" or "it" (the organisation the text is currently about). Precision comes first:
a record needs a named recipient, an amount must be bound to the event by position, and
hedged or negated sentences are stored with a low confidence or dropped.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from flows.deals import EXTRACTOR_VERSION
from flows.deals.currency import to_usd
from flows.deals.dates import announced_on
from flows.deals.entities import (
    Entity,
    Vocabulary,
    category_of,
    demonym_place,
    find_entities,
    name_key,
    vocabulary_of,
)
from flows.deals.money import Money, find_amounts, primary_amounts
from flows.deals.sentences import split_sentences

LOW_CONFIDENCE = 0.5  # below this a record is stored but flagged


@dataclass
class DealRecord:
    kind: str  # investment | valuation | acquisition | partnership
    recipient: str
    recipient_kind: str  # company | country | region | city | sector
    evidence: str
    span_start: int
    span_end: int
    investors: list[str] = field(default_factory=list)  # lead first
    lead_investors: list[str] = field(default_factory=list)
    subtype: str | None = None  # funding_round | stake | infrastructure | equity | debt | sector
    amount: float | None = None
    amount_high: float | None = None
    currency: str | None = None
    amount_usd: float | None = None
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


_AI_TERMS = re.compile(
    r"\b(?:AI|A\.I\.|artificial intelligence|machine learning|deep learning|generative|"
    r"LLMs?|large language models?|foundation models?|neural|GPUs?|chatbots?|data cent(?:er|re)s?|"
    r"superintelligence|AGI|inference|model training|computer vision|robotics)\b",
    re.I,
)
# "it", "the company", "the Boston-based company", "the online giant", "the drugmaker"
_REFERENCE = re.compile(
    r"\b(?:it|the(?:\s+[A-Z][\w-]+,\s+[A-Z][\w.]+,)?(?:\s+[\w-]+){0,2}?\s+"
    r"(?:company|firm|startup|start-up|group|lab|giant|"
    r"maker|business|platform|developer|investor|fund|conglomerate|lender|bank|insurer|"
    r"retailer|grocer|carrier|airline|automaker|carmaker|drugmaker|chipmaker|biotech|"
    r"manufacturer|operator|supplier|miner|utility|network|studio|unit))\b",
    re.I,
)
# Money given away is not an investment; a grant is funding of its own kind (subtype
# "grant"), read by _grant_record alone.
_GIFT = re.compile(
    r"\b(?:donat(?:e|es|ed|ion|ions)|grants?|charit(?:y|able)|philanthrop\w*)\b", re.I
)
_DONATION = re.compile(r"\b(?:donat(?:e|es|ed|ion|ions)|charit(?:y|able)|philanthrop\w*)\b", re.I)
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
    r"hand(?:s|ed|ing)?\s+out|announc(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|offer(?:s|ed|ing)?)"
    r"\s+(?:an?\s+|its\s+|their\s+)?$",
    re.I,
)
# "Duke awarded UNC Charlotte a $76,521 grant": the receiver between the verb and the grant.
_GRANT_TO_OBJECT = re.compile(
    r"\b(?:award(?:s|ed|ing)?|give(?:s|n)?|gave|giving|grant(?:s|ed|ing)?|fund(?:s|ed|ing)?)\s+"
    r"(?P<receiver>(?:[\w.&'’-]+\s+){1,6}?)(?:with\s+)?an?\s+$",
    re.I,
)
_GRANT_NOUN = re.compile(r"^\s*(?:in\s+(?P<field>(?:[\w-]+\s+){0,4}?))?grants?\b", re.I)
_HEDGE = re.compile(
    r"\b(?:in talks|talks to|considering|considers|could|might|(?-i:may)|reportedly|rumou?red|"
    r"is said to|are said to|seeking|seeks|looking to|would|people familiar|sources said)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not|no longer|never|denied|denies|called off|scrapped|abandoned|pulled out|"
    r"walked away|terminated|cancell?ed|blocked|unsuccessfully|failed to|at no time|no plans?)\b",
    re.I,
)
_ROUND = re.compile(
    r"\b(pre-seed|seed|Series [A-Z]\d?(?:\+)?|growth|debt|bridge|mezzanine|angel)"
    r"(?=\s+(?:funding|round|financing|extension|investment|raise|capital)|\s*[,.]|\s+led\b)",
    re.I,
)
_FUNDING = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|land(?:s|ed)?|"
    r"bag(?:s|ged)?|nab(?:s|bed)?|complet(?:e|es|ed)|announc(?:e|es|ed)|gets?|got|receiv(?:e|es|ed))\b"
    # "receive bids from", "secured approval from": things other than money come from others
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:bids?|orders?|offers?|approvals?|applications?|proposals?|"
    r"complaints?|requests?|calls?|letters?|notices?|support|attention|praise|criticism|"
    r"feedback|awards?|contracts?|permission|permits?|licen[cs]es?|votes?|incentives?|"
    r"packages?|tax|subsid(?:y|ies))\b)"
    r"(?=.*?\b(?:funding|round|financing|Series [A-Z]|seed|capital|investment|from|led by|"
    r"(?-i:fund))\b)",
    re.I,
)
_RAISE_VERB = re.compile(r"\brais(?:e|es|ed|ing)\b", re.I)
_INVEST = re.compile(
    r"\b(?:invest(?:s|ed|ing|ment|ments)?|commit(?:s|ted|ting|ment)?|pledg(?:e|es|ed|ing)|"
    r"pour(?:s|ed|ing)?|inject(?:s|ed|ing)?|plough(?:s|ed)?|"
    r"back(?:s|ed|ing)?|fund(?:s|ed|ing)?|led|leads|co-led)\b",
    re.I,
)
_ACQUIRE = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|acquisitions? of|buy(?:s|ing)?|bought|purchase of|"
    r"purchas(?:e|es|ed|ing)|"
    r"takeover of|take over|took over|takes over|snap(?:s|ped)? up|scoop(?:s|ed)? up|"
    r"buyout of|(?:takeover\s+)?bid for|offer for|merger with|"
    r"(?:gain(?:s|ed|ing)?|took|tak(?:e|es|en|ing)|assum(?:e|es|ed|ing))\s+"
    r"(?:[\w%.]+\s+){0,4}?control of|"
    r"merg(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,6}?with)\b",
    re.I,
)
# What may stand between "buy" and the company bought: "all of troubled Wachovia",
# "privately-held medical benefit management company eviCore".
_BUY_GAP = re.compile(
    r"\s*(?:(?:a|an|the|its|rival|up|out|startup|start-up)\s+){0,3}"
    r"(?:all\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?"
    r"|(?:[A-Z][a-z]+(?:-based)?\s+)?"
    r"(?:(?!(?:for|from|to|in|on|at|with|by|of|via|through|and|or)\b)[a-z][\w-]*\s+){0,5}"
    r"[a-z]*(?:company|firm|maker|provider|start-?up|group|chain|operator|"
    r"developer|platform|business|rival|retailer|grocer|lender|insurer|bank|brand|studio|"
    r"supplier|manufacturer)\s+)?"
)
_DEFINITE = re.compile(r"\s*the\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*\b")
_NOUN_TRIGGERS = ("acquisition", "purchase", "takeover", "buyout", "bid", "offer")

_TIME_POSSESSIVE = re.compile(
    r"\b(?:last|this|next)\s+(?:year|month|week|quarter)['’]s\s+(?:[\w$€£¥.\-]+\s+){0,3}$"
    r"|\b(?:19|20)\d\d['’]s\s+(?:[\w$€£¥.\-]+\s+){0,3}$",
    re.I,
)
_FRONTED_CLAUSE = re.compile(r"\W*(?:In|By|After|Before|While|When|With|Since)\s+\w+ing\b")
_GERUND_OPENING = re.compile(r"^\W*(?:(?:by|before|after|since|in|through|while|with)\s+)?$", re.I)
_OVERSEER_VERB = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:cleared|approved|blocked|sued|challenged|reviewed|probed|"
    r"rejected|questioned|investigated|opposed|backed|welcomed|criticised|criticized)\b",
    re.I,
)
# Between a company and the "it" of "X said it ...": a legal form, a ticker, an appositive.
_SAID = re.compile(
    r"(?:[\s,]+(?:[A-Z][\w.&]*|of)){0,4}>?(?:\s*\([^)]*\))?"
    r"(?:,\s+(?:a|an|the|\w+ing)\s+[^,]{1,100},)?\s+(?:has\s+|had\s+)?(?:also\s+)?"
    r"(?:said|says|announced|announces|reported|stated|confirmed|disclosed|added|told\s+\w+)"
    r"\s+(?:on\s+\w+\s+)?(?:that\s+)?"
)
# Nouns naming a purchase, whose possessor is the buyer: "its $13.7 billion acquisition of".
_ACQUISITION_NOUN = re.compile(
    r"^(?:acquisitions? of|purchase of|takeover of|buyout of|(?:takeover\s+)?bid for|offer for|"
    r"merger with)",
    re.I,
)
# The possessor and up to four modifiers of the noun ("its proposed $13.7 billion"); no
# comma or verb in between ("Humira's eventual zenith, AbbVie has been investing").
_POSSESSOR = re.compile(
    r"(?:\b(its|their)|(\S+)['’]s?)\s+"
    r"(?:(?!(?:has|have|had|is|are|was|were|been|be|will|would|said|says)\b)[\w$€£¥.\-]+\s+){0,4}?$",
    re.I,
)
# "the Whole Foods acquisition", "Its Whole Foods deal", "the AT&T - Time Warner merger"
_COMPOUND_NOUN = re.compile(
    r"\s*(?:(acquisition|purchase|takeover|buyout)|(deal|merger|combination|tie-up))\b"
    r"(?!\s+(?:of|by|with|for|talks|strategy|spree|targets?|opportunit\w*)\b)",
    re.I,
)
# "the Disney stake ranked 13th in Viking's portfolio", "its Alibaba stake"
# ("Mourinho holding up a shirt" is a verb.)
_COMPOUND_STAKE = re.compile(
    r"\s*(?:stake|holding)\b(?!\s+(?:in|of|up|out|on|onto|off|back|down|a|an|the|his|her|its|"
    r"their|talks|company|companies)\b)",
    re.I,
)
# "Viking bought $250 million of Disney stock", "loaded up on Disney shares"
_SHARE_BUY = re.compile(
    r"\b(?:bought|buys|buying|purchased|purchases|acquired|loaded up on|loads up on|amassed|"
    r"snapped up|added)\s+(?:(?:more|additional|some)\s+)?"
    r"(?:(?P<money>\S+(?:\s+\S+){0,2}?)\s+(?:worth\s+)?of\s+)?$",
    re.I,
)
_ACQUIRED_BY = re.compile(
    r"\b(?:acquired|bought|purchased|taken over|snapped up|scooped up)\s+by\b", re.I
)
_PARTNER = re.compile(
    r"\b(?:partnership|partnered|partners|partnering|teamed up|teams up|team up|alliance|"
    r"collaboration|tie-up|joined forces)\s+with\b",
    re.I,
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
    r"(?:(?:in|into|on|at|toward|towards)\s+|to\s+(?=\d+\s)|decisions?\s+(?:on|for)\s+|"
    r"to\s+(?:develop|build|expand|upgrade|modernize|modernise|fund|support)\s+)",
    re.I,
)
# "earmarked €5 billion for AI research": money set aside for a purpose.
_FOR_OBJECT = re.compile(r"^\s*for\s+", re.I)
_SET_ASIDE = ("earmark", "mobilis", "mobiliz", "allocat")
_NP_STOP = re.compile(
    r"[,;:()\"“”?!]|\s[-–—]+\s|\.(?:\s|$)|\s(?:in|over|through|by|for|with|to|that|which|as|"
    r"from|including|while|since|during|after|before|until|instead|rather|because|so|this|"
    r"next|last|per|each|than|who|where|when|is|are|was|were|will|would|has|have|had|"
    r"should|shouldn't|could|can|must|may|might|be|been|being|do|does|did)\b",
    re.I,
)
_NP_REJECT = re.compile(
    r"^(?:it|them|this|that|these|those|us|you|what|which|whatever|something|anything|"
    # "invest in price", "invest in our people": ways of running a business, not recipients
    r"price|prices|pricing|wages|people|employees|workers|staff|talent|customers|quality|"
    r"ourselves|themselves|itself|growth|innovation|"
    # returning cash to shareholders is not investing it
    r"(?:stock\s+|share\s+)?(?:buy-?backs?|repurchases?|dividends?)\b.*|"
    # "investing $10 million in its seed round": the round is the company's, named elsewhere
    r"(?:(?:pre-seed|seed|series \w+|growth|bridge|latest|new|funding|financing)\s+)*"
    r"(?:round|rounds|funding|financing)|"
    r"everything|nothing|check|cash|stock|shares|total|part|order|general|"
    r"turn|addition|fact|particular|region|area|world|markets?|business|compan(?:y|ies)|"
    r"future|people|community|economy|country|state|city|\w+ing|the (?:quarter|year|"
    r"month|period|past|future|meantime|end)|(?:the )?(?:first|second|third|fourth) (?:half|"
    r"quarter)|recent years?|(?:\d{4}|q\d|fy\d+)|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b.*)$",
    re.I,
)
_DETERMINER = re.compile(r"^(?:(?:the|a|an|its|their|our|his|her)(?:\s+|$))+", re.I)
# Nouns as often as verbs: they count only with the amount right after ("shift $7 billion").
_NEEDS_AMOUNT = {"shift", "shifts", "shifted", "shifting", "bet", "bets", "betting", "lent"}
_NEEDS_AMOUNT |= {"lend", "lends", "lending", "plan", "programme", "program", "package", "scheme"}
_WE = re.compile(r"^\W*(?:we|we've|we're|we'll)\b", re.I)
# A company selling its own debt: "GM is issuing $3 billion in corporate debt".
_DEBT_ISSUE = re.compile(
    r"\b(?:issu(?:e|es|ed|ing)|sell(?:s|ing)?|sold|pric(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|"
    r"float(?:s|ed|ing)?|tap(?:s|ped|ping)?)\b",
    re.I,
)
_DEBT_AFTER = re.compile(
    r"^\s*(?:(?:of|in|worth of)\s+)?(?:(?:new|corporate|senior|unsecured|secured|convertible|"
    r"investment-grade|high-yield|junk|green|long-term|\d+-year)\s+){0,3}"
    r"(?:bonds?|debt|notes|debentures|commercial paper)\b(?!\s+(?:funds?|prices?|yields?))",
    re.I,
)

# "Florida banks", "Nest products": a name used as a modifier of a plural noun.
_MODIFIED_PLURAL = re.compile(
    r"\s+(?:banks|stores|assets|operations|businesses|plants|factories|mills|units|stations|"
    r"properties|hotels|brands|divisions|subsidiaries|networks|outlets|restaurants|franchises|"
    r"interests|mines|fields|refineries|pipelines|branches|locations|facilities|licen[cs]es)\b"
)
# "buy a USB-PD battery": a name followed by a plain noun is a brand of what is bought. Verbs
# ("Google bought Nest and ..."), adverbs and prepositions may follow a real target.
_MODIFIED_NOUN = re.compile(
    r"\s+(?!(?:for|from|in|at|on|to|and|or|but|with|last|this|earlier|later|after|before|which|"
    r"that|who|as|by|over|under|into|since|until|while|when|the|a|an|its|their|outright|back|"
    r"together|recently|also|was|is|were|are|had|has|will|would|could|can|may|might|did|does|"
    r"through|via|per|plus|than|then|so|yet|now|today|all|both|just|only|even|more|from)\b)"
    r"[a-z]{3,}(?<!s)(?<!ed)(?<!ly)\b"
)
# "TWA's application to acquire USAir": the possessor of the plan is the buyer.
_PLAN_TO = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:application|bid|offer|plan|plans|attempt|proposal|move|"
    r"effort|agreement|deal|decision|intention|intent)\s+to\s+$",
    re.I,
)

_SELL = re.compile(
    r"\b(?:sold|sell(?:s|ing)?|sale\s+of|placed|plac(?:e|es|ing)|dispos(?:e|es|ed|ing)\s+of|"
    r"divest(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|trim(?:s|med|ming)?|"
    r"unload(?:s|ed|ing)?|offload(?:s|ed|ing)?|exit(?:s|ed|ing)?)\b[^,;]*$",
    re.I,
)
_PROCEEDS = re.compile(
    r"\b(?:by|from|through|via)\s+(?:the\s+)?(?:sell(?:ing)?|sale|sales|divest\w*|"
    r"spin(?:ning)?[- ]?off|dispos\w+|cutting|cost cuts)\b",
    re.I,
)
# "raised its investment / offer / dividend": a company raising a figure of its own.
_RAISED_OWN = re.compile(
    r"\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:investments?|stake|spending|offer|"
    r"bid|commitment|budget|forecasts?|guidance|outlook|dividends?|prices?|targets?|"
    r"estimates?|capex|capital expenditures?|pay|wages?|salar(?:y|ies)|rates?|fees?)\b",
    re.I,
)
# A round whose size is not told: "raised an undisclosed round", "closed its Series B".
_UNPRICED_ROUND = re.compile(
    r"\bundisclosed\s+(?:round|amount|sum|funding|investment)\b|"
    r"\b(?:pre-seed|seed|Series [A-Z]\d?)\s+(?:funding\s+|financing\s+)?round\b",
    re.I,
)
# "took a stake in Fox", "increasing its stake in BAMTech"
_STAKE_TAKEN = re.compile(
    r"\b(?:took|tak(?:e|es|en|ing)|acquir(?:e|es|ed|ing)|bought|buy(?:s|ing)?|buil(?:t|ds?|ding)|"
    r"rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|lift(?:s|ed|ing)?)\s+"
    r"(?:a|an|its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?stake\s+(?:in|into)\b",
    re.I,
)

# "$250 million stake in Disney", "a $3.5 billion position in P&G"
_AMOUNT_STAKE = re.compile(r"\b(?:stake|position|holding)\s+in\b", re.I)
_STAKE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+(?:\w+\s+){0,2}?"
    r"(?:stake|interest)(?=\s+in\b)",
    re.I,
)
_VALUATION_BEFORE = re.compile(
    r"(?:valued\s+(?:it\s+|the\s+\w+\s+)?at|valuation\s+of|"
    r"valuing\s+(?:it|the\s+\w+|[A-Z][\w ]*?)\s+at|"
    r"values?\s+(?:it|the\s+(?:[\w\-]+\s+){0,2}[\w\-]+|[A-Z][\w ]*?)\s+at|"
    r"valuation\s+(?:that|which)?\s*"
    r"(?:exceeded|topped|of|reached|hit|surpassed)?|(?:is|was|now)\s+worth|"
    r"market cap(?:italisation|italization)?\s+of)"
    r"\s*(?:about|around|over|more than|nearly|roughly|some)?\s*$",
    re.I,
)
_VALUATION_AFTER = re.compile(r"^\s*(?:post-money\s+|pre-money\s+)?valuation\b", re.I)
_LEAD = re.compile(r"\b(?:co-)?led by\s+", re.I)
_PARTICIPANTS = re.compile(
    r"\b(?:with participation (?:from|of)|participation from|alongside|along with|joined by|"
    r"investors? (?:including|include|included|such as)|backed by|from(?= (?:investors|[A-Z])))\s+",
    re.I,
)


def is_ai_text(title: str | None, body: str | None) -> bool:
    """An article is about AI when its headline says so or its body does more than once."""
    return bool(_AI_TERMS.search(title or "")) or len(_AI_TERMS.findall(body or "")) >= 2


@dataclass
class _Context:
    """What the article is about so far: resolves "the company", "it"."""

    focus: Entity | None = None
    last_recipient: Entity | None = None
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    targets: set[str] = field(default_factory=set)  # name keys of acquisition targets so far
    last_target: Entity | None = None
    last_round: DealRecord | None = None  # the funding round "the round" refers to
    # How often, and how lately, each organisation was named: the most salient one is what
    # "the company" means. Older mentions fade so a story can move on to another company.
    mentions: dict[str, float] = field(default_factory=dict)
    named: dict[str, Entity] = field(default_factory=dict)

    def focus_other_than(self, name: str) -> Entity | None:
        """The most salient organisation that is not ``name``: "the entertainment company
        owns 97% of Euro Disney" in a story about Euro Disney means its owner."""
        others = [k for k in self.mentions if k != name_key(name)]
        return self.named[max(others, key=lambda k: self.mentions[k])] if others else None

    def fade(self) -> None:
        for key in self.mentions:
            self.mentions[key] *= 0.8

    def mention(self, entity: Entity, weight: float = 1.0) -> None:
        key = name_key(entity.name)
        self.mentions[key] = self.mentions.get(key, 0.0) + weight
        self.named[key] = entity
        best = max(self.mentions, key=lambda k: self.mentions[k])
        if key == best:
            self.focus = entity


def extract_records(
    text: str, published: dt.date | None = None, title: str | None = None
) -> list[DealRecord]:
    """Every deal record in an article's text (title not included in spans)."""
    context = _Context(vocabulary=vocabulary_of(text))
    # An all-capitals wire headline ("SCOTT'S HOSPITALITY ACQUIRES") hides which words are
    # names; the body says it better.
    if title and not title.isupper():
        orgs = [e for e in find_entities(title, context.vocabulary) if not e.is_place]
        if orgs:
            context.mention(orgs[0], weight=2.0)
    records: list[DealRecord] = []
    for sentence in split_sentences(text):
        records.extend(_extract_sentence(sentence.text, sentence.start, published, context))
    return _drop_vaguer(_dedupe(records))


def _extract_sentence(
    sentence: str, offset: int, published: dt.date | None, context: _Context
) -> list[DealRecord]:
    entities = find_entities(sentence, context.vocabulary)
    orgs = [e for e in entities if not e.is_place]
    # Below a thousand units an amount is a price ("raised its offer to 7.50 dlrs from six"),
    # never what a deal or a company is worth.
    amounts = [m for m in primary_amounts(find_amounts(sentence)) if m.value >= 1000]
    out: list[DealRecord] = []
    date = announced_on(sentence, published)

    valuation_amounts = [m for m in amounts if _is_valuation_amount(sentence, m)]
    # "raised its offer to 8.5 dlrs a share": a price per share is never a deal's amount.
    event_amounts = [
        m for m in amounts if m not in valuation_amounts and not _is_per_share(sentence, m)
    ]

    def make(kind: str, recipient: Entity, **fields: Any) -> DealRecord:
        record = DealRecord(
            kind=kind,
            recipient=recipient.name,
            recipient_kind="company" if recipient.kind == "org" else recipient.kind,
            evidence=sentence,
            span_start=offset,
            span_end=offset + len(sentence),
            announced_on=date,
            **fields,
        )
        record.is_ai = bool(_AI_TERMS.search(sentence)) or _is_ai_org(record.recipient)
        if record.amount is not None and record.currency:
            # USD at the article's date: the rate a reader of the story would have seen.
            record.amount_usd = to_usd(record.amount, record.currency, published or date)
        return record

    main: DealRecord | None = None
    acquire = _ACQUIRE.search(sentence)
    stake = _STAKE.search(sentence)
    funding = None
    if not acquire:
        funding = _FUNDING.search(sentence) or _raise_before_money(sentence, event_amounts)
        if funding and _PROCEEDS.search(sentence, funding.end()):
            funding = None  # "could raise $13 billion by selling assets": proceeds, not funding
        if funding and _RAISED_OWN.match(sentence, funding.end()):
            funding = None  # "raised its investment to $5 billion": its own figure, not money in
    invest = _INVEST.search(sentence)
    gift = bool(_GIFT.search(sentence))

    grant = (
        _grant_record(sentence, entities, orgs, event_amounts, context, make)
        if gift and not _DONATION.search(sentence)
        else None
    )
    if grant is not None:
        # "Halvard Labs, which received a $3 million grant last year, raised $40 million":
        # the grant's amount is spent; the rest of the sentence may hold another deal.
        event_amounts = [
            m
            for m in event_amounts
            if m.value != grant.amount and not _GRANT_NOUN.match(sentence[m.end :])
        ]
    if (bought := _PERCENT_BOUGHT.search(sentence)) is not None and (
        main := _percent_owned(sentence, orgs, context, make, bought, event_amounts)
    ):
        pass  # "Meta acquires 49% of Scale AI": a stake, not a takeover
    elif stake and re.search(r"\b(?:stake|interest)\s+in\b", sentence[stake.start() :]):
        main = _stake_record(sentence, stake, orgs, event_amounts, context, make)
    elif (holding := _AMOUNT_STAKE.search(sentence)) and event_amounts:
        main = _stake_record(sentence, holding, orgs, event_amounts, context, make)
    elif (held := _STAKE_TAKEN.search(sentence)) and not event_amounts:
        # "Berkshire took a stake in Fox": a holding without a stated price.
        main = _stake_record(sentence, held, orgs, [], context, make)
    elif acquire and not (_ROUND.search(sentence) and invest):
        # "Solvay acquired Unimed in 1999, and Abbott purchased Solvay in 2010": every
        # buying clause of the sentence, each target once.
        acquisitions: list[DealRecord] = []
        for trigger in _ACQUIRE.finditer(sentence):
            seen = {name_key(a.recipient) for a in acquisitions}
            found = _acquisition_records(sentence, trigger, orgs, amounts, context, make)
            acquisitions.extend(a for a in found if name_key(a.recipient) not in seen)
        out.extend(acquisitions[1:])
        main = acquisitions[0] if acquisitions else None
    elif (
        funding
        and event_amounts
        and (_ROUND.search(sentence) or not funding.group(0).lower().startswith("announc"))
    ):
        main = _funding_record(sentence, funding, orgs, event_amounts, context, make)
    elif funding and not event_amounts and _UNPRICED_ROUND.search(sentence):
        # "Dragonfly said it had raised an undisclosed round from Celgene's Swiss affiliate"
        main = _funding_record(sentence, funding, orgs, [], context, make)
    elif invest and not event_amounts and invest.group(0).lower() in {"led", "leads", "co-led"}:
        # "Google Ventures then led Nest's Series B round of financing"
        main = _led_round(sentence, invest, orgs, context, make)
    elif invest and event_amounts and not gift:
        main = _investment_record(sentence, invest, entities, orgs, event_amounts, context, make)
    if main is None:
        main = _compound_acquisition(sentence, orgs, amounts, context, make)
    if main is None:
        main = _merger_of_two(sentence, orgs, amounts, make)
    if main is None:
        main = _sale_record(sentence, orgs, event_amounts, context, make)
    if main is None:
        main = _holding_record(sentence, orgs, event_amounts, context, make)
    if main is None:
        main = _percent_owned(sentence, orgs, context, make)
    if main is None:
        main = _recapitalisation(sentence, orgs, event_amounts, context, make)
    if main is None and not gift:
        main = _lending_record(sentence, entities, orgs, event_amounts, context, make)
    if main is None and not gift:
        main = _debt_issue(sentence, orgs, event_amounts, context, make)
    if main is None and not gift:
        main = _sector_investment(sentence, entities, orgs, event_amounts, context, make)
    if main is None and not gift:
        main = _field_spend(sentence, entities, orgs, event_amounts, context, make)
    if main is None:
        main = _new_vehicle(sentence, entities, orgs, event_amounts, context, make)
    if main is not None:
        out.insert(0, main)
    if main is not None and main.kind == "investment" and acquire and not out[1:]:
        # "commit $5.2 bn in debt financing to help Thermo Fisher purchase Patheon NV at an
        # enterprise value of $7.2 bn": the financing and the purchase it pays for.
        rest = [m for m in amounts if m.value != main.amount]
        involved = {name_key(main.recipient), *(name_key(n) for n in main.investors)}
        for trigger in _ACQUIRE.finditer(sentence):
            for record in _acquisition_records(sentence, trigger, orgs, rest, context, make):
                if name_key(record.recipient) not in involved:
                    involved.add(name_key(record.recipient))
                    out.append(record)

    if grant is not None:
        out.append(grant)

    for money in valuation_amounts:
        target = main.recipient if main and main.recipient_kind == "company" else None
        entity = _valuation_subject(sentence, money, orgs, context, target)
        if entity is not None:
            out.append(make("valuation", entity, confidence=0.75, **_money_fields(money)))
            if main is None and (lead := _LEAD.search(sentence, money.end)) is not None:
                # "Character.AI was valued at $1 billion in a round led by Andreessen
                # Horowitz": the round itself, its size untold.
                leads, investors = _investors_from(sentence, orgs, entity.name)
                if leads and re.search(r"\bround\b", sentence[money.end : lead.start()], re.I):
                    round_match = _ROUND.search(sentence)
                    main = make(
                        "investment",
                        entity,
                        subtype="funding_round",
                        investors=investors,
                        lead_investors=leads,
                        round=_round_name(round_match[1]) if round_match else None,
                        confidence=0.8,
                    )
                    out.insert(0, main)

    if (partner := _PARTNER.search(sentence)) and main is None:
        left = _subject_before(sentence, partner.start(), orgs, context)
        right = _first_after(partner.end(), orgs)
        if right is not None and not re.fullmatch(
            r"\s*(?:(?!(?:around|in|at|for|to|from|of|on|across|with|by|and|or)\b)[\w-]+\s+){0,4}",
            sentence[partner.end() : right.start],
        ):
            right = None  # "partnering with dealerships around the Carolinas"
        if left and right and name_key(left.name) != name_key(right.name):
            out.append(make("partnership", right, investors=[left.name], confidence=0.75))

    for record in out:
        scope = _scope(sentence, record.recipient)
        _score(record, bool(_NEGATION.search(scope)), _is_hedged(scope))
    if not out and context.last_round is not None:
        _round_investors(sentence, orgs, context.last_round)
    _update_context(context, sentence, orgs, out)
    kept = [r for r in out if round(r.confidence, 2) > 0.15]
    rounds = [r for r in kept if r.kind == "investment" and r.subtype == "funding_round"]
    if rounds:
        context.last_round = rounds[0]
    elif kept:
        context.last_round = None  # the story moved on to another deal
    return kept


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


def _round_investors(sentence: str, orgs: list[Entity], record: DealRecord) -> None:
    led = _LED_THE_ROUND.search(sentence)
    # The round must be what the sentence is about ("The round was led by"), not a word in
    # passing ("will use the funding to hire engineers from Halvard").
    if led is None and not _ROUND_REFERENCE.match(sentence.lstrip(' "“')):
        return
    leads, investors = _investors_from(sentence, orgs, record.recipient)
    if led is not None and not leads:
        before = [e for e in orgs if e.end <= led.start()]
        if before:
            leads = _coordinated(sentence, before, before[-1])
            investors = list(dict.fromkeys([*leads, *investors]))
    investors = [n for n in investors if name_key(n) != name_key(record.recipient)]
    if not investors:
        return
    record.lead_investors = list(dict.fromkeys([*record.lead_investors, *leads]))
    record.investors = list(dict.fromkeys([*record.lead_investors, *record.investors, *investors]))
    record.confidence = max(record.confidence, 0.8)


# "Google said it would invest", "Acme announced that it would buy": a company telling what
# it will do announces it; "would" hedges only a deal nobody has announced.
_ANNOUNCED_WOULD = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|told\s+\w+)\s+(?:on\s+\w+\s+)?"
    r"(?:that\s+)?(?:it|they|the\s+(?:[\w-]+\s+)?\w+|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
    r"\s+(?:also\s+)?$"
)


def _is_hedged(scope: str) -> bool:
    return any(
        not (h.group(0).lower() == "would" and _ANNOUNCED_WOULD.search(scope[: h.start()]))
        for h in _HEDGE.finditer(scope)
    )


def _scope(sentence: str, recipient: str) -> str:
    """The part of the sentence a record's hedges and negations can reach: up to the end of
    the clause naming the recipient ("..., investors complained they could not" is another
    clause)."""
    at = sentence.find(recipient)
    if at < 0:
        return sentence
    end = _NEXT_CLAUSE.search(sentence, at + len(recipient))
    return sentence[: end.start()] if end else sentence


_NEXT_CLAUSE = re.compile(
    r",\s+(?:but|while|although|though|whereas|and|investors|analysts|they|he|she|critics|"
    r"which|who|whose|where)\b"
    r"|\s(?:while|whereas|although|though)\s|;|\s[-–—]+\s"
)


def _raise_before_money(sentence: str, amounts: list[Money]) -> re.Match[str] | None:
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
    return None


def _money_fields(money: Money) -> dict[str, Any]:
    return {
        "amount": money.value,
        "amount_high": money.high,
        "currency": money.currency,
        "qualifier": money.qualifier,
    }


def _is_valuation_amount(sentence: str, money: Money) -> bool:
    before = sentence[max(0, money.start - 60) : money.start]
    after = sentence[money.end : money.end + 30]
    if _VALUATION_AFTER.match(after):
        return True
    if not _VALUATION_BEFORE.search(before):
        return False
    # "agreed to buy X in a deal valued at $N", "its last offer for the company, valued at":
    # the price of an acquisition, not a valuation.
    if re.search(
        r"\b(?:deal|transaction|acquisition|purchase|offer|bid)\b[^.;]{0,40}$", before, re.I
    ):
        return False
    # "sales of loans and mortgage securities valued at $1.1 billion": things, not a company.
    # "an incentive package from the city and state valued at as much as $145 million"
    return not re.search(
        r"\b(?:securities|assets|loans|properties|shares|stock|bonds|notes|portfolio|"
        r"inventory|contracts?|orders?|goods|package|incentives?|awards?|grants?|bonus|pay|"
        r"compensation)\b[^.;]{0,50}?valued\s+at\s*"
        r"(?:about|around|over|more than|nearly|roughly|some|as much as|up to)?\s*$",
        before,
        re.I,
    )


def _is_ai_org(name: str) -> bool:
    category = category_of(name)
    return bool(category and category.startswith("ai")) or bool(re.search(r"\bAI\b|\.ai\b", name))


def _resolve(
    sentence: str, before: int, context: _Context, prefer_recipient: bool
) -> Entity | None:
    """The referent of "it"/"the company" right before position ``before``."""
    refs = list(_REFERENCE.finditer(sentence[:before]))
    if not refs:
        return None
    if prefer_recipient and context.last_recipient is not None:
        return context.last_recipient
    return context.focus


# "Former Google CEO Eric Schmidt backed ...": the company is the person's affiliation; the
# person acts.
_AFFILIATION = re.compile(
    r"['’]?s?\s+(?:former\s+|then-|co-)?(?:CEO|chief executive|founder|co-founder|chairman|"
    r"chairwoman|president|executive|CTO|CFO|COO|boss|head|partner)\s+"
    r"(?:and\s+\w+\s+)?(?P<person>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})"
)


def _subject_before(
    sentence: str, pos: int, orgs: list[Entity], context: _Context, prefer_recipient: bool = False
) -> Entity | None:
    """The organisation (or the person working for it) acting in a clause before ``pos``."""
    subject = _org_subject_before(sentence, pos, orgs, context, prefer_recipient)
    if subject is None or subject.end == 0:
        return subject
    person = _AFFILIATION.match(sentence, subject.end)
    # ("Microsoft CEO Satya Nadella said the company would invest": the company acts.)
    if (
        person is not None
        and person.end("person") <= pos
        and not _REFERENCE.search(sentence[person.end("person") : pos])
    ):
        name = person.group("person")
        return Entity(name, name, person.start("person"), person.end("person"), "person")
    return subject


def _org_subject_before(
    sentence: str, pos: int, orgs: list[Entity], context: _Context, prefer_recipient: bool = False
) -> Entity | None:
    """The organisation acting in a clause: the last org before ``pos`` unless a reference
    ("it", "the company") comes after it."""
    # ('Amazon aspired to be the "Everything Store"': a quoted epithet does not act.)
    left = [
        e
        for e in orgs
        if e.end <= pos
        and not (
            sentence[e.start - 1 : e.start] in {'"', "“"}
            and re.match(r"[,.]?[\"”]", sentence[e.end : e.end + 2])
        )
    ]
    ref_matches = [
        r for r in _REFERENCE.finditer(sentence[:pos]) if not _appositive(sentence, r, orgs)
    ]
    # "The Dearborn, Mich., auto maker": a name inside the description is not the actor.
    left = [
        e
        for e in left
        if not any(r.start() < e.start < r.end() and "," in r.group(0) for r in ref_matches)
    ]
    last_ref = ref_matches[-1].start() if ref_matches else -1
    if left and left[-1].start > last_ref:
        # Prefer the sentence's grammatical subject when it is an org: "X, backed by Y, raised".
        first = left[0]
        between = sentence[first.end : pos]
        # "Elon Musk's xAI raises": the possessor is not the actor.
        if re.match(r"['’]s\s", between):
            return left[1] if len(left) > 1 else left[-1]
        # Only a subject that opens the sentence ("In 2015, X, ..."); "While rivals such as
        # CBS All Access, Disney has made ..." is led by Disney.
        opens = re.fullmatch(
            r"\W*(?:(?:In|On|At|By|Last|This|Since|After)\b[^,]{0,30},\s*)?",
            sentence[: first.start],
        )
        if opens and (
            re.search(r"^\s*,|['’]s\b", between)
            or re.search(r",\s*(?:which|who|backed|the)\b", between)
        ):
            return first
        return left[-1]
    if last_ref >= 0:
        # "CoFAB Inc said it acquired Gulfex", "Exco, a subsidiary of B&C, said it would buy":
        # the teller is what "it" means.
        for teller in reversed(left):
            if _SAID.fullmatch(sentence[teller.end : last_ref]):
                return teller
        resolved = _resolve(sentence, pos, context, prefer_recipient)
        # "Nvidia said it would invest": with no article context, "it" is the org before.
        return resolved or (left[-1] if left else None)
    return None


def _appositive(sentence: str, ref: re.Match[str], orgs: list[Entity]) -> bool:
    """ "Mistral AI, the Paris-based start-up that ...": the description renames the
    organisation right before it and refers to nothing earlier."""
    return any(re.fullmatch(r"\s*,\s*", sentence[e.end : ref.start()]) for e in orgs)


def _first_after(pos: int, entities: list[Entity], places: bool = False) -> Entity | None:
    for e in entities:
        if e.start >= pos and (places or not e.is_place):
            return e
    return None


def _names_in(segment_start: int, segment_end: int, orgs: list[Entity]) -> list[str]:
    return [e.name for e in orgs if e.start >= segment_start and e.end <= segment_end]


def _investors_from(
    sentence: str, orgs: list[Entity], exclude: str | None
) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    others: list[str] = []
    lead_match = _LEAD.search(sentence)
    part_match = _PARTICIPANTS.search(sentence)
    if lead_match:
        end = (
            part_match.start()
            if part_match and part_match.start() > lead_match.end()
            else len(sentence)
        )
        names = _names_in(lead_match.end(), end, orgs)
        # "led by A and B" names co-leads; "led by A with B" stops at the participation words.
        lead = names[:1] + [
            n for n in names[1:] if re.search(r"\band\b|,", sentence[lead_match.end() : end])
        ]
    if part_match:
        others = _names_in(part_match.end(), len(sentence), orgs)
    investors = list(dict.fromkeys([*lead, *others]))
    investors = [n for n in investors if n != exclude]
    return [n for n in lead if n != exclude], investors


def _led_round(sentence, trigger, orgs, context, make) -> DealRecord | None:
    round_match = _ROUND.search(sentence, trigger.end())
    recipient = _first_after(trigger.end(), orgs)
    if round_match is None or recipient is None or recipient.start > round_match.start():
        return None
    if not re.match(r"['’]s\s", sentence[recipient.end :]):
        return None
    investor = _subject_before(sentence, trigger.start(), orgs, context)
    if investor is None or name_key(investor.name) == name_key(recipient.name):
        return None
    return make(
        "investment",
        recipient,
        subtype="funding_round",
        investors=[investor.name],
        lead_investors=[investor.name],
        round=_round_name(round_match[1]),
        confidence=0.8,
    )


_FUND_AFTER = re.compile(
    r"\s+(?:(?!(?:from|in|into|for|to|by|of|with|the)\b)[\w-]+\s+){0,3}?funds?\b"
    r"(?!\s+(?:managers?|raise|of|for\s+its))",
    re.I,
)
_FUND_BEFORE = re.compile(r"\b(?:its|a|their)\s+(?:[\w-]+\s+){0,2}?fund\s+(?:at|of)\s+$", re.I)


def _funding_record(sentence, trigger, orgs, amounts, context, make) -> DealRecord | None:
    money = amounts[0] if amounts else None
    recipient = _subject_before(sentence, trigger.start(), orgs, context, prefer_recipient=True)
    if recipient is None:
        return None
    lead, investors = _investors_from(sentence, orgs, recipient.name)
    round_match = _ROUND.search(sentence)
    debt = (round_match and round_match[1].lower() == "debt") or (
        money is not None and re.match(r"\s+(?:[\w-]+\s+)?(?:loan|credit)\b", sentence[money.end :])
    )
    # "Kestrel Ventures closed a $500 million fund": an investor raising money to invest
    fund = money is not None and (
        _FUND_AFTER.match(sentence[money.end :]) or _FUND_BEFORE.search(sentence[: money.start])
    )
    return make(
        "investment",
        recipient,
        subtype="debt" if debt else "fund" if fund else "funding_round",
        investors=investors,
        lead_investors=lead,
        round="debt" if debt else _round_name(round_match[1]) if round_match else None,
        confidence=0.8 if investors else 0.7,
        **(_money_fields(money) if money else {}),
    )


def _investment_record(
    sentence, trigger, entities, orgs, amounts, context, make
) -> DealRecord | None:
    # The amount must belong to the investing words: "committed fraud in ..." two clauses
    # after "$8.6 billion" is not an investment.
    for candidate in _INVEST.finditer(sentence):
        if any(e.start <= candidate.start() < e.end for e in entities):
            continue  # "the Water Resources Fund": a name, not funding
        near = [m for m in amounts if _gap(candidate, m) <= 40]
        if near:
            trigger, money = candidate, near[0]
            break
    else:
        return None
    word = trigger.group(0).lower()
    # "X's $13 billion investment in Y": the possessive names the investor.
    possessive = re.search(r"([A-Z][\w.&\- ]*?)['’]s\s*$", sentence[: money.start].rstrip())
    investor: Entity | None = None
    if possessive:
        investor = next(
            (e for e in orgs if e.end <= money.start and e.start >= possessive.start(1)), None
        )
    if investor is None:
        investor = _subject_before(sentence, min(trigger.start(), money.start), orgs, context)
    anchor = max(trigger.end(), money.end)
    if re.match(r"\s+(?:heavily\s+)?(?:in|into)\b", sentence[trigger.end() :]):
        # "continues to invest in its San Antonio data centers, including $50 million for"
        anchor = trigger.end()
    recipient = _recipient_after(sentence, anchor, entities)
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
        ref = _REFERENCE.match(sentence, trigger.end() + 1)
        if funded is None and ref is not None and ref.group(0).lower() != "it":
            # "Eric Schmidt backed the startup with $100 million": the story's company
            funded = context.last_recipient or context.focus
        if funded is not None:
            recipient = funded
    if word in {"led", "leads", "co-led"}:
        # "X led a $N round in Y" / "X led Y's $N Series A"
        named = _first_after(trigger.end(), orgs)
        if named is not None and named.start < money.start:
            recipient = named
    if recipient is None or investor is None or name_key(recipient.name) == name_key(investor.name):
        return None
    investors = _coordinated(sentence, [e for e in orgs if e.end <= trigger.start()], investor)
    giver = re.match(r"\s+(?:[\w-]+\s+){0,2}?from\s+(?:the\s+)?", sentence[anchor:])
    if trigger.group(0).lower().endswith(("ment", "ments")) and giver is not None:
        # "a $10 million multi-year commitment from Duke Energy": the giver is named after
        named_giver = next((e for e in orgs if e.start == anchor + giver.end()), None)
        if named_giver is not None and named_giver is not recipient:
            investors = [named_giver.name]
    round_match = _ROUND.search(sentence)
    subtype = "infrastructure" if recipient.is_place else "equity"
    if round_match or re.search(r"\bround\b", sentence[trigger.start() :], re.I):
        subtype = "funding_round"  # "SoftBank leads $500M round in Skild AI"
    is_lead = word in {"led", "leads", "co-led"}
    others = [n for n in _investors_from(sentence, orgs, recipient.name)[1] if n not in investors]
    return make(
        "investment",
        recipient,
        subtype=subtype,
        investors=[*investors, *others],
        lead_investors=[investor.name] if is_lead else [],
        round=_round_name(round_match[1]) if round_match else None,
        confidence=0.8,
        **_money_fields(money),
    )


# "owns more than 97% of Euro Disney", "controls 51 pct of"
_OWNS_PERCENT = re.compile(
    r"\b(?:owns?|owning|holds?|holding|controls?|controlling)\s+"
    r"(?:(?:about|around|nearly|almost|roughly|some|over|more than|less than|just under|"
    r"just over)\s+)?(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+of\s+(?:the\s+)?",
    re.I,
)
_PERCENT_BOUGHT = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|tak(?:e|es|ing)|took)"
    r"\s+(?:(?:about|around|nearly|almost|roughly|some|over|more than|less than|a further|"
    r"another|an additional)\s+)?(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)\s+of\s+"
    r"(?:the\s+)?",
    re.I,
)
# Debt a named company owes to the investor: "a €1.6 billion loan to Steinhoff", "bonds
# issued by Petroleos de Venezuela", "Venezuela's state oil-company bonds".
_LOAN_TO = re.compile(
    r"^\s*(?:(?:bridge|term|secured|unsecured|syndicated|margin)\s+)?"
    r"(?:loans?|credit (?:line|facility)|financing|debt financing)\s+(?:to|for)\s+",
    re.I,
)
_BOND_OF = re.compile(
    r"\b(?:issued\s+by|(?:bonds?|notes|debt)\s+of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}$"
)
_POSSESSED_BONDS = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:bonds|notes|debt)\b")
_BOND_BUY = re.compile(
    r"\b(?:bought|buys|buying|purchased|purchases|acquired|paid|pays|paying)\s+"
    r"(?:(?:about|nearly|some|around|more than|over)\s+)?$",
    re.I,
)


_RECAPITALISE = re.compile(r"\brecapitali[sz](?:e|es|ed|ing|ation)\b", re.I)


def _recapitalisation(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """Capital put into a company to mend its balance sheet: "it would back a move to
    recapitalize Euro Disney by as much as 1.5 billion euros". The company is the one named
    after the verb, else the one whose debt or finances the sentence is about."""
    verb = _RECAPITALISE.search(sentence)
    if verb is None or not amounts:
        return None
    money = next((m for m in amounts if m.start > verb.end()), None)
    if money is None:
        return None
    recipient = _first_after(verb.end(), [e for e in orgs if e.end <= money.start])
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
    investor = _subject_before(sentence, verb.start(), orgs, context)
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
        **_money_fields(money),
    )


def _percent_owned(
    sentence, orgs, context, make, owned: re.Match[str] | None = None, amounts=()
) -> DealRecord | None:
    """ "Kestrel owns more than 97% of Halvard Parks", "Meta acquires 49% of Scale AI for
    $14.3 billion": a holding of a stated share, with its price when one is told."""
    owned = owned or _OWNS_PERCENT.search(sentence)
    if owned is None or _SELL.search(sentence[: owned.start()]):
        return None
    recipient = next((e for e in orgs if e.start == owned.end()), None)
    investor = _subject_before(sentence, owned.start(), orgs, context)
    if recipient is None:
        return None
    if investor is not None and name_key(recipient.name) == name_key(investor.name):
        # The story's company owns a share of itself? Then the reference means another.
        if not _REFERENCE.search(sentence[: owned.start()]):
            return None
        investor = context.focus_other_than(recipient.name)
    if investor is None:
        return None
    price = next((m for m in amounts if m.start > recipient.end), None)
    return make(
        "investment",
        recipient,
        subtype="stake",
        investors=[investor.name],
        stake=float(owned[1]),
        confidence=0.8,
        **(_money_fields(price) if price else {}),
    )


def _lending_record(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
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
            buyer = _subject_before(sentence, bought.start(), orgs, context)
            if buyer is None or name_key(buyer.name) == name_key(issuer.name):
                continue
            return make(
                "investment",
                issuer,
                subtype="debt",
                round="debt",
                investors=[buyer.name],
                lead_investors=[],
                confidence=0.6,
            )
    for money in amounts:
        loan = _LOAN_TO.match(sentence[money.end :])
        if loan is not None:
            recipient = next((e for e in orgs if e.start == money.end + loan.end()), None)
            lender = _subject_before(sentence, money.start, orgs, context)
            if recipient is None:
                continue
        else:
            bought = _BOND_BUY.search(sentence[: money.start])
            if bought is None:
                continue
            clause_end = _clause_end(sentence, money.end)
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
            lender = _subject_before(sentence, bought.start(), orgs, context)
        if lender is not None and name_key(lender.name) == name_key(recipient.name):
            continue
        return make(
            "investment",
            recipient,
            subtype="debt",
            round="debt",
            investors=[lender.name] if lender else [],
            lead_investors=[],
            confidence=0.6 if lender else 0.5,
            **_money_fields(money),
        )
    return None


def _debt_issue(sentence, orgs, amounts, context, make) -> DealRecord | None:
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
        issuer = _subject_before(sentence, verbs[-1].start(), orgs, context)
        if issuer is None:
            continue
        return make(
            "investment",
            issuer,
            subtype="debt",
            round="debt",
            investors=[],
            lead_investors=[],
            confidence=0.6,
            **_money_fields(money),
        )
    return None


def _grant_record(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """A grant of a stated amount: who receives it ("UNC Charlotte got a $76,521 grant",
    "a $2 million grant to Acme", "$1.1 million in water resources grants") and who gives
    it (the subject of "awarded", or the name after "from"/"by")."""
    for money in amounts:
        noun = _GRANT_NOUN.match(sentence[money.end :])
        if noun is None:
            continue
        before = sentence[: money.start]
        after = money.end + noun.end()
        grantor: Entity | None = None
        recipient: Entity | None = None
        if _GRANT_RECEIVED.search(before):
            recipient = _subject_before(sentence, money.start, orgs, context)
        elif (given := _GRANT_TO_OBJECT.search(before)) is not None:
            grantor = _subject_before(sentence, given.start(), orgs, context)
            recipient = _first_after(given.start("receiver"), orgs)
            if recipient is None or recipient.end > given.end("receiver"):
                continue
        elif (given := _GRANT_GIVEN.search(before)) is not None:
            grantor = _subject_before(sentence, given.start(), orgs, context)
            target = re.match(r"\s+to\s+", sentence[after:])
            if target is not None:
                recipient = _noun_phrase(sentence, after + target.end(), orgs)
            elif noun.group("field"):
                name = noun.group("field").strip()
                start = money.end + noun.start("field")
                if not _NP_REJECT.match(name):
                    recipient = Entity(name, name, start, start + len(name), "sector")
        else:
            target = re.match(r"\s+(?:from\s+\S+(?:\s+\S+){0,3}?\s+)?to\s+", sentence[after:])
            if target is not None:
                recipient = _noun_phrase(sentence, after + target.end(), orgs)
        if recipient is None:
            continue
        if grantor is None:
            # "... announced Tuesday by Duke Energy", "a grant from the Gates Foundation"
            clause_end = _clause_end(sentence, after)
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
        return make(
            "investment",
            recipient,
            subtype="grant",
            investors=[grantor.name] if grantor else [],
            lead_investors=[],
            confidence=0.6,
            **_money_fields(money),
        )
    return None


# "$80 billion AI data center spend", "€109 billion in private AI investments": the field
# stands between the amount and the noun, with nothing after it.
_FIELD_SPEND = re.compile(
    r"^\s+(?:in\s+)?(?P<field>(?:[\w-]+\s+){1,4}?)"
    r"(?:investments?|spend|spending|capex|capital expenditures?)\b"
    r"(?!\s+(?:in|into|on|at|to|toward|towards|for\s+(?![a-z]+\s+\d)|by|from)\b)",
    re.I,
)


def _field_spend(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """ "Microsoft announces $80 billion AI data center spend for fiscal 2025": the field
    spent on; when a country announces it ("France announced €109 billion in private AI
    investments") the money goes into that country."""
    for money in amounts:
        found = _FIELD_SPEND.match(sentence[money.end :])
        if found is None:
            continue
        name = found.group("field").strip()
        if _NP_REJECT.match(name) or re.search(r"\b(?:the|a|an|its|their|of)\b", name, re.I):
            continue
        start = money.end + found.start("field")
        recipient = Entity(name, name, start, start + len(name), "sector")
        first = next((e for e in entities if e.end <= money.start), None)
        investor = _subject_before(sentence, money.start, orgs, context)
        if first is not None and first.is_place and _at_start(sentence, first):
            recipient, investor = first, None
        elif investor is None:
            continue
        return make(
            "investment",
            recipient,
            subtype=_spending_subtype("spend", recipient),
            investors=[investor.name] if investor else [],
            lead_investors=[],
            confidence=0.6,
            **_money_fields(money),
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


def _new_vehicle(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """A fund or venture set up by the companies that announce it: they invest its amount.
    An investor launching a plain "$500 million fund" raises it; "a $2 billion project in
    Texas" goes into Texas."""
    for money in amounts:
        noun = _VEHICLE_NOUN.match(sentence[money.end :])
        if noun is None:
            continue
        before = sentence[: money.start]
        verb = None
        named = None
        for candidate in _VEHICLE_VERB.finditer(before):
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
        investor = _subject_before(sentence, verb.start(), orgs, context)
        if investor is None:
            continue
        investors = _coordinated(sentence, [e for e in orgs if e.end <= verb.start()], investor)
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
                **_money_fields(money),
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
            **_money_fields(money),
        )
    return None


def _place_subject(
    sentence: str, entities: list[Entity], pos: int, recipient: Entity
) -> Entity | None:
    """The country, state or city acting right before ``pos`` ("France will invest", "South
    Dakota spends", "Saudi Arabia plans to invest"), when nothing else stands between."""
    before = [e for e in entities if e.end <= pos]
    if not before or not before[-1].is_place:
        return None
    place = before[-1]
    opening = (
        place is before[0]
        and re.fullmatch(r"\W*(?:The\s+)?", sentence[: place.start])
        and not re.match(r"\s*,", sentence[place.end :])  # "In Germany, ..." or a list
    )
    acts = opening or re.fullmatch(
        r"\s+(?:(?:will|would|has|have|had|is|are|was|were|also|now|plans?\s+to|aims?\s+to|"
        r"intends?\s+to|is\s+set\s+to|set\s+to|to|has\s+pledged\s+to|pledged\s+to)\s+)*",
        sentence[place.end : pos],
    )
    governed = re.search(r"\b(?:in|at|across|from|to|for)\s+(?:the\s+)?$", sentence[: place.start])
    if not acts or governed:
        return None  # "invest in Germany", "spend in Texas"
    if name_key(place.name) == name_key(recipient.name):
        return None
    return place


def _at_start(sentence: str, entity: Entity) -> bool:
    return not sentence[: entity.start].strip(" \"'“‘(")


_JOB_TITLE = re.compile(
    r"\b(?:director|head|chief|manager|officer|president|analyst|strategist|partner|VP|"
    r"chair|professor|editor)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _sector_investment(sentence, entities, orgs, amounts, context, make) -> DealRecord | None:
    """Money put into a field or project rather than a named company or place ("spend $11
    billion on electrified vehicles"): the recipient is the noun phrase, kind "sector".
    Without an amount such a record is stored flagged as low confidence."""
    for trigger in _SPEND.finditer(sentence):
        if _JOB_TITLE.search(sentence[: trigger.start()]):
            continue  # "managing director of sustainable investment at Wespath"
        if re.match(r"\s+decisions?\b", sentence[trigger.end() :]) and not re.search(
            r"\bfinal\s+$", sentence[: trigger.start()]
        ):
            continue  # "Chevron's investment decisions for LNG": only a final decision commits
        pos = trigger.end()
        money = next(
            (m for m in amounts if m.start >= pos and _only_filler(sentence[pos : m.start])), None
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
            pos = money.end
        obj = _SPEND_OBJECT.match(sentence[pos:])
        if obj is None and money is None:
            field_total = _field_total(sentence, trigger, amounts)
            if field_total is not None:
                recipient, money = field_total
                investor = _subject_before(sentence, recipient.start, orgs, context)
                if investor is None or investor.start > recipient.start:
                    continue
                return make(
                    "investment",
                    recipient,
                    subtype="sector",
                    investors=[investor.name],
                    lead_investors=[],
                    confidence=0.6,
                    **_money_fields(money),
                )
        if (
            obj is None
            and money is not None
            and money.start > trigger.start()  # not "with $26 million earmarked for"
            and trigger.group(0).lower().startswith(_SET_ASIDE)
        ):
            obj = _FOR_OBJECT.match(sentence[pos:])
        if obj is None and trigger.group(0).lower().startswith(("lend", "lent")):
            obj = re.match(r"\s*to\s+", sentence[pos:])  # "lend $1 billion to Acme"
        if obj is None or (money is None and trigger.group(0).lower() in _NEEDS_AMOUNT):
            continue
        start = pos + obj.end()
        # ("spend $2 billion in Texas": a place opening the object is the recipient.)
        recipient = _noun_phrase(sentence, start, entities)
        if recipient is None:
            continue
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
        place = _place_after(sentence, recipient, entities)
        if place is not None:
            # "spend €3.2 billion on AI infrastructure in Germany": the place is where it goes.
            recipient = place
        investor = _possessor(
            sentence,
            (money.start if money and money.end <= trigger.start() else trigger.start()),
            orgs,
            context,
        )
        if investor is None:
            # "France will invest €2 billion in AI research": a country spends too
            investor = _place_subject(sentence, entities, trigger.start(), recipient)
        if investor is None:
            investor = _subject_before(sentence, trigger.start(), orgs, context)
        if investor is None and (
            _WE.match(sentence)
            or re.search(
                r"\bwe(?:'ve|’ve|'re|’re|'ll|’ll)?\s+(?:\w+\s+){0,2}$",
                sentence[: trigger.start()],
                re.I,
            )
        ):
            # '"Over the last decade, we've invested $5 billion in renewables"': the company
            # the story quotes
            investor = context.focus
        if investor is None and _FRONTED_CLAUSE.match(sentence):
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
        if investor is not None:
            # "MGX will invest $100 billion in AI infrastructure with BlackRock"
            clause_end = _clause_end(sentence, recipient.end)
            investors += [
                e.name
                for e in orgs
                if recipient.end <= e.start < clause_end
                and re.search(r"\b(?:with|alongside)\s+(?:partners?\s+)?$", sentence[: e.start])
                and name_key(e.name) not in {name_key(n) for n in investors}
            ]
        if investor is None:
            # "A $900 million investment at Philadelphia airport led by American Airlines"
            lead, investors = _investors_from(sentence, orgs, recipient.name)
        named_here = {name_key(e.name) for e in orgs}
        if money is None and not any(name_key(n) in named_here for n in investors):
            # "the need to invest in those relationships": without an amount, only an
            # organisation named in the sentence itself makes it a record.
            continue
        return make(
            "investment",
            recipient,
            subtype=_spending_subtype(trigger.group(0), recipient),
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
            **(_money_fields(money) if money else {}),
        )
    return None


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
    if _NP_REJECT.match(name) or re.search(r"\b(?:its|their|the|a|an)\b", name, re.I):
        return None
    start = field.start("field")
    return Entity(name, name, start, start + len(name), "sector"), money


def _place_after(sentence: str, phrase: Entity, entities: list[Entity]) -> Entity | None:
    """The place a field or project is in: "AI infrastructure in Germany", "Indian AI hub"."""
    if phrase.kind != "sector":
        return None
    adjective = re.match(r"[A-Z][a-z]+", phrase.name)
    place = demonym_place(adjective.group(0)) if adjective else None
    if place is not None:
        return Entity(
            place[0], adjective.group(0), phrase.start, phrase.start + adjective.end(), place[1]
        )
    return next(
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


def _spending_subtype(word: str, recipient: Entity) -> str:
    if word.lower().startswith(("lend", "lent")):
        return "debt"
    if recipient.kind == "sector":
        return "sector"
    return "infrastructure" if recipient.is_place else "equity"


def _only_filler(gap: str) -> bool:
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


def _noun_phrase(sentence: str, start: int, orgs: list[Entity]) -> Entity | None:
    """The object starting at ``start``: a named organisation or place when one opens it,
    else up to six words before the next clause, time phrase or preposition."""
    named = next((e for e in orgs if e.start == start), None)
    if named is not None:
        return named
    stop = _NP_STOP.search(sentence, start)
    end = stop.start() if stop else len(sentence)
    phrase = sentence[start:end].strip()
    lead = _DETERMINER.match(phrase)
    if lead:
        start += sentence[start:].index(phrase) + lead.end()
        phrase = phrase[lead.end() :]
    words = phrase.split()
    if len(words) > 1 and words[-1].lower() in {"investment", "investments", "spending"}:
        words = words[:-1]  # "mobilise €200 billion for AI investment": the field is AI
        phrase = " ".join(words)
    if len(words) > 6:
        words = words[:6]
        # "development of even more trucks and": a cut phrase ends on a content word
        while words and words[-1].lower() in _TRAILING_FILLER:
            words = words[:-1]
        phrase = " ".join(words)
    if not words or _NP_REJECT.match(phrase):
        return None
    if not re.match(r"[A-Za-z0-9]", phrase) or find_amounts(phrase):
        return None  # "Rs 24 lakh in the four attempts and Rs 40 lakh on advocacy"
    begin = sentence.index(phrase, start)
    return Entity(phrase, phrase, begin, begin + len(phrase), "sector")


def _gap(trigger: re.Match[str], money: Money) -> int:
    if money.end <= trigger.start():
        return trigger.start() - money.end
    return max(0, money.start - trigger.end())


def _coordinated(sentence: str, orgs: list[Entity], anchor: Entity) -> list[str]:
    """ "SoftBank, OpenAI and Oracle will invest": every org joined to ``anchor`` by commas
    or "and" acts together with it."""
    if anchor not in orgs:
        return [anchor.name]
    i = orgs.index(anchor)
    joiner = re.compile(r"^\s*(?:,|,?\s*and|&)\s*$")
    lo = i
    while lo > 0 and joiner.match(sentence[orgs[lo - 1].end : orgs[lo].start]):
        lo -= 1
    hi = i
    while hi + 1 < len(orgs) and joiner.match(sentence[orgs[hi].end : orgs[hi + 1].start]):
        hi += 1
    return list(dict.fromkeys(e.name for e in orgs[lo : hi + 1]))


def _recipient_after(sentence: str, pos: int, entities: list[Entity]) -> Entity | None:
    """ "... in/into Y": the first organisation after an "in", else the first place."""
    tail = sentence[pos:]
    m = re.search(r"\b(?:in|into|to|for)\s+", tail)
    if m is None:
        return None
    start = pos + m.start()
    # Stop at the next clause so "in Germany, while Google ..." does not reach Google.
    clause_end = re.search(r"[;]|,\s*(?:while|but|and|whereas|\w+ing)\b|\.\s", sentence[start:])
    end = start + clause_end.start() if clause_end else len(sentence)
    # "invest $40 billion in an AI fund with Andreessen Horowitz": a partner, not the recipient
    window = [
        e
        for e in entities
        if e.start >= start
        and e.end <= end
        and not re.search(r"\b(?:with|alongside)\s+(?:the\s+)?$", sentence[: e.start])
    ]
    # "in AI infrastructure in the United States ... through a company called Stargate":
    # the entity an "in"/"into" introduces is the destination.
    for i, e in enumerate(window):
        if re.search(r"\b(?:in|into)\s+(?:the\s+|its\s+|their\s+)?$", sentence[start : e.start]):
            # "in Abu Dhabi's G42": the possessed organisation is the destination.
            if re.match(r"['’]s\s", sentence[e.end :]) and i + 1 < len(window):
                return window[i + 1]
            return e
    orgs = [e for e in window if not e.is_place]
    if orgs:
        return orgs[0]
    places = [e for e in window if e.is_place]
    if places:
        return places[0]
    # "In Germany, the company is investing €3.2 billion in AI infrastructure"
    fronted = re.match(r"\s*(?:In|Across|For)\s+", sentence)
    if fronted:
        first = next((e for e in entities if e.start == fronted.end()), None)
        if first is not None and first.is_place and re.match(r"\s*,", sentence[first.end :]):
            return first
    return None


def _acquisition_records(sentence, trigger, orgs, amounts, context, make) -> list[DealRecord]:
    passive = _ACQUIRED_BY.search(sentence)
    targets: list[Entity] = []
    relative = re.search(r",\s+which\s+((?:\S+\s+){1,4})$", sentence[: trigger.start()])
    buyer = _first_after(relative.start(1), orgs) if relative else None
    if relative and buyer is not None and buyer.end <= trigger.start():
        # "Tio Networks, which PayPal bought in July": the company before "which" was bought.
        before = [e for e in orgs if e.end <= relative.start()]
        targets = before[-1:]
        acquirer = buyer
    elif passive:
        target = _subject_before(sentence, passive.start(), orgs, context)
        acquirer = _first_after(passive.end(), orgs)
        targets = [target] if target is not None else []
    else:
        word = trigger.group(0).lower()
        acquirer = _subject_before(sentence, trigger.start(), orgs, context)
        if _PLAN_TO.search(sentence[: trigger.start()]):
            plan = re.search(r"\s+to\s+$", sentence[: trigger.start()])
            acquirer = (
                _possessor(sentence, plan.start() if plan else trigger.start(), orgs, context)
                or acquirer
            )
        target = _first_after(trigger.end(), orgs)
        referent = _DEFINITE.match(sentence[trigger.end() :])
        if target is not None and target.start >= _clause_end(sentence, trigger.end()):
            # "purchase of $2.8 billion in bonds, first reported by the Wall Street Journal"
            target = None
        # "its proposed $13.7 billion acquisition of the grocer": a target named before.
        if (
            referent
            and context.last_target is not None
            and word.startswith(_NOUN_TRIGGERS)
            and (target is None or target.start > trigger.end() + referent.end())
        ):
            target = context.last_target
        # "buy" and "purchase" take their object right after them; anything further
        # away is shopping ("buy point", "buying rights to", "available for purchase").
        if target is not None and not word.startswith(
            ("acqui", "takeover", "buyout", "merge", "bid", "offer", "purchase of")
        ):
            gap = sentence[trigger.end() : target.start]
            if not _BUY_GAP.fullmatch(gap):
                return []
        elif target is not None and re.search(
            r"\b(?:for|from|to|with|by|via|through|into|on|at)\s",
            sentence[trigger.end() : target.start],
        ):
            # "the purchase of an iconic property for donation to South Carolina State Parks"
            return []
        named = None
        if target is not None and target.start >= trigger.end():
            # "a quirky Bay Area bakery chain called La Boulange": the name is the target.
            clause_end = _clause_end(sentence, target.end)
            named = next(
                (
                    e
                    for e in orgs
                    if target.end <= e.start < clause_end
                    and re.search(r"\b(?:called|named|dubbed|known as)\s+$", sentence[: e.start])
                ),
                None,
            )
            target = named or target
        if (
            named is None
            and target is not None
            and re.match(
                r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?=(?:stock|shares|bonds|debt|notes)\b))?"
                r"\s*(?:stock|shares|bonds|debt|notes|rights|real estate|products?|devices?|"
                r"phones?|cars?|tickets?|items?|goods|services?|subscriptions?|gift cards?|"
                r"time|breathing room|stakes?|holdings?)\b",
                sentence[target.end :],
                re.I,
            )
        ):
            return []
        if (
            named is None
            and target is not None
            and (
                _MODIFIED_PLURAL.match(sentence[target.end :])
                # "buy a USB-PD battery": after "a", a name followed by a noun is a brand
                or (
                    re.search(r"\b(?:a|an)\s+(?:\S+\s+)?$", sentence[trigger.end() : target.start])
                    and _MODIFIED_NOUN.match(sentence[target.end :])
                )
                or re.search(
                    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some)\s+$",
                    sentence[trigger.end() : target.start],
                )
            )
        ):
            # "acquire four Florida banks": the name qualifies what is bought.
            return []
        if target is not None and target.end <= trigger.start():
            targets = [target]
        elif target is not None:
            targets = [target]
            if word.startswith("acquisitions"):
                # "Its acquisitions of Pixar in 2006, Marvel in 2009, and Lucasfilm in 2012"
                targets = _listed_after(sentence, target, orgs)
        if _ACQUISITION_NOUN.match(sentence[trigger.start() :]):
            owner = _possessor(sentence, trigger.start(), orgs, context)
            named_owner = _POSSESSOR.search(sentence[: trigger.start()])
            if owner is not None:
                acquirer = owner
            elif named_owner and re.match(r"[A-Z]", named_owner.group(2) or ""):
                # "Dr. Patrick Soon-Shiong's purchase of": a person buys, not the subject
                acquirer = None
            elif word.startswith("acquisition"):
                acquirer = _subject_before(sentence, trigger.start(), orgs, context)
            if acquirer is None and _TIME_POSSESSIVE.search(sentence[: trigger.start()]):
                # "last year's $30 billion acquisition of Actelion": the story's company.
                acquirer = context.focus
            if owner is None and targets:
                # "The acquisition of Wiz by Google": the buyer follows the target.
                by = re.match(r"\s+by\s+(?:the\s+)?", sentence[targets[-1].end :])
                if by is not None:
                    acquirer = next(
                        (e for e in orgs if e.start == targets[-1].end + by.end()), acquirer
                    )
    targets = [t for t in targets if not t.is_place]
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
    lo = min(trigger.start(), targets[0].start)
    hi = max(trigger.end(), targets[-1].end)
    price = _nearest(sentence, [m for m in amounts if not _is_per_share(sentence, m)], lo, hi)
    if len(targets) > 1:
        price = None  # one amount cannot be the price of several purchases
    records = []
    for target in targets:
        buyer = acquirer
        if (
            buyer is not None
            and name_key(target.name) == name_key(buyer.name)
            and _REFERENCE.search(sentence[: trigger.start()])
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
        records.append(
            make(
                "acquisition",
                target,
                investors=[buyer.name] if buyer else [],
                lead_investors=[],
                confidence=confidence,
                **(_money_fields(price) if price else {}),
            )
        )
    return records


def _compound_acquisition(sentence, orgs, amounts, context, make) -> DealRecord | None:
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
        if noun.group(2) and not paired and name_key(org.name) not in context.targets:
            continue
        if paired:
            acquirer = before
        else:
            acquirer = _possessor(sentence, org.start, orgs, context)
            if acquirer is None:
                acquirer = _subject_before(sentence, org.start, orgs, context) or context.focus
        if acquirer is None or name_key(acquirer.name) == name_key(org.name):
            continue
        price = None
        adjacent = [m for m in amounts if re.fullmatch(r"\s*", sentence[m.end : org.start])]
        if adjacent:
            price = adjacent[0]
        context.targets.add(name_key(org.name))
        return make(
            "acquisition",
            org,
            investors=[acquirer.name],
            lead_investors=[],
            confidence=0.8 if price else 0.65,
            **(_money_fields(price) if price else {}),
        )
    return None


# Two companies joining: "X and Y agreed to merge", "the merger of X and Y", "X and Y have
# agreed to a merger", "X and Y ... over their proposal to merge".
_MERGE_AFTER_PAIR = re.compile(
    r"^[^.;,]{0,60}?\b(?:to\s+merge|to\s+combine|(?:a|the|their|an?\s+all-\w+)\s+"
    r"(?:proposed\s+|planned\s+)?(?:merger|combination|tie-up))\b",
    re.I,
)
_MERGER_OF = re.compile(
    r"\b(?:merger|combination|tie-up)\s+(?:of|between)\s+(?:[\w$.]+\s+){0,3}?$", re.I
)


# "Orbis sold Halvard Labs to Kestrel", "agreed to sell its AI division to Orbis", "the sale
# of its chip unit to Kestrel", "sold its 20% stake in Halvard to Kestrel"
_SALE = re.compile(r"\b(?:sell|sells|sold|selling|sale\s+of)\s+", re.I)
_UNIT = re.compile(
    r"(?:its|their)\s+(?P<unit>(?:[\w-]+\s+){0,3}?(?:unit|division|business|subsidiary|arm|"
    r"operations|brand|stake|holding))\b",
    re.I,
)


def _sale_record(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """A sale told from the seller's side: the buyer (after "to") acquires what is sold."""
    for sale in _SALE.finditer(sentence):
        clause_end = _clause_end(sentence, sale.end())
        to = re.compile(r"\s+to\s+(?:the\s+)?").search(sentence, sale.end(), clause_end)
        if to is None:
            continue
        buyer = next((e for e in orgs if e.start == to.end()), None)
        seller = _subject_before(sentence, sale.start(), orgs, context)
        if buyer is None:
            continue
        sold = sentence[sale.end() : to.start()]
        stake = re.match(
            r"(?:its|their|a|the)\s+(?:[\w-]+\s+)?(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pct)"
            r"\s+(?:\w+\s+)?stake\s+in\s+",
            sold,
            re.I,
        )
        named = next(
            (
                e
                for e in orgs
                if sale.end() <= e.start
                and e.end <= to.start()
                and (
                    _BUY_GAP.fullmatch(sentence[sale.end() : e.start])
                    or (stake is not None and e.start == sale.end() + stake.end())
                )
            ),
            None,
        )
        unit = _UNIT.match(sold)
        # The price follows in the sale's clause: "to Kestrel (in 2019) for $300 million"
        price = next(
            (
                m
                for m in amounts
                if to.end() < m.start < _clause_end(sentence, buyer.end)
                and re.search(
                    r"\bfor\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", sentence[: m.start]
                )
                and not _is_per_share(sentence, m)
            ),
            None,
        )
        money = _money_fields(price) if price else {}
        if named is not None and stake is not None:
            return make(
                "investment",
                named,
                subtype="stake",
                investors=[buyer.name],
                stake=float(stake[1]),
                confidence=0.75,
                **money,
            )
        if named is not None and not re.search(r"\b(?:stake|shares|stock|bonds)\b", sold, re.I):
            target = named
        elif unit is not None and seller is not None and "stake" not in unit["unit"].lower():
            # "sell its AI division to Orbis": the seller's division is bought
            name = f"{seller.name} {unit['unit']}"
            target = Entity(name, name, sale.end() + unit.start(), sale.end() + unit.end(), "org")
        else:
            continue
        if seller is not None and name_key(buyer.name) == name_key(seller.name):
            continue
        if name_key(buyer.name) == name_key(target.name):
            continue
        return make(
            "acquisition",
            target,
            investors=[buyer.name],
            lead_investors=[],
            confidence=0.75 if price else 0.6,
            **money,
        )
    return None


_MERGER_WORD = re.compile(r"\b(?:merge|merger|combin|tie-up)", re.I)
# ("the merger of USAir with TWA" names the target first: "with" does not pair.)
_PAIRING = re.compile(r"\s*(?:\([^)]{1,12}\))?\s*(?:and|&)\s+")


def _merger_of_two(sentence, orgs, amounts, make) -> DealRecord | None:
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
        tail = re.sub(r"^\s*\([^)]{1,12}\)", "", sentence[second.end :])
        if not (_MERGER_OF.search(sentence[: first.start]) or _MERGE_AFTER_PAIR.match(tail)):
            continue
        price = next(
            (m for m in amounts if m.start > second.end and not _is_per_share(sentence, m)), None
        )
        return make(
            "acquisition",
            second,
            subtype="merger",
            investors=[first.name],
            lead_investors=[],
            confidence=0.65,
            **(_money_fields(price) if price else {}),
        )
    return None


def _holding_record(sentence, orgs, amounts, context, make) -> DealRecord | None:
    """A holding in a listed company: "the Disney stake" of the story's investor, or shares
    bought ("Viking bought $250 million of Disney stock")."""
    for org in orgs:
        if org.is_place:
            continue
        after = sentence[org.end :]
        investor = None
        money = None
        if _COMPOUND_STAKE.match(after):
            bought = re.search(
                r"\b(?:bought|buys|buying|acquired|acquires|purchased|took|takes|raised|"
                r"increased|boosted)\s+(?:the|a|its|their)\s+$",
                sentence[: org.start],
                re.I,
            )
            investor = (
                _subject_before(sentence, bought.start(), orgs, context)
                if bought and not re.match(r"(?i)its|their", sentence[bought.end() - 4 :])
                else None
            )
            # "Leucadia said it bought the Minstar stake"; "the Disney stake" of the story's
            # investor; "its Alibaba stake"
            investor = investor or _possessor(sentence, org.start, orgs, context) or context.focus
        elif re.match(r"(?:['’]s?)?\s+(?:common\s+)?(?:shares|stock)\b", after, re.I):
            bought = _SHARE_BUY.search(sentence[: org.start])
            if bought is None:
                continue
            if bought.group("money"):
                money = next(
                    (m for m in amounts if bought.start("money") <= m.start < org.start), None
                )
                if money is None:
                    continue
            investor = _subject_before(sentence, bought.start(), orgs, context)
        if investor is not None and name_key(investor.name) == name_key(org.name):
            continue
        if investor is None and money is None:
            continue
        # "This Hedge Fund Bought $250 Million of Disney Stock": the purchase and its price
        # are told even when the buyer is not named.
        return make(
            "investment",
            org,
            subtype="stake",
            investors=[investor.name] if investor else [],
            lead_investors=[],
            confidence=0.7 if investor else 0.55,
            **(_money_fields(money) if money else {}),
        )
    return None


def _possessor(sentence: str, pos: int, orgs: list[Entity], context: _Context) -> Entity | None:
    """Who owns the noun phrase ending at ``pos``: "Amazon's $13.7 billion", "its"."""
    m = _POSSESSOR.search(sentence[:pos])
    if m is None:
        return None
    if m.group(1):
        # "its": the organisation named last before it in the same clause ("Goldman marked
        # its entry ... with its acquisition"), else what the article is about.
        clause_start = max(sentence.rfind(c, 0, m.start()) for c in ",;:")
        before = [
            e
            for e in orgs
            if clause_start < e.start
            and e.end <= m.start()
            and not e.is_place
            # "the FTC cleared its proposed acquisition": a regulator acting on someone's deal
            and not _OVERSEER_VERB.match(sentence[e.end :])
            # "filed an application with the Department of Transportation for ... its takeover"
            and not re.search(
                r"\b(?:with|to|from|by|for|at|of|on)\s+(?:the\s+)?$", sentence[: e.start]
            )
        ]
        return before[-1] if before else context.focus
    # "Boeing Co.'s purported bid": the organisation whose name ends in the possessive word.
    word_start, word_end = m.span(2)
    owner = next((e for e in orgs if word_start < e.end <= word_end), None)
    return owner if owner is not None and not owner.is_place else None


def _listed_after(sentence: str, first: Entity, orgs: list[Entity]) -> list[Entity]:
    """``first`` and the organisations listed after it with commas or "and", each perhaps
    followed by a year ("Pixar in 2006, Marvel in 2009, and Lucasfilm in 2012")."""
    listed = [first]
    joiner = re.compile(
        r"\s*(?:\s+in\s+\d{4}|\s*\([^)]{1,12}\))?\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)\s*"
    )
    for e in orgs:
        if e.start <= listed[-1].start:
            continue
        if joiner.fullmatch(sentence[listed[-1].end : e.start]):
            listed.append(e)
        else:
            break
    return listed


def _clause_end(sentence: str, pos: int) -> int:
    m = re.search(r"[,;:()]|\s[-–—]\s", sentence[pos:])
    return pos + m.start() if m else len(sentence)


_PRICE_BEFORE = re.compile(
    r"\b(?:for|at|valued at|value of|worth|price of|priced at)\s+"
    r"(?:about\s+|around\s+|nearly\s+)?$",
    re.I,
)


def _nearest(sentence: str, amounts: list[Money], lo: int, hi: int) -> Money | None:
    """The amount closest to the span ``lo``–``hi`` (the price usually touches the verb or
    its object: "its $13.7 billion acquisition of", "bought X for $25 billion")."""
    if not amounts:
        return None

    def distance(m: Money) -> int:
        if m.end <= lo:
            return lo - m.end
        if m.start >= hi:
            # "... Patheon NV at an enterprise value of $7.2 bn": the price announced as such
            if _PRICE_BEFORE.search(sentence[hi : m.start]):
                return 0
            return m.start - hi
        return 0

    return min(amounts, key=distance)


def _is_per_share(sentence: str, money: Money) -> bool:
    # "$28 a share", "31 dlrs per unit", "4.50 dlrs per depositary receipt"
    return bool(
        re.match(
            r"\s*(?:cash\s+|in\s+cash\s+)?(?:-?\s*a\s*-?|per|each)\s*(?:\w+\s+)?"
            r"(?:share|unit|ADR|ADS|depositary|receipt)s?\b",
            sentence[money.end :],
            re.I,
        )
    )


def _stake_record(sentence, stake, orgs, amounts, context, make) -> DealRecord | None:
    if _SELL.search(sentence[max(0, stake.start() - 60) : stake.start()]) or re.search(
        r"\b(?:sold|placed|divested|offloaded)\s+by\b",
        sentence[stake.start() : stake.start() + 120],
    ):
        return None  # "placed its 19.4 pct stake in Lister", "the 20 pct stake ... sold by X"
    m = re.search(
        r"\b(?:stake|position|holding|interest)\s+(?:in|into)\s+", sentence[stake.start() :]
    )
    recipient = _first_after(stake.start() + m.end(), orgs) if m else None
    investor = _subject_before(sentence, stake.start(), orgs, context)
    if investor is None and recipient is not None:
        # "The $250 million stake in Disney is Viking's largest holding"
        investor = _first_after(recipient.end, orgs)
    if recipient is None or investor is None or name_key(recipient.name) == name_key(investor.name):
        return None
    percent = _STAKE.search(sentence)
    money_fields = _money_fields(amounts[0]) if amounts else {}
    return make(
        "investment",
        recipient,
        subtype="stake",
        investors=[investor.name],
        stake=float(percent[1]) if percent else None,
        confidence=0.8,
        **money_fields,
    )


def _valuation_subject(sentence, money, orgs, context, target) -> Entity | None:
    if target is not None:
        return next((e for e in orgs if e.name == target), None) or Entity(
            target, target, 0, 0, "org"
        )
    before = [e for e in orgs if e.end <= money.start]
    refs = [
        r
        for r in _REFERENCE.finditer(sentence[: money.start])
        if not _appositive(sentence, r, orgs)
    ]
    if refs and (not before or refs[-1].start() > before[-1].start):
        return context.last_recipient or context.focus
    if before:
        return before[-1] if len(before) == 1 else _closest_subject(sentence, before, money)
    return None


def _closest_subject(sentence: str, before: list[Entity], money: Money) -> Entity:
    # "Microsoft ... partnership with Mistral AI, the start-up that reached a valuation":
    # the org an appositive or relative clause hangs on is the one valued.
    for e in reversed(before):
        if re.match(r"\s*,\s*(?:the|a|an|which|whose|that)\b", sentence[e.end :]):
            return e
    return before[-1]


def _round_name(raw: str) -> str:
    lowered = raw.lower()
    if lowered.startswith("series"):
        return "Series " + raw.split()[-1].upper()
    return lowered


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
    context: _Context, sentence: str, orgs: list[Entity], records: list[DealRecord]
) -> None:
    for record in records:
        if record.kind == "investment" and record.recipient_kind == "company":
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
