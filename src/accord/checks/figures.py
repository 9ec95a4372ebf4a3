"""Figures: the numbers an article states (casualties, counts of things, sums of money),
each as a claim, qualified by the words around it ("at least", "each", a plan, an age)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as DocSpan

from ..events.quantities import ABDUCTIONS, NUMBER_WORDS, QUALIFIERS, VAGUE, bounds, casualties, number
from ..model import Claim
from .happenings import planned
from .values import TOLLS
from .vocabulary import Vocabulary

YEARS_OLD = re.compile(r"^\s*-?\s*years?\s*-?\s*old\b", re.I)
QUALIFIER_BEFORE = re.compile(r"(?:" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s*$", re.I)


class FigureReader:
    """Reads the figures of one sentence; `claim` makes a claim of the sentence's words."""

    def __init__(self, vocabulary: Vocabulary, claim):
        self.vocab = vocabulary
        self.claim = claim
        self.toll = _toll(vocabulary.toll_phrases)

    def __call__(self, sent: DocSpan) -> list[Claim]:
        text, offset = sent.text, sent.start_char
        found, covered = [], []
        for q in [*casualties(text, offset), *casualties(text, offset, ABDUCTIONS)]:
            found.append(self.claim(sent, "number", self._casualty_group(sent, q), q.span.start, q.span.end,
                                     low=q.low, high=q.high))  # fmt: skip
            covered.append((q.span.start, q.span.end))
        for m in self.toll.finditer(text):
            start, end = offset + m.start(), offset + m.end()
            n = number(m["n"])
            if n is None or any(s <= start < e or s < end <= e for s, e in covered):
                continue
            low, high = bounds(n, m["q"], m["n"])
            found.append(self.claim(sent, "number", "killed", start, end, low=low, high=high))
            covered.append((start, end))
        for token in sent:
            claim = self._count(sent, token, covered)
            if claim:
                found.append(claim)
        for ent in sent.ents:
            if ent.label_ == "MONEY":
                claim = self._money(sent, ent)
                if claim:
                    found.append(claim)
        return _latest([q for q in (self._qualified(sent, c) for c in found) if q])

    def _qualified(self, sent: DocSpan, claim: Claim) -> Claim | None:
        """The claim as its number's words qualify it: none for an addition ("four more
        hostages") or a plan ("Israel is to free 90 prisoners", "will release"), twice as
        wide for a count of each side ("175 prisoners each" is also 350 in all)."""
        token = next((t for t in sent if claim.span.start <= t.idx < claim.span.end
                      and (t.like_num or t.lower_ in NUMBER_WORDS or t.lower_ in VAGUE)), None)  # fmt: skip
        if token is None:
            return claim
        after = [t.lower_ for t in token.doc[token.i + 1 : min(token.i + 4, sent.end)]]
        if after[:1] and after[0] in self.vocab.increments and after[1:2] != ["than"]:
            return None
        if planned(token, self.vocab) or self._age(token):
            return None
        if self.vocab.per_side & set(after) and claim.low is not None:
            return replace(claim, high=claim.low * 2)
        return claim

    def _age(self, token) -> bool:
        """Whether a number is someone's age ("a woman aged 64", "a 64-year-old man")."""
        before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        return before in self.vocab.age_words or bool(YEARS_OLD.match(token.doc.text[token.idx + len(token) :]))

    def _casualty_group(self, sent: DocSpan, q) -> str:
        """"killed" for people as a whole; "killed: child" for a part of them (the noun the
        number counts: "nine children were killed", "killing 34 civilians")."""
        for t in sent:
            if q.span.start <= t.idx < q.span.end and (t.like_num or t.lower_ in NUMBER_WORDS):
                noun = t.head if t.dep_ == "nummod" and t.head.pos_ == "NOUN" else None
                whole = self.vocab.casualty_whole | (self.vocab.abducted_whole if q.unit == "abducted" else frozenset())
                if noun is None or noun.lemma_.lower() in whole or noun.lower_ in whole:
                    return q.unit
                return f"{q.unit}: {self.vocab.singular(noun.lower_)}"
        return q.unit

    def _count(self, sent: DocSpan, token, covered) -> Claim | None:
        """"more than 300 drones", "1,000 prisoners": a number modifying a counted noun."""
        if token.dep_ != "nummod" or token.head.pos_ != "NOUN":
            return None
        what = self.vocab.counted(token.head.lemma_.lower())
        n = number(token.text)
        if what is None or n is None or token.text.lower() in ("a", "an", "one"):
            return None
        if any(c.dep_ == "conj" for c in token.head.children):
            return None  # "200 missiles and drones" counts them together, not the missiles
        start = token.idx
        if any(s <= start < e for s, e in covered):
            return None
        before = sent.doc.text[max(sent.start_char, start - 20) : start]
        qualifier = QUALIFIER_BEFORE.search(before)
        if qualifier:
            start -= len(before) - qualifier.start()
        low, high = bounds(n, qualifier.group(0).strip() if qualifier else None, token.text)
        end = token.head.idx + len(token.head.text)
        role = self._role(token.head)
        what = f"{what}: {role}" if role else what
        return self.claim(sent, "number", what, start, max(end, token.idx + len(token.text)), low=low, high=high)

    def _role(self, noun) -> str | None:
        """What the verb that governs a count did to the things counted, when it makes them a
        part of the whole ("shot down 88 drones" of the 273 launched), from `count_roles`."""
        node = noun  # "shot down 442 drones and 41 missiles": the missiles hang from the drones
        while node.dep_ in ("pobj", "prep", "conj", "appos") and node.head.i != node.i:
            node = node.head
        verb = node.head
        words = {verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt")}
        return next((role for role, lemmas in self.vocab.count_roles.items() if words & lemmas), None)

    def _money(self, sent: DocSpan, ent: DocSpan) -> Claim | None:
        """"$1.5 billion", "500 million euros": the sum in units of its currency."""
        words = ent.text.lower().replace(",", "")
        currency = self.vocab.currency(words)
        m = re.search(r"\d+(?:\.\d+)?", words)
        if currency is None or m is None:
            return None
        scale = 1.0
        for word in re.findall(r"[a-z]+", words[m.end() :]):
            scale = self.vocab.scales.get(word, scale)
        value = float(m.group(0)) * scale
        qualifier = QUALIFIER_BEFORE.search(sent.doc.text[max(sent.start_char, ent.start_char - 20) : ent.start_char])
        low, high = bounds(value, qualifier.group(0).strip() if qualifier else None)
        return self.claim(sent, "number", currency, ent.start_char, ent.end_char, low=low, high=high)


def _latest(claims: list[Claim]) -> list[Claim]:
    """A sentence that says a toll rose and gives two figures of it ("has risen to 75, after a
    first count listed 43") states the highest; the lower ones are earlier counts."""
    top = {}
    for c in claims:
        if c.rising and c.what in TOLLS and c.low is not None:
            top[c.what] = max(top.get(c.what, c.low), c.low)
    return [c for c in claims if not (c.what in top and c.low is not None and c.low < top[c.what])]


def _toll(phrases) -> re.Pattern:
    """"the death toll rose to 12", "the number of people killed stood at 22": a toll's figure."""
    return re.compile(
        r"\b(?:" + "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)) + r")\b[^.;]{0,60}?"
        r"\b(?:to|at|of|reached|hit|is|was|stood at)\s+"
        r"(?:(?P<q>" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
        r"(?P<n>\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b",
        re.I,
    )
