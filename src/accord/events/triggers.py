"""Finding trigger words in a parsed sentence: verbs, phrasal verbs and nominal triggers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .codebook import Codebook, Trigger

# Verbs whose object (or "in" phrase) names the event: "held talks", "persist in attacks".
LIGHT_VERBS = {
    "have", "hold", "conduct", "launch", "stage", "carry", "begin", "start", "open", "mount", "make",
    "give", "declare", "announce", "impose", "continue", "persist", "resume", "step", "intensify",
    "order", "undertake", "lead", "engage", "wage", "sign", "reach", "seal", "broker", "join", "attend",
    "go", "initiate", "renew", "escalate", "unleash", "carry out", "keep", "conclude", "agree",
}  # fmt: skip
VERB_POS = {"VERB", "AUX", "ADJ"}
NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Match:
    """A trigger found at a token; `nominal` when a noun carries the event."""

    token: Token
    trigger: Trigger
    words: tuple[str, ...]
    nominal: bool

    @property
    def depth(self) -> int:
        depth, token = 0, self.token
        while token.head != token:
            depth, token = depth + 1, token.head
        return depth


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _verb_words_fit(token: Token, words: tuple[str, ...]) -> bool:
    """The rest of a phrasal verb ("for" in "call for") among its children and grandchildren."""
    nearby = [*token.children, *(g for c in token.children for g in c.children), *token.doc[token.i + 1 : token.i + 3]]
    near = {form for t in nearby for form in (_lemma(t), t.lower_)}
    return all(w in near for w in words[1:])


def _has_object(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass", "dative") for c in token.children)


def object_lemmas(token: Token, nominal: bool) -> set[str]:
    """The lemmas of what the trigger acts on: its object phrase, or the noun's own words."""
    if nominal:
        return {_lemma(t) for t in token.subtree}
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return {_lemma(t) for o in objects for t in o.subtree} | {" ".join(_lemma(t) for t in o.subtree) for o in objects}


def _noun_words_fit(token: Token, words: tuple[str, ...]) -> bool:
    """The modifiers of a multiword noun ("drone" in "drone attacks") to its left in the phrase."""
    left = {form for t in token.doc[token.left_edge.i : token.i] for form in (_lemma(t), t.lower_)}
    return all(w in left for w in words[:-1])


def _nominal_counts(token: Token, trigger: Trigger, frames: set[int]) -> bool:
    """A noun codes an event when a light verb, a frame or its own actor phrase carries it."""
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr") and _lemma(head) in LIGHT_VERBS:
        return True
    if token.dep_ == "pobj" and (_lemma(head.head) in LIGHT_VERBS or head.head.i in frames):
        return True
    if token.dep_ in ("dobj", "pobj", "xcomp") and (head.i in frames or head.head.i in frames):
        return True
    preps = {_lemma(c) for c in token.children if c.dep_ == "prep"}
    if preps & set(trigger.target) - {"dobj", "dative"}:
        return True
    return any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for c in token.children)


def find(sentence: SpacySpan, book: Codebook) -> list[Match]:
    """Every trigger in the sentence, verbs before nouns, most specific words first."""
    verbal: list[Match] = []
    for token in sentence:
        if token.pos_ in VERB_POS:
            for words, trigger in book.verbs.get(_lemma(token), ()):
                if _verb_words_fit(token, words) and (words[0] not in trigger.transitive or _has_object(token)):
                    verbal.append(Match(token, trigger, words, nominal=False))
                    break
    frames = {m.token.i for m in verbal if m.trigger.frame}
    nominal: list[Match] = []
    for token in sentence:
        if token.pos_ in NOUN_POS:
            for words, trigger in book.nouns.get(_lemma(token), book.nouns.get(token.lower_, ())):
                if _noun_words_fit(token, words) and _nominal_counts(token, trigger, frames):
                    nominal.append(Match(token, trigger, words, nominal=True))
                    break
    return verbal + nominal
