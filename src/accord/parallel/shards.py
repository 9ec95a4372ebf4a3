"""Parquet shards: the analysis of one batch, written by a cluster worker, read by the writer.

A shard holds one row per article of its batch, in order: `origin`, `reason` (set when the
article was rejected) and `rows` (JSON of the store rows, `accord.store.db.analysis_rows`).
It is written under a temporary name and renamed, so a shard that exists is whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Article, Rejected
from .batches import Rows

SCHEMA = pa.schema([("origin", pa.string()), ("reason", pa.string()), ("rows", pa.string())])


def shard_name(batch: list[Article]) -> str:
    """The file name of a batch's shard: a hash of its article ids, so the same batch
    analysed again (after a stopped run) finds its shard already written."""
    digest = hashlib.sha1("\n".join(a.id for a in batch).encode()).hexdigest()[:24]
    return f"{digest}.parquet"


def write_shard(path: str | Path, results: list[Rows | Rejected]) -> None:
    """Write the results of one batch to `path`, atomically."""
    columns: dict[str, list] = {"origin": [], "reason": [], "rows": []}
    for item in results:
        rejected = isinstance(item, Rejected)
        columns["origin"].append(item.origin if rejected else item["articles"][0][1])
        columns["reason"].append(item.reason if rejected else None)
        columns["rows"].append(None if rejected else json.dumps(item, ensure_ascii=False))
    path = Path(path)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    pq.write_table(pa.table(columns, schema=SCHEMA), partial)
    os.replace(partial, path)


def read_shard(path: str | Path) -> Iterator[Rows | Rejected]:
    """The rows and rejections of one shard, in the order they were written."""
    table = pq.read_table(path, schema=SCHEMA).to_pydict()
    for origin, reason, rows in zip(table["origin"], table["reason"], table["rows"]):
        yield Rejected(origin, reason) if reason is not None else json.loads(rows)
