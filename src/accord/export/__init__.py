"""Exports of the store: GDELT 2.0 event table, POLECAT-style PLOVER records, CSV and
Parquet tables, and JSON Lines of the full analyses (docs/export.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..store import Store
from .gdelt import write_gdelt
from .jsonl import write_analyses
from .polecat import write_polecat
from .select import CHILD_TABLES, ExportError, Filters, Selection
from .tables import TABLE_READS, table_rows, write_csv, write_parquet

__all__ = ["FORMATS", "TABLE_FORMATS", "ExportError", "Filters", "export"]

STREAMS = {"gdelt": (write_gdelt, "events"), "polecat": (write_polecat, "events"), "jsonl": (write_analyses, "analyses")}
TABLES = {"csv": write_csv, "parquet": write_parquet}
READS = {"gdelt": ("events",), "polecat": ("events",), "jsonl": CHILD_TABLES, "csv": TABLE_READS, "parquet": TABLE_READS}
FORMATS = (*STREAMS, *TABLES)
TABLE_FORMATS = tuple(TABLES)


def export(store: Store, fmt: str, output: str | Path | None = None, filters: Filters = Filters()) -> dict[str, int]:
    """Export the store's records that pass `filters` in format `fmt`; return what was written
    ({"events": n}, {"analyses": n}, or rows per table).

    gdelt, polecat and jsonl write one file (standard output without `output`); csv and
    parquet write one file per table into the directory `output`."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    selection = Selection(store, filters, READS[fmt])
    try:
        return _write(fmt, selection, output)
    except OSError as err:
        raise ExportError(f"cannot write {err.filename or output}: {err.strerror}") from None


def _write(fmt: str, selection: Selection, output: str | Path | None) -> dict[str, int]:
    if fmt in TABLES:
        if output is None:
            raise ExportError(f"{fmt} writes one file per table: give a directory with -o")
        return TABLES[fmt](table_rows(selection), Path(output))
    write, unit = STREAMS[fmt]
    if output is None:
        return {unit: write(selection, sys.stdout)}
    path = Path(output)
    if path.is_dir():
        raise ExportError(f"{path} is a directory: {fmt} writes one file, give a file name with -o")
    with path.open("w", encoding="utf-8", newline="\n") as out:
        return {unit: write(selection, out)}
