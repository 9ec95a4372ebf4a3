"""Claims: the checkable details of one article (numbers, durations, dates, places, quotes,
titles), each with the words that state it and the content lemmas of its sentence.

Claims are what outlets are compared on, so they are stored with the article: comparing
a story's articles needs their claims, not their parses.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span as DocSpan, Token

from ..events.quantities import durations
from ..model import Actor, Claim, Event, Mention, Quote, Span, TimeExpression
from ..timex import COUNTED
from .clock import Clock
from .figures import FigureReader
from .happenings import ARGUMENTS, happening, place_names, planned, thing_dated
from .values import ANOTHER_DAY, fold
from .vocabulary import Vocabulary

YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DIRECT = {"direct", "mixed"}
DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][A-Za-z.]+)*,\s*")  # "YANGON, ", "KYIV, Ukraine, "
DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]")  # " (Wire) —"


class ClaimReader:
    """Reads the claims of one parsed article."""

    def __init__(self, vocabulary: Vocabulary, country_names: set[str], locate):
        """`country_names`: the folded names of countries (a place so named is a whole country);
        `locate(name, span, countries)`: the gazetteer's Place for a name."""
        self.vocab = vocabulary
        self.figures = FigureReader(vocabulary, self._claim)
        self.offset = re.compile(  # "Nine days earlier, on 4 April": the day of another happening
            r"\b(?:" + "|".join(vocabulary.offset_units) + r")s?\s+(?:" + "|".join(vocabulary.time_offsets) + r")\W{0,3}(?:on|in)?\s*$", re.I)
        self.later = re.compile(  # "the talks in Riyadh six days later": a happening counted from another
            r"\s*(?:\w+\s+)?(?:" + "|".join(vocabulary.offset_units) + r")s?\s+(?:later|earlier)\b", re.I)
        self.country_names = country_names
        self.locate = locate
        self.clock = Clock(vocabulary.times_of_day)

    def __call__(
        self,
        doc: Doc,
        dates: tuple[TimeExpression, ...],
        events: tuple[Event, ...],
        quotes: tuple[Quote, ...],
        mentions: tuple[Mention, ...],
        actors: tuple[Actor, ...],
    ) -> tuple[Claim, ...]:
        sents = list(doc.sents)
        starts = [s.start_char for s in sents]

        def sentence_at(offset: int) -> DocSpan:
            return sents[max(0, bisect_right(starts, offset) - 1)]

        found: list[Claim] = []
        for sent in sents:
            found += self.figures(sent)
            found += self._durations(sent)
        happened = [e for e in events if not (e.negated or e.hedged)]
        days = self._dates(doc, happened, dates, sentence_at)
        found += [claim for claim, _ in days]
        found += self._places(doc, happened, actors, mentions, sentence_at, {i: c for c, i in days if i is not None})
        found += self._quotes(doc, quotes, actors, sentence_at)
        found += self._titles(mentions, actors, sentence_at)
        return tuple(sorted(found, key=lambda c: (c.span.start, c.kind, c.what)))

    # -- the sentence's content words ---------------------------------------------------

    def keys(self, sent: DocSpan) -> tuple[str, ...]:
        """Content lemmas (nouns, names, verbs, adjectives) that align claims about one happening."""
        keys = {
            t.lemma_.lower()
            for t in sent
            if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and t.is_alpha and len(t) > 2
        }
        return tuple(sorted(keys - self.vocab.weak_keys))

    def _claim(self, sent: DocSpan, kind: str, what: str, start: int, end: int, **values) -> Claim:
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        return Claim(
            kind=kind, what=what, span=Span(start, end), sentence=Span(sent.start_char, sent.end_char),
            keys=self.keys(sent), rising=bool(lemmas & self.vocab.rising), **values,
        )  # fmt: skip

    # -- durations ------------------------------------------------------------------------

    def _durations(self, sent: DocSpan) -> list[Claim]:
        found = []
        for q in durations(sent.text, sent.start_char):
            after = sent.doc.text[q.span.end : sent.end_char].split()[:1]
            if after and after[0].lower().strip(",.") in self.vocab.time_offsets | self.vocab.bound_prepositions:
                continue  # "held three days after the reshuffle", "in the four days since": a distance in time, not a length
            what = self._measured(sent, q.span)
            if what:
                found.append(self._claim(sent, "duration", what, q.span.start, q.span.end, low=q.low, high=q.high))
        return found

    def _measured(self, sent: DocSpan, span: Span) -> str | None:
        """What a duration measures: the nearest noun of a known kind in its sentence, preferring
        the one it modifies ("a 30-hour truce") or the subject of "lasted"."""
        doc = sent.doc
        tokens = [t for t in sent if t.idx >= span.start and t.idx + len(t) <= span.end]
        if tokens:
            for t in [tokens[-1].head, *tokens[-1].head.children]:
                what = self.vocab.measured(t.lemma_.lower())
                if what:
                    return what
        best, distance = None, 10**6
        for t in sent:
            what = self.vocab.measured(t.lemma_.lower())
            if what and t.pos_ == "NOUN":
                gap = min(abs(t.idx - span.start), abs(t.idx - span.end))
                if gap < distance:
                    best, distance = what, gap
        return best if doc and distance < 80 else None

    # -- dates, places, quotes, titles --------------------------------------------------------

    def _dates(self, doc: Doc, events, dates, sentence_at) -> list[tuple[Claim, int | None]]:
        """The dates the article gives what happened, each with the index of its happening word:
        a date hanging from one ("the attack on April 22"), or the date of a coded event (not
        every date it mentions)."""
        by_span = {(e.when_span.start, e.when_span.end): e for e in events if e.when_span}
        found, seen = [], set()
        for d in dates:
            words = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
            if words is None or d.start is None or d.granularity not in ("day", "month", "year") or _dateline(doc.text, d.span):
                continue
            sent = sentence_at(d.span.start)
            token, kind = self._kind(doc, words, by_span.get((d.span.start, d.span.end)))
            if kind and self._other_day(doc, words, sent):
                kind = ANOTHER_DAY  # it still sets its sentence's figures apart from the story's
            if kind is None or (d.span, kind) in seen:
                continue
            seen.add((d.span, kind))
            hours = self.clock.hours(doc.text, d.span.start, d.span.end, sent.start_char) if d.granularity == "day" else None
            found.append((self._claim(sent, "date", "date", d.span.start, d.span.end, day=d.start, day_end=d.end,
                                      granularity=d.granularity, explicit=d.rule not in COUNTED, holder=kind,
                                      value=d.text, hours=hours), token))  # fmt: skip
        return found

    def _other_day(self, doc: Doc, words: DocSpan, sent: DocSpan) -> bool:
        """Whether a date (its `words`, in sentence `sent`) is not the day its happening
        happened: told as days before or after another ("Nine days earlier, on 4 April"), a
        bound of a stretch of time ("drones have pounded the city since Sunday") or the day of
        a plan ("would exchange prisoners on Wednesday")."""
        before = doc.text[sent.start_char : words.start_char]
        last = before[-8:].split()
        if self.offset.search(before) or (last and last[-1].lower() in self.vocab.bound_prepositions):
            return True
        return planned(words.root, self.vocab)

    def _places(self, doc: Doc, events, actors, mentions, sentence_at, dated: dict[int, Claim]) -> list[Claim]:
        """The places the article gives what happened: a place name hanging from a happening
        word ("talks in Riyadh", "the Port Sudan attack"), with the date that hangs from the
        same word (`dated`: happening word index -> date claim), if any."""
        countries = {a.code[:3] for a in actors if a.code} | {e.place.country for e in events if e.place and e.place.country}
        found = []
        named = {a.id for a in actors if a.kind == "person" or a.id.startswith("org:")}  # "a centre of Hamas" is no town
        people = {i for m in mentions if m.actor in named for i in range(m.span.start, m.span.end)}
        known = tuple((m.span.start, m.span.end) for m in mentions if m.kind == "place")
        for ent in place_names(doc, self.vocab, people, known):
            words = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            hit = happening(ent, self.vocab)
            if hit is None or not words:
                continue
            token, kind = hit
            when = dated.get(token.i)
            if (when is not None and when.holder == ANOTHER_DAY and _hangs_from(doc, when.span, token)) or self.later.match(doc.text, ent.end_char):
                kind = ANOTHER_DAY  # "will meet in Muscat on Wednesday", "talks in Riyadh six days later"
            if ent.label_ == "FAC":  # "the White House", "the Elysee Palace": a building, whatever city shares its name
                sent = sentence_at(ent.start_char)
                found.append(self._claim(sent, "place", "place", ent.start_char, ent.end_char, value=words, holder=kind,
                                         granularity="site", **self._day(when)))  # fmt: skip
                continue
            place = self.locate(words, Span(ent.start_char, ent.end_char), countries)
            if place.rule == "unknown place" and (not ent.label_ or not self._named_as_place(doc, ent)):
                continue  # "Easter", a brand, a ship: a name nobody knows that the text calls no place (an untagged one must be known)
            sent = sentence_at(ent.start_char)
            found.append(self._claim(sent, "place", "place", ent.start_char, ent.end_char, value=place.name,
                                     holder=kind, country=place.country, granularity=self._level(doc, ent, place),
                                     **self._day(when)))  # fmt: skip
        return found

    @staticmethod
    def _day(when: Claim | None) -> dict:
        """The day fields of a place claim: those of the date of its happening, if any."""
        return {"day": when.day if when else None, "day_end": when.day_end if when else None}

    def _kind(self, doc: Doc, words: DocSpan, event: Event | None) -> tuple[int | None, str | None]:
        """The happening word a date (its `words`) belongs to (its index) and its kind, else its event's kind."""
        if thing_dated(words, self.vocab):
            return None, None
        hit = happening(words, self.vocab, date=True)
        if hit:
            return hit[0].i, hit[1]
        if event is None or event.negated or event.hedged:
            return None, None
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        verb = _clause(words.root)
        if trigger is None or not (trigger.root.i == verb.i or trigger.root.head.i == verb.i and trigger.root.dep_ in ARGUMENTS):
            return None, None  # "mourning began on Monday after an attack killed 34": the date is another verb's
        named = self.vocab.happening(trigger.root.lemma_.lower())
        return None, named or self.vocab.event_kinds.get(event.type, event.type)

    def _named_as_place(self, doc: Doc, ent: DocSpan) -> bool:
        """"the town of Boulkessi", "Sviatoshynskyi district": words that say the name is a place."""
        around = {t.lower_ for t in (*ent, *doc[ent.end : ent.end + 1], *doc[max(0, ent.start - 2) : ent.start])}
        return bool(around & (self.vocab.region_words | self.vocab.area_words))

    def _level(self, doc: Doc, ent: DocSpan, place) -> str:
        """country, area ("the Sumy region", "Sviatoshynskyi district") or place."""
        if place.rule == "country" or fold(place.name, self.vocab) in self.country_names:
            return "country"
        after = doc[ent.end : ent.end + 1]
        words = {t.lower_ for t in ent} | {t.lower_ for t in after}
        compass = place.rule != "gazetteer" and ent[0].lower_ in self.vocab.compass_words  # "North Kivu"
        return "area" if words & self.vocab.area_words or compass else "place"

    def _quotes(self, doc: Doc, quotes, actors, sentence_at) -> list[Claim]:
        found = []
        for q in quotes:
            words = doc.text[q.content.start : q.content.end]
            if q.kind not in DIRECT or len(words.split()) < 4:
                continue
            sent = sentence_at(q.content.start)
            speaker = q.speaker
            if speaker is None and q.speaker_span:
                speaker = _named(doc.text[q.speaker_span.start : q.speaker_span.end], actors)
            found.append(self._claim(sent, "quote", "quote", q.content.start, q.content.end,
                                     value=" ".join(words.split()), holder=speaker, speaker=q.speaker_span))  # fmt: skip
        return found

    def _titles(self, mentions, actors, sentence_at) -> list[Claim]:
        people = {a.id for a in actors if a.kind == "person" and not a.id.startswith("name:")}
        found = []
        for m in mentions:
            if m.role and m.actor in people:
                sent = sentence_at(m.span.start)
                found.append(self._claim(sent, "title", "title", m.span.start, m.span.end, value=m.role,
                                         holder=m.actor, valid=m.role_valid))  # fmt: skip
        return found


def _hangs_from(doc: Doc, span: Span, token) -> bool:
    """Whether the words of `span` hang from `token` itself ("will meet in Muscat on Wednesday"),
    not from a verb above it ("said on Saturday it would withdraw from Walikale": the day of
    the saying)."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    node = words.root if words is not None else None
    for _ in range(3):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.i == token.i:  # not when before the verb's subject: "said on Saturday it would withdraw"
            return not any(c.dep_ in ("nsubj", "nsubjpass") and c.idx > span.start for c in token.children)
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _dateline(text: str, span: Span) -> bool:
    """Whether a date is a dateline's, the day a report was filed ("YANGON, March 14 (Wire) —"),
    at the head of a paragraph."""
    line = text.rfind("\n", 0, span.start) + 1
    return bool(DATELINE_BEFORE.fullmatch(text[line : span.start]) and DATELINE_AFTER.match(text, span.end))


def _named(words: str, actors) -> str | None:
    """The one person of the article whose full name the words that name a speaker are
    ("Min Aung Hlaing said": the quote stage left the speaker unresolved)."""
    people = [a.id for a in actors if a.kind == "person" and a.name.lower() == " ".join(words.split()).lower()]
    return people[0] if len(people) == 1 else None


def _clause(token: Token) -> Token:
    """The verb whose clause holds the word: the word itself or its nearest verb above it."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token
