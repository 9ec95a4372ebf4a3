"""Complements: the words a cue reports, read from the dependency parse.

Each frame of the lexicon (clause, object, infinitive, preposition, "as" phrase...) names the
dependents that hold the reported words. A cue set off by commas or a dash ("..., Peskov said."
"That end, said Rubio, would be ...") instead reports the rest of its sentence, in one piece or
two around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from .cues import Cue, CueLexicon

BOUNDARY = {",", "—", "–", "-", ":", ";", "(", ")", ".", "!", "?"}
DASHES = {"—", "–", "-"}
QUOTE_CHARS = set("\"'“”‘’«»")
OWN_CLAUSES = {"advcl", "conj", "cc", "relcl", "parataxis", "prep"}  # a cue's dependents that are not its complement
COMPLEMENTS = {"ccomp", "xcomp", "oprd", "attr", "acomp"}
ARGUMENT_PREPS = {"to", "for", "of", "between", "with", "against", "from", "toward", "towards"}
CONTENT_POS = {"NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM", "ADJ"}


@dataclass
class Complement:
    """The reported words of one cue: token ranges, and the attribution words when set off."""

    pieces: list[tuple[int, int]]
    speaker: Token | None
    stretch: tuple[int, int] | None = None  # token range of the attribution words (the cue alone when not set off)
    trailing: bool = False  # the attribution follows its complement ("..., Reuters reported")
    dash: bool = False  # "... - Umerov said": verbatim speech by the dash convention


def is_boundary(token: Token) -> bool:
    """Does the token end an attribution: punctuation or a quotation mark?"""
    return token.text in BOUNDARY or token.text in QUOTE_CHARS


def is_verb(token: Token) -> bool:
    """A full verb (not an auxiliary), by part of speech or tag."""
    return token.pos_ == "VERB" or token.tag_.startswith("VB") and token.pos_ != "AUX"


def infinitive(v: Token) -> Token | None:
    """The "to" infinitive a verb governs ("pledged to keep ...")."""
    return next((c for c in v.children if c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children)), None)


class Complements:
    """Reads complements in one doc."""

    def __init__(self, lexicon: CueLexicon, doc: Doc):
        self.lexicon = lexicon
        self.doc = doc

    def frame(self, v: Token, particle: Token | None, frame: str) -> tuple[int, int] | None:
        """Token range of the complement in a non-clausal frame, or None when the parse has none."""
        owners = [v] + ([particle] if particle is not None and particle.dep_ not in ("prt", "prep", "agent") else [])
        kids = [c for o in owners for c in o.children if particle is None or c.i != particle.i]
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if frame == "prep":
            prep = particle if particle is not None and particle.dep_ in ("prep", "agent") else next((c for c in kids if c.dep_ == "prep"), None)
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
            return (min(c.left_edge.i for c in objects), max(c.right_edge.i for c in objects) + 1) if objects else None
        if frame == "to":
            x = infinitive(v)
            return (x.left_edge.i + 1, x.right_edge.i + 1) if x is not None and x.left_edge.tag_ == "TO" else None
        if frame == "addressee":
            whom = obj
            if whom is None and particle is not None and particle.dep_ == "prep":
                whom = next((c for c in particle.children if c.dep_ == "pobj"), None)
            x = next((c for t in (v, whom) if t is not None for c in t.children if c.dep_ == "xcomp"), None)
            return (whom.left_edge.i, x.right_edge.i + 1) if whom is not None and x is not None and x.i > whom.i else None
        if obj is None:
            return None
        if frame in ("as", "of", "for"):
            prep = next((c for t in (v, obj) for c in t.children if c.dep_ == "prep" and c.lower_ == frame), None)
            if prep is None or prep.i < obj.i:
                return None
            if obj.i < v.i:  # "what the Kremlin described as a “gesture of goodwill”": only the description
                return (prep.i + 1, prep.right_edge.i + 1) if prep.i < prep.right_edge.i else None
            return obj.left_edge.i, prep.right_edge.i + 1
        if frame == "predicate":  # "called the talks productive", "called Witkoff “a very good man”"
            pred = next((c for c in kids if c.dep_ in ("oprd", "xcomp", "acomp", "attr", "dobj") and c.i > max(obj.i, v.i)), None)
            if pred is None:
                return None
            return (pred.left_edge.i if obj.i < v.i else obj.left_edge.i), pred.right_edge.i + 1
        if obj.pos_ == "PRON" and obj.lower_ not in self.lexicon.anaphors:
            return None  # "confirmed it": nothing said
        end = obj.right_edge.i + 1
        for prep in (c for c in v.children if c.dep_ == "prep" and c.i >= end):
            if prep.i != end or prep.lower_ not in ARGUMENT_PREPS:
                break
            end = prep.right_edge.i + 1  # "implored a swift end to the war"
        return obj.left_edge.i, end

    def clause(self, v: Token, particle: Token | None, speaker: Token | None, cue: Cue) -> Complement | None:
        """A clausal complement: the ccomp, or the rest of the sentence around a set-off cue."""
        owners = [v] + ([particle] if particle is not None and particle.dep_ not in ("prt", "prep") else [])
        clauses = [
            c for o in owners for c in o.children
            if (particle is None or c.i != particle.i) and c.left_edge.lower_ != "what"  # "what X described as": a noun phrase
            and (c.dep_ == "ccomp" or c.dep_ in ("advcl", "parataxis", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        ]  # fmt: skip
        sent = v.sent
        stretch = self._set_off(v, sent)
        if stretch is not None:
            a, b = stretch
            inverted = speaker is None and v.i + 1 < b and self.doc[v.i + 1].pos_ in ("PROPN", "NOUN", "DET", "PRON")
            if inverted:
                speaker = self._inverted(v, b)  # "said U.S. Secretary of State Marco Rubio"
            objects = COMPLEMENTS | ({"dobj"} if cue.frames | cue.quoted != {"clause"} else set())
            zone = range(v.i + 1, b) if inverted else range(0)
            inner = [t.i for c in v.children if c.dep_ in objects for t in c.subtree if a <= t.i < b and t.i not in zone]
            if not inner and speaker is not None and a <= speaker.i < b and (a > sent.start or not clauses):
                return self.around(v, sent, (a, b), speaker)
            if inner:
                stretch = None  # the complement starts inside: "both sides acknowledged that the talks are complex"
        if not clauses:
            return None
        start = self._past_date(min(clauses, key=lambda c: c.left_edge.i))
        end = max(c.right_edge.i for c in clauses) + 1
        if start < v.i < end:
            start = v.i + 1  # "which Trump acknowledged might stir controversy": after the relative pronoun
        for more in v.rights:  # "underscored that A, and B": the parse hangs B on the cue
            if more.dep_ == "conj" and more.i > end and self._also_reported(more):
                end = more.right_edge.i + 1
        return Complement(self._each_that((start, end), clauses), speaker, stretch or (v.i, v.i + 1))

    def around(self, v: Token, sent: SpacySpan, stretch: tuple[int, int], speaker: Token | None) -> Complement:
        """The sentence outside a set-off attribution: the piece before it and the piece after it."""
        a, b = stretch
        own = {t.i for c in v.children if c.dep_ in OWN_CLAUSES for t in c.subtree if not a <= t.i < b}
        own |= {t.i for t in speaker.subtree} if speaker is not None else set()  # "said Zelensky, who met Trump"
        left = _run([t.i for t in self.doc[sent.start : a] if t.i not in own], before=True)
        right = _run([t.i for t in self.doc[b : sent.end] if t.i not in own], before=False)
        ended = b < sent.end and self.doc[b].text in ".!?" or self.doc[b - 1].text.endswith(".") and self.doc[b - 1].text.count(".") == 1
        if right and (ended or self._has_verb(left) and not self._has_verb(right)):
            right = None  # a new sentence, or the reporter's adjunct: "..., the Air Force said, in one of the largest attacks"
        pieces = [run for run in (left, right) if run and any(t.pos_ in CONTENT_POS for t in self.doc[run[0] : run[1]])]
        trailing = bool(pieces) and pieces[-1][1] <= a
        return Complement(pieces, speaker, stretch, trailing, trailing and a > 0 and self.doc[a - 1].text in DASHES)

    def _each_that(self, span: tuple[int, int], clauses: list[Token]) -> list[tuple[int, int]]:
        """ "said that A and that B": one piece per "that"; "said that A and B" stays whole."""
        starts = [
            k.left_edge.i for c in clauses for k in c.children
            if k.dep_ == "conj" and k.left_edge.lower_ == "that" and k.left_edge.dep_ == "mark"
        ]  # fmt: skip
        pieces, start = [], span[0]
        for at in sorted(starts):
            end = at
            while end > start and (self.doc[end - 1].dep_ == "cc" or self.doc[end - 1].is_punct):
                end -= 1
            pieces.append((start, end))
            start = at
        return [*pieces, (start, span[1])]

    def _past_date(self, clause: Token) -> int:
        """Where a clause starts, past a date the parse gave it: "said on Sunday its forces had ..." """
        start = clause.left_edge.i
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        lead = self.doc[start : subject.left_edge.i] if subject is not None else []
        dated = any(t.ent_type_ in ("DATE", "TIME") for t in lead)
        if dated and all(t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("ADP", "PUNCT", "DET") for t in lead):
            return subject.left_edge.i
        return start

    def _also_reported(self, clause: Token) -> bool:
        """Is a clause coordinated with the cue ("..., and B") more of the complement, not a new act?"""
        cc = [t for t in self.doc[max(clause.left_edge.i - 2, 0) : clause.left_edge.i] if t.dep_ == "cc"]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.pos_ != "PRON" for c in clause.children)
        return bool(cc) and cc[-1].lower_ == "and" and own_subject and clause.lemma_.lower() not in self.lexicon.verbs

    def _set_off(self, v: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """The token range around `v` between punctuation, if it holds no other verb."""
        a, b = v.i, v.i + 1
        while a > sent.start and not is_boundary(self.doc[a - 1]):
            a -= 1
        while b < sent.end and not is_boundary(self.doc[b]):
            b += 1
        if any(t.i != v.i and is_verb(t) and t.dep_ not in ("amod", "compound") for t in self.doc[a:b]):
            return None
        return a, b

    def _inverted(self, v: Token, end: int) -> Token:
        """The head of the words after an inverted cue ("said U.S. Secretary of State Marco Rubio")."""
        words = self.doc[v.i + 1 : end]
        return next((t for t in reversed(words) if t.pos_ == "PROPN"), words.root)

    def _has_verb(self, run: tuple[int, int] | None) -> bool:
        return run is not None and any(is_verb(t) or t.pos_ == "AUX" for t in self.doc[run[0] : run[1]])


def _run(indices: list[int], before: bool) -> tuple[int, int] | None:
    """The contiguous run of `indices` nearest the cue: the last one before it, or the first after."""
    if not indices:
        return None
    runs, current = [], [indices[0]]
    for i in indices[1:]:
        if i == current[-1] + 1:
            current.append(i)
        else:
            runs.append(current)
            current = [i]
    runs.append(current)
    run = runs[-1] if before else runs[0]
    return run[0], run[-1] + 1
