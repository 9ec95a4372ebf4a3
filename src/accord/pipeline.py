"""The pipeline: the one place that knows the order of the stages.

    read -> nlp -> dates -> actors -> events -> quotes -> stances -> checks -> store

The checks stage reads each article's claims and finds what cannot all be true inside it;
comparing outlets needs a corpus, so it runs over stories in the store (`accord.stories`).
`Analysis.stages` names the stages that ran, so a report can tell "none found" from "not run".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from os import PathLike
from pathlib import Path

from spacy.tokens import Doc

from . import nlp
from .actors import ActorResolver, load_kb
from .checks import CheckStage
from .errors import InputRejected
from .events import EventStage, load_classifier, load_codebook
from .model import Analysis, Article, Rejected
from .quotes import QuoteExtractor
from .read import make_article, read_sources
from .read.dates import parse_published
from .stances import StanceExtractor
from .timex import find_dates

STAGES = ("read", "nlp", "dates", "actors", "events", "quotes", "stances", "checks")


class Pipeline:
    """Analyses streams of articles with one spaCy pipeline and one knowledge base."""

    def __init__(self, kb_dirs: tuple[str, ...] = (), rules_only: bool = False):
        """`rules_only` codes events with the codebook's triggers alone, without the classifier."""
        self.kb = load_kb(tuple(kb_dirs))
        self.resolve_actors = ActorResolver(self.kb, nlp.load())
        self.code_events = EventStage(self.kb, load_codebook(), None if rules_only else load_classifier())
        self.extract_quotes = QuoteExtractor()
        self.find_stances = StanceExtractor(nlp.load())
        self.run_checks = CheckStage(self.kb, self.resolve_actors, self.code_events.gazetteer.locate)  # one gazetteer serves events and claims
        self.names = nlp.NameGate(self.resolve_actors.lexicon.pieces)

    def parse(self, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
        """The nlp stage: parse each article, finding entities where the knowledge base does not name them."""
        return nlp.parse(articles, gate=self.names)

    def analyze_doc(self, doc: Doc, article: Article) -> Analysis:
        """Run the stages after nlp on one parsed article."""
        dates = find_dates(doc, article)
        actors = self.resolve_actors(doc, article)
        events, sentences = self.code_events(doc, article, actors.actors, actors.mentions, dates)
        analysis = Analysis(
            article=article,
            stages=STAGES,
            as_of=actors.as_of,
            as_of_rule=actors.as_of_rule,
            window=actors.window,
            dates=dates,
            actors=actors.actors,
            mentions=actors.mentions,
            events=events,
            sentences=sentences,
            quotes=self.extract_quotes(doc, article, actors.mentions, actors.actors),
            stances=self.find_stances(doc, article, actors.mentions),
        )
        claims, findings = self.run_checks(doc, analysis)
        return replace(analysis, claims=claims, findings=findings)

    def stream(self, items: Iterable[Article | Rejected]) -> Iterator[Analysis | Rejected]:
        """Analyse every Article of `items`, passing Rejected ones through."""
        pending: list[Rejected] = []

        def articles() -> Iterator[Article]:
            for item in items:
                if isinstance(item, Rejected):
                    pending.append(item)
                else:
                    yield item

        for doc, article in self.parse(articles()):
            yield from _drain(pending)
            try:
                result: Analysis | Rejected = self.analyze_doc(doc, article)
            except Exception as err:  # a bug in one article's analysis must not end the batch
                result = Rejected(article.origin, f"analysis failed ({type(err).__name__}: {err}); please report this")
            yield result
        yield from _drain(pending)

    def analyze_paths(self, paths: Iterable[str], published: date | None = None) -> Iterator[Analysis | Rejected]:
        """Read and analyse every input under `paths` (files, directories, globs, "-")."""
        return self.stream(read_sources(paths, published))


def _drain(pending: list[Rejected]) -> Iterator[Rejected]:
    while pending:
        yield pending.pop(0)


def analyze(text_or_path: str | PathLike, published: date | str | None = None, kb_dirs: tuple[str, ...] = ()) -> Analysis:
    """Analyse one article given as text or as a path; raise InputRejected if it cannot be.

    `published` (a date or "YYYY-MM-DD") dates an article whose input gives no date.
    """
    when = parse_published(published)
    pipeline = _pipeline(tuple(kb_dirs))
    if isinstance(text_or_path, PathLike) or _is_path(text_or_path):
        items = list(read_sources([str(text_or_path)], when))
    else:
        items = [make_article(text_or_path, "<text>", published=when)]
    results = list(pipeline.stream(items))
    rejected = [r for r in results if isinstance(r, Rejected)]
    if rejected:
        raise InputRejected(rejected[0].reason)
    analyses = [r for r in results if isinstance(r, Analysis)]
    if len(analyses) != 1:
        raise InputRejected(f"expected one article, found {len(analyses)}; use Pipeline.analyze_paths for many")
    return analyses[0]


def _is_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and Path(value).is_file()


_PIPELINES: dict[tuple[str, ...], Pipeline] = {}


def _pipeline(kb_dirs: tuple[str, ...]) -> Pipeline:
    if kb_dirs not in _PIPELINES:
        _PIPELINES[kb_dirs] = Pipeline(kb_dirs)
    return _PIPELINES[kb_dirs]

