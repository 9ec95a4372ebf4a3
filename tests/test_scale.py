"""Many cores and a cluster: worker processes and a real Dask LocalCluster store exactly what
one process stores, record by record."""

import shutil

import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.errors import AccordError
from accord.ingest import compare_stores, ingest
from accord.store.db import ROW_TABLES

from .conftest import EXAMPLES

TEXTS = [
    "Ukrainian President Volodymyr Zelensky met NATO Secretary General Mark Rutte in Kyiv on Tuesday. "
    "Rutte said the alliance would keep supporting Ukraine.",
    "Russian troops attacked Ukrainian positions near Pokrovsk on Monday. "
    "Ukrainian President Volodymyr Zelensky rejected any territorial concessions to Russia.",
    "US Secretary of State Marco Rubio spoke with Russian Foreign Minister Sergey Lavrov on Saturday. "
    "Rubio welcomed the prisoner exchange agreed in Istanbul, the State Department said.",
    "Protesters rallied outside the parliament in Tbilisi on Sunday to demand new elections, "
    "and police detained at least twelve people, the interior ministry said.",
]


def assert_same_store(one, other, tables=None) -> None:
    """Two stores hold the same rows in every result table (or in `tables`), none missing or extra."""
    differences = {t: d for t, d in compare_stores(one, other).items() if d != (0, 0) and (tables is None or t in tables)}
    assert differences == {}, f"(missing, extra) rows by table: {differences}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The examples and a few short texts: 10 articles, some sharing a story."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in EXAMPLES.iterdir():
        shutil.copy(path, folder / path.name)
    for n, text in enumerate(TEXTS):
        (folder / f"short-{n}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("one") / "one.db"
    report = ingest([str(corpus)], db, published=None)
    assert report.stored == 10 and not report.rejected
    return db


def test_two_worker_processes_store_what_one_process_stores(corpus, one_process, tmp_path):
    db = tmp_path / "two.db"
    report = ingest([str(corpus)], db, workers=2, batch_size=3)  # several batches, so order matters
    assert (report.stored, report.already_stored, report.rejected) == (10, 0, [])
    assert_same_store(one_process, db)
    again = ingest([str(corpus)], db, workers=2)
    assert (again.stored, again.already_stored) == (0, 10)


def test_a_dask_cluster_stores_what_one_process_stores_through_parquet_shards(corpus, one_process, tmp_path):
    from distributed import LocalCluster

    db, shards = tmp_path / "cluster.db", tmp_path / "shards"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        report = ingest([str(corpus)], db, scheduler=cluster.scheduler_address, shards=shards, batch_size=3)
    assert (report.stored, report.rejected) == (10, [])
    assert_same_store(one_process, db)
    assert list(shards.iterdir()) == []  # every shard imported, then removed


def test_shards_a_stopped_run_left_are_imported_once(corpus, one_process, tmp_path):
    from accord.parallel.batches import analyse_batch
    from accord.parallel.shards import shard_name, write_shard
    from accord.read import read_sources

    articles = [a for a in read_sources([str(corpus)]) if a.origin.endswith((".txt", ".html"))]
    shards = tmp_path / "shards"
    shards.mkdir()
    write_shard(shards / shard_name(articles[:2]), analyse_batch(articles[:2], ()))
    write_shard(shards / shard_name(articles[2:]), analyse_batch(articles[2:], ()))
    db = tmp_path / "resumed.db"
    report = ingest([str(corpus)], db, shards=shards)
    assert report.resumed == len(articles) and report.stored == 10 - len(articles)
    assert report.already_stored == len(articles)  # read again from the inputs, not stored twice
    assert list(shards.iterdir()) == []
    assert_same_store(one_process, db, ROW_TABLES)  # stories aside: shards first changes the order


def test_workers_and_a_scheduler_are_refused_together(tmp_path):
    with pytest.raises(AccordError, match="not both"):
        ingest([str(EXAMPLES)], tmp_path / "a.db", workers=2, scheduler="tcp://127.0.0.1:1")
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "a.db"), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output
    both = ["ingest", str(EXAMPLES), "--db", str(tmp_path / "a.db"), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"]
    result = CliRunner().invoke(main, both)
    assert result.exit_code == 2 and "not both" in result.output


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    from accord.parallel import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(
        main, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "a.db"), "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 3  # the run could not start
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


def test_comparing_stores_counts_missing_and_extra_rows(one_process, tmp_path):
    import sqlite3

    copy = tmp_path / "copy.db"
    with sqlite3.connect(one_process) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as db:
        db.execute("DELETE FROM events WHERE rowid IN (SELECT rowid FROM events LIMIT 2)")
        db.execute("UPDATE quotes SET record = '{}' WHERE rowid = (SELECT MIN(rowid) FROM quotes)")
    differences = compare_stores(one_process, copy)
    assert (differences["events"], differences["quotes"], differences["articles"]) == ((2, 0), (1, 1), (0, 0))
