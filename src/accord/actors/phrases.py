"""Phrases: the knowledge-base pieces of a doc grouped into noun phrases, and the facts
about phrases the resolver reads (their place, whether they own a country, "pro-"/"ethnic")."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from . import lexicon as lx
from .lexicon import Piece

POSSESSIVE = {"'s", "’s", "'", "’"}
JOINERS = {"former", "ex", "top", "senior", "junior", "chief", "then", "incumbent", "current", "new", "special"}
NOT_THE_OFFICE = {"deputy", "vice", "assistant", "acting", "adviser", "advisor", "aide"}  # unless the office's own title
UNCHECKED = {"acting"}  # an acting holder's title is not the office's, even where the base spells it so
QUALIFIERS = {lx.COUNTRY, lx.DEMONYM, lx.SEAT, lx.MILSEAT, lx.ORG, lx.REGION}
NEW_PERSON, NEW_ORG = "new-person", "new-org"


@dataclass
class Phrase:
    """Knowledge-base pieces that stand together in the text: one noun phrase."""

    pieces: list[Piece]
    start: int  # token index
    end: int
    former: bool = False
    not_office: bool = False


def with_entities(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """Add spaCy PERSON and ORG entities that no knowledge-base phrase covers.

    A person's name beats title and role words inside it ("King" in "Tom King").
    """
    names = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    pieces = [
        p for p in pieces
        if p.kind not in (lx.TITLE, lx.SECTOR) or not any(e.start < p.start and p.end <= e.end for e in names)
    ]  # fmt: skip
    covered = {i for p in pieces for i in range(p.start, p.end)}
    extra = []
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and not covered.intersection(range(ent.start, ent.end)):
            while ent and ent[-1].text in POSSESSIVE:
                ent = ent[:-1]
            if ent:
                kind = NEW_PERSON if ent.label_ == "PERSON" else NEW_ORG
                extra.append(Piece(ent.start, ent.end, kind, ent.text))
    return sorted(pieces + extra, key=lambda p: p.start)


def find_phrases(doc: Doc, pieces: list[Piece]) -> list[Phrase]:
    """Group adjacent pieces (joined by possessives and a few adjectives) into phrases."""
    phrases: list[Phrase] = []
    for piece in pieces:
        last = phrases[-1] if phrases else None
        gap = doc[last.end : piece.start] if last else None
        if last is not None and gap is not None and _joins(gap, last, piece):
            last.pieces.append(piece)
            last.end = piece.end
        else:
            phrases.append(Phrase([piece], piece.start, piece.end))
    for ph in phrases:
        before = doc[max(ph.start - 2, 0) : ph.start]
        inside = doc[ph.start : ph.end]
        words = {t.lower_.strip("-") for t in (*before, *inside)}
        ph.former = bool(words & {"former", "ex", "then"})
        titled = {i for p in ph.pieces if p.kind == lx.TITLE for i in range(p.start, p.end)}  # "deputy foreign minister" is an office
        ph.not_office = any(t.lower_ in NOT_THE_OFFICE and (t.i not in titled or t.lower_ in UNCHECKED) for t in inside)
    return phrases


def _joins(gap, last: Phrase, piece: Piece) -> bool:
    if last.pieces[-1].kind == lx.PLACE or piece.kind == lx.PLACE:
        return False
    words = [t.lower_ for t in gap]
    if all(w in POSSESSIVE or w in JOINERS or w in NOT_THE_OFFICE for w in words):
        return True
    if words and words[0] in POSSESSIVE and all(t.pos_ == "ADJ" for t in gap[1:]):
        return True  # "Israel's largest trade union"
    # apposition: "Trump’s special envoy, Steve Witkoff"
    return words == [","] and last.pieces[-1].kind == lx.TITLE and piece.kind in (lx.PERSON, NEW_PERSON)


def owns_country(doc: Doc, ph: Phrase, pieces: list[Piece]) -> bool:
    """True when the phrase's own words say whose it is: "delegations from Russia and Ukraine"
    (but not where it is: "protesters in Belgrade" take Belgrade's country)."""
    head = doc[ph.end - 1]
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return True  # "its troops": whose they are is the pronoun's, not the sentence's country
    sentence = head.sent  # a piece elsewhere cannot hang from the head
    for p in pieces:
        if p.kind not in QUALIFIERS | {lx.PLACE} or ph.start <= p.start < ph.end or not sentence.start <= p.start < sentence.end:
            continue
        token = doc[p.end - 1]
        while token != head and token.head != token:
            if token.dep_ == "prep":  # the nearest preposition says whose or where
                if token.lower_ in ("from", "of") and token.head == head:
                    return True
                break
            token = token.head
    return False


def residence(doc: Doc, ph: Phrase, pieces: list[Piece]) -> str | None:
    """For a people named by a demonym alone and then placed in another country ("the Albanians
    of southern Serbia", "Serbs in Kosovo"): that country."""
    if len(ph.pieces) != 1 or ph.pieces[0].kind != lx.DEMONYM:
        return None
    people = doc[ph.end - 1]
    if people.tag_ not in ("NNS", "NNPS"):
        return None
    places = {i: p.key for p in pieces if p.kind in (lx.COUNTRY, lx.PLACE) for i in range(p.start, p.end)}
    for prep in people.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            found = next((places[t.i] for t in prep.subtree if t.i in places), None)
            if found and found != ph.pieces[0].key:
                return found
    return None


def sentence_starts(doc: Doc):
    """A function from a token index to the index of its sentence's first token."""
    starts = [s.start for s in doc.sents]
    return lambda i: starts[bisect_right(starts, i) - 1]


LOCATIVE = {"in", "at", "throughout", "across", "inside", "outside", "near", "within", "around"}


def locations(doc: Doc, pieces: list[Piece], sentence_of, home_of) -> dict[int, str]:
    """Sentence start -> the country the sentence happens in: the first place named after "in",
    "at", "throughout"...; failing one, the only country the sentence names at all (titles such
    as "Algerian President" and groups such as UNITA name theirs: `home_of` gives it)."""
    found: dict[int, str] = {}
    named: dict[int, set[str]] = {}
    for p in pieces:
        token = doc[p.end - 1]
        if token.dep_ == "poss" and token.head.dep_ == "pobj":  # "near Macedonia's border"
            token = token.head
        if p.kind in (lx.PLACE, lx.SEAT, lx.COUNTRY) and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:
            found.setdefault(sentence_of(token.i), p.key)
        if p.kind in (lx.PLACE, lx.SEAT, lx.COUNTRY, lx.DEMONYM, lx.MILSEAT) and not stance_prefix(doc, p.start, p.end):
            named.setdefault(sentence_of(token.i), set()).add(p.key)
        elif p.kind in (lx.TITLE, lx.ORG) and (home := home_of(p)):
            named.setdefault(sentence_of(token.i), set()).add(home)
    for sentence, countries in named.items():
        if len(countries) == 1:
            found.setdefault(sentence, next(iter(countries)))
    return found


# "Soviet-era jets", "Iranian-made drones": the country word dates or makes a thing.
MADE = {"era", "made", "built", "designed", "manufactured", "supplied", "style", "type", "class", "vintage"}


def stance_prefix(doc: Doc, start: int, end: int) -> bool:
    """True when a country word is preceded by "pro-", "anti-" or "ethnic" (a sympathy or an
    ethnicity, not a nationality: "ethnic Albanians" in Macedonia are coded by where they live),
    or hyphened to a word of making ("Soviet-era", "Iranian-made")."""
    if start >= 1 and doc[start - 1].lower_ == "ethnic":
        return True
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in MADE:
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti")


def with_article(doc: Doc, start: int) -> int:
    """Widen a phrase start over a preceding "the"."""
    return start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start


