"""Batches of articles, the analysis of one batch, and results kept in input order."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..model import Analysis, Article, Rejected
from ..store.db import analysis_rows

BATCH_SIZE = 16  # articles a cluster task analyses (one shard)
PROCESS_BATCH_SIZE = 4  # articles sent to a local worker process at a time: small keeps both busy

Rows = dict[str, list]
_ONE_AT_A_TIME = threading.Lock()  # threads of one process share one pipeline


def analyse_here(items: Iterable[Article | Rejected], kb_dirs: tuple[str, ...] = ()) -> Iterator[Rows | Rejected]:
    """Analyse in this process, streaming: the rows of each article, rejections passed on."""
    from ..pipeline import _pipeline

    for item in _pipeline(tuple(kb_dirs)).stream(items):
        yield analysis_rows(item) if isinstance(item, Analysis) else item


def analyse_batch(articles: list[Article], kb_dirs: tuple[str, ...]) -> list[Rows | Rejected]:
    """The rows (or the rejection) of each article of one batch, in order; runs in a worker."""
    with _ONE_AT_A_TIME:
        return list(analyse_here(articles, kb_dirs))


def batches(items: Iterable[Article | Rejected], size: int = BATCH_SIZE) -> Iterator[list[Article] | Rejected]:
    """Group the articles of `items` in lists of `size`; rejections come out where they stand."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def in_order(submit: Callable[[list[Article]], Any], work: Iterable[list[Article] | Rejected], window: int) -> Iterator[Any]:
    """Submit each batch (at most `window` in flight) and yield each one's result, or each
    rejection, in the order of `work`; `submit` returns a future or a result at once."""
    pending: deque = deque()
    for item in work:
        pending.append(item if isinstance(item, Rejected) else submit(item))
        while len(pending) >= window:
            yield _ready(pending.popleft())
    while pending:
        yield _ready(pending.popleft())


def _ready(entry: Any) -> Any:
    return entry.result() if hasattr(entry, "result") else entry
