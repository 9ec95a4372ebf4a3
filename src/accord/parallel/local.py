"""Analysis in worker processes on this machine."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import AccordError
from ..model import Article, Rejected
from .batches import BATCH_SIZE, Rows, analyse_batch, batches, in_order


def _warm(kb_dirs: tuple[str, ...]) -> None:
    from ..pipeline import _pipeline

    threading.Thread(target=_orphan_exit, args=(os.getppid(),), daemon=True).start()
    _pipeline(kb_dirs)  # each worker loads the spaCy model and the knowledge base once


def _orphan_exit(parent: int) -> None:
    # A writer killed with SIGKILL cannot stop its workers, and they would wait on their
    # task queue for ever: each one leaves when it sees its parent gone.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def analyse_in_processes(
    items: Iterable[Article | Rejected], kb_dirs: tuple[str, ...], workers: int, batch_size: int = BATCH_SIZE
) -> Iterator[Rows | Rejected]:
    """Analyse in `workers` fresh processes; yield rows and rejections in input order."""
    kb_dirs = tuple(kb_dirs)
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited store connection
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm, initargs=(kb_dirs,)) as pool:
        results = in_order(lambda batch: pool.submit(analyse_batch, batch, kb_dirs), batches(items, batch_size), 2 * workers)
        try:
            for result in results:
                yield from [result] if isinstance(result, Rejected) else result
        except BrokenProcessPool as err:
            raise AccordError(f"a worker process died ({err}); run again to resume") from None
