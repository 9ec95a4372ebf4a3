"""ACLED's event and sub-event types (data/acled.yaml), checked against the CAMEO table at load."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..datafiles import read_yaml
from ..errors import KnowledgeBaseError

if TYPE_CHECKING:
    from .codebook import CameoCode

EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments")


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    cameo: str
    types: tuple[str, ...]  # the PLOVER types an event may have for this sub-event type to apply
    means: str


@dataclass(frozen=True)
class AcledTable:
    sub_events: dict[str, SubEventType]
    default_codes: dict[str, str]  # PLOVER type -> CAMEO code of an event the classifier found
    not_recorded: frozenset[str]  # PLOVER types ACLED records no event for


def load_acled(path: Path, table: dict[str, "CameoCode"]) -> AcledTable:
    """The ACLED table; every code must be in the CAMEO table."""
    doc = read_yaml(path)
    plover_types = {c.plover for c in table.values() if c.plover}
    subs = {}
    for name, entry in (doc.get("sub_event_types") or {}).items():
        where = f"sub-event type {name!r}"
        if entry.get("event_type") not in EVENT_TYPES:
            raise KnowledgeBaseError(str(path), None, f"{where}: event_type must be one of {', '.join(EVENT_TYPES)}")
        if str(entry.get("cameo")) not in table or not set(entry.get("types") or ()) <= plover_types:
            raise KnowledgeBaseError(str(path), None, f"{where}: needs a known cameo code and PLOVER types")
        subs[name] = SubEventType(name, entry["event_type"], str(entry["cameo"]), tuple(entry["types"]), entry.get("means", ""))
    defaults = {str(k): str(v) for k, v in (doc.get("default_codes") or {}).items()}
    if set(defaults) != plover_types or any(table.get(c) is None or table[c].plover != t for t, c in defaults.items()):
        raise KnowledgeBaseError(str(path), None, "default_codes: one code for each PLOVER type, of that type")
    not_recorded = frozenset(doc.get("not_recorded") or ())
    if not not_recorded <= plover_types:
        raise KnowledgeBaseError(str(path), None, "not_recorded: a list of PLOVER types")
    return AcledTable(subs, defaults, not_recorded)
