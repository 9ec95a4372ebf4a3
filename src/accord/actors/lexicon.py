"""Phrase matchers built from the knowledge base: names as written, titles and role words in any case."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .kb import KnowledgeBase

# Piece kinds. Names match case-sensitively ("US" the country, not "us"); titles and
# role words match in any case ("Defense Secretary", "defense secretary").
PERSON, COUNTRY, DEMONYM, SEAT, MILSEAT, ORG, REGION, PLACE = (
    "person", "country", "demonym", "seat", "milseat", "org", "region", "place",
)  # fmt: skip
TITLE, SECTOR = "title", "sector"
# When two kinds cover the same words, the earlier kind here wins.
PRIORITY = (PERSON, ORG, COUNTRY, DEMONYM, SEAT, MILSEAT, REGION, PLACE, TITLE, SECTOR)


TITLE_LINKS = (" to ", " for ", " of ", " on ", " in ")


def head_title(title: str) -> str:
    """The title before its first linking word: "special envoy to the middle east" -> "special envoy"."""
    cut = min((title.find(w) for w in TITLE_LINKS if w in title), default=-1)
    return title[:cut] if cut > 0 else title


@dataclass(frozen=True)
class Piece:
    """A knowledge-base phrase found in a doc: token range, kind and key (id, code or title)."""

    start: int
    end: int
    kind: str
    key: str


class Lexicon:
    """Finds knowledge-base phrases in parsed docs."""

    def __init__(self, kb: KnowledgeBase, nlp: Language):
        self.kb = kb
        self.keys: dict[str, tuple[str, str]] = {}  # match label -> (kind, key)
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        names: dict[tuple[str, str], set[str]] = {}
        for person in kb.people.values():
            names[(PERSON, person.id)] = {person.name, *person.aliases}
        for country in kb.countries.values():
            names[(COUNTRY, country.code)] = {country.name, *country.aliases}
            names[(DEMONYM, country.code)] = set(country.demonyms)
            names[(SEAT, country.code)] = set(country.seats)
            names[(MILSEAT, country.code)] = set(country.military_seats)
            names[(PLACE, country.code)] = set(country.places)
        for org in kb.organisations.values():
            names[(ORG, org.code)] = {org.name, *org.aliases}
        for region in kb.regions.values():
            names[(REGION, region.code)] = set(region.demonyms)
        words: dict[tuple[str, str], set[str]] = {}
        for office in kb.offices.values():
            for title in office.titles:
                for form in (title, head_title(title)):
                    words.setdefault((TITLE, form), set()).add(form)
        for code, sector_words in kb.sectors.items():
            words[(SECTOR, code)] = set(sector_words)
        self._add(self.names, names, nlp)
        self._add(self.words, words, nlp)

    def _add(self, matcher: PhraseMatcher, table: dict[tuple[str, str], set[str]], nlp: Language) -> None:
        for (kind, key), phrases in table.items():
            phrases = sorted(p for p in phrases if p)
            if not phrases:
                continue
            label = f"{kind}|{key}"
            self.keys[label] = (kind, key)
            matcher.add(label, list(nlp.tokenizer.pipe(phrases)))

    def pieces(self, doc: Doc) -> list[Piece]:
        """Return non-overlapping pieces (longest first, then names over words), in text order."""
        found = []
        for matcher in (self.names, self.words):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                span = doc[start:end]
                span.label_ = label
                found.append(span)
        # a role word must be a noun: "firm guarantees" and "a military base" name no actor;
        # no name starts inside a hyphenated word ("Haq" of "Zia-Ul-Haq") or stands in a date ("May 16")
        dates = {i for e in doc.ents if e.label_ in ("DATE", "TIME") for i in range(e.start, e.end)}
        found = [
            s for s in found
            if (self.keys[s.label_][0] != SECTOR or _names_a_role(s))
            and not (self.keys[s.label_][0] == PERSON and (_mid_word(s) or s.start in dates or _longer_name(s, dates)))
        ]  # fmt: skip
        found.sort(key=lambda s: PRIORITY.index(self.keys[s.label_][0]))
        kept = [Piece(s.start, s.end, *self.keys[s.label_]) for s in sorted(filter_spans(found), key=lambda s: s.start)]
        # "Western Cambodia", "southern Lebanon": a region word before a country names part of it
        return [
            p for p, after in zip(kept, [*kept[1:], None])
            if not (p.kind == REGION and after and after.start == p.end and after.kind in (COUNTRY, PLACE))
        ]  # fmt: skip


def _names_a_role(span) -> bool:
    """A role word is a noun ("rebels"), or an adjective before a name ("rebel M23")."""
    last = span[-1]
    if last.pos_ in ("NOUN", "PROPN"):
        return True
    # ("to press Israel": a verb before a name is no role word)
    return last.pos_ == "ADJ" and last.i + 1 < len(last.doc) and last.nbor().pos_ == "PROPN"


def _longer_name(span, dates: set[int]) -> bool:
    """True when a person's name runs on into another name word ("Abdul Hamid Dbeibah" is not
    Abdul Hamid): the known name is only the start of someone else's."""
    if span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.pos_ == "PROPN" and after.is_title and after.ent_type_ in ("PERSON", "") and after.i not in dates


def _mid_word(span) -> bool:
    """True when the span starts right after a hyphen that joins it to the word before."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.text == "-" and not before.whitespace_ and span.start >= 2 and not span.doc[span.start - 2].whitespace_
