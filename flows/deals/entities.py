"""Organisations and places in a sentence, without a downloadable model.

Three sources, strongest first: the curated gazetteer (``data/organisations.toml``),
places (pycountry countries plus ``data/places.toml``), and capitalised spans, which
are kept as organisations unless they look like a person, a common word or a label
("Series B", "CEO"). Names are normalised so aliases meet: "Meta Platforms Inc." and
"Meta" are one organisation.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import pycountry
from justext import get_stoplist
from wordfreq import zipf_frequency


@dataclass(frozen=True)
class Entity:
    name: str  # canonical name
    text: str  # as written
    start: int
    end: int
    kind: str  # "org" | "country" | "region" | "city"
    category: str | None = None  # gazetteer section for orgs ("ai_lab", "investor", ...)
    known: bool = False  # from the gazetteer or the place lists

    @property
    def is_place(self) -> bool:
        return self.kind != "org"


_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|LP|L\.P|"
    r"plc|Plc|PLC|GmbH|AG|SE|SA|S\.A|SAS|NV|N\.V|BV|B\.V|Pte|Pty|AB|ASA|Oy|KK|SpA|S\.p\.A|"
    r"Bhd|Sdn|Berhad|Tbk|Ltda|Srl|SRL|PBC)\.?$"
)
ORG_WORDS = re.compile(
    r"\b(?:AI|Capital|Ventures|Partners|Labs?|Technologies|Technology|Robotics|Systems|"
    r"Holdings|Group|Fund|Bank|Investments?|Management|Networks|Software|Semiconductors?|"
    r"Therapeutics|Energy|Cloud|Computing|Analytics|Intelligence|Dynamics|Motors|Security|"
    # (older industry's company words: "Corning Glass Works", "Allied Mills")
    r"Works|Mills|Industries|Enterprises|Manufacturing|Mines|Mining|Airlines|Foods|Stores|"
    # ("Rivian Automotive said": a company, not a person)
    r"Automotive|Aerospace|Aviation|Airways|Biosciences|Biotech|Media|Entertainment|Brands|"
    r"Financial|Communications|Telecom|Electronics|Logistics|Solutions|Services|Healthcare|"
    r"Petroleum|Resources|Chemicals?|Pharmaceuticals?|Laboratories|Insurance|Bancorp|"
    r"Inc\.?|Corp\.?|Ltd\.?|LLC|GmbH|AG|plc|Plc|PLC|SA|Co\.?|Company|Corporation|Limited|NV)$"
)

# Headline verbs: "Amazon to Buy Whole Foods" must not yield "Buy Whole Foods".
_HEADLINE_VERBS = {
    "Buy",
    "Buys",
    "Bought",
    "Acquire",
    "Acquires",
    "Acquired",
    "Invest",
    "Invests",
    "Invested",
    "Raise",
    "Raises",
    "Raised",
    "Back",
    "Backs",
    "Backed",
    "Sell",
    "Sells",
    "Sold",
    "Take",
    "Takes",
    "Lands",
    "Secures",
    "Closes",
    "Leads",
    "Led",
    "Bets",
    "Pours",
    "Pledges",
    "Commits",
    "Snaps",
    "Valued",
    "Values",
    "Eyes",
    "Nabs",
    "Bags",
    "Gets",
    "Merge",
    "Merges",
    "Partners",
    "Teams",
    "Inks",
    "Signs",
    "Launches",
    "Unveils",
    "Plans",
    "Completes",
    "Agrees",
    "Announces",
    "Offers",
    "Receives",
    "Joins",
    "Weighs",
    "Mulls",
    "Seeks",
    "Wins",
    "Files",
    "Confirms",
    # the nouns of deal headlines: "Meta Buys 49% Stake In Scale AI"
    "Stake",
    "Stakes",
    "Round",
    "Funding",
    "Deal",
    "Bid",
    "Offer",
    "Shares",
    "Valuation",
    "Investment",
    "Acquisition",
    "Startup",
    "Start-Up",
}
# Nationality adjectives open many spans ("Israeli start-up Run:ai", "Dutch chipmaker
# ASML"); they describe an organisation, they are not one.
# Adjectives of place, and the place (as the place list names it) each one points at.
_DEMONYMS: dict[str, str] = {
    "American": "United States",
    "British": "United Kingdom",
    "Chinese": "China",
    "Dutch": "Netherlands",
    "French": "France",
    "German": "Germany",
    "Indian": "India",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Korean": "South Korea",
    "Spanish": "Spain",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Canadian": "Canada",
    "Australian": "Australia",
    "European": "Europe",
    "Saudi": "Saudi Arabia",
    "Emirati": "United Arab Emirates",
    "Taiwanese": "Taiwan",
    "Singaporean": "Singapore",
    "Irish": "Ireland",
    "Finnish": "Finland",
    "Danish": "Denmark",
    "Norwegian": "Norway",
    "Polish": "Poland",
    "Belgian": "Belgium",
    "Austrian": "Austria",
    "Portuguese": "Portugal",
    "Brazilian": "Brazil",
    "Mexican": "Mexico",
    "Russian": "Russia",
    "Turkish": "Turkey",
    "African": "Africa",
    "Asian": "Asia",
    "Latin American": "Latin America",
    "Nigerian": "Nigeria",
    "Kenyan": "Kenya",
    "Egyptian": "Egypt",
    "Qatari": "Qatar",
    "Parisian": "Paris",
    "Californian": "California",
    "Bavarian": "Bavaria",
}
# ("to Swiss engineering group ABB": a nationality among the words describing a name)
DEMONYM = re.compile("(?:" + "|".join(sorted(_DEMONYMS, key=len, reverse=True)) + r")\b")
_MARKETS = frozenset({"Wall Street", "Dalal Street", "Main Street"})
_DIRECTIONS = frozenset(
    {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
        "Central", "Northeast", "Northwest", "Southeast", "Southwest", "Mainland", "Greater",
        "Rural", "Urban", "Coastal",
    }
)  # fmt: skip
# Words that make a part of a country, not a company, when written before its name.
_CONTINENTS = frozenset({"Europe", "Asia", "Africa"})
_PLACE_MODIFIERS = _DIRECTIONS | {
    "Continental", "Communist", "Democratic", "Republican", "Modern", "Ancient", "Colonial",
    "Independent", "Post", "Pre", "Across", "Throughout", "Inside", "Outside", "Within",
    "From", "Into", "Between", "Including", "Emerging", "Developing", "Developed",
}  # fmt: skip


# "the AI Infrastructure Partnership", "the AI Alliance": a body named for AI keeps the word
# ("AI startup Nimbus" does not)
_AI_BODY = re.compile(
    r"AI(?:\s+[A-Z][\w-]*){0,3}\s+(?:Partnership|Alliance|Institute|Foundation|Council|"
    r"Initiative|Consortium|Coalition|Fund|Zone|Hub|Campus|City|Park|Factory|Gigafactory)"
)

# Capitalised words that are never an organisation on their own.
_NOT_NAMES = {
    "AI",
    # headline nouns for people: "This Billionaire Bought $1 Billion of Apple Stock"
    "Billionaire",
    "Billionaires",
    "Investor",
    "Investors",
    # a caption's credit: "Source: How Much Time Do People Spend On Social Media?"
    "Source",
    # currency words and Indian scales: "for Rs 18,000 crore", "INR 415 Cr", "$5 Mn"
    "Rs",
    "INR",
    "Cr",
    "Mn",
    "Bn",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "Chief",
    "Executive",
    "President",
    "Chairman",
    "Founder",
    "Series",
    "Seed",
    "Pre-Seed",
    "IPO",
    "GPU",
    "GPUs",
    "LLM",
    "EBITDA",
    "Ebitda",
    "LLMs",
    "API",
    "Reuters",
    "Bloomberg",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Prof",
    "Sir",
    "Inc",
    "Corp",
    "Ltd",
    "Co",
    "The",
    "According",
    "Former",
    "Artificial",
    "Intelligence",
    "Generative",
    "Machine",
    "Learning",
    "Data",
    "Centre",
    "Center",
    "Centres",
    "Centers",
    "Round",
    "Mergers",
    "Shareholders",
    "Lenders",
    "Regulators",
    "Officials",
    "Executives",
    "M&A",
    "R&D",
    "P&L",
    "Q&A",
    "Acquisitions",
    "Funding",
    "Investment",
    "Billion",
    "Million",
    "Startup",
    "Start-up",
    "Today",
    "Yesterday",
    "Officer",
    "Vice",
    "Managing",
    "Director",
    "Partner",
    "Analyst",
    "Analysts",
    "Sources",
    "Report",
    "Reports",
    "News",
    "Press",
    "Release",
    "Update",
    "Read",
    "More",
    "Related",
    "ChatGPT",
    "EPS",
    "TV",
    "Stock",
    "Stocks",
    "Earnings",
    "Shares",
    "Copilot",
    "Gemini",
    "Claude",
    "Llama",
    "Grok",
    "Azure",
    "Windows",
    "iPhone",
}
_TITLES_BEFORE_PERSON = re.compile(
    r"(?:CEO|chief executive|chief executive officer|founder|co-founder|president|chairman|"
    r"chairwoman|spokesperson|spokesman|spokeswoman|analyst|partner|director|minister|"
    r"Mr\.?|Ms\.?|Mrs\.?|Dr\.?|said|says|according to)[\s,]*$",
    re.I,
)
_SPEAKS_AS_IT = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says|told\s+\w+|announced|confirmed|added)\s+"
    r"(?:on\s+\w+\s+)?(?:that\s+)?(?:it|its)\b",
    re.I,
)
_PERSON_AFTER = re.compile(
    r"^\s*(?:,\s*(?:[\w.]+['’]s\s+)?(?:the\s+)?(?:CEO|chief|founder|co-founder|head|who|president)"
    r"|said\b|says\b|told\b)",
    re.I,
)

# Words a name never starts with, wherever it stands: "The", "In", "When".
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        # "Rival Cruise, which General Motors shut down": a description, not a name's word
        "rival",
        "rivals",
        # ("Parent Siemens AG, which owns 79% of Healthineers")
        "parent",
        "my",
        "your",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "of",
        "to",
        "as",
        "and",
        "or",
        "but",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "until",
        "during",
        "so",
        "then",
        "also",
        "yet",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "how",
        "why",
        "where",
        "we",
        "it",
        "they",
        "he",
        "she",
        "i",
        "you",
        "us",
        "them",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "not",
        "no",
        "all",
        "some",
        "many",
        "most",
        "any",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "according",
        "despite",
        "although",
        "though",
        "because",
        "several",
        "few",
        "other",
        "another",
        "such",
        "only",
        "even",
        "just",
        "last",
        "next",
        "once",
        "now",
        "meanwhile",
        "however",
        "indeed",
        "moreover",
        "furthermore",
        "instead",
        "overall",
        "additionally",
        "finally",
        "nonetheless",
        "nevertheless",
        "otherwise",
        "thus",
        "therefore",
        "likewise",
        "similarly",
        "today",
        "yesterday",
    ]
)
_FIELD_WORDS = frozenset({"Machine", "Learning", "Data", "Intelligence", "Centre", "Center"})
# A capitalised first word this common in English ("Despite", "Remember") is a name only
# when the article also writes it capitalised mid-sentence or the gazetteer knows it; a
# less common one ("Mergers", "Investors") when the article never writes it in lower case.
_COMMON_ZIPF = 4.5
_ORDINARY_ZIPF = 3.0
_RARE_ZIPF = 2.5


@dataclass(frozen=True)
class Vocabulary:
    """How an article writes its words: what is capitalised mid-sentence, what in lower case."""

    names: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()

    def vouches_for(self, word: str, strict: bool = False) -> bool:
        """Whether ``word`` may be (part of) a name. ``strict`` for headlines, where every
        word is capitalised: only a word the body capitalises, or a rare one, qualifies."""
        if word in self.names or (word.isupper() and word.capitalize() in self.names):
            return True
        if re.fullmatch(r"[A-Z]+&[A-Z]+", word):
            return True  # "AT&T", "P&G": no common word is written so (wordfreq splits them)
        frequency = zipf_frequency(word, "en")
        if strict and self.names:
            return frequency < _RARE_ZIPF
        if frequency >= _COMMON_ZIPF:
            return False
        if self.names and word.lower() in self.lower and len(word) > 3:
            # "Headwind companies talk about ..." in a story that writes "headwind companies"
            # and never capitalises the word mid-sentence: a word, however rare.
            return False
        return not (frequency >= _ORDINARY_ZIPF and word.lower() in self.lower)


# "St. Martin's": the abbreviation's full stop does not end the name.
# ("C$109 million", "HK$3 billion": a currency's letters are no name)
_TOKEN = (
    r"(?:(?:St|Mt|Ft)\.(?=\s+[A-Z])|(?!(?:U\.S|U\.K|U\.N|E\.U)\.)(?:[A-Z]\.){2,}(?=\s+[A-Z])|[A-Z][\w'’&.\-]*[\w&]|"
    # ("Arthur J. Gallagher", "Charles R. Schwab": a middle initial inside a name)
    r"(?<=[a-z]\s)[A-Z]\.(?=\s+[A-Z][a-z])|[A-Z]|[a-z]+[A-Z][\w\-]*|"
    r"\d+[A-Za-z][\w.]*)(?![A-Z]*[$€£¥])"
)
# ("First National Bank and Trust Co of Washington" is one bank)
_CONNECTOR = (
    r"(?:\s+(?:of|de|del|der|den|la|le|du|des|van|von|da|di|for|&)(?=\s+[A-Z])"
    r"|(?<=Bank)\s+and(?=\s+Trust\b))"
)
_CAPITALISED = re.compile(rf"(?<![\w'’.,$€£¥₹]){_TOKEN}(?:(?:{_CONNECTOR})?\s+{_TOKEN})*")


_DEMONYM_GOVERNMENT = re.compile(r"\b([A-Z][a-z]+)\s+government\b")
_US_ADMINISTRATION = re.compile(
    r"\b(?:Trump|Biden|Obama|Bush|Clinton|Reagan|Carter)\s+[Aa]dministration\b"
)
_TICKER = re.compile(
    r"(?<=[\w.’'])\s*\((?:[A-Z][A-Za-z]{1,7}(?:\s+[A-Z][a-z]+)?\s*:\s*)?"
    r"[A-Z]{1,6}(?:\.[A-Z]{1,3})?\)"
)
_NAME_AFTER_PLACE = re.compile(
    r"\s+(?:Limited|Ltd|Inc|Corp|Corporation|Co|Company|Plc|PLC|LLC|AG|SA|NV|Group|Holdings|"
    r"Airlines|Airways|Energy|Capital|Partners|Ventures|Telecom|Motors|Steel|Resources)\b"
)


_CAPITALISED_NEXT = re.compile(
    r"(?:-|\s+)(?!(?:AI|And|Or|The|In|On|At|For|To|Of|President|Prime|Minister|Secretary|"
    r"Governor|Senator|Chancellor|King|Queen|Crown|Premier|Mayor|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)"
    # ("in New York GoDaddy shares jumped": a camel-cased word is a name of its own)
    r"(?![A-Z][a-z]+[A-Z])[A-Z][a-z]"
)


@dataclass(frozen=True)
class _Gazetteer:
    pattern: re.Pattern[str] | None
    canonical: dict[str, tuple[str, str]]  # alias -> (canonical name, category)


@cache
def _gazetteer() -> _Gazetteer:
    raw = resources.files("flows.deals").joinpath("data/organisations.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    canonical: dict[str, tuple[str, str]] = {}
    for category, names in data.items():
        for name, aliases in names.items():
            for alias in [name, *aliases]:
                canonical[alias] = (name, category)
    return _Gazetteer(_names_pattern(canonical), canonical)


@cache
def _places() -> dict[str, tuple[str, str]]:
    """Written name -> (canonical name, kind)."""
    raw = resources.files("flows.deals").joinpath("data/places.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    places: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name
        for written in {country.name, short, getattr(country, "official_name", country.name)}:
            places[written] = (short, "country")
    for alias, official in data["country_aliases"].items():
        found = pycountry.countries.get(name=official) or pycountry.countries.lookup(official)
        places[alias] = (getattr(found, "common_name", None) or found.name, "country")
    for name in data["regions"]["names"]:
        places[name] = (name, "region")
    for state in pycountry.subdivisions.get(country_code="US"):
        # US states ("Michigan"); "Georgia" stays the country unless the story names US
        # places (records._place_georgia), "New York" the city.
        if state.type == "State":
            places.setdefault(state.name, (state.name, "region"))
    for code in ("IN", "CA", "AU"):
        # Indian states, Canadian provinces, Australian states ("Gujarat", "Alberta"),
        # written without pycountry's diacritics ("Gujarāt"); "Victoria" is a name too.
        for state in pycountry.subdivisions.get(country_code=code):
            name = "".join(
                c for c in unicodedata.normalize("NFKD", state.name) if not unicodedata.combining(c)
            )
            if state.type in {"State", "Province", "Territory"} and name != "Victoria":
                places.setdefault(name, (name, "region"))
    for written, state_name in data["us_state_abbreviations"].items():
        places[written] = (state_name, "region")
    for name in data["cities"]["names"]:
        places[name] = (name, "city")
    return places


@cache
def _us_places() -> frozenset[str]:
    """The United States, its states and its cities in the place lists: what makes
    "Georgia" beside them the state."""
    states = {s.name for s in pycountry.subdivisions.get(country_code="US") if s.type == "State"}
    cities = {"New York", "San Francisco", "Seattle", "Austin", "Abilene", "Boston", "Chicago",
              "Atlanta", "Memphis"}  # fmt: skip
    return frozenset(states | cities | {"United States"})


def is_us_place(name: str) -> bool:
    return name in _us_places()


@cache
def _places_pattern() -> re.Pattern[str]:
    pattern = _names_pattern(_places())
    assert pattern is not None
    return pattern


# A lower-case noun of who someone is, after a word that describes it
_ROLE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:investors?|firms?|funds?|giants?|makers?|startups?|start-ups?|"
    r"compan(?:y|ies)|billionaires?|managers?|shareholders?|entrepreneurs?|executives?|"
    r"lenders?|banks?|insurers?|retailers?|carriers?|operators?|developers?|groups?|"
    r"conglomerates?|investment\s+firm|hedge\s+fund|private\s+equity)\s+[A-Z]"
)


_APPOSED_NAME = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
    r"invest(?:s|ed|ing)?\s+in|back(?:s|ed|ing)?|merg(?:e|es|ed|ing)\s+with)\s+"
    r"(?P<name>[A-Za-z][\w.]{0,15})"
    r"(?=,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:startup|start-up|company|platform|maker|"
    r"developer|firm|app|network|lab|service|provider)\b(?!\s+(?:said|says)\b))"
)

_KINDS_OF_INVESTOR = frozenset(
    [
        "Pension",
        "Hedge",
        "Sovereign",
        "Mutual",
        "Index",
        "Venture",
        "Private",
        "Retail",
        "Institutional",
        "Activist",
        "Tech",
        "Technology",
        "Oil",
        "Energy",
        "Chip",
        "State",
        "Public",
        "Foreign",
        "Global",
        "Big",
        "Large",
        "Small",
        "Local",
        "Regional",
        "Western",
        "Family",
        "Infrastructure",
        "Growth",
        "Crypto",
        "Insurance",
        "Investment",
        "Bond",
        "Equity",
        "Credit",
        "Rival",
        "Other",
        "Many",
        "Some",
        "Most",
        "Several",
        "Strategic",
        "Corporate",
        "Passive",
        "Active",
        "Quant",
    ]
)
_KIND_AFTER = re.compile(
    r"\s+(?:funds|investors|firms|companies|managers|banks|lenders|insurers|buyers|groups|"
    r"startups|investments)\s+(?-i:[a-z])"
)


@cache
def _common_words() -> frozenset[str]:
    return frozenset(w.lower() for w in get_stoplist("English"))


def _names_pattern(names: dict[str, object]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


# "its Nevada Gigafactory", "the Nevada site": a facility known by the place it stands in
_PLACE_FACILITY = re.compile(
    r"(?P<place>.+?)\s+(?i:gigafactory|factory|plant|site|campus|refinery|mine|hub|facility|"
    r"data\s+cent(?:er|re)s?|fab|complex)"
)


def facility_place(name: str) -> tuple[str, str] | None:
    """ "Nevada Gigafactory" -> ("Nevada", "region"): the place a facility's name tells."""
    m = _PLACE_FACILITY.fullmatch(name)
    return _places().get(m["place"]) if m else None


_GENERIC_WORD = re.compile(r"Holdings?|Group|Holding|Company|Corporation|International")
_LOWERCASE_NAME_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:privately|publicly|family|state|wholly|majority|minority|closely|jointly|"
    r"newly|so|well)-)([a-z]+(?:-[a-z0-9]+)+|[a-z]+[A-Z][\w]*)\s+$"
)


def _with_lowercase_name(sentence: str, entity: Entity) -> Entity:
    """ "Germany's in-tech Holding GmbH": a name that is only generic words and a legal form
    begins with the lower-case word before it."""
    words = entity.text.split()
    if (
        entity.kind != "org"
        or not has_legal_form(entity.text)
        or not all(_GENERIC_WORD.fullmatch(w) or is_legal_form_word(w) for w in words)
    ):
        return entity
    before = _LOWERCASE_NAME_BEFORE.search(sentence, 0, entity.start)
    if before is None:
        return entity
    text = sentence[before.start(1) : entity.end]
    return replace(entity, name=normalise_name(text), text=text, start=before.start(1))


def is_legal_form_word(word: str) -> bool:
    """Whether ``word`` alone is a legal form ("GmbH", "Inc.", "Ltd")."""
    return _LEGAL_SUFFIX.fullmatch(" " + word) is not None


def has_legal_form(text: str) -> bool:
    """Whether a name is written with its legal form ("Siemens AG", "Apple Inc.")."""
    return bool(_LEGAL_SUFFIX.search(text))


def is_place_name(text: str) -> bool:
    """Whether ``text`` as written names a country, region, US state or known city."""
    return text in _places()


def demonym_place(word: str) -> tuple[str, str] | None:
    """ "Indian" -> ("India", "country"): the place an adjective of place points at."""
    place = _DEMONYMS.get(word)
    return _places().get(place) if place else None


def normalise_name(name: str) -> str:
    """Canonical form for matching: gazetteer alias, else the name without legal form."""
    name = re.sub(r"\s+", " ", name).strip(" ,.'’\"")
    name = re.sub(r"['’]s$", "", name)
    gaz = _gazetteer().canonical
    if name in gaz:
        return gaz[name][0]
    stripped = _LEGAL_SUFFIX.sub("", name).strip(" ,")
    # "Saatchi and Saatchi Co Plc", "Universal Life Sdn Bhd": forms stack
    stripped = _LEGAL_SUFFIX.sub("", stripped).strip(" ,") or stripped
    # "Wells Fargo & Co.": the ampersand belonged to the legal form
    stripped = re.sub(r"\s*&$|\s+and$", "", stripped) or stripped
    if stripped in gaz:
        return gaz[stripped][0]
    return stripped or name


def is_function_word(word: str) -> bool:
    """ "the", "and", "of": a word no name ends with."""
    return word.lower() in _FUNCTION_WORDS


def is_known(name: str) -> bool:
    """Whether the gazetteer knows ``name`` (or its alias): its form is canonical."""
    return normalise_name(name) in _gazetteer().canonical


def name_key(name: str) -> str:
    """Case- and punctuation-insensitive key of a normalised name (for merging)."""
    return re.sub(r"[^a-z0-9]+", " ", normalise_name(name).lower()).strip()


def same_company(a: str, b: str) -> bool:
    """Whether two names are one company: equal keys, or one the start of the other
    ("Piedmont" and "Piedmont Aviation", "USAir" and "USAir Group"). "Tata Sons" and "Tata
    Motors" stay two: neither name is the start of the other."""
    words_a, words_b = normalise_name(a).split(), normalise_name(b).split()
    shorter, longer = sorted((words_a, words_b), key=len)
    if not shorter or [_word_key(w) for w in longer[: len(shorter)]] != [
        _word_key(w) for w in shorter
    ]:
        return False
    # "Kinder Morgan Canada", "Antonson America": a company's arm in a country is another
    # company, which may well hold a stake in its parent's business.
    rest = longer[len(shorter) :]
    return not any(
        " ".join(rest[i:j]) in _places()
        for i in range(len(rest))
        for j in range(i + 1, len(rest) + 1)
    )


def _word_key(word: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", word.lower())


def category_of(name: str) -> str | None:
    found = _gazetteer().canonical.get(normalise_name(name))
    return found[1] if found else None


# "Christo Wiese, then chairman of the South African retailer", "Mr. Wiese", "billionaire
# Christo Wiese": what the sentence says around a name that makes it a person's.
_DESCRIBED_AS_PERSON = re.compile(
    # ("Jet.com, whose founder Marc Lore": the founder is someone else's)
    r",\s+(?!whose\b)(?:then\s+|the\s+|a\s+|its\s+|former\s+|now\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:chairman|chairwoman|chief executive|CEO|founder|co-founder|billionaire|entrepreneur|"
    r"president|businessman|businesswoman|tycoon|heir|owner)\b"
)
_TITLED_AS_PERSON = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Sir|Dame)\.?\s+$|\b(?:billionaire|entrepreneur|businessman|"
    r"businesswoman|tycoon|founder|co-founder|CEO|chief executive|chairman|chairwoman)\s+$",
)


def is_person(sentence: str, entity: Entity) -> bool:
    """Whether a name in ``sentence`` is a person's: listed as one in the gazetteer, or
    described as one right beside it."""
    described = _DESCRIBED_AS_PERSON.match(sentence, entity.end)
    if (
        described is not None
        and described.group(0).endswith("owner")
        and (
            entity.known
            or _LEGAL_SUFFIX.search(entity.text)
            or ORG_WORDS.search(entity.text)
            # ("Tribune, the former owner of The Times": a person has a first name too)
            or " " not in entity.text
        )
    ):
        # "Snap Inc, the owner of messaging app Snapchat": a company owns things too
        described = None
    return entity.category == "person" or bool(
        described or _TITLED_AS_PERSON.search(sentence[: entity.start])
    )


def find_entities(sentence: str, vocabulary: Vocabulary | None = None) -> list[Entity]:
    """Organisations and places in ``sentence``, in order, without overlaps.

    ``vocabulary`` (see :func:`vocabulary_of`) decides whether a common word that opens
    the sentence, or stands in a headline, is a name.
    """
    vocabulary = vocabulary or Vocabulary()
    headline = is_headline(sentence)
    taken: list[tuple[int, int]] = []
    found: list[Entity] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    if not headline:
        for qs, qe in _quoted_headlines(sentence):
            # Read as the headline it is, then kept whole: "Is Valued At" joins no name.
            for e in find_entities(sentence[qs:qe], vocabulary):
                found.append(replace(e, start=e.start + qs, end=e.end + qs))
            taken.append((qs, qe))
    gaz = _gazetteer()
    if gaz.pattern is not None:
        for m in gaz.pattern.finditer(sentence):
            if not free(m.start(), m.end()):
                continue
            canonical, category = gaz.canonical[m.group(0)]
            end = _extend_legal_suffix(sentence, m.end())
            if not headline:
                # "OpenAI Group PBC": a legal form may close the division's words too
                end = _extend_legal_suffix(sentence, _extend_division(sentence, end, gaz.pattern))
            found.append(
                Entity(canonical, sentence[m.start() : end], m.start(), end, "org", category, True)
            )
            taken.append((m.start(), end))
    places = _places()
    for m in _places_pattern().finditer(sentence):
        # "Bank of America", "University of Tokyo", "Kinder Morgan Canada Limited", "Qatar
        # Airways": the place is part of a name.
        if _place_in_name(sentence, m.start()):
            continue
        if _NAME_AFTER_PLACE.match(sentence[m.end() :]):
            continue
        # "Texas Instruments", "Washington Post", "Georgia-Pacific": in prose a capitalised
        # word right after a place makes both one name (headlines capitalise everything).
        if (
            not headline
            and _CAPITALISED_NEXT.match(sentence, m.end())
            # ("the U.S. Midwest", "the U.S. Gulf Coast": a place within the place)
            and not _places_pattern().match(sentence, m.end() + 1)
        ):
            continue
        # "a 100% stake in Air India": an ordinary capitalised word before a country in prose
        # names a company ("Northern India", "New Delhi, India" and "In India" do not).
        before = re.search(r"(?<![\w.,’'-])([A-Z][a-z]+)\s+$", sentence[: m.start()])
        if (
            not headline
            # ("Visa Europe", "Ford Europe": a company's arm on a continent)
            and (places[m.group(0)][1] == "country" or m.group(0) in _CONTINENTS)
            and before is not None
            and before.group(1) not in _PLACE_MODIFIERS
            and before.group(1).lower() not in _FUNCTION_WORDS
            and before.group(1) not in _DEMONYMS
            and not _at_sentence_start(sentence, before.start(1))
        ):
            continue
        if free(m.start(), m.end()):
            canonical, kind = places[m.group(0)]
            government = re.match(r"\s+government\b", sentence[m.end() :], re.I)
            if government:
                # "The UK government will invest": a state actor, not a destination.
                end = m.end() + government.end()
                name = f"{canonical} government"
                found.append(
                    Entity(
                        name, sentence[m.start() : end], m.start(), end, "org", "government", True
                    )
                )
                taken.append((m.start(), end))
                continue
            found.append(Entity(canonical, m.group(0), m.start(), m.end(), kind, None, True))
            taken.append((m.start(), m.end()))
    for m in _DEMONYM_GOVERNMENT.finditer(sentence):
        place = _DEMONYMS.get(m.group(1))
        if place is not None and free(m.start(1), m.end()):
            # "a partnership with the French government": the state, as an actor
            found.append(
                Entity(
                    f"{place} government",
                    m.group(0),
                    m.start(1),
                    m.end(),
                    "org",
                    "government",
                    True,
                )
            )
            taken.append((m.start(1), m.end()))
    for m in _APPOSED_NAME.finditer(sentence):
        name = m.group("name")
        if free(m.start("name"), m.end("name")) and name.lower() not in _common_words():
            # "xAI had acquired X, the social media platform", "buy io, the hardware
            # startup": a name any case, known by the description beside it
            found.append(Entity(name, name, m.start("name"), m.end("name"), "org"))
            taken.append(m.span("name"))
    for m in _US_ADMINISTRATION.finditer(sentence):
        if free(m.start(), m.end()):
            # "The Trump administration took a 10% stake in Intel": the state acts
            found.append(
                Entity("United States government", m.group(0), *m.span(), "org", "government", True)
            )
            taken.append(m.span())
    # "Heinz (HNZ.N)", "Nvidia (NASDAQ: NVDA)": a ticker restates the name before it.
    taken.extend(m.span() for m in _TICKER.finditer(sentence))
    for m in _CAPITALISED.finditer(sentence):
        if re.search(
            r"\b(?:sub|pan|non|anti|pro|trans)-$", sentence[max(0, m.start() - 6) : m.start()], re.I
        ):
            continue  # "sub-Saharan Africa", "pan-European": a prefixed adjective, no name
        for start, end in _title_parts(sentence, _free_parts(m.start(), m.end(), taken)):
            pieces = _headline_pieces(sentence, start, end, vocabulary) if headline else None
            if pieces == [] and _opens_with_rare_word(sentence[start:end]):
                # "Oppenheimer Ups Viacom Stake": a rare first word is a name even when the
                # body never writes it mid-sentence; "This Hedge Fund Bought" has none.
                pieces = None
            for piece_start, piece_end in _possessive_pieces(
                sentence, pieces if pieces is not None else [(start, end)]
            ):
                entity = _capitalised_entity(sentence, piece_start, piece_end, vocabulary, headline)
                dotted = sentence[entity.start : entity.end + 1] if entity else ""
                if (
                    entity is not None
                    and entity.text + "." == dotted
                    and dotted in _places()
                    and not _NAME_AFTER_PLACE.match(sentence, entity.end + 1)
                ):
                    # "its U.K. Marketing companies": a dotted place before a capitalised
                    # word is still the place ("U.S. Steel" is in the gazetteer)
                    canonical, kind = _places()[dotted]
                    entity = Entity(
                        canonical, dotted, entity.start, entity.end + 1, kind, None, True
                    )
                if entity is not None:
                    found.append(entity)
                    taken.append((entity.start, entity.end))
    found.sort(key=lambda e: e.start)
    found = [_with_lowercase_name(sentence, e) for e in found]
    dateline = _DATELINE.match(sentence)
    town = found[0].text.title() if found else ""
    if (
        dateline is not None
        and found
        and found[0].end == dateline.end("place")
        # ("IBM - the company - will": capitals before a dash are a dateline only with its
        # date or agency, or when they spell a place)
        and (dateline["date"] or dateline["agency"] or town in _places())
    ):
        # "SAN FRANCISCO, Dec 1 (Reuters) - Nvidia will invest": the town the story was
        # filed from, written in capitals, is a place
        canonical, kind = _places().get(town, (town, "city"))
        found[0] = replace(found[0], name=canonical, kind=kind, known=town in _places())
    # "the Wallaceburg, Ontario, metal can making operations", "Olympia, Wash.": a single
    # unknown word followed by its state or country between commas is a town
    found = [
        replace(e, kind="city")
        if e.kind == "org"
        and not e.known
        and " " not in e.text
        and i + 1 < len(found)
        and found[i + 1].kind in {"region", "country"}
        and re.fullmatch(r",\s+", sentence[e.end : found[i + 1].start])
        and sentence[found[i + 1].end : found[i + 1].end + 1] in {",", ""}
        else e
        for i, e in enumerate(found)
    ]
    # "invest $100 million in its Spring Hill plant", "their Fremont factory": a company's
    # own plant is named for its town
    found = [
        replace(e, kind="city")
        if e.kind == "org"
        and not e.known
        and re.search(r"\b(?:its|their|our)\s+$", sentence[max(0, e.start - 7) : e.start])
        and OWN_FACILITY.match(sentence, e.end)
        else e
        for e in found
    ]
    # "its stake in GM East Africa": a name ending in a point of the compass goes on into
    # the place after it
    joined: list[Entity] = []
    for e in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.kind == "org"
            and e.is_place
            and re.search(r"\s(?:East|West|North|South|Central)$", last.text)
            and sentence[last.end : e.start] == " "
        ):
            text = sentence[last.start : e.end]
            joined[-1] = replace(last, name=normalise_name(text), text=text, end=e.end, known=False)
            continue
        joined.append(e)
    found = joined
    # "stunned Wall Street": a market acts on no deal
    found = [e for e in found if e.text not in _MARKETS]
    # "Cursor maker Anysphere", "TikTok owner ByteDance": the product names its maker
    found = [
        e
        for i, e in enumerate(found)
        if not (
            e.kind == "org"
            and i + 1 < len(found)
            and found[i + 1].kind == "org"
            and re.fullmatch(
                r"(?:['’]s)?\s+(?:maker|owner|developer|creator|parent|operator|publisher)\s+",
                sentence[e.end : found[i + 1].start],
            )
        )
    ]
    # "members of the Walt Disney family", "the Bass family": a family invests, not the
    # company that bears its name.
    found = [
        replace(
            e,
            name=f"{e.text} family",
            text=sentence[e.start : e.end + family.end()],
            end=e.end + family.end(),
            category="person",
            known=False,
        )
        if e.kind == "org" and (family := re.match(r"\s+family\b", sentence[e.end :]))
        else e
        for e in found
    ]
    cut = [
        _cut_home(sentence, e, found[i + 1] if i + 1 < len(found) else None)
        for i, e in enumerate(found)
    ]
    return _mark_towns(sentence, _join_and_names(sentence, cut))


# "Hoechst AG of West Germany", "Renouf Corp of New Zealand": after a legal form, "of" and
# a place tell where the company is from, not its name. A stem that is one ordinary word
# keeps it ("Financial Corp of Santa Barbara", "Controls Corp of America" are names).
_HOME_AFTER_FORM = re.compile(
    r"^(?P<name>.+?\s(?:AG|Inc|Corp|Co|Ltd|Plc|PLC|SA|NV|GmbH|Oy|AB|SpA)\.?)\s+of\s+(?P<home>.+)$"
)


def _cut_home(sentence: str, entity: Entity, after: Entity | None) -> Entity:
    m = _HOME_AFTER_FORM.match(entity.text)
    if entity.kind != "org" or entity.known or m is None:
        return entity
    # "Personal Computer Rental Corp of Coral Gables, Fla.": a town the place lists do not
    # know, told by the state or country written after it.
    town = (
        after is not None
        and after.kind in {"region", "country"}
        and re.fullmatch(r",\s+", sentence[entity.end : after.start]) is not None
        and len(m["home"].split()) <= 3
    )
    if m["home"] not in _places() and not town:
        return entity
    stem = _LEGAL_SUFFIX.sub("", m["name"]).split()
    if len(stem) == 1 and zipf_frequency(stem[0], "en") >= _ORDINARY_ZIPF:
        return entity
    text = m["name"]
    return replace(entity, name=normalise_name(text), text=text, end=entity.start + len(text))


# "Falmouth, Maine-based G.H. Bass", "Capital Savings Bank, Olympia, Wash., and": a town
# the place lists do not know, told by the state or country written after it.
_TOWN_OF_BASED = re.compile(r",\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-based\b")


def _mark_towns(sentence: str, found: list[Entity]) -> list[Entity]:
    marked: list[Entity] = []
    for i, entity in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        town = entity.kind == "org" and not entity.known and len(entity.name.split()) <= 2
        if town and (
            _TOWN_OF_BASED.match(sentence, entity.end)
            or (
                after is not None
                and after.kind in {"region", "country"}
                and re.fullmatch(r",\s+", sentence[entity.end : after.start])
                and re.match(r"\s*(?:[,;.)]|$)", sentence[after.end :])
                and re.search(r"(?:,|\b(?:in|of|at|from|near))\s+$", sentence[: entity.start])
            )
        ):
            entity = replace(entity, kind="city")
        marked.append(entity)
    return marked


# "Fountain Oil and Gas Inc", "Aetna Life and Casualty Co", "Johnson and Johnson Co": an
# "and" inside a name whose legal form closes it.
_AND_NAME_END = re.compile(
    r"(?:[,\s]+(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|Plc|PLC|plc|Bhd|Sdn Bhd|"
    r"AG|SA|NV|Association)\.?)+$"
)
_AND_NAME_START = re.compile(r"(?:[A-Z][\w&'’-]*\s+){0,3}[A-Z][\w&'’-]*\s+and\s+$")


def _join_and_names(sentence: str, found: list[Entity]) -> list[Entity]:
    joined: list[Entity] = []
    for entity in found:
        before = _AND_NAME_START.search(sentence[: entity.start])
        if (
            entity.kind != "org"
            or entity.known
            or before is None
            or not _AND_NAME_END.search(entity.text)
        ):
            joined.append(entity)
            continue
        first = [e for e in joined if e.end > before.start()]
        left = re.sub(r"\s+and\s+$", "", before.group(0))
        if (
            re.search(r",\s*$", sentence[: before.start()])
            or _LEGAL_SUFFIX.search(left)
            or any(e.known or e.is_place or _AND_NAME_END.search(e.text) for e in first)
            # ("Reliance Industries and Walt Disney Co.": a name complete on each side)
            or (ORG_WORDS.fullmatch(left.split()[-1]) and len(entity.text.split()) >= 3)
        ):
            # "Microsoft and Nvidia Corp.", "Airbus SE and Bombardier Inc.", "Pixar, Marvel
            # Entertainment and Lucasfilm Ltd.": two companies, or the end of a list
            joined.append(entity)
            continue
        joined = [e for e in joined if e.end <= before.start()]
        text = sentence[before.start() : entity.end]
        joined.append(Entity(normalise_name(text), text, before.start(), entity.end, "org"))
    return joined


def _quoted_headlines(sentence: str) -> list[tuple[int, int]]:
    """Quoted titles in title case ('"Lyft Is Valued At $7.5 Billion After Raising A $500
    Million Round," recode reported'): inside them every word is capitalised, as in a
    headline, so "Is Valued At" is not part of a name."""
    return [
        (m.start(1), m.end(1))
        for m in re.finditer(r"[“\"]([^”\"]{12,240})[”\"]", sentence)
        if is_headline(m.group(1))
    ]


# "Former Halvard CEO Eric Lindqvist": a job title between a company and a person.
_TITLE_IN_SPAN = re.compile(
    r"\s(?:CEO|CFO|CTO|COO|Chairman|Chairwoman|Founder|Co-founder|Co-Founder|President|"
    r"Chief Executive|Managing Partner|General Partner|Partner|Boss)\s(?=[A-Z])"
)


def _title_parts(sentence: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in parts:
        for title in _TITLE_IN_SPAN.finditer(sentence, start, end):
            if ORG_WORDS.search(sentence[title.end() : end]):
                continue  # "Orbis Founder Partners" is a fund's name
            out.append((start, title.start()))
            start = title.end()
        out.append((start, end))
    return [(s, e) for s, e in out if e > s]


# Words that follow a company's name without being part of it: titles, days, months.
_NOT_DIVISION = re.compile(
    r"(?:Chief|President|Executive|Chairman|Chairwoman|Founder|Director|Head|Vice|Senior|"
    r"Managing|Partner|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December|The|"
    r"And|But|On|In|At|For|To|Of)\b"
)


def _extend_division(sentence: str, end: int, gazetteer: re.Pattern[str]) -> int:
    """ "Google Cloud", "Microsoft Research": in prose, capitalised words right after a
    known company name a division of it, which acts for the company."""
    while (
        (m := re.match(r" ([A-Z][a-z]+)\b(?![’'-])", sentence[end:]))
        and not _NOT_DIVISION.match(m.group(1))
        and m.group(1) not in _HEADLINE_VERBS  # "xAI Raises $6 Billion"
        and not gazetteer.match(sentence, end + 1)
    ):
        end += m.end()
    return end


def _extend_legal_suffix(sentence: str, end: int) -> int:
    m = re.match(
        # ("Blackstone Group LP", "KKR & Co LP": forms may stack)
        r"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|GmbH|AG|SA|Co|PBC|Plc|PLC|NV|SE|LP|L\.P)\b\.?)"
        r"(?:\s+(?:LP|L\.P\.?|Inc\.?|Ltd\.?)(?!\w))?",
        sentence[end:],
    )
    return end + m.end() if m else end


def _free_parts(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    parts = [(start, end)]
    for s, e in taken:
        next_parts = []
        for ps, pe in parts:
            if e <= ps or s >= pe:
                next_parts.append((ps, pe))
                continue
            if ps < s:
                next_parts.append((ps, s))
            if e < pe:
                next_parts.append((e, pe))
        parts = next_parts
    return parts


def vocabulary_of(text: str) -> Vocabulary:
    """Capitalised words written mid-sentence in ordinary (not headline-case) lines, and
    every word written in lower case."""
    names: set[str] = set()
    for line in re.split(r"(?<=[.!?])\s+|\n+", text):
        if len(line.split()) < 4 or is_headline(line):
            continue
        # A quoted title capitalises every word: it vouches for none of them.
        for qs, qe in reversed(_quoted_headlines(line)):
            line = line[:qs] + " " + line[qe:]
        words = line.split()
        # "AT&T's" vouches for "AT&T" too: the possessive is not part of the name.
        stripped = (w.strip("\"'’“”(),.;:!?") for w in words[1:])
        capitalised = [w for w in stripped if w[:1].isupper()]
        names.update(capitalised)
        names.update(re.sub(r"['’]s$", "", w) for w in capitalised)
    lower = frozenset(re.findall(r"(?<![\w'’])[a-z][a-z\-]+", text))
    return Vocabulary(frozenset(names), lower)


def is_headline(line: str) -> bool:
    """Title case: every word but the little ones capitalised, verbs included ("Amazon to Buy
    Whole Foods"); prose always has a lower-case verb or noun ("Northwind Retail bought")."""
    content = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _FUNCTION_WORDS]
    # ("xAI", "iPhone", "eBay" are capitalised names too)
    return len(content) >= 3 and all(
        w[:1].isupper() or re.match(r"[a-z]{1,2}[A-Z]", w) for w in content
    )


def _headline_pieces(
    sentence: str, start: int, end: int, vocabulary: Vocabulary
) -> list[tuple[int, int]]:
    """ "Orbit Foods To Buy Cascade Grocers For": in a headline every word is capitalised,
    so ordinary words ("To", "Buy", "For") split a span into the names around them."""
    pieces: list[tuple[int, int]] = []
    piece_start: int | None = None
    piece_end = start
    for word in re.finditer(r"\S+", sentence[start:end]):
        w_start, w_end = start + word.start(), start + word.end()
        text = word.group(0)
        ordinary = text not in {"of", "&", "de"} and (
            text.lower() in _FUNCTION_WORDS
            or text in _HEADLINE_VERBS
            or (_is_participle(text) and text not in vocabulary.names)
            or not vocabulary.vouches_for(re.sub(r"['’]s$", "", text) or text, strict=True)
        )
        if ordinary and piece_start is not None and ORG_WORDS.match(text):
            ordinary = False  # "AMD To Buy ZT Systems": a company word ends the name
        if ordinary:
            if piece_start is not None:
                pieces.append((piece_start, piece_end))
            piece_start = None
            continue
        if piece_start is None:
            piece_start = w_start
        piece_end = w_end
    if piece_start is not None:
        pieces.append((piece_start, piece_end))
    return pieces


def _opens_with_rare_word(span: str) -> bool:
    first = next((w for w in span.split() if w.lower() not in _FUNCTION_WORDS), "")
    return bool(first) and zipf_frequency(first, "en") < _ORDINARY_ZIPF


def _is_participle(word: str) -> bool:
    """ "Increasing", "Boosting", "Shipping": a verb's -ing form (its stem is a common word);
    "Boeing" and "Xiaoping" are not."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    if zipf_frequency(word.lower(), "en") < _ORDINARY_ZIPF:
        return False  # "Corning", "Spalding": rarer than any verb form in use
    stem = word[:-3].lower()
    stems = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.add(stem[:-1])  # "shipping" -> "ship"
    return any(zipf_frequency(s, "en") >= _ORDINARY_ZIPF for s in stems)


def _possessive_pieces(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Braun's Ithaca Holdings": a possessive ends one name and the next one starts after."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        # ("Macy's Inc", "Kohl's Corp": the possessive is the name itself)
        for m in re.finditer(
            r"['’]s\s+(?=\S)(?!(?:Inc|Corp|Co|Ltd|Plc|PLC|LLC|Cos)\b)", sentence[start:end]
        ):
            out.append((start, start + m.start() + 2))
            start = start + m.end()
        out.append((start, end))
    return out


def _at_sentence_start(sentence: str, offset: int) -> bool:
    return not sentence[:offset].strip(" \t\"'“‘(-–—")


_ABBREVIATED_FORMS = frozenset(
    {
        "Corp",
        "Co",
        "Cos",
        "Inc",
        "Ltd",
        "Plc",
        "PLC",
        "LLC",
        "SA",
        "AG",
        "NV",
        "AB",
        "GmbH",
        "SpA",
        "Oy",
        "Group",
    }
)
# "Enercon Data Corp of ": the words of a name up to its form, then "of"
_FORM_OF = re.compile(
    r"(?:(?<=\s)|^)((?:[A-Z][\w.&-]*\s+)*?)(?:" + "|".join(sorted(_ABBREVIATED_FORMS)) + r")"
    r"\s+of\s+(?:the\s+)?$"
)
# "Bank of America", "Government of India", "Life Insurance Corporation of India": a place
# after these words is part of the name; after others ("Deutz of West Germany") it says
# where the company is from.
_INSTITUTION_OF = re.compile(
    r"\b(?:Bank|Banco|University|Republic|Government|State|States|Province|City|Town|County|"
    r"Museum|Commonwealth|Church|Port|College|Institute|Council|Ministry|Department|"
    r"Federation|Union|Association|Society|Chamber|Kingdom|Emirate|Islands|Court|Parliament|"
    r"Assembly|Authority|Board|Exchange|Fund|Trust|Corporation|Company|Development|"
    r"Insurance|Airlines|Airways|Railways|Post|Times|Journal|News|Press|Club|Party|Nation|"
    r"Organi[sz]ation|Agency|Office|Service|Commission|Centre|Center|School|Hospital)"
    r"\s+of\s+(?:the\s+)?$"
)


_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3})"
    r"(?P<date>,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?P<agency>\([A-Za-z .]+\)\s*)?"
    r"(?:--|[-—–])\s"
)


OWN_FACILITY = re.compile(
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,)?\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:plants?|factory|factories|mill|refinery|facility|facilities|fab|smelter|mine|campus|"
    r"complex|warehouse|terminal|works|site|operations|hub)\b"
)


def _place_in_name(sentence: str, start: int) -> bool:
    """Whether the place at ``start``, after "of", belongs to the name before it: "Bank of
    America", "Financial Corp of Santa Barbara" (an ordinary word needs its place), not
    "Deutz of West Germany" or "Nippon Steel Co of Japan" (where the company is from)."""
    before = sentence[max(0, start - 120) : start]  # (a name is never longer)
    if _INSTITUTION_OF.search(before):
        return True
    if not re.search(r"[A-Z][\w.]*\s+of\s+(?:the\s+)?$", before):
        return False
    formed = _FORM_OF.search(before)
    if formed is not None:
        return _needs_its_place(formed.group(1).split())
    # "Nestle of Switzerland": one name, then where it is from; longer spans keep the place
    return not re.search(r"(?<![A-Z][a-z]\s)\b[A-Z][a-z]+\s+of\s+(?:the\s+)?$", before)


def _needs_its_place(head: list[str]) -> bool:
    """ "Financial Corp of Santa Barbara", "Controls Corp of America": one ordinary word
    before the legal form is no name without the place after it."""
    # (a brand is rarer than an ordinary word: "Saab AB of Sweden" is Saab, from Sweden)
    return len(head) == 1 and zipf_frequency(head[0], "en") >= max(_ORDINARY_ZIPF, 4.0)


def _capitalised_entity(
    sentence: str,
    start: int,
    end: int,
    vocabulary: Vocabulary | None = None,
    headline: bool = False,
) -> Entity | None:
    vocabulary = vocabulary or Vocabulary()
    text = sentence[start:end]
    # Trim to whole tokens, drop leading function words and trailing possessives.
    words = text.split()
    offset = start + (len(text) - len(text.lstrip()))
    while (
        words
        and (
            (words[0] in _NOT_NAMES and not _AI_BODY.fullmatch(" ".join(words)))
            or words[0] in _HEADLINE_VERBS
            # "the Series B of Reka": the round's letter goes with "Series"
            or (
                re.fullmatch(r"[A-Z]\d?\+?", words[0]) is not None
                and re.search(r"\bSeries\s+$", sentence[: sentence.index(words[0], offset)])
                is not None
            )
            # "Swiss Actelion" loses the adjective; "American Airlines" is the name itself.
            or (
                words[0] in _DEMONYMS
                and (
                    len(words) == 1
                    or " ".join(words[1:]) in _gazetteer().canonical
                    # "Indian AI hub": the adjective and a label, no name
                    or all(w in _NOT_NAMES for w in words[1:])
                )
            )
            or words[0].lower() in _FUNCTION_WORDS
            # "its South African business", "a West German bank": an adjective of place
            or (len(words) == 2 and words[0] in _DIRECTIONS and words[1] in _DEMONYMS)
            or words[0].endswith("-based")  # "Miami-based Heinl's Nursery"
            # "in Northern India": a direction before a place is a part of it ("Southwest"
            # alone may be a company's short name)
            or (
                len(words) == 1
                and words[0] in _DIRECTIONS
                and _places_pattern().match(
                    sentence, sentence.index(words[0], offset) + len(words[0]) + 1
                )
                is not None
            )
            # "Separately, Microsoft committed": an adverb opening the sentence
            or (
                len(words) == 1
                and words[0].endswith("ly")
                and _at_sentence_start(sentence, offset)
                and sentence[sentence.index(words[0], offset) + len(words[0]) :].startswith(",")
                and words[0] not in vocabulary.names
            )
            # "Buying Fox's film studio would give Disney": a verb opens the sentence
            or (
                _is_participle(words[0])
                and _at_sentence_start(sentence, offset)
                and words[0] not in vocabulary.names
            )
            # "Activist investor Nelson Peltz's Trian", "Chipmaker Nvidia": a lone word
            # opening the sentence before a lower-case noun of who someone is describes
            # the name after it
            or (
                len(words) == 1
                and _at_sentence_start(sentence, offset)
                and _ROLE_AFTER.match(sentence, sentence.index(words[0], offset) + len(words[0]))
                is not None
                and words[0] not in vocabulary.names
            )
            # "Pension funds have poured $200 billion into", "Hedge funds bought": a lone
            # word opening the sentence before a plural noun of a kind of investor is the
            # kind, not a name (a known one keeps it: "Apollo funds bought")
            or (
                len(words) == 1
                and _at_sentence_start(sentence, offset)
                and _KIND_AFTER.match(sentence, sentence.index(words[0], offset) + len(words[0]))
                is not None
                and words[0] in _KINDS_OF_INVESTOR
            )
            # "Time Warner" and "General Motors" keep their first word; a lone common word
            # opening a sentence goes (the vocabulary check below).
            or (
                len(words) == 1
                and words[0].lower() in _common_words()
                and _at_sentence_start(sentence, offset)
            )
        )
    ):
        offset = sentence.index(words[0], offset) + len(words[0])
        words = words[1:]
        while offset < len(sentence) and sentence[offset] == " ":
            offset += 1
    # "Viking's 23rd largest holding": a name ends at its possessive.
    for i, word in enumerate(words[:-1]):
        if re.search(r"['’]s$", word):
            words = words[: i + 1]
            break
    # "Aligned Data Centers", "Vantage Data Centers": a name of its own before the words,
    # not a known company's field ("Microsoft data centers") or a place's.
    named_centers = (
        len(words) >= 3
        and words[-2] == "Data"
        and words[-1] in {"Center", "Centers", "Centre", "Centres"}
        and words[-3] not in _gazetteer().canonical
        and words[-3] not in _places()
        and words[-3] not in _NOT_NAMES
    )
    while (
        not named_centers
        and words
        and (
            words[-1].lower() in {"and", "of", "de", "for", "&", "la", "le"}
            # "Asterion AI" keeps its "AI"; "Microsoft CEO" loses the title.
            or (
                words[-1] in _NOT_NAMES
                and not (len(words) > 1 and ORG_WORDS.search(words[-1]))
                # "Big Machine", "Blue Data": a name whose first word alone is a plain
                # adjective keeps the field word that makes it a name.
                # "Crunchy Data" too: only a known company's name before it ("Nvidia Data")
                # makes the field word a part of that company.
                and not (
                    len(words) == 2
                    and words[-1] in _FIELD_WORDS
                    and (
                        zipf_frequency(words[0], "en") >= _COMMON_ZIPF
                        or words[0] not in _gazetteer().canonical
                    )
                )
            )
        )
    ):
        words = words[:-1]
    if headline:
        # "KMI Launches Canada IPO": in a headline a name ends at the first ordinary word.
        for i, word in enumerate(words):
            if (
                i
                and word not in {"of", "&", "de"}
                and not vocabulary.vouches_for(word)
                and not ORG_WORDS.match(word)  # "ZT Systems" keeps its company word
            ):
                words = words[:i]
                break
        while words and words[-1] in {"of", "&", "de"}:
            words = words[:-1]
    if not words:
        return None
    of = next(
        (i for i, w in enumerate(words) if w == "of" and i and words[i - 1] in _ABBREVIATED_FORMS),
        None,
    )
    if (
        of is not None
        and not headline
        # ("Financial Corp of Santa Barbara", "Controls Corp of America": an ordinary word
        # needs its place to be a name; "Occidental Life Insurance Co of Australia Ltd" ends
        # in a legal form of its own)
        and not _needs_its_place(words[: of - 1])
        and words[-1].rstrip(".") not in _ABBREVIATED_FORMS
    ):
        # "Enercon Data Corp of Minneapolis", "Laurentian Group of Montreal": where the
        # company is from, not part of its name ("Power Corporation of Canada" spells its form)
        words = words[:of]
    name = " ".join(words)
    name_start = sentence.index(words[0], offset)
    name_end = name_start + len(name)
    if sentence[name_start:name_end] != name:
        return None
    clean = re.sub(r"['’]s$", "", name)
    name_end = name_start + len(clean)
    if not re.match(r"[A-Z0-9]|[a-z]+[A-Z]", clean) or len(clean) < 2:
        return None
    if clean in _NOT_NAMES or clean.lower() in _common_words():
        return None
    if re.fullmatch(r"Series [A-Z]\d*|\d[QH]\d{2,4}|[QH]\d|FY\d{2,4}", clean):
        return None
    if re.fullmatch(r"[A-Z]{2,5}s", clean):
        return None  # "SUVs", "EVs", "GPUs", "IPOs": plural common nouns, not companies
    if _looks_like_person(sentence, name_start, name_end, clean):
        return None
    if (
        " " not in clean
        and (headline or _at_sentence_start(sentence, name_start))
        and (
            not vocabulary.vouches_for(clean)
            or (clean.endswith("ing") and clean not in vocabulary.names)
        )
    ):
        return None  # "Despite", "Sales", "Launching his bid": ordinary words opening a sentence
    if re.fullmatch(r"I['’](?:d|m|ve|ll)", clean) or clean.endswith(("-based", "-")):
        return None  # "I'd", "Connecticut-based", "Canadian-" of "Canadian-US"
    if re.fullmatch(
        r"[A-Z][\w&]*-[a-z]+(?:ed|en|ing|run|like|ready|native|first|centric|heavy|free|"
        r"specific|friendly|style|scale|grade|sized|wide|only)",
        clean,
    ):
        return None  # "AI-enabled data centers", "Musk-led" (not "Net-a-Porter"): adjectives
    if re.fullmatch(r"(?i)a+h+|o+h+|wow|h+m+|u+h+|u+m+|yeah|okay|hey|well|yes|no", clean):
        return None  # "Ahh, if only Yahoo had bought Snapchat"
    return Entity(normalise_name(clean), clean, name_start, name_end, "org")


_REPORTED_VERB = re.compile(
    r"\s+(?:had|has|have|would|will|could|is|was|agreed|plans|planned|intends|expects|"
    r"bought|sold|acquired|invested)\b"
)


def _looks_like_person(sentence: str, start: int, end: int, name: str) -> bool:
    # "Bank of America", "Johnson & Johnson"; "Kinder Morgan said it would" speaks of itself
    # as "it", a person would not.
    if (
        ORG_WORDS.search(name)
        or re.search(r"\sof\s|&", name)
        or _SPEAKS_AS_IT.match(sentence[end:])
    ):
        return False
    titled = _TITLES_BEFORE_PERSON.search(sentence[max(0, start - 40) : start])
    if (
        titled is not None
        and not (
            # "to partner Chevron": one word after "partner" is a company ("Sequoia partner
            # Alfred Lin" is a person)
            titled.group(0).lower().startswith("partner") and " " not in name
        )
        and not (
            # "Buffett said Berkshire had increased its stake": one word opening the reported
            # clause is its subject, a company as often as not ("..., said Hynes." is a person)
            titled.group(0).lower().startswith(("said", "says"))
            and " " not in name
            and _REPORTED_VERB.match(sentence, end)
        )
    ):
        return True
    # '..., "there is no obvious asset to buy," Hynes said.'
    quoted = re.search(r"[,\"”]\s*$", sentence[:start])
    if quoted and re.match(r"\s+(?:said|says|told)\b", sentence[end:]):
        return category_of(name) is None
    return bool(len(name.split()) in (2, 3) and _PERSON_AFTER.match(sentence[end:]))
