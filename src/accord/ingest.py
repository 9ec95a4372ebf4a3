"""Ingest: read articles, analyse them (here, in worker processes or on a Dask cluster),
store each one, place it in a story, and compare the outlets of the stories touched.

This process is the one writer, and one ingest at a time writes to a store: `writer_lock`
makes a second one stop at once with StoreBusy. Each article is saved in one transaction,
then placed in a story; at the end the findings across outlets of the stories touched are
recomputed. A run killed at any moment loses nothing and stores nothing twice: the next run
skips the articles stored, places the ones stored but not placed (`StoryBook` does on
opening), imports the shards a cluster left, and, because the killed run is still marked
unfinished in `ingest_runs`, recomputes the findings of every story that run placed an
article in. The lock of a killed run goes with its process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from .actors import load_kb
from .errors import AccordError
from .model import Rejected
from .parallel import analyse_here, analyse_in_processes, analyse_on_cluster, leftover_shards
from .read import read_sources
from .store import DEFAULT_PATH, Store
from .store.lock import writer_lock
from .store.stories import StoryBook


@dataclass
class IngestReport:
    """What one ingest did: counts of articles, the rejections, the WARC records skipped by
    design (by reason) and the findings across outlets."""

    stored: int = 0
    already_stored: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    resumed: int = 0  # articles stored from the shards of a run that was stopped
    across: int = 0  # findings across outlets in the stories this run touched

    @property
    def read(self) -> int:
        """The articles and rejected inputs this run read (shards left by a stopped run aside)."""
        return self.stored + self.already_stored + len(self.rejected)


def ingest(
    paths: Iterable[str], db_path: str | Path = DEFAULT_PATH, published: date | None = None,
    kb_dirs: tuple[str, ...] = (), workers: int = 1, scheduler: str | None = None,
    shards: str | Path | None = None, progress: Callable[[], object] | None = None, batch_size: int | None = None,
) -> IngestReport:  # fmt: skip
    """Analyse and store every input under `paths`; return an IngestReport.

    `workers` > 1 analyses in that many processes on this machine; `scheduler` (a Dask
    address such as tcp://host:8786) on a cluster whose workers write Parquet shards to
    `shards` (default: the store's path + ".shards"); `batch_size` articles go to a worker at
    a time (by default 4 to a process, 16 to a cluster task). The store is the same either
    way. `progress` is called once for every result handled. Raises StoreBusy at once when
    another ingest is writing to `db_path`.
    """
    if workers < 1:
        raise AccordError(f"workers must be 1 or more, not {workers}")
    if workers > 1 and scheduler:
        raise AccordError("give workers or a scheduler, not both: the scheduler's workers do the analysis")
    shard_dir = Path(shards) if shards else Path(f"{db_path}.shards")
    report = IngestReport()
    with writer_lock(db_path), Store(db_path) as store:
        load_kb(tuple(kb_dirs))  # a broken knowledge base is reported before anything is read
        run = _begin(store)
        book = StoryBook(store)
        _retouch(store, book, run)
        for item in leftover_shards(shard_dir):
            report.resumed += _keep(item, store, book) == "stored"
        seen: list = []
        items = store.unseen(read_sources(paths, published, report.skipped), seen)
        for item in _analysed(items, tuple(kb_dirs), workers, scheduler, shard_dir, batch_size):
            outcome = _keep(item, store, book)
            if outcome == "rejected":
                report.rejected.append(item)
            elif outcome == "stored":
                report.stored += 1
            else:
                report.already_stored += 1
            if progress:
                progress()
        report.already_stored += len(seen)
        report.across = book.refresh()
        _finish(store)
    return report


def _analysed(items, kb_dirs, workers, scheduler, shard_dir, batch_size) -> Iterator:
    size = {"batch_size": batch_size} if batch_size else {}
    if scheduler:
        return analyse_on_cluster(items, kb_dirs, scheduler, shard_dir, **size)
    if workers > 1:
        return analyse_in_processes(items, kb_dirs, workers, **size)
    return analyse_here(items, kb_dirs)


def _keep(item, store: Store, book: StoryBook) -> str:
    """Store one result and place it in a story: "stored", "already stored" or "rejected"."""
    if isinstance(item, Rejected):
        return "rejected"
    if not store.save_rows(item):
        return "already stored"
    book.place(item["articles"][0][0])
    return "stored"


def _begin(store: Store) -> int:
    """Mark a run as started; return the last story-placement number before it (for a run
    that follows a killed one, the number before the killed run)."""
    db = store.db
    (unfinished,) = db.execute("SELECT MIN(first_seq) FROM ingest_runs WHERE finished_at IS NULL").fetchone()
    if unfinished is not None:
        return unfinished
    (last,) = db.execute("SELECT COALESCE(MAX(seq), 0) FROM profiles").fetchone()
    db.execute("INSERT INTO ingest_runs (started_at, first_seq) VALUES (?, ?)", (_now(), last))
    return last


def _retouch(store: Store, book: StoryBook, after: int) -> None:
    """Have `book.refresh` redo every story an article was placed in after placement `after`."""
    book.touched |= {
        story for (story,) in store.db.execute(
            "SELECT DISTINCT m.story_id FROM story_members m JOIN profiles p ON p.article_id = m.article_id WHERE p.seq > ?",
            (after,),
        )
    }  # fmt: skip


def _finish(store: Store) -> None:
    store.db.execute("UPDATE ingest_runs SET finished_at = ? WHERE finished_at IS NULL", (_now(),))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def compare_stores(reference: str | Path, other: str | Path) -> dict[str, tuple[int, int]]:
    """Row by row, for every result table of `reference`: (rows `other` lacks, rows it holds
    too many times or that `reference` lacks). All zeros means the same results. When each
    article was stored, the run bookkeeping and full-text index internals are left aside."""
    first, second = _rows(reference), _rows(other)
    return {table: (sum((rows - second.get(table, Counter())).values()), sum((second.get(table, Counter()) - rows).values()))
            for table, rows in first.items()}  # fmt: skip


def _rows(path: str | Path) -> dict[str, Counter]:
    import sqlite3

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [t for (t,) in db.execute(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') "
            "AND name NOT LIKE 'sqlite%'"
        ) if t not in _BOOKKEEPING]  # fmt: skip
        found = {}
        for table in tables:
            columns = [c[1] for c in db.execute(f'PRAGMA table_info("{table}")') if (table, c[1]) != ("articles", "ingested_at")]
            found[table] = Counter(db.execute(f'SELECT {", ".join(columns)} FROM "{table}"'))
        return found
    finally:
        db.close()


_BOOKKEEPING = ("schema_migrations", "ingest_runs")
