"""Checks inside one article: a holder group on both sides of an issue, two values for one
event's detail, one quote given to two speakers."""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations

from ..actors.kb import KnowledgeBase
from ..actors.resolve import PRONOUNS
from ..model import Actor, Claim, Evidence, Finding, Stance, TimeExpression
from .values import ANOTHER_DAY, TOLLS, anchors_of, apart, one_happening, quote_overlap, same_amount, same_date, same_place, several, shared_keys, slip
from .vocabulary import Vocabulary

ALIGN_KEYS = 3  # content lemmas two sentences must share to speak of one happening
DETAILS = ("number", "duration", "place", "date")
UNIT = re.compile(r"minute|hour|day|week|month|year")
OPEN_BOUND = 1.5  # in one article, "more than 30" is not a figure twice as high
SAME_QUOTE = 0.8  # share of the shorter quote's words the other repeats
POLARITIES = ("support", "oppose")
SPEAKING_PRONOUNS = {*PRONOUNS, "i", "we", "you"}  # a pronoun speaker may be anyone already named


class ArticleChecks:
    def __init__(self, kb: KnowledgeBase, issue_names: dict[str, str], vocabulary: Vocabulary):
        self.kb = kb
        self.issue_names = issue_names
        self.vocab = vocabulary

    def __call__(self, article_id: str, source: str | None, text: str, actors: tuple[Actor, ...],
                 stances: tuple[Stance, ...], claims: tuple[Claim, ...], as_of: date | None = None,
                 dates: tuple[TimeExpression, ...] = ()) -> list[Finding]:  # fmt: skip
        def evidence(start: int, end: int) -> Evidence:
            return Evidence(article_id, start, end, text[start:end], source)

        return [
            *self._stances(evidence, text, actors, stances),
            *self._details(evidence, text, claims, as_of, dates),
            *self._quotes(evidence, text, actors, claims),
        ]

    # -- one holder group on both sides -----------------------------------------------------

    def _group_name(self, code: str) -> str:
        country, sector = code[:3], code[3:]
        place = self.kb.countries.get(country)
        name = place.name if place else country
        the = "the " if name.startswith(("United", "Russian Federation")) else ""
        return f"the {self.kb.sector_names.get(sector, sector.lower())} of {the}{name}" if sector else f"{the}{name}"

    def _stances(self, evidence, text: str, actors, stances) -> list[Finding]:
        by_id = {a.id: a for a in actors}
        sides: dict[tuple[str, str], dict[str, list[Stance]]] = {}
        for s in stances:
            holder = by_id.get(s.holder)
            if holder is None or not holder.code or s.polarity not in POLARITIES:
                continue
            code = holder.code if holder.sector else f"{holder.code}GOV" if holder.kind == "country" else None
            if code:  # a country that takes a position ("India had not agreed to talks") takes it through its government
                sides.setdefault((code, s.issue), {}).setdefault(s.polarity, []).append(s)
        found = []
        for (code, issue), by_polarity in sides.items():
            if len(by_polarity) < 2:
                continue
            against, for_ = by_polarity["oppose"][0], by_polarity["support"][0]
            who_against, who_for = by_id[against.holder].name, by_id[for_.holder].name
            issue_name = self.issue_names.get(issue, issue).lower()
            same = "" if who_against == who_for else f" ({who_against} and {who_for} both speak for it)"
            explanation = (
                f"The article puts {self._group_name(code)}{same} on both sides of {issue_name}: "
                f"{who_against} against it (“{_short(against.evidence[0].text_in(text))}”) and {who_for} "
                f"for it (“{_short(for_.evidence[0].text_in(text))}”). One of the two is wrong, or the position changed "
                "and the article does not say so."
            )
            spans = [against.cue or against.evidence[0], for_.evidence[0]]
            found.append(Finding(
                "internal contradiction", "warning", explanation, "stances: opposite polarities of one holder group",
                tuple(evidence(s.start, s.end) for s in spans), about=f"{self._group_name(code)} on {issue_name}",
            ))  # fmt: skip
        return found

    # -- two values for one event's detail -------------------------------------------------------

    def _details(self, evidence, text: str, claims, as_of: date | None, dates) -> list[Finding]:
        anchors = anchors_of(claims)
        written = {c.sentence: {d.text.lower() for d in dates if c.sentence.start <= d.span.start < c.sentence.end} for c in claims}
        found, reported = [], set()
        for a, b in combinations(claims, 2):
            if a.kind != b.kind or a.what != b.what or a.sentence == b.sentence or a.rising or b.rising:
                continue
            if a.kind not in DETAILS or (a.kind, a.what) in reported or not self._one_event(a, b, text, anchors, as_of):
                continue
            if written[a.sentence] and written[b.sentence] and not written[a.sentence] & written[b.sentence]:
                continue  # "On 11 June ..." and "on 16 June ...": each sentence tells of its own day
            if _compatible(a, b, text, self.vocab):
                continue
            reported.add((a.kind, a.what))
            words = (text[a.span.start : a.span.end], text[b.span.start : b.span.end])
            what = _detail_name(a)
            found.append(Finding(
                "event details", "warning",
                f"The article gives two different {what} for what reads as the same event: “{words[0]}” and later "
                f"“{words[1]}”, without saying the figure changed.",
                f"details: two {a.kind} values for one event in one article",
                (evidence(a.span.start, a.span.end), evidence(b.span.start, b.span.end)), about=what,
            ))  # fmt: skip
        return found

    def _one_event(self, a: Claim, b: Claim, text: str, anchors, as_of: date | None) -> bool:
        """Two claims of one article speak of one event when neither sentence sets itself apart
        by a date (or, for figures, a place) of its own, and their sentences share content words;
        a toll or a length needs no shared words unless one speaks of a running total ("since
        the war began"), and a running total is never one event's figure."""
        mine, theirs = anchors.get(a.sentence, ()), anchors.get(b.sentence, ())
        if a.kind == "place":  # the places are what is compared: only dates set them apart
            mine, theirs = [c for c in mine if c.kind == "date"], [c for c in theirs if c.kind == "date"]
        if apart(mine, theirs, as_of, as_of, self.vocab):
            return False
        running = [bool(self.vocab.cumulative.search(text[c.sentence.start : c.sentence.end])) for c in (a, b)]
        if a.kind == "number" and running[0] != running[1]:
            return False  # a running total against one event's figure, whatever words they share
        if a.kind == "number" and a.what.startswith(TOLLS) and several(a, text, self.vocab) != several(b, text, self.vocab):
            return False  # "strikes across Gaza killed 40" and "a strike on a school killed 15": many and one
        if shared_keys(a, b) >= ALIGN_KEYS:
            return True
        if (a.kind == "duration" and _unit(a, text) == _unit(b, text)) or (a.kind == "number" and a.what.startswith(TOLLS)):
            return not any(running)
        return False

    # -- one quote, two speakers -------------------------------------------------------------

    def _quotes(self, evidence, text: str, actors, claims) -> list[Finding]:
        names = {a.id: a.name for a in actors if a.kind == "person"}
        said = [(c, who) for c in claims if c.kind == "quote" and (who := _speaker_name(c, names, text))]
        found = []
        for (a, x), (b, y) in combinations(said, 2):
            if _surname(x) != _surname(y) and quote_overlap(a.value, b.value) >= SAME_QUOTE:
                found.append(Finding(
                    "quote attribution", "warning",
                    f"The article gives the same words to {x} and to {y}: “{_short(a.value)}”.", "quotes: one quote, two speakers",
                    tuple(evidence(s.start, s.end) for c in (a, b) for s in (c.span, c.speaker) if s), about=_short(a.value),
                ))  # fmt: skip
        return found


def _speaker_name(c: Claim, people: dict[str, str], text: str) -> str | None:
    """Who a quote is given to: the person the speaker is, or the name the text gives when the
    base cannot place it ("Papuashvili said"); None for a pronoun or a role ("the police
    spokesman"), which may be anyone already named."""
    if c.holder in people:
        return people[c.holder]
    words = text[c.speaker.start : c.speaker.end].split() if c.speaker else []
    return " ".join(words) if words and all(w[:1].isupper() for w in words) and words[0].lower() not in SPEAKING_PRONOUNS else None


def _surname(name: str) -> str:
    return name.split()[-1].lower().strip(".,")


def _compatible(a: Claim, b: Claim, text: str, vocabulary: Vocabulary) -> bool:
    if a.kind == "place":  # attacks come in waves over many places: only a meeting's or a deal's place is one
        return a.holder == "attack" or not one_happening(a, b) or same_place(a, b, vocabulary)
    if a.kind == "date":  # a day apart may be the next day of a campaign of many days
        other = a.holder != b.holder or ANOTHER_DAY in (a.holder, b.holder) or not (a.explicit and b.explicit)
        return other or not slip(a, b) or same_date(a, b) or abs((a.day - b.day).days) <= 1
    return same_amount(a, text, b, text, open_bound=OPEN_BOUND)


def _unit(claim: Claim, text: str) -> str | None:
    """The unit a duration is written in: a length in a smaller unit may be a part of one in a
    larger ("about 12 hours" on Monday of "three days of talks")."""
    unit = UNIT.search(text[claim.span.start : claim.span.end].lower())
    return unit.group(0) if unit else None


def _detail_name(claim: Claim) -> str:
    if claim.kind == "duration":
        return f"durations of the {claim.what}"
    if claim.kind == "place":
        return "places"
    if claim.what in TOLLS:
        return {"killed": "death tolls", "injured": "counts of the injured", "abducted": "counts of people abducted"}[claim.what]
    return f"counts ({claim.what})"


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
