"""Stances: who holds which position on the issues of a negotiation.

For each issue phrase in a sentence (headings skipped), the parse is walked from the
phrase towards the root. The first polarity cue met on the way (a support or oppose
word on the path or beside it, such as the "unrealistic" of "borders could be
unrealistic") decides the polarity, flipped by a negation at its level or a "without"
before it, or made
conditional by "only if", "unless" and the like. The holder is the subject of the first
clause above the issue whose subject is not the issue itself; a relative "who" stands
for the noun it follows. A phrase with no cue, or no resolvable holder, gives no stance.
Issues named only in adjuncts ("in peace negotiations") are context, not the object of a
stance, and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from ..datafiles import read_yaml
from ..errors import KnowledgeBaseError
from ..model import Article, Mention, Span, Stance

DATA_DIR = Path(__file__).parent / "data"
ADJUNCT_PREPS = {"in", "during", "at", "amid", "after", "before", "since", "ahead", "despite", "throughout"}
RELATIVES = {"who", "which", "that", "whom"}
STANCE_VERBS = {"have", "express", "reaffirm", "voice", "show", "give", "make", "reiterate", "state"}
MAX_CLIMB = 8


@dataclass(frozen=True)
class Issue:
    id: str
    name: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    support: frozenset[str]
    oppose: frozenset[str]
    conditional: tuple[str, ...]


@lru_cache(maxsize=1)
def load_issues(path: Path = DATA_DIR / "issues.yaml") -> tuple[Issue, ...]:
    """The issue codebook, checked: every issue has an id, a name and words."""
    issues = []
    for entry in read_yaml(path).get("issues", []):
        if not {"id", "name", "words"} <= set(entry) or not all(isinstance(w, str) for w in entry["words"]):
            raise KnowledgeBaseError(str(path), None, f"issue {entry.get('id')!r} needs id, name and a list of words")
        issues.append(Issue(entry["id"], entry["name"], tuple(w.lower() for w in entry["words"])))
    return tuple(issues)


@lru_cache(maxsize=1)
def load_cues(path: Path = DATA_DIR / "cues.yaml") -> Cues:
    """Support, oppose and conditional cue words."""
    doc = read_yaml(path)
    if not all(isinstance(doc.get(k), list) for k in ("support", "oppose", "conditional")):
        raise KnowledgeBaseError(str(path), None, "needs lists 'support', 'oppose' and 'conditional'")
    return Cues(frozenset(doc["support"]), frozenset(doc["oppose"]), tuple(doc["conditional"]))


class StanceExtractor:
    """Finds stances in parsed articles, given their resolved mentions."""

    def __init__(self, nlp: Language):
        self.issues = {i.id: i for i in load_issues()}
        self.cues = load_cues()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for issue in self.issues.values():
            self.matcher.add(issue.id, list(nlp.tokenizer.pipe(issue.words)))
        self.phrase_cues = tuple(c for c in self.cues.oppose | self.cues.support if " " in c)

    def __call__(self, doc: Doc, article: Article, mentions: tuple[Mention, ...]) -> tuple[Stance, ...]:
        """The stances of one article, one per holder, issue and sentence."""
        headings = {h.start for h in article.headings}
        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        labels = {(s, e): doc.vocab.strings[m] for m, s, e in self.matcher(doc)}
        usable = [m for m in mentions if m.actor]
        found: dict[tuple, Stance] = {}
        for span in spans:
            sentence = span.sent
            if sentence[0].idx in headings or self._is_adjunct(span.root):
                continue
            polarity, cue = self._polarity(span)
            if polarity is None:
                continue
            holder = self._holder(span, usable)
            if holder is None:
                continue
            issue = labels[(span.start, span.end)]
            key = (holder.actor, issue, sentence.start)
            evidence = Span(sentence.start_char, sentence.start_char + len(sentence.text.rstrip()))
            found.setdefault(key, Stance(
                holder=holder.actor, issue=issue, polarity=polarity, evidence=(evidence,),
                issue_span=Span(span.start_char, span.end_char), holder_span=holder.span, cue=cue,
            ))  # fmt: skip
        return tuple(found.values())

    @staticmethod
    def _is_adjunct(token: Token) -> bool:
        return token.dep_ == "pobj" and token.head.lower_ in ADJUNCT_PREPS and token.head.head.pos_ in ("VERB", "AUX", "ADJ")

    def _polarity(self, span) -> tuple[str | None, Span | None]:
        """The polarity given by the nearest cue above the issue, and that cue's words."""
        sentence_text = span.sent.text.lower()
        conditional = any(c in sentence_text for c in self.cues.conditional)
        inside = {t.i for t in span}
        token = span.root
        for _ in range(MAX_CLIMB):
            for candidate in self._level(token, inside):
                sign = self._sign(candidate)
                if sign:
                    negated = any(_negation(c) for c in (candidate, *candidate.children, *token.children)) or (
                        candidate.dep_ in ("acl", "xcomp") and self._sign(candidate.head) and any(_negation(c) for c in candidate.head.children)) or (
                        candidate.dep_ == "pcomp" and candidate.head.lower_ == "without")  # "without agreeing to the ceasefire"  # fmt: skip
                    polarity = "support" if (sign > 0) != negated else "oppose"
                    cue = Span(candidate.idx, candidate.idx + len(candidate))
                    return ("conditional" if conditional and polarity == "support" else polarity), cue
            if token.head == token:
                break
            token = token.head
        return None, None

    @staticmethod
    def _level(token: Token, inside: set[int]) -> list[Token]:
        """The head of a token and the head's predicate complements, nearest first."""
        head = token.head
        level = [head] if head != token and head.i not in inside else []
        level += [c for c in head.children if c.dep_ in ("acomp", "oprd", "attr", "prt") and c.i not in inside]
        if head.lemma_ in STANCE_VERBS:  # "has the same commitment ... to X": the light verb's object
            level += [c for c in head.children if c.dep_ == "dobj" and c.i not in inside and c != token]
        level += [c for c in token.children if c.dep_ in ("acomp", "amod") and c.i not in inside]
        return level

    def _sign(self, token: Token) -> int:
        word, lemma = token.lower_, token.lemma_.lower()
        following = " ".join([lemma] + [t.lower_ for t in token.doc[token.i + 1 : token.i + 4]])
        if word in self.cues.oppose or lemma in self.cues.oppose or any(following.startswith(p) for p in self.cues.oppose if " " in p):
            return -1
        if word in self.cues.support or lemma in self.cues.support:
            return 1
        return 0

    @staticmethod
    def _holder(span, mentions: list[Mention]) -> Mention | None:
        """The subject of the first clause above the issue whose subject is not the issue."""
        token = span.root
        inside = {t.i for t in span}
        for _ in range(MAX_CLIMB):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
            subjects = [s for s in subjects if not any(t.i in inside for t in s.subtree)]
            if subjects:
                subject = subjects[0]
                if subject.lower_ in RELATIVES and token.dep_ == "relcl":
                    subject = token.head  # "European leaders, who are firm ...": the leaders
                return _mention_in(subject, mentions)
            if token.tag_ == "VBG" and token.i > 0 and token.doc[token.left_edge.i - 1].pos_ in ("PROPN", "NOUN"):
                return _mention_in(token.doc[token.left_edge.i - 1], mentions)  # "with Trump calling for talks"
            if token.head == token:
                return None
            token = token.head
        return None


def _mention_in(token: Token, mentions: list[Mention]) -> Mention | None:
    """The mention covering the token, else the first one inside its phrase."""
    start, end = token.idx, token.idx + len(token)
    covering = [m for m in mentions if m.span.start <= start and end <= m.span.end]
    if covering:
        return max(covering, key=lambda m: m.span.end - m.span.start)
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return next((m for m in mentions if left <= m.span.start and m.span.end <= right), None)


def _negation(token: Token) -> bool:
    """"not", "never", or "no" before a noun ("made no commitment to release the prisoners")."""
    return token.dep_ == "neg" or (token.dep_ == "det" and token.lower_ == "no")
