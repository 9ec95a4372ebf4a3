"""Reports in the parse: a cue, the words naming its speaker, and the words of its complement.

Verbal cues take their complement from the dependency parse (ccomp, object, infinitive,
preposition, "as" phrase...), chosen by the frames the lexicon allows. A cue set off by commas
or a dash ("..., Peskov said." "That end, said Rubio, would be ...") instead takes the rest of
its sentence, in one or two pieces. Source phrases ("according to X") work the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from .cues import Cue, CueLexicon

FIRST_PERSON = {"i", "we", "me", "us", "you"}
RELATIVE = {"who", "which", "that"}
BOUNDARY = {",", "—", "–", "-", ":", ";", "(", ")", ".", "!", "?"}
DASHES = {"—", "–", "-"}
QUOTE_CHARS = set("\"'“”‘’«»")
REAL_MODALS = {"will", "shall", "may", "might", "can", "could", "should", "must", "wo", "ca", "'ll", "’ll"}
CONDITIONAL = {"if", "unless", "whether"}
OWN_CLAUSES = {"advcl", "conj", "cc", "relcl", "parataxis", "prep"}  # a cue's dependents that are not its complement
COMPLEMENTS = {"ccomp", "xcomp", "oprd", "attr", "acomp"}
ARGUMENT_PREPS = {"to", "for", "of", "between", "with", "against", "from", "toward", "towards"}
FRAME_ORDER = ("clause", "prep", "addressee", "to", "as", "of", "for", "predicate", "object")
LIGHT_VERBS = {"make", "issue", "deliver", "send", "repeat", "convey", "give", "release", "publish", "post", "voice"}


@dataclass
class Report:
    """A cue with its speaker and complement, before quotation marks decide the kind."""

    cue: tuple[int, int]  # char span of the cue words
    speaker: Token | None
    pieces: list[tuple[int, int]]  # char spans of the complement: one, or two around the cue
    stretch: tuple[int, int]  # char span of the attribution words (cue, speaker, adverbs)
    entry: Cue | None = None
    frame: str = "clause"
    quoted_only: bool = False  # a report only if its complement holds quoted words
    impersonal: bool = False  # "it is reported that": the text names no source
    trailing: bool = False  # the attribution follows its complement ("..., Reuters reported")
    source: bool = False  # "according to X", "per X"
    dash: bool = False  # "... - Umerov said": verbatim speech by the dash convention
    anaphor: bool = False  # the complement is the previous sentence ("This was reported by X")
    cue_token: int = 0  # char offset of the cue's head word
    extra: list[tuple[int, int]] = field(default_factory=list)  # quotations claimed by position


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _is_boundary(token: Token) -> bool:
    return token.text in BOUNDARY or token.text in QUOTE_CHARS


def _is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or token.tag_.startswith("VB") and token.pos_ != "AUX"


class ReportFinder:
    """Finds the reports of one doc; `skip(offset)` is true inside headings and quotations."""

    def __init__(self, lexicon: CueLexicon, doc: Doc, skip: Callable[[int], bool]):
        self.lexicon = lexicon
        self.doc = doc
        self.skip = skip

    def __call__(self) -> list[Report]:
        """Every report of the doc, in text order."""
        found = []
        for token in self.doc:
            if self.skip(token.idx):
                continue
            if token.lower_ in self.lexicon.sources:
                report = self._source(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.nouns:
                report = self._nominal(token)
            elif _is_verb(token) and token.lemma_.lower() in self.lexicon.verbs:
                report = self._verbal(token)
            else:
                report = None
            if report:
                found.append(report)
        return found

    # -- verbal cues -------------------------------------------------------------------

    def _match(self, v: Token) -> tuple[Cue, Token | None] | None:
        for cue in self.lexicon.verbs[v.lemma_.lower()]:
            if len(cue.words) == 1:
                return cue, None
            for child in v.children:
                if child.lower_ == cue.words[1] or child.lemma_.lower() == cue.words[1]:
                    if len(cue.words) == 2 or any(g.lower_ == cue.words[2] for g in child.children) or (
                        child.i + 1 < len(self.doc) and self.doc[child.i + 1].lower_ == cue.words[2]
                    ):
                        return cue, child
        return None

    def _occurs(self, v: Token) -> bool:
        """Is this speech that took place: not negated, not infinitive, modal, conditional or thought?"""
        if v.dep_ == "amod":
            return False
        for child in v.children:
            if child.dep_ == "neg" or child.lower_ == "never":
                return False
            if child.dep_ in ("aux", "auxpass") and (child.tag_ == "TO" or child.lower_ in REAL_MODALS):
                return False
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL:
                return False
        if v.dep_ == "pcomp" and v.head.lower_ == "without":
            return False
        node = v
        while node.dep_ in ("ccomp", "xcomp", "conj") and node.head is not node:
            node = node.head
            if node.lemma_.lower() in self.lexicon.excluded:
                return False
        return True

    def _wrapper(self, v: Token) -> Token | None:
        """The "quoted"/"cited" verb of "was quoted as saying" and "cited X as saying"."""
        if v.dep_ in ("pcomp", "advcl") and v.head.lower_ == "as" and v.head.head.lemma_.lower() in self.lexicon.wrappers:
            return v.head.head
        return None

    def _subject(self, v: Token) -> tuple[Token | None, bool]:
        """(the words naming the speaker, impersonal) of a verbal cue; (None, False) when agentless."""
        wrapper = self._wrapper(v)
        if wrapper is not None:
            deps = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in wrapper.children) else ("dobj",)
            return next((c for c in wrapper.children if c.dep_ in deps), None), False
        kids = list(v.children)
        for child in kids:
            if child.dep_ == "nsubj":
                if child.lower_ in RELATIVE and v.dep_ == "relcl":
                    return v.head, False
                return child, False
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None or any(c.dep_ == "auxpass" for c in kids):
            agent = next((c for c in kids if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if by is not None:
                return by, False
            return None, passive is not None and passive.lower_ == "it"
        before = self.doc[v.i - 1] if v.i > 0 else None
        if before is not None and before.dep_ == "pobj" and before.head.lower_ == "with":
            return before, False  # "with Trump calling for talks"
        if v.dep_ == "conj" or v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG":
            return self._subject(v.head) if _is_verb(v.head) else (None, False)
        if v.dep_ == "acl" and v.tag_ == "VBG":
            return v.head, False  # "a resolution imploring a swift end"
        return None, False

    def _verbal(self, v: Token) -> Report | None:
        match = self._match(v)
        if match is None or not self._occurs(v):
            return None
        cue, particle = match
        if cue.words[0] in self.lexicon.wrappers and any(
            c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in v.children
        ):
            return None  # the "saying" under it is the report
        speaker, impersonal = self._subject(v)
        if speaker is None and not impersonal:
            if v.dep_ != "ROOT" and v.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
                return None  # agentless passive: "has been described as", "is said to"
        if speaker is not None and speaker.lower_ in FIRST_PERSON:
            return None
        wrapper = self._wrapper(v)
        head = wrapper if wrapper is not None else v
        first = min([head.i, *(c.i for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i)])
        last = particle.i if particle is not None and 0 < particle.i - v.i <= 3 else v.i  # "called for", "made it clear"
        contentless = None
        for frame in FRAME_ORDER:
            if frame not in cue.frames | cue.quoted:
                continue
            if frame == "clause":
                report = self._clause(v, particle, speaker, cue)
            else:
                span = self._frame(v, particle, frame)
                report = self._report(span, speaker) if span else None
            if report is not None and (report.pieces or self._anaphor(v, frame)):
                return self._finish(report, v, cue, frame, (first, last), impersonal)
            contentless = contentless or report
        return self._finish(contentless, v, cue, "clause", (first, last), impersonal) if contentless else None

    def _finish(self, report: Report, v: Token, cue: Cue, frame: str, words: tuple[int, int], impersonal: bool) -> Report:
        first, last = words
        if frame == "to":
            last = max(last, next(c.i for c in self._infinitive(v).children if c.tag_ == "TO"))
        report.cue = _chars(self.doc, first, last + 1)
        report.cue_token = v.idx
        report.entry, report.frame = cue, frame
        report.impersonal = impersonal
        report.quoted_only = frame not in cue.frames
        anaphor = self._anaphor(v, frame)
        if anaphor:
            report.pieces, report.anaphor = [anaphor], True
        return report

    def _report(self, span: tuple[int, int], speaker: Token | None) -> Report:
        pieces = [_chars(self.doc, *span)]
        return Report(cue=(0, 0), speaker=speaker, pieces=pieces, stretch=(0, 0))

    def _anaphor(self, v: Token, frame: str) -> tuple[int, int] | None:
        """The previous sentence, when the complement is "this"/"these" pointing back to it."""
        words = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if frame not in ("object", "clause") or not words or words[0].lower_ not in self.lexicon.anaphors:
            return None
        sent = v.sent
        if sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        return None if self.skip(before.start_char) else _chars(self.doc, before.start, before.end)

    def _infinitive(self, v: Token) -> Token | None:
        return next((c for c in v.children if c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children)), None)

    def _frame(self, v: Token, particle: Token | None, frame: str) -> tuple[int, int] | None:
        """Token range of the complement in one frame, or None when the parse has no such complement."""
        owners = [v] + ([particle] if particle is not None and particle.dep_ not in ("prt", "prep", "agent") else [])
        kids = [c for o in owners for c in o.children if particle is None or c.i != particle.i]
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if frame == "prep":
            prep = particle if particle is not None and particle.dep_ in ("prep", "agent") else next((c for c in kids if c.dep_ == "prep"), None)
            if prep is None:
                return None
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            return (min(c.left_edge.i for c in objects), max(c.right_edge.i for c in objects) + 1) if objects else None
        if frame == "to":
            x = self._infinitive(v)
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
            return (obj.left_edge.i, prep.right_edge.i + 1) if prep is not None and prep.i > obj.i else None
        if frame == "predicate":
            pred = next((c for c in kids if c.dep_ in ("oprd", "xcomp", "acomp", "attr") and c.i > obj.i), None)
            return (obj.left_edge.i, pred.right_edge.i + 1) if pred is not None else None
        if obj.pos_ == "PRON" and obj.lower_ not in self.lexicon.anaphors:
            return None  # "confirmed it": nothing said
        end = obj.right_edge.i + 1
        for prep in (c for c in v.children if c.dep_ == "prep" and c.i >= end):
            if prep.i != end or prep.lower_ not in ARGUMENT_PREPS:
                break
            end = prep.right_edge.i + 1  # "implored a swift end to the war"
        return obj.left_edge.i, end

    def _clause(self, v: Token, particle: Token | None, speaker: Token | None, cue: Cue) -> Report | None:
        """A clausal complement: the ccomp, or the rest of the sentence around a set-off cue."""
        owners = [v] + ([particle] if particle is not None and particle.dep_ not in ("prt", "prep") else [])
        clauses = [
            c for o in owners for c in o.children
            if (particle is None or c.i != particle.i) and (c.dep_ == "ccomp" or c.dep_ in ("advcl", "parataxis", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        ]  # fmt: skip
        sent = v.sent
        stretch = self._set_off(v, sent)
        objects = COMPLEMENTS | ({"dobj"} if cue.frames | cue.quoted != {"clause"} else set())
        if stretch is not None and any(c.dep_ in objects and stretch[0] <= c.i < stretch[1] for c in v.children):
            stretch = None  # the complement is inside: "both sides acknowledged that the talks are complex"
        if stretch is not None:
            a, b = stretch
            inside = speaker is not None and a <= speaker.i < b
            if speaker is None and (v.i + 1 < b and self.doc[v.i + 1].pos_ in ("PROPN", "NOUN", "DET", "PRON")):
                speaker, inside = self._inverted(v, b), True
            if inside and (a > sent.start or not clauses):
                return self._set_off_report(v, sent, a, b, speaker)
        if not clauses:
            return None
        start = min(c.left_edge.i for c in clauses)
        end = max(c.right_edge.i for c in clauses) + 1
        for more in v.rights:  # "underscored that A, and B": the parse hangs B on the cue
            if more.dep_ == "conj" and more.i > end and self._also_reported(more):
                end = more.right_edge.i + 1
        report = self._report((start, end), speaker)
        report.stretch = _chars(self.doc, *(stretch or (v.i, v.i + 1)))
        return report

    def _also_reported(self, clause: Token) -> bool:
        """Is a clause coordinated with the cue ("..., and B") more of the complement, not a new act?"""
        cc = [t for t in self.doc[clause.left_edge.i - 2 : clause.left_edge.i] if t.dep_ == "cc"]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.pos_ != "PRON" for c in clause.children)
        return bool(cc) and cc[-1].lower_ == "and" and own_subject and clause.lemma_.lower() not in self.lexicon.verbs

    def _set_off(self, v: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """The token range around `v` between punctuation, if it holds no other verb."""
        a, b = v.i, v.i + 1
        while a > sent.start and not _is_boundary(self.doc[a - 1]):
            a -= 1
        while b < sent.end and not _is_boundary(self.doc[b]):
            b += 1
        if any(t.i != v.i and _is_verb(t) and t.dep_ not in ("amod", "compound") for t in self.doc[a:b]):
            return None
        return a, b

    def _inverted(self, v: Token, end: int) -> Token:
        """The head of the words after an inverted cue ("said U.S. Secretary of State Marco Rubio")."""
        words = self.doc[v.i + 1 : end]
        return next((t for t in reversed(words) if t.pos_ == "PROPN"), words.root)

    def _set_off_report(self, v: Token, sent: SpacySpan, a: int, b: int, speaker: Token | None) -> Report:
        own = {t.i for c in v.children if c.dep_ in OWN_CLAUSES for t in c.subtree if not a <= t.i < b}
        pieces = []
        left = [t.i for t in self.doc[sent.start : a] if t.i not in own]
        right = [t.i for t in self.doc[b : sent.end] if t.i not in own]
        for run in (_run(left, a, before=True), _run(right, b, before=False)):
            if run and any(self.doc[i].pos_ in ("NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM", "ADJ") for i in range(*run)):
                pieces.append(_chars(self.doc, *run))
        report = Report(cue=(0, 0), speaker=speaker, pieces=pieces, stretch=_chars(self.doc, a, b))
        report.trailing = bool(pieces) and pieces[-1][1] <= report.stretch[0]
        report.dash = report.trailing and a > 0 and self.doc[a - 1].text in DASHES
        return report

    # -- nominal cues and source phrases ----------------------------------------------

    def _nominal(self, n: Token) -> Report | None:
        """ "Putin's statement that ...", "Trump's message: ...": a reporting noun with a clause."""
        speaker = next((c for c in n.children if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if speaker is None and n.dep_ == "dobj" and n.head.lemma_.lower() in LIGHT_VERBS:
            speaker = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ in FIRST_PERSON or speaker.lower_ in ("my", "our", "your"):
            return None
        clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
        if clause is not None:
            span = (clause.left_edge.i, clause.right_edge.i + 1)
        elif n.i + 2 < n.sent.end and self.doc[n.i + 1].text == ":":
            span = (n.i + 2, n.sent.end)
        else:
            return None
        report = self._report(span, speaker)
        report.cue = report.stretch = _chars(self.doc, n.i, n.i + 1)
        report.cue_token = n.idx
        return report

    def _source(self, token: Token) -> Report | None:
        """ "according to X" and "per X": the rest of the sentence is X's."""
        words = self.lexicon.sources[token.lower_]
        last = token
        for word in words[1:]:
            last = next((c for c in last.children if c.lower_ == word), None)
            if last is None:
                return None
        speaker = next((c for c in last.children if c.dep_ == "pobj"), None)
        if speaker is None or len(words) == 1 and speaker.pos_ != "PROPN" and not self.lexicon.is_channel(speaker.text):
            return None
        sent = token.sent
        a, b = token.i, speaker.right_edge.i + 1
        bounded = (a == sent.start or _is_boundary(self.doc[a - 1])) and (b >= sent.end or _is_boundary(self.doc[b]))
        if not bounded:
            return None
        report = self._set_off_report(token, sent, a, b, speaker)
        report.pieces = [p for p in report.pieces if self.doc.text[p[0] : p[0] + 6].lower() not in ("which ", "who ")]
        if not report.pieces:
            return None
        report.cue = _chars(self.doc, token.i, last.i + 1)
        report.cue_token = token.idx
        report.source = True
        return report


def _run(indices: list[int], edge: int, before: bool) -> tuple[int, int] | None:
    """The contiguous run of `indices` that touches `edge` (skipping boundary punctuation)."""
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
