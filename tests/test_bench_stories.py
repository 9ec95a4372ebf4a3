"""The stories benchmark's corpus and measurements at a tiny size: its generated stories are found
again, its wire copies found as copies, its planted disagreements found (nothing is timed here)."""

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "stories.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_stories", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def articles(bench):
    return bench.corpus(200, seed=7)


def test_corpus_is_deterministic_and_shaped_as_described(bench, articles):
    assert [a.id for a in bench.corpus(200, seed=7)] == [a.id for a in articles]
    assert len({a.id for a in articles}) == len(articles) == 200
    stories = Counter(a.story for a in articles)
    assert 35 <= len(stories) <= 70  # about n/4
    copies = [a for a in articles if a.copy_of]
    assert 10 <= len(copies) <= 35  # about 10%
    by_id = {a.id: a for a in articles}
    for copy in copies:
        original = by_id[copy.copy_of]
        assert copy.story == original.story
        assert len(copy.text) < len(original.text) and copy.published > original.published
    published = [a.published for a in articles]
    assert published == sorted(published)


def test_claims_point_at_their_words(articles):
    kinds = Counter()
    for a in articles:
        for c in a.claims:
            kinds[c.kind] += 1
            assert a.text[c.span.start : c.span.end] == c.value
            assert c.sentence.start <= c.span.start < c.span.end <= c.sentence.end
            if c.kind == "quote":
                assert a.text[c.speaker.start : c.speaker.end] in a.text[c.sentence.start : c.sentence.end]
    assert set(kinds) == {"number", "duration", "date", "place", "quote"}


def test_stories_and_copies_found(bench, articles):
    index = bench.cluster(articles)
    result = bench.score(articles, index.story_of, index.copy_of)
    assert result["precision"] > 0.8 and result["recall"] > 0.8
    assert result["right"] >= 0.9 * result["planted"] > 0
    assert result["copies"] <= result["planted"] + 2
    findings = bench.check(articles, index)
    kinds = Counter(f.kind for f in findings)
    assert {"numbers differ", "durations differ", "dates differ", "quote differs"} <= set(kinds)


def test_score_counts_pairs(bench, articles):
    truth = {a.id: a.story for a in articles}
    assert bench.score(articles, truth, {})["precision"] == 1.0
    one = {a.id: "all" for a in articles}
    lumped = bench.score(articles, one, {})
    assert lumped["recall"] == 1.0 and lumped["precision"] < 0.1


def test_store_path_finds_what_the_index_finds(bench):
    few = bench.corpus(80, seed=7)
    index = bench.cluster(few)
    stored = bench.run_store(80, 7)
    assert stored == {**stored, **bench.score(few, index.story_of, index.copy_of)}
    assert stored["findings"] == len(bench.check(few, index)) > 0
