"""What an article is about so far, and who acts in a clause: the organisation before a
verb, the teller of "X said it ...", what "it" and "the company" mean, possessors ("its",
"Amazon's"), companies named together ("SoftBank, OpenAI and Oracle")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.deals.deal import DealRecord
from flows.deals.entities import ORG_WORDS, Entity, Vocabulary, is_person, name_key, same_company

# "it", "the company", "the Boston-based company", "the online giant", "the drugmaker",
# "The Farmington, Connecticut-based company"
# The nouns a story uses for a company it has named ("the grocer", "the drugmaker").
COMPANY_NOUNS = (
    r"(?:company|firm|startup|start-up|group|lab|giant|"
    r"maker|business|platform|developer|investor|fund|conglomerate|corporation|lender|bank|"
    r"insurer|"
    r"retailer|grocer|carrier|airline|automaker|carmaker|drugmaker|chipmaker|biotech|chain|"
    r"discounter|broadcaster|publisher|brewer|refiner|distributor|provider|producer|"
    r"manufacturer|operator|supplier|miner|utility|network|studio|unit|designer|"
    # ("the oil major agreed to acquire")
    r"(?<=\boil\s)major|(?<=\benergy\s)major)"
)

REFERENCE = re.compile(
    r"\b(?:it|the(?:\s+[A-Z][\w-]+,\s+(?:[A-Z][\w.]+,|[A-Z]\w+-based))?(?:\s+[\w-]+){0,2}?\s+"
    + COMPANY_NOUNS
    + r"|"
    # "Management also reiterated plans to spend": those who run the story's company
    r"(?:^|(?<=^\W)|(?<=\bits\s)|(?<=\bthe\s))management(?!\s+(?:company|firm|arm|team|fees?)))\b",
    re.I,
)

_OVERSEER_VERB = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:cleared|approved|blocked|sued|challenged|reviewed|probed|"
    r"rejected|questioned|investigated|opposed|backed|welcomed|criticised|criticized)\b",
    re.I,
)

# Between a company and the "it" of "X said it ...": a legal form, a ticker, an appositive.
_SAID = re.compile(
    # wire copy writes legal forms in lower case ("Lai Sun Garment Co ltd yesterday said")
    # (a name ending in a legal form leaves its full stop: "Lyft Inc. said")
    r"\.?(?:[\s,]+(?:[A-Z][\w.&]*|of|ltd|inc|plc|corp|co)\b\.?){0,4}>?(?:\s*\([^)]*\))?"
    # "Industrial Equity, which is principally owned by Brierley Investments Ltd, a publicly
    # held New Zealand company, said it"
    # ("Crusoe Energy, which builds data centres, said it raised")
    r"(?:,\s+(?:which|who)\s+[^,;]{1,100},?)?"
    r"(?:,\s+(?:a|an|the|\w+ing)\s+[^,]{1,100},)?"
    # ("Microsoft, meanwhile, has said it")
    r"(?:,\s+(?:meanwhile|however|too|also|separately|likewise|in\s+turn|for\s+its\s+part|"
    r"by\s+contrast|in\s+contrast),)?"
    r"(?:\s+(?:on\s+[A-Z]\w+|yesterday|today|earlier\s+today|late\s+yesterday))?"
    r"\s+(?:has\s+|had\s+)?"
    r"(?:also\s+)?"
    r"(?:said|says|announced|announces|reported|stated|confirmed|disclosed|added|told\s+\w+)"
    # ("Nvidia said last week it would invest")
    # ("Lyft Inc. said Thursday it raised")
    r"\s+(?:(?:on|last|this|earlier\s+this)\s+\w+\s+|earlier\s+|yesterday\s+|today\s+|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
    r"(?:that\s+)?"
)

# The possessor and up to four modifiers of the noun ("its proposed $13.7 billion"); no
# comma or verb in between ("Humira's eventual zenith, AbbVie has been investing").
POSSESSOR = re.compile(
    r"(?:\b(its|their)|(\S+)['’]s?)\s+"
    r"(?:(?!(?:has|have|had|is|are|was|were|been|be|will|would|said|says|its|their|after|"
    r"before|for|with|of|in|on|to|from|by|and|or)\b)[\w$€£¥.\-]+\s+){0,4}?$",
    re.I,
)

WE = re.compile(r"^\W*(?:we|we've|we're|we'll)\b", re.I)


@dataclass
class Context:
    """What the article is about so far: resolves "the company", "it"."""

    focus: Entity | None = None
    last_recipient: Entity | None = None
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    targets: set[str] = field(default_factory=set)  # name keys of acquisition targets so far
    last_target: Entity | None = None
    bought_by: dict[str, Entity] = field(default_factory=dict)  # buyer's key -> what it bought
    last_round: DealRecord | None = None  # the funding round "the round" refers to
    # How often, and how lately, each organisation was named: the most salient one is what
    # "the company" means. Older mentions fade so a story can move on to another company.
    mentions: dict[str, float] = field(default_factory=dict)
    named: dict[str, Entity] = field(default_factory=dict)
    # surname -> the company a person was introduced with ("OpenAI CEO Sam Altman")
    affiliations: dict[str, Entity] = field(default_factory=dict)
    # what a company was described as ("cloud security startup Wiz") -> the company, so
    # "the startup" later means Wiz, not the company bought in between
    described: dict[str, Entity] = field(default_factory=dict)

    def focus_other_than(self, name: str) -> Entity | None:
        """The most salient organisation that is not ``name``: "the entertainment company
        owns 97% of Euro Disney" in a story about Euro Disney means its owner."""
        # (A government is never "the company": "the U.S. government took a stake in Intel,
        # and SoftBank agreed to invest $2 billion in the company".)
        others = [
            k
            for k in self.mentions
            if k != name_key(name) and self.named[k].category not in {"government", "regulator"}
        ]
        return self.named[max(others, key=lambda k: self.mentions[k])] if others else None

    def buyer_of(self, target: Entity) -> Entity | None:
        """Who, in the story so far, bought ``target``."""
        key = next(
            (k for k, bought in self.bought_by.items() if same_company(bought.name, target.name)),
            None,
        )
        return self.named.get(key) if key is not None else None

    def is_surname(self, entity: Entity) -> bool:
        """Whether a one-word name is the last word of a person's full name told earlier
        ("Aggarwal" after "Bhavish Aggarwal"): news calls a person by surname."""
        if entity.known or " " in entity.text:
            return False
        return any(
            named.kind == "org"
            and not named.known
            and re.fullmatch(
                rf"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+{re.escape(entity.text)}", named.text
            )
            and not ORG_WORDS.search(named.text)
            for named in self.named.values()
        )

    def fade(self) -> None:
        for key in self.mentions:
            self.mentions[key] *= 0.8

    def mention(self, entity: Entity, weight: float = 1.0) -> None:
        key = name_key(entity.name)
        if key not in self.mentions and re.fullmatch(r"[A-Z]{2,5}", entity.name):
            # ("General Electric Co said ... GE plans to exit": the initials of a company
            # named before count as that company)
            spelled = [
                k
                for k in self.mentions
                if len(k.split()) == len(entity.name)
                and "".join(w[0] for w in k.split()).upper() == entity.name
            ]
            if len(spelled) == 1:
                key = spelled[0]
                self.mentions[key] += weight
                if key == max(self.mentions, key=lambda k: self.mentions[k]):
                    self.focus = self.named[key]
                return
        self.mentions[key] = self.mentions.get(key, 0.0) + weight
        self.named[key] = entity
        best = max(self.mentions, key=lambda k: self.mentions[k])
        if key == best:
            self.focus = entity


def _resolve(sentence: str, before: int, context: Context, prefer_recipient: bool) -> Entity | None:
    """The referent of "it"/"the company" right before position ``before``."""
    refs = list(REFERENCE.finditer(sentence[:before]))
    if not refs:
        return None
    # ("Alphabet's acquisition of cloud security startup Wiz ... surpassing its purchase of
    # Motorola Mobility ... The startup was valued at $12 billion": the one so described)
    described = described_as(context, refs[-1].group(0))
    if described is not None:
        return described
    funded = context.last_round
    if (
        _BACKER_NOUN.search(refs[-1].group(0))
        and funded is not None
        and funded.investors
        and context.focus is not None
        and name_key(context.focus.name) == name_key(funded.recipient)
    ):
        # "Goldman Sachs led a $100 million round in Brex. The bank invested in Circle": a
        # bank or fund is who put money in, not the startup that took it
        return context.focus_other_than(funded.recipient)
    last = context.last_recipient
    # The company of the story's last round, while the story still speaks of it: in a news
    # round-up ("- 39/50 GoDaddy ... The firm raised $460m") a round forty items back is
    # another story.
    if (
        prefer_recipient
        and last is not None
        and context.mentions.get(name_key(last.name), 0.0) >= _STILL_TOLD
    ):
        return last
    return context.focus


_BACKER_NOUN = re.compile(r"\b(?:bank|lender|fund|investor|insurer|asset\s+manager)$", re.I)

# "It" or "The company" opening a sentence, before its verb
OPENING_REFERENCE = re.compile(r"\W*(?:It|The\s+(?:[\w-]+\s+){0,2}?[a-z][\w-]*)\s+(?=[a-z])")

# A weight mentions fade below after about a dozen sentences without the name
_STILL_TOLD = 0.2


# "Former Google CEO Eric Schmidt backed ...": the company is the person's affiliation; the
# person acts.
AFFILIATION = re.compile(
    r"['’]?s?\s+(?:former\s+|then-|co-)?(?:CEO|chief executive|founder|co-founder|chairman|"
    r"chairwoman|president|executive|CTO|CFO|COO|boss|head|partner)\s+"
    # (each word ends in a letter: "... founder Bhavish Aggarwal." keeps no full stop)
    # ("Ola founder Bhavish Aggarwal's AI startup Krutrim": the person owns what follows;
    # he is not "Bhavish Aggarwal's AI")
    r"(?:and\s+\w+\s+)?(?P<person>[A-Z](?:[\w.-]|['’](?!s\b))*\w"
    r"(?:\s+[A-Z](?:[\w.-]|['’](?!s\b))*\w){1,2})\b(?!['’]s\b)"
)


_SUPERLATIVE_SINCE_IT = re.compile(
    r"['’]s?\s+(?:[\w$.-]+\s+){0,3}?(?:largest|biggest|first|most\s+\w+)\b[^,;]{0,40}?"
    r"\bsince\s+it\s+(?:\w+\s+){0,2}"
)
_OWNER_OF_NEXT = re.compile(
    r"['’]?s?\s+(?:former\s+|co-)?(?:founder|co-founder|CEO|chief\s+executive|chairman|"
    r"chairwoman|boss)\s+(?P<person>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s+"
)


def subject_before(
    sentence: str, pos: int, orgs: list[Entity], context: Context, prefer_recipient: bool = False
) -> Entity | None:
    """The organisation (or the person working for it) acting in a clause before ``pos``."""
    compared = next(
        (e for e in orgs if e.end < pos and _SUPERLATIVE_SINCE_IT.fullmatch(sentence, e.end, pos)),
        None,
    )
    if compared is not None:
        # "The deal is Salesforce's largest since it bought Tableau": "it" is Salesforce
        return compared
    subject = _org_subject_before(sentence, pos, orgs, context, prefer_recipient)
    titled = _BARE_TITLE.match(sentence)
    if (
        titled is not None
        and titled.end() <= pos
        and (subject is None or titled.start("person") <= subject.start < titled.end())
        and context.focus is not None
        and not context.focus.is_place
    ):
        # "Chief Executive Masayoshi Son has also agreed to buy": titled without a company,
        # the executive acts for the company the story is about
        return context.focus
    if subject is None or subject.end == 0:
        return subject
    person = AFFILIATION.match(sentence, subject.end)
    # ("Microsoft CEO Satya Nadella said the company would invest": the company acts.)
    if (
        person is not None
        and person.end("person") <= pos
        and not REFERENCE.search(sentence[person.end("person") : pos])
    ):
        name = person.group("person")
        return Entity(name, name, person.start("person"), person.end("person"), "person")
    return subject


# A title with no company before it ("Chief Executive Masayoshi Son", opening the sentence)
_BARE_TITLE = re.compile(
    r"^\W*(?:(?:Its|The\s+company['’]s|The\s+firm['’]s)\s+)?(?:Chief\s+Executive(?:\s+Officer)?|"
    r"CEO|Chairman|Chairwoman|President|Founder|Co-founder|Chief\s+Financial\s+Officer|CFO)\s+"
    r"(?P<person>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})\b"
)

# "Phoenix Steel said a group of investors offered to buy its mill": after "said" a subject
# of its own, unnamed, acts; the teller does not.
_UNNAMED_SUBJECT = re.compile(
    r"\b(?:said|says|announced|disclosed)\s+(?:that\s+)?(?:an?|one|two|three|several|some)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:group|consortium|investors?|buyers?|bidders?|suitors?|"
    r"partnership|part(?:y|ies))\b(?:\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
    r"(?:\s+[a-z]+){0,3}?\s+(?:to\s+)?$"
)

_PERSON_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:investor|financier|businessman|businesswoman|billionaire|raider|"
    r"tycoon|magnate|entrepreneur|developer|banker|executive)\b"
)

_RELATIVE_SUBJECT = re.compile(
    r",\s+(?:which|who)\s+(?:(?:has|had|have|also|later|then|itself|recently|previously)\s+)*$"
)
CLOSED_RELATIVE = re.compile(r",\s+(?:which|who)\b[^,;]{1,100},")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\s+(?:was|were|is|are|has|had)\b[^,;]{0,80}$")
_BACKER = re.compile(r"-(?:backed|led|owned|funded|controlled|founded|supported)\b", re.I)


_RIVAL_BEATEN = re.compile(
    r"\b(?:outbid(?:s|ding)?|outbidding|beat(?:s|ing)?(?:\s+out)?|topp(?:ed|ing)|trump(?:s|ed|ing)?)"
    r"\s+(?:rivals?\s+)?$"
)

_TALKS_WITH = re.compile(
    r"\b(?:talks|discussions|negotiations|partnership|partnering|partnered|teamed\s+up)\s+with\s+"
    r"(?:the\s+)?$"
)

_THROUGH_ITS = re.compile(r"\b(?:through|via)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}$")

_ALONGSIDE = re.compile(r"\b(?:alongside|together\s+with|along\s+with)\s+(?:the\s+)?$")

_BELIEVERS = re.compile(
    r"\s+(?:officials|sources|analysts|leaders|members|executives|insiders)\s+(?:\w+ly\s+)?"
    r"(?:believe[sd]?|think|thought|expects?|expected|fears?|feared|hopes?|hoped|doubts?|"
    r"doubted|predicts?|predicted|suspects?|suspected|speculated?)\b"
)

_TOLD_THAT = re.compile(
    r"\b(?:said|says|announced|disclosed|reported)(?:\s+(?:on|last|this)\s+\w+)?"
    r"(?:\s+that)?\s+(?:the\s+)?"
    # ("said global investment firm KKR will invest")
    r"(?:(?:[a-z][\w-]*\s+){0,3}?(?:firm|company|investor|fund|group|giant|maker|startup|"
    r"bank|lender|conglomerate|operator)\s+)?"
)


def _org_subject_before(
    sentence: str, pos: int, orgs: list[Entity], context: Context, prefer_recipient: bool = False
) -> Entity | None:
    """The organisation acting in a clause: the last org before ``pos`` unless a reference
    ("it", "the company") comes after it."""
    window = max(0, pos - 200)
    unnamed = _UNNAMED_SUBJECT.search(sentence[window:pos])
    if unnamed is not None and not any(window + unnamed.start() < e.start < pos for e in orgs):
        return None
    relative = _RELATIVE_SUBJECT.search(sentence[:pos])
    if relative is None:
        # "the AI Infrastructure Partnership, which was set up last year with the aim of
        # investing $30 billion": no other name in the clause, so the one it hangs on acts
        relative = _RELATIVE_CLAUSE.search(sentence, max(0, pos - 100), pos)
        if relative is not None and any(relative.end() <= e.start < pos for e in orgs):
            relative = None
    if relative is not None:
        # "... and with Amazon, which bought Kiva Systems": the name the clause hangs on
        named = next((e for e in orgs if e.end == relative.start()), None)
        if named is not None:
            return named
    # ('Amazon aspired to be the "Everything Store"': a quoted epithet does not act.)
    left = [
        e
        for e in orgs
        if e.end <= pos
        and not (
            sentence[e.start - 1 : e.start] in {'"', "“"}
            and re.match(r"[,.]?[\"”]", sentence[e.end : e.end + 2])
        )
        # "SoftBank-Backed Startup Raises $100 Million": the backer describes the subject
        and not _BACKER.match(sentence, e.end)
        # "Orrin went public on Nasdaq on Thursday, raising $420 million": where it listed
        and not (
            e.category == "exchange"
            and re.search(r"\b(?:on|at|in)\s+(?:the\s+)?$", sentence[max(0, e.start - 8) : e.start])
        )
        # "Comcast outbid Disney with a $65 billion offer for Fox's assets": the rival beaten
        # is the verb's object
        and not _RIVAL_BEATEN.search(sentence, max(0, e.start - 20), e.start)
        # "Orbis is in talks with Kestrel about creating a fund to invest": the partner is
        # talked with; the subject acts
        and not _TALKS_WITH.search(sentence, max(0, e.start - 40), e.start)
        # "CPP Investments will co-invest alongside Blackstone and take a minority stake": the
        # partner named after "alongside" does not act
        and not _ALONGSIDE.search(sentence, max(0, e.start - 25), e.start)
        # "Nvidia has invested ... through its GPU Ventures program, including": the vehicle
        # of the subject does not act on its own
        and not _THROUGH_ITS.search(sentence, max(0, e.start - 40), e.start)
        # "Union officials believe a new bid for the beet processor is likely": people of an
        # organisation holding a view do not bid
        and not _BELIEVERS.match(sentence, e.end)
        # "Harold Simmons, the Dallas investor, might try to acquire Hughes": a person's
        # description, not a company
        and not (
            _PERSON_NOUN.match(sentence, e.end)
            and re.search(r"\bthe\s+$", sentence[max(0, e.start - 8) : e.start])
        )
    ]
    # ("when Heinz, owned by Berkshire Hathaway and 3G Capital, bought Kraft Foods": the
    # owners in the aside do not act; the name it hangs on does)
    asides = [
        (a.start(), a.end())
        for a in BACKER_ASIDE.finditer(sentence, max(0, pos - 200), pos)
        if sentence[a.end() : a.end() + 1] == ","
    ]
    if asides:
        left = [e for e in left if not any(lo < e.start < hi for lo, hi in asides)]
    # ("Google, which has also backed the startup, agreed to invest": a reference inside a
    # relative clause describes the subject; it is not who acts)
    clauses = [m.span() for m in CLOSED_RELATIVE.finditer(sentence, max(0, pos - 200), pos)]
    ref_matches = [
        r
        for r in REFERENCE.finditer(sentence[:pos])
        if not is_appositive(sentence, r, orgs) and not any(a < r.start() < b for a, b in clauses)
    ]
    # "The Dearborn, Mich., auto maker": a name inside the description is not the actor.
    left = [
        e
        for e in left
        if not any(r.start() < e.start < r.end() and "," in r.group(0) for r in ref_matches)
    ]
    left = outside_asides(sentence, ref_matches, left, pos)
    last_ref = ref_matches[-1].start() if ref_matches else -1
    if left and left[-1].start > last_ref:
        # "General Motors said SoftBank's Vision Fund will invest": the reported clause's own
        # subject acts, the possessor naming whose fund it is
        tellings = list(_TOLD_THAT.finditer(sentence, max(left[0].end, pos - 200), pos))
        reported = (
            next((e for e in left if e.start == tellings[-1].end()), None) if tellings else None
        )
        if reported is not None:
            owned = next(
                (e for e in left if re.fullmatch(r"['’]s?\s+", sentence[reported.end : e.start])),
                None,
            )
            return owned or reported
        # Prefer the sentence's grammatical subject when it is an org: "X, backed by Y, raised".
        first = left[0]
        between = sentence[first.end : pos]
        # "Elon Musk's xAI raises": the possessor is not the actor; nor is the company of
        # one ("Ola founder Bhavish Aggarwal's AI startup Krutrim has raised").
        if re.match(r"\.?['’]s\s", between) or _OWNER_OF_NEXT.match(between):
            return left[1] if len(left) > 1 else left[-1]
        # Only a subject that opens the sentence ("In 2015, X, ..."); "While rivals such as
        # CBS All Access, Disney has made ..." is led by Disney.
        opens = re.fullmatch(
            r"\W*(?:(?:In|On|At|By|Last|This|Since|After)\b[^,]{0,30},\s*)?"
            # "Bengaluru-based Krutrim, the AI startup founded by Ola's Bhavish Aggarwal,"
            r"(?:(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-(?:based|headquartered)\s+)?"
            # ("Rival Cruise, which General Motors shut down, had raised")
            r"(?:(?:Rival|Rivals|Fellow)\s+)?",
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
        companies = [e for e in left if not is_person(sentence, e)]
        resolved = _resolve(sentence, pos, context, prefer_recipient)
        for teller in reversed(companies):
            if re.search(r"\b(?:by|of|with|from|to|for)\s+$", sentence[: teller.start]):
                continue  # "X, which is owned by Brierley Investments Ltd, ..., said it"
            if _SAID.fullmatch(sentence[teller.end : last_ref]):
                # "Aggarwal said the company will invest": a founder named before, speaking
                # of the company he was introduced with (else of the story's company)
                if (company := context.affiliations.get(teller.text)) is not None:
                    return company
                if resolved is not None and context.is_surname(teller):
                    break
                return teller
        # "Nvidia said it would invest": with no article context, "it" is the org before;
        # "Elon Musk said the company raised" speaks of a company, not of himself; "The
        # company then stunned Wall Street" names nothing before it.
        named = [e for e in companies if e.end <= last_ref]
        opening = named[0] if named and at_start(sentence, named[0]) else None
        if (
            opening is not None
            and ref_matches[-1].group(0).lower() == "it"
            and _NEXT_CLAUSE_IT.search(sentence, opening.end, last_ref)
        ):
            # "UnitedHealth has been expanding Optum; last year it paid $2.5 billion for":
            # "it" goes on with the subject of the sentence's first clause
            return opening
        return resolved or (named[-1] if named else None)
    return None


_NEXT_CLAUSE_IT = re.compile(
    r"(?:;|,\s+and|,\s+but"
    # ("Exxon last made a deal of this size in 1999, when it merged with Mobil")
    r"|,\s+(?:when|after|before|as|because|since|once|while))\s+(?:[\w-]+\s+){0,3}$"
)


# "Krutrim, the AI startup founded by Ola's Bhavish Aggarwal"
_FOUNDED_BY = re.compile(
    r",\s+(?:the|an?)\s+[^,;]{0,60}?\b(?:co-)?founded\s+by\s+(?:[\w-]+\s+){0,3}?"
    r"(?:\S+['’]s\s+)?(?P<person>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b"
)
# "Sam Altman, the chief executive of OpenAI"
_TITLE_OF = re.compile(
    r"(?P<person>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),\s+(?:the\s+|its\s+)?(?:co-)?"
    r"(?:founder|CEO|chief\s+executive(?:\s+officer)?|president|chairman|chairwoman)"
    r"(?:\s+and\s+[\w-]+(?:\s+[\w-]+)?)?\s+of\s+$"
)


_GENERIC_NOUNS = frozenset(
    {"it", "company", "firm", "group", "business", "giant", "corporation", "conglomerate",
     "unit", "management", "the company", "the firm", "the group"}
)  # fmt: skip
# "cloud security startup Wiz", "Wiz, a cloud security startup"
# What a company is described as ("cloud security startup Wiz", "Wiz, a security startup")
_DESCRIPTIVE_NOUN = (
    r"(?P<noun>startup|start-up|chipmaker|automaker|carmaker|drugmaker|biotech|retailer|"
    r"grocer|carrier|airline|bank|lender|insurer|miner|utility|studio|broadcaster|publisher|"
    r"brewer|refiner|designer|developer|platform|lab|chain|discounter|maker|manufacturer|"
    r"operator|supplier|provider|producer|distributor)"
)
_NOUN_BEFORE = re.compile(rf"\b(?:(?P<modifier>[a-z][\w-]*)\s+)?{_DESCRIPTIVE_NOUN}\s+$")
_NOUN_AFTER = re.compile(
    rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:(?P<modifier>[a-z][\w-]*)\s+)?{_DESCRIPTIVE_NOUN}\b"
)


def described_as(context: Context, reference: str) -> Entity | None:
    """The company the story described with the words of ``reference`` ("the startup"),
    while it is still told of."""
    words = reference.lower().split()
    described = next(
        (
            context.described[key]
            for key in (" ".join(words[-2:]), words[-1])
            if key in context.described and key not in _GENERIC_NOUNS
        ),
        None,
    )
    if described is None or context.mentions.get(name_key(described.name), 0.0) < _STILL_TOLD:
        return None
    return described


def object_referent(sentence: str, pos: int, context: Context, actor: str) -> Entity | None:
    """The company "the sports drink maker" at ``pos`` means when it is the object of
    ``actor``'s deal: the one the story described so, else the company of its last deal
    while still told of, else the story's most talked-of company other than the actor."""
    ref = REFERENCE.match(sentence, pos)
    if ref is None or ref.start() != pos or ref.group(0).lower() == "it":
        return None
    if re.match(r"['’]s?\b|\s+of\b", sentence[ref.end() :]):
        return None  # "the company's shares", "the group of investors": not the company
    candidates = [described_as(context, ref.group(0)), context.last_target, context.last_recipient]
    for candidate in candidates:
        if (
            candidate is not None
            and not same_company(candidate.name, actor)
            and context.mentions.get(name_key(candidate.name), 0.0) >= _STILL_TOLD
        ):
            return candidate
    return context.focus_other_than(actor)


def note_descriptions(context: Context, sentence: str, orgs: list[Entity]) -> None:
    """Remember what each company is described as, for "the startup" later."""
    for org in orgs:
        if org.is_place:
            continue
        told = _NOUN_BEFORE.search(sentence, max(0, org.start - 60), org.start) or (
            _NOUN_AFTER.match(sentence, org.end)
        )
        if told is None:
            continue
        context.described[told["noun"]] = org
        if told["modifier"]:
            context.described[f"{told['modifier']} {told['noun']}"] = org


def note_affiliations(context: Context, sentence: str, orgs: list[Entity]) -> None:
    """Remember which company each newly introduced person speaks for, by surname."""
    for org in orgs:
        if org.is_place:
            continue
        person = AFFILIATION.match(sentence, org.end) or _FOUNDED_BY.match(sentence, org.end)
        if person is None:
            person = _TITLE_OF.search(sentence[max(0, org.start - 120) : org.start])
        if person is not None:
            context.affiliations[person.group("person").split()[-1]] = org
            continue
        owner = _OWNER_OF_NEXT.match(sentence, org.end)
        owned = next(
            (
                e
                for e in orgs
                if owner
                and e.start >= owner.end()
                and re.fullmatch(r"(?:[\w-]+\s+){0,3}", sentence[owner.end() : e.start])
            ),
            None,
        )
        if owner is not None and owned is not None:
            # "Ola founder Bhavish Aggarwal's AI startup Krutrim": what he says later of
            # "the company" is of the company the story introduced him with, his startup
            context.affiliations[owner.group("person").split()[-1]] = owned


def outside_asides(
    sentence: str, refs: list[re.Match[str]], entities: list[Entity], pos: int
) -> list[Entity]:
    """ "The startup, founded in 2023 by former OpenAI researchers, has raised": a name in the
    aside that describes a reference is not who acts."""
    for r in refs:
        aside = re.match(r",[^,;]{1,120},", sentence[r.end() : pos])
        if aside is not None:
            entities = [e for e in entities if not r.end() < e.start < r.end() + aside.end()]
    return entities


def is_appositive(sentence: str, ref: re.Match[str], orgs: list[Entity]) -> bool:
    """ "Mistral AI, the Paris-based start-up that ...": the description renames the
    organisation right before it and refers to nothing earlier."""
    return any(
        0 < ref.start() - e.end <= 4 and re.fullmatch(r"\s*,\s*", sentence[e.end : ref.start()])
        for e in orgs
    )


def first_after(pos: int, entities: list[Entity], places: bool = False) -> Entity | None:
    for e in entities:
        if e.start >= pos and (places or not e.is_place):
            return e
    return None


def place_subject(
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
        r"intends?\s+to|is\s+set\s+to|set\s+to|to|has\s+pledged\s+to|pledged\s+to)\s+)*"
        # "India approved a $1.25 billion investment"
        r"(?:(?:approved|announced|unveiled|committed|pledged|earmarked|launched)\s+(?:a|an)\s+"
        r"[^,;]{0,40}?)?",
        sentence[place.end : pos],
    )
    governed = re.search(r"\b(?:in|at|across|from|to|for)\s+(?:the\s+)?$", sentence[: place.start])
    if not acts or governed:
        return None  # "invest in Germany", "spend in Texas"
    if name_key(place.name) == name_key(recipient.name):
        return None
    return place


def at_start(sentence: str, entity: Entity) -> bool:
    return not sentence[: entity.start].strip(" \"'“‘(")


# ("Humain, backed by the Public Investment Fund, and AMD": the backer stands aside)
_BACKED_BY = (
    r",\s+(?:(?:co-)?founded\s+(?:in\s+\d{4}\s+)?by|backed\s+by|owned\s+by|led\s+by|"
    r"controlled\s+by|funded\s+by|run\s+by|chaired\s+by)\s+"
)
BACKER_ASIDE = re.compile(rf"{_BACKED_BY}[^,;]{{1,60}}")
_BACKER_BEFORE = re.compile(rf"{_BACKED_BY}(?:the\s+)?$")
_LIST_JOINER = re.compile(
    # ("Exxon Mobil and its partners Hess and CNOOC")
    # ("Exxon Mobil Corp. and Qatar Petroleum": a legal form's full stop first)
    rf"^\.?(?:{BACKER_ASIDE.pattern})?\s*(?:,|,?\s*and|&)\s*(?:the\s+|its\s+|their\s+)?"
    r"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s?\s+)?"
    # ("Temasek Holdings and retailer Suning", "and chipmaker Nvidia")
    r"(?:(?:[a-z][\w-]*\s+){0,2}?(?:investors?|firms?|funds?|retailers?|giants?|chipmaker|"
    r"automaker|carmaker|drugmaker|maker|compan(?:y|ies)|banks?|lenders?|insurers?|"
    r"conglomerates?|operators?|groups?|partners?)\s+)?$"
)


_DESCRIBED_BY_OWNER = (
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:investors?|backers?|shareholders?|owners?|parent|"
    r"partners?|rivals?|customers?|suppliers?|units?|subsidiary|founder|chief)\b"
)


def coordinated(sentence: str, orgs: list[Entity], anchor: Entity) -> list[str]:
    """ "SoftBank, OpenAI and Oracle will invest": every org joined to ``anchor`` by commas
    or "and" acts together with it."""
    if anchor not in orgs:
        return [anchor.name]

    def in_list(k: int) -> bool:
        e = orgs[k]
        if e is anchor:
            return True
        # "Lux Capital and Amazon's Industrial Innovation Fund": the owner is a part of the
        # name that follows it, not one of the list.
        if (
            k + 1 < len(orgs)
            and re.fullmatch(r"['’]s?\s+", sentence[e.end : orgs[k + 1].start])
            and not orgs[k + 1].is_place
        ):
            return False
        if re.match(_DESCRIBED_BY_OWNER, sentence[e.end :]):
            return False  # "SoftBank, OpenAI's biggest investor, has committed": a description
        return not (
            _BACKER_BEFORE.search(sentence, max(0, e.start - 40), e.start)
            and re.match(r",\s*and\s", sentence[e.end :])
        )

    # Walk out from the anchor while the names are joined (only the neighbours are read:
    # a sentence may name hundreds).
    i = orgs.index(anchor)
    members = [anchor]
    for step in (-1, 1):
        near, k = anchor, i + step
        while 0 <= k < len(orgs):
            if not in_list(k):
                k += step
                continue
            e = orgs[k]
            gap = sentence[e.end : near.start] if step < 0 else sentence[near.end : e.start]
            if not _LIST_JOINER.match(gap):
                break
            members = [e, *members] if step < 0 else [*members, e]
            near, k = e, k + step
    return list(dict.fromkeys(e.name for e in members))


def possessor_of(sentence: str, pos: int, orgs: list[Entity], context: Context) -> Entity | None:
    """Who owns the noun phrase ending at ``pos``: "Amazon's $13.7 billion", "its"."""
    m = POSSESSOR.search(sentence[:pos])
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
                r"\b(?:with|to|from|by|for|at|of|on|in)\s+(?:the\s+)?$", sentence[: e.start]
            )
            # "USAir rejected Icahn's offer and said the bid was an effort to interfere in its
            # takeover of Piedmont": what a verb acts on does not own the deal
            # ("Disney now controls Hulu after acquiring Fox's 30% stake as part of its $71.3
            # billion purchase": nor does what "controls" or "acquiring" acts on)
            and not re.search(
                r"(?<![\w-])(?!(?:its|his|has|was|this|thus|plus|less|unless)\s)"
                r"(?-i:[a-z]{3,}(?:ed|s|ing))\s+$",
                sentence[: e.start],
            )
            # "SoftBank sold its Nvidia stake to fund its investments": a name inside what
            # someone owns does not own the next thing
            and not (
                re.search(r"\b(?:its|their|his|her)\s+$", sentence[: e.start])
                and re.match(
                    r"\s+(?:stake|holding|shares|unit|subsidiary|business|division)\b",
                    sentence[e.end :],
                )
            )
        ]
        pronouns = list(re.finditer(r"\bit\s+(?!is\b|was\b)(?=\w+\s)", sentence[: m.start()]))
        pronoun = pronouns[-1] if pronouns else None
        if pronoun is not None and before and before[-1].start > pronoun.start():
            # "told AT&T that it would need to sell off CNN to have its acquisition
            # approved": "its" is what "it" is, not the company "it" acts on.
            subject = [e for e in before if e.end <= pronoun.start()] or [
                e for e in orgs if e.end <= pronoun.start() and not e.is_place
            ]
            if subject:
                return subject[-1]
        if before:
            return before[-1]
        # "USAir rejected the offer, calling it an attempt to interfere with its takeover
        # of Piedmont": nothing named in the clause, so the sentence's subject owns it.
        opening = next(
            (e for e in orgs if e.end <= m.start() and not e.is_place and at_start(sentence, e)),
            None,
        )
        return opening or context.focus
    # "Boeing Co.'s purported bid": the organisation whose name ends in the possessive word.
    word_start, word_end = m.span(2)
    owner = next((e for e in orgs if word_start < e.end <= word_end), None)
    return owner if owner is not None and not owner.is_place else None


def clause_end_at(sentence: str, pos: int) -> int:
    # ("buy 1,932 Rite Aid stores": a thousands separator ends no clause)
    m = re.search(r"(?<!\d),|,(?!\d{3}\b)|[;:()]|\s[-–—]\s", sentence[pos:])
    return pos + m.start() if m else len(sentence)
