"""Named entities where they are needed.

spaCy's entity recogniser takes about half of its English pipeline's time, yet a sentence
whose proper nouns the knowledge base already names, with no number and no time word,
gains nothing from it. `NameGate` splits each parsed doc: the sentences the recogniser
must read, and the entities the knowledge base gives the others (labelled as spaCy labels
them). `recognise` runs the recogniser on the first kind only, as one short doc per
article, and copies its entities back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

from ..datafiles import read_yaml

DATA = Path(__file__).parent / "data" / "names.yaml"
PROPER_TAGS = {"NNP", "NNPS"}
TIMES = re.compile(r"(1[5-9]|20)\d\d'?s?|\d{1,2}[:.]\d\d")  # years and decades, clock times

T = TypeVar("T")


class NameGate:
    """Decides, sentence by sentence, whether the knowledge base's names are the whole story."""

    def __init__(self, pieces: Callable[[Doc], list]):
        """`pieces(doc)` gives the knowledge-base phrases of a doc (`Lexicon.pieces`)."""
        data = read_yaml(DATA)
        self.time_words = frozenset(data["time_words"])
        self.calendar = frozenset(data["calendar"])
        self.currencies = frozenset(data["currencies"])
        self.honorifics = frozenset(data["honorifics"])
        self.labels: dict[str, str] = data["labels"]
        self.pieces = pieces

    def split(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """The sentences the recogniser must read, and the entities of all the others."""
        pieces = self.pieces(doc)
        covered = {i for p in pieces for i in range(p.start, p.end)}
        unknown, known = [], []
        sentences = list(doc.sents)
        for sentence in sentences:
            if self._needs_recogniser(sentence, covered):
                unknown.append(sentence)
        starts = [s.start for s in sentences]
        read = {s.start for s in unknown}
        for piece in pieces:
            label = self.labels.get(piece.kind)
            if label and starts[bisect_right(starts, piece.start) - 1] not in read:
                known.append(Span(doc, piece.start, piece.end, label=label))
        return unknown, known

    def _needs_recogniser(self, sentence: Span, covered: set[int]) -> bool:
        """True when the sentence holds a date, a time, a sum of money or a name the knowledge base lacks."""
        for token in sentence:
            if token.text in self.calendar or token.lower_ in self.time_words or token.lower_ in self.currencies:
                return True
            if token.is_currency or TIMES.fullmatch(token.text):
                return True
            if token.tag_ in PROPER_TAGS and token.i not in covered and token.lower_ not in self.honorifics:
                return True
        return False


def recognise(ner: EntityRecognizer, gate: NameGate, batch: Iterable[tuple[Doc, T]]) -> Iterator[tuple[Doc, T]]:
    """Give every doc of `batch` its entities, running `ner` only where `gate` says it is needed."""
    plans = []
    for doc, context in batch:
        unknown, known = gate.split(doc)
        index = [token.i for sentence in unknown for token in sentence]
        words = [doc[i].text for i in index]
        spaces = [bool(doc[i].whitespace_) for i in index]
        plans.append((doc, context, index, known, Doc(doc.vocab, words=words, spaces=spaces)))
    for (doc, context, index, known, _), read in zip(plans, ner.pipe(plan[-1] for plan in plans)):
        entities = list(known)
        for ent in read.ents:  # an entity across two sentences that are not neighbours is dropped
            start, end = index[ent.start], index[ent.end - 1] + 1
            if end - start == len(ent):
                entities.append(Span(doc, start, end, label=ent.label))
        doc.set_ents(entities, default="outside")
        yield doc, context
