"""Coding events from spaCy's parse: trigger, frame, source and target, modality.

For each sentence (headings skipped) the triggers are read from the root down. A frame
verb ("agreed to", "refused to", "threatened to", "called for") takes the trigger in its
complement with it and decides the code; an action said to be intended ("will send aid")
is coded with the trigger's intent code (AGREE) or as a threat (THREATEN); a negated
action is kept with `negated`, an uncertain one with `hedged`. A trigger's event with
no source actor, no subject words and no patient is dropped (the classifier may still find
the sentence's event: see learned/combine.py). Who acted on whom is read in participants.py.
A sending or deployment whose "to" clause talks, investigates or uses force takes that
clause's code (`purpose`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors.sides import nearest_two
from ..model import Mention
from .codebook import Codebook, Trigger
from .participants import STATIVE_PASSIVES, actors_in, patient_of, source_of, subject_heads, target_of, target_slots
from .triggers import Match, find, infinitive, is_light, lemma, object_lemmas, subject_lemmas

FUTURE = {"will", "would", "shall", "'ll", "wo"}
HEDGES = {"could", "may", "might", "can", "should"}
UNCERTAIN_HEADS = {"expect", "hope", "likely", "possible", "plan", "aim", "seek", "try", "want", "consider"}
RECIPROCAL = {"each side", "both sides", "the two sides", "the sides", "each other", "one another", "both parties", "the two countries", "both countries"}
COMPLEMENTS = ("xcomp", "ccomp", "prep", "pobj", "dobj", "acomp", "pcomp", "advcl", "conj", "attr")
REPORTING = {"say", "tell", "report", "add", "state", "confirm", "claim", "announce", "according"}
UNTRIGGERED_SLOTS = ("dobj", "against", "on", "at", "with", "to", "dative")  # where an untriggered event's target stands
# Threat codes by the root of the threatened action.
THREAT_BY_ROOT = {"16": "131", "17": "137", "18": "138", "19": "138", "20": "138", "15": "138", "14": "133"}


@dataclass
class Coded:
    """One event as read from one sentence, before merging."""

    match: Match
    cameo: str
    pattern: str
    source: list[Mention]
    target: list[Mention]
    sentence: SpacySpan
    negated: bool = False
    hedged: bool = False
    reciprocal: bool = False
    source_words: Token | None = None  # the subject, kept when no actor resolves from it
    target_words: Token | None = None
    complement: Match | None = None
    consumed: set[int] = field(default_factory=set)


class EventCoder:
    """Codes the events of one parsed article against a codebook."""

    def __init__(self, book: Codebook):
        self.book = book

    def sentence_events(self, sentence: SpacySpan, mentions: list[Mention], context: list[Mention]) -> list[Coded]:
        """The events of one sentence; `context` is the paragraph's mentions, for "each side"."""
        matches = sorted(find(sentence, self.book), key=lambda m: (m.depth, m.nominal, m.token.i))
        # what a frame takes ("calls for dialogue") is its event, whichever the parse puts higher, and
        # so are the actions coordinated with it ("agreed to ensure navigation and prevent the use of force")
        complements = {m.token.i: self._complement(m, matches) for m in matches if m.trigger.frame}
        consumed = {c.token.i for c in complements.values() if c}
        consumed |= {i for m in matches if m.trigger.frame for i in _coordinated(m.token)}
        coded = []
        for match in matches:
            if match.token.i in consumed:
                continue
            event = self._code(match, complements.get(match.token.i), matches, mentions, context, sentence)
            consumed |= event.consumed | {match.token.i}
            if event.source or event.reciprocal or event.source_words is not None or patient_of(match.token) is not None:
                coded.append(event)
        return coded

    def untriggered(self, sentence: SpacySpan, mentions: list[Mention], cameo: str) -> Coded:
        """An event the classifier found where no trigger fired: anchored on the main verb (the
        reported clause's, not "said"), with the participants a trigger there would have."""
        anchor = sentence.root
        while lemma(anchor) in REPORTING and (clause := next((c for c in anchor.children if c.dep_ == "ccomp"), None)):
            anchor = clause
        match = Match(anchor, Trigger(id="model", cameo=cameo, target=UNTRIGGERED_SLOTS), (lemma(anchor),), False)
        source = source_of(match, mentions)
        subject = next((t for t in subject_heads(anchor) if t.pos_ in ("NOUN", "PROPN")), None)
        patient = patient_of(anchor)
        target = target_of(match, None, mentions, source)
        if patient is not None and not target:  # "three civilians were killed": the subject suffered it
            target = actors_in(patient, mentions)
        obj = next(iter(target_slots(match)), patient)
        return Coded(match=match, cameo=cameo, pattern="model", source=source, target=target, sentence=sentence,
                     negated=_negated(anchor), hedged=_hedged(anchor), source_words=subject, target_words=obj)  # fmt: skip

    # -- one trigger -------------------------------------------------------------------

    def _code(self, match: Match, complement: Match | None, matches: list[Match], mentions, context, sentence) -> Coded:
        """One event from one trigger; `complement` is the trigger a frame governs."""
        trigger = match.trigger
        consumed = {m.token.i for m in matches if m.trigger.id == trigger.id and _governs(match.token, m.token)}
        if complement:
            consumed.add(complement.token.i)
        cameo, pattern = trigger.code_for(object_lemmas(match.token, match.nominal), subject_lemmas(match.token, match.nominal)), trigger.id
        if cameo != trigger.cameo and not match.nominal:  # "ended the blockade": the object is this event's
            consumed |= {m.token.i for m in matches if m.nominal and m.token.head == match.token and m.token.dep_ == "dobj"}
        negated = _negated(match.token)
        future = _future(match.token)
        demander = _demander(match.token)
        if demander is not None:  # "X said Y must withdraw": X demands it of Y
            source, target = actors_in(demander, mentions), source_of(match, mentions)
            return Coded(match=match, cameo="100", pattern=f"must-{trigger.id}", source=source, target=target,
                         sentence=sentence, consumed=consumed)  # fmt: skip
        if trigger.frame == "intent":
            if complement and complement.trigger.frame is None:
                cameo, pattern = self._intended(complement), f"{trigger.id}>{complement.trigger.id}"
                if trigger.when_conflict and cameo.startswith("13"):  # "agreed to halt", "prepared to attack"
                    cameo = trigger.when_conflict
            if negated:
                cameo, pattern, negated = "120", f"not-{pattern}", False
        elif trigger.frame == "threaten" and complement:
            root = complement.trigger.cameo[:2]
            cameo, pattern = THREAT_BY_ROOT.get(root, "130"), f"{trigger.id}>{complement.trigger.id}"
        elif trigger.frame in ("reject", "request") and complement:
            pattern = f"{trigger.id}>{complement.trigger.id}"
        elif trigger.purpose and not future and (purpose := self._purpose(match, matches)):
            goal, cameo = purpose
            pattern = f"{trigger.id}>{goal.trigger.id}"
            consumed.add(goal.token.i)
        elif trigger.frame is None and future:
            if negated and self.book.code(trigger.cameo).quad_class in (1, 2):
                cameo, pattern, negated = "120", f"not-will-{trigger.id}", False
            elif _conditional(match.token):  # "will withdraw its force unless ...": a threat
                cameo, pattern = THREAT_BY_ROOT.get(trigger.cameo[:2], "130"), f"will-unless-{trigger.id}"
            else:
                cameo, pattern = self._intended(match), f"will-{trigger.id}"
        source = source_of(match, mentions)
        target = target_of(match, complement, mentions, source)
        subject = next((t for t in subject_heads(match.token) if t.pos_ in ("NOUN", "PROPN")), None)
        obj = next(iter(target_slots(match) + (target_slots(complement) if complement else [])), None)
        patient = patient_of(match.token)
        if patient is not None and not source:
            if lemma(match.token) in STATIVE_PASSIVES:  # "Israel is opposed to ...": the subject acts
                source, subject = actors_in(patient, mentions), patient
            elif not target:  # "three civilians were killed": the subject suffered it
                target, obj = actors_in(patient, mentions), patient
        reciprocal = _reciprocal(match, sentence)
        if reciprocal:
            parties = _parties(context, sentence)
            source, target = parties[:1], parties[1:2]
        elif not target and len(source) > 1 and trigger.symmetric:
            source, target = source[:1], source[1:]
        return Coded(
            match=match, cameo=cameo, pattern=pattern, source=source, target=target, sentence=sentence,
            negated=negated, hedged=_hedged(match.token), reciprocal=reciprocal, complement=complement,
            consumed=consumed, source_words=subject, target_words=obj,
        )  # fmt: skip

    def _intended(self, match: Match) -> str:
        """The code for an action that is only intended or announced: a threat when the action
        (as its object codes it: "withdraw inspectors" is a sanction) is conflict, else AGREE."""
        trigger = match.trigger
        action = trigger.code_for(object_lemmas(match.token, match.nominal))
        if action.startswith("15") and not trigger.cameo.startswith("15"):
            return "0312"  # "ready to send troops to Ukraine" offers them; "ready to mobilize" threatens
        if self.book.code(action).quad_class in (3, 4):
            return THREAT_BY_ROOT.get(action[:2], "130")
        return trigger.intent if trigger.intent and action == trigger.cameo else "030"

    def _purpose(self, match: Match, matches: list[Match]) -> tuple[Match, str] | None:
        """The event a sending is for, with its code, when of a type the trigger allows: "sent
        personnel to Bosnia to investigate" -> investigate (but "supplied gas to ease shortages" stays aid)."""
        for m in matches:
            clause = m.token.head == match.token and m.token.dep_ in ("advcl", "xcomp") and infinitive(m.token)
            if clause and not m.nominal and m.trigger.frame is None:
                code = m.trigger.code_for(object_lemmas(m.token, m.nominal))
                if self.book.code(code).plover in match.trigger.purpose:
                    return m, code
        return None

    @staticmethod
    def _complement(frame: Match, matches: list[Match]) -> Match | None:
        """The trigger the frame verb governs through a complement, the closest first.

        The way down may pass prepositions and light verbs ("agreed to hold talks") but
        not another verb ("agreed to postpone the demonstration" has no complement event).
        """
        best = None
        for m in matches:
            if m.token == frame.token or not _governs(frame.token, m.token) or _verb_between(frame.token, m.token):
                continue
            if best is None or _distance(frame.token, m.token) < _distance(frame.token, best.token):
                best = m
        return best

def _coordinated(frame: Token) -> set[int]:
    """The verbs coordinated with a frame's clausal complement: "agreed to ensure X, eliminate Y
    and prevent Z" -> eliminate, prevent."""
    found = set()
    for clause in (c for c in frame.children if c.dep_ in ("xcomp", "ccomp")):
        chain = [clause]
        while chain:
            verb = chain.pop()
            for c in verb.children:
                if c.dep_ == "conj" and c.pos_ == "VERB":
                    found.add(c.i)
                    chain.append(c)
    return found


def _governs(head: Token, token: Token) -> bool:
    """True when `token` is below `head` through complement relations."""
    while token.head != token and token != head:
        if token.dep_ not in COMPLEMENTS and token.dep_ not in ("compound", "amod", "nmod"):
            return False
        token = token.head
        if token == head:
            return True
    return False


def _conditional(token: Token) -> bool:
    """True when the action hangs on an "unless" clause (an "if" clause may be an offer)."""
    return any(c.dep_ == "advcl" and any(m.lower_ == "unless" and m.dep_ == "mark" for m in c.children)
               for c in token.children)  # fmt: skip


def _verb_between(head: Token, token: Token) -> bool:
    """True when a verb other than a light verb stands between the frame and the trigger."""
    token = token.head
    while token != head and token.head != token:
        if token.pos_ == "VERB" and not is_light(token):
            return True
        token = token.head
    return False


def _demander(token: Token) -> Token | None:
    """For "X said (that) Y must V": the subject X of the verb that reports the demand."""
    while token.dep_ in ("xcomp", "acomp") and not _has_must(token):
        token = token.head  # "must stop supporting", "must be ready to": the modal sits above
    if not _has_must(token) or token.dep_ not in ("ccomp", "acl"):
        return None
    reporter = token.head
    if token.dep_ == "acl":  # "issued a reminder to Iraq that it must cooperate"
        if reporter.dep_ != "dobj":
            return None
        reporter = reporter.head
    subjects = [c for c in reporter.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def _has_must(token: Token) -> bool:
    return any(c.lower_ in ("must", "should") and c.dep_ == "aux" for c in token.children)


def _distance(head: Token, token: Token) -> int:
    n = 0
    while token != head and token.head != token:
        token, n = token.head, n + 1
    return n


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ in ("xcomp", "dobj", "pobj") and any(c.dep_ == "neg" for c in token.head.children):
        return True
    return any(c.lower_ in ("no", "never") for c in token.children if c.dep_ in ("det", "advmod"))


def _future(token: Token) -> bool:
    carriers = [token] + ([token.head] if token.dep_ in ("dobj", "pobj") else [])
    return any(c.lower_ in FUTURE and c.dep_ == "aux" for t in carriers for c in t.children) or (
        token.dep_ == "xcomp" and lemma(token.head) in ("go",) and token.head.tag_ == "VBG"
    )


def _hedged(token: Token) -> bool:
    if any(c.lower_ in HEDGES and c.dep_ == "aux" for c in token.children):
        return True
    head = token
    for _ in range(3):
        if head.head == head:
            break
        head = head.head
        if lemma(head) in UNCERTAIN_HEADS:
            return True
    return False


def _reciprocal(match: Match, sentence: SpacySpan) -> bool:
    text = " ".join(t.lower_ for t in sentence)
    subjects = [s for s in subject_heads(match.token)]
    subject_text = " ".join(t.lower_ for s in subjects for t in s.subtree)
    return any(p in subject_text for p in RECIPROCAL) or (
        any(p in text for p in ("each other", "one another")) and bool(subjects)
    )


def _parties(context: list[Mention], sentence: SpacySpan) -> list[Mention]:
    """The two sides of a reciprocal event: the two distinct countries nearest the sentence."""

    def country_of(m: Mention) -> str | None:
        if m.kind in ("country", "demonym", "group") or m.actor.startswith("country:"):
            return m.actor.split(":", 1)[1][:3]
        return None

    centre = (sentence.start_char + sentence.end_char) / 2
    return nearest_two(context, centre, country_of, lambda m: (m.span.start + m.span.end) / 2)


def sentences(doc: Doc, headings) -> list[SpacySpan]:
    """The doc's sentences, without section headings."""
    starts = {h.start for h in headings}
    return [s for s in doc.sents if s.text.strip() and s[0].idx not in starts and not s[0].is_space]
