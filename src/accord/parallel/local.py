"""Analysis in worker processes on this machine."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from ..errors import AccordError
from ..model import Article, Rejected
from .batches import PROCESS_BATCH_SIZE, Rows, analyse_batch, batches, in_order


def _warm(kb_dirs: tuple[str, ...], parent: int) -> None:
    from ..pipeline import _pipeline

    threading.Thread(target=_orphan_exit, args=(parent,), daemon=True).start()
    _pipeline(kb_dirs)  # each worker loads the spaCy model and the knowledge base once


def _orphan_exit(parent: int) -> None:
    # A writer killed with SIGKILL cannot stop its workers, and they would wait on their
    # task queue for ever: each one leaves when it sees its parent gone. The parent's pid
    # comes from the parent, since it may be gone before this process has started.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


class WorkerProcesses:
    """`workers` spawned processes that analyse batches, each loading the model once."""

    def __init__(self, kb_dirs: tuple[str, ...], workers: int):
        self.kb_dirs, self.workers = tuple(kb_dirs), workers
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited store connection
        self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_warm, initargs=(self.kb_dirs, os.getpid()))

    def ready(self) -> None:
        """Wait until every worker has loaded its pipeline (a task runs only after that)."""
        seen: set[int] = set()
        while len(seen) < self.workers:
            seen |= {f.result() for f in [self.pool.submit(os.getpid) for _ in range(self.workers)]}

    def analyse(self, items: Iterable[Article | Rejected], batch_size: int = PROCESS_BATCH_SIZE) -> Iterator[Rows | Rejected]:
        """Yield the rows of each article of `items`, and the rejections, in input order."""
        submit = partial(self.pool.submit, analyse_batch, kb_dirs=self.kb_dirs)
        try:
            for result in in_order(submit, batches(items, batch_size), 2 * self.workers):
                yield from [result] if isinstance(result, Rejected) else result
        except BrokenProcessPool as err:
            raise AccordError(f"a worker process died ({err}); run again to resume") from None

    def __enter__(self) -> WorkerProcesses:
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(cancel_futures=True)


def analyse_in_processes(
    items: Iterable[Article | Rejected], kb_dirs: tuple[str, ...], workers: int, batch_size: int = PROCESS_BATCH_SIZE
) -> Iterator[Rows | Rejected]:
    """Analyse in `workers` fresh processes; yield rows and rejections in input order."""
    with WorkerProcesses(kb_dirs, workers) as pool:
        yield from pool.analyse(items, batch_size)
