"""The column lists of the exports, read once from `export/data/*.yaml` with a schema check."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import KnowledgeBaseError

DATA = Path(__file__).parent / "data"
TYPES = ("string", "integer", "float", "boolean", "date")


def _checked(path: Path, columns: list) -> tuple[tuple[str, str], ...]:
    found = []
    for column in columns:
        if not isinstance(column, dict) or not isinstance(column.get("name"), str) or column.get("type") not in TYPES:
            raise KnowledgeBaseError(str(path), None, f"a column needs a name and a type in {TYPES}: {column!r}")
        found.append((column["name"], column["type"]))
    if len({name for name, _ in found}) != len(found):
        raise KnowledgeBaseError(str(path), None, "a column name appears twice")
    return tuple(found)


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[tuple[str, str], ...]:
    """The GDELT 2.0 event table's 61 columns as (name, type), in file order."""
    path = DATA / "gdelt_columns.yaml"
    return _checked(path, read_yaml(path).get("columns", []))


@lru_cache(maxsize=1)
def table_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each CSV/Parquet table's columns as (name, type), in order, by table name."""
    path = DATA / "tables.yaml"
    return {table: _checked(path, columns) for table, columns in read_yaml(path).get("tables", {}).items()}
