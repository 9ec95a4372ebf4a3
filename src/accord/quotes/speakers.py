"""Speakers: the words naming a speaker, resolved to an actor through the article's mentions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Actor, Article, Mention, Span

PERSONAL = {"he": "person", "him": "person", "she": "person", "her": "person", "it": "other", "they": "other", "them": "other"}
GUESSED = 0.7  # confidence factor of a speaker found by position rather than by the parse
LOOSE_KINDS = {"country", "demonym"}
PHRASE_ENDS = {"relcl", "appos", "acl", "punct", "cc", "conj"}


@dataclass(frozen=True)
class Speaker:
    """Who spoke: an actor id (None when unresolved), the words naming them, and how sure."""

    actor: str | None
    span: Span | None
    confidence: float = 1.0
    named: bool = False  # a mention covers the head word, or a pronoun was resolved


class Speakers:
    """Resolves speaker words in one article against its mentions."""

    def __init__(self, article: Article, mentions: tuple[Mention, ...], actors: tuple[Actor, ...], quoted: Callable[[int], bool]):
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))
        self.starts = [m.span.start for m in self.mentions]
        self.kinds = {a.id: a.kind for a in actors}
        self.paragraphs = [p.start for p in article.paragraphs] or [0]
        self.quoted = quoted

    def phrase(self, token: Token) -> Span:
        """The words of the noun phrase headed by `token`, without relative clauses or appositions."""
        end = token.idx + len(token)
        for child in token.rights:
            if child.dep_ in PHRASE_ENDS:
                break
            end = child.right_edge.idx + len(child.right_edge)
        return Span(token.left_edge.idx, end)

    def at(self, token: Token, previous: Speaker | None) -> Speaker:
        """The speaker named by `token`, through the mention covering it or, failing that, inside its phrase."""
        if token.pos_ == "PRON":
            return self._pronoun(token, previous)
        words = self.phrase(token)
        inside = [m for m in self._overlapping(words) if m.kind != "pronoun"]
        best = next((m for m in inside if m.span.start <= token.idx < m.span.end), None)
        if best is not None:
            return Speaker(best.actor, best.span, named=True)
        if inside:
            best = next((m for m in reversed(inside) if m.kind not in LOOSE_KINDS), inside[-1])
            return Speaker(best.actor, best.span)
        return Speaker(None, words, 0.8)

    def _pronoun(self, token: Token, previous: Speaker | None) -> Speaker:
        """ "he said": the paragraph's last speaker, else the resolver's antecedent, else the nearest fitting actor."""
        words = Span(token.idx, token.idx + len(token))
        want = PERSONAL.get(token.lower_)
        linked = next((m.actor for m in self._overlapping(words) if m.kind == "pronoun" and self._fair(m)), None)
        if want == "person" and previous is not None and self.is_person(previous.actor) and previous.span is not None:
            if self._paragraph(previous.span.start) == self._paragraph(token.idx):
                return Speaker(previous.actor, words, 1.0 if linked == previous.actor else GUESSED, named=True)
        if linked is not None:
            return Speaker(linked, words, named=True)
        near = self._nearest(token.idx, want) if want else None
        if near is not None:
            return Speaker(near.actor, words, GUESSED, named=True)
        if want and previous is not None and previous.actor and self.is_person(previous.actor) == (want == "person"):
            return Speaker(previous.actor, words, GUESSED, named=True)
        return Speaker(None, words, GUESSED)

    def _paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraphs, offset)

    def person_before(self, offset: int) -> Mention | None:
        """The nearest mention of a person before `offset`, outside quotations."""
        for m in reversed(self.mentions[: bisect_right(self.starts, offset)]):
            if m.span.end <= offset and self.is_person(m.actor) and not self.quoted(m.span.start):
                return m
        return None

    def is_person(self, actor: str | None) -> bool:
        """Is the actor a person?"""
        return self.kinds.get(actor) == "person"

    def latest(self, actor: str, before: int, pronouns: bool = True) -> Span | None:
        """The span of the nearest mention of `actor` before offset `before`."""
        for m in reversed(self.mentions[: bisect_right(self.starts, before)]):
            if m.actor == actor and m.span.end <= before and (pronouns or m.kind != "pronoun"):
                return m.span
        return None

    def _fair(self, pronoun: Mention) -> bool:
        """Did the resolver link the pronoun to someone named outside quotations?"""
        named = self.latest(pronoun.actor, pronoun.span.start, pronouns=False)
        return named is not None and not self.quoted(named.start)

    def _overlapping(self, words: Span) -> list[Mention]:
        found = []
        for m in self.mentions[: bisect_right(self.starts, words.end - 1)]:
            if m.span.end > words.start and m.span.start < words.end:
                found.append(m)
        return found

    def _nearest(self, offset: int, want: str) -> Mention | None:
        """The nearest earlier mention in the paragraph, outside quotations, of a fitting actor."""
        para = self.paragraphs[max(self._paragraph(offset) - 1, 0)]
        for m in reversed(self.mentions[: bisect_right(self.starts, offset)]):
            if m.span.start < para:
                break
            if m.span.end > offset or self.quoted(m.span.start) or m.kind in LOOSE_KINDS and want == "other":
                continue
            if (self.kinds.get(m.actor) == "person") == (want == "person"):
                return m
        return None
