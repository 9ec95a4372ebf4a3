"""The SQLite store: migrations, WAL, one transaction per article, idempotent ingest."""

import dataclasses
import sqlite3

import pytest

from accord import Store
from accord.model import Mention, Span
from accord.read import make_article
from accord.store.db import migrations

TEXT = (
    "US Secretary of State Marco Rubio spoke with Russian Foreign Minister Sergey Lavrov on Saturday. "
    "Rubio welcomed the prisoner exchange agreed in Istanbul, the State Department said."
)


@pytest.fixture(scope="module")
def analysis(pipeline):
    article = make_article(TEXT, "call.txt", published=None)
    return next(iter(pipeline.stream([article])))


def test_migrations_run_once_in_order_with_wal(tmp_path):
    path = tmp_path / "a.db"
    with Store(path) as store:
        assert store.version() == max(n for n, _, _ in migrations())
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(path) as again:  # reopening applies nothing twice
        rows = again.db.execute("SELECT version FROM schema_migrations").fetchall()
        assert len(rows) == len(migrations())


def test_save_is_idempotent_and_stores_every_record(tmp_path, analysis):
    with Store(tmp_path / "a.db") as store:
        assert store.save(analysis) is True
        assert store.save(analysis) is False
        assert store.count("articles") == 1
        assert store.count("mentions") == len(analysis.mentions) > 0
        assert store.count("actors") == len(analysis.actors)
        for start, end, text in store.db.execute("SELECT span_start, span_end, text FROM mentions"):
            assert analysis.article.text[start:end] == text


def test_a_failing_write_leaves_nothing_half_stored(tmp_path, analysis):
    broken = dataclasses.replace(
        analysis,
        article=dataclasses.replace(analysis.article, id="other"),
        mentions=(Mention(Span(0, 2), "US", None, "name", "test"),),  # actor NULL breaks NOT NULL
    )
    with Store(tmp_path / "a.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.save(broken)
        assert store.count("articles") == 0
        assert store.save(analysis) is True  # the store is still usable


def test_count_refuses_unknown_tables(tmp_path):
    from accord.errors import StoreError

    with Store(tmp_path / "a.db") as store, pytest.raises(StoreError):
        store.count("sqlite_master; DROP TABLE articles")


def test_an_unopenable_store_is_a_clear_error(tmp_path):
    from accord.errors import StoreError

    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path / "missing-dir" / "a.db")



def test_unseen_skips_stored_articles_before_analysis(tmp_path, analysis):
    from accord.model import Rejected

    other = make_article("Ukraine and Russia exchanged prisoners on Saturday in Istanbul, officials said.", "b.txt")
    rejected = Rejected("c.txt", "empty input")
    with Store(tmp_path / "a.db") as store:
        store.save(analysis)
        seen = []
        passed = list(store.unseen([analysis.article, other, rejected], seen))
        assert passed == [other, rejected] and seen == [analysis.article]
