"""The events stage: coded triggers become Events with date, place, duration and casualties.

Mentions of one event in one article are merged: the same type between the same actors
(in either order for symmetric types such as meetings), or a later definite mention
with no actors of its own ("The more than four-hour meeting ...") that takes its
attributes to the last event of its trigger.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from ..actors.kb import KnowledgeBase
from ..model import Actor, Article, Event, Mention, Place, SentenceLabel, Span, TimeExpression
from .codebook import Codebook
from .coder import Coded, EventCoder, sentences
from .geo import Gazetteer
from .learned.classifier import NONE, Prediction, SentenceClassifier
from .learned.combine import Combiner, Decision
from .quantities import casualties, durations

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "from", "around", "across"}
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
VIOLENT_ROOTS = {"18", "19", "20"}
PLACE_TARGET_ROOTS = {"08", "14", "15", "17", "18", "19", "20"}  # protests target the place's government  # easing or force in a place: its country is the target


class EventStage:
    """Codes the events of parsed articles."""

    def __init__(self, kb: KnowledgeBase, book: Codebook, classifier: SentenceClassifier | None):
        """With no classifier the triggers alone code (`accord train` measures them so)."""
        self.book = book
        self.coder = EventCoder(book)
        self.gazetteer = Gazetteer(kb)
        self.combine = Combiner(book, classifier)

    def __call__(self, doc: Doc, article: Article, actors: tuple[Actor, ...], mentions: tuple[Mention, ...],
                 dates: tuple[TimeExpression, ...]) -> tuple[tuple[Event, ...], tuple[SentenceLabel, ...]]:  # fmt: skip
        """The article's events, merged, in text order, and the classifier's label of each sentence."""
        usable = [m for m in mentions if m.kind != "pronoun" or m.actor]
        paragraphs = [p.start for p in article.paragraphs] or [0]
        countries = {a.country for a in actors if a.country}
        events: list[Event] = []
        labels: list[SentenceLabel] = []
        for sentence in sentences(doc, article.headings):
            para = bisect_right(paragraphs, sentence.start_char) - 1
            lo = paragraphs[max(para, 0)]
            hi = paragraphs[para + 1] if para + 1 < len(paragraphs) else len(article.text)
            context = [m for m in usable if lo <= m.span.start < hi]
            inside = [m for m in usable if sentence.start_char <= m.span.start < sentence.end_char]
            coded = [c for c in self.coder.sentence_events(sentence, inside, context) if self.book.code(c.cameo).plover]
            guess = self.combine.predict(sentence)
            if guess is not None:
                labels.append(_label(sentence, guess))
            decisions = [(item, self.combine.pattern(self._plover(item), item.cameo, guess, _framed(item))) for item in coded]
            coded = [item for item, decision in decisions if decision]
            for item, decision in decisions:  # codes PLOVER leaves out (CAMEO 01, statements) are no events
                if decision:
                    events.append(self._event(item, decision, article, dates, countries, inside))
            if not coded and (decision := self.combine.untriggered(guess)):
                item = self.coder.untriggered(sentence, inside, decision.cameo)
                decision = self.combine.refine(decision, item.match.token, guess)
                events.append(self._event(item, decision, article, dates, countries, inside))
            self._anaphora(sentence, events, coded)
        return tuple(_merge(events)), tuple(labels)

    def _plover(self, item: Coded) -> str:
        """The PLOVER type a trigger codes: its own override for its own code, else the CAMEO table's."""
        own = item.match.trigger.plover if item.cameo == item.match.trigger.cameo else None
        return own or self.book.code(item.cameo).plover

    def _event(self, item: Coded, decision: Decision, article: Article, dates, countries: set[str], mentions: list[Mention]) -> Event:
        code = self.book.code(decision.cameo)
        sentence = item.sentence
        span = _sentence_span(sentence)
        when = _date_for(item, dates)
        used = {m.span for m in item.source + item.target}
        place = self._place(item, used, countries)
        if not item.target and decision.cameo[:2] in PLACE_TARGET_ROOTS and place and place.country:
            # "struck targets in southern Lebanon": the place's country is the target
            item.target = [m for m in mentions if m.actor == f"country:{place.country}" and m.span not in used][:1]
        quantities = casualties(sentence.text, sentence.start_char) if decision.cameo[:2] in VIOLENT_ROOTS else []
        long = durations(sentence.text, sentence.start_char)
        return Event(
            type=decision.type, cameo=decision.cameo, quad_class=code.quad_class, goldstein=code.goldstein,
            source=tuple(dict.fromkeys(m.actor for m in item.source)),
            target=tuple(dict.fromkeys(m.actor for m in item.target)),
            trigger=Span(item.match.token.idx, item.match.token.idx + len(item.match.token)),
            evidence=(span,), pattern=item.pattern, mode=code.mode, context=code.context, acled=decision.acled,
            when=when.start if when else article.published, when_end=when.end if when else article.published,
            when_rule=when.rule if when else ("publication date" if article.published else "unknown"),
            when_span=when.span if when else None,
            place=place, duration=long[0] if long else None,
            casualties=tuple(quantities), negated=item.negated, hedged=item.hedged, reciprocal=item.reciprocal,
            source_span=_phrase(item.source_words), target_span=_phrase(item.target_words),
            decided_by=decision.decided_by, confidence=decision.confidence,
        )  # fmt: skip

    def _place(self, item: Coded, used: set[Span], countries: set[str]) -> Place | None:
        for ent in item.sentence.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            if Span(ent.start_char, ent.end_char) in used or any(s.start <= ent.start_char < s.end for s in used):
                continue
            if ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS:
                return self.gazetteer.locate(ent.text, Span(ent.start_char, ent.end_char), countries)
        return None

    def _anaphora(self, sentence, events: list[Event], coded: list[Coded]) -> None:
        """A definite singular event noun with no actors ("The meeting was ...") adds to the last such event."""
        taken = {c.match.token.i for c in coded}
        for token in sentence:
            if token.i in taken or token.tag_ != "NN" or not any(c.lower_ == "the" for c in token.children):
                continue
            triggers = {t.id for _, t in self.book.nouns.get(token.lemma_.lower(), ())}
            earlier = [i for i, e in enumerate(events) if e.pattern.split(">")[-1].removeprefix("will-") in triggers]
            if not earlier:
                continue
            i = earlier[-1]
            span = _sentence_span(sentence)
            long = durations(sentence.text, sentence.start_char)
            if span in events[i].evidence:
                continue
            events[i] = replace(events[i], evidence=events[i].evidence + (span,),
                                duration=events[i].duration or (long[0] if long else None))  # fmt: skip


def _sentence_span(sentence) -> Span:
    """The character span of a sentence, less its trailing whitespace."""
    return Span(sentence.start_char, sentence.start_char + len(sentence.text.rstrip()))


def _framed(item: Coded) -> bool:
    """True when a frame or a modality decided the code ("refused to", "will withdraw", "must
    stop") or hedges the act ("can now begin"): the rules read those, and keep the type."""
    return item.hedged or item.match.trigger.frame is not None or ">" in item.pattern or item.pattern.split("-", 1)[0] in ("will", "not", "must")


def _label(sentence, guess: Prediction) -> SentenceLabel:
    event = guess.plover.label if guess.plover.label != NONE else None
    acled = guess.acled.label if guess.acled.label != NONE else None
    return SentenceLabel(
        span=_sentence_span(sentence),
        event=event, event_confidence=guess.plover.confidence, penta=int(guess.penta.label),
        penta_confidence=guess.penta.confidence, acled=acled, acled_confidence=guess.acled.confidence,
    )  # fmt: skip


def _phrase(token) -> Span | None:
    """The character span of a token's phrase (its subtree), or None."""
    if token is None:
        return None
    return Span(token.left_edge.idx, token.right_edge.idx + len(token.right_edge))


def _date_for(item: Coded, dates: tuple[TimeExpression, ...]) -> TimeExpression | None:
    """The resolved time expression of the trigger's clause, else of its sentence."""
    sentence = item.sentence
    inside = [d for d in dates if sentence.start_char <= d.span.start < sentence.end_char and d.start]
    clause = item.match.token.head if item.match.nominal else item.match.token
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    near = [d for d in inside if lo <= d.span.start < hi]
    return (near or inside or [None])[0]


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.negated != b.negated:
        return False
    if a.type in SYMMETRIC_TYPES:
        return set(a.source + a.target) == set(b.source + b.target)
    return (a.source, a.target) == (b.source, b.target)


def _merge(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        i = merged.index(twin)
        merged[i] = replace(
            twin,
            evidence=twin.evidence + tuple(s for s in event.evidence if s not in twin.evidence),
            when=twin.when if twin.when_span else event.when, when_end=twin.when_end if twin.when_span else event.when_end,
            when_rule=twin.when_rule if twin.when_span else event.when_rule, when_span=twin.when_span or event.when_span,
            place=twin.place or event.place, duration=twin.duration or event.duration,
            casualties=twin.casualties or event.casualties,
        )  # fmt: skip
    return merged
