"""The SQLite store: WAL mode, numbered migrations, one transaction per article."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from collections.abc import Iterable, Iterator

from ..errors import StoreError

from ..model import Analysis, Article, Rejected
from ..serialize import analysis_to_dict

DEFAULT_PATH = "accord.db"
STORY_TABLES = ("profiles", "story_members", "story_findings")
RECORD_TABLES = ("events", "sentences", "quotes", "stances", "claims", "findings")
ROW_TABLES = ("articles", "actors", "mentions", "dates", *RECORD_TABLES)  # what one article adds


def migrations() -> list[tuple[int, str, str]]:
    """The bundled migrations as (number, name, sql), in order."""
    found = []
    for entry in resources.files("accord.store").joinpath("migrations").iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name.removesuffix(".sql").partition("_")
            found.append((int(number), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    """One SQLite file holding analysed articles; every write goes through `save`."""

    def __init__(self, path: str | Path = DEFAULT_PATH):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the store {self.path}: {err}") from None

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        for number, name, sql in migrations():
            if number in done:
                continue
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            record = f"INSERT INTO schema_migrations VALUES ({number}, '{name}', '{stamp}');"
            try:
                self.db.executescript(f"BEGIN IMMEDIATE;\n{sql}\n{record}\nCOMMIT;")
            except sqlite3.Error as err:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise StoreError(f"migration {number:03d}_{name} failed: {err}") from None

    def version(self) -> int:
        """The number of the last migration applied."""
        return self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    def has(self, article_id: str) -> bool:
        """True when an article with this id is stored."""
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def unseen(self, items: Iterable[Article | Rejected], seen: list[Article]) -> Iterator[Article | Rejected]:
        """Pass on rejections and the articles not stored yet; collect stored ones in `seen`
        (a re-run is not analysed again)."""
        for item in items:
            if isinstance(item, Article) and self.has(item.id):
                seen.append(item)
            else:
                yield item

    def save(self, analysis: Analysis) -> bool:
        """Store one analysis in one transaction; False (and no write) if the article is stored."""
        return self.save_rows(analysis_rows(analysis))

    def save_rows(self, rows: dict[str, list]) -> bool:
        """Store one article's rows (from `analysis_rows`, perhaps read back from a shard) in one
        transaction; False (and no write) if the article is stored."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            article = rows["articles"][0]
            inserted = db.execute(f"INSERT OR IGNORE INTO articles VALUES ({_marks(article)})", article).rowcount
            if inserted:
                for table in ROW_TABLES[1:]:
                    if rows[table]:
                        db.executemany(f"INSERT INTO {table} VALUES ({_marks(rows[table][0])})", rows[table])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return bool(inserted)

    def count(self, table: str = "articles") -> int:
        """The number of rows in one of the store's tables."""
        if table not in (*ROW_TABLES, *STORY_TABLES):
            raise StoreError(f"no table {table!r} in the store")
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def analysis_rows(analysis: Analysis) -> dict[str, list[tuple]]:
    """The rows one analysis adds to each table of ROW_TABLES (the article's row first)."""
    a = analysis.article
    record = analysis_to_dict(analysis)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = {
        "articles": [(
            a.id, a.origin, a.url, a.source, a.title, _iso(a.published), _iso(analysis.as_of),
            analysis.as_of_rule, a.language, a.text, json.dumps([[h.start, h.end] for h in a.headings]),
            json.dumps(list(analysis.stages)), now, _iso(a.published_at),
        )],
        "actors": [(a.id, x.id, x.name, x.kind, x.code, x.country, x.sector, x.role) for x in analysis.actors],
        "mentions": [
            (a.id, m.span.start, m.span.end, m.text, m.actor, m.kind, m.rule, m.role, m.role_valid)
            for m in analysis.mentions
        ],
        "dates": [
            (a.id, d.span.start, d.span.end, d.text, _iso(d.start), _iso(d.end), d.granularity, d.rule)
            for d in analysis.dates
        ],
    }  # fmt: skip
    for table in RECORD_TABLES:
        rows[table] = [(a.id, n, json.dumps(item)) for n, item in enumerate(record[table])]
    return rows


def _marks(row) -> str:
    return ",".join("?" * len(row))


def _iso(day) -> str | None:
    return day.isoformat() if day else None
