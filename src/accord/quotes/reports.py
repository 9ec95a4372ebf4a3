"""Reports in the parse: a cue, the words naming its speaker, and the words it reports.

Three kinds of cue: verbs from the lexicon ("said", "called for", "was quoted as saying"),
reporting nouns with a clause ("Putin's statement that ..."), and source phrases ("according
to X"). A verbal cue counts only as speech that took place: not negated, infinitival, modal,
conditional, agentless, in the first person, or inside a thought ("believes Putin said").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .complements import Complement, Complements, infinitive, is_boundary, is_verb
from .cues import Cue, CueLexicon

FIRST_PERSON = {"i", "we", "me", "us", "you", "my", "our", "your"}
RELATIVE = {"who", "which", "that"}
REAL_MODALS = {"will", "shall", "may", "might", "can", "could", "should", "must", "wo", "ca", "'ll", "’ll"}
CONDITIONAL = {"if", "unless", "whether"}
FRAME_ORDER = ("clause", "prep", "addressee", "to", "as", "of", "for", "predicate", "object")
LIGHT_VERBS = {"make", "issue", "deliver", "send", "repeat", "convey", "give", "release", "publish", "post", "voice"}


@dataclass
class Report:
    """A cue with its speaker and complement, before quotation marks decide the kind."""

    cue: tuple[int, int]  # char span of the cue words
    cue_token: int  # char offset of the cue's head word
    speaker: Token | None
    pieces: list[tuple[int, int]]  # char spans of the complement: one, or two around the cue
    stretch: tuple[int, int] = (0, 0)  # char span of the attribution words, when set off
    entry: Cue | None = None
    frame: str = "clause"
    quoted_only: bool = False  # a report only if its complement holds quoted words
    impersonal: bool = False  # "it is reported that": the text names no source
    trailing: bool = False  # the attribution follows its complement ("..., Reuters reported")
    source: bool = False  # "according to X", "per X"
    dash: bool = False  # "... - Umerov said": verbatim speech by the dash convention
    anaphor: bool = False  # the complement is the previous sentence ("This was reported by X")
    participle: bool = False  # ", calling the plans “unacceptable”": the speaker is the enclosing report's
    extra: list[tuple[int, int]] = field(default_factory=list)  # quotations claimed by position


class ReportFinder:
    """Finds the reports of one doc; `skip(offset)` is true inside headings and quotations."""

    def __init__(self, lexicon: CueLexicon, doc: Doc, skip: Callable[[int], bool]):
        self.lexicon = lexicon
        self.doc = doc
        self.skip = skip
        self.complements = Complements(lexicon, doc)

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
            elif is_verb(token) and token.lemma_.lower() in self.lexicon.verbs:
                report = self._verbal(token)
            else:
                report = None
            if report:
                found.append(report)
        return found

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def _report(self, complement: Complement, cue: tuple[int, int], head: Token) -> Report:
        return Report(
            cue=self._chars(*cue), cue_token=head.idx, speaker=complement.speaker,
            pieces=[self._chars(*p) for p in complement.pieces],
            stretch=self._chars(*complement.stretch) if complement.stretch else (0, 0),
            trailing=complement.trailing, dash=complement.dash,
        )  # fmt: skip

    # -- verbal cues -------------------------------------------------------------------

    def _verbal(self, v: Token) -> Report | None:
        match = self._match(v)
        if match is None or not self._occurs(v):
            return None
        cue, particle = match
        if cue.words[0] in self.lexicon.wrappers and any(c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in v.children):
            return None  # "cited X as saying": the "saying" is the report
        speaker, impersonal = self._subject(v)
        if speaker is None and not impersonal and (v.dep_ != "ROOT" and v.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)):
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
            if frame == "clause":  # "'...,' X was quoted as saying": the words hang from the wrapper
                complement = self.complements.clause(v, particle, speaker, cue) or (
                    self.complements.clause(wrapper, None, speaker, cue) if wrapper is not None else None)
            else:
                span = self.complements.frame(v, particle, frame)
                complement = Complement([span], speaker) if span else None
            if complement is None:
                continue
            if frame == "to":
                last = max(last, next(c.i for c in infinitive(v).children if c.tag_ == "TO"))  # "pledged to"
            report = self._report(complement, (first, last + 1), v)
            report.entry, report.frame, report.impersonal = cue, frame, impersonal
            report.quoted_only = frame not in cue.frames
            report.participle = v.tag_ == "VBG" and v.dep_ == "advcl" and self.doc[v.i - 1].text == ","
            anaphor = self._anaphor(v, frame)
            if anaphor:
                report.pieces, report.anaphor = [anaphor], True
            if report.pieces:
                return report
            contentless = contentless or report  # "X said:" may yet claim the quotation after it
        return contentless

    def _match(self, v: Token) -> tuple[Cue, Token | None] | None:
        """The lexicon's cue for the verb, phrases first, with the word that completes the phrase."""
        for cue in self.lexicon.verbs[v.lemma_.lower()]:
            if len(cue.words) == 1:
                return cue, None
            for child in v.children:
                if child.lower_ == cue.words[1] or child.lemma_.lower() == cue.words[1]:
                    after = self.doc[child.i + 1] if child.i + 1 < len(self.doc) else None
                    if len(cue.words) == 2 or any(g.lower_ == cue.words[2] for g in child.children) or after is not None and after.lower_ == cue.words[2]:
                        return cue, child
        return None

    def _occurs(self, v: Token) -> bool:
        """Is this speech that took place: not negated, infinitival, modal, conditional or thought?"""
        if v.dep_ == "amod" or v.dep_ == "pcomp" and v.head.lower_ == "without":
            return False
        for child in v.children:
            if child.dep_ == "neg" or child.lower_ == "never":
                return False
            if child.dep_ in ("aux", "auxpass") and (child.tag_ == "TO" or child.lower_ in REAL_MODALS):
                return False
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL:
                return False
        node = v
        while node.dep_ in ("ccomp", "xcomp", "conj"):
            node = node.head
            if node.lemma_.lower() in self.lexicon.excluded:
                return False  # "That means Russia has rejected the proposal"
        return True

    def _wrapper(self, v: Token) -> Token | None:
        """The "quoted"/"cited" verb of "was quoted as saying" and "cited X as saying"."""
        if v.dep_ in ("pcomp", "advcl") and v.head.lower_ == "as" and v.head.head.lemma_.lower() in self.lexicon.wrappers:
            return v.head.head
        return None

    def _subject(self, v: Token) -> tuple[Token | None, bool]:
        """(the words naming the speaker, impersonal) of a verbal cue; (None, False) when there are none."""
        wrapper = self._wrapper(v)
        if wrapper is not None:
            deps = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in wrapper.children) else ("dobj",)
            return next((c for c in wrapper.children if c.dep_ in deps), None), False
        kids = list(v.children)
        subjects = sorted((c for c in kids if c.dep_ == "nsubj"), key=lambda c: (c.i > v.i, abs(c.i - v.i)))
        if subjects:  # the nearest before the verb: "KYIV (Reuters) - Zelensky said" has two
            return (v.head if subjects[0].lower_ in RELATIVE and v.dep_ == "relcl" else subjects[0]), False
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None or any(c.dep_ == "auxpass" for c in kids):
            agent = next((c for c in kids if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return (by, False) if by is not None else (None, passive is not None and passive.lower_ == "it")
        before = self.doc[v.i - 1] if v.i > 0 else None
        if before is not None and before.dep_ == "pobj" and before.head.lower_ == "with":
            return before, False  # "with Trump calling for talks"
        if v.dep_ == "conj" or v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG":
            return self._subject(v.head) if is_verb(v.head) else (None, False)
        if v.dep_ == "acl" and v.tag_ == "VBG":  # "a statement calling for ..."
            author = v.head.head if v.head.dep_ == "dobj" else None  # "the Council adopted a resolution imploring"
            return next((c for c in author.children if c.dep_ == "nsubj"), v.head) if author is not None else v.head, False
        return None, False

    def _anaphor(self, v: Token, frame: str) -> tuple[int, int] | None:
        """The previous sentence, when the complement is "this"/"these" pointing back to it."""
        words = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if frame not in ("object", "clause") or not words or words[0].lower_ not in self.lexicon.anaphors or v.sent.start == 0:
            return None
        before = self.doc[v.sent.start - 1].sent
        return None if self.skip(before.start_char) else self._chars(before.start, before.end)

    # -- nominal cues and source phrases ----------------------------------------------

    def _nominal(self, n: Token) -> Report | None:
        """ "Putin's statement that ...", "Trump's message: ...": a reporting noun with a clause."""
        speaker = next((c for c in n.children if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if speaker is None and n.dep_ == "dobj" and n.head.lemma_.lower() in LIGHT_VERBS:
            speaker = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ in FIRST_PERSON:
            return None
        clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
        if clause is not None:
            span = (clause.left_edge.i, clause.right_edge.i + 1)
        elif n.i + 2 < n.sent.end and self.doc[n.i + 1].text == ":":
            span = (n.i + 2, n.sent.end)  # "delivered President Trump’s message: the United States ..."
        else:
            return None
        return self._report(Complement([span], speaker, (n.i, n.i + 1)), (n.i, n.i + 1), n)

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
            return None  # "per cent", "per day"
        sent = token.sent
        a, b = token.i, speaker.right_edge.i + 1
        if not ((a == sent.start or is_boundary(self.doc[a - 1])) and (b >= sent.end or is_boundary(self.doc[b]))):
            return None
        complement = self.complements.around(token, sent, (a, b), speaker)
        if not complement.pieces:
            return None
        report = self._report(complement, (token.i, last.i + 1), token)
        report.source = True
        return report
