"""Coding events from spaCy's parse: trigger, frame, source and target, modality.

For each sentence (headings skipped) the triggers are read from the root down. A frame
verb ("agreed to", "refused to", "threatened to", "called for") takes the trigger in its
complement with it and decides the code; an action said to be intended ("will send aid")
is coded with the trigger's intent code (AGREE) or as a threat (THREATEN); a negated
action is kept with `negated`, an uncertain one with `hedged`. Events with no source
actor are dropped: PLOVER events have a source.

The target is read from the trigger's own slots (its `target` list, in that order); failing
those, it is the first actor the predicate names after the verb, leaving out the subject,
scene-setting adjuncts ("after ...", "according to ...") and a non-target object's own words.
A sending or deployment whose "to" clause talks, investigates or uses force takes that
clause's code (`purpose`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors.phrases import LOCATIVE
from ..actors.sides import nearest_two
from ..model import Mention
from .codebook import Codebook, Trigger
from .triggers import BACKGROUND_PREPS, VERB_POS, Match, find, infinitive, is_light, lemma, object_lemmas, subject_lemmas

FUTURE = {"will", "would", "shall", "'ll", "wo"}
HEDGES = {"could", "may", "might", "can", "should"}
UNCERTAIN_HEADS = {"expect", "hope", "likely", "possible", "plan", "aim", "seek", "try", "want", "consider"}
RECIPROCAL = {"each side", "both sides", "the two sides", "the sides", "each other", "one another", "both parties", "the two countries", "both countries"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
COMPLEMENTS = ("xcomp", "ccomp", "prep", "pobj", "dobj", "acomp", "pcomp", "advcl", "conj", "attr")
# Threat codes by the root of the threatened action.
# Passives that describe the subject's own stance: "is opposed to", "is committed to".
# Clauses that set the scene: "killed twelve people after rebels attacked the town".
BACKGROUND_MARKS = {"after", "before", "as", "while", "when", "since", "because", "though", "although"}
# and passives of what a group does to itself: "the guerrillas have been demobilized".
STATIVE_PASSIVES = {
    "oppose", "commit", "prepare", "determine", "dedicate", "engage", "involve",
    "demobilize", "demobilise", "disarm", "disband", "withdraw", "pull", "ship",
}  # fmt: skip
REPORTING = {"say", "tell", "report", "add", "state", "confirm", "claim", "announce", "according"}
UNTRIGGERED_SLOTS = ("dobj", "against", "on", "at", "with", "to", "dative")  # where an untriggered event's target stands
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
            if event.source or event.reciprocal or event.source_words is not None or _patient(match.token) is not None:
                coded.append(event)
        return coded

    def untriggered(self, sentence: SpacySpan, mentions: list[Mention], cameo: str) -> Coded:
        """An event the classifier found where no trigger fired: anchored on the main verb (the
        reported clause's, not "said"), with the participants a trigger there would have."""
        anchor = sentence.root
        while lemma(anchor) in REPORTING and (clause := next((c for c in anchor.children if c.dep_ == "ccomp"), None)):
            anchor = clause
        match = Match(anchor, Trigger(id="model", cameo=cameo, target=UNTRIGGERED_SLOTS), (lemma(anchor),), False)
        source = self._source(match, mentions)
        subject = next((t for t in _subject_heads(anchor) if t.pos_ in ("NOUN", "PROPN")), None)
        patient = _patient(anchor)
        target = self._target(match, None, mentions, source)
        if patient is not None and not target:  # "three civilians were killed": the subject suffered it
            target = _actors_in(patient, mentions)
        obj = next(iter(_target_slots(match)), patient)
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
            source, target = _actors_in(demander, mentions), self._source(match, mentions)
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
        source = self._source(match, mentions)
        target = self._target(match, complement, mentions, source)
        subject = next((t for t in _subject_heads(match.token) if t.pos_ in ("NOUN", "PROPN")), None)
        obj = next(iter(_target_slots(match) + (_target_slots(complement) if complement else [])), None)
        patient = _patient(match.token)
        if patient is not None and not source:
            if lemma(match.token) in STATIVE_PASSIVES:  # "Israel is opposed to ...": the subject acts
                source, subject = _actors_in(patient, mentions), patient
            elif not target:  # "three civilians were killed": the subject suffered it
                target, obj = _actors_in(patient, mentions), patient
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

    # -- participants ------------------------------------------------------------------

    def _source(self, match: Match, mentions: list[Mention]) -> list[Mention]:
        token, owned = match.token, []
        if match.nominal:  # "Russia's offensive", "Trump's call for", "the withdrawal of French troops"
            owners = [c for c in token.children if c.dep_ in ("poss", "amod")]  # "the Israeli blockade"
            owners += [
                g for c in token.children if c.dep_ == "prep" and lemma(c) in {"of", "by"} - set(match.trigger.target)
                for g in c.children if g.dep_ == "pobj"
            ]  # fmt: skip  # "the blockade of Serbia": Serbia is the target
            owned = next((found for owner in owners if (found := _actors_in(owner, mentions, own_words=True))), [])
            if owned and not all(m.rule == "role word" for m in owned):
                return owned  # "the withdrawal of invasion forces": no country, so the subject's
        for head in _subject_heads(token):
            found = _actors_in(head, mentions)
            if found:
                return found
        return owned

    def _target(self, match: Match, complement: Match | None, mentions, source) -> list[Mention]:
        """The actors in the trigger's target slots; failing those, the first actor the
        predicate names after the trigger ("lifted the state of emergency in West Darfur",
        "threatened to launch an offensive ... unless Baghdad accepted")."""
        taken, sources = {m.span for m in source}, {m.actor for m in source}

        def fresh(found: list[Mention]) -> list[Mention]:
            # "the UN rejected a call for its peacekeepers": a pronoun of the source is not the target
            return [x for x in found if x.span not in taken and not (x.kind == "pronoun" and x.actor in sources)]

        for m in (match, complement):
            if m is None:
                continue
            for slot in _target_slots(m):
                found = fresh(_actors_in(slot, mentions))
                if found:
                    return found
        if len(source) > 1 and match.trigger.symmetric:  # "A and B met": each other's target
            return []
        if _patient(match.token) is not None and lemma(match.token) not in STATIVE_PASSIVES:
            return []  # "Ksenia was detained in Russia": the patient is the target
        words = _predicate_words(match)
        after = [x for x in mentions if x.kind != "pronoun" and any(x.span.start <= i < x.span.end for i in words)]
        # "against X" names a target before all ("warned North Korea would use them against South Korea");
        # names the base lacks may be no actor ("the Rhine"); a role word says little ("his forces");
        # a place names where, and is the target only when nothing else is named
        doc = match.token.doc
        after.sort(key=lambda x: (
            not _object_of(x, doc, {"against"}), x.rule == "entity", x.rule.startswith("role word"), _object_of(x, doc, LOCATIVE),
        ))  # fmt: skip
        return fresh(after)[:1]


def _predicate_words(match: Match) -> set[int]:
    """Character offsets of the words after the verb in its predicate: the clause the trigger
    (or, for a noun, the verb carrying it) heads, less its subject, its background clauses and,
    when the trigger takes no direct object as target, its direct object ("mobilized reservists")."""
    token = match.token
    head = token
    if match.nominal and token.dep_ in ("dobj", "attr"):
        head = token.head
    elif match.nominal and token.dep_ == "pobj":
        head = token.head.head
    left_out = {
        t.i for c in head.children
        if c.dep_ in SUBJECTS + ("parataxis",) or (c.dep_ == "conj" and c.pos_ in VERB_POS) or _background(c)
        for t in c.subtree
    }  # fmt: skip
    if not match.nominal and "dobj" not in match.trigger.target:  # the object's own words, not its "for Ukraine"
        for c in head.children:
            if c.dep_ == "dobj":
                left_out |= {t.i for t in c.subtree} - {t.i for p in c.children if p.dep_ == "prep" for t in p.subtree}
    return {t.idx for t in head.subtree if t.i > head.i and t.i not in left_out}


def _object_of(mention: Mention, doc: Doc, prepositions: set[str]) -> bool:
    """True when the mention is the object of one of the prepositions ("against X", "in Kinshasa")."""
    words = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return bool(words) and words.root.dep_ == "pobj" and words.root.head.lower_ in prepositions


def _background(clause: Token) -> bool:
    """An adjunct that sets the scene or cites the news rather than naming the target: "after a
    court cleared him", "according to officials"."""
    if clause.dep_ == "prep":  # "... according to Mozambique's government": the source of the news
        return clause.lower_ in BACKGROUND_PREPS | {"according", "per"}
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in clause.children)


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


def _patient(token: Token) -> Token | None:
    """The (noun) subject of a passive trigger with no "by" agent; for a noun, of the passive verb
    carrying it ("a US national was put under investigation")."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
        token = token.head.head
    if any(c.dep_ == "agent" for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")), None)


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


def _subject_heads(token: Token) -> list[Token]:
    """Subjects of the trigger, else of the verbs it is the complement of (xcomp, light verbs)."""
    heads = []
    current = token
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS and c.dep_ != "expl"]
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if any(s.dep_ == "nsubjpass" for s in subjects) and agents:
            return agents
        if subjects:
            return [s for s in subjects if s.dep_ != "nsubjpass"] or []
        before = current.doc[current.left_edge.i - 1] if current.left_edge.i > 0 else None
        if current.tag_ == "VBG" and before is not None and before.pos_ in ("PROPN", "NOUN"):
            return [before]  # "with Trump calling for talks": the noun before the participle
        if current.head == current:
            break
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head]
        current = current.head
    return heads


def _target_slots(match: Match) -> list[Token]:
    """Tokens that may hold the target: objects, datives, the trigger's prepositions."""
    token, trigger = match.token, match.trigger
    owners = [token]
    if match.nominal and token.dep_ in ("dobj", "pobj", "nsubjpass"):  # the verb carrying the noun
        owners.append(token.head.head if token.dep_ == "pobj" else token.head)  # "sanctions were imposed on X"
    # "India was accused by Pakistan": the passive subject is the target, where the active object would be
    passive = any(c.dep_ == "agent" for c in token.children) and "dobj" in trigger.target
    patients = [c for c in token.children if c.dep_ == "nsubjpass"] if passive else []
    rank = trigger.target.index("dobj") if passive else 0
    if match.nominal and token.dep_ == "pobj" and token.head.dep_ == "agent":  # "X was hit by an airstrike"
        patients = [c for c in token.head.head.children if c.dep_ == "nsubjpass"]
    if not match.nominal:  # "shared evidence with the U.S.": the object's own prepositions
        owners += [c for c in token.children if c.dep_ == "dobj"] + patients
    ranked = [(rank, p.i, p) for p in patients]  # (the slot's place in the trigger's `target` list, position, token)
    for owner in owners:
        for child in owner.children:
            if child.dep_ == "dobj" and "dobj" in trigger.target and not match.nominal and owner == token:
                ranked.append((trigger.target.index("dobj"), child.i, child))
            elif child.dep_ == "dative" and ("dative" in trigger.target or "to" in trigger.target):
                ranked.append((trigger.target.index("dative" if "dative" in trigger.target else "to"), child.i, child))
            elif child.dep_ == "prep" and lemma(child) in trigger.target:
                ranked += [(trigger.target.index(lemma(child)), g.i, g) for g in child.children if g.dep_ == "pobj"]
    # the slots in the trigger's order ("provided intelligence to Macedonia": "to" before the
    # object; "a system was handed over to Ukraine": "to" before the passive subject)
    slots = [t for _, _, t in sorted(ranked, key=lambda r: r[:2])]
    # "demanded that the US cancel plans": the subject of the clause a request governs (not of a
    # warning: "warned that North Korea would strike" names the threatener's side)
    if trigger.frame == "request":
        slots += [g for c in token.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return slots


def _actors_in(token: Token, mentions: list[Mention], own_words: bool = False) -> list[Mention]:
    """The mentions inside a token's phrase; coordinated phrases give several. With `own_words`
    the phrase stops at its first preposition ("air links" of "air links with Serbia")."""
    heads = [token] + [
        c for c in token.subtree
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON") and c.head.i in {token.i} | {t.i for t in token.subtree}
    ]  # fmt: skip
    found = []
    for head in heads:
        start, end = head.idx, head.idx + len(head)
        containing = [m for m in mentions if m.span.start <= start and end <= m.span.end]
        last = head.right_edge
        if own_words:
            last = min((c.left_edge for c in head.children if c.dep_ == "prep" and c.i > head.i), key=lambda t: t.i, default=head.right_edge)
        left, right = head.left_edge.idx, last.idx + len(last)
        inside = [m for m in mentions if left <= m.span.start and m.span.end <= right and m not in containing]
        # "workers of the United Bus Company of Tehran": a mention that names a country first
        inside.sort(key=lambda m: m.rule == "role word")
        if containing:
            best = max(containing, key=lambda m: m.span.end - m.span.start)
            # "a delegation of Hamas negotiators": a role word with no country defers to what follows
            found.append(inside[0] if inside and _countryless(best) else best)
        elif inside:
            found.append(inside[0])
    return list(dict.fromkeys(found))


def _countryless(mention: Mention) -> bool:
    """A bare role word ("delegation"), whose own words name no country."""
    return mention.rule.startswith("role word")


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
    subjects = [s for s in _subject_heads(match.token)]
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
