"""CSV and Parquet: one file per table (articles, events, actors, quotes, stances, findings,
story_findings), with the columns of `export/data/tables.yaml`.

Lists of actors are joined with ";" and findings' evidence and groups are JSON strings, so
the CSV and the Parquet tables have the same columns and types.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .columns import table_columns
from .ids import event_id
from .select import Bundle, ExportError, Selection

BATCH = 5000  # Parquet rows written at a time
TABLE_READS = ("mentions", "events", "quotes", "stances", "findings")  # the store tables the rows come from


def table_rows(selection: Selection) -> Iterator[tuple[str, dict]]:
    """(table name, row) for every record the selection holds, story findings last."""
    for bundle in selection:
        yield from _article_rows(bundle)
    for story, n, finding in selection.story_findings():
        yield "story_findings", {"story_id": story, "n": n, **_finding(finding)}


def _article_rows(b: Bundle) -> Iterator[tuple[str, dict]]:
    a = b.article
    yield "articles", {"article_id": a["id"], **{k: a[k] for k in (
        "story_id", "origin", "url", "source", "title", "published", "published_at", "as_of", "as_of_rule",
        "ingested_at", "text")}}  # fmt: skip
    for actor_id, actor in b.actors.items():
        if b.keeps(actor_id):
            yield "actors", {"article_id": a["id"], **actor, "mentions": b.counts.get(actor_id, 0)}
    for n, e in enumerate(b.records["events"]):
        if b.keeps(*e["source"], *e["target"]):
            yield "events", _event(b, n, e)
    for n, q in enumerate(b.records["quotes"]):
        if b.keeps(q["speaker"]):
            yield "quotes", {
                "article_id": a["id"], "n": n, "kind": q["kind"], "speaker": q["speaker"],
                **_who(b, "speaker", [q["speaker"]] if q["speaker"] else []),
                "content_start": q["content"]["start"], "content_end": q["content"]["end"],
                "content_text": q["content"]["text"], "cue_text": _words(q.get("cue")), "confidence": q["confidence"],
            }  # fmt: skip
    for n, s in enumerate(b.records["stances"]):
        if b.keeps(s["holder"]):
            yield "stances", {
                "article_id": a["id"], "n": n, "holder": s["holder"], **_who(b, "holder", [s["holder"]]),
                "issue": s["issue"], "polarity": s["polarity"], "issue_text": _words(s.get("issue_span")),
                "cue_text": _words(s.get("cue")), **_first_evidence(s["evidence"]),
            }  # fmt: skip
    for n, f in enumerate(b.records["findings"]):
        yield "findings", {"article_id": a["id"], "n": n, **_finding(f)}


def _event(b: Bundle, n: int, e: dict) -> dict:
    place = e.get("place") or {}
    acled = e.get("acled") or (None, None)
    return {
        "article_id": b.article["id"], "n": n, "event_id": event_id(b.article["id"], n),
        "date": e.get("when"), "date_end": e.get("when_end"), "date_rule": e["when_rule"],
        "type": e["type"], "mode": e.get("mode"), "context": ";".join(e.get("context", [])) or None,
        "cameo": e["cameo"], "cameo_root": (e["cameo"] or "")[:2] or None,
        "quad_class": e["quad_class"], "goldstein": e["goldstein"],
        "source": ";".join(e["source"]) or None, **_who(b, "source", e["source"]),
        "target": ";".join(e["target"]) or None, **_who(b, "target", e["target"]),
        "acled_event_type": acled[0], "acled_sub_event_type": acled[1],
        "place": place.get("name"), "place_country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
        "negated": e["negated"], "hedged": e["hedged"], "reciprocal": e["reciprocal"],
        "decided_by": e["decided_by"], "confidence": e["confidence"], "pattern": e["pattern"],
        "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"], "trigger_text": e["trigger"]["text"],
        **_first_evidence(e["evidence"]), "evidence_sentences": len(e["evidence"]),
    }  # fmt: skip


def _who(b: Bundle, prefix: str, ids: list[str]) -> dict:
    """The names and codes of these actors, each joined with ';' (None when there are none)."""
    rows = [b.actors.get(i) or {} for i in ids]
    names = [r.get("name") or "" for r in rows]
    codes = [r.get("code") or "" for r in rows]
    return {f"{prefix}_name": ";".join(names) or None, f"{prefix}_code": ";".join(codes) or None}


def _words(span: dict | None) -> str | None:
    return span["text"] if span else None


def _first_evidence(evidence: list[dict]) -> dict:
    first = evidence[0] if evidence else {}
    return {"evidence_start": first.get("start"), "evidence_end": first.get("end"), "evidence_text": first.get("text")}


def _finding(f: dict) -> dict:
    return {
        "kind": f["kind"], "severity": f["severity"], "about": f.get("about"), "explanation": f["explanation"],
        "rule": f["rule"], "outlier": f.get("outlier"),
        "groups": json.dumps(f.get("groups", []), ensure_ascii=False),
        "evidence": json.dumps(f.get("evidence", []), ensure_ascii=False),
    }  # fmt: skip


def _directory(output: Path) -> Path:
    if output.exists() and not output.is_dir():
        raise ExportError(f"{output} is a file: csv and parquet write one file per table into a directory")
    output.mkdir(parents=True, exist_ok=True)
    return output


def write_csv(rows: Iterable[tuple[str, dict]], output: Path) -> dict[str, int]:
    """Write the rows as one CSV file per table (with a header) in `output`; return rows per table."""
    output = _directory(output)
    columns = table_columns()
    files = {t: (output / f"{t}.csv").open("w", encoding="utf-8", newline="") for t in columns}
    try:
        writers = {t: csv.writer(f) for t, f in files.items()}
        for t, cols in columns.items():
            writers[t].writerow([name for name, _ in cols])
        counts = dict.fromkeys(columns, 0)
        for table, row in rows:
            writers[table].writerow([_csv_cell(row[name]) for name, _ in columns[table]])
            counts[table] += 1
    finally:
        for f in files.values():
            f.close()
    return counts


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_parquet(rows: Iterable[tuple[str, dict]], output: Path) -> dict[str, int]:
    """Write the rows as one Parquet file per table in `output` (pyarrow); return rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    output = _directory(output)
    types = {"string": pa.string(), "integer": pa.int64(), "float": pa.float64(), "boolean": pa.bool_(), "date": pa.date32()}
    columns = table_columns()
    schemas = {t: pa.schema([(name, types[kind]) for name, kind in cols]) for t, cols in columns.items()}
    writers = {t: pq.ParquetWriter(output / f"{t}.parquet", schemas[t]) for t in columns}
    pending = {t: [] for t in columns}  # rows as value lists, in column order
    counts = dict.fromkeys(columns, 0)

    def flush(table: str) -> None:
        if not pending[table]:
            return
        arrays = []
        for (name, kind), values in zip(columns[table], zip(*pending[table])):
            if kind == "date":  # ISO days, cast by Arrow
                arrays.append(pa.array(values, pa.string()).cast(pa.date32()))
            else:
                arrays.append(pa.array(values, types[kind]))
        writers[table].write_table(pa.Table.from_arrays(arrays, schema=schemas[table]))
        pending[table] = []

    try:
        for table, row in rows:
            pending[table].append([row[name] for name, _ in columns[table]])
            counts[table] += 1
            if len(pending[table]) >= BATCH:
                flush(table)
        for table in columns:
            flush(table)
    finally:
        for w in writers.values():
            w.close()
    return counts
