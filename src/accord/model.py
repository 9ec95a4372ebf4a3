"""The records accord produces. Offsets into `Article.text` are the source of truth."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets into an article's text."""

    start: int
    end: int

    def text_in(self, text: str) -> str:
        """Return the words this span covers in `text`."""
        return text[self.start : self.end]


@dataclass(frozen=True)
class Article:
    """One document to analyse, with what is known about where it came from."""

    id: str  # hash of the normalised text: the same words give the same id
    text: str
    origin: str  # the path, path#entry or line it was read from
    url: str | None = None
    source: str | None = None  # outlet or site name
    title: str | None = None
    published: date | None = None
    published_at: datetime | None = None  # with the time of day, when the metadata gives one
    language: str = "en"
    headings: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """An input that was not analysed, and why."""

    origin: str
    reason: str


@dataclass(frozen=True)
class TimeExpression:
    """A time expression resolved, where possible, against the publication date."""

    span: Span
    text: str
    start: date | None  # first day of the period it names; None when unresolved
    end: date | None  # last day of the period
    granularity: str  # day | week | month | year
    rule: str


@dataclass(frozen=True)
class Actor:
    """A participant resolved from one or more mentions."""

    id: str  # knowledge-base id, or "name:<name>" for an actor the base lacks
    name: str
    kind: str  # person | organisation | country | group
    code: str | None  # country (ISO 3166 alpha-3 or organisation) + sector, e.g. USAGOV
    country: str | None
    sector: str | None
    role: str | None = None  # the office held on the article's date, or the last one, as former


@dataclass(frozen=True)
class Mention:
    """Words in the article that refer to an actor."""

    span: Span
    text: str
    actor: str  # Actor.id
    kind: str  # name | surname | title | role | metonym | demonym | pronoun | entity
    rule: str  # which resolution rule linked it
    role: str | None = None  # the title the words give, if any
    role_valid: bool | None = None  # was that title held on the article's date?


@dataclass(frozen=True)
class Place:
    """Where an event happened, geocoded when the gazetteer knows the place."""

    span: Span
    name: str  # the gazetteer's name, else the words of the text
    country: str | None  # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    rule: str = "gazetteer"  # gazetteer | knowledge base | unknown place


@dataclass(frozen=True)
class Quantity:
    """A count or duration read from the text, as a range: "more than four hours" is (4, None)."""

    span: Span
    low: float | None
    high: float | None
    unit: str  # hours | killed | injured


@dataclass(frozen=True)
class Event:
    """Who did what to whom, coded in PLOVER and CAMEO, with the words it came from."""

    type: str  # PLOVER 0.8 event type
    cameo: str
    quad_class: int
    goldstein: float | None
    source: tuple[str, ...]  # Actor ids; empty when the words name no known actor
    target: tuple[str, ...]
    trigger: Span
    evidence: tuple[Span, ...]  # every sentence that reports this event
    pattern: str  # the codebook trigger id, with the frame that refined it
    mode: str | None = None
    context: tuple[str, ...] = ()
    acled: tuple[str, str] | None = None  # (event type, sub-event type)
    when: date | None = None
    when_end: date | None = None
    when_rule: str = "unknown"  # the time expression's rule, "publication date", or "unknown"
    when_span: Span | None = None
    place: Place | None = None
    duration: Quantity | None = None
    casualties: tuple[Quantity, ...] = ()
    source_span: Span | None = None  # the subject's words, resolved to an actor or not
    target_span: Span | None = None
    negated: bool = False
    hedged: bool = False  # intended, forecast, conditional or reported as uncertain
    reciprocal: bool = False  # "each side accused the other": source and target both ways
    decided_by: str = "pattern"  # pattern (a codebook trigger) | model (the event classifier)
    confidence: float | None = None  # the decider's: a pattern's measured precision, the model's probability


@dataclass(frozen=True)
class SentenceLabel:
    """What the event classifier says of one sentence, whether or not an event was coded from it."""

    span: Span
    event: str | None  # the likeliest PLOVER type, None when no event is likelier than one
    event_confidence: float  # the probability of `event` (of "no event" when None)
    penta: int  # CAMEO's five-way class: 0 statement, 1-2 verbal/material cooperation, 3-4 verbal/material conflict
    penta_confidence: float
    acled: str | None  # an ACLED sub-event type, None when the sentence reports none
    acled_confidence: float


@dataclass(frozen=True)
class Quote:
    """Reported speech with its speaker."""

    content: Span
    kind: str  # direct | indirect | mixed | partial
    speaker: str | None  # Actor id, None when the text names no source
    speaker_span: Span | None = None  # the words naming the speaker nearest the quote
    cue: Span | None = None  # the reporting verb or phrase ("said", "according to")
    confidence: float = 1.0  # lowered by unbalanced quote marks and guessed speakers


@dataclass(frozen=True)
class Stance:
    """An actor's position on an issue of a negotiation."""

    holder: str  # Actor id
    issue: str  # an issue id of the issue codebook
    polarity: str  # support | oppose | conditional | neutral
    evidence: tuple[Span, ...]
    issue_span: Span | None = None  # the words naming the issue
    holder_span: Span | None = None  # the words naming the holder
    cue: Span | None = None  # the word that gave the polarity


@dataclass(frozen=True)
class Claim:
    """A checkable detail an article states, kept so that outlets can be compared."""

    kind: str  # number | duration | date | place | quote | title
    what: str  # what it counts or names: "killed", "prisoners", "usd", "truce", "meeting", ...
    span: Span  # the words that state it
    sentence: Span
    low: float | None = None  # numbers and durations (in hours): the range the words allow
    high: float | None = None
    day: date | None = None  # dates: first and last day the words allow; places: the event's dates
    day_end: date | None = None
    granularity: str | None = None  # dates: day | week | month | year; places: country | place
    explicit: bool = False  # dates: written out ("4 March", "2025"), not counted from publication ("on Sunday")
    hours: tuple[float, float] | None = None  # dates: the hours of the day the words allow ("late on Sunday": 18-24)
    value: str | None = None  # places: the place; quotes and dates: the words; titles: the title
    holder: str | None = None  # quotes: the speaker; titles: the person; places and dates: the event type
    speaker: Span | None = None  # quotes: the words naming the speaker
    country: str | None = None  # places: the place's country (ISO 3166 alpha-3)
    valid: bool | None = None  # titles: held on the article's date
    keys: tuple[str, ...] = ()  # the sentence's content lemmas: claims about one happening share them
    rising: bool = False  # the words say the figure rose ("the toll rose to 12")


@dataclass(frozen=True)
class Evidence:
    """Words in one article that a finding rests on."""

    article: str  # Article.id
    start: int
    end: int
    text: str
    source: str | None = None  # the outlet


@dataclass(frozen=True)
class Finding:
    """A consistency problem: an anachronism, a contradiction, outlets disagreeing."""

    kind: str  # role and time | internal contradiction | event details | quote attribution | numbers differ | ...
    severity: str  # info | warning | error
    explanation: str  # plain words, no codes
    rule: str  # the check that fired, and why
    evidence: tuple[Evidence, ...]
    about: str | None = None  # what the finding is about, in a few words
    story: str | None = None  # the story id, for findings across outlets
    groups: tuple[tuple[str, ...], ...] = ()  # article ids that agree with each other
    outlier: str | None = None  # the one article that disagrees with all the others


@dataclass(frozen=True)
class Analysis:
    """Everything accord extracted from one article; `stages` names the stages that ran."""

    article: Article
    stages: tuple[str, ...]
    as_of: date | None = None  # the date roles are resolved for
    as_of_rule: str = "unknown"  # published | inferred from roles | unknown
    window: tuple[date | None, date | None] | None = None  # inferred: first day, first day after
    dates: tuple[TimeExpression, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    sentences: tuple[SentenceLabel, ...] = ()  # the classifier's label of each sentence
    quotes: tuple[Quote, ...] = ()
    stances: tuple[Stance, ...] = ()
    claims: tuple[Claim, ...] = ()  # details kept for comparing outlets
    findings: tuple[Finding, ...] = ()
