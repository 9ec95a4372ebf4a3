"""Analysis on a Dask distributed cluster: workers write Parquet shards, the writer imports them.

The shard directory must be one the workers and this machine share (a network file system
on a real cluster). Importing is idempotent (an article already stored adds nothing), and a
shard is deleted once every article in it is stored, so shards a stopped run left behind
are imported by the next run (`leftover_shards`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import AccordError
from ..model import Article, Rejected
from .batches import BATCH_SIZE, Rows, analyse_batch, batches, in_order
from .shards import read_shard, shard_name, write_shard

CONNECT_TIMEOUT = "20s"


def analyse_to_shard(batch: list[Article], kb_dirs: tuple[str, ...], path: str) -> str:
    """Analyse one batch and write its shard to `path`; runs on a cluster worker."""
    write_shard(path, analyse_batch(batch, kb_dirs))
    return path


def analyse_on_cluster(
    items: Iterable[Article | Rejected], kb_dirs: tuple[str, ...], scheduler: str, shard_dir: str | Path,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Rows | Rejected]:  # fmt: skip
    """Analyse on the Dask cluster at `scheduler`; yield rows and rejections in input order."""
    from distributed import Client

    shard_dir = _shard_dir(shard_dir)
    kb_dirs = tuple(kb_dirs)
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError, TypeError) as err:
        raise AccordError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    with client:
        window = 2 * max(1, sum(client.nthreads().values()))

        def submit(batch: list[Article]):
            path = shard_dir / shard_name(batch)
            if path.exists():  # analysed by a run that stopped before importing it
                return path
            return client.submit(analyse_to_shard, batch, kb_dirs, str(path), pure=False)

        results = in_order(submit, batches(items, batch_size), window)
        while True:
            try:
                result = next(results)
            except StopIteration:
                break
            except Exception as err:  # a worker's error comes back through its future
                raise AccordError(f"a cluster worker failed: {type(err).__name__}: {err}") from None
            if isinstance(result, Rejected):
                yield result
            else:
                yield from _import(Path(result))


def leftover_shards(shard_dir: str | Path) -> Iterator[Rows | Rejected]:
    """The rows of shards a stopped run left in `shard_dir` (none if it does not exist)."""
    shard_dir = Path(shard_dir)
    if shard_dir.is_dir():
        for path in sorted(shard_dir.glob("*.parquet")):
            yield from _import(path)


def _import(path: Path) -> Iterator[Rows | Rejected]:
    yield from read_shard(path)
    path.unlink()  # the caller has stored every row it was handed


def _shard_dir(path: str | Path) -> Path:
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise AccordError(f"cannot use {path} as the shard directory: {err}") from None
    return path
